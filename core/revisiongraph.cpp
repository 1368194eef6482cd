#include "revisiongraph.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

void appendUnique(QList<int> &list, int value)
{
    if (!list.contains(value))
        list.append(value);
}

QString joinSorted(QStringList ids)
{
    std::sort(ids.begin(), ids.end());
    return ids.join(u", "_s);
}

// One attempt at building the map from the files, leaving out `excluded` ids.
// Cycles found are reported through `cycleMembers` so that the caller can
// exclude them and build again: Alembic stops at a cycle, Retort shows the rest.
struct BuildInput
{
    const QList<RevisionFile> *files;
    QSet<QString> excluded;
};

} // namespace

QList<int> RevisionGraph::Node::allDownRevisions() const
{
    QList<int> result = parents;
    for (int d : resolvedDependencies)
        appendUnique(result, d);
    return result;
}

QList<int> RevisionGraph::Node::normalizedDownRevisions() const
{
    QList<int> result = parents;
    for (int d : normalizedDependencies)
        appendUnique(result, d);
    return result;
}

int RevisionGraph::indexOf(const QString &id) const
{
    const int index = lookup(id);
    return index >= 0 && m_nodes[size_t(index)].id == id ? index : -1;
}

bool RevisionGraph::hasFatalProblem() const
{
    return std::any_of(m_problems.begin(), m_problems.end(),
                       [](const GraphProblem &p) { return p.isFatal(); });
}

QString RevisionGraph::firstFatalMessage() const
{
    // The order Alembic meets them: self-loops while reading the files, then
    // label clashes while mapping labels, then cycles, then dependency cycles.
    using Kind = GraphProblem::Kind;
    for (const QList<Kind> &stage : {QList<Kind>{Kind::SelfLoop, Kind::DependencySelfLoop},
                                     QList<Kind>{Kind::LabelClash}, QList<Kind>{Kind::Cycle},
                                     QList<Kind>{Kind::DependencyCycle}}) {
        for (const GraphProblem &p : m_problems)
            if (stage.contains(p.kind))
                return p.message;
    }
    return {};
}

void RevisionGraph::visit(const QList<int> &start, Direction direction, Edges edges,
                          const std::function<void(int)> &onVisit) const
{
    std::vector<bool> seen(m_nodes.size(), false);
    std::vector<int> todo;
    for (int target : start) {
        todo.push_back(target);
        while (!todo.empty()) {
            const int rev = todo.back();
            todo.pop_back();
            if (seen[size_t(rev)])
                continue;
            seen[size_t(rev)] = true;
            const Node &n = m_nodes[size_t(rev)];
            if (direction == Direction::Ancestors) {
                const QList<int> next =
                    edges == Edges::Versioned ? n.parents : n.normalizedDownRevisions();
                for (int x : next)
                    todo.push_back(x);
            } else {
                for (int x : edges == Edges::Versioned ? n.children : n.allChildren)
                    todo.push_back(x);
            }
            onVisit(rev);
        }
    }
}

std::vector<bool> RevisionGraph::reachable(const QList<int> &start, Direction direction,
                                           Edges edges) const
{
    std::vector<bool> result(m_nodes.size(), false);
    visit(start, direction, edges, [&result](int i) { result[size_t(i)] = true; });
    return result;
}

