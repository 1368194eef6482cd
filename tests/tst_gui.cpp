// The desktop window on the demo project, under the offscreen platform: the
// history graph, the details with SQL and source, the header, the pending
// view, filtering, keyboard use, reloading on change, languages at runtime.

#include "guitestsupport.h"
#include "appsettings.h"
#include "codeview.h"
#include "demoproject.h"
#include "guilauncher.h"
#include "historyfiltermodel.h"
#include "historymodel.h"
#include "historyview.h"
#include "languagemanager.h"
#include "logview.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "pendingmodel.h"
#include "pendingview.h"
#include "problemsview.h"
#include "projectsession.h"
#include "revisiondetails.h"
#include "settingsdialog.h"
#include "sessionlog.h"
#include "statusheader.h"
#include "thememanager.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFontInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMimeData>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolBar>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::ui;

namespace {

// The demo (resources/demo): ten revisions, a "reporting" branch merged back,
// the database at both tips before the merge, three migrations pending.
const QString kHead = u"59258f75568f"_s;
const QString kMainTip = u"187e245166db"_s;
const QString kReportingTip = u"f4ee2fb72983"_s;
const QString kBranchStart = u"3130d19fc6ce"_s;
const QString kMerge = u"978c27f7bb03"_s;
const QString kBase = u"7d05b2de8ce9"_s;

using retort::tests::marked;
using retort::tests::MarkingTranslator;

int rowOfId(const QAbstractItemModel *model, const QString &id)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, HistoryModel::RevisionColumn).data().toString() == id)
            return row;
    return -1;
}

#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
// The character format the highlighter put on the first occurrence of `text`
// in `view`: the format range of its block that covers it, or an empty format.
QTextCharFormat highlightOf(const QPlainTextEdit *view, const QString &text)
{
    const QTextCursor found = view->document()->find(text, 0, QTextDocument::FindCaseSensitively);
    if (found.isNull())
        return {};
    const QTextBlock block = found.block();
    const int offset = found.selectionStart() - block.position();
    for (const QTextLayout::FormatRange &range : block.layout()->formats())
        if (range.start <= offset && offset < range.start + range.length)
            return range.format;
    return {};
}
#endif

} // namespace

class TestGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void launcherDecidesWhenToOpenTheWindow_data();
    void launcherDecidesWhenToOpenTheWindow();
    void launcherParsesGuiOptions();

    void demoShowsOneRowPerRevision();
    void currentRevisionsAreMarked();
    void modelsPassTheModelTester();
    void headerShowsState();
    void headerBadges_data();
    void headerBadges();
    void selectingShowsDetails();
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    void previewsCarryHighlighting();
#endif
    void detailLinksNavigate();
    void sqlTabsShowSqlOrReason();
    void pendingViewListsSteps();
    void filterDimsOrHides();
    void keyboardNavigation();
    void contextMenu();
    void retranslatesEveryVisibleText();
    void switchesToSpanishAtRuntime();
    void refreshAndFileWatching();
    void resetDemo();
    void openDatabaseUsesOpenProjectsScripts();
    void missingProjectIsReportedInline();
    void dropOpensProject();
    void recentProjects();
    void darkThemeRepaints();
    void settingsAreKept();
    void screenshotsForReview();

private:
    MainWindow *openDemoWindow();

    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<MainWindow> m_window;
};

void TestGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"RetortTest"_s);
    QCoreApplication::setApplicationName(u"tst_gui"_s);
    // Start from nothing: no settings, no demo copy.
    QFile::remove(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
                  u"/RetortTest/tst_gui.conf"_s);
    QDir(DemoProject::directory()).removeRecursively();
    QVERIFY(DemoProject::directory().contains(u".qttest"_s));
}

void TestGui::init()
{
    m_languages = std::make_unique<LanguageManager>();
    m_languages->setLanguage(u"en"_s);
}

void TestGui::cleanup()
{
    m_window.reset();
    m_languages.reset(); // removes its translators
}

MainWindow *TestGui::openDemoWindow()
{
    m_window = std::make_unique<MainWindow>(m_languages.get(), false);
    m_window->session()->setWatching(false);
    m_window->openDemo();
    m_window->resize(1280, 800);
    m_window->show();
    return m_window.get();
}

void TestGui::launcherDecidesWhenToOpenTheWindow_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("gui");
    QTest::newRow("nothing") << QStringList{} << true;
    QTest::newRow("gui") << QStringList{u"gui"_s} << true;
    QTest::newRow("a database") << QStringList{u"shop.sqlite3"_s} << true;
    QTest::newRow("only -c") << QStringList{u"-c"_s, u"alembic.ini"_s} << true;
    QTest::newRow("--lang and gui") << QStringList{u"--lang"_s, u"es"_s, u"gui"_s} << true;
    QTest::newRow("a command") << QStringList{u"status"_s} << false;
    QTest::newRow("-c and a command")
        << QStringList{u"-c"_s, u"alembic.ini"_s, u"current"_s} << false;
    QTest::newRow("history range") << QStringList{u"history"_s, u"-r"_s, u"a:b"_s} << false;
    QTest::newRow("--help") << QStringList{u"--help"_s} << false;
    QTest::newRow("--version") << QStringList{u"--version"_s} << false;
    QTest::newRow("--json alone") << QStringList{u"--json"_s} << false;
}

