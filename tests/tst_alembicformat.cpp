// AlembicFormat: the text of Alembic's Script.cmd_format / _head_only /
// log_entry, character for character, for the shapes the commands print:
// history (include branches, doc and parents), history -i (current), heads
// (branches, no tree indicators), current, branches, show (log_entry).
//
// The expected strings were produced by Alembic 1.8.1 itself: Script objects
// (a subclass whose module is just a docstring) in a RevisionMap built in the
// same order, each formatted the way alembic/command.py formats it.
//
// Alembic prints some parts from Python sets (several branch labels, the
// children after "Branches into:"): their order changes from run to run, so
// rows marked `setOrdered` compare those lists in any order.

#include "alembicformat.h"
#include "revisiongraph.h"

#include <QTest>

#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;
using retort::AlembicFormat;
using retort::RevisionFile;
using retort::RevisionGraph;

namespace {

struct Rev
{
    QString id;
    QStringList down;
    QStringList dependsOn;
    QStringList labels;
    QString docstring;
};

// clang-format off
const std::map<QString, QList<Rev>> &histories()
{
    static const std::map<QString, QList<Rev>> all = {
        {u"shop"_s, {
            {u"ae1027a6acf"_s, {}, {}, {}, u"create account table\n"_s},
            {u"27c6a30d7c24"_s, {u"ae1027a6acf"_s}, {}, {u"shopping"_s}, u"branch b1 start"_s},
            {u"3cac04ae8714"_s, {u"ae1027a6acf"_s}, {}, {}, u"branch b2\n\nLonger description\nline two\n"_s},
            {u"1975ea83b712"_s, {u"27c6a30d7c24"_s}, {}, {}, u"add shopping cart table"_s},
            {u"5a1e0merge01"_s, {u"1975ea83b712"_s, u"3cac04ae8714"_s}, {}, {}, u"merge"_s},
        }},
        {u"deps"_s, {
            {u"acct0001"_s, {}, {}, {u"account"_s}, u"accounts"_s},
            {u"acct0002"_s, {u"acct0001"_s}, {}, {}, u"accounts 2"_s},
            {u"netw0001"_s, {}, {}, {u"network"_s, u"net"_s}, u"network"_s},
            {u"netw0002"_s, {u"netw0001"_s}, {u"acct0002"_s}, {}, u"network 2"_s},
            {u"netw0003"_s, {u"netw0002"_s}, {u"account"_s, u"acct0001"_s}, {}, u"network 3"_s},
        }},
        {u"docs"_s, {
            {u"d0c00001"_s, {}, {}, {}, u"  Indented title\n\n    code block\n\tTabbed\n  "_s},
            {u"d0c00002"_s, {u"d0c00001"_s}, {}, {}, u"Title\r\n\r\nBody\r\nmore\r\n"_s},
            {u"d0c00003"_s, {u"d0c00002"_s}, {}, {}, u""_s},
            {u"d0c00004"_s, {u"d0c00003"_s}, {}, {}, u"One\x000c" u"Two\x2028" u"Three\x001d" u"Four\x0085" u"Five\rSix\x000b" u"Seven"_s},
            {u"d0c00005"_s, {u"d0c00004"_s}, {}, {}, u"\x00a0" u"Spaced title\x3000" u" "_s},
            {u"d0c00006"_s, {u"d0c00005"_s}, {}, {}, u"Para one\nstill one\n\n\nPara two"_s},
            {u"d0c00007"_s, {u"d0c00006"_s}, {}, {}, u"Trailing control\x001f"_s},
            {u"d0c00008"_s, {u"d0c00007"_s}, {}, {}, u"\n\n\nAfter blank lines\n\nsecond"_s},
        }},
    };
    return all;
}
// clang-format on

const RevisionGraph &graphOf(const QString &name)
{
    static std::map<QString, RevisionGraph> graphs;
    auto it = graphs.find(name);
    if (it == graphs.end()) {
        QList<RevisionFile> files;
        for (const Rev &r : histories().at(name)) {
            RevisionFile f;
            f.revision = r.id;
            f.path = u"/project/versions/"_s + r.id + u"_rev.py"_s;
            f.downRevisions = r.down;
            f.dependsOn = r.dependsOn;
            f.branchLabels = r.labels;
            f.docstring = r.docstring;
            files.append(f);
        }
        it = graphs.emplace(name, RevisionGraph::build(files)).first;
    }
    return it->second;
}

AlembicFormat::Options optionsFor(const QString &shape)
{
    AlembicFormat::Options o;
    if (shape.startsWith(u"history"_s)) {
        o.includeBranches = o.includeDoc = o.includeParents = true; // command.history
    } else if (shape == u"heads"_s) {
        o.includeBranches = true; // command.heads
        o.treeIndicators = false;
    } else if (shape == u"branches"_s || shape == u"branches-child"_s) {
        o.includeBranches = true; // command.branches
    } else if (shape == u"branches-child-verbose"_s) {
        o.includeBranches = o.includeDoc = true;
    } else if (shape.startsWith(u"show"_s)) {
        o.verbose = true; // log_entry
    }
    o.current = shape.endsWith(u"-current"_s);
    return o;
}

QString sortedItems(const QString &list)
{
    QStringList items = list.split(u", "_s);
    std::sort(items.begin(), items.end());
    return items.join(u", "_s);
}

// The set-ordered lists of a formatted revision, put in one order.
QString normalised(const QString &text, const QString &id)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        for (const QString &prefix : {u"Branches into: "_s, u"Branch names: "_s}) {
            if (line.startsWith(prefix))
                line = prefix + sortedItems(line.mid(prefix.size()));
        }
    }
    QString result = lines.join(u'\n');
    // "<id> (label, label)": the labels right after the revision id.
    const qsizetype at = result.indexOf(id + u" ("_s);
    if (at >= 0) {
        const qsizetype open = at + id.size() + 2;
        const qsizetype close = result.indexOf(u')', open);
        const QString group = result.mid(open, close - open);
        static const QStringList indicators = {u"head"_s, u"effective head"_s, u"current"_s,
                                               u"branchpoint"_s, u"mergepoint"_s};
        if (close > open && !indicators.contains(group))
            result = result.left(open) + sortedItems(group) + result.mid(close);
    }
    return result;
}

} // namespace

