// The GUI's write path under the offscreen platform, through the real
// dialogs and the real executor: upgrade to head from the toolbar, a failing
// migration shown inline with the database left at the last good step, Stop
// between steps, downgrade and stamp from the history's context menu, backup
// and restore, a revision that cannot be translated, planner errors, and the
// new dialogs in Spanish.

#include "guitestsupport.h"
#include "alembicrenderer.h"
#include "appsettings.h"
#include "backgroundtask.h"
#include "backuplistmodel.h"
#include "backupsdialog.h"
#include "codeview.h"
#include "demoproject.h"
#include "executor.h"
#include "executortestsupport.h"
#include "historyfiltermodel.h"
#include "historymodel.h"
#include "historyview.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "migrationrun.h"
#include "plandialog.h"
#include "planpreview.h"
#include "planstepsmodel.h"
#include "projectsession.h"
#include "sessionlog.h"
#include "statusheader.h"
#include "stepsql.h"
#include "writeactions.h"
#include "writefixtures.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>

#include <atomic>
#include <memory>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::ui;
using namespace writefixtures;
using testsupport::dump;
using testsupport::queryRows;
using testsupport::runStatements;

namespace {

// The demo (resources/demo): the database at both branch tips before the
// merge; an upgrade to head runs the merge, "order", then "price".
const QString kHead = u"59258f75568f"_s;
const QString kMerge = u"978c27f7bb03"_s;
const QString kMainTip = u"187e245166db"_s;
const QString kReportingTip = u"f4ee2fb72983"_s;
const QString kReportingStart = u"3130d19fc6ce"_s;
const QString kOrder = u"72e0dc0126ef"_s;

constexpr int kRunTimeoutMs = 30000;

QStringList sortedRows(const QString &db)
{
    QStringList rows = queryRows(db, u"SELECT version_num FROM alembic_version"_s);
    rows.sort();
    return rows;
}

QString schemaOf(const QString &db)
{
    return queryRows(db, u"SELECT type, name, sql FROM sqlite_master WHERE name != "
                         u"'alembic_version' ORDER BY name"_s)
        .join(u'\n');
}

QAction *toolbarAction(MainWindow *window, const QString &iconText)
{
    for (QAction *action : window->mainToolBar()->actions())
        if (action->iconText() == iconText)
            return action;
    return nullptr;
}

QAction *menuAction(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions())
        if (action->text() == text)
            return action;
    return nullptr;
}

QModelIndex historyIndex(HistoryView *history, const QString &id)
{
    const QAbstractItemModel *model = history->filterModel();
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, HistoryModel::RevisionColumn).data().toString() == id)
            return model->index(row, 0);
    return {};
}

bool logContains(SessionLog *log, const QString &text)
{
    for (const SessionLog::Entry &entry : log->entries())
        if (entry.message.contains(text))
            return true;
    return false;
}

using retort::tests::clickLikeAUser;
using retort::tests::marked;
using retort::tests::MarkingTranslator;


} // namespace

class TestGuiWrites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void upgradeToHeadThroughTheDialog();
    void failingMigrationIsShownInline();
    void stopEndsTheRunBetweenSteps();
    void contextMenuOffersWrites();
    void downgradeAndStampThroughTheDialog();
    void backupAndRestoreRoundTrip();
    void untranslatableRevisionIsRefused();
    void alembicRendersWhatTheTranslatorCannot();
    void plannerErrorsAreShownInTheDialog();
    void dialogsRetranslate();
    void modelsPassTheModelTester();
    void quittingWaitsForBackgroundWork();
    void screenshotsForReview();

private:
    MainWindow *openDemoWindow();
    MainWindow *openProjectWindow(const QString &dir);
    PlanDialog *runToEnd(PlanDialog *dialog);

    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_backupFolder;
};

void TestGuiWrites::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_guiwrites"_s);
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                  u"/RetortTest/tst_guiwrites.conf"_s);
    QVERIFY(DemoProject::directory().contains(u".qttest"_s));
    QVERIFY(m_backupFolder.isValid());
    AppSettings::setBackupFolder(m_backupFolder.path());
}

void TestGuiWrites::init()
{
    m_languages = std::make_unique<LanguageManager>();
    m_languages->setLanguage(u"en"_s);
    QDir(m_backupFolder.path()).removeRecursively();
    QDir().mkpath(m_backupFolder.path());
    QString error;
    QVERIFY2(DemoProject::reset(&error), qPrintable(error));
}

void TestGuiWrites::cleanup()
{
    m_window.reset();
    m_languages.reset();
}

MainWindow *TestGuiWrites::openDemoWindow()
{
    m_window = std::make_unique<MainWindow>(m_languages.get(), false);
    m_window->session()->setWatching(false);
    m_window->openDemo();
    m_window->resize(1280, 800);
    m_window->show();
    return m_window.get();
}

MainWindow *TestGuiWrites::openProjectWindow(const QString &dir)
{
    m_window = std::make_unique<MainWindow>(m_languages.get(), false);
    m_window->session()->setWatching(false);
    ProjectSource source;
    source.configFile = dir + u"/alembic.ini"_s;
    source.workingDirectory = dir;
    m_window->open(source);
    m_window->resize(1280, 800);
    m_window->show();
    return m_window.get();
}

