#pragma once

#include "backupsdialog.h"
#include "executor.h"
#include "plandialog.h"

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace retort::ui {

class HistoryView;
class MessageBar;
class ProjectSession;
class SessionLog;

// What the window does to change a database: opens the plan dialog for an
// upgrade, downgrade or stamp (from the Migrate menu, the toolbar or the
// history's context menu) and the backups dialog; while a run goes the file
// watcher rests, and afterwards the session reloads and the outcome is shown
// in the window's message bar. Keeps the actions enabled only when a
// database is there to change.
class WriteActions : public QObject
{
    Q_OBJECT

public:
    WriteActions(ProjectSession *session, SessionLog *log, MessageBar *alert, HistoryView *history,
                 QWidget *window);

    // The window's actions; their texts stay the window's.
    void setActions(QAction *upgrade, QAction *downgrade, QAction *stamp, QAction *backups);
    void updateActions();

    PlanDialog *openPlan(PlanDialog::Operation operation, const QString &target);
    BackupsDialog *openBackups();
    PlanDialog *planDialog() const { return m_plan; }
    BackupsDialog *backupsDialog() const { return m_backups; }

    // Where backups go: the Settings' folder.
    static QString backupFolder();
    // The message bar's button that hides a write's outcome.
    QAction *dismissAction() const { return m_dismiss; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool canPlan() const;
    void retranslate();
    void onRunStarted();
    void onRunFinished(const ExecutionReport &report);

    ProjectSession *m_session;
    SessionLog *m_log;
    MessageBar *m_alert;
    HistoryView *m_history;
    QWidget *m_window;
    QAction *m_upgrade = nullptr;
    QAction *m_downgrade = nullptr;
    QAction *m_stamp = nullptr;
    QAction *m_backupsAction = nullptr;
    QAction *m_dismiss = nullptr;
    QPointer<PlanDialog> m_plan;
    QPointer<BackupsDialog> m_backups;
    bool m_wasWatching = true;
};

} // namespace retort::ui
