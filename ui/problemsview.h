#pragma once

#include "project.h"

#include <QWidget>

#include <memory>

class QLabel;
class QStackedWidget;
class QTreeWidget;

namespace retort::ui {

struct SessionSnapshot;

// Everything wrong with the opened project, as the core reports it: the
// configuration, the revision files, the version table and the database.
class ProblemsView : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsView(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    int problemCount() const { return int(m_entries.size()); }
    QTreeWidget *list() const { return m_list; }

signals:
    void countChanged(int count);
    void revisionActivated(int revision);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Source { Configuration, ScanWarning, Status };
    struct Entry
    {
        Source source;
        StatusProblem::Kind kind = StatusProblem::Kind::Scripts;
        QString message;
        QString revision;
    };
    QString kindText(const Entry &entry) const;
    void retranslateUi();
    void fill();

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    QList<Entry> m_entries;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QTreeWidget *m_list = nullptr;
};

} // namespace retort::ui