PlanDialog *TestGuiWrites::runToEnd(PlanDialog *dialog)
{
    if (!dialog || !dialog->runButton()->isEnabled())
        return nullptr;
    if (!clickLikeAUser(dialog->runButton()))
        return nullptr;
    if (!QTest::qWaitFor([dialog] { return dialog->hasRun(); }, kRunTimeoutMs))
        return nullptr;
    return dialog;
}

void TestGuiWrites::upgradeToHeadThroughTheDialog()
{
    MainWindow *window = openDemoWindow();
    const QString db = DemoProject::directory() + u"/demo.db"_s;
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"3 pending"_s});
    QAction *upgrade = toolbarAction(window, u"Upgrade"_s);
    QVERIFY(upgrade);
    QVERIFY(upgrade->isEnabled());
    upgrade->trigger();

    PlanDialog *dialog = window->writeActions()->planDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->target(), u"heads"_s);
    QCOMPARE(dialog->stepsModel()->rowCount(), 3);
    QCOMPARE(dialog->stepsModel()->index(0, PlanStepsModel::RevisionColumn).data().toString(),
             kMerge);
    QCOMPARE(dialog->stepsModel()->index(2, PlanStepsModel::RevisionColumn).data().toString(),
             kHead);
    QVERIFY(dialog->runButton()->isEnabled());
    QVERIFY(dialog->errorBar()->isHidden());
    QVERIFY(dialog->backupBox()->isChecked());
    QVERIFY2(
        dialog->backupLabel()->text().contains(QDir::toNativeSeparators(m_backupFolder.path())),
        qPrintable(dialog->backupLabel()->text()));
    // The SQL of the selected step, with the version row it moves.
    dialog->stepsView()->setCurrentIndex(dialog->stepsModel()->index(1, 0));
    QVERIFY2(dialog->sqlView()->toPlainText().contains(u"CREATE TABLE \"order\""_s),
             qPrintable(dialog->sqlView()->toPlainText()));
    QVERIFY(dialog->sqlView()->toPlainText().contains(
        u"UPDATE alembic_version SET version_num='%1'"_s.arg(kOrder)));

    // The executor runs on a thread of its own; the dialog returns at once.
    std::atomic<bool> onGuiThread{false};
    connect(dialog, &PlanDialog::runStarted, this, [&] {
        connect(
            dialog->migrationRun()->executor(), &MigrationExecutor::stepStarted, this,
            [&](int, int, const QString &) {
                if (QThread::currentThread() == qApp->thread())
                    onGuiThread = true;
            },
            Qt::DirectConnection);
    });
    window->session()->setWatching(true);
    QVERIFY(clickLikeAUser(dialog->runButton()));
    QVERIFY(dialog->isRunning());
    // The run's own writes do not make the window reload half way.
    QVERIFY(!window->session()->isWatching());
    QVERIFY(!dialog->hasRun());
    QVERIFY(dialog->progressBar()->isVisible());
    QVERIFY(dialog->stopButton()->isEnabled());
    QVERIFY(!dialog->runButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), kRunTimeoutMs);
    QVERIFY(!onGuiThread);
    QVERIFY(window->session()->isWatching());

    QCOMPARE(sortedRows(db), QStringList{kHead});
    QCOMPARE(dialog->resultBar()->kind(), MessageBar::Kind::Positive);
    const QString result = dialog->resultBar()->text();
    QVERIFY2(result.contains(u"Upgrade done in "_s), qPrintable(result));
    QVERIFY(result.contains(u"Integrity check: ok"_s));
    const QList<BackupInfo> backups = Backup::list(db, m_backupFolder.path());
    QCOMPARE(backups.size(), 1);
    QVERIFY(result.contains(u"Backup: "_s + QDir::toNativeSeparators(backups.first().file)));
    for (int row = 0; row < 3; ++row)
        QCOMPARE(dialog->stepsModel()->state(row), PlanStepsModel::State::Done);
    QCOMPARE(dialog->progressBar()->value(), 3);
    QVERIFY(result.contains(u"Steps applied: 3."_s));
    QVERIFY(dialog->progressLabel()->text().contains(u"3 of 3"_s));
    QVERIFY(dialog->closeButton()->isVisible());
    QVERIFY(!dialog->runButton()->isVisible());

    // The window reloaded: header, graph and message bar.
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"up to date"_s});
    QVERIFY(window->session()->snapshot()->isCurrent(
        window->session()->snapshot()->project.graph.indexOf(kHead)));
    QVERIFY(window->alert()->isVisible());
    QCOMPARE(window->alert()->kind(), MessageBar::Kind::Positive);
    QVERIFY(window->alert()->text().contains(u"Upgrade done"_s));
    window->writeActions()->dismissAction()->trigger();
    QVERIFY(window->alert()->isHidden());
    QVERIFY(logContains(window->sessionLog(), u"Step 3 of 3"_s));
    QVERIFY(logContains(window->sessionLog(), u"Integrity check: ok"_s));

    QVERIFY(clickLikeAUser(dialog->closeButton()));
    QTRY_VERIFY(!window->writeActions()->planDialog());
}