RevisionGraph RevisionGraph::build(const QList<RevisionFile> &files)
{
    QSet<QString> excluded;
    QList<GraphProblem> cycleProblems;
    // Each round removes at least one revision, so this ends.
    for (;;) {
        RevisionGraph graph;
        QList<GraphProblem> &problems = graph.m_problems;

        for (const RevisionFile &file : files) {
            if (!file.usable()) {
                for (const FileProblem &fp : file.problems)
                    problems.append({GraphProblem::Kind::UnreadableFile, fp.reason, fp.path,
                                     fp.line, {}});
                if (file.problems.isEmpty())
                    problems.append({GraphProblem::Kind::UnreadableFile,
                                     QCoreApplication::translate("retort::RevisionGraph",
                                                                 "No revision identifier"),
                                     file.path, 0, {}});
                continue;
            }
            if (excluded.contains(file.revision))
                continue;
            if (file.downRevisions.contains(file.revision)) {
                problems.append({GraphProblem::Kind::SelfLoop,
                                 u"Self-loop is detected in revisions (%1)"_s.arg(file.revision),
                                 file.path, file.revisionLine, {file.revision}});
                continue;
            }
            if (file.dependsOn.contains(file.revision)) {
                problems.append(
                    {GraphProblem::Kind::DependencySelfLoop,
                     u"Dependency self-loop is detected in revisions (%1)"_s.arg(file.revision),
                     file.path, file.revisionLine, {file.revision}});
                continue;
            }
            Node node;
            node.file = file;
            node.id = file.revision;
            node.downRevisions = file.downRevisions;
            node.dependsOn = file.dependsOn;
            node.ownBranchLabels = file.branchLabels;
            node.ownBranchLabels.removeDuplicates();
            node.branchLabels = node.ownBranchLabels;
            const auto existing = graph.m_keys.constFind(node.id);
            if (existing != graph.m_keys.cend()) {
                // Alembic keeps the map position of the first and the content of the last.
                problems.append({GraphProblem::Kind::DuplicateRevision,
                                 u"Revision %1 is present more than once"_s.arg(node.id),
                                 file.path, file.revisionLine, {node.id}});
                for (Occurrence &o : graph.m_occurrences)
                    if (o.node == *existing)
                        o.stale = true;
                graph.m_occurrences.append({*existing, false, node.isBase(), node.isRealBase()});
                graph.m_nodes[size_t(*existing)] = std::move(node);
            } else {
                graph.m_occurrences.append(
                    {int(graph.m_nodes.size()), false, node.isBase(), node.isRealBase()});
                graph.m_keys.insert(node.id, int(graph.m_nodes.size()));
                graph.m_orderedKeys.append(node.id);
                graph.m_nodes.push_back(std::move(node));
            }
        }

        for (size_t i = 0; i < graph.m_nodes.size(); ++i) {
            Node &node = graph.m_nodes[i];
            QStringList kept;
            for (const QString &label : std::as_const(node.ownBranchLabels)) {
                const auto clash = graph.m_keys.constFind(label);
                if (clash != graph.m_keys.cend()) {
                    problems.append({GraphProblem::Kind::LabelClash,
                                     u"Branch name '%1' in revision %2 already used by revision %3"_s
                                         .arg(label, node.id, graph.m_nodes[size_t(*clash)].id),
                                     node.file.path, node.file.revisionLine, {node.id}});
                    continue;
                }
                graph.m_keys.insert(label, int(i));
                graph.m_orderedKeys.append(label);
                kept.append(label);
            }
            node.ownBranchLabels = kept;
            node.branchLabels = kept;
        }

        graph.computeStructure();

        QList<int> removed;
        graph.detectCycles(&removed);
        if (removed.isEmpty()) {
            graph.propagateBranchLabels();
            graph.m_problems = cycleProblems + graph.m_problems;
            return graph;
        }
        for (const GraphProblem &p : std::as_const(graph.m_problems))
            if (p.kind == GraphProblem::Kind::Cycle || p.kind == GraphProblem::Kind::DependencyCycle)
                cycleProblems.append(p);
        for (int r : removed)
            excluded.insert(graph.m_nodes[size_t(r)].id);
    }
}

void RevisionGraph::computeStructure()
{
    const int count = size();
    for (int i = 0; i < count; ++i) {
        Node &node = m_nodes[size_t(i)];
        for (const QString &dep : std::as_const(node.dependsOn)) {
            const int target = lookup(dep);
            if (target < 0) {
                m_problems.append({GraphProblem::Kind::MissingParent,
                                   u"Revision %1 referenced from %2 is not present"_s.arg(dep, node.id),
                                   node.file.path, node.file.revisionLine, {node.id, dep}});
                continue;
            }
            appendUnique(node.resolvedDependencies, target);
        }
        for (const QString &down : std::as_const(node.downRevisions)) {
            const int parent = indexOf(down);
            if (parent < 0) {
                m_problems.append({GraphProblem::Kind::MissingParent,
                                   u"Revision %1 referenced from %2 is not present"_s.arg(down, node.id),
                                   node.file.path, node.file.revisionLine, {node.id, down}});
                continue;
            }
            appendUnique(node.parents, parent);
        }
    }
    // Children are added in map order, as Alembic's add_nextrev is called.
    for (int i = 0; i < count; ++i) {
        const Node &node = m_nodes[size_t(i)];
        for (int down : node.allDownRevisions()) {
            Node &parent = m_nodes[size_t(down)];
            appendUnique(parent.allChildren, i);
            if (node.parents.contains(down))
                appendUnique(parent.children, i);
        }
    }
    for (const Occurrence &o : std::as_const(m_occurrences)) {
        const Node &node = m_nodes[size_t(o.node)];
        if (o.stale || node.isHead())
            m_heads.append(o.node);
        if (o.stale || node.isRealHead())
            m_realHeads.append(o.node);
        if (o.stale ? o.wasBase : node.isBase())
            m_bases.append(o.node);
        if (o.stale ? o.wasRealBase : node.isRealBase())
            m_realBases.append(o.node);
    }
    // Dependencies already carried by an ancestor are redundant for ordering.
    for (int i = 0; i < count; ++i) {
        Node &node = m_nodes[size_t(i)];
        if (node.resolvedDependencies.isEmpty())
            continue;
        QList<int> normalized = node.resolvedDependencies;
        visit({i}, Direction::Ancestors, Edges::Versioned, [&](int ancestor) {
            if (ancestor == i)
                return;
            for (int d : m_nodes[size_t(ancestor)].resolvedDependencies)
                normalized.removeAll(d);
        });
        node.normalizedDependencies = normalized;
    }
}

