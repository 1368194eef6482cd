#include "mainwindow.h"

#include "appsettings.h"
#include "demoproject.h"
#include "doctorpanel.h"
#include "historyview.h"
#include "icons.h"
#include "integritychecker.h"
#include "languagemanager.h"
#include "logview.h"
#include "messagebar.h"
#include "pendingview.h"
#include "problemsview.h"
#include "projectsession.h"
#include "revisiondetails.h"
#include "schemaview.h"
#include "sessionlog.h"
#include "settingsdialog.h"
#include "statusheader.h"
#include "thememanager.h"
#include "writeactions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

MainWindow::MainWindow(LanguageManager *languages, bool persistent, QWidget *parent)
    : QMainWindow(parent), m_languages(languages), m_persistent(persistent)
{
    setObjectName(u"mainWindow"_s);
    m_log = new SessionLog(this);
    m_session = new ProjectSession(m_log, this);

    m_header = new StatusHeader(this);
    m_alert = new MessageBar(this);
    m_alert->hide();
    m_history = new HistoryView(this);
    m_details = new RevisionDetails(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->addWidget(m_history);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *alertBox = new QVBoxLayout;
    alertBox->setContentsMargins(10, 8, 10, 0);
    alertBox->addWidget(m_alert);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addLayout(alertBox);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    createActions();
    createMenus();
    createToolBar();
    createDocks();
    // The doctor's window, Tools ▸ Check Integrity, and the header's problem badges.
    m_doctorPanel = new DoctorPanel(m_log, this);
    m_integrityChecker = new IntegrityChecker(m_log, m_alert, this);
    m_integrityChecker->setDoctorAction(m_doctor);
    m_toolsMenu = new QMenu(this);
    m_toolsMenu->addAction(m_doctor);
    m_toolsMenu->addAction(m_integrityChecker->action());
    m_toolsMenu->addSeparator();
    m_toolsMenu->addAction(m_schemaDock->toggleViewAction());
    menuBar()->insertMenu(m_helpMenu->menuAction(), m_toolsMenu);
    connect(m_doctor, &QAction::triggered, this, &MainWindow::showDoctor);
    connect(m_header, &StatusHeader::doctorRequested, this, &MainWindow::showDoctor);
    connect(m_doctorPanel, &DoctorPanel::databaseChanged, m_session, &ProjectSession::reload);
    m_schemaView->setActive(false); // until its tab is brought to the front
    connect(m_schemaDock, &QDockWidget::visibilityChanged, m_schemaView, &SchemaView::setActive);
    m_writes = new WriteActions(m_session, m_log, m_alert, m_history, this);
    m_writes->setActions(m_upgrade, m_downgrade, m_stamp, m_backup);

    m_statusSummary = new QLabel(this);
    m_statusWatch = new QLabel(this);
    m_statusWatch->setForegroundRole(QPalette::PlaceholderText);
    statusBar()->addWidget(m_statusSummary, 1);
    statusBar()->addPermanentWidget(m_statusWatch);

    setAcceptDrops(true);

    connect(m_session, &ProjectSession::loaded, this, &MainWindow::onLoaded);
    connect(m_history, &HistoryView::currentRevisionChanged, m_details,
            &RevisionDetails::showRevision);
    connect(m_details, &RevisionDetails::revisionActivated, m_history,
            &HistoryView::selectRevision);
    connect(m_pending, &PendingView::revisionActivated, m_history, &HistoryView::selectRevision);
    connect(m_problems, &ProblemsView::revisionActivated, m_history,
            &HistoryView::selectRevision);
    connect(m_problems, &ProblemsView::countChanged, this, [this] { updateProblemsTitle(); });

    retranslateUi();
    updateIcons();
    onLoaded(false);

    resize(1280, 800);
    if (m_persistent) {
        restoreGeometry(AppSettings::windowGeometry());
        restoreState(AppSettings::windowState());
    }
    m_history->treeView()->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_openDatabase = new QAction(this);
    m_openDatabase->setShortcut(QKeySequence::Open);
    connect(m_openDatabase, &QAction::triggered, this, &MainWindow::chooseDatabase);
    m_openProject = new QAction(this);
    m_openProject->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(m_openProject, &QAction::triggered, this, &MainWindow::chooseProjectFile);
    m_openFolder = new QAction(this);
    connect(m_openFolder, &QAction::triggered, this, &MainWindow::chooseProjectFolder);
    m_openDemo = new QAction(this);
    connect(m_openDemo, &QAction::triggered, this, &MainWindow::openDemo);
    m_resetDemo = new QAction(this);
    connect(m_resetDemo, &QAction::triggered, this, &MainWindow::resetDemo);
    m_clearRecent = new QAction(this);
    connect(m_clearRecent, &QAction::triggered, this, [this] {
        if (m_persistent)
            AppSettings::clearRecentProjects();
        updateRecentMenu();
    });
    m_settings = new QAction(this);
    m_settings->setShortcut(QKeySequence::Preferences);
    m_settings->setMenuRole(QAction::PreferencesRole);
    connect(m_settings, &QAction::triggered, this, &MainWindow::showSettings);
    m_quit = new QAction(this);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);

    m_refresh = new QAction(this);
    m_refresh->setShortcut(QKeySequence(Qt::Key_F5));
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (m_session->isOpen()) {
            m_log->info(tr("Refreshing."));
            m_session->reload();
        }
    });
    m_find = new QAction(this);
    m_find->setShortcut(QKeySequence::Find);
    connect(m_find, &QAction::triggered, m_history, &HistoryView::focusFilter);

    m_upgrade = new QAction(this);
    m_downgrade = new QAction(this);
    m_stamp = new QAction(this);
    m_backup = new QAction(this);
    m_doctor = new QAction(this);
    m_doctor->setEnabled(false);

    m_about = new QAction(this);
    m_about->setMenuRole(QAction::AboutRole);
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Retort"),
            tr("<h3>Retort %1</h3><p>Inspect and migrate SQLite databases managed by Alembic. "
               "Revision files are read, never executed.</p>")
                .arg(QCoreApplication::applicationVersion()));
    });

    m_languageGroup = new QActionGroup(this);
    m_languageSystem = m_languageGroup->addAction(QString());
    m_languageSystem->setData(QString());
    // Language names are written in their own language.
    m_languageEnglish = m_languageGroup->addAction(u"English"_s);
    m_languageEnglish->setData(u"en"_s);
    m_languageSpanish = m_languageGroup->addAction(u"Español"_s);
    m_languageSpanish->setData(u"es"_s);
    for (QAction *action : m_languageGroup->actions()) {
        action->setCheckable(true);
        action->setChecked(action->data().toString() == m_languages->language());
        connect(action, &QAction::triggered, this,
                [this, action] { setLanguage(action->data().toString()); });
    }

    m_themeGroup = new QActionGroup(this);
    m_themeSystem = m_themeGroup->addAction(QString());
    m_themeLight = m_themeGroup->addAction(QString());
    m_themeDark = m_themeGroup->addAction(QString());
    const QList<QPair<QAction *, AppSettings::Theme>> themes = {
        {m_themeSystem, AppSettings::Theme::System},
        {m_themeLight, AppSettings::Theme::Light},
        {m_themeDark, AppSettings::Theme::Dark}};
    for (const auto &[action, theme] : themes) {
        action->setCheckable(true);
        action->setChecked(theme == AppSettings::theme());
        connect(action, &QAction::triggered, this, [this, theme] {
            if (m_persistent)
                AppSettings::setTheme(theme);
            ThemeManager::apply(theme);
        });
    }

    m_alertOpenDatabase = new QAction(this);
    connect(m_alertOpenDatabase, &QAction::triggered, this, &MainWindow::chooseDatabase);
    m_alertOpenProject = new QAction(this);
    connect(m_alertOpenProject, &QAction::triggered, this, &MainWindow::chooseProjectFile);
    m_alertShowProblems = new QAction(this);
    connect(m_alertShowProblems, &QAction::triggered, this, [this] {
        m_problemsDock->show();
        m_problemsDock->raise();
    });
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openDatabase);
    m_fileMenu->addAction(m_openProject);
    m_fileMenu->addAction(m_openFolder);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_openDemo);
    m_fileMenu->addAction(m_resetDemo);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_settings);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quit);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_refresh);
    m_viewMenu->addAction(m_find);
    m_viewMenu->addSeparator();
    // Dock toggles are added in createDocks().
    m_languageMenu = new QMenu(this);
    m_languageMenu->addActions(m_languageGroup->actions());
    m_themeMenu = new QMenu(this);
    m_themeMenu->addActions(m_themeGroup->actions());

    m_migrateMenu = menuBar()->addMenu(QString());
    m_migrateMenu->setToolTipsVisible(true);
    m_migrateMenu->addAction(m_upgrade);
    m_migrateMenu->addAction(m_downgrade);
    m_migrateMenu->addAction(m_stamp);
    m_migrateMenu->addSeparator();
    m_migrateMenu->addAction(m_backup);
    m_migrateMenu->addAction(m_doctor);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_about);
}