void TestGuiWrites::failingMigrationIsShownInline()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), itemsAndTags()));
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(
        runStatements(db, {u"CREATE TABLE keep (x INTEGER)"_s, u"INSERT INTO keep VALUES (42)"_s}));
    // What the database must look like after the first step alone.
    const QString reference = dir.filePath(u"reference.db"_s);
    QVERIFY(QFile::copy(db, reference));
    {
        ProjectSource source;
        source.configFile = dir.filePath(u"alembic.ini"_s);
        source.databaseFile = reference;
        const auto snapshot = SessionSnapshot::load(source);
        QVERIFY(snapshot->hasProject);
        PlanPreview::Request request;
        request.targets = {kItems};
        const PlanPreview preview = PlanPreview::make(snapshot->project, snapshot->table, request);
        QVERIFY(preview.runnable());
        MigrationExecutor executor;
        ExecutionOptions options;
        options.backup = false;
        const StepSql stepSql(snapshot->project);
        QVERIFY(executor.run(preview.plan, reference, options, stepSql.runner()).ok);
    }

    MainWindow *window = openProjectWindow(dir.path());
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"not under Alembic"_s});
    PlanDialog *dialog =
        window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
    QCOMPARE(dialog->stepsModel()->rowCount(), 2);
    // The preview replays the steps on a copy of the schema, where the index fails
    // too: a warning, but nothing forbids trying (a failing step is rolled back).
    QVERIFY(dialog->errorBar()->isHidden());
    QVERIFY(dialog->warningBar()->isVisible());
    QVERIFY2(dialog->warningBar()->text().startsWith(u"Step 2 will probably fail"_s),
             qPrintable(dialog->warningBar()->text()));
    QVERIFY(runToEnd(dialog));

    QCOMPARE(dialog->resultBar()->kind(), MessageBar::Kind::Error);
    const QString result = dialog->resultBar()->text();
    QVERIFY2(result.contains(kTags), qPrintable(result));
    QVERIFY(result.contains(u"CREATE UNIQUE INDEX ix_items_name ON items (name)"_s));
    QVERIFY(result.contains(u"UNIQUE constraint failed"_s));
    QVERIFY(result.contains(u"The database is at the last completed step: "_s + kItems));
    QVERIFY(result.contains(u"Integrity check: ok"_s));
    QCOMPARE(dialog->stepsModel()->state(0), PlanStepsModel::State::Done);
    QCOMPARE(dialog->stepsModel()->state(1), PlanStepsModel::State::Failed);
    QCOMPARE(dialog->stepsView()->currentIndex().row(), 1);
    QCOMPARE(dialog->migrationRun()->report().failedRevision, kTags);

    // Exactly as the first step left it: no half-made column, table or index.
    QCOMPARE(sortedRows(db), QStringList{kItems});
    QCOMPARE(dump(db), dump(reference));
    QVERIFY(!dump(db).startsWith(u"ERROR"_s));

    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"1 pending"_s});
    QCOMPARE(window->alert()->kind(), MessageBar::Kind::Error);
    QVERIFY(window->alert()->text().contains(u"UNIQUE constraint failed"_s));
    bool loggedError = false;
    for (const SessionLog::Entry &entry : window->sessionLog()->entries())
        if (entry.level == SessionLog::Level::Error && entry.message.contains(kTags))
            loggedError = true;
    QVERIFY(loggedError);
}

void TestGuiWrites::stopEndsTheRunBetweenSteps()
{
    MainWindow *window = openDemoWindow();
    const QString db = DemoProject::directory() + u"/demo.db"_s;
    PlanDialog *dialog =
        window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
    QCOMPARE(dialog->stepsModel()->rowCount(), 3);
    const QStringList afterFirst = dialog->preview().plan.steps.first().rowsAfter;

    // The worker waits inside the first step until the person has pressed Stop.
    QSemaphore stopPressed;
    std::atomic<bool> waited{false};
    connect(dialog, &PlanDialog::runStarted, this, [&] {
        connect(
            dialog->migrationRun()->executor(), &MigrationExecutor::stepStarted, this,
            [&](int index, int, const QString &) {
                if (index == 0)
                    waited = stopPressed.tryAcquire(1, kRunTimeoutMs);
            },
            Qt::DirectConnection);
    });
    QVERIFY(clickLikeAUser(dialog->runButton()));
    QTRY_VERIFY(dialog->progressLabel()->text().startsWith(u"Step 1 of 3"_s));
    // Meanwhile the window is alive: the clock ticks.
    const QString before = dialog->elapsedLabel()->text();
    QTRY_VERIFY(dialog->elapsedLabel()->text() != before);
    QVERIFY(dialog->cancelButton()->isVisible());
    QVERIFY(!dialog->cancelButton()->isEnabled());
    dialog->reject(); // closing is refused while running
    QVERIFY(dialog->isVisible());

    QVERIFY(clickLikeAUser(dialog->stopButton()));
    QVERIFY(!dialog->stopButton()->isEnabled());
    QVERIFY(dialog->progressLabel()->text().contains(u"stopping"_s));
    stopPressed.release();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasRun(), kRunTimeoutMs);
    QVERIFY(waited);

    const ExecutionReport &report = dialog->migrationRun()->report();
    QVERIFY(report.stopped);
    QCOMPARE(report.stepsCompleted, 1);
    QStringList expected = afterFirst;
    expected.sort();
    QCOMPARE(sortedRows(db), expected);
    QCOMPARE(queryRows(db, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
    QVERIFY(!testsupport::tableNames(db).contains(u"order"_s));
    QCOMPARE(dialog->resultBar()->kind(), MessageBar::Kind::Warning);
    QVERIFY2(dialog->resultBar()->text().contains(u"Stopped, as asked. Steps done: 1 of 3."_s),
             qPrintable(dialog->resultBar()->text()));
    QCOMPARE(dialog->stepsModel()->state(0), PlanStepsModel::State::Done);
    QCOMPARE(dialog->stepsModel()->state(1), PlanStepsModel::State::NotRun);
    QCOMPARE(dialog->stepsModel()->state(2), PlanStepsModel::State::NotRun);
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"2 pending"_s});
    QVERIFY(logContains(window->sessionLog(), u"Stop requested"_s));
}

