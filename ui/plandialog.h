#pragma once

#include "alembicrenderer.h"
#include "executor.h"
#include "planpreview.h"

#include <QDialog>
#include <QElapsedTimer>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTimer;
class QTreeView;

namespace retort::ui {

class CodeView;
class MessageBar;
class MigrationRun;
class PlanStepsModel;
class SessionLog;
struct SessionSnapshot;

// An upgrade, downgrade or stamp, shown before it runs and followed while it
// runs: the target, the steps in order with the full SQL of each (statements
// that can lose data flagged), warnings and the reasons it cannot run, where
// the backup goes. Confirming applies the plan with the core's executor on a
// worker thread, with progress and a Stop button (honoured between steps);
// the outcome is shown here, inline. The dialog asks the core for everything.
class PlanDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Operation
    {
        Upgrade,
        Downgrade,
        Stamp
    };

    // `backupFolder` empty: backups go beside the database. `renderer`: how
    // revisions the built-in translator cannot read are rendered (by Alembic,
    // off the GUI thread), or that they are not.
    PlanDialog(std::shared_ptr<const SessionSnapshot> snapshot, Operation operation,
               const QString &target, const QString &backupFolder,
               const AlembicRenderer::Settings &renderer, SessionLog *log,
               QWidget *parent = nullptr);
    ~PlanDialog() override;

    Operation operation() const { return m_operation; }
    QString target() const;
    // Plans again for another target (the text a person would type).
    void setTarget(const QString &target);
    const PlanPreview &preview() const { return *m_preview; }
    bool isRunning() const;
    // Alembic is rendering revisions of the plan (in the background).
    bool isRendering() const { return m_rendering; }
    bool hasRun() const { return m_finished; }
    MigrationRun *migrationRun() const { return m_run; }

    QComboBox *targetBox() const { return m_target; }
    QCheckBox *purgeBox() const { return m_purge; }
    QCheckBox *backupBox() const { return m_backup; }
    QLabel *backupLabel() const { return m_backupWhere; }
    QTreeView *stepsView() const { return m_steps; }
    PlanStepsModel *stepsModel() const { return m_model; }
    CodeView *sqlView() const { return m_sql; }
    MessageBar *stepNotice() const { return m_stepNotice; }
    // The reasons it cannot run (planner errors, untranslatable steps).
    MessageBar *errorBar() const { return m_errorBar; }
    MessageBar *warningBar() const { return m_warningBar; }
    MessageBar *renderBar() const { return m_renderBar; }
    MessageBar *resultBar() const { return m_result; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *closeButton() const { return m_close; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *progressLabel() const { return m_progressLabel; }
    QLabel *elapsedLabel() const { return m_elapsedLabel; }
    QLabel *summaryLabel() const { return m_summary; }

    static QString formatElapsed(qint64 milliseconds);

public slots:
    void startRun();
    void reject() override;

signals:
    // A new plan is shown (after a target change, or Alembic's rendering).
    void planned();
    void runStarted();
    void runFinished(const retort::ExecutionReport &report);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void replan();
    void showPreview(PlanPreview preview);
    void fitStepsToRows();
    void retranslateUi();
    void updateSummary();
    void updateNotices();
    void updateBackupText();
    void updateButtons();
    void updateProgress();
    void showStep(int row);
    void onStepStarted(int index, int count, const QString &description);
    void onStepFinished(int index, bool ok);
    void onFinished(const ExecutionReport &report);
    void showResult();
    void logResult(const ExecutionReport &report);
    QString rowsText(const QStringList &rows) const;
    QStringList targets() const;

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    Operation m_operation;
    QString m_backupFolder;
    AlembicRenderer::Settings m_renderer;
    int m_generation = 0; // of plans asked for; a late rendering of an older one is dropped
    bool m_rendering = false;
    bool m_splitterMoved = false; // by the person: their sizes are kept
    SessionLog *m_log = nullptr;
    std::shared_ptr<const PlanPreview> m_preview;
    MigrationRun *m_run = nullptr;
    bool m_finished = false;
    bool m_stopAsked = false;
    int m_currentStep = -1;
    QString m_currentDescription;
    ExecutionReport m_report;

    QLabel *m_title = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_targetLabel = nullptr;
    QComboBox *m_target = nullptr;
    QCheckBox *m_purge = nullptr;
    QLabel *m_summary = nullptr;
    MessageBar *m_errorBar = nullptr;
    MessageBar *m_warningBar = nullptr;
    MessageBar *m_renderBar = nullptr;
    QSplitter *m_splitter = nullptr;
    PlanStepsModel *m_model = nullptr;
    QTreeView *m_steps = nullptr;
    QLabel *m_sqlCaption = nullptr;
    MessageBar *m_stepNotice = nullptr;
    CodeView *m_sql = nullptr;
    QCheckBox *m_backup = nullptr;
    QLabel *m_backupWhere = nullptr;
    QWidget *m_progressPanel = nullptr;
    QLabel *m_progressLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_elapsedLabel = nullptr;
    QPushButton *m_stop = nullptr;
    MessageBar *m_result = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_close = nullptr;
    QTimer *m_replanTimer = nullptr;
    QTimer *m_clockTimer = nullptr;
};

} // namespace retort::ui
