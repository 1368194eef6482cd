// RevisionResolver against the real Alembic: every row replays one query that
// tests/data/resolver/expectations.py ran through Alembic's RevisionMap and
// compares the answer (or the error) with what Alembic recorded.
//
// Regenerate the expectations on purpose with
//   /usr/bin/python3 tests/data/resolver/expectations.py tests/data/resolver/expectations.json
// (ctest's resolver_expectations_fresh fails when they are stale).

#include "revisiongraph.h"
#include "revisionresolver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;
using retort::GraphProblem;
using retort::RevisionError;
using retort::RevisionFile;
using retort::RevisionGraph;
using retort::RevisionResolver;
using retort::RevisionSpec;

namespace {

const QJsonObject &expectations()
{
    static const QJsonObject doc = [] {
        QFile file(QStringLiteral(RETORT_TEST_DATA "/resolver/expectations.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot open %s", qPrintable(file.fileName()));
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
        if (json.isNull())
            qFatal("bad JSON in %s: %s", qPrintable(file.fileName()),
                   qPrintable(error.errorString()));
        return json.object();
    }();
    return doc;
}

// str | tuple | None, as Alembic's files write them.
QStringList stringOrList(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    if (value.isString())
        return {value.toString()};
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

QList<RevisionFile> filesOf(const QString &graphName)
{
    QList<RevisionFile> files;
    int line = 0;
    for (const QJsonValue &v :
         expectations().value(u"graphs"_s).toObject().value(graphName).toArray()) {
        const QJsonObject r = v.toObject();
        RevisionFile f;
        f.revision = r.value(u"revision"_s).toString();
        f.path = u"/project/versions/"_s + QString::number(++line) + u"_"_s + f.revision + u".py"_s;
        f.revisionLine = 3;
        f.downRevisions = stringOrList(r.value(u"down_revision"_s));
        f.dependsOn = stringOrList(r.value(u"depends_on"_s));
        f.branchLabels = stringOrList(r.value(u"branch_labels"_s));
        f.docstring = u"Revision "_s + f.revision;
        files.append(f);
    }
    return files;
}

const RevisionGraph &graphOf(const QString &name)
{
    static std::map<QString, RevisionGraph> graphs;
    auto it = graphs.find(name);
    if (it == graphs.end())
        it = graphs.emplace(name, RevisionGraph::build(filesOf(name))).first;
    return it->second;
}

RevisionSpec specOf(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return RevisionSpec::none();
    if (value.isString())
        return RevisionSpec::of(value.toString());
    return RevisionSpec::ofTuple(stringOrList(value));
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.isNull() ? u"None"_s : v.toString());
    return list;
}

// Alembic's None and its "base" marker, spelled as the JSON spells them.
QString idOf(const RevisionGraph &graph, int revision)
{
    if (revision == RevisionResolver::NoRevision)
        return u"None"_s;
    if (revision == RevisionResolver::BaseMarker)
        return u"<base>"_s;
    if (revision < 0 || revision >= graph.size())
        return u"<invalid index %1>"_s.arg(revision);
    return graph.node(revision).id;
}

QStringList idsOf(const RevisionGraph &graph, const QList<int> &revisions)
{
    QStringList ids;
    for (int r : revisions)
        ids.append(idOf(graph, r));
    return ids;
}

QStringList sorted(QStringList list)
{
    std::sort(list.begin(), list.end());
    return list;
}

QString kindName(RevisionError::Kind kind)
{
    switch (kind) {
    case RevisionError::Kind::Resolution:
        return u"Resolution"_s;
    case RevisionError::Kind::MultipleHeads:
        return u"MultipleHeads"_s;
    case RevisionError::Kind::RangeNotAncestor:
        return u"RangeNotAncestor"_s;
    case RevisionError::Kind::General:
        return u"General"_s;
    case RevisionError::Kind::Unsupported:
        return u"Unsupported"_s;
    }
    return u"?"_s;
}

// The RevisionError kind for an exception class Alembic raised. Anything
// outside RevisionError's family is Alembic crashing (an assertion, a
// KeyError ...): Retort must refuse with an Unsupported error instead.
QString expectedKind(const QString &pythonClass)
{
    if (pythonClass == u"ResolutionError"_s)
        return u"Resolution"_s;
    if (pythonClass == u"MultipleHeads"_s)
        return u"MultipleHeads"_s;
    if (pythonClass == u"RangeNotAncestorError"_s)
        return u"RangeNotAncestor"_s;
    if (pythonClass == u"RevisionError"_s)
        return u"General"_s;
    return u"Unsupported"_s;
}

QStringList words(const QString &message)
{
    static const QRegularExpression separators(u"[ ,]+"_s);
    return sorted(message.split(separators));
}

struct Case
{
    QJsonObject json;
    QString name() const { return json.value(u"name"_s).toString(); }
    QString graph() const { return json.value(u"graph"_s).toString(); }
    QJsonObject args() const { return json.value(u"args"_s).toObject(); }
    bool ordered() const { return json.value(u"ordered"_s).toBool(true); }
    bool expectsError() const { return json.contains(u"error"_s); }
    QJsonObject error() const { return json.value(u"error"_s).toObject(); }
    QJsonValue result() const { return json.value(u"result"_s); }
    QStringList warnings() const { return stringsOf(json.value(u"warnings"_s)); }
};

} // namespace

Q_DECLARE_METATYPE(Case)

class TestRevisionResolver : public QObject
{
    Q_OBJECT

private:
    static void addRows(const QString &op)
    {
        QTest::addColumn<Case>("testCase");
        int rows = 0;
        for (const QJsonValue &v : expectations().value(u"cases"_s).toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value(u"op"_s).toString() != op)
                continue;
            QTest::newRow(c.value(u"name"_s).toString().toUtf8().constData()) << Case{c};
            ++rows;
        }
        QVERIFY2(rows > 0, qPrintable(u"no expectation rows for "_s + op));
    }