void TestGuiWrites::contextMenuOffersWrites()
{
    MainWindow *window = openDemoWindow();
    HistoryView *history = window->historyView();
    auto enabled = [&](const QString &id) {
        QStringList on;
        for (QAction *action : history->contextMenuFor(historyIndex(history, id))->actions())
            if (!action->isSeparator() && action->isEnabled() && action->text().contains(u"Here"_s))
                on.append(action->text());
        return on;
    };
    // Pending: upgrade or stamp; applied: downgrade or stamp; current: stamp.
    QCOMPARE(enabled(kHead), (QStringList{u"Upgrade to Here…"_s, u"Stamp Here…"_s}));
    QCOMPARE(enabled(kReportingStart), (QStringList{u"Downgrade to Here…"_s, u"Stamp Here…"_s}));
    QCOMPARE(enabled(kMainTip), QStringList{u"Stamp Here…"_s});

    QMenu *menu = history->contextMenuFor(historyIndex(history, kOrder));
    menuAction(menu, u"Upgrade to Here…"_s)->trigger();
    PlanDialog *dialog = window->writeActions()->planDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->operation(), PlanDialog::Operation::Upgrade);
    QCOMPARE(dialog->target(), kOrder);
    QCOMPARE(dialog->stepsModel()->rowCount(), 2);
    // One plan at a time: asking again brings the same dialog forward.
    QCOMPARE(window->writeActions()->openPlan(PlanDialog::Operation::Stamp, kHead), dialog);
    dialog->reject();
    QTRY_VERIFY(!window->writeActions()->planDialog());
}

void TestGuiWrites::downgradeAndStampThroughTheDialog()
{
    MainWindow *window = openDemoWindow();
    const QString db = DemoProject::directory() + u"/demo.db"_s;
    HistoryView *history = window->historyView();

    menuAction(history->contextMenuFor(historyIndex(history, kReportingStart)),
               u"Downgrade to Here…"_s)
        ->trigger();
    PlanDialog *downgrade = window->writeActions()->planDialog();
    QVERIFY(downgrade);
    QCOMPARE(downgrade->operation(), PlanDialog::Operation::Downgrade);
    QCOMPARE(downgrade->target(), kReportingStart);
    QCOMPARE(downgrade->stepsModel()->rowCount(), 1);
    QCOMPARE(downgrade->stepsModel()->index(0, PlanStepsModel::ActionColumn).data().toString(),
             u"Downgrade"_s);
    QVERIFY(downgrade->sqlView()->toPlainText().contains(u"DROP INDEX"_s));
    QVERIFY(runToEnd(downgrade));
    QCOMPARE(downgrade->resultBar()->kind(), MessageBar::Kind::Positive);
    QCOMPARE(sortedRows(db), (QStringList{kMainTip, kReportingStart}));
    QVERIFY(!queryRows(db, u"SELECT name FROM sqlite_master WHERE type = 'index'"_s)
                 .join(u' ')
                 .contains(u"ix_sales_report_period"_s));
    downgrade->reject();
    QTRY_VERIFY(!window->writeActions()->planDialog());

    // Stamp from the Migrate menu takes the selected revision; it only moves rows.
    runStatements(db,
                  {u"DELETE FROM alembic_version WHERE version_num = '%1'"_s.arg(kReportingStart)});
    window->session()->reload();
    const QString schemaBefore = schemaOf(db);
    history->selectRevision(window->session()->snapshot()->project.graph.indexOf(kReportingTip));
    toolbarAction(window, u"Stamp"_s)->trigger();
    PlanDialog *stamp = window->writeActions()->planDialog();
    QVERIFY(stamp);
    QCOMPARE(stamp->operation(), PlanDialog::Operation::Stamp);
    QCOMPARE(stamp->target(), kReportingTip);
    // A row for a sibling branch is a warning, not an error.
    QVERIFY(stamp->warningBar()->isVisible());
    QVERIFY2(stamp->warningBar()->text().contains(u"adds a second row beside "_s + kMainTip),
             qPrintable(stamp->warningBar()->text()));
    QVERIFY(stamp->stepNotice()->text().contains(u"only the version table changes"_s));
    QVERIFY(stamp->sqlView()->toPlainText().contains(
        u"INSERT INTO alembic_version (version_num) VALUES ('%1')"_s.arg(kReportingTip)));
    stamp->backupBox()->setChecked(false);
    const qsizetype backupsBefore = Backup::list(db, m_backupFolder.path()).size();
    QVERIFY(runToEnd(stamp));
    QCOMPARE(sortedRows(db), (QStringList{kMainTip, kReportingTip}));
    QCOMPARE(schemaOf(db), schemaBefore);
    QVERIFY(stamp->resultBar()->text().contains(u"No backup was made"_s));
    QCOMPARE(Backup::list(db, m_backupFolder.path()).size(), backupsBefore);
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"3 pending"_s});
}