void MainWindow::createToolBar()
{
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(u"mainToolBar"_s);
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->addAction(m_openDatabase);
    m_toolBar->addAction(m_openProject);
    m_toolBar->addAction(m_refresh);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_upgrade);
    m_toolBar->addAction(m_downgrade);
    m_toolBar->addAction(m_stamp);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_backup);
    m_toolBar->addAction(m_doctor);
}

void MainWindow::createDocks()
{
    setDockNestingEnabled(false);
    m_pending = new PendingView(this);
    m_problems = new ProblemsView(this);
    m_logView = new LogView(m_log, this);
    auto makeDock = [this](QWidget *content, const QString &name) {
        auto *dock = new QDockWidget(this);
        dock->setObjectName(name);
        dock->setWidget(content);
        dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                          QDockWidget::DockWidgetFloatable);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        m_viewMenu->addAction(dock->toggleViewAction());
        return dock;
    };
    m_pendingDock = makeDock(m_pending, u"pendingDock"_s);
    m_problemsDock = makeDock(m_problems, u"problemsDock"_s);
    m_logDock = makeDock(m_logView, u"logDock"_s);
    m_schemaView = new SchemaView(this);
    m_schemaDock = makeDock(m_schemaView, u"schemaDock"_s);
    tabifyDockWidget(m_pendingDock, m_problemsDock);
    tabifyDockWidget(m_problemsDock, m_logDock);
    tabifyDockWidget(m_logDock, m_schemaDock);
    m_pendingDock->raise();
    resizeDocks({m_pendingDock}, {230}, Qt::Vertical);

    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(m_languageMenu);
    m_viewMenu->addMenu(m_themeMenu);
}