void TestGui::launcherDecidesWhenToOpenTheWindow()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, gui);
    QCOMPARE(retort::GuiRequest::wantsGui(arguments), gui);
}

void TestGui::launcherParsesGuiOptions()
{
    QTemporaryDir dir;
    QFile(dir.filePath(u"shop.db"_s)).open(QIODevice::WriteOnly);
    GuiLauncher::Options o = GuiLauncher::parse(
        {u"gui"_s, u"--lang=es"_s, u"--screenshot"_s, u"out.png"_s, u"--select"_s, u"head"_s,
         u"shop.db"_s},
        dir.path());
    QVERIFY2(o.error.isEmpty(), qPrintable(o.error));
    QCOMPARE(o.language, u"es"_s);
    QCOMPARE(o.screenshot, dir.filePath(u"out.png"_s));
    QCOMPARE(o.select, u"head"_s);
    QCOMPARE(o.path, dir.filePath(u"shop.db"_s));
    QVERIFY(!o.implicit);

    o = GuiLauncher::parse({u"-c"_s, u"alembic.ini"_s, u"shop.db"_s}, dir.path());
    QCOMPARE(o.source.configFile, dir.filePath(u"alembic.ini"_s));
    QCOMPARE(o.source.databaseFile, dir.filePath(u"shop.db"_s));
    QVERIFY(o.path.isEmpty());

    o = GuiLauncher::parse({}, dir.path());
    QVERIFY(o.implicit);
    QVERIFY(o.error.isEmpty());
    QVERIFY(!GuiLauncher::parse({u"--lang"_s, u"fr"_s}, dir.path()).error.isEmpty());
    QVERIFY(!GuiLauncher::parse({u"gui"_s, u"--bogus"_s}, dir.path()).error.isEmpty());
    QVERIFY(!GuiLauncher::parse({u"gui"_s, u"missing.db"_s}, dir.path()).error.isEmpty());
    // Under the offscreen platform nobody would see the window: an implicit
    // request falls back to the command line, a screenshot does not.
    QVERIFY(!GuiLauncher::parse({}, dir.path()).canShowWindow(nullptr));
    QVERIFY(GuiLauncher::parse({u"--screenshot"_s, u"x.png"_s}, dir.path()).canShowWindow(nullptr));
}

void TestGui::demoShowsOneRowPerRevision()
{
    MainWindow *window = openDemoWindow();
    const auto snapshot = window->session()->snapshot();
    QVERIFY(snapshot);
    QVERIFY2(snapshot->hasProject, qPrintable(snapshot->configError));
    QCOMPARE(snapshot->project.graph.size(), 10);

    const HistoryView *history = window->historyView();
    QCOMPARE(history->historyModel()->rowCount(), 10);
    QCOMPARE(history->filterModel()->rowCount(), 10);
    QCOMPARE(history->treeView()->model()->rowCount(), 10);
    // Newest first: the head on top, the base at the bottom.
    const QAbstractItemModel *model = history->filterModel();
    QCOMPARE(model->index(0, HistoryModel::RevisionColumn).data().toString(), kHead);
    QCOMPARE(model->index(9, HistoryModel::RevisionColumn).data().toString(), kBase);
    QCOMPARE(model->index(0, HistoryModel::MessageColumn).data().toString(),
             u"add price to book"_s);
    QCOMPARE(model->index(0, HistoryModel::DateColumn).data().toString(), u"2025-04-15 15:44"_s);
    // Two lanes: the reporting branch beside the main line.
    QCOMPARE(history->historyModel()->lanes().maxLanes(), 2);
    // The merge opens the branch's lane; the branch point joins it.
    const int merge = rowOfId(model, kMerge);
    QCOMPARE(LaneLayout::glyphs(history->historyModel()->laneRow(merge)), u"*┐"_s);
    // The graph column is as wide as its lanes and paints without trouble.
    QVERIFY(history->treeView()->header()->sectionSize(HistoryModel::GraphColumn) >= 2 * 12);
    QVERIFY(!window->grab().isNull());
}

void TestGui::currentRevisionsAreMarked()
{
    MainWindow *window = openDemoWindow();
    const QAbstractItemModel *model = window->historyView()->filterModel();
    QStringList current, applied, pending;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, HistoryModel::RevisionColumn);
        const QString id = index.data().toString();
        if (index.data(HistoryModel::IsCurrentRole).toBool())
            current.append(id);
        if (index.data(HistoryModel::IsAppliedRole).toBool())
            applied.append(id);
        else
            pending.append(id);
        QVERIFY(index.data(HistoryModel::StateKnownRole).toBool());
    }
    current.sort();
    QCOMPARE(current, (QStringList{kMainTip, kReportingTip}));
    QCOMPARE(applied.size(), 7);
    pending.sort();
    QCOMPARE(pending, (QStringList{u"59258f75568f"_s, u"72e0dc0126ef"_s, kMerge}));
    // Tags: "head" on the head; a branch label where its file declares it
    // (the revisions that inherit it are not tagged again).
    const QModelIndex head = model->index(0, HistoryModel::LabelsColumn);
    QVERIFY(head.data(HistoryModel::IsHeadRole).toBool());
    QVERIFY(head.data(HistoryModel::BranchLabelsRole).toStringList().isEmpty());
    const QModelIndex start = model->index(rowOfId(model, kBranchStart), 0);
    QCOMPARE(start.data(HistoryModel::BranchLabelsRole).toStringList(), QStringList{u"reporting"_s});
    // The selection starts on a current revision.
    QCOMPARE(window->details()->revision(),
             window->session()->snapshot()->status.current.first());
}