void TestGuiWrites::backupAndRestoreRoundTrip()
{
    MainWindow *window = openDemoWindow();
    const QString db = DemoProject::directory() + u"/demo.db"_s;
    const QString original = dump(db);
    QAction *backups = toolbarAction(window, u"Backups"_s);
    QVERIFY(backups && backups->isEnabled());
    backups->trigger();
    BackupsDialog *dialog = window->writeActions()->backupsDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->model()->rowCount(), 0);
    QVERIFY(!dialog->restoreButton()->isEnabled());

    QSignalSpy finished(dialog, &BackupsDialog::operationFinished);
    QVERIFY(clickLikeAUser(dialog->backUpButton()));
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QCOMPARE(dialog->model()->rowCount(), 1);
    const QString backup = dialog->model()->pathAt(0);
    QVERIFY(backup.startsWith(m_backupFolder.path()));
    QVERIFY(QFile::exists(backup));
    QCOMPARE(dialog->resultBar()->kind(), MessageBar::Kind::Positive);
    QVERIFY(dialog->resultBar()->text().contains(QDir::toNativeSeparators(backup)));
    QVERIFY(logContains(window->sessionLog(), u"Backup written"_s));

    // The database moves on.
    QVERIFY(runStatements(db, {u"DELETE FROM alembic_version"_s,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kHead),
                               u"CREATE TABLE scratch (x INTEGER)"_s}));
    window->session()->reload();
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"up to date"_s});
    QVERIFY(dump(db) != original);

    // Restore asks first; keeping the database changes nothing.
    dialog->view()->setCurrentIndex(dialog->model()->index(0, 0));
    QVERIFY(clickLikeAUser(dialog->restoreButton()));
    QVERIFY(dialog->confirmBar()->isVisible());
    QVERIFY(dialog->confirmBar()->text().contains(QFileInfo(backup).fileName()));
    dialog->cancelRestoreAction()->trigger();
    QVERIFY(dialog->confirmBar()->isHidden());
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"up to date"_s});

    QVERIFY(clickLikeAUser(dialog->restoreButton()));
    dialog->confirmRestoreAction()->trigger();
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.last().first().toBool(), true);
    QCOMPARE(dump(db), original);
    QCOMPARE(dialog->resultBar()->kind(), MessageBar::Kind::Positive);
    QVERIFY2(dialog->resultBar()->text().contains(u"Integrity check: ok"_s),
             qPrintable(dialog->resultBar()->text()));
    // The database as it was before the restore is kept, and listed.
    QCOMPARE(dialog->model()->rowCount(), 2);
    // The window reloaded.
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"3 pending"_s});
    QVERIFY(logContains(window->sessionLog(), u"Restored"_s));
    dialog->reject();
    QTRY_VERIFY(!window->writeActions()->backupsDialog());
}

