#pragma once

#include "revisiongraph.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <vector>

namespace retort {

// The lanes of a history drawn like `git log --graph`, one row per revision:
// computed once per load from the history order (children before parents,
// newest first), then read row by row by whatever paints them.
//
// Each row has a cell per lane; a cell says which strokes cross it: up (to the
// row above), down (to the row below), left and right (horizontal connectors
// between the revision's lane and the lanes it branches out from or merges in).
// Lanes are reused once free; a merge opens its extra parents' lanes to the
// right of the revision, a new head takes the leftmost free lane.
class LaneLayout
{
public:
    enum Stroke : quint8 {
        None = 0,
        Up = 1,
        Down = 2,
        Left = 4,
        Right = 8,
        Node = 16, // the revision of this row sits in this lane
    };

    // A horizontal connector drawn in one row, from the revision's lane to
    // another lane: a parent's lane (merge) or a child's lane ending here
    // (branch point). The colour is the one of `to`.
    struct Span
    {
        int from = 0;
        int to = 0;
        bool operator==(const Span &) const = default;
    };

    struct Row
    {
        int revision = -1;  // index in the graph
        int nodeLane = 0;
        QByteArray cells;   // Stroke bits, one byte per lane
        QList<Span> spans;

        int laneCount() const { return int(cells.size()); }
        quint8 cell(int lane) const
        {
            return lane < cells.size() ? quint8(cells[lane]) : quint8(None);
        }
    };

    LaneLayout() = default;

    // `order` lists revisions newest first (as RevisionResolver::walk returns
    // them). Only versioned parents are drawn; a parent missing from `order`
    // keeps its lane open to the bottom.
    static LaneLayout compute(const RevisionGraph &graph, const QList<int> &order);

    // The order the history is shown in: Alembic's history order (heads to
    // bases, as `alembic history` lists them), or, when the history cannot be
    // walked (cycles, clashes), every revision in an order that still puts
    // children before parents where it can.
    static QList<int> historyOrder(const RevisionGraph &graph);

    int rowCount() const { return int(m_rows.size()); }
    const Row &row(int index) const { return m_rows[size_t(index)]; }
    int maxLanes() const { return m_maxLanes; }

    // A row as text, one character per lane, for tests and debugging:
    // '*' the revision, ' ' nothing, and box-drawing characters for the
    // strokes ('│' a lane passing through, '┐' a merge's parent lane opening,
    // '┘' a branch joining its parent, '─' and '┼' horizontal connectors).
    // Trailing empty lanes are dropped.
    static QString glyphs(const Row &row);
    QString glyphs(int index) const { return glyphs(row(index)); }

private:
    std::vector<Row> m_rows;
    int m_maxLanes = 0;
};

} // namespace retort