void TestGui::modelsPassTheModelTester()
{
    m_window = std::make_unique<MainWindow>(m_languages.get(), false);
    m_window->session()->setWatching(false);
    MainWindow *window = m_window.get();
    using Mode = QAbstractItemModelTester::FailureReportingMode;
    QAbstractItemModelTester history(window->historyView()->historyModel(), Mode::QtTest);
    QAbstractItemModelTester filter(window->historyView()->filterModel(), Mode::QtTest);
    QAbstractItemModelTester pending(window->pendingView()->model(), Mode::QtTest);
    QAbstractItemModelTester log(window->sessionLog(), Mode::QtTest);
    QAbstractItemModelTester problems(window->problemsView()->list()->model(), Mode::QtTest);

    window->openDemo();
    window->historyView()->filterEdit()->setText(u"index"_s);
    window->historyView()->onlyMatchingBox()->setChecked(true);
    window->session()->reload();
    window->historyView()->filterEdit()->clear();
    window->historyView()->onlyMatchingBox()->setChecked(false);
    QTemporaryDir empty;
    window->openPath(empty.path()); // no project: every model empties
    window->openDemo();
    QCOMPARE(window->historyView()->historyModel()->rowCount(), 10);
    // Every preview of the pending model is computed once under the tester.
    for (int row = 0; row < window->pendingView()->model()->rowCount(); ++row)
        window->pendingView()->model()->index(row, PendingModel::SqlColumn).data();
}

void TestGui::headerShowsState()
{
    MainWindow *window = openDemoWindow();
    const StatusHeader *header = window->statusHeader();
    QCOMPARE(header->badgeTexts(), QStringList{u"3 pending"_s});
    QCOMPARE(header->databaseName()->text(), u"demo.db"_s);
    QVERIFY(header->currentValue()->text().contains(kMainTip));
    QVERIFY(header->currentValue()->text().contains(kReportingTip));
    QCOMPARE(header->headsValue()->text(), kHead);
    QVERIFY(window->windowTitle().contains(u"demo.db"_s));
    QVERIFY(!window->alert()->isVisible());
}

void TestGui::headerBadges_data()
{
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<bool>("dropTable");
    QTest::addColumn<QStringList>("badges");
    QTest::newRow("up to date") << QStringList{kHead} << false << QStringList{u"up to date"_s};
    QTest::newRow("pending") << QStringList{kBase} << false << QStringList{u"9 pending"_s};
    QTest::newRow("unknown revision")
        << QStringList{u"deadbeef0000"_s} << false << QStringList{u"unknown revision"_s};
    QTest::newRow("not under alembic")
        << QStringList{} << true << QStringList{u"not under Alembic"_s};
    QTest::newRow("overlapping rows")
        << QStringList{kHead, kBase} << false << QStringList{u"version table inconsistent"_s};
}

void TestGui::headerBadges()
{
    QFETCH(QStringList, rows);
    QFETCH(bool, dropTable);
    QFETCH(QStringList, badges);

    QString error;
    QVERIFY(DemoProject::reset(&error));
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"badges"_s);
        db.setDatabaseName(DemoProject::directory() + u"/demo.db"_s);
        QVERIFY(db.open());
        QSqlQuery query(db);
        if (dropTable) {
            QVERIFY(query.exec(u"DROP TABLE alembic_version"_s));
        } else {
            QVERIFY(query.exec(u"DELETE FROM alembic_version"_s));
            for (const QString &row : rows)
                QVERIFY(query.exec(u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(row)));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"badges"_s);
    MainWindow *window = openDemoWindow();
    QCOMPARE(window->statusHeader()->badgeTexts(), badges);
    const bool inconsistent =
        window->session()->snapshot()->status.state == StatusReport::State::Inconsistent;
    QCOMPARE(window->alert()->isVisible(), inconsistent);
    QVERIFY(DemoProject::reset(&error));
}

void TestGui::selectingShowsDetails()
{
    MainWindow *window = openDemoWindow();
    const auto snapshot = window->session()->snapshot();
    window->historyView()->selectRevision(snapshot->project.graph.indexOf(kBranchStart));
    RevisionDetails *details = window->details();
    QCOMPARE(details->titleLabel()->text(), kBranchStart);
    QVERIFY(details->sourceView()->toPlainText().contains(u"revision = '3130d19fc6ce'"_s));
    QVERIFY(details->sourceView()->toPlainText().contains(u"op.create_table('sales_report'"_s));
    QVERIFY(details->sourceView()->isReadOnly());
    QVERIFY(QFontInfo(details->sourceView()->font()).fixedPitch());
    QCOMPARE(details->tabs()->count(), 3);
    if (CodeView::highlightingAvailable()) {
        QCOMPARE(details->sourceView()->definitionName(), u"Python"_s);
        QCOMPARE(details->upgradeView()->definitionName(), u"SQL"_s);
    } else {
        QVERIFY(details->sourceView()->definitionName().isEmpty());
    }
    // Parents and children as links to the revisions.
    bool parentLink = false;
    for (const QLabel *label : details->findChildren<QLabel *>())
        if (label->text().contains(u"rev:eba1936fa93f"_s))
            parentLink = true;
    QVERIFY(parentLink);
}

