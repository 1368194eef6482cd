#pragma once

#include "doctor.h"

#include <QAbstractTableModel>
#include <QList>

namespace retort::ui {

// The schema differences a finding rests on, side by side: the object, what
// is wrong with it, its expected and its actual definition, and the revision
// that should have made (or removed) it.
class DifferencesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ObjectColumn,
        ChangeColumn,
        ExpectedColumn,
        ActualColumn,
        RevisionColumn,
        ColumnCount
    };
    enum Role
    {
        ChangeRole = Qt::UserRole + 1, // SchemaDifference::Change, as int
        RevisionIdRole,                // the revision's id, empty when none
    };

    explicit DifferencesModel(QObject *parent = nullptr);

    void setDifferences(const QList<AttributedDifference> &differences);
    const QList<AttributedDifference> &differences() const { return m_differences; }
    // Header and words are translated: views call this on a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    static QString objectText(const SchemaDifference &difference);
    static QString changeText(SchemaDifference::Change change);
    static QString revisionText(const AttributedDifference &difference);

    QList<AttributedDifference> m_differences;
};

} // namespace retort::ui