class TestAlembicFormat : public QObject
{
    Q_OBJECT

private:
    static void row(const char *name, const QString &graph, const QString &revision,
                    const QString &shape, const QString &expected, bool setOrdered)
    {
        QTest::newRow(name) << graph << revision << shape << expected << setOrdered;
    }
    static void downRow(const char *name, const QString &graph, const QString &revision,
                        const QString &expected)
    {
        QTest::newRow(name) << graph << revision << expected;
    }

private slots:
    void cmdFormat_data()
    {
        QTest::addColumn<QString>("graph");
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("setOrdered");

        // clang-format off
        row("shop ae1027a6acf history", u"shop"_s, u"ae1027a6acf"_s, u"history"_s, u"<base> -> ae1027a6acf (branchpoint), create account table"_s, false);
        row("shop ae1027a6acf history-current", u"shop"_s, u"ae1027a6acf"_s, u"history-current"_s, u"<base> -> ae1027a6acf (current) (branchpoint), create account table"_s, false);
        row("shop ae1027a6acf heads", u"shop"_s, u"ae1027a6acf"_s, u"heads"_s, u"ae1027a6acf"_s, false);
        row("shop ae1027a6acf current", u"shop"_s, u"ae1027a6acf"_s, u"current"_s, u"ae1027a6acf (branchpoint)"_s, false);
        row("shop ae1027a6acf branches", u"shop"_s, u"ae1027a6acf"_s, u"branches"_s, u"ae1027a6acf (branchpoint)"_s, false);
        row("shop ae1027a6acf show", u"shop"_s, u"ae1027a6acf"_s, u"show"_s, u"Rev: ae1027a6acf (branchpoint)\nParent: <base>\nBranches into: 3cac04ae8714, 27c6a30d7c24\nPath: /project/versions/ae1027a6acf_rev.py\n\n    create account table\n"_s, true);
        row("shop ae1027a6acf show-current", u"shop"_s, u"ae1027a6acf"_s, u"show-current"_s, u"Rev: ae1027a6acf (branchpoint) (current)\nParent: <base>\nBranches into: 3cac04ae8714, 27c6a30d7c24\nPath: /project/versions/ae1027a6acf_rev.py\n\n    create account table\n"_s, true);
        row("shop 27c6a30d7c24 history", u"shop"_s, u"27c6a30d7c24"_s, u"history"_s, u"ae1027a6acf -> 27c6a30d7c24 (shopping), branch b1 start"_s, false);
        row("shop 27c6a30d7c24 history-current", u"shop"_s, u"27c6a30d7c24"_s, u"history-current"_s, u"ae1027a6acf -> 27c6a30d7c24 (shopping) (current), branch b1 start"_s, false);
        row("shop 27c6a30d7c24 heads", u"shop"_s, u"27c6a30d7c24"_s, u"heads"_s, u"27c6a30d7c24 (shopping)"_s, false);
        row("shop 27c6a30d7c24 current", u"shop"_s, u"27c6a30d7c24"_s, u"current"_s, u"27c6a30d7c24"_s, false);
        row("shop 27c6a30d7c24 branches-child", u"shop"_s, u"27c6a30d7c24"_s, u"branches-child"_s, u"27c6a30d7c24 (shopping)"_s, false);
        row("shop 27c6a30d7c24 show", u"shop"_s, u"27c6a30d7c24"_s, u"show"_s, u"Rev: 27c6a30d7c24\nParent: ae1027a6acf\nBranch names: shopping\nPath: /project/versions/27c6a30d7c24_rev.py\n\n    branch b1 start\n"_s, false);
        row("shop 27c6a30d7c24 show-current", u"shop"_s, u"27c6a30d7c24"_s, u"show-current"_s, u"Rev: 27c6a30d7c24 (current)\nParent: ae1027a6acf\nBranch names: shopping\nPath: /project/versions/27c6a30d7c24_rev.py\n\n    branch b1 start\n"_s, false);
        row("shop 3cac04ae8714 history", u"shop"_s, u"3cac04ae8714"_s, u"history"_s, u"ae1027a6acf -> 3cac04ae8714, branch b2"_s, false);
        row("shop 3cac04ae8714 history-current", u"shop"_s, u"3cac04ae8714"_s, u"history-current"_s, u"ae1027a6acf -> 3cac04ae8714 (current), branch b2"_s, false);
        row("shop 3cac04ae8714 heads", u"shop"_s, u"3cac04ae8714"_s, u"heads"_s, u"3cac04ae8714"_s, false);
        row("shop 3cac04ae8714 current", u"shop"_s, u"3cac04ae8714"_s, u"current"_s, u"3cac04ae8714"_s, false);
        row("shop 3cac04ae8714 branches-child", u"shop"_s, u"3cac04ae8714"_s, u"branches-child"_s, u"3cac04ae8714"_s, false);
        row("shop 3cac04ae8714 show", u"shop"_s, u"3cac04ae8714"_s, u"show"_s, u"Rev: 3cac04ae8714\nParent: ae1027a6acf\nPath: /project/versions/3cac04ae8714_rev.py\n\n    branch b2\n    \n    Longer description\n    line two\n"_s, false);
        row("shop 3cac04ae8714 show-current", u"shop"_s, u"3cac04ae8714"_s, u"show-current"_s, u"Rev: 3cac04ae8714 (current)\nParent: ae1027a6acf\nPath: /project/versions/3cac04ae8714_rev.py\n\n    branch b2\n    \n    Longer description\n    line two\n"_s, false);
        row("shop 1975ea83b712 history", u"shop"_s, u"1975ea83b712"_s, u"history"_s, u"27c6a30d7c24 -> 1975ea83b712 (shopping), add shopping cart table"_s, false);
        row("shop 1975ea83b712 history-current", u"shop"_s, u"1975ea83b712"_s, u"history-current"_s, u"27c6a30d7c24 -> 1975ea83b712 (shopping) (current), add shopping cart table"_s, false);
        row("shop 1975ea83b712 heads", u"shop"_s, u"1975ea83b712"_s, u"heads"_s, u"1975ea83b712 (shopping)"_s, false);
        row("shop 1975ea83b712 current", u"shop"_s, u"1975ea83b712"_s, u"current"_s, u"1975ea83b712"_s, false);
        row("shop 1975ea83b712 show", u"shop"_s, u"1975ea83b712"_s, u"show"_s, u"Rev: 1975ea83b712\nParent: 27c6a30d7c24\nBranch names: shopping\nPath: /project/versions/1975ea83b712_rev.py\n\n    add shopping cart table\n"_s, false);
        row("shop 1975ea83b712 show-current", u"shop"_s, u"1975ea83b712"_s, u"show-current"_s, u"Rev: 1975ea83b712 (current)\nParent: 27c6a30d7c24\nBranch names: shopping\nPath: /project/versions/1975ea83b712_rev.py\n\n    add shopping cart table\n"_s, false);
        row("shop 5a1e0merge01 history", u"shop"_s, u"5a1e0merge01"_s, u"history"_s, u"1975ea83b712, 3cac04ae8714 -> 5a1e0merge01 (shopping) (head) (mergepoint), merge"_s, false);
        row("shop 5a1e0merge01 history-current", u"shop"_s, u"5a1e0merge01"_s, u"history-current"_s, u"1975ea83b712, 3cac04ae8714 -> 5a1e0merge01 (shopping) (head) (current) (mergepoint), merge"_s, false);
        row("shop 5a1e0merge01 heads", u"shop"_s, u"5a1e0merge01"_s, u"heads"_s, u"5a1e0merge01 (shopping) (head)"_s, false);
        row("shop 5a1e0merge01 current", u"shop"_s, u"5a1e0merge01"_s, u"current"_s, u"5a1e0merge01 (head) (mergepoint)"_s, false);
        row("shop 5a1e0merge01 show", u"shop"_s, u"5a1e0merge01"_s, u"show"_s, u"Rev: 5a1e0merge01 (head) (mergepoint)\nMerges: 1975ea83b712, 3cac04ae8714\nBranch names: shopping\nPath: /project/versions/5a1e0merge01_rev.py\n\n    merge\n"_s, false);
        row("shop 5a1e0merge01 show-current", u"shop"_s, u"5a1e0merge01"_s, u"show-current"_s, u"Rev: 5a1e0merge01 (head) (mergepoint) (current)\nMerges: 1975ea83b712, 3cac04ae8714\nBranch names: shopping\nPath: /project/versions/5a1e0merge01_rev.py\n\n    merge\n"_s, false);
        row("deps acct0001 history", u"deps"_s, u"acct0001"_s, u"history"_s, u"<base> -> acct0001 (account), accounts"_s, false);
        row("deps acct0001 history-current", u"deps"_s, u"acct0001"_s, u"history-current"_s, u"<base> -> acct0001 (account) (current), accounts"_s, false);
        row("deps acct0001 heads", u"deps"_s, u"acct0001"_s, u"heads"_s, u"acct0001 (account)"_s, false);
        row("deps acct0001 current", u"deps"_s, u"acct0001"_s, u"current"_s, u"acct0001"_s, false);
        row("deps acct0001 show", u"deps"_s, u"acct0001"_s, u"show"_s, u"Rev: acct0001\nParent: <base>\nBranch names: account\nPath: /project/versions/acct0001_rev.py\n\n    accounts\n"_s, false);
        row("deps acct0001 show-current", u"deps"_s, u"acct0001"_s, u"show-current"_s, u"Rev: acct0001 (current)\nParent: <base>\nBranch names: account\nPath: /project/versions/acct0001_rev.py\n\n    accounts\n"_s, false);
        row("deps acct0002 history", u"deps"_s, u"acct0002"_s, u"history"_s, u"acct0001 -> acct0002 (account) (effective head), accounts 2"_s, false);
        row("deps acct0002 history-current", u"deps"_s, u"acct0002"_s, u"history-current"_s, u"acct0001 -> acct0002 (account) (effective head) (current), accounts 2"_s, false);
        row("deps acct0002 heads", u"deps"_s, u"acct0002"_s, u"heads"_s, u"acct0002 (account) (effective head)"_s, false);
        row("deps acct0002 current", u"deps"_s, u"acct0002"_s, u"current"_s, u"acct0002 (effective head)"_s, false);
        row("deps acct0002 show", u"deps"_s, u"acct0002"_s, u"show"_s, u"Rev: acct0002 (head)\nParent: acct0001\nBranch names: account\nPath: /project/versions/acct0002_rev.py\n\n    accounts 2\n"_s, false);
        row("deps acct0002 show-current", u"deps"_s, u"acct0002"_s, u"show-current"_s, u"Rev: acct0002 (head) (current)\nParent: acct0001\nBranch names: account\nPath: /project/versions/acct0002_rev.py\n\n    accounts 2\n"_s, false);
        row("deps netw0001 history", u"deps"_s, u"netw0001"_s, u"history"_s, u"<base> -> netw0001 (net, network), network"_s, true);
        row("deps netw0001 history-current", u"deps"_s, u"netw0001"_s, u"history-current"_s, u"<base> -> netw0001 (net, network) (current), network"_s, true);
        row("deps netw0001 heads", u"deps"_s, u"netw0001"_s, u"heads"_s, u"netw0001 (net, network)"_s, true);
        row("deps netw0001 current", u"deps"_s, u"netw0001"_s, u"current"_s, u"netw0001"_s, false);
        row("deps netw0001 show", u"deps"_s, u"netw0001"_s, u"show"_s, u"Rev: netw0001\nParent: <base>\nBranch names: net, network\nPath: /project/versions/netw0001_rev.py\n\n    network\n"_s, true);
        row("deps netw0001 show-current", u"deps"_s, u"netw0001"_s, u"show-current"_s, u"Rev: netw0001 (current)\nParent: <base>\nBranch names: net, network\nPath: /project/versions/netw0001_rev.py\n\n    network\n"_s, true);
        row("deps netw0002 history", u"deps"_s, u"netw0002"_s, u"history"_s, u"netw0001 (acct0002) -> netw0002 (net, network), network 2"_s, true);
        row("deps netw0002 history-current", u"deps"_s, u"netw0002"_s, u"history-current"_s, u"netw0001 (acct0002) -> netw0002 (net, network) (current), network 2"_s, true);
        row("deps netw0002 heads", u"deps"_s, u"netw0002"_s, u"heads"_s, u"netw0002 (net, network)"_s, true);
        row("deps netw0002 current", u"deps"_s, u"netw0002"_s, u"current"_s, u"netw0002"_s, false);
        row("deps netw0002 show", u"deps"_s, u"netw0002"_s, u"show"_s, u"Rev: netw0002\nParent: netw0001\nAlso depends on: acct0002\nBranch names: net, network\nPath: /project/versions/netw0002_rev.py\n\n    network 2\n"_s, true);
        row("deps netw0002 show-current", u"deps"_s, u"netw0002"_s, u"show-current"_s, u"Rev: netw0002 (current)\nParent: netw0001\nAlso depends on: acct0002\nBranch names: net, network\nPath: /project/versions/netw0002_rev.py\n\n    network 2\n"_s, true);
        row("deps netw0003 history", u"deps"_s, u"netw0003"_s, u"history"_s, u"netw0002 (account, acct0001) -> netw0003 (net, network) (head), network 3"_s, true);
        row("deps netw0003 history-current", u"deps"_s, u"netw0003"_s, u"history-current"_s, u"netw0002 (account, acct0001) -> netw0003 (net, network) (head) (current), network 3"_s, true);
        row("deps netw0003 heads", u"deps"_s, u"netw0003"_s, u"heads"_s, u"netw0003 (net, network) (head)"_s, true);
        row("deps netw0003 current", u"deps"_s, u"netw0003"_s, u"current"_s, u"netw0003 (head)"_s, false);
        row("deps netw0003 show", u"deps"_s, u"netw0003"_s, u"show"_s, u"Rev: netw0003 (head)\nParent: netw0002\nAlso depends on: account, acct0001\nBranch names: net, network\nPath: /project/versions/netw0003_rev.py\n\n    network 3\n"_s, true);
        row("deps netw0003 show-current", u"deps"_s, u"netw0003"_s, u"show-current"_s, u"Rev: netw0003 (head) (current)\nParent: netw0002\nAlso depends on: account, acct0001\nBranch names: net, network\nPath: /project/versions/netw0003_rev.py\n\n    network 3\n"_s, true);
        row("docs d0c00001 history", u"docs"_s, u"d0c00001"_s, u"history"_s, u"<base> -> d0c00001, Indented title"_s, false);
        row("docs d0c00001 heads", u"docs"_s, u"d0c00001"_s, u"heads"_s, u"d0c00001"_s, false);
        row("docs d0c00001 current", u"docs"_s, u"d0c00001"_s, u"current"_s, u"d0c00001"_s, false);
        row("docs d0c00001 show", u"docs"_s, u"d0c00001"_s, u"show"_s, u"Rev: d0c00001\nParent: <base>\nPath: /project/versions/d0c00001_rev.py\n\n    Indented title\n    \n        code block\n    \tTabbed\n"_s, false);
        row("docs d0c00002 history", u"docs"_s, u"d0c00002"_s, u"history"_s, u"d0c00001 -> d0c00002, Title\r\n\r\nBody\r\nmore"_s, false);
        row("docs d0c00002 heads", u"docs"_s, u"d0c00002"_s, u"heads"_s, u"d0c00002"_s, false);
        row("docs d0c00002 current", u"docs"_s, u"d0c00002"_s, u"current"_s, u"d0c00002"_s, false);
        row("docs d0c00002 show", u"docs"_s, u"d0c00002"_s, u"show"_s, u"Rev: d0c00002\nParent: d0c00001\nPath: /project/versions/d0c00002_rev.py\n\n    Title\n    \n    Body\n    more\n"_s, false);
        row("docs d0c00003 history", u"docs"_s, u"d0c00003"_s, u"history"_s, u"d0c00002 -> d0c00003, "_s, false);
        row("docs d0c00003 heads", u"docs"_s, u"d0c00003"_s, u"heads"_s, u"d0c00003"_s, false);
        row("docs d0c00003 current", u"docs"_s, u"d0c00003"_s, u"current"_s, u"d0c00003"_s, false);
        row("docs d0c00003 show", u"docs"_s, u"d0c00003"_s, u"show"_s, u"Rev: d0c00003\nParent: d0c00002\nPath: /project/versions/d0c00003_rev.py\n\n\n"_s, false);
        row("docs d0c00004 history", u"docs"_s, u"d0c00004"_s, u"history"_s, u"d0c00003 -> d0c00004, One\x000c" u"Two\x2028" u"Three\x001d" u"Four\x0085" u"Five\rSix\x000b" u"Seven"_s, false);
        row("docs d0c00004 heads", u"docs"_s, u"d0c00004"_s, u"heads"_s, u"d0c00004"_s, false);
        row("docs d0c00004 current", u"docs"_s, u"d0c00004"_s, u"current"_s, u"d0c00004"_s, false);
        row("docs d0c00004 show", u"docs"_s, u"d0c00004"_s, u"show"_s, u"Rev: d0c00004\nParent: d0c00003\nPath: /project/versions/d0c00004_rev.py\n\n    One\n    Two\n    Three\n    Four\n    Five\n    Six\n    Seven\n"_s, false);
        row("docs d0c00005 history", u"docs"_s, u"d0c00005"_s, u"history"_s, u"d0c00004 -> d0c00005, Spaced title"_s, false);
        row("docs d0c00005 heads", u"docs"_s, u"d0c00005"_s, u"heads"_s, u"d0c00005"_s, false);
        row("docs d0c00005 current", u"docs"_s, u"d0c00005"_s, u"current"_s, u"d0c00005"_s, false);
        row("docs d0c00005 show", u"docs"_s, u"d0c00005"_s, u"show"_s, u"Rev: d0c00005\nParent: d0c00004\nPath: /project/versions/d0c00005_rev.py\n\n    Spaced title\n"_s, false);
        row("docs d0c00006 history", u"docs"_s, u"d0c00006"_s, u"history"_s, u"d0c00005 -> d0c00006, Para one\nstill one"_s, false);
        row("docs d0c00006 heads", u"docs"_s, u"d0c00006"_s, u"heads"_s, u"d0c00006"_s, false);
        row("docs d0c00006 current", u"docs"_s, u"d0c00006"_s, u"current"_s, u"d0c00006"_s, false);
        row("docs d0c00006 show", u"docs"_s, u"d0c00006"_s, u"show"_s, u"Rev: d0c00006\nParent: d0c00005\nPath: /project/versions/d0c00006_rev.py\n\n    Para one\n    still one\n    \n    \n    Para two\n"_s, false);
        row("docs d0c00007 history", u"docs"_s, u"d0c00007"_s, u"history"_s, u"d0c00006 -> d0c00007, Trailing control"_s, false);
        row("docs d0c00007 heads", u"docs"_s, u"d0c00007"_s, u"heads"_s, u"d0c00007"_s, false);
        row("docs d0c00007 current", u"docs"_s, u"d0c00007"_s, u"current"_s, u"d0c00007"_s, false);
        row("docs d0c00007 show", u"docs"_s, u"d0c00007"_s, u"show"_s, u"Rev: d0c00007\nParent: d0c00006\nPath: /project/versions/d0c00007_rev.py\n\n    Trailing control\n"_s, false);
        row("docs d0c00008 history", u"docs"_s, u"d0c00008"_s, u"history"_s, u"d0c00007 -> d0c00008 (head), After blank lines"_s, false);
        row("docs d0c00008 heads", u"docs"_s, u"d0c00008"_s, u"heads"_s, u"d0c00008 (head)"_s, false);
        row("docs d0c00008 current", u"docs"_s, u"d0c00008"_s, u"current"_s, u"d0c00008 (head)"_s, false);
        row("docs d0c00008 show", u"docs"_s, u"d0c00008"_s, u"show"_s, u"Rev: d0c00008 (head)\nParent: d0c00007\nPath: /project/versions/d0c00008_rev.py\n\n    After blank lines\n    \n    second\n"_s, false);
        // clang-format on
    }

