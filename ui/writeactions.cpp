#include "writeactions.h"

#include "appsettings.h"
#include "backupsdialog.h"
#include "historyview.h"
#include "messagebar.h"
#include "projectsession.h"
#include "sessionlog.h"

#include <QAction>
#include <QEvent>
#include <QFileInfo>
#include <QWidget>

namespace retort::ui {

WriteActions::WriteActions(ProjectSession *session, SessionLog *log, MessageBar *alert,
                           HistoryView *history, QWidget *window)
    : QObject(window), m_session(session), m_log(log), m_alert(alert), m_history(history),
      m_window(window)
{
    m_window->installEventFilter(this); // for its LanguageChange
    connect(m_session, &ProjectSession::loaded, this, &WriteActions::updateActions);
    m_dismiss = new QAction(this);
    connect(m_dismiss, &QAction::triggered, m_alert, &QWidget::hide);
    retranslate();
    auto idOf = [this](int revision) {
        const auto snapshot = m_session->snapshot();
        return snapshot && snapshot->hasProject && revision >= 0 &&
                       revision < snapshot->project.graph.size()
                   ? snapshot->project.graph.node(revision).id
                   : QString();
    };
    connect(m_history, &HistoryView::upgradeRequested, this, [this, idOf](int revision) {
        openPlan(PlanDialog::Operation::Upgrade, idOf(revision));
    });
    connect(m_history, &HistoryView::downgradeRequested, this, [this, idOf](int revision) {
        openPlan(PlanDialog::Operation::Downgrade, idOf(revision));
    });
    connect(m_history, &HistoryView::stampRequested, this,
            [this, idOf](int revision) { openPlan(PlanDialog::Operation::Stamp, idOf(revision)); });
}

void WriteActions::setActions(QAction *upgrade, QAction *downgrade, QAction *stamp,
                              QAction *backups)
{
    m_upgrade = upgrade;
    m_downgrade = downgrade;
    m_stamp = stamp;
    m_backupsAction = backups;
    connect(m_upgrade, &QAction::triggered, this,
            [this] { openPlan(PlanDialog::Operation::Upgrade, QStringLiteral("heads")); });
    connect(m_downgrade, &QAction::triggered, this,
            [this] { openPlan(PlanDialog::Operation::Downgrade, QStringLiteral("-1")); });
    connect(m_stamp, &QAction::triggered, this, [this] {
        // The revision selected in the history, as the likeliest intent.
        const auto snapshot = m_session->snapshot();
        const int selected = m_history->currentRevision();
        const QString target = snapshot && snapshot->hasProject && selected >= 0
                                   ? snapshot->project.graph.node(selected).id
                                   : QStringLiteral("heads");
        openPlan(PlanDialog::Operation::Stamp, target);
    });
    connect(m_backupsAction, &QAction::triggered, this, [this] { openBackups(); });
    updateActions();
}

void WriteActions::retranslate()
{
    m_dismiss->setText(tr("Dismiss"));
}

bool WriteActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

QString WriteActions::backupFolder()
{
    return AppSettings::backupFolder();
}

bool WriteActions::canPlan() const
{
    const auto snapshot = m_session->snapshot();
    return snapshot && snapshot->hasProject && !snapshot->databasePath.isEmpty() &&
           snapshot->table.readable();
}

void WriteActions::updateActions()
{
    const bool plan = canPlan();
    for (QAction *action : {m_upgrade, m_downgrade, m_stamp})
        if (action)
            action->setEnabled(plan);
    if (m_backupsAction) {
        const auto snapshot = m_session->snapshot();
        m_backupsAction->setEnabled(snapshot && !snapshot->databasePath.isEmpty() &&
                                    QFileInfo(snapshot->databasePath).isFile());
    }
}

PlanDialog *WriteActions::openPlan(PlanDialog::Operation operation, const QString &target)
{
    if (m_plan) {
        // One write at a time.
        m_plan->raise();
        m_plan->activateWindow();
        return m_plan;
    }
    auto *dialog = new PlanDialog(m_session->snapshot(), operation, target, backupFolder(),
                                  AppSettings::rendererSettings(), m_log, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PlanDialog::runStarted, this, &WriteActions::onRunStarted);
    connect(dialog, &PlanDialog::runFinished, this, &WriteActions::onRunFinished);
    m_plan = dialog;
    dialog->open();
    return dialog;
}

BackupsDialog *WriteActions::openBackups()
{
    const auto snapshot = m_session->snapshot();
    if (!snapshot || snapshot->databasePath.isEmpty())
        return nullptr;
    if (m_backups) {
        m_backups->raise();
        m_backups->activateWindow();
        return m_backups;
    }
    auto *dialog = new BackupsDialog(snapshot->databasePath, backupFolder(), m_log, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BackupsDialog::databaseChanged, this, [this] { m_session->reload(); });
    m_backups = dialog;
    dialog->open();
    return dialog;
}

void WriteActions::onRunStarted()
{
    // The run's own writes are not news to reload on; the session reloads once at the end.
    m_wasWatching = m_session->isWatching();
    m_session->setWatching(false);
}

void WriteActions::onRunFinished(const ExecutionReport &report)
{
    Q_UNUSED(report)
    m_session->reload();
    m_session->setWatching(m_wasWatching);
    if (m_plan && m_alert) {
        // After the reload, which sets the bar for the new state.
        m_alert->setKind(m_plan->resultBar()->kind());
        m_alert->setText(m_plan->resultBar()->text());
        m_alert->setActions({m_dismiss});
        m_alert->show();
    }
}

} // namespace retort::ui