#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
// Built with KSyntaxHighlighting (always in the Debian 13 test stage): the
// preview documents carry its formats, a keyword formatted unlike a string.
void TestGui::previewsCarryHighlighting()
{
    MainWindow *window = openDemoWindow();
    const auto snapshot = window->session()->snapshot();
    window->historyView()->selectRevision(snapshot->project.graph.indexOf(kBranchStart));
    const CodeView *sql = window->details()->upgradeView();
    QVERIFY(sql->toPlainText().contains(u"CREATE TABLE sales_report"_s));
    QVERIFY(sql->toPlainText().contains(u"DEFAULT '0'"_s));
    QTRY_VERIFY(!highlightOf(sql, u"CREATE"_s).properties().isEmpty());
    const QTextCharFormat sqlKeyword = highlightOf(sql, u"CREATE"_s);
    const QTextCharFormat sqlString = highlightOf(sql, u"'0'"_s);
    QVERIFY(!sqlString.properties().isEmpty());
    QVERIFY(sqlKeyword != sqlString);

    const CodeView *source = window->details()->sourceView();
    QTRY_VERIFY(!highlightOf(source, u"def upgrade"_s).properties().isEmpty());
    const QTextCharFormat pythonString = highlightOf(source, u"'sales_report'"_s);
    QVERIFY(!pythonString.properties().isEmpty());
    QVERIFY(highlightOf(source, u"def upgrade"_s) != pythonString);
}
#endif

void TestGui::detailLinksNavigate()
{
    MainWindow *window = openDemoWindow();
    const RevisionGraph &graph = window->session()->snapshot()->project.graph;
    window->historyView()->selectRevision(graph.indexOf(kBranchStart));
    QLabel *parents = nullptr;
    for (QLabel *label : window->details()->findChildren<QLabel *>())
        if (label->text().contains(u"rev:eba1936fa93f"_s))
            parents = label;
    QVERIFY(parents);
    emit parents->linkActivated(u"rev:eba1936fa93f"_s);
    QCOMPARE(window->historyView()->currentRevision(), graph.indexOf(u"eba1936fa93f"_s));
    QCOMPARE(window->details()->titleLabel()->text(), u"eba1936fa93f"_s);
}

void TestGui::sqlTabsShowSqlOrReason()
{
    MainWindow *window = openDemoWindow();
    const RevisionGraph &graph = window->session()->snapshot()->project.graph;
    RevisionDetails *details = window->details();
    for (int revision = 0; revision < graph.size(); ++revision) {
        window->historyView()->selectRevision(revision);
        for (const auto &[view, message] :
             {std::pair{details->upgradeView(), details->upgradeMessage()},
              std::pair{details->downgradeView(), details->downgradeMessage()}}) {
            // Either SQL, or a message saying why there is none.
            const bool hasSql = !view->isHidden() && !view->toPlainText().trimmed().isEmpty();
            const bool hasReason = !message->isHidden() && !message->text().isEmpty();
            QVERIFY2(hasSql || hasReason, qPrintable(graph.node(revision).id));
            QVERIFY(view->isReadOnly());
        }
    }
    // The branch's first revision creates a table, when SQL can be shown.
    window->historyView()->selectRevision(graph.indexOf(kBranchStart));
    if (!details->upgradeView()->isHidden())
        QVERIFY(details->upgradeView()->toPlainText().contains(u"CREATE TABLE sales_report"_s));
    // The merge runs nothing.
    window->historyView()->selectRevision(graph.indexOf(kMerge));
    QVERIFY(!details->upgradeMessage()->isHidden());
}

void TestGui::pendingViewListsSteps()
{
    MainWindow *window = openDemoWindow();
    const PendingModel *model = window->pendingView()->model();
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(0, PendingModel::RevisionColumn).data().toString(), kMerge);
    QCOMPARE(model->index(1, PendingModel::RevisionColumn).data().toString(), u"72e0dc0126ef"_s);
    QCOMPARE(model->index(2, PendingModel::RevisionColumn).data().toString(), kHead);
    QCOMPARE(model->index(0, PendingModel::StepColumn).data().toInt(), 1);
    for (int row = 0; row < 3; ++row)
        QVERIFY(!model->index(row, PendingModel::SqlColumn).data().toString().isEmpty());
    QVERIFY(!window->pendingView()->summary()->text().isEmpty());
    QVERIFY(window->pendingDock()->isVisible());
    // Selecting a step shows its SQL (or why not).
    window->pendingView()->stepsView()->setCurrentIndex(model->index(1, 0));
    if (model->index(1, 0).data(PendingModel::SqlAvailableRole).toBool())
        QVERIFY(window->pendingView()->sqlView()->toPlainText().contains(u"CREATE TABLE"_s));
    // Destructive statements are counted and highlighted.
    CodeView view;
    view.setStatements({u"CREATE TABLE a (x INTEGER)"_s, u"DROP TABLE b"_s}, {false, true});
    QCOMPARE(view.destructiveBlockCount(), 1);
    QVERIFY(view.toPlainText().startsWith(u"CREATE TABLE a (x INTEGER);\n\nDROP TABLE b;"_s));
}

