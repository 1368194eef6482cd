// LaneLayout: the lanes of the history graph, one row per revision, as
// `git log --graph` draws them (a node, lanes passing through, merges opening
// lanes, branch points joining them).

#include "lanelayout.h"
#include "revisiongraph.h"
#include "revisionresolver.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using retort::LaneLayout;
using retort::RevisionFile;
using retort::RevisionGraph;
using retort::RevisionResolver;
using retort::RevisionSpec;

namespace {

// "id:parent1,parent2|dependency" entries, newest first; the files are
// created oldest first (the usual file order), so the graph's index order
// differs from the display order.
RevisionGraph graphOf(const QStringList &history)
{
    QList<RevisionFile> files;
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        const QString entry = it->section(u'|', 0, 0);
        const QString dependencies = it->section(u'|', 1, 1);
        const QStringList parts = entry.split(u':');
        RevisionFile file;
        file.revision = parts.value(0);
        file.path = u"/versions/"_s + file.revision + u".py"_s;
        if (!parts.value(1).isEmpty())
            file.downRevisions = parts.value(1).split(u',');
        if (!dependencies.isEmpty())
            file.dependsOn = dependencies.split(u',');
        files.append(file);
    }
    return RevisionGraph::build(files);
}

// A history shaped like gen_alembic_history.py's: a main line with a side
// branch opened every `every` revisions and merged back two revisions later.
QList<RevisionFile> generatedHistory(int revisions, int every)
{
    QList<RevisionFile> files;
    QString mainTip;
    QString branchTip;
    int branchAge = -1;
    for (int i = 0; i < revisions; ++i) {
        RevisionFile file;
        file.revision = u"r%1"_s.arg(i, 5, 10, QChar(u'0'));
        file.path = u"/versions/"_s + file.revision + u".py"_s;
        if (branchAge == 2) {
            file.downRevisions = {mainTip, branchTip};
            branchAge = -1;
            mainTip = file.revision;
        } else if (i > 0 && i % every == 0 && branchAge < 0) {
            file.downRevisions = {mainTip};
            branchTip = file.revision;
            branchAge = 0;
        } else if (branchAge >= 0 && i % 2 == 1) {
            file.downRevisions = {branchTip};
            branchTip = file.revision;
            ++branchAge;
        } else {
            if (!mainTip.isEmpty())
                file.downRevisions = {mainTip};
            mainTip = file.revision;
        }
        files.append(file);
    }
    return files;
}

QList<int> orderOf(const RevisionGraph &graph, const QStringList &history)
{
    QList<int> order;
    for (const QString &entry : history)
        order.append(graph.indexOf(entry.section(u':', 0, 0)));
    return order;
}

QStringList glyphRows(const LaneLayout &layout)
{
    QStringList rows;
    for (int r = 0; r < layout.rowCount(); ++r)
        rows.append(LaneLayout::glyphs(layout.row(r)));
    return rows;
}

} // namespace

class TestLaneLayout : public QObject
{
    Q_OBJECT

private slots:
    void glyphs_data();
    void glyphs();
    void strokesMatchBetweenRows_data() { glyphs_data(); }
    void strokesMatchBetweenRows();
    void mergeSpans();
    void historyOrderPutsChildrenFirst_data();
    void historyOrderPutsChildrenFirst();
    void historyOrderIsAlembics_data();
    void historyOrderIsAlembics();
    void generatedHistoryIsFast();
    void emptyHistory();
};

