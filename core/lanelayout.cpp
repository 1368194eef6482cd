#include "lanelayout.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

constexpr int kFree = -1;

void addSpan(LaneLayout::Row &row, std::vector<quint8> &cells, int from, int to)
{
    const int lo = std::min(from, to);
    const int hi = std::max(from, to);
    if (size_t(hi) >= cells.size())
        cells.resize(size_t(hi) + 1, LaneLayout::None);
    cells[size_t(lo)] |= LaneLayout::Right;
    cells[size_t(hi)] |= LaneLayout::Left;
    for (int l = lo + 1; l < hi; ++l)
        cells[size_t(l)] |= LaneLayout::Left | LaneLayout::Right;
    row.spans.append({from, to});
}

} // namespace

LaneLayout LaneLayout::compute(const RevisionGraph &graph, const QList<int> &order)
{
    LaneLayout layout;
    layout.m_rows.reserve(size_t(order.size()));

    std::vector<int> rowOf(size_t(graph.size()), -1);
    for (qsizetype i = 0; i < order.size(); ++i)
        if (order[i] >= 0 && order[i] < graph.size())
            rowOf[size_t(order[i])] = int(i);

    std::vector<int> lanes;     // the revision each lane waits for, or kFree
    std::vector<bool> freedNow; // lanes that ended in this row: not reused for parents here
    QList<int> mine;
    QList<int> parents;

    for (qsizetype i = 0; i < order.size(); ++i) {
        const int revision = order[i];
        Row row;
        row.revision = revision;

        mine.clear();
        for (size_t l = 0; l < lanes.size(); ++l)
            if (lanes[l] == revision)
                mine.append(int(l));

        int nodeLane = 0;
        if (!mine.isEmpty()) {
            nodeLane = mine.first();
        } else {
            // A head (nothing drawn above waits for it): the leftmost free lane.
            const auto free = std::find(lanes.begin(), lanes.end(), kFree);
            nodeLane = int(free - lanes.begin());
            if (free == lanes.end())
                lanes.push_back(kFree);
        }
        row.nodeLane = nodeLane;

        std::vector<quint8> cells(lanes.size(), None);
        freedNow.assign(lanes.size(), false);
        for (size_t l = 0; l < lanes.size(); ++l)
            if (lanes[l] != kFree && lanes[l] != revision)
                cells[l] = Up | Down; // passing through
        cells[size_t(nodeLane)] = Node | (mine.isEmpty() ? None : Up);

        // Other children's lanes end here: the branch point joins them.
        for (qsizetype k = 1; k < mine.size(); ++k) {
            const int l = mine[k];
            cells[size_t(l)] |= Up;
            addSpan(row, cells, nodeLane, l);
            lanes[size_t(l)] = kFree;
            freedNow[size_t(l)] = true;
        }
        lanes[size_t(nodeLane)] = kFree;

        parents.clear();
        if (revision >= 0 && revision < graph.size()) {
            for (int p : graph.node(revision).parents) {
                // A parent drawn above its child cannot be reached; skip it.
                if (p < 0 || p >= graph.size() || parents.contains(p))
                    continue;
                if (rowOf[size_t(p)] >= 0 && rowOf[size_t(p)] <= i)
                    continue;
                parents.append(p);
            }
        }

        if (!parents.isEmpty()) {
            lanes[size_t(nodeLane)] = parents.first();
            cells[size_t(nodeLane)] |= Down;
            for (qsizetype k = 1; k < parents.size(); ++k) {
                const int p = parents[k];
                // A lane already waiting for this parent: join it.
                int target = -1;
                for (size_t l = 0; l < lanes.size(); ++l) {
                    if (int(l) != nodeLane && lanes[l] == p &&
                        (target < 0 || std::abs(int(l) - nodeLane) < std::abs(target - nodeLane)))
                        target = int(l);
                }
                if (target < 0) {
                    // Open a lane for it to the right of the revision.
                    for (size_t l = size_t(nodeLane) + 1; l < lanes.size(); ++l) {
                        if (lanes[l] == kFree && !freedNow[l]) {
                            target = int(l);
                            break;
                        }
                    }
                    if (target < 0) {
                        target = int(lanes.size());
                        lanes.push_back(kFree);
                        freedNow.push_back(false);
                    }
                    lanes[size_t(target)] = p;
                    if (size_t(target) >= cells.size())
                        cells.resize(size_t(target) + 1, None);
                    cells[size_t(target)] |= Down;
                }
                addSpan(row, cells, nodeLane, target);
            }
        }

        while (!cells.empty() && cells.back() == None)
            cells.pop_back();
        while (!lanes.empty() && lanes.back() == kFree)
            lanes.pop_back();

        row.cells = QByteArray(reinterpret_cast<const char *>(cells.data()), qsizetype(cells.size()));
        layout.m_maxLanes = std::max(layout.m_maxLanes, row.laneCount());
        layout.m_rows.push_back(std::move(row));
    }
    return layout;
}