void TestGui::filterDimsOrHides()
{
    MainWindow *window = openDemoWindow();
    HistoryView *history = window->historyView();
    HistoryFilterModel *filter = history->filterModel();
    QSignalSpy changed(filter, &HistoryFilterModel::filterChanged);

    QTest::keyClicks(history->filterEdit(), u"SALES"_s);
    QVERIFY(changed.count() > 0);
    QCOMPARE(filter->matchCount(), 2);
    QCOMPARE(filter->rowCount(), 10); // dimmed, not removed: lanes stay whole
    int matching = 0;
    for (int row = 0; row < filter->rowCount(); ++row)
        if (filter->index(row, 0).data(HistoryFilterModel::MatchRole).toBool())
            ++matching;
    QCOMPARE(matching, 2);
    QVERIFY(filter->index(0, 0).data(HistoryFilterModel::DrawLinesRole).toBool());
    QVERIFY(!history->matchLabel()->isHidden());
    QCOMPARE(history->matchLabel()->text(), u"2 of 10"_s);
    // The selection moved to a match.
    QVERIFY(history->treeView()->currentIndex().data(HistoryFilterModel::MatchRole).toBool());

    // Enter goes to the next match, wrapping around.
    const int first = history->currentRevision();
    QTest::keyClick(history->filterEdit(), Qt::Key_Return);
    const int second = history->currentRevision();
    QVERIFY(second != first);
    QTest::keyClick(history->filterEdit(), Qt::Key_Return);
    QCOMPARE(history->currentRevision(), first);

    // Labels and ids match too (labels inherited along the branch included).
    history->filterEdit()->setText(u"reporting"_s);
    int labelled = 0;
    for (const RevisionGraph::Node &node : window->session()->snapshot()->project.graph.nodes())
        if (node.branchLabels.contains(u"reporting"_s) || node.file.doc().contains(u"reporting"_s))
            ++labelled;
    QVERIFY(labelled >= 2);
    QCOMPARE(filter->matchCount(), labelled);
    history->filterEdit()->setText(u"3130d"_s);
    QCOMPARE(filter->matchCount(), 1);

    history->onlyMatchingBox()->setChecked(true);
    QCOMPARE(filter->rowCount(), 1);
    QVERIFY(!filter->index(0, 0).data(HistoryFilterModel::DrawLinesRole).toBool());
    QVERIFY(!window->grab().isNull());
    history->onlyMatchingBox()->setChecked(false);
    QCOMPARE(filter->rowCount(), 10);

    // Escape clears.
    QTest::keyClick(history->filterEdit(), Qt::Key_Escape);
    QVERIFY(history->filterEdit()->text().isEmpty());
    QCOMPARE(filter->matchCount(), 10);
    QVERIFY(history->matchLabel()->isHidden());
}

void TestGui::keyboardNavigation()
{
    MainWindow *window = openDemoWindow();
    HistoryView *history = window->historyView();
    QTreeView *view = history->treeView();
    const RevisionGraph &graph = window->session()->snapshot()->project.graph;
    history->selectRevision(graph.indexOf(kHead));
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(history->currentRevision(), graph.indexOf(u"72e0dc0126ef"_s));
    QCOMPARE(window->details()->titleLabel()->text(), u"72e0dc0126ef"_s);
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(history->currentRevision(), graph.indexOf(kBase));
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(history->currentRevision(), graph.indexOf(kHead));
    // Ctrl+F goes to the filter box, Down back to the list.
    window->activateWindow();
    QAction *find = nullptr;
    for (QAction *action : window->findChildren<QAction *>())
        if (action->shortcut() == QKeySequence(QKeySequence::Find))
            find = action;
    QVERIFY(find);
    find->trigger();
    QVERIFY(history->filterEdit()->hasFocus() || QApplication::focusWidget() == nullptr);
    QTest::keyClick(history->filterEdit(), Qt::Key_Down);
    QCOMPARE(history->currentRevision(), graph.indexOf(u"72e0dc0126ef"_s));
}

void TestGui::contextMenu()
{
    MainWindow *window = openDemoWindow();
    HistoryView *history = window->historyView();
    const QModelIndex index =
        history->filterModel()->index(rowOfId(history->filterModel(), kMerge), 0);
    QMenu *menu = history->contextMenuFor(index);
    const QList<QAction *> actions = menu->actions();
    QStringList enabled, disabled;
    for (QAction *action : actions) {
        if (action->isSeparator())
            continue;
        (action->isEnabled() ? enabled : disabled).append(action->text());
    }
    // A pending revision: upgrade or stamp there (tst_guiwrites covers the others).
    QCOMPARE(disabled, QStringList{u"Downgrade to Here…"_s});
    QCOMPARE(enabled, (QStringList{u"Upgrade to Here…"_s, u"Stamp Here…"_s,
                                   u"Copy Revision ID"_s, u"Open Revision File"_s}));
    for (QAction *action : actions)
        if (action->text() == u"Copy Revision ID"_s)
            action->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), kMerge);
    // Every toolbar action says what it does.
    for (QAction *action : window->mainToolBar()->actions())
        if (!action->isSeparator())
            QVERIFY2(!action->toolTip().isEmpty(), qPrintable(action->iconText()));
}

