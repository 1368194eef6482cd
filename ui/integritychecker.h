#pragma once

#include "doctor.h"

#include <QObject>

#include <memory>

class QAction;

namespace retort::ui {

class JobRunner;
class MessageBar;
class SessionLog;
struct SessionSnapshot;

// Tools ▸ Check Integrity: SQLite's integrity_check and foreign_key_check on
// the open database, through the core (read-only, off the GUI thread). The
// verdict is shown inline in the window's message bar, with the details in
// its tooltip and in the session log; when something is wrong the bar offers
// the doctor.
class IntegrityChecker : public QObject
{
    Q_OBJECT

public:
    IntegrityChecker(SessionLog *log, MessageBar *bar, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    // Offered in the message bar when the check finds problems.
    void setDoctorAction(QAction *doctor) { m_doctor = doctor; }
    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    void check();
    bool isBusy() const;
    const IntegrityReport &lastReport() const { return m_report; }
    void retranslate();

signals:
    void finished(const retort::IntegrityReport &report);

private:
    void show(const IntegrityReport &report);
    void updateAction();

    SessionLog *m_log = nullptr;
    MessageBar *m_bar = nullptr;
    QAction *m_action = nullptr;
    QAction *m_doctor = nullptr;
    JobRunner *m_jobs = nullptr;
    int m_job = 0;
    std::shared_ptr<const SessionSnapshot> m_snapshot;
    IntegrityReport m_report;
};

} // namespace retort::ui