    void cmdFormat()
    {
        QFETCH(QString, graph);
        QFETCH(QString, revision);
        QFETCH(QString, shape);
        QFETCH(QString, expected);
        QFETCH(bool, setOrdered);

        const RevisionGraph &g = graphOf(graph);
        QVERIFY2(!g.hasFatalProblem(), qPrintable(g.firstFatalMessage()));
        const int index = g.indexOf(revision);
        QVERIFY(index >= 0);
        const AlembicFormat format(g);
        const AlembicFormat::Options options = optionsFor(shape);
        QString actual = format.cmdFormat(index, options);
        if (setOrdered) {
            actual = normalised(actual, revision);
            expected = normalised(expected, revision);
        }
        QCOMPARE(actual, expected);
        if (options.verbose)
            QCOMPARE(format.logEntry(index, options.current), format.cmdFormat(index, options));
        else
            QCOMPARE(format.headOnly(index, options), format.cmdFormat(index, options));
    }

    // Script._format_down_revision
    void formatDownRevision_data()
    {
        QTest::addColumn<QString>("graph");
        QTest::addColumn<QString>("revision");
        QTest::addColumn<QString>("expected");

        // clang-format off
        downRow("shop ae1027a6acf", u"shop"_s, u"ae1027a6acf"_s, u"<base>"_s);
        downRow("shop 27c6a30d7c24", u"shop"_s, u"27c6a30d7c24"_s, u"ae1027a6acf"_s);
        downRow("shop 3cac04ae8714", u"shop"_s, u"3cac04ae8714"_s, u"ae1027a6acf"_s);
        downRow("shop 1975ea83b712", u"shop"_s, u"1975ea83b712"_s, u"27c6a30d7c24"_s);
        downRow("shop 5a1e0merge01", u"shop"_s, u"5a1e0merge01"_s, u"1975ea83b712, 3cac04ae8714"_s);
        downRow("deps acct0001", u"deps"_s, u"acct0001"_s, u"<base>"_s);
        downRow("deps acct0002", u"deps"_s, u"acct0002"_s, u"acct0001"_s);
        downRow("deps netw0001", u"deps"_s, u"netw0001"_s, u"<base>"_s);
        downRow("deps netw0002", u"deps"_s, u"netw0002"_s, u"netw0001"_s);
        downRow("deps netw0003", u"deps"_s, u"netw0003"_s, u"netw0002"_s);
        downRow("docs d0c00001", u"docs"_s, u"d0c00001"_s, u"<base>"_s);
        downRow("docs d0c00002", u"docs"_s, u"d0c00002"_s, u"d0c00001"_s);
        downRow("docs d0c00003", u"docs"_s, u"d0c00003"_s, u"d0c00002"_s);
        downRow("docs d0c00004", u"docs"_s, u"d0c00004"_s, u"d0c00003"_s);
        downRow("docs d0c00005", u"docs"_s, u"d0c00005"_s, u"d0c00004"_s);
        downRow("docs d0c00006", u"docs"_s, u"d0c00006"_s, u"d0c00005"_s);
        downRow("docs d0c00007", u"docs"_s, u"d0c00007"_s, u"d0c00006"_s);
        downRow("docs d0c00008", u"docs"_s, u"d0c00008"_s, u"d0c00007"_s);
        // clang-format on
    }