// Every widget re-reads its texts through tr() on QEvent::LanguageChange.
void TestGui::retranslatesEveryVisibleText()
{
    MainWindow *window = openDemoWindow();
    window->historyView()->selectRevision(
        window->session()->snapshot()->project.graph.indexOf(kBranchStart));
    window->historyView()->filterEdit()->setText(u"sales"_s);
    MarkingTranslator marking;
    QCoreApplication::installTranslator(&marking);
    QTRY_VERIFY(marked(window->menuBar()->actions().first()->text()));

    QStringList unmarked;
    auto check = [&unmarked](const QString &what, const QString &text) {
        if (!marked(text))
            unmarked.append(what + u": "_s + text);
    };
    for (QAction *action : window->menuBar()->actions())
        check(u"menu"_s, action->text());
    for (QAction *action : window->mainToolBar()->actions())
        if (!action->isSeparator()) {
            check(u"toolbar"_s, action->iconText());
            check(u"tooltip"_s, action->toolTip());
        }
    for (QDockWidget *dock : {window->pendingDock(), window->problemsDock(), window->logDock()})
        check(u"dock"_s, dock->windowTitle());
    check(u"title"_s, window->windowTitle()); // "⟦demo.db — Retort⟧"
    check(u"filter"_s, window->historyView()->filterEdit()->placeholderText());
    check(u"only matching"_s, window->historyView()->onlyMatchingBox()->text());
    check(u"matches"_s, window->historyView()->matchLabel()->text());
    for (int column = 0; column < HistoryModel::ColumnCount; ++column)
        check(u"history header"_s,
              window->historyView()->historyModel()->headerData(column, Qt::Horizontal).toString());
    for (int column = 0; column < PendingModel::ColumnCount; ++column)
        check(u"pending header"_s,
              window->pendingView()->model()->headerData(column, Qt::Horizontal).toString());
    for (int column = 0; column < SessionLog::ColumnCount; ++column)
        check(u"log header"_s, window->sessionLog()->headerData(column, Qt::Horizontal).toString());
    for (const QString &badge : window->statusHeader()->badgeTexts())
        check(u"badge"_s, badge);
    for (int tab = 0; tab < window->details()->tabs()->count(); ++tab)
        check(u"tab"_s, window->details()->tabs()->tabText(tab));
    check(u"pending summary"_s, window->pendingView()->summary()->text());
    // The captions of the header and the details (not the values, which are data).
    for (QWidget *area : {static_cast<QWidget *>(window->statusHeader()),
                          static_cast<QWidget *>(window->details())}) {
        for (QLabel *label : area->findChildren<QLabel *>()) {
            if (label->foregroundRole() == QPalette::PlaceholderText &&
                !label->text().isEmpty() && !label->text().contains(u'/'))
                check(u"caption"_s, label->text());
        }
    }
    QCoreApplication::removeTranslator(&marking);
    QTRY_COMPARE(window->menuBar()->actions().first()->text(), u"&File"_s);
    QVERIFY2(unmarked.isEmpty(), qPrintable(unmarked.join(u"\n"_s)));
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"3 pending"_s});
}

void TestGui::switchesToSpanishAtRuntime()
{
    MainWindow *window = openDemoWindow();
    QCOMPARE(window->menuBar()->actions().first()->text(), u"&File"_s);
    const QString english = window->details()->tabs()->tabText(RevisionDetails::SourceTab);
    QCOMPARE(window->languageAction(u"es"_s)->text(), u"Español"_s);

    window->languageAction(u"es"_s)->trigger();
    QCOMPARE(m_languages->effectiveLanguage(), u"es"_s);
    QVERIFY(window->languageAction(u"es"_s)->isChecked());
    // The Spanish catalogue is compiled from translations/retort_es.ts.
    QTRY_VERIFY(window->menuBar()->actions().first()->text() != u"&File"_s);
    QVERIFY(window->details()->tabs()->tabText(RevisionDetails::SourceTab) != english);
    QVERIFY(window->statusHeader()->badgeTexts().first() != u"3 pending"_s);

    window->languageAction(u"en"_s)->trigger();
    QTRY_COMPARE(window->menuBar()->actions().first()->text(), u"&File"_s);
    QCOMPARE(window->details()->tabs()->tabText(RevisionDetails::SourceTab), english);
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"3 pending"_s});
}

