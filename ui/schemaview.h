#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QTreeView;

namespace retort::ui {

class CodeView;
class JobRunner;
class MessageBar;
class SchemaModel;
struct SessionSnapshot;

// The live database's schema, read-only: tables with their columns, unique
// constraints, foreign keys and indexes, then views and triggers, and the SQL
// that creates the selected object. Optionally compared with the schema the
// migrations should have left at the current revision (computed by the core
// off the GUI thread), showing what is missing, unexpected or different.
// The schema is read when the view is shown, not at every reload behind it.
class SchemaView : public QWidget
{
    Q_OBJECT

public:
    explicit SchemaView(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    // Reads the schema again now (or starts the comparison), visible or not.
    void refresh();
    // Whether a person can see it: false while its dock's tab is behind
    // another (a tabbed dock stays "visible" to Qt). Reading waits for it.
    void setActive(bool active);
    void setComparing(bool comparing);
    bool isComparing() const;
    bool isBusy() const;

    SchemaModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    CodeView *sqlView() const { return m_sql; }
    MessageBar *summary() const { return m_summary; }
    QCheckBox *compareBox() const { return m_compare; }

signals:
    // The tree holds a new schema or comparison (or was emptied).
    void loaded();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Comparison;
    void retranslateUi();
    void startReading(bool compare);
    void showPlain(const Comparison &read);
    void showComparison(const Comparison &comparison);
    void showEmpty(const QString &why, bool error);
    void updateSummary();
    void showSelected();
    // The selected object, to select it again once the tree is rebuilt.
    struct Selected
    {
        QString table;
        int kind = -1;
        QString name;
    };
    Selected selected() const;
    void select(const Selected &object);

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    bool m_stale = true;
    bool m_active = true;
    JobRunner *m_jobs = nullptr;
    int m_job = 0;
    // What the summary says, kept to say it again in another language.
    enum class Shown
    {
        Nothing,
        Empty,
        Schema,
        Comparison,
        Comparing
    } m_shown = Shown::Nothing;
    QString m_emptyReason;
    bool m_emptyIsError = false;
    QString m_comparedAt;
    bool m_uncertain = false;
    QString m_uncertainReason;
    int m_indexCount = 0, m_viewCount = 0, m_triggerCount = 0;

    SchemaModel *m_model = nullptr;
    MessageBar *m_summary = nullptr;
    QCheckBox *m_compare = nullptr;
    QTreeView *m_tree = nullptr;
    CodeView *m_sql = nullptr;
};

} // namespace retort::ui
