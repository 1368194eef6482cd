// RevisionGraph::build: the map Alembic's RevisionMap builds, and the problems
// Alembic reports (or crashes on), for small histories written inline.
//
// A history is a list of "id <- parent, parent | labels=a, b | deps=x, y" lines
// in file order. Where Alembic accepts a history, the expectations were taken
// from Alembic 1.8.1's RevisionMap built from the same revisions in the same
// order; where it refuses one, `fatal` is the text of the exception it raises
// and the rest is what Retort still shows.

#include "revisiongraph.h"

#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using retort::FileProblem;
using retort::GraphProblem;
using retort::RevisionFile;
using retort::RevisionGraph;

namespace {

// What a row checks; a list left unset is not checked.
struct Expected
{
    std::optional<QStringList> ids = {};  // revisions in the graph, in map order
    std::optional<QStringList> keys = {}; // map keys: ids, then branch labels
    std::optional<QStringList> heads = {}, realHeads = {}, bases = {}, realBases = {};
    std::optional<QStringList> branchPoints = {}, realBranchPoints = {}, mergePoints = {};
    std::optional<QStringList> labels = {};       // "id: label, label" (sorted), labelled revisions
    std::optional<QStringList> dependencies = {}; // "id: resolved -> normalized (sorted)"
    std::optional<QStringList> children = {};     // "id: nextrev | all nextrev" (both sorted)
    QStringList problems = {};                    // "Kind: message", any order; always checked
    QString fatal = {}; // Alembic's error for the whole history (empty: Alembic accepts it)
};

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

int fileCounter = 0;

// "id <- p1, p2 | labels=a, b | deps=x" -> a RevisionFile.
RevisionFile rev(const QString &spec)
{
    const QStringList parts = spec.split(u'|');
    RevisionFile f;
    const QString head = parts.first();
    const qsizetype arrow = head.indexOf(u"<-"_s);
    f.revision = (arrow < 0 ? head : head.left(arrow)).trimmed();
    auto list = [](const QString &text) {
        QStringList out;
        for (const QString &item : text.split(u','))
            if (!item.trimmed().isEmpty())
                out.append(item.trimmed());
        return out;
    };
    if (arrow >= 0)
        f.downRevisions = list(head.mid(arrow + 2));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString part = parts[i].trimmed();
        if (part.startsWith(u"labels="_s))
            f.branchLabels = list(part.mid(7));
        else if (part.startsWith(u"deps="_s))
            f.dependsOn = list(part.mid(5));
        else
            qFatal("bad spec part %s", qPrintable(part));
    }
    ++fileCounter;
    f.path = u"/project/versions/%1_%2.py"_s.arg(fileCounter, 2, 10, QChar(u'0')).arg(f.revision);
    f.revisionLine = 5;
    f.docstring = u"Revision "_s + f.revision + u"\n"_s;
    return f;
}

QList<RevisionFile> history(const QStringList &specs)
{
    QList<RevisionFile> files;
    for (const QString &spec : specs)
        files.append(rev(spec));
    return files;
}

QString kindName(GraphProblem::Kind kind)
{
    switch (kind) {
    case GraphProblem::Kind::UnreadableFile:
        return u"Unreadable"_s;
    case GraphProblem::Kind::DuplicateRevision:
        return u"Duplicate"_s;
    case GraphProblem::Kind::MissingParent:
        return u"Missing"_s;
    case GraphProblem::Kind::Cycle:
        return u"Cycle"_s;
    case GraphProblem::Kind::DependencyCycle:
        return u"DependencyCycle"_s;
    case GraphProblem::Kind::SelfLoop:
        return u"SelfLoop"_s;
    case GraphProblem::Kind::DependencySelfLoop:
        return u"DependencySelfLoop"_s;
    case GraphProblem::Kind::LabelClash:
        return u"LabelClash"_s;
    }
    return u"?"_s;
}