void TestGuiWrites::untranslatableRevisionIsRefused()
{
    QTemporaryDir dir;
    QList<std::pair<QString, QString>> files = itemsAndTags();
    files.append({kBind + u"_bind.py"_s, bindRevision(kTags)});
    QVERIFY(makeProject(dir.path(), files));
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {testsupport::alembicVersionDdl,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kTags)}));
    const testsupport::FileSnapshot before = testsupport::FileSnapshot::take(db);
    // No Alembic renderer: Settings' Python interpreter "none".
    AppSettings::setPythonInterpreter(AlembicRenderer::disabledKeyword());
    const auto restore = qScopeGuard([] { AppSettings::setPythonInterpreter({}); });

    MainWindow *window = openProjectWindow(dir.path());
    toolbarAction(window, u"Upgrade"_s)->trigger();
    PlanDialog *dialog = window->writeActions()->planDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->stepsModel()->rowCount(), 1);
    QVERIFY(dialog->stepsModel()->index(0, 0).data(PlanStepsModel::BlockedRole).toBool());
    QCOMPARE(dialog->stepsModel()->index(0, PlanStepsModel::SqlColumn).data().toString(),
             u"cannot be applied"_s);
    QVERIFY(!dialog->runButton()->isEnabled());
    QVERIFY(dialog->runButton()->toolTip().contains(kBind));
    QVERIFY(dialog->errorBar()->isVisible());
    QVERIFY2(dialog->errorBar()->text().contains(kBind), qPrintable(dialog->errorBar()->text()));
    QVERIFY(dialog->errorBar()->text().contains(u"get_bind"_s));
    QVERIFY(dialog->errorBar()->text().contains(u"turned off"_s));
    QVERIFY(!dialog->isRendering());
    QVERIFY(dialog->stepNotice()->isVisible());
    QCOMPARE(dialog->stepNotice()->kind(), MessageBar::Kind::Error);
    dialog->startRun(); // refused, even when asked directly
    QVERIFY(!dialog->migrationRun());
    QTest::qWait(50);
    const testsupport::FileSnapshot after = testsupport::FileSnapshot::take(db);
    QCOMPARE(after.bytes, before.bytes);
    QCOMPARE(after.modifiedNanoseconds, before.modifiedNanoseconds);
    QCOMPARE(after.directoryEntries, before.directoryEntries);

    // Stamping past it needs no SQL, so that is allowed.
    dialog->reject();
    QTRY_VERIFY(!window->writeActions()->planDialog());
    PlanDialog *stamp = window->writeActions()->openPlan(PlanDialog::Operation::Stamp, kBind);
    QVERIFY(stamp->runButton()->isEnabled());
}

void TestGuiWrites::alembicRendersWhatTheTranslatorCannot()
{
    QTemporaryDir dir;
    QList<std::pair<QString, QString>> files = itemsAndTags();
    files.append({kBind + u"_bind.py"_s, bindRevision(kTags)});
    QVERIFY(makeProject(dir.path(), files));
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {testsupport::alembicVersionDdl,
                               u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kTags)}));
    // The interpreter with Alembic (python3 first on PATH may lack it).
    AppSettings::setPythonInterpreter(u"/usr/bin/python3"_s);
    const auto restore = qScopeGuard([] { AppSettings::setPythonInterpreter({}); });

    MainWindow *window = openProjectWindow(dir.path());
    PlanDialog *dialog =
        window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
    // The translator's answer at once, Alembic's in the background.
    QVERIFY(dialog->isRendering());
    QVERIFY(dialog->renderBar()->isVisible());
    QVERIFY(dialog->errorBar()->isHidden());
    QVERIFY(!dialog->runButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRendering(), kRunTimeoutMs);
    QVERIFY2(dialog->errorBar()->isHidden(), qPrintable(dialog->errorBar()->text()));
    QVERIFY(dialog->renderBar()->isHidden());
    QVERIFY(dialog->runButton()->isEnabled());
    QVERIFY(dialog->stepsModel()
                ->index(0, PlanStepsModel::SqlColumn)
                .data()
                .toString()
                .contains(u"rendered by Alembic"_s));
    QVERIFY(dialog->stepNotice()->text().contains(u"Rendered by Alembic"_s));
    QVERIFY(dialog->sqlView()->toPlainText().contains(u"CREATE TABLE t"_s));

    QVERIFY(runToEnd(dialog));
    QVERIFY2(dialog->migrationRun()->report().ok, qPrintable(dialog->resultBar()->text()));
    QCOMPARE(sortedRows(db), QStringList{kBind});
    QVERIFY(testsupport::tableNames(db).contains(u"t"_s));
}

void TestGuiWrites::plannerErrorsAreShownInTheDialog()
{
    QTemporaryDir dir;
    QList<std::pair<QString, QString>> files = itemsAndTags();
    // A second base: two heads.
    files.append({u"d4d4d4d4d4d4_other.py"_s,
                  revisionFile(u"d4d4d4d4d4d4"_s, {}, u"other base"_s,
                               u"    op.create_table('other', sa.Column('id', sa.Integer(), "
                               u"nullable=False), sa.PrimaryKeyConstraint('id'))"_s,
                               u"    op.drop_table('other')"_s)});
    QVERIFY(makeProject(dir.path(), files));
    const QString db = dir.filePath(u"app.db"_s);
    QVERIFY(runStatements(db, {u"CREATE TABLE keep (x INTEGER)"_s}));

    MainWindow *window = openProjectWindow(dir.path());
    PlanDialog *dialog =
        window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"head"_s);
    QVERIFY(dialog->errorBar()->isVisible());
    QVERIFY2(dialog->errorBar()->text().contains(u"Multiple head revisions are present"_s),
             qPrintable(dialog->errorBar()->text()));
    QCOMPARE(dialog->stepsModel()->rowCount(), 0);
    QVERIFY(!dialog->runButton()->isEnabled());

    // Typing a target plans again.
    dialog->setTarget(u"zzzz"_s);
    QVERIFY(dialog->errorBar()->text().contains(u"Can't locate revision identified by 'zzzz'"_s));
    dialog->targetBox()->setEditText(u"heads"_s);
    QTRY_VERIFY(dialog->errorBar()->isHidden());
    QCOMPARE(dialog->stepsModel()->rowCount(), 3);
    QVERIFY(dialog->runButton()->isEnabled());
    // No step, but the version table would be created, as Alembic does.
    dialog->setTarget(u"base"_s);
    QVERIFY2(dialog->summaryLabel()->text().startsWith(u"No migration runs"_s),
             qPrintable(dialog->summaryLabel()->text()));
    QVERIFY(dialog->sqlView()->toPlainText().startsWith(u"CREATE TABLE alembic_version"_s));
    QVERIFY(dialog->runButton()->isEnabled());
    QVERIFY(runToEnd(dialog));
    QCOMPARE(testsupport::tableNames(db), (QStringList{u"alembic_version"_s, u"keep"_s}));
    dialog->reject();
    QTRY_VERIFY(!window->writeActions()->planDialog());
    // Now there is nothing to do.
    dialog = window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"base"_s);
    QVERIFY2(dialog->summaryLabel()->text().startsWith(u"Nothing to do"_s),
             qPrintable(dialog->summaryLabel()->text()));
    QVERIFY(!dialog->runButton()->isEnabled());
}