    void formatDownRevision()
    {
        QFETCH(QString, graph);
        QFETCH(QString, revision);
        QFETCH(QString, expected);
        const RevisionGraph &g = graphOf(graph);
        QCOMPARE(AlembicFormat(g).formatDownRevision(g.indexOf(revision)), expected);
    }

    // Python's str.splitlines, which log_entry uses to indent the docstring.
    void pythonSplitLines_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");

        // clang-format off
        QTest::newRow("(empty)") << u""_s << QStringList{};
        QTest::newRow("a") << u"a"_s << QStringList{u"a"_s};
        QTest::newRow("a\\n") << u"a\n"_s << QStringList{u"a"_s};
        QTest::newRow("a\\nb") << u"a\nb"_s << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("a\\r\\nb") << u"a\r\nb"_s << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("a\\rb") << u"a\rb"_s << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("a\\n\\nb") << u"a\n\nb"_s << QStringList{u"a"_s, u""_s, u"b"_s};
        QTest::newRow("\\n") << u"\n"_s << QStringList{u""_s};
        QTest::newRow("\\r\\n") << u"\r\n"_s << QStringList{u""_s};
        QTest::newRow("\\n\\r") << u"\n\r"_s << QStringList{u""_s, u""_s};
        QTest::newRow("a\\r\\n\\r\\nb") << u"a\r\n\r\nb"_s << QStringList{u"a"_s, u""_s, u"b"_s};
        QTest::newRow("a\\x0bb\\x0cc") << u"a\x000b" u"b\x000c" u"c"_s << QStringList{u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("a\\x1cb\\x1dc\\x1ed") << u"a\x001c" u"b\x001d" u"c\x001e" u"d"_s << QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s};
        QTest::newRow("a\\x85b") << u"a\x0085" u"b"_s << QStringList{u"a"_s, u"b"_s};
        QTest::newRow("a\\u2028b\\u2029c") << u"a\x2028" u"b\x2029" u"c"_s << QStringList{u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("trailing\\r") << u"trailing\r"_s << QStringList{u"trailing"_s};
        QTest::newRow("\\r\\r\\n") << u"\r\r\n"_s << QStringList{u""_s, u""_s};
        QTest::newRow("  indented\\n\\ttab") << u"  indented\n\ttab"_s << QStringList{u"  indented"_s, u"\ttab"_s};
        // clang-format on
    }