QStringList idsOf(const RevisionGraph &graph, const QList<int> &revisions)
{
    QStringList ids;
    for (int r : revisions)
        ids.append(graph.node(r).id);
    return ids;
}

} // namespace

Q_DECLARE_METATYPE(Expected)
Q_DECLARE_METATYPE(QList<retort::RevisionFile>)

class TestRevisionGraph : public QObject
{
    Q_OBJECT

private:
    static void row(const char *name, const QStringList &specs, const Expected &expected)
    {
        QTest::newRow(name) << history(specs) << expected;
    }

private slots:
    void build_data()
    {
        QTest::addColumn<QList<RevisionFile>>("files");
        QTest::addColumn<Expected>("expected");

        // --- shapes -----------------------------------------------------------
        row("empty history", {},
            {.ids = QStringList{},
             .keys = QStringList{},
             .heads = QStringList{},
             .realHeads = QStringList{},
             .bases = QStringList{},
             .realBases = QStringList{}});
        row("single base", {u"a1"_s},
            {.ids = QStringList{u"a1"_s},
             .heads = QStringList{u"a1"_s},
             .realHeads = QStringList{u"a1"_s},
             .bases = QStringList{u"a1"_s},
             .realBases = QStringList{u"a1"_s},
             .branchPoints = QStringList{},
             .mergePoints = QStringList{},
             .children = QStringList{}});
        row("linear", {u"a"_s, u"b <- a"_s, u"c <- b"_s},
            {.ids = QStringList{u"a"_s, u"b"_s, u"c"_s},
             .heads = QStringList{u"c"_s},
             .realHeads = QStringList{u"c"_s},
             .bases = QStringList{u"a"_s},
             .realBases = QStringList{u"a"_s},
             .branchPoints = QStringList{},
             .mergePoints = QStringList{},
             .children = QStringList{u"a: b | b"_s, u"b: c | c"_s}});
        row("branch point: heads in file order",
            {u"r1"_s, u"r2 <- r1"_s, u"zz <- r2"_s, u"aa <- r2"_s},
            {.ids = QStringList{u"r1"_s, u"r2"_s, u"zz"_s, u"aa"_s},
             .heads = QStringList{u"zz"_s, u"aa"_s},
             .realHeads = QStringList{u"zz"_s, u"aa"_s},
             .bases = QStringList{u"r1"_s},
             .branchPoints = QStringList{u"r2"_s},
             .realBranchPoints = QStringList{u"r2"_s},
             .mergePoints = QStringList{},
             .children = QStringList{u"r1: r2 | r2"_s, u"r2: aa, zz | aa, zz"_s}});
        row("merge point", {u"r1"_s, u"x <- r1"_s, u"y <- r1"_s, u"m <- x, y"_s, u"t <- m"_s},
            {.ids = QStringList{u"r1"_s, u"x"_s, u"y"_s, u"m"_s, u"t"_s},
             .heads = QStringList{u"t"_s},
             .realHeads = QStringList{u"t"_s},
             .bases = QStringList{u"r1"_s},
             .realBases = QStringList{u"r1"_s},
             .branchPoints = QStringList{u"r1"_s},
             .realBranchPoints = QStringList{u"r1"_s},
             .mergePoints = QStringList{u"m"_s},
             .children =
                 QStringList{u"r1: x, y | x, y"_s, u"x: m | m"_s, u"y: m | m"_s, u"m: t | t"_s}});
        row("three-way merge", {u"s"_s, u"p <- s"_s, u"q <- s"_s, u"r <- s"_s, u"m <- p, q, r"_s},
            {.heads = QStringList{u"m"_s},
             .bases = QStringList{u"s"_s},
             .branchPoints = QStringList{u"s"_s},
             .mergePoints = QStringList{u"m"_s},
             .children = QStringList{u"s: p, q, r | p, q, r"_s, u"p: m | m"_s, u"q: m | m"_s,
                                     u"r: m | m"_s}});
        row("two bases merged", {u"b1"_s, u"a1"_s, u"a2 <- a1"_s, u"b2 <- b1"_s, u"m <- a2, b2"_s},
            {.ids = QStringList{u"b1"_s, u"a1"_s, u"a2"_s, u"b2"_s, u"m"_s},
             .heads = QStringList{u"m"_s},
             .realHeads = QStringList{u"m"_s},
             .bases = QStringList{u"b1"_s, u"a1"_s},
             .realBases = QStringList{u"b1"_s, u"a1"_s},
             .branchPoints = QStringList{},
             .mergePoints = QStringList{u"m"_s}});
        row("independent bases", {u"a1"_s, u"b1"_s, u"a2 <- a1"_s},
            {.heads = QStringList{u"b1"_s, u"a2"_s},
             .realHeads = QStringList{u"b1"_s, u"a2"_s},
             .bases = QStringList{u"a1"_s, u"b1"_s},
             .realBases = QStringList{u"a1"_s, u"b1"_s}});
        row("children before parents in file order", {u"c <- b"_s, u"b <- a"_s, u"a"_s},
            {.ids = QStringList{u"c"_s, u"b"_s, u"a"_s},
             .keys = QStringList{u"c"_s, u"b"_s, u"a"_s},
             .heads = QStringList{u"c"_s},
             .bases = QStringList{u"a"_s},
             .children = QStringList{u"b: c | c"_s, u"a: b | b"_s}});

        // --- depends_on -----------------------------------------------------
        row("depends_on: effective head", {u"x"_s, u"y <- x"_s, u"z | deps=y"_s},
            {.heads = QStringList{u"y"_s, u"z"_s},
             .realHeads = QStringList{u"z"_s},
             .bases = QStringList{u"x"_s, u"z"_s},
             .realBases = QStringList{u"x"_s},
             .dependencies = QStringList{u"z: y -> y"_s},
             .children = QStringList{u"x: y | y"_s, u"y:  | z"_s}});
        row("depends_on: a branch label names the labelled revision",
            {u"a1 | labels=acct"_s, u"a2 <- a1"_s, u"n1 | labels=net"_s, u"n2 <- n1 | deps=acct"_s},
            {.keys = QStringList{u"a1"_s, u"a2"_s, u"n1"_s, u"n2"_s, u"acct"_s, u"net"_s},
             .heads = QStringList{u"a2"_s, u"n2"_s},
             .realHeads = QStringList{u"a2"_s, u"n2"_s},
             .bases = QStringList{u"a1"_s, u"n1"_s},
             .realBases = QStringList{u"a1"_s, u"n1"_s},
             .branchPoints = QStringList{},
             .realBranchPoints = QStringList{u"a1"_s},
             .labels = QStringList{u"a1: acct"_s, u"a2: acct"_s, u"n1: net"_s, u"n2: net"_s},
             .dependencies = QStringList{u"n2: a1 -> a1"_s},
             .children = QStringList{u"a1: a2 | a2, n2"_s, u"n1: n2 | n2"_s}});
        row("depends_on: label and id of one revision count once",
            {u"a1 | labels=acct"_s, u"n1"_s, u"n2 <- n1 | deps=acct, a1"_s},
            {.heads = QStringList{u"a1"_s, u"n2"_s},
             .realHeads = QStringList{u"n2"_s},
             .labels = QStringList{u"a1: acct"_s},
             .dependencies = QStringList{u"n2: a1 -> a1"_s},
             .children = QStringList{u"a1:  | n2"_s, u"n1: n2 | n2"_s}});
        row("depends_on: what an ancestor depends on is normalised away",
            {u"a1"_s, u"a2 <- a1"_s, u"n1 | deps=a2"_s, u"n2 <- n1 | deps=a2"_s,
             u"n3 <- n2 | deps=a1, a2"_s},
            {.heads = QStringList{u"a2"_s, u"n3"_s},
             .realHeads = QStringList{u"n3"_s},
             .bases = QStringList{u"a1"_s, u"n1"_s},
             .realBases = QStringList{u"a1"_s},
             .realBranchPoints = QStringList{u"a1"_s, u"a2"_s},
             .dependencies = QStringList{u"n1: a2 -> a2"_s, u"n2: a2 -> "_s, u"n3: a1, a2 -> a1"_s},
             .children = QStringList{u"a1: a2 | a2, n3"_s, u"a2:  | n1, n2, n3"_s, u"n1: n2 | n2"_s,
                                     u"n2: n3 | n3"_s}});
        row("depends_on: a dependant makes a real branch point",
            {u"a"_s, u"b <- a"_s, u"c | deps=a"_s},
            {.heads = QStringList{u"b"_s, u"c"_s},
             .realHeads = QStringList{u"b"_s, u"c"_s},
             .bases = QStringList{u"a"_s, u"c"_s},
             .realBases = QStringList{u"a"_s},
             .branchPoints = QStringList{},
             .realBranchPoints = QStringList{u"a"_s},
             .dependencies = QStringList{u"c: a -> a"_s},
             .children = QStringList{u"a: b | b, c"_s}});
        row("depends_on: on a merge point", {u"a"_s, u"b"_s, u"m <- a, b"_s, u"x | deps=m"_s},
            {.heads = QStringList{u"m"_s, u"x"_s},
             .realHeads = QStringList{u"x"_s},
             .bases = QStringList{u"a"_s, u"b"_s, u"x"_s},
             .realBases = QStringList{u"a"_s, u"b"_s},
             .mergePoints = QStringList{u"m"_s},
             .dependencies = QStringList{u"x: m -> m"_s}});

        // --- branch labels --------------------------------------------------
        row("labels: to descendants and down a straight line",
            {u"a"_s, u"b <- a | labels=L"_s, u"c <- b"_s, u"d <- c"_s},
            {.keys = QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"L"_s},
             .labels = QStringList{u"a: L"_s, u"b: L"_s, u"c: L"_s, u"d: L"_s}});
        row("labels: climbing stops at a branch point",
            {u"a"_s, u"b <- a"_s, u"c <- a | labels=L"_s, u"d <- c"_s},
            {.labels = QStringList{u"c: L"_s, u"d: L"_s}});
        row("labels: below a branch point, every branch",
            {u"a | labels=L"_s, u"b <- a"_s, u"c <- a"_s},
            {.labels = QStringList{u"a: L"_s, u"b: L"_s, u"c: L"_s}});
        row("labels: climbing stops at a merge point",
            {u"x"_s, u"y"_s, u"m <- x, y"_s, u"n <- m | labels=L"_s, u"o <- n"_s},
            {.labels = QStringList{u"n: L"_s, u"o: L"_s}});
        row("labels: through a merge to its descendants",
            {u"x | labels=L"_s, u"y"_s, u"m <- x, y"_s, u"t <- m"_s},
            {.labels = QStringList{u"x: L"_s, u"m: L"_s, u"t: L"_s}});
        row("labels: two on one revision", {u"a | labels=one, two"_s, u"b <- a"_s},
            {.keys = QStringList{u"a"_s, u"b"_s, u"one"_s, u"two"_s},
             .labels = QStringList{u"a: one, two"_s, u"b: one, two"_s}});
        row("labels: a later label reaches the base",
            {u"a"_s, u"b <- a"_s, u"c <- b | labels=L"_s, u"e"_s, u"f <- e | labels=M"_s},
            {.labels = QStringList{u"a: L"_s, u"b: L"_s, u"c: L"_s, u"e: M"_s, u"f: M"_s}});
        row("labels: a dependant stops the climb",
            {u"a"_s, u"b <- a | labels=L"_s, u"c | deps=a"_s},
            {.realBranchPoints = QStringList{u"a"_s}, .labels = QStringList{u"b: L"_s}});
        row("labels: two labels on one line",
            {u"a | labels=A"_s, u"b <- a"_s, u"c <- b | labels=C"_s, u"d <- c"_s},
            {.labels = QStringList{u"a: A, C"_s, u"b: A, C"_s, u"c: A, C"_s, u"d: A, C"_s}});
        row("labels: a label per branch",
            {u"a"_s, u"b <- a | labels=B"_s, u"c <- a | labels=C"_s, u"d <- c"_s},
            {.labels = QStringList{u"b: B"_s, u"c: C"_s, u"d: C"_s}});

