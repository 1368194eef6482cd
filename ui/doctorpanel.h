#pragma once

#include "doctor.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTreeView;

namespace retort::ui {

class CodeView;
class DifferencesModel;
class FindingsModel;
class JobRunner;
class MessageBar;
class SessionLog;
struct SessionSnapshot;

// The doctor, as a window beside the main one: what is wrong with the open
// database against its migration scripts, and how to put it right.
//
// It diagnoses (off the GUI thread: a long history takes a moment) and lists
// the findings; for the selected one, its explanation, its evidence (schema
// differences side by side: expected, in the database) and the repair the
// core proposes with the exact SQL it runs. "Repair…" plans the repair on a
// copy of the schema and shows the plan; "Apply Repair" confirms it: the core
// backs the database up, runs the plan in one transaction, diagnoses again
// and writes the audit log; the panel shows before and after. Every word
// about the database comes from the core; the panel only presents it.
class DoctorPanel : public QDialog
{
    Q_OBJECT

public:
    enum class Page
    {
        Message,
        Busy,
        Healthy,
        Findings,
        Plan,
        Result
    };

    explicit DoctorPanel(SessionLog *log, QWidget *parent = nullptr);
    ~DoctorPanel() override;

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    // Diagnoses the database again now (shown or not).
    void diagnose();
    // Plans the repair of one finding ("code", "code:repair") or of all ("all").
    void planRepair(const QString &code);
    // Runs the plan shown (what the Apply button does once confirmed).
    void applyPlan();
    void selectFinding(const QString &code);

    bool isBusy() const;
    Page page() const;
    const DoctorReport &report() const { return m_report; }
    const RepairReport &lastRepair() const { return m_repair; }

    FindingsModel *findingsModel() const { return m_findings; }
    DifferencesModel *differencesModel() const { return m_differences; }
    QTreeView *findingsView() const { return m_findingsView; }
    QTreeView *differencesView() const { return m_differencesView; }
    QLabel *findingTitle() const { return m_title; }
    QLabel *explanationLabel() const { return m_explanation; }
    CodeView *fixView() const { return m_fixSql; }
    QLabel *backupNote() const { return m_backupNote; }
    QPushButton *repairButton() const { return m_repairButton; }
    QPushButton *repairAllButton() const { return m_repairAllButton; }
    QPushButton *diagnoseButton() const { return m_diagnoseButton; }
    CodeView *planView() const { return m_planSql; }
    QPushButton *applyButton() const { return m_applyButton; }
    QPushButton *backButton() const { return m_backButton; }
    MessageBar *summaryBar() const { return m_summary; }
    MessageBar *resultBar() const { return m_resultBar; }
    QLabel *healthyLabel() const { return m_healthyTitle; }

signals:
    void diagnosed(); // a diagnosis is shown (findings, healthy, or why not)
    void planned();   // a repair plan waits for confirmation
    void repairFinished(bool ok);
    void databaseChanged(); // a repair wrote to the database: the window reloads

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createFindingsPage();
    QWidget *createPlanPage();
    QWidget *createResultPage();
    void retranslateUi();
    void setPage(Page page);
    void showBusy(const QString &text);
    void showMessage(const QString &text, bool error);
    void showReport();
    void showFinding(int row);
    void showRepairChoice();
    void showPlan();
    void showResult();
    void updateSummary();
    void updateHealthyColour();
    QString backupFolder() const;
    QString databaseName() const;
    QString revisionText(int revision) const;
    QString rowsText(const QStringList &rows) const;
    QString codesText(const DoctorReport &report) const;
    // What to say again after a language change.
    void redoInCurrentLanguage();

    SessionLog *m_log = nullptr;
    std::shared_ptr<const SessionSnapshot> m_snapshot;
    QString m_identity; // database and project the report is about
    bool m_stale = true;
    JobRunner *m_jobs = nullptr;
    int m_job = 0;
    enum class Work
    {
        None,
        Diagnosis,
        Plan,
        Repair
    } m_work = Work::None;

    DoctorReport m_report;
    bool m_haveReport = false;
    QString m_selectedCode;
    RepairReport m_plan;
    QString m_planCode;
    RepairReport m_repair;
    QString m_messageText;
    bool m_messageIsError = false;

    FindingsModel *m_findings = nullptr;
    DifferencesModel *m_differences = nullptr;

    QLabel *m_heading = nullptr;
    MessageBar *m_summary = nullptr;
    QStackedWidget *m_pages = nullptr;

    MessageBar *m_message = nullptr;
    QLabel *m_busyLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_healthyTitle = nullptr;
    QLabel *m_healthyText = nullptr;

    QTreeView *m_findingsView = nullptr;
    QScrollArea *m_detailScroll = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_explanation = nullptr;
    QLabel *m_evidenceTitle = nullptr;
    QLabel *m_evidence = nullptr;
    QTreeView *m_differencesView = nullptr;
    QLabel *m_fixTitle = nullptr;
    QComboBox *m_repairChoice = nullptr;
    QLabel *m_fixDescription = nullptr;
    MessageBar *m_fixWarning = nullptr;
    CodeView *m_fixSql = nullptr;
    QLabel *m_backupNote = nullptr;
    QPushButton *m_repairButton = nullptr;
    MessageBar *m_findingsError = nullptr;

    QLabel *m_planTitle = nullptr;
    QLabel *m_planIntro = nullptr;
    QLabel *m_planSteps = nullptr;
    MessageBar *m_planWarning = nullptr;
    CodeView *m_planSql = nullptr;
    QLabel *m_planAfter = nullptr;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_applyButton = nullptr;

    MessageBar *m_resultBar = nullptr;
    QLabel *m_resultHeaders[2] = {};
    QLabel *m_resultCaptions[3] = {};
    QLabel *m_resultBefore[3] = {};
    QLabel *m_resultAfter[3] = {};
    QLabel *m_resultBackup = nullptr;
    QLabel *m_resultSqlTitle = nullptr;
    CodeView *m_resultSql = nullptr;
    QPushButton *m_doneButton = nullptr;

    QPushButton *m_diagnoseButton = nullptr;
    QPushButton *m_repairAllButton = nullptr;
    QPushButton *m_closeButton = nullptr;
};

} // namespace retort::ui