void TestGuiWrites::dialogsRetranslate()
{
    MainWindow *window = openDemoWindow();
    PlanDialog *plan = window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
    const QString englishTitle = plan->windowTitle();
    QCOMPARE(englishTitle, u"Upgrade Plan"_s);

    // Every text is fetched again through tr() on a language change.
    {
        MarkingTranslator marking;
        QCoreApplication::installTranslator(&marking);
        QTRY_VERIFY(marked(plan->windowTitle()));
        QStringList unmarked;
        auto check = [&unmarked](const QString &what, const QString &text) {
            if (!text.isEmpty() && !marked(text))
                unmarked.append(what + u": "_s + text);
        };
        check(u"run"_s, plan->runButton()->text());
        check(u"stop"_s, plan->stopButton()->text());
        check(u"backup"_s, plan->backupBox()->text());
        check(u"backup where"_s, plan->backupLabel()->text());
        check(u"summary"_s, plan->summaryLabel()->text());
        for (int column = 0; column < PlanStepsModel::ColumnCount; ++column)
            check(u"header"_s, plan->stepsModel()->headerData(column, Qt::Horizontal).toString());
        check(u"action"_s,
              plan->stepsModel()->index(0, PlanStepsModel::ActionColumn).data().toString());
        for (QLabel *label : plan->findChildren<QLabel *>(Qt::FindDirectChildrenOnly))
            if (label->isVisibleTo(plan))
                check(u"label"_s, label->text());
        QCoreApplication::removeTranslator(&marking);
        QTRY_COMPARE(plan->windowTitle(), englishTitle);
        QVERIFY2(unmarked.isEmpty(), qPrintable(unmarked.join(u'\n')));
    }
    plan->reject();
    QTRY_VERIFY(!window->writeActions()->planDialog());

    // In Spanish, from the catalogue.
    plan = window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
    BackupsDialog *backups = nullptr;
    window->languageAction(u"es"_s)->trigger();
    QTRY_COMPARE(plan->windowTitle(), u"Plan de actualización"_s);
    QCOMPARE(plan->runButton()->text(), u"&Actualizar"_s);
    QCOMPARE(plan->cancelButton()->text(), u"Cancelar"_s); // Qt's own catalogue
    QCOMPARE(plan->stepsModel()->headerData(PlanStepsModel::StepColumn, Qt::Horizontal).toString(),
             u"Paso"_s);
    QVERIFY(plan->summaryLabel()->text().startsWith(u"Pasos: 3"_s));
    plan->reject();
    QTRY_VERIFY(!window->writeActions()->planDialog());
    backups = window->writeActions()->openBackups();
    QCOMPARE(backups->windowTitle(), u"Copias de seguridad"_s);
    QCOMPARE(backups->model()->headerData(BackupListModel::SizeColumn, Qt::Horizontal).toString(),
             u"Tamaño"_s);
    window->languageAction(u"en"_s)->trigger();
    QTRY_COMPARE(backups->windowTitle(), u"Backups"_s);
}