QAction *MainWindow::languageAction(const QString &language) const
{
    for (QAction *action : m_languageGroup->actions())
        if (action->data().toString() == language)
            return action;
    return nullptr;
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_themeMenu->setTitle(tr("&Theme"));
    m_migrateMenu->setTitle(tr("&Migrate"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main Toolbar"));

    m_openDatabase->setText(tr("Open &Database…"));
    m_openDatabase->setIconText(tr("Open Database"));
    m_openDatabase->setToolTip(tr("Open an SQLite database (the scripts are looked for beside "
                                  "it, or the open project's are used)"));
    m_openProject->setText(tr("Open &Project…"));
    m_openProject->setIconText(tr("Open Project"));
    m_openProject->setToolTip(tr("Open a project's alembic.ini"));
    m_openFolder->setText(tr("Open Project &Folder…"));
    m_openDemo->setText(tr("Open &Demo Project"));
    m_resetDemo->setText(tr("&Reset Demo Project"));
    m_resetDemo->setToolTip(tr("Replace the demo project with a fresh copy"));
    m_clearRecent->setText(tr("&Clear List"));
    m_settings->setText(tr("&Settings…"));
    m_quit->setText(tr("&Quit"));
    m_refresh->setText(tr("&Refresh"));
    m_refresh->setIconText(tr("Refresh"));
    m_refresh->setToolTip(tr("Read the database and the revision files again (F5)"));
    m_find->setText(tr("&Filter History"));

    m_upgrade->setText(tr("&Upgrade to Heads…"));
    m_upgrade->setIconText(tr("Upgrade"));
    m_downgrade->setText(tr("&Downgrade…"));
    m_downgrade->setIconText(tr("Downgrade"));
    m_stamp->setText(tr("&Stamp…"));
    m_stamp->setIconText(tr("Stamp"));
    m_backup->setText(tr("&Backups…"));
    m_backup->setIconText(tr("Backups"));
    m_doctor->setText(tr("D&octor"));
    m_doctor->setIconText(tr("Doctor"));
    m_upgrade->setToolTip(tr("Plan an upgrade of the database to the heads: the steps, their "
                             "SQL, the backup"));
    m_downgrade->setToolTip(tr("Plan a downgrade of the database (one revision down unless you "
                               "choose another target)"));
    m_stamp->setToolTip(tr("Plan setting the version table without running migrations"));
    m_backup->setToolTip(tr("List, take and restore backups of the database"));
    m_doctor->setToolTip(tr("Diagnose the database against its migration scripts and repair "
                            "what can be repaired"));
    m_about->setText(tr("&About Retort"));
    m_languageSystem->setText(tr("System Default"));
    m_themeSystem->setText(tr("System"));
    m_themeLight->setText(tr("Light"));
    m_themeDark->setText(tr("Dark"));

    m_alertOpenDatabase->setText(tr("Open Database…"));
    m_alertOpenProject->setText(tr("Open Project…"));
    m_alertShowProblems->setText(tr("Show Problems"));

    m_pendingDock->setWindowTitle(tr("Pending Migrations"));
    m_logDock->setWindowTitle(tr("Log"));
    m_schemaDock->setWindowTitle(tr("Schema"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_integrityChecker->retranslate();
    updateProblemsTitle();
    updateRecentMenu();
    updateAlert();
    updateTitle();
    updateStatusBar();
}

void MainWindow::updateIcons()
{
    m_openDatabase->setIcon(Icons::icon(Icons::Kind::OpenDatabase));
    m_openProject->setIcon(Icons::icon(Icons::Kind::OpenProject));
    m_refresh->setIcon(Icons::icon(Icons::Kind::Refresh));
    m_upgrade->setIcon(Icons::icon(Icons::Kind::Upgrade));
    m_downgrade->setIcon(Icons::icon(Icons::Kind::Downgrade));
    m_stamp->setIcon(Icons::icon(Icons::Kind::Stamp));
    m_backup->setIcon(Icons::icon(Icons::Kind::Backup));
    m_doctor->setIcon(Icons::icon(Icons::Kind::Doctor));
}

void MainWindow::updateProblemsTitle()
{
    const int count = m_problems->problemCount();
    m_problemsDock->setWindowTitle(count == 0 ? tr("Problems")
                                              : tr("Problems (%1)").arg(count));
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QList<ProjectSource> recent = m_persistent ? AppSettings::recentProjects()
                                                     : QList<ProjectSource>();
    for (const ProjectSource &source : recent) {
        QAction *action = m_recentMenu->addAction(source.displayName());
        connect(action, &QAction::triggered, this, [this, source] { open(source); });
    }
    if (recent.isEmpty()) {
        QAction *none = m_recentMenu->addAction(tr("No recent projects"));
        none->setEnabled(false);
    } else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(m_clearRecent);
    }
}

void MainWindow::updateTitle()
{
    const auto snapshot = m_session->snapshot();
    QString name;
    if (snapshot && !snapshot->databasePath.isEmpty())
        name = QFileInfo(snapshot->databasePath).fileName();
    else if (snapshot && snapshot->hasProject)
        name = QFileInfo(snapshot->project.config.iniPath).fileName();
    setWindowTitle(name.isEmpty() ? tr("Retort") : tr("%1 — Retort").arg(name));
}

void MainWindow::updateStatusBar()
{
    const auto snapshot = m_session->snapshot();
    if (!snapshot || !snapshot->hasProject) {
        m_statusSummary->clear();
    } else {
        const int revisions = snapshot->project.graph.size();
        QString text = tr("Revisions: %1").arg(revisions);
        text += u"  ·  "_s + tr("Heads: %1").arg(snapshot->status.heads.size());
        if (!snapshot->status.pending.isEmpty())
            text += u"  ·  "_s + tr("Pending: %1").arg(snapshot->status.pending.size());
        m_statusSummary->setText(text);
    }
    m_statusWatch->setText(snapshot && m_session->isWatching()
                               ? tr("Watching for changes · loaded in %1 ms")
                                     .arg(snapshot->loadMilliseconds)
                               : QString());
}

void MainWindow::updateAlert()
{
    const auto snapshot = m_session->snapshot();
    if (!snapshot) {
        m_alert->hide();
        return;
    }
    if (!snapshot->hasProject) {
        m_alert->setKind(MessageBar::Kind::Error);
        m_alert->setText(tr("No Alembic project found: %1").arg(snapshot->configError));
        m_alert->setActions({m_alertOpenProject});
        m_alert->show();
        return;
    }
    const StatusReport &status = snapshot->status;
    switch (status.state) {
    case StatusReport::State::Unreadable:
        m_alert->setKind(MessageBar::Kind::Error);
        m_alert->setText(snapshot->table.error);
        m_alert->setActions({m_alertOpenDatabase});
        m_alert->show();
        return;
    case StatusReport::State::Inconsistent: {
        m_alert->setKind(MessageBar::Kind::Error);
        QString text = status.problems.isEmpty() ? QString() : status.problems.first().message;
        if (status.problems.size() > 1)
            text += u' ' + tr("(and %n more)", nullptr, int(status.problems.size() - 1));
        m_alert->setText(text);
        m_alert->setActions({m_alertShowProblems});
        m_alert->show();
        return;
    }
    default:
        m_alert->hide();
        return;
    }
}

void MainWindow::onLoaded(bool reloaded)
{
    Q_UNUSED(reloaded)
    const auto snapshot = m_session->snapshot();
    m_header->setSnapshot(snapshot);
    m_details->setSnapshot(snapshot);
    m_history->setSnapshot(snapshot);
    m_pending->setSnapshot(snapshot);
    m_problems->setSnapshot(snapshot);
    m_schemaView->setSnapshot(snapshot);
    m_doctorPanel->setSnapshot(snapshot);
    m_integrityChecker->setSnapshot(snapshot);
    m_doctor->setEnabled(snapshot && snapshot->hasProject && !snapshot->databasePath.isEmpty());
    m_refresh->setEnabled(snapshot != nullptr);
    updateAlert();
    updateTitle();
    updateStatusBar();
    if (snapshot && m_persistent && !reloaded &&
        (snapshot->hasProject || !snapshot->databasePath.isEmpty()) &&
        !snapshot->source.configFile.startsWith(DemoProject::directory())) {
        AppSettings::addRecentProject(snapshot->source);
        updateRecentMenu();
    }
}

void MainWindow::showDoctor()
{
    m_doctorPanel->show();
    m_doctorPanel->raise();
    m_doctorPanel->activateWindow();
}

void MainWindow::openPath(const QString &path)
{
    m_session->openPath(path);
}

void MainWindow::open(const ProjectSource &source)
{
    m_session->open(source);
}

void MainWindow::openDemo()
{
    QString error;
    if (!DemoProject::ensure(&error)) {
        m_log->error(error);
        m_alert->setKind(MessageBar::Kind::Error);
        m_alert->setText(error);
        m_alert->setActions({});
        m_alert->show();
        return;
    }
    ProjectSource source;
    source.configFile = DemoProject::configFile();
    open(source);
}

void MainWindow::resetDemo()
{
    const auto snapshot = m_session->snapshot();
    const bool demoOpen = snapshot && snapshot->source.configFile == DemoProject::configFile();
    QString error;
    if (!DemoProject::reset(&error)) {
        m_log->error(error);
        m_alert->setKind(MessageBar::Kind::Error);
        m_alert->setText(error);
        m_alert->setActions({});
        m_alert->show();
        return;
    }
    m_log->info(tr("The demo project was reset to its original state."));
    if (demoOpen)
        m_session->reload();
    else
        openDemo();
}

void MainWindow::openStartupProject()
{
    if (m_persistent) {
        const QList<ProjectSource> recent = AppSettings::recentProjects();
        if (!recent.isEmpty()) {
            const ProjectSource &last = recent.first();
            const QString path = !last.configFile.isEmpty()     ? last.configFile
                                 : !last.scriptsDir.isEmpty()   ? last.scriptsDir
                                 : !last.databaseFile.isEmpty() ? last.databaseFile
                                                                : last.workingDirectory;
            if (QFileInfo::exists(path)) {
                open(last);
                return;
            }
        }
    }
    openDemo();
}

void MainWindow::chooseDatabase()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Database"), AppSettings::lastFolder(),
        tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_persistent)
        AppSettings::setLastFolder(QFileInfo(path).absolutePath());
    m_session->openDatabase(path);
}

void MainWindow::chooseProjectFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Project"), AppSettings::lastFolder(),
        tr("Alembic configuration (alembic.ini *.ini);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_persistent)
        AppSettings::setLastFolder(QFileInfo(path).absolutePath());
    m_session->openPath(path);
}

void MainWindow::chooseProjectFolder()
{
    const QString path = QFileDialog::getExistingDirectory(this, tr("Open Project Folder"),
                                                           AppSettings::lastFolder());
    if (path.isEmpty())
        return;
    if (m_persistent)
        AppSettings::setLastFolder(path);
    m_session->openPath(path);
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (m_persistent)
        dialog.save();
    ThemeManager::apply(dialog.theme());
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(false);
    (dialog.theme() == AppSettings::Theme::Light  ? m_themeLight
     : dialog.theme() == AppSettings::Theme::Dark ? m_themeDark
                                                  : m_themeSystem)
        ->setChecked(true);
    setLanguage(dialog.language());
}

void MainWindow::setLanguage(const QString &language)
{
    if (m_persistent)
        AppSettings::setLanguage(language);
    m_languages->setLanguage(language);
    if (QAction *action = languageAction(m_languages->language()))
        action->setChecked(true);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::PaletteChange)
        updateIcons();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_persistent)
        AppSettings::setWindowGeometry(saveGeometry(), saveState());
    QMainWindow::closeEvent(event);
}

QStringList MainWindow::droppedPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            continue;
        const QString path = url.toLocalFile();
        const QFileInfo info(path);
        if (info.isDir() || ProjectSource::isDatabasePath(path) ||
            info.suffix().compare(u"ini"_s, Qt::CaseInsensitive) == 0)
            paths.append(path);
    }
    return paths;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = droppedPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    // A project and a database dropped together: the scripts first, then the database.
    QStringList ordered = paths;
    std::stable_sort(ordered.begin(), ordered.end(), [](const QString &a, const QString &b) {
        return !ProjectSource::isDatabasePath(a) && ProjectSource::isDatabasePath(b);
    });
    for (const QString &path : ordered)
        m_session->openPath(path);
}

} // namespace retort::ui