        // --- duplicates -----------------------------------------------------
        row("duplicate id: the later file wins at the first position",
            {u"a"_s, u"b <- a"_s, u"c <- b"_s, u"b <- a | labels=dup"_s},
            {.ids = QStringList{u"a"_s, u"b"_s, u"c"_s},
             .keys = QStringList{u"a"_s, u"b"_s, u"c"_s, u"dup"_s},
             .bases = QStringList{u"a"_s},
             .labels = QStringList{u"a: dup"_s, u"b: dup"_s, u"c: dup"_s},
             .children = QStringList{u"a: b | b"_s, u"b: c | c"_s},
             .problems = QStringList{u"Duplicate: Revision b is present more than once"_s}});
        row("duplicate id: the later file's parents", {u"a"_s, u"x"_s, u"b <- a"_s, u"b <- x"_s},
            {.ids = QStringList{u"a"_s, u"x"_s, u"b"_s},
             .bases = QStringList{u"a"_s, u"x"_s},
             .children = QStringList{u"x: b | b"_s},
             .problems = QStringList{u"Duplicate: Revision b is present more than once"_s}});
        // Alembic adds every Revision object to its heads before replacing the
        // first by the second, and only ever discards the second: the replaced
        // one stays a head, so `heads` names b twice and `head` is ambiguous.
        row("duplicate id: Alembic keeps the replaced revision among the heads",
            {u"a"_s, u"b <- a"_s, u"c <- b"_s, u"b <- a | labels=dup"_s},
            {.heads = QStringList{u"b"_s, u"c"_s},
             .realHeads = QStringList{u"b"_s, u"c"_s},
             .problems = QStringList{u"Duplicate: Revision b is present more than once"_s}});
        row("duplicate id: the replaced head appears twice",
            {u"a"_s, u"x"_s, u"b <- a"_s, u"b <- x"_s},
            {.heads = QStringList{u"a"_s, u"b"_s, u"b"_s},
             .problems = QStringList{u"Duplicate: Revision b is present more than once"_s}});

