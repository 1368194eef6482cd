#pragma once

#include "schemasnapshot.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace retort::ui {

// A database's schema as a tree: "Tables" with each table's columns, unique
// constraints, foreign keys and indexes; "Views"; "Triggers". Built from the
// core's SchemaSnapshot. Compared with the schema expected at the current
// revision, the tree also holds what is missing from the database (taken from
// the expected schema) and marks what is extra or defined differently, as the
// core's SchemaSnapshot::compare lists them.
class SchemaModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        TypeColumn,
        DetailsColumn,
        ComparisonColumn,
        ColumnCount
    };
    enum class Kind
    {
        Group,
        Table,
        Column,
        UniqueConstraint,
        ForeignKey,
        Index,
        View,
        Trigger,
    };
    enum class Group
    {
        Tables,
        Views,
        Triggers,
        Indexes,
        ForeignKeys,
        UniqueConstraints
    };
    enum class State
    {
        Same,
        Missing,
        Extra,
        Changed
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, // Kind, as int
        StateRole,                   // State, as int
        SqlRole,                     // the CREATE statement, when the object has one
        ObjectNameRole,              // the object's name (a table's, a column's...)
        TableRole,                   // the table it belongs to
    };

    explicit SchemaModel(QObject *parent = nullptr);
    ~SchemaModel() override;

    // The database's schema alone.
    void setSchema(const SchemaSnapshot &actual);
    // The database's schema against the expected one; `differences` as
    // SchemaSnapshot::compare(expected, actual) lists them.
    void setComparison(const SchemaSnapshot &actual, const SchemaSnapshot &expected,
                       const SchemaDiff &differences);
    void clear();

    bool isComparing() const { return m_comparing; }
    int tableCount() const { return m_tableCount; }
    int differenceCount() const { return m_differenceCount; }
    // The row of a table (top level "Tables" group's child), invalid if none.
    QModelIndex tableIndex(const QString &name) const;
    // Header and group texts are translated: views call this on a language change.
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    struct Node;

private:
    void build(const SchemaSnapshot &actual, const SchemaSnapshot *expected,
               const SchemaDiff *differences);
    Node *nodeOf(const QModelIndex &index) const;
    QString typeText(const Node &node) const;
    QString detailsText(const Node &node) const;
    QString stateText(State state) const;
    QString toolTip(const Node &node) const;

    std::unique_ptr<Node> m_root;
    bool m_comparing = false;
    int m_tableCount = 0;
    int m_differenceCount = 0;
};

} // namespace retort::ui