void TestGuiWrites::modelsPassTheModelTester()
{
    MainWindow *window = openDemoWindow();
    PlanDialog *dialog =
        window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
    QAbstractItemModelTester planTester(dialog->stepsModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    dialog->setTarget(kMerge);
    QCOMPARE(dialog->stepsModel()->rowCount(), 1);
    dialog->setTarget(u"heads"_s);
    QVERIFY(runToEnd(dialog)); // states change while it runs

    BackupsDialog *backups = window->writeActions()->openBackups();
    QVERIFY(backups);
    QAbstractItemModelTester backupTester(backups->model(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(backups->model()->rowCount(), 1); // the upgrade's
    QSignalSpy finished(backups, &BackupsDialog::operationFinished);
    backups->backUpNow();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(backups->model()->rowCount(), 2);
}

// With RETORT_SCREENSHOT_DIR set, saves the plan dialog before, during and
// after a run, the failure, and the backups dialog, in English and Spanish.
// A backup or restore still copying when the application quits is waited for,
// not cut off by the end of the process.
void TestGuiWrites::quittingWaitsForBackgroundWork()
{
    std::atomic<bool> finished{false};
    QObject context;
    runInBackground<int>(
        &context,
        [&finished] {
            QThread::msleep(300);
            finished = true;
            return 1;
        },
        [](const int &) {});
    QVERIFY(!finished);
    // What QCoreApplication::exec() emits on its way out.
    QVERIFY(QMetaObject::invokeMethod(qApp, "aboutToQuit", Qt::DirectConnection));
    QVERIFY(finished);
}

void TestGuiWrites::screenshotsForReview()
{
    const QString dir = qEnvironmentVariable("RETORT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set RETORT_SCREENSHOT_DIR to save screenshots");
    QVERIFY(QDir().mkpath(dir));
    for (const QString &language : {u"en"_s, u"es"_s}) {
        QString error;
        QVERIFY(DemoProject::reset(&error));
        MainWindow *window = openDemoWindow();
        window->languageAction(language)->trigger();
        QCoreApplication::processEvents();
        PlanDialog *plan =
            window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
        plan->stepsView()->setCurrentIndex(plan->stepsModel()->index(1, 0));
        QCoreApplication::processEvents();
        QVERIFY(plan->grab().save(u"%1/%2-plan.png"_s.arg(dir, language)));
        QVERIFY(window->grab().save(u"%1/%2-plan-window.png"_s.arg(dir, language)));

        QSemaphore go;
        connect(plan, &PlanDialog::runStarted, this, [&] {
            connect(
                plan->migrationRun()->executor(), &MigrationExecutor::stepStarted, this,
                [&](int index, int, const QString &) {
                    if (index == 1)
                        go.tryAcquire(1, kRunTimeoutMs);
                },
                Qt::DirectConnection);
        });
        QVERIFY(clickLikeAUser(plan->runButton()));
        QTRY_VERIFY(plan->stepsModel()->state(1) == PlanStepsModel::State::Running);
        QTest::qWait(1200);
        QVERIFY(plan->grab().save(u"%1/%2-plan-running.png"_s.arg(dir, language)));
        go.release();
        QTRY_VERIFY_WITH_TIMEOUT(plan->hasRun(), kRunTimeoutMs);
        QVERIFY(plan->grab().save(u"%1/%2-plan-done.png"_s.arg(dir, language)));
        QVERIFY(window->grab().save(u"%1/%2-window-after.png"_s.arg(dir, language)));
        plan->reject();
        QTRY_VERIFY(!window->writeActions()->planDialog());

        PlanDialog *downgrade =
            window->writeActions()->openPlan(PlanDialog::Operation::Downgrade, u"-1"_s);
        QVERIFY(downgrade->grab().save(u"%1/%2-downgrade.png"_s.arg(dir, language)));
        downgrade->reject();
        QTRY_VERIFY(!window->writeActions()->planDialog());

        BackupsDialog *backups = window->writeActions()->openBackups();
        backups->askRestore();
        QCoreApplication::processEvents();
        QVERIFY(backups->grab().save(u"%1/%2-backups.png"_s.arg(dir, language)));
        backups->reject();

        QTemporaryDir fixture;
        QList<std::pair<QString, QString>> files = itemsAndTags();
        files.append({kBind + u"_bind.py"_s, bindRevision(kTags)});
        QVERIFY(makeProject(fixture.path(), files));
        QVERIFY(runStatements(fixture.filePath(u"app.db"_s), {u"CREATE TABLE keep (x INTEGER)"_s}));
        window->open([&] {
            ProjectSource source;
            source.configFile = fixture.filePath(u"alembic.ini"_s);
            return source;
        }());
        AppSettings::setPythonInterpreter(u"/usr/bin/python3"_s);
        PlanDialog *rendering =
            window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
        QVERIFY(rendering->grab().save(u"%1/%2-plan-rendering.png"_s.arg(dir, language)));
        QTRY_VERIFY_WITH_TIMEOUT(!rendering->isRendering(), kRunTimeoutMs);
        rendering->stepsView()->setCurrentIndex(rendering->stepsModel()->index(2, 0));
        QVERIFY(rendering->grab().save(u"%1/%2-plan-rendered.png"_s.arg(dir, language)));
        rendering->reject();
        QTRY_VERIFY(!window->writeActions()->planDialog());
        AppSettings::setPythonInterpreter(AlembicRenderer::disabledKeyword());
        PlanDialog *blocked =
            window->writeActions()->openPlan(PlanDialog::Operation::Upgrade, u"heads"_s);
        QVERIFY(blocked->grab().save(u"%1/%2-plan-blocked.png"_s.arg(dir, language)));
        blocked->setTarget(kTags);
        QVERIFY(runToEnd(blocked));
        QVERIFY(blocked->grab().save(u"%1/%2-plan-failed.png"_s.arg(dir, language)));
        blocked->reject();
        QTRY_VERIFY(!window->writeActions()->planDialog());
        AppSettings::setPythonInterpreter({});
        m_window.reset();
    }
}

QTEST_MAIN(TestGuiWrites)
#include "tst_guiwrites.moc"