void TestGui::refreshAndFileWatching()
{
    QString error;
    QVERIFY(DemoProject::reset(&error));
    m_window = std::make_unique<MainWindow>(m_languages.get(), false);
    MainWindow *window = m_window.get();
    window->openDemo();
    QVERIFY(window->session()->isWatching());
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"3 pending"_s});
    const int entries = int(window->sessionLog()->entries().size());

    // Another program moves the database to the head: the window follows.
    {
        auto db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"watch"_s);
        db.setDatabaseName(DemoProject::directory() + u"/demo.db"_s);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"DELETE FROM alembic_version"_s));
        QVERIFY(query.exec(u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(kHead)));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"watch"_s);
    QTRY_COMPARE_WITH_TIMEOUT(window->statusHeader()->badgeTexts(), QStringList{u"up to date"_s},
                              5000);
    QVERIFY(window->sessionLog()->entries().size() > entries);
    QCOMPARE(window->pendingView()->model()->rowCount(), 0);

    // A new revision file appears: one more row.
    const QString versions = DemoProject::directory() + u"/alembic/versions/"_s;
    {
        QFile file(versions + u"aaaa00000001_add_notes.py"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("\"\"\"add notes\n\nRevision ID: aaaa00000001\n\"\"\"\n"
                   "revision = 'aaaa00000001'\ndown_revision = '59258f75568f'\n"
                   "def upgrade():\n    pass\n\ndef downgrade():\n    pass\n");
    }
    QTRY_COMPARE_WITH_TIMEOUT(window->historyView()->historyModel()->rowCount(), 11, 5000);
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"1 pending"_s});

    // F5 / Refresh reads everything again, keeping the selection.
    const RevisionGraph &graph = window->session()->snapshot()->project.graph;
    window->historyView()->selectRevision(graph.indexOf(kBranchStart));
    QFile::remove(versions + u"aaaa00000001_add_notes.py"_s);
    window->refreshAction()->trigger();
    QCOMPARE(window->historyView()->historyModel()->rowCount(), 10);
    QCOMPARE(window->details()->titleLabel()->text(), kBranchStart);
    QVERIFY(DemoProject::reset(&error));
}

void TestGui::resetDemo()
{
    MainWindow *window = openDemoWindow();
    const QString versions = DemoProject::directory() + u"/alembic/versions/"_s;
    QVERIFY(QFile::remove(versions + u"59258f75568f_add_price_to_book.py"_s));
    window->refreshAction()->trigger();
    QCOMPARE(window->historyView()->historyModel()->rowCount(), 9);
    window->resetDemo();
    QCOMPARE(window->historyView()->historyModel()->rowCount(), 10);
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"3 pending"_s});
    QVERIFY(QFileInfo(DemoProject::directory() + u"/demo.db"_s).isWritable());
}

void TestGui::openDatabaseUsesOpenProjectsScripts()
{
    MainWindow *window = openDemoWindow();
    QTemporaryDir dir;
    const QString copy = dir.filePath(u"copy.sqlite"_s);
    QVERIFY(QFile::copy(DemoProject::directory() + u"/demo.db"_s, copy));
    window->session()->openDatabase(copy);
    const auto snapshot = window->session()->snapshot();
    QVERIFY(snapshot->hasProject);
    QCOMPARE(snapshot->databasePath, copy);
    QCOMPARE(window->statusHeader()->databaseName()->text(), u"copy.sqlite"_s);
    QCOMPARE(window->historyView()->historyModel()->rowCount(), 10);
}

void TestGui::missingProjectIsReportedInline()
{
    m_window = std::make_unique<MainWindow>(m_languages.get(), false);
    MainWindow *window = m_window.get();
    window->show();
    QTemporaryDir dir;
    window->openPath(dir.path());
    QVERIFY(window->alert()->isVisible());
    QVERIFY(window->alert()->text().contains(u"alembic.ini"_s));
    QCOMPARE(window->statusHeader()->badgeTexts(), QStringList{u"no migration scripts"_s});
    QCOMPARE(window->historyView()->historyModel()->rowCount(), 0);
    QCOMPARE(window->problemsView()->problemCount(), 1);
    QVERIFY(window->problemsDock()->windowTitle().contains(u'1'));
    // A database alone, with no project anywhere: its rows are still shown.
    const QString db = dir.filePath(u"lonely.db"_s);
    QVERIFY(QFile::copy(QStringLiteral(RETORT_SOURCE_DIR) + u"/resources/demo/demo.db"_s, db));
    window->openPath(db);
    QVERIFY(window->alert()->isVisible());
    QVERIFY(window->statusHeader()->currentValue()->text().contains(kMainTip));
}