namespace {

// Alembic's RevisionMap._topological_sort over every revision from the heads
// down, as `walk_revisions("base", "heads")` (and so `alembic history`) orders
// them: one head's line is followed down until a revision another pending
// head also descends from, which waits until that head's line reaches it.
// Same steps as Alembic, with ancestor sets as bit vectors, so thousands of
// revisions take milliseconds. Returns an empty list when it cannot finish.
QList<int> alembicHistoryOrder(const RevisionGraph &graph)
{
    const int n = graph.size();
    // Normalized down revisions (parents, then dependencies no ancestor has),
    // the edges Alembic's _get_ancestor_nodes follows, built once.
    std::vector<QList<int>> down(static_cast<size_t>(n));
    for (int r = 0; r < n; ++r)
        down[size_t(r)] = graph.node(r).normalizedDownRevisions();
    std::vector<int> stack;
    auto ancestorsOf = [&](int revision) {
        std::vector<char> seen(size_t(n), 0);
        stack.clear();
        stack.push_back(revision);
        while (!stack.empty()) {
            const int r = stack.back();
            stack.pop_back();
            if (r < 0 || r >= n || seen[size_t(r)])
                continue;
            seen[size_t(r)] = 1;
            for (int d : down[size_t(r)])
                if (!seen[size_t(d)])
                    stack.push_back(d);
        }
        return seen;
    };
    std::vector<bool> todo(size_t(n), false);
    for (int h : graph.heads()) {
        const std::vector<char> below = ancestorsOf(h);
        for (int r = 0; r < n; ++r)
            if (below[size_t(r)])
                todo[size_t(r)] = true;
    }
    int remaining = int(std::count(todo.begin(), todo.end(), true));

    std::vector<int> heads; // graph.heads() is in map order already
    for (int h : graph.heads())
        if (h >= 0 && h < n && todo[size_t(h)])
            heads.push_back(h);
    std::vector<std::vector<char>> ancestors;
    for (int h : heads)
        ancestors.push_back(ancestorsOf(h));

    QList<int> output;
    output.reserve(remaining);
    size_t candidateIndex = 0;
    // Each pass emits a revision or moves to another head; bound it anyway.
    qint64 guard = qint64(n + 1) * qint64(heads.size() + 2) * 4 + 64;
    while (!heads.empty()) {
        if (--guard < 0)
            return {};
        const int candidate = heads[candidateIndex];
        bool deferred = false;
        for (size_t other = 0; other < heads.size(); ++other) {
            if (other != candidateIndex && ancestors[other][size_t(candidate)]) {
                candidateIndex = other; // another head descends from it: that one first
                deferred = true;
                break;
            }
        }
        if (deferred)
            continue;
        if (todo[size_t(candidate)]) {
            output.append(candidate);
            todo[size_t(candidate)] = false;
            --remaining;
        }
        const RevisionGraph::Node &node = graph.node(candidate);
        QList<int> toAdd;
        for (int d : down[size_t(candidate)])
            if (todo[size_t(d)] && std::find(heads.begin(), heads.end(), d) == heads.end())
                toAdd.append(d);
        if (toAdd.isEmpty()) {
            heads.erase(heads.begin() + qsizetype(candidateIndex));
            ancestors.erase(ancestors.begin() + qsizetype(candidateIndex));
            candidateIndex = candidateIndex > 0 ? candidateIndex - 1 : 0;
        } else if (node.normalizedDependencies.isEmpty() && node.downRevisions.size() == 1) {
            // Plain movement down a line.
            heads[candidateIndex] = toAdd.first();
            ancestors[candidateIndex][size_t(candidate)] = 0;
        } else {
            heads[candidateIndex] = toAdd.first();
            ancestors[candidateIndex] = ancestorsOf(toAdd.first());
            for (qsizetype k = 1; k < toAdd.size(); ++k) {
                heads.push_back(toAdd[k]);
                ancestors.push_back(ancestorsOf(toAdd[k]));
            }
        }
    }
    if (remaining != 0)
        return {};
    return output;
}

} // namespace