    // Compares an error Retort reported with the one Alembic raised.
    static void compareError(const Case &c, const std::optional<RevisionError> &error,
                             const QString &actualValue, const QString &start = {},
                             const QString &end = {})
    {
        const QJsonObject expected = c.error();
        const QString kind = expectedKind(expected.value(u"class"_s).toString());
        if (!error) {
            QFAIL(qPrintable(u"Alembic raises %1(%2); Retort answers %3"_s.arg(
                expected.value(u"class"_s).toString(), expected.value(u"message"_s).toString(),
                actualValue)));
        }
        QCOMPARE(kindName(error->kind), kind);
        if (kind == u"Unsupported"_s)
            return; // Alembic crashed: no message to match
        const QString message = expected.value(u"message"_s).toString();
        if (c.ordered())
            QCOMPARE(error->message, message);
        else
            QCOMPARE(words(error->message), words(message));
        if (kind == u"Resolution"_s || kind == u"MultipleHeads"_s)
            QCOMPARE(error->argument, expected.value(u"argument"_s).toString());
        if (kind == u"MultipleHeads"_s)
            QCOMPARE(error->heads, stringsOf(expected.value(u"heads"_s)));
        if (kind == u"RangeNotAncestor"_s) {
            QCOMPARE(error->lower, expected.value(u"lower"_s).toString());
            QCOMPARE(error->upper, expected.value(u"upper"_s).toString());
        }
        if (expected.contains(u"command_message"_s)) {
            const QString command = expected.value(u"command_message"_s).toString();
            if (c.ordered())
                QCOMPARE(error->commandMessage(start, end), command);
            else
                QCOMPARE(words(error->commandMessage(start, end)), words(command));
        }
    }

    static void compareList(const Case &c, const RevisionGraph &graph,
                            const retort::Resolved<QList<int>> &actual, const QString &start = {},
                            const QString &end = {})
    {
        const QStringList ids = actual ? idsOf(graph, actual.value) : QStringList();
        if (c.expectsError()) {
            compareError(c, actual.error, u"["_s + ids.join(u", "_s) + u"]"_s, start, end);
            return;
        }
        if (!actual) {
            QFAIL(qPrintable(u"Alembic answers [%1]; Retort raises %2: %3"_s.arg(
                stringsOf(c.result()).join(u", "_s), kindName(actual.error->kind),
                actual.error->message)));
        }
        if (c.ordered())
            QCOMPARE(ids, stringsOf(c.result()));
        else
            QCOMPARE(sorted(ids), sorted(stringsOf(c.result())));
    }

private slots:
    void expectationsMatchThisAlembic()
    {
        QCOMPARE(expectations().value(u"alembic_version"_s).toString(), u"1.8.1"_s);
        QVERIFY(expectations().value(u"cases"_s).toArray().size() > 1000);
    }