void RevisionGraph::detectCycles(QList<int> *removed)
{
    if (m_nodes.empty())
        return;
    const int count = size();
    // Orphans whose parents are missing count as roots here: that problem is
    // already reported, and they are not part of a cycle.
    auto findCycle = [&](Edges edges, GraphProblem::Kind kind, const QString &word) {
        QList<int> tops, roots;
        for (int i = 0; i < count; ++i) {
            const Node &n = m_nodes[size_t(i)];
            const bool top = edges == Edges::Versioned ? n.isHead() : n.isRealHead();
            const bool root =
                edges == Edges::Versioned ? n.parents.isEmpty() : n.allDownRevisions().isEmpty();
            if (top)
                tops.append(i);
            if (root)
                roots.append(i);
        }
        std::vector<bool> fromTops(size_t(count), false), fromRoots(size_t(count), false);
        if (!tops.isEmpty() && !roots.isEmpty()) {
            // Alembic walks down from heads with versioned parents in both checks'
            // first half; with dependencies in the second.
            std::vector<int> stack;
            auto mark = [&](const QList<int> &start, std::vector<bool> &seen, bool down) {
                stack.assign(start.begin(), start.end());
                while (!stack.empty()) {
                    const int r = stack.back();
                    stack.pop_back();
                    if (seen[size_t(r)])
                        continue;
                    seen[size_t(r)] = true;
                    const Node &n = m_nodes[size_t(r)];
                    const QList<int> next =
                        down ? (edges == Edges::Versioned ? n.parents : n.allDownRevisions())
                             : (edges == Edges::Versioned ? n.children : n.allChildren);
                    for (int x : next)
                        stack.push_back(x);
                }
            };
            mark(tops, fromTops, true);
            mark(roots, fromRoots, false);
        }
        QList<int> outside;
        QStringList ids;
        for (int i = 0; i < count; ++i) {
            if (!(fromTops[size_t(i)] && fromRoots[size_t(i)])) {
                outside.append(i);
                ids.append(m_nodes[size_t(i)].id);
            }
        }
        if (outside.isEmpty())
            return false;
        // With no head or no base at all Alembic lists every revision in map
        // order; otherwise the revisions outside the walk, sorted.
        const QString listed = tops.isEmpty() || roots.isEmpty() ? ids.join(u", "_s) : joinSorted(ids);
        m_problems.append({kind, u"%1 is detected in revisions (%2)"_s.arg(word, listed),
                           m_nodes[size_t(outside.first())].file.path, 0, ids});
        *removed = outside;
        return true;
    };
    if (findCycle(Edges::Versioned, GraphProblem::Kind::Cycle, u"Cycle"_s))
        return;
    findCycle(Edges::WithDependencies, GraphProblem::Kind::DependencyCycle, u"Dependency cycle"_s);
}

void RevisionGraph::propagateBranchLabels()
{
    // Labels reach every descendant, and the ancestors below the last
    // descendant visited, up to a branch point or merge point (Alembic's
    // _add_branches, including which node the downward walk starts from).
    const int count = size();
    for (int i = 0; i < count; ++i) {
        if (m_nodes[size_t(i)].ownBranchLabels.isEmpty())
            continue;
        // Alembic spreads the revision's whole label set, inherited ones included.
        const QStringList labels = m_nodes[size_t(i)].branchLabels;
        if (labels.isEmpty())
            continue;
        auto addLabels = [&](int target) {
            QStringList &mine = m_nodes[size_t(target)].branchLabels;
            for (const QString &l : labels)
                if (!mine.contains(l))
                    mine.append(l);
        };
        int last = i;
        visit({i}, Direction::Descendants, Edges::Versioned, [&](int d) {
            addLabels(d);
            last = d;
        });
        int parent = last;
        while (parent >= 0) {
            const Node &p = m_nodes[size_t(parent)];
            if (p.isRealBranchPoint() || p.isMergePoint())
                break;
            addLabels(parent);
            parent = p.parents.isEmpty() ? -1 : p.parents.first();
        }
    }
}

} // namespace retort