        // --- missing revisions (Alembic: KeyError; Retort reports and goes on)
        row("missing parent: the rest still loads", {u"a"_s, u"b <- a"_s, u"c <- zz"_s},
            {.ids = QStringList{u"a"_s, u"b"_s, u"c"_s},
             .heads = QStringList{u"b"_s, u"c"_s},
             .realHeads = QStringList{u"b"_s, u"c"_s},
             .bases = QStringList{u"a"_s},
             .realBases = QStringList{u"a"_s},
             .children = QStringList{u"a: b | b"_s},
             .problems = QStringList{u"Missing: Revision zz referenced from c is not present"_s}});
        row("missing parent of a merge", {u"a"_s, u"m <- a, gone"_s},
            {.ids = QStringList{u"a"_s, u"m"_s},
             .heads = QStringList{u"m"_s},
             .mergePoints = QStringList{u"m"_s},
             .children = QStringList{u"a: m | m"_s},
             .problems =
                 QStringList{u"Missing: Revision gone referenced from m is not present"_s}});
        row("missing dependency", {u"a"_s, u"b <- a | deps=nosuch"_s},
            {.ids = QStringList{u"a"_s, u"b"_s},
             .heads = QStringList{u"b"_s},
             .realHeads = QStringList{u"b"_s},
             .dependencies = QStringList{},
             .problems =
                 QStringList{u"Missing: Revision nosuch referenced from b is not present"_s}});