    void structure_data() { addRows(u"structure"_s); }
    void structure()
    {
        QFETCH(Case, testCase);
        const RevisionGraph &graph = graphOf(testCase.graph());
        if (testCase.expectsError()) {
            // Alembic refuses the whole history; Retort keeps going but its
            // Alembic-compatible commands must fail with the same message.
            QVERIFY2(graph.hasFatalProblem(), "Retort finds nothing fatal");
            QCOMPARE(graph.firstFatalMessage(), testCase.error().value(u"message"_s).toString());
            return;
        }
        QStringList problems;
        for (const GraphProblem &p : graph.problems())
            problems.append(p.message);
        QCOMPARE(problems, testCase.warnings());

        const QJsonObject r = testCase.result().toObject();
        QCOMPARE(idsOf(graph, graph.heads()), stringsOf(r.value(u"heads"_s)));
        QCOMPARE(idsOf(graph, graph.realHeads()), stringsOf(r.value(u"real_heads"_s)));
        QCOMPARE(idsOf(graph, graph.bases()), stringsOf(r.value(u"bases"_s)));
        QCOMPARE(idsOf(graph, graph.realBases()), stringsOf(r.value(u"real_bases"_s)));

        // Ids in map order, then the branch labels (whose order Alembic takes from a set).
        QStringList ids, labels;
        for (const QString &key : graph.orderedKeys())
            (graph.indexOf(key) >= 0 ? ids : labels).append(key);
        const QStringList keys = stringsOf(r.value(u"keys"_s));
        QCOMPARE(ids + sorted(labels), keys);

        // One line per revision, so that a difference reads at a glance. (Histories
        // whose per-revision details Alembic cannot give, like duplicates, have none.)
        if (!r.contains(u"revisions"_s))
            return;
        const QJsonObject revisions = r.value(u"revisions"_s).toObject();
        QStringList expected, actual;
        auto flags = [](std::initializer_list<std::pair<const char *, bool>> list) {
            QStringList on;
            for (const auto &[name, value] : list)
                if (value)
                    on.append(QString::fromLatin1(name));
            return on.join(u" "_s);
        };
        for (auto it = revisions.begin(); it != revisions.end(); ++it) {
            const QJsonObject e = it.value().toObject();
            auto list = [&e](const char *key) -> QString {
                return u"["_s + stringsOf(e.value(QString::fromLatin1(key))).join(u", "_s) + u"]"_s;
            };
            expected.append(
                u"%1 labels=%2 nextrev=%3 all_nextrev=%4 deps=%5 normalized=%6 {%7}"_s.arg(
                    it.key(), list("branch_labels"), list("nextrev"), list("all_nextrev"),
                    list("resolved_dependencies"), list("normalized_dependencies"),
                    flags({{"head", e.value(u"is_head"_s).toBool()},
                           {"real_head", e.value(u"is_real_head"_s).toBool()},
                           {"base", e.value(u"is_base"_s).toBool()},
                           {"real_base", e.value(u"is_real_base"_s).toBool()},
                           {"branch_point", e.value(u"is_branch_point"_s).toBool()},
                           {"real_branch_point", e.value(u"is_real_branch_point"_s).toBool()},
                           {"merge_point", e.value(u"is_merge_point"_s).toBool()}})));
        }
        for (const RevisionGraph::Node &n : graph.nodes()) {
            auto list = [](const QStringList &l) -> QString {
                return u"["_s + l.join(u", "_s) + u"]"_s;
            };
            actual.append(
                u"%1 labels=%2 nextrev=%3 all_nextrev=%4 deps=%5 normalized=%6 {%7}"_s.arg(
                    n.id, list(sorted(n.branchLabels)), list(sorted(idsOf(graph, n.children))),
                    list(sorted(idsOf(graph, n.allChildren))),
                    list(idsOf(graph, n.resolvedDependencies)),
                    list(sorted(idsOf(graph, n.normalizedDependencies))),
                    flags({{"head", n.isHead()},
                           {"real_head", n.isRealHead()},
                           {"base", n.isBase()},
                           {"real_base", n.isRealBase()},
                           {"branch_point", n.isBranchPoint()},
                           {"real_branch_point", n.isRealBranchPoint()},
                           {"merge_point", n.isMergePoint()}})));
        }
        QCOMPARE(sorted(actual), sorted(expected));
    }

    // RevisionMap.get_revisions
    void getRevisions_data() { addRows(u"get_revisions"_s); }
    void getRevisions()
    {
        QFETCH(Case, testCase);
        const RevisionGraph &graph = graphOf(testCase.graph());
        const RevisionResolver resolver(graph);
        compareList(testCase, graph, resolver.revisions(specOf(testCase.args().value(u"id"_s))));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(resolver.takeWarnings(), testCase.warnings());
    }

