#pragma once

#include "projectsource.h"

#include <QMainWindow>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QMimeData;
class QSplitter;
class QToolBar;

namespace retort::ui {

class DoctorPanel;
class HistoryView;
class IntegrityChecker;
class LanguageManager;
class LogView;
class MessageBar;
class PendingView;
class ProblemsView;
class ProjectSession;
class RevisionDetails;
class SchemaView;
class SessionLog;
class StatusHeader;
class WriteActions;

// Retort's window: the header, the history graph with the revision details
// beside it, and docks for the pending migrations, the problems and the log.
// It only asks the session (and through it the core) and shows the answers.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `persistent` false (screenshots, tests that want it) leaves the settings
    // untouched: no recent projects, geometry or preferences are written.
    explicit MainWindow(LanguageManager *languages, bool persistent = true,
                        QWidget *parent = nullptr);
    ~MainWindow() override;

    void openPath(const QString &path);
    void open(const ProjectSource &source);
    void openDemo();
    void resetDemo();
    // What to open when started with nothing: the last project, or the demo.
    void openStartupProject();

    ProjectSession *session() const { return m_session; }
    SessionLog *sessionLog() const { return m_log; }
    StatusHeader *statusHeader() const { return m_header; }
    HistoryView *historyView() const { return m_history; }
    RevisionDetails *details() const { return m_details; }
    PendingView *pendingView() const { return m_pending; }
    ProblemsView *problemsView() const { return m_problems; }
    LogView *logView() const { return m_logView; }
    MessageBar *alert() const { return m_alert; }
    WriteActions *writeActions() const { return m_writes; }
    QDockWidget *pendingDock() const { return m_pendingDock; }
    QDockWidget *problemsDock() const { return m_problemsDock; }
    QDockWidget *logDock() const { return m_logDock; }
    SchemaView *schemaView() const { return m_schemaView; }
    QDockWidget *schemaDock() const { return m_schemaDock; }
    DoctorPanel *doctorPanel() const { return m_doctorPanel; }
    IntegrityChecker *integrityChecker() const { return m_integrityChecker; }
    QAction *doctorAction() const { return m_doctor; }
    // Opens the doctor's window (diagnosing when it shows).
    void showDoctor();
    QToolBar *mainToolBar() const { return m_toolBar; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *languageAction(const QString &language) const;

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    void createDocks();
    void retranslateUi();
    void updateRecentMenu();
    void updateAlert();
    void updateTitle();
    void updateStatusBar();
    void updateProblemsTitle();
    void onLoaded(bool reloaded);
    void chooseDatabase();
    void chooseProjectFile();
    void chooseProjectFolder();
    void showSettings();
    void setLanguage(const QString &language);
    void updateIcons();
    static QStringList droppedPaths(const QMimeData *mime);

    LanguageManager *m_languages;
    bool m_persistent;
    SessionLog *m_log = nullptr;
    ProjectSession *m_session = nullptr;
    WriteActions *m_writes = nullptr;

    StatusHeader *m_header = nullptr;
    MessageBar *m_alert = nullptr;
    QSplitter *m_splitter = nullptr;
    HistoryView *m_history = nullptr;
    RevisionDetails *m_details = nullptr;
    PendingView *m_pending = nullptr;
    ProblemsView *m_problems = nullptr;
    LogView *m_logView = nullptr;
    QDockWidget *m_pendingDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    SchemaView *m_schemaView = nullptr;
    QDockWidget *m_schemaDock = nullptr;
    DoctorPanel *m_doctorPanel = nullptr;
    IntegrityChecker *m_integrityChecker = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_statusSummary = nullptr;
    QLabel *m_statusWatch = nullptr;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_themeMenu = nullptr;
    QMenu *m_migrateMenu = nullptr;
    QMenu *m_helpMenu = nullptr;

    QAction *m_openDatabase = nullptr;
    QAction *m_openProject = nullptr;
    QAction *m_openFolder = nullptr;
    QAction *m_openDemo = nullptr;
    QAction *m_resetDemo = nullptr;
    QAction *m_clearRecent = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_find = nullptr;
    QAction *m_upgrade = nullptr;
    QAction *m_downgrade = nullptr;
    QAction *m_stamp = nullptr;
    QAction *m_backup = nullptr;
    QAction *m_doctor = nullptr;
    QAction *m_about = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_languageSystem = nullptr;
    QAction *m_languageEnglish = nullptr;
    QAction *m_languageSpanish = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QAction *m_themeSystem = nullptr;
    QAction *m_themeLight = nullptr;
    QAction *m_themeDark = nullptr;
    QAction *m_alertOpenDatabase = nullptr;
    QAction *m_alertOpenProject = nullptr;
    QAction *m_alertShowProblems = nullptr;
};

} // namespace retort::ui