        // --- histories Alembic refuses ---------------------------------------
        row("cycle", {u"r1"_s, u"r2 <- r1"_s, u"x <- y"_s, u"y <- x"_s},
            {.ids = QStringList{u"r1"_s, u"r2"_s},
             .heads = QStringList{u"r2"_s},
             .bases = QStringList{u"r1"_s},
             .problems = QStringList{u"Cycle: Cycle is detected in revisions (x, y)"_s},
             .fatal = u"Cycle is detected in revisions (x, y)"_s});
        row("cycle: with a descendant", {u"r1"_s, u"x <- y"_s, u"y <- x"_s, u"z <- x"_s},
            {.ids = QStringList{u"r1"_s},
             .heads = QStringList{u"r1"_s},
             .problems = QStringList{u"Cycle: Cycle is detected in revisions (x, y, z)"_s},
             .fatal = u"Cycle is detected in revisions (x, y, z)"_s});
        // With no base (or no head) at all, Alembic lists every revision in map order.
        row("cycle: no base at all, map order", {u"z <- y"_s, u"y <- x"_s, u"x <- y"_s},
            {.ids = QStringList{},
             .problems = QStringList{u"Cycle: Cycle is detected in revisions (z, y, x)"_s},
             .fatal = u"Cycle is detected in revisions (z, y, x)"_s});
        row("cycle: nothing but a cycle, map order", {u"y <- x"_s, u"x <- y"_s},
            {.ids = QStringList{},
             .problems = QStringList{u"Cycle: Cycle is detected in revisions (y, x)"_s},
             .fatal = u"Cycle is detected in revisions (y, x)"_s});
        row("self-loop", {u"a"_s, u"d <- d"_s, u"e <- a"_s},
            {.ids = QStringList{u"a"_s, u"e"_s},
             .heads = QStringList{u"e"_s},
             .problems = QStringList{u"SelfLoop: Self-loop is detected in revisions (d)"_s},
             .fatal = u"Self-loop is detected in revisions (d)"_s});
        row("dependency cycle", {u"a"_s, u"b <- a | deps=c"_s, u"c <- b"_s, u"d <- a"_s},
            {.ids = QStringList{u"a"_s, u"d"_s},
             .heads = QStringList{u"d"_s},
             .problems =
                 QStringList{
                     u"DependencyCycle: Dependency cycle is detected in revisions (b, c)"_s},
             .fatal = u"Dependency cycle is detected in revisions (b, c)"_s});
        row("dependency cycle: no real head", {u"a"_s, u"b <- a | deps=c"_s, u"c <- b"_s},
            {.ids = QStringList{},
             .problems =
                 QStringList{
                     u"DependencyCycle: Dependency cycle is detected in revisions (a, b, c)"_s},
             .fatal = u"Dependency cycle is detected in revisions (a, b, c)"_s});
        row("dependency self-loop", {u"a"_s, u"b <- a | deps=b"_s},
            {.ids = QStringList{u"a"_s},
             .problems =
                 QStringList{
                     u"DependencySelfLoop: Dependency self-loop is detected in revisions (b)"_s},
             .fatal = u"Dependency self-loop is detected in revisions (b)"_s});
        row("label clash with a revision id", {u"a1"_s, u"b <- a1 | labels=a1"_s},
            {.ids = QStringList{u"a1"_s, u"b"_s},
             .keys = QStringList{u"a1"_s, u"b"_s},
             .labels = QStringList{},
             .problems =
                 QStringList{
                     u"LabelClash: Branch name 'a1' in revision b already used by revision a1"_s},
             .fatal = u"Branch name 'a1' in revision b already used by revision a1"_s});
        // Alembic visits labelled revisions in set order, so it may name either
        // revision first; Retort's file order gives one of Alembic's two answers.
        row("label clash between revisions", {u"a | labels=x"_s, u"b <- a | labels=x"_s},
            {.ids = QStringList{u"a"_s, u"b"_s},
             .keys = QStringList{u"a"_s, u"b"_s, u"x"_s},
             .labels = QStringList{u"a: x"_s, u"b: x"_s},
             .problems =
                 QStringList{
                     u"LabelClash: Branch name 'x' in revision b already used by revision a"_s},
             .fatal = u"Branch name 'x' in revision b already used by revision a"_s});

