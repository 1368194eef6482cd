#include "integritychecker.h"

#include "jobrunner.h"
#include "messagebar.h"
#include "projectsession.h"
#include "sessionlog.h"

#include <QAction>
#include <QDir>

using namespace Qt::StringLiterals;

namespace retort::ui {

IntegrityChecker::IntegrityChecker(SessionLog *log, MessageBar *bar, QObject *parent)
    : QObject(parent), m_log(log), m_bar(bar)
{
    m_jobs = new JobRunner(this);
    m_action = new QAction(this);
    m_action->setObjectName(u"checkIntegrity"_s);
    connect(m_action, &QAction::triggered, this, &IntegrityChecker::check);
    retranslate();
    updateAction();
}

void IntegrityChecker::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    updateAction();
}

bool IntegrityChecker::isBusy() const
{
    return m_jobs->isBusy();
}

void IntegrityChecker::updateAction()
{
    m_action->setEnabled(!m_jobs->isBusy() && m_snapshot && !m_snapshot->databasePath.isEmpty());
}

void IntegrityChecker::check()
{
    if (!m_snapshot || m_snapshot->databasePath.isEmpty() || m_jobs->isBusy())
        return;
    const QString path = m_snapshot->databasePath;
    m_log->info(tr("Checking the integrity of %1.").arg(QDir::toNativeSeparators(path)));
    m_bar->setKind(MessageBar::Kind::Information);
    m_bar->setText(tr("Checking the integrity of %1…").arg(QDir::toNativeSeparators(path)));
    m_bar->setDetails({});
    m_bar->setActions({});
    m_bar->show();
    m_job = m_jobs->run<IntegrityReport>([path] { return Doctor::checkIntegrity(path); },
                                         [this](int job, const IntegrityReport &report) {
                                             if (job == m_job)
                                                 show(report);
                                             updateAction();
                                         });
    updateAction();
}

void IntegrityChecker::show(const IntegrityReport &report)
{
    m_report = report;
    const QString summary = report.summary();
    QStringList details;
    if (report.readable() && report.integrityMessages != QStringList{u"ok"_s})
        details += report.integrityMessages;
    details += report.foreignKeyViolations;
    const int shown = 20;
    m_bar->setKind(report.sound()      ? MessageBar::Kind::Positive
                   : report.readable() ? MessageBar::Kind::Warning
                                       : MessageBar::Kind::Error);
    QString text = summary;
    if (!details.isEmpty())
        text += u'\n' + details.mid(0, 3).join(u'\n') + (details.size() > 3 ? u"\n…"_s : QString());
    m_bar->setText(text);
    m_bar->setDetails(details.mid(0, shown).join(u'\n'));
    m_bar->setActions(!report.sound() && report.readable() && m_doctor ? QList<QAction *>{m_doctor}
                                                                       : QList<QAction *>{});
    m_bar->show();
    if (report.sound()) {
        m_log->info(summary);
    } else if (!report.readable()) {
        m_log->error(summary);
    } else {
        m_log->warning(summary);
        for (const QString &detail : details.mid(0, shown))
            m_log->warning(detail);
        if (details.size() > shown)
            m_log->warning(tr("(and %n more)", nullptr, int(details.size() - shown)));
    }
    emit finished(report);
}

void IntegrityChecker::retranslate()
{
    m_action->setText(tr("Check &Integrity"));
    m_action->setToolTip(tr("Run SQLite's integrity and foreign key checks on the database "
                            "(read-only)"));
}

} // namespace retort::ui