    // RevisionMap.get_revision
    void getRevision_data() { addRows(u"get_revision"_s); }
    void getRevision()
    {
        QFETCH(Case, testCase);
        const RevisionGraph &graph = graphOf(testCase.graph());
        const RevisionResolver resolver(graph);
        const auto actual = resolver.revision(specOf(testCase.args().value(u"id"_s)));
        if (testCase.expectsError()) {
            compareError(testCase, actual.error, actual ? idOf(graph, actual.value) : QString());
            return;
        }
        if (!actual)
            QFAIL(qPrintable(u"Alembic answers %1; Retort raises %2: %3"_s.arg(
                testCase.result().isNull() ? u"None"_s : testCase.result().toString(),
                kindName(actual.error->kind), actual.error->message)));
        QCOMPARE(idOf(graph, actual.value),
                 testCase.result().isNull() ? u"None"_s : testCase.result().toString());
    }

    // ScriptDirectory.walk_revisions (history ranges): iterate_revisions(head,
    // base, inclusive=True, assert_relative_length=False); the CLI text too.
    void history_data() { addRows(u"history"_s); }
    void history()
    {
        QFETCH(Case, testCase);
        const RevisionGraph &graph = graphOf(testCase.graph());
        const RevisionResolver resolver(graph);
        const QString base = testCase.args().value(u"base"_s).toString();
        const QString head = testCase.args().value(u"head"_s).toString();
        compareList(testCase, graph, resolver.walk(RevisionSpec::of(base), RevisionSpec::of(head)),
                    base, head);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(resolver.takeWarnings(), testCase.warnings());
    }

    // ScriptDirectory._upgrade_revs: iterate_revisions(destination, current rows,
    // implicit_base=True), in the order Alembic yields (the steps run reversed).
    void upgrade_data() { addRows(u"upgrade"_s); }
    void upgrade()
    {
        QFETCH(Case, testCase);
        const RevisionGraph &graph = graphOf(testCase.graph());
        const RevisionResolver resolver(graph);
        const QJsonObject a = testCase.args();
        compareList(testCase, graph,
                    resolver.iterate(specOf(a.value(u"destination"_s)),
                                     RevisionSpec::ofTuple(stringOrList(a.value(u"current"_s))),
                                     /*implicitBase*/ true, /*inclusive*/ false,
                                     /*assertRelativeLength*/ true,
                                     /*selectForDowngrade*/ false));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(resolver.takeWarnings(), testCase.warnings());
    }

    // ScriptDirectory._downgrade_revs: iterate_revisions(current rows,
    // destination, select_for_downgrade=True).
    void downgrade_data() { addRows(u"downgrade"_s); }
    void downgrade()
    {
        QFETCH(Case, testCase);
        const RevisionGraph &graph = graphOf(testCase.graph());
        const RevisionResolver resolver(graph);
        const QJsonObject a = testCase.args();
        compareList(testCase, graph,
                    resolver.iterate(RevisionSpec::ofTuple(stringOrList(a.value(u"current"_s))),
                                     specOf(a.value(u"destination"_s)),
                                     /*implicitBase*/ false, /*inclusive*/ false,
                                     /*assertRelativeLength*/ true,
                                     /*selectForDowngrade*/ true));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(resolver.takeWarnings(), testCase.warnings());
    }

    // RevisionMap.iterate_revisions with other flag combinations.
    void iterate_data() { addRows(u"iterate"_s); }
    void iterate()
    {
        QFETCH(Case, testCase);
        const RevisionGraph &graph = graphOf(testCase.graph());
        const RevisionResolver resolver(graph);
        const QJsonObject a = testCase.args();
        compareList(testCase, graph,
                    resolver.iterate(specOf(a.value(u"upper"_s)), specOf(a.value(u"lower"_s)),
                                     a.value(u"implicit_base"_s).toBool(),
                                     a.value(u"inclusive"_s).toBool(),
                                     a.value(u"assert_relative_length"_s).toBool(),
                                     a.value(u"select_for_downgrade"_s).toBool()));
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(resolver.takeWarnings(), testCase.warnings());
    }

    // ScriptDirectory.get_all_current (a set in Alembic: compared as one).
    void allCurrent_data() { addRows(u"all_current"_s); }
    void allCurrent()
    {
        QFETCH(Case, testCase);
        const RevisionGraph &graph = graphOf(testCase.graph());
        const RevisionResolver resolver(graph);
        compareList(testCase, graph,
                    resolver.allCurrent(stringOrList(testCase.args().value(u"rows"_s))));
    }
};

QTEST_GUILESS_MAIN(TestRevisionResolver)
#include "tst_revisionresolver.moc"