void TestLaneLayout::glyphs_data()
{
    QTest::addColumn<QStringList>("history");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<int>("maxLanes");

    QTest::newRow("linear") << QStringList{u"c:b"_s, u"b:a"_s, u"a:"_s}
                            << QStringList{u"*"_s, u"*"_s, u"*"_s} << 1;

    // Two heads on one branch point: the second head takes the next lane, which
    // joins the first at the branch point.
    QTest::newRow("branch") << QStringList{u"c:a"_s, u"b:a"_s, u"a:"_s}
                            << QStringList{u"*"_s, u"│*"_s, u"*┘"_s} << 2;

    QTest::newRow("merge") << QStringList{u"m:b,c"_s, u"b:a"_s, u"c:a"_s, u"a:"_s}
                           << QStringList{u"*┐"_s, u"*│"_s, u"│*"_s, u"*┘"_s} << 2;

    QTest::newRow("3-way merge")
        << QStringList{u"m:b,c,d"_s, u"b:a"_s, u"c:a"_s, u"d:a"_s, u"a:"_s}
        << QStringList{u"*┬┐"_s, u"*││"_s, u"│*│"_s, u"││*"_s, u"*┴┘"_s} << 3;

    // Two unrelated histories interleaved: each base ends its lane, and a
    // freed lane on the left stays empty.
    QTest::newRow("several bases") << QStringList{u"d:b"_s, u"c:a"_s, u"b:"_s, u"a:"_s}
                                   << QStringList{u"*"_s, u"│*"_s, u"*│"_s, u" *"_s} << 2;

    QTest::newRow("single base revision") << QStringList{u"a:"_s} << QStringList{u"*"_s} << 1;

    // A merge whose second parent lane opens to the right of a busy lane: the
    // connector crosses it.
    QTest::newRow("crossing lanes (merge)")
        << QStringList{u"m:a,z"_s, u"a:p,q"_s, u"p:r"_s, u"q:r"_s, u"z:r"_s, u"r:"_s}
        << QStringList{u"*┐"_s, u"*┼┐"_s, u"*││"_s, u"││*"_s, u"│*│"_s, u"*┴┘"_s} << 3;

    // A branch point whose far child lane crosses a lane passing through.
    QTest::newRow("crossing lanes (branch point)")
        << QStringList{u"c1:r"_s, u"c2:x"_s, u"c3:r"_s, u"r:"_s, u"x:"_s}
        << QStringList{u"*"_s, u"│*"_s, u"││*"_s, u"*┼┘"_s, u" *"_s} << 3;

    // A merge whose other parent is already awaited by a lane joins that lane.
    QTest::newRow("merge into an existing lane")
        << QStringList{u"h:b"_s, u"m:c,b"_s, u"c:b"_s, u"b:"_s}
        << QStringList{u"*"_s, u"├*"_s, u"│*"_s, u"*┘"_s} << 2;

    // A lane freed by a branch point is not reused for a merge parent in the
    // same row (the line would look like it passes through).
    QTest::newRow("freed lane not reused in the same row")
        << QStringList{u"c1:m"_s, u"c2:m"_s, u"m:a,b"_s, u"a:"_s, u"b:"_s}
        << QStringList{u"*"_s, u"│*"_s, u"*┴┐"_s, u"* │"_s, u"  *"_s} << 3;

    // Alembic's history order for a branch merged back (the demo's shape).
    QTest::newRow("branch and merge back")
        << QStringList{u"h:g"_s, u"g:m"_s, u"m:c,f"_s, u"c:b"_s, u"f:e"_s, u"e:b"_s,
                       u"b:a"_s, u"a:"_s}
        << QStringList{u"*"_s, u"*"_s, u"*┐"_s, u"*│"_s, u"│*"_s, u"│*"_s, u"*┘"_s, u"*"_s}
        << 2;
}

void TestLaneLayout::glyphs()
{
    QFETCH(QStringList, history);
    QFETCH(QStringList, expected);
    QFETCH(int, maxLanes);

    const RevisionGraph graph = graphOf(history);
    QVERIFY(graph.problems().isEmpty());
    const LaneLayout layout = LaneLayout::compute(graph, orderOf(graph, history));
    QCOMPARE(layout.rowCount(), history.size());
    QCOMPARE(glyphRows(layout), expected);
    QCOMPARE(layout.maxLanes(), maxLanes);
    for (int r = 0; r < layout.rowCount(); ++r)
        QCOMPARE(layout.row(r).revision, graph.indexOf(history[r].section(u':', 0, 0)));
}

// Every stroke leaving a row downwards arrives in the row below, in the same lane.
void TestLaneLayout::strokesMatchBetweenRows()
{
    QFETCH(QStringList, history);
    const RevisionGraph graph = graphOf(history);
    const LaneLayout layout = LaneLayout::compute(graph, orderOf(graph, history));
    for (int r = 0; r + 1 < layout.rowCount(); ++r) {
        const int lanes = std::max(layout.row(r).laneCount(), layout.row(r + 1).laneCount());
        for (int l = 0; l < lanes; ++l) {
            const bool down = layout.row(r).cell(l) & LaneLayout::Down;
            const bool up = layout.row(r + 1).cell(l) & LaneLayout::Up;
            QVERIFY2(down == up, qPrintable(u"row %1 lane %2"_s.arg(r).arg(l)));
        }
    }
    QVERIFY(!(layout.row(0).cell(layout.row(0).nodeLane) & LaneLayout::Up));
    const LaneLayout::Row &last = layout.row(layout.rowCount() - 1);
    for (int l = 0; l < last.laneCount(); ++l)
        QVERIFY(!(last.cell(l) & LaneLayout::Down));
}

void TestLaneLayout::mergeSpans()
{
    const QStringList history{u"m:b,c,d"_s, u"b:a"_s, u"c:a"_s, u"d:a"_s, u"a:"_s};
    const RevisionGraph graph = graphOf(history);
    const LaneLayout layout = LaneLayout::compute(graph, orderOf(graph, history));
    const QList<LaneLayout::Span> mergeSpans{{0, 1}, {0, 2}};
    QCOMPARE(layout.row(0).spans, mergeSpans);
    QCOMPARE(layout.row(4).spans, mergeSpans); // the branch point joins lanes 1 and 2
    QVERIFY(layout.row(1).spans.isEmpty());
}