QList<int> LaneLayout::historyOrder(const RevisionGraph &graph)
{
    if (graph.isEmpty())
        return {};
    if (!graph.hasFatalProblem()) {
        const QList<int> order = alembicHistoryOrder(graph);
        if (order.size() == graph.size())
            return order;
    }

    // Fallback: children before parents (Kahn's algorithm from the heads),
    // newest files first among equals; what a cycle leaves is appended.
    const int n = graph.size();
    std::vector<int> pendingChildren(size_t(n), 0);
    for (int r = 0; r < n; ++r)
        for (int p : graph.node(r).parents)
            if (p >= 0 && p < n && p != r)
                ++pendingChildren[size_t(p)];
    QList<int> order;
    order.reserve(n);
    std::vector<bool> placed(size_t(n), false);
    QList<int> ready;
    for (int r = n - 1; r >= 0; --r)
        if (pendingChildren[size_t(r)] == 0)
            ready.append(r);
    while (!ready.isEmpty()) {
        const int r = ready.takeFirst();
        if (placed[size_t(r)])
            continue;
        placed[size_t(r)] = true;
        order.append(r);
        for (int p : graph.node(r).parents)
            if (p >= 0 && p < n && p != r && --pendingChildren[size_t(p)] == 0)
                ready.prepend(p);
    }
    for (int r = n - 1; r >= 0; --r)
        if (!placed[size_t(r)])
            order.append(r);
    return order;
}

QString LaneLayout::glyphs(const Row &row)
{
    QString text;
    text.reserve(row.laneCount());
    for (int l = 0; l < row.laneCount(); ++l) {
        const quint8 c = row.cell(l);
        if (c & Node) {
            text += u'*';
            continue;
        }
        switch (c & (Up | Down | Left | Right)) {
        case None: text += u' '; break;
        case Up | Down: text += u'│'; break;
        case Left | Right: text += u'─'; break;
        case Up | Down | Left | Right: text += u'┼'; break;
        case Down | Left: text += u'┐'; break;
        case Down | Right: text += u'┌'; break;
        case Up | Left: text += u'┘'; break;
        case Up | Right: text += u'└'; break;
        case Up | Down | Left: text += u'┤'; break;
        case Up | Down | Right: text += u'├'; break;
        case Down | Left | Right: text += u'┬'; break;
        case Up | Left | Right: text += u'┴'; break;
        case Up: text += u'╵'; break;
        case Down: text += u'╷'; break;
        case Left: text += u'╴'; break;
        case Right: text += u'╶'; break;
        default: text += u'?'; break;
        }
    }
    while (text.endsWith(u' '))
        text.chop(1);
    return text;
}

} // namespace retort