void TestGui::dropOpensProject()
{
    m_window = std::make_unique<MainWindow>(m_languages.get(), false);
    MainWindow *window = m_window.get();
    window->session()->setWatching(false);
    window->show();
    QString error;
    QVERIFY(DemoProject::ensure(&error));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(DemoProject::configFile())});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(window, &drop);
    QVERIFY(window->session()->snapshot());
    QCOMPARE(window->historyView()->historyModel()->rowCount(), 10);

    QMimeData text;
    text.setUrls({QUrl::fromLocalFile(u"/etc/hostname"_s)});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton,
                            Qt::NoModifier);
    refused.setAccepted(false);
    QCoreApplication::sendEvent(window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestGui::recentProjects()
{
    AppSettings::clearRecentProjects();
    QTemporaryDir dir;
    // A copy of the demo elsewhere is a project like any other.
    const QString root = dir.filePath(u"shop"_s);
    QVERIFY(QDir().mkpath(root + u"/alembic/versions"_s));
    for (const QString &name : QDir(DemoProject::directory() + u"/alembic/versions"_s)
                                   .entryList({u"*.py"_s}, QDir::Files))
        QVERIFY(QFile::copy(DemoProject::directory() + u"/alembic/versions/"_s + name,
                            root + u"/alembic/versions/"_s + name));
    QVERIFY(QFile::copy(DemoProject::configFile(), root + u"/alembic.ini"_s));
    QVERIFY(QFile::copy(DemoProject::directory() + u"/demo.db"_s, root + u"/demo.db"_s));

    {
        MainWindow window(m_languages.get(), true);
        window.session()->setWatching(false);
        window.openDemo(); // the demo is not remembered
        QVERIFY(AppSettings::recentProjects().isEmpty());
        window.openPath(root + u"/alembic.ini"_s);
        QCOMPARE(AppSettings::recentProjects().size(), 1);
        QCOMPARE(AppSettings::recentProjects().first().configFile, root + u"/alembic.ini"_s);
        window.openPath(root);
        QCOMPARE(AppSettings::recentProjects().size(), 2);
    }
    {
        // The next start reopens the last project.
        MainWindow window(m_languages.get(), true);
        window.session()->setWatching(false);
        window.openStartupProject();
        QCOMPARE(window.session()->snapshot()->project.config.iniPath, root + u"/alembic.ini"_s);
    }
    AppSettings::clearRecentProjects();
}

void TestGui::darkThemeRepaints()
{
    MainWindow *window = openDemoWindow();
    ThemeManager::apply(AppSettings::Theme::Dark);
    QTRY_VERIFY(ThemeManager::isDark(window->historyView()->treeView()->palette()));
    QVERIFY(ThemeManager::isDark(window->details()->sourceView()->palette()));
    QVERIFY(!window->grab().isNull());
    ThemeManager::apply(AppSettings::Theme::Light);
    QTRY_VERIFY(!ThemeManager::isDark(window->historyView()->treeView()->palette()));
    ThemeManager::apply(AppSettings::Theme::System);
}

void TestGui::settingsAreKept()
{
    {
        SettingsDialog dialog;
        QCOMPARE(dialog.language(), QString()); // the system's by default
        QCOMPARE(dialog.theme(), AppSettings::Theme::System);
        QCOMPARE(dialog.backupFolder(), AppSettings::defaultBackupFolder());
        // Automatic by default: empty, with the interpreters tried as placeholder.
        QCOMPARE(dialog.pythonInterpreter(), QString());
        const QList<QLineEdit *> fields = dialog.findChildren<QLineEdit *>();
        QVERIFY(fields.size() == 2 && fields[1]->placeholderText().contains(u"/usr/bin/python3"_s));
        auto *language = dialog.findChild<QComboBox *>();
        QVERIFY(language);
        language->setCurrentIndex(language->findData(u"es"_s));
        const QList<QComboBox *> boxes = dialog.findChildren<QComboBox *>();
        QCOMPARE(boxes.size(), 2);
        boxes[1]->setCurrentIndex(int(AppSettings::Theme::Dark));
        const QList<QLineEdit *> edits = dialog.findChildren<QLineEdit *>();
        QCOMPARE(edits.size(), 2);
        edits[0]->setText(u"/srv/backups"_s);
        edits[1]->setText(u"/opt/python/bin/python3"_s);
        dialog.save();
    }
    QCOMPARE(AppSettings::language(), u"es"_s);
    QCOMPARE(AppSettings::theme(), AppSettings::Theme::Dark);
    QCOMPARE(AppSettings::backupFolder(), u"/srv/backups"_s);
    QCOMPARE(AppSettings::pythonInterpreter(), u"/opt/python/bin/python3"_s);
    {
        SettingsDialog dialog; // reads them back
        QCOMPARE(dialog.language(), u"es"_s);
        QCOMPARE(dialog.theme(), AppSettings::Theme::Dark);
    }
    AppSettings::setLanguage({});
    AppSettings::setTheme(AppSettings::Theme::System);
    AppSettings::setBackupFolder({});
    AppSettings::setPythonInterpreter({});
    QCOMPARE(AppSettings::backupFolder(), AppSettings::defaultBackupFolder());
}

// With RETORT_SCREENSHOT_DIR set, saves the window with each dock in front,
// in English and Spanish, light and dark, for a person to look at.
void TestGui::screenshotsForReview()
{
    const QString dir = qEnvironmentVariable("RETORT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set RETORT_SCREENSHOT_DIR to save screenshots");
    QVERIFY(QDir().mkpath(dir));
    QString error;
    QVERIFY(DemoProject::reset(&error));
    MainWindow *window = openDemoWindow();
    window->historyView()->selectRevision(
        window->session()->snapshot()->project.graph.indexOf(kBranchStart));
    for (const QString &language : {u"en"_s, u"es"_s}) {
        window->languageAction(language)->trigger();
        QCoreApplication::processEvents();
        for (const auto &[theme, name] : {std::pair{AppSettings::Theme::Light, u"light"_s},
                                          std::pair{AppSettings::Theme::Dark, u"dark"_s}}) {
            ThemeManager::apply(theme);
            for (QDockWidget *dock :
                 {window->pendingDock(), window->problemsDock(), window->logDock()}) {
                dock->raise();
                QCoreApplication::processEvents();
                QVERIFY(window->grab().save(
                    u"%1/%2-%3-%4.png"_s.arg(dir, language, name, dock->objectName())));
            }
        }
    }
    ThemeManager::apply(AppSettings::Theme::System);
}

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