void TestLaneLayout::historyOrderPutsChildrenFirst_data()
{
    QTest::addColumn<QStringList>("history");
    QTest::newRow("linear") << QStringList{u"c:b"_s, u"b:a"_s, u"a:"_s};
    QTest::newRow("3-way merge")
        << QStringList{u"m:b,c,d"_s, u"b:a"_s, u"c:a"_s, u"d:a"_s, u"a:"_s};
    QTest::newRow("several bases") << QStringList{u"d:b"_s, u"c:a"_s, u"b:"_s, u"a:"_s};
    QTest::newRow("branch and merge back")
        << QStringList{u"h:g"_s, u"g:m"_s, u"m:c,f"_s, u"c:b"_s, u"f:e"_s, u"e:b"_s,
                       u"b:a"_s, u"a:"_s};
}

void TestLaneLayout::historyOrderPutsChildrenFirst()
{
    QFETCH(QStringList, history);
    const RevisionGraph graph = graphOf(history);
    const QList<int> order = LaneLayout::historyOrder(graph);
    QCOMPARE(order.size(), graph.size());
    for (int r = 0; r < graph.size(); ++r)
        for (int p : graph.node(r).parents)
            QVERIFY(order.indexOf(r) < order.indexOf(p));
}

// The same order as Alembic's walk_revisions("base", "heads") (RevisionResolver),
// which `retort history` prints.
void TestLaneLayout::historyOrderIsAlembics_data()
{
    QTest::addColumn<QStringList>("history");
    QTest::newRow("linear") << QStringList{u"c:b"_s, u"b:a"_s, u"a:"_s};
    QTest::newRow("two heads") << QStringList{u"c:a"_s, u"b:a"_s, u"a:"_s};
    QTest::newRow("3-way merge")
        << QStringList{u"m:b,c,d"_s, u"b:a"_s, u"c:a"_s, u"d:a"_s, u"a:"_s};
    QTest::newRow("several bases") << QStringList{u"d:b"_s, u"c:a"_s, u"b:"_s, u"a:"_s};
    QTest::newRow("branch and merge back")
        << QStringList{u"h:g"_s, u"g:m"_s, u"m:c,f"_s, u"c:b"_s, u"f:e"_s, u"e:b"_s,
                       u"b:a"_s, u"a:"_s};
    QTest::newRow("depends_on across branches")
        << QStringList{u"x2:x1|b2"_s, u"x1:"_s, u"b2:b1"_s, u"b1:"_s};
    QTest::newRow("merge of merges")
        << QStringList{u"z:m1,m2"_s, u"m1:a,b"_s, u"m2:c,d"_s, u"a:r"_s, u"b:r"_s, u"c:r"_s,
                       u"d:r"_s, u"r:"_s};
}

void TestLaneLayout::historyOrderIsAlembics()
{
    QFETCH(QStringList, history);
    const RevisionGraph graph = graphOf(history);
    RevisionResolver resolver(graph);
    const auto walk = resolver.walk(RevisionSpec::of(u"base"_s), RevisionSpec::of(u"heads"_s));
    QVERIFY(walk);
    QCOMPARE(LaneLayout::historyOrder(graph), walk.value);
}

void TestLaneLayout::generatedHistoryIsFast()
{
    const RevisionGraph small = RevisionGraph::build(generatedHistory(400, 25));
    QVERIFY(small.problems().isEmpty());
    RevisionResolver resolver(small);
    const auto walk = resolver.walk(RevisionSpec::of(u"base"_s), RevisionSpec::of(u"heads"_s));
    QVERIFY(walk);
    QCOMPARE(LaneLayout::historyOrder(small), walk.value);

    // Speed is measured by bench/bench_graphmodel, not here: timed tests are flaky.
    const RevisionGraph large = RevisionGraph::build(generatedHistory(5000, 25));
    const QList<int> order = LaneLayout::historyOrder(large);
    const LaneLayout layout = LaneLayout::compute(large, order);
    QCOMPARE(layout.rowCount(), 5000);
    QCOMPARE(layout.maxLanes(), 2);
}

void TestLaneLayout::emptyHistory()
{
    const RevisionGraph graph = RevisionGraph::build({});
    QVERIFY(LaneLayout::historyOrder(graph).isEmpty());
    const LaneLayout layout = LaneLayout::compute(graph, {});
    QCOMPARE(layout.rowCount(), 0);
    QCOMPARE(layout.maxLanes(), 0);
}

QTEST_GUILESS_MAIN(TestLaneLayout)
#include "tst_lanelayout.moc"