        // Which refusal Alembic reports first: self-loops as revisions are
        // read, label clashes while mapping labels, then cycles, then
        // dependency cycles.
        row("first refusal: label clash before a cycle",
            {u"a | labels=x"_s, u"b <- a | labels=a"_s, u"p <- q"_s, u"q <- p"_s},
            {.ids = QStringList{u"a"_s, u"b"_s},
             .problems =
                 QStringList{
                     u"LabelClash: Branch name 'a' in revision b already used by revision a"_s,
                     u"Cycle: Cycle is detected in revisions (p, q)"_s},
             .fatal = u"Branch name 'a' in revision b already used by revision a"_s});
        row("first refusal: self-loop before a cycle",
            {u"a"_s, u"b <- b"_s, u"p <- q"_s, u"q <- p"_s},
            {.ids = QStringList{u"a"_s},
             .problems = QStringList{u"SelfLoop: Self-loop is detected in revisions (b)"_s,
                                     u"Cycle: Cycle is detected in revisions (p, q)"_s},
             .fatal = u"Self-loop is detected in revisions (b)"_s});
        row("first refusal: cycle before a dependency cycle",
            {u"a"_s, u"p <- q"_s, u"q <- p"_s, u"b <- a | deps=c"_s, u"c <- b"_s, u"d <- a"_s},
            {.ids = QStringList{u"a"_s, u"d"_s},
             .problems =
                 QStringList{
                     u"Cycle: Cycle is detected in revisions (p, q)"_s,
                     u"DependencyCycle: Dependency cycle is detected in revisions (b, c)"_s},
             .fatal = u"Cycle is detected in revisions (p, q)"_s});
        row("first refusal: first self-loop in file order", {u"a"_s, u"c <- c"_s, u"b <- b"_s},
            {.ids = QStringList{u"a"_s},
             .problems = QStringList{u"SelfLoop: Self-loop is detected in revisions (c)"_s,
                                     u"SelfLoop: Self-loop is detected in revisions (b)"_s},
             .fatal = u"Self-loop is detected in revisions (c)"_s});
    }

    void build()
    {
        QFETCH(QList<RevisionFile>, files);
        QFETCH(Expected, expected);
        const RevisionGraph graph = RevisionGraph::build(files);

        QStringList ids;
        for (const RevisionGraph::Node &n : graph.nodes())
            ids.append(n.id);
        if (expected.ids)
            QCOMPARE(ids, *expected.ids);
        if (expected.keys)
            QCOMPARE(graph.orderedKeys(), *expected.keys);
        if (expected.heads)
            QCOMPARE(idsOf(graph, graph.heads()), *expected.heads);
        if (expected.realHeads)
            QCOMPARE(idsOf(graph, graph.realHeads()), *expected.realHeads);
        if (expected.bases)
            QCOMPARE(idsOf(graph, graph.bases()), *expected.bases);
        if (expected.realBases)
            QCOMPARE(idsOf(graph, graph.realBases()), *expected.realBases);

        QStringList branchPoints, realBranchPoints, mergePoints, labels, dependencies, children;
        for (const RevisionGraph::Node &n : graph.nodes()) {
            if (n.isBranchPoint())
                branchPoints.append(n.id);
            if (n.isRealBranchPoint())
                realBranchPoints.append(n.id);
            if (n.isMergePoint())
                mergePoints.append(n.id);
            if (!n.branchLabels.isEmpty())
                labels.append(n.id + u": "_s + sorted(n.branchLabels).join(u", "_s));
            if (!n.resolvedDependencies.isEmpty())
                dependencies.append(n.id + u": "_s +
                                    idsOf(graph, n.resolvedDependencies).join(u", "_s) + u" -> "_s +
                                    sorted(idsOf(graph, n.normalizedDependencies)).join(u", "_s));
            if (!n.allChildren.isEmpty())
                children.append(n.id + u": "_s + sorted(idsOf(graph, n.children)).join(u", "_s) +
                                u" | "_s + sorted(idsOf(graph, n.allChildren)).join(u", "_s));
        }
        if (expected.branchPoints)
            QCOMPARE(branchPoints, *expected.branchPoints);
        if (expected.realBranchPoints)
            QCOMPARE(realBranchPoints, *expected.realBranchPoints);
        if (expected.mergePoints)
            QCOMPARE(mergePoints, *expected.mergePoints);
        if (expected.labels)
            QCOMPARE(labels, *expected.labels);
        if (expected.dependencies)
            QCOMPARE(dependencies, *expected.dependencies);
        if (expected.children)
            QCOMPARE(children, *expected.children);

        QStringList problems;
        for (const GraphProblem &p : graph.problems())
            problems.append(kindName(p.kind) + u": "_s + p.message);
        QCOMPARE(sorted(problems), sorted(expected.problems));
        QCOMPARE(graph.hasFatalProblem(), !expected.fatal.isEmpty());
        QCOMPARE(graph.firstFatalMessage(), expected.fatal);
    }

    // Files that could not be read stay out of the graph; what refers to them
    // then misses a parent, and the problem says where the file is.
    void unreadableFiles()
    {
        QList<RevisionFile> files = history({u"a"_s, u"b <- a"_s, u"c <- b"_s});
        files[1].problems.append(FileProblem{files[1].path, 7, u"invalid syntax"_s});
        RevisionFile anonymous;
        anonymous.path = u"/project/versions/04_no_id.py"_s;
        files.append(anonymous);

        const RevisionGraph graph = RevisionGraph::build(files);
        QStringList ids;
        for (const RevisionGraph::Node &n : graph.nodes())
            ids.append(n.id);
        QCOMPARE(ids, (QStringList{u"a"_s, u"c"_s}));
        QCOMPARE(idsOf(graph, graph.heads()), (QStringList{u"a"_s, u"c"_s}));
        QVERIFY(!graph.hasFatalProblem());

        QCOMPARE(graph.problems().size(), 3);
        const GraphProblem *unreadable = nullptr, *noId = nullptr, *missing = nullptr;
        for (const GraphProblem &p : graph.problems()) {
            if (p.kind == GraphProblem::Kind::UnreadableFile && p.path == files[1].path)
                unreadable = &p;
            else if (p.kind == GraphProblem::Kind::UnreadableFile)
                noId = &p;
            else if (p.kind == GraphProblem::Kind::MissingParent)
                missing = &p;
        }
        QVERIFY(unreadable);
        QCOMPARE(unreadable->message, u"invalid syntax"_s);
        QCOMPARE(unreadable->line, 7);
        QVERIFY(noId);
        QCOMPARE(noId->path, anonymous.path);
        QVERIFY(!noId->message.isEmpty());
        QVERIFY(missing);
        QCOMPARE(missing->message, u"Revision b referenced from c is not present"_s);
        QCOMPARE(missing->path, files[2].path);
        QCOMPARE(missing->revisions, (QStringList{u"c"_s, u"b"_s}));
    }

    // Where each problem points: the file concerned.
    void problemLocations()
    {
        const QList<RevisionFile> files =
            history({u"a"_s, u"b <- a"_s, u"b <- a | labels=a"_s, u"d <- d"_s});
        const RevisionGraph graph = RevisionGraph::build(files);
        QStringList located;
        for (const GraphProblem &p : graph.problems())
            located.append(kindName(p.kind) + u" @ "_s + p.path.section(u'/', -1) + u":"_s +
                           QString::number(p.line));
        QCOMPARE(sorted(located),
                 sorted(QStringList{u"Duplicate @ 03_b.py:5"_s, u"LabelClash @ 03_b.py:5"_s,
                                    u"SelfLoop @ 04_d.py:5"_s}));
    }

    void init() { fileCounter = 0; }
};

QTEST_GUILESS_MAIN(TestRevisionGraph)
#include "tst_revisiongraph.moc"