    void pythonSplitLines()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        QCOMPARE(AlembicFormat::pythonSplitLines(text), expected);
    }

    // Script.doc / Script.longdoc on RevisionFile: strip(), then the text
    // before the first "\n\n" (Python's str.strip removes what str.isspace
    // calls whitespace, \x1c-\x1f included).
    void doc_data()
    {
        QTest::addColumn<QString>("docstring");
        QTest::addColumn<QString>("longDoc");
        QTest::addColumn<QString>("doc");

        // clang-format off
        QTest::newRow("(empty)") << u""_s << u""_s << u""_s;
        QTest::newRow("Title") << u"Title"_s << u"Title"_s << u"Title"_s;
        QTest::newRow("  Title  \\n") << u"  Title  \n"_s << u"Title"_s << u"Title"_s;
        QTest::newRow("Title\\n\\nBody") << u"Title\n\nBody"_s << u"Title\n\nBody"_s << u"Title"_s;
        QTest::newRow("Title\\nsecond line\\n\\nBody\\n\\nMore") << u"Title\nsecond line\n\nBody\n\nMore"_s << u"Title\nsecond line\n\nBody\n\nMore"_s << u"Title\nsecond line"_s;
        QTest::newRow("\\n\\nTitle\\n\\n\\n\\nBody") << u"\n\nTitle\n\n\n\nBody"_s << u"Title\n\n\n\nBody"_s << u"Title"_s;
        QTest::newRow("Title\\r\\n\\r\\nBody") << u"Title\r\n\r\nBody"_s << u"Title\r\n\r\nBody"_s << u"Title\r\n\r\nBody"_s;
        QTest::newRow("Title \\n \\nBody") << u"Title \n \nBody"_s << u"Title \n \nBody"_s << u"Title \n \nBody"_s;
        QTest::newRow("\\xa0Title\\u3000") << u"\x00a0" u"Title\x3000"_s << u"Title"_s << u"Title"_s;
        QTest::newRow("Title\\x1f") << u"Title\x001f"_s << u"Title"_s << u"Title"_s;
        QTest::newRow("\\x1cTitle\\x1e") << u"\x001c" u"Title\x001e"_s << u"Title"_s << u"Title"_s;
        QTest::newRow("Title\\x0b") << u"Title\x000b"_s << u"Title"_s << u"Title"_s;
        QTest::newRow("Title\\x85") << u"Title\x0085"_s << u"Title"_s << u"Title"_s;
        QTest::newRow("\\tTabbed\\n\\n\\tBody\\n") << u"\tTabbed\n\n\tBody\n"_s << u"Tabbed\n\n\tBody"_s << u"Tabbed"_s;
        // clang-format on
    }

    void doc()
    {
        QFETCH(QString, docstring);
        QFETCH(QString, longDoc);
        QFETCH(QString, doc);
        RevisionFile f;
        f.docstring = docstring;
        QCOMPARE(f.longDoc(), longDoc);
        QCOMPARE(f.doc(), doc);
    }
};

QTEST_GUILESS_MAIN(TestAlembicFormat)
#include "tst_alembicformat.moc"
