#include "lanelayout.h"

#include "revisionresolver.h"

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

QList<int> LaneLayout::historyOrder(const RevisionGraph &graph)
{
    if (graph.isEmpty())
        return {};
    RevisionResolver resolver(graph);
    const auto walk = resolver.walk(RevisionSpec::of(u"base"_s), RevisionSpec::of(u"heads"_s));
    resolver.takeWarnings();
    if (walk && walk.value.size() == graph.size() &&
        std::all_of(walk.value.begin(), walk.value.end(), [](int r) { return r >= 0; }))
        return walk.value;

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
