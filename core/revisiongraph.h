#pragma once

#include "revisionfile.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace retort {

// Something wrong with the history as a whole, worded as Alembic words it.
struct GraphProblem
{
    enum class Kind {
        UnreadableFile,   // a file with parse problems, left out of the graph
        DuplicateRevision, // "Revision X is present more than once" (later file wins)
        MissingParent,    // "Revision X referenced from Y is not present"
        Cycle,            // "Cycle is detected in revisions (a, b)"
        DependencyCycle,  // "Dependency cycle is detected in revisions (...)"
        SelfLoop,         // "Self-loop is detected in revisions (d)"
        DependencySelfLoop,
        LabelClash,       // "Branch name 'x' in revision Y already used by revision Z"
    };
    Kind kind;
    QString message;       // Alembic's wording where Alembic has one
    QString path;          // file concerned, when there is one
    int line = 0;
    QStringList revisions; // revisions concerned

    // Alembic refuses to work with such a history; Retort shows the rest but
    // its Alembic-compatible commands fail with this message as Alembic does.
    bool isFatal() const
    {
        return kind == Kind::Cycle || kind == Kind::DependencyCycle || kind == Kind::SelfLoop ||
               kind == Kind::DependencySelfLoop || kind == Kind::LabelClash;
    }
};

// The revision history: the same map Alembic's RevisionMap builds, computed
// from statically parsed files. Revisions are addressed by index; the index
// order is Alembic's map order (file order; a duplicate keeps the position of
// its first occurrence), which Alembic uses to break ties.
class RevisionGraph
{
public:
    struct Node
    {
        RevisionFile file;
        QString id;
        QStringList downRevisions;     // as written (versioned parents), may name missing revisions
        QStringList dependsOn;         // as written: ids or branch labels
        QStringList ownBranchLabels;   // as written in this file
        QStringList branchLabels;      // after propagation (own first, then inherited)
        QList<int> parents;            // versioned parents that exist
        QList<int> resolvedDependencies;   // depends_on resolved to revisions
        QList<int> normalizedDependencies; // minus those an ancestor already depends on
        QList<int> children;           // via down_revision (Alembic's nextrev)
        QList<int> allChildren;        // via down_revision or depends_on (_all_nextrev)

        bool isHead() const { return children.isEmpty(); }
        bool isRealHead() const { return allChildren.isEmpty(); }
        bool isBase() const { return downRevisions.isEmpty(); }
        bool isRealBase() const { return downRevisions.isEmpty() && dependsOn.isEmpty(); }
        bool isBranchPoint() const { return children.size() > 1; }
        bool isRealBranchPoint() const { return allChildren.size() > 1; }
        bool isMergePoint() const { return downRevisions.size() > 1; }
        // _all_down_revisions: parents then resolved dependencies, deduplicated.
        QList<int> allDownRevisions() const;
        // _normalized_down_revisions: parents then normalized dependencies.
        QList<int> normalizedDownRevisions() const;
    };

    static RevisionGraph build(const QList<RevisionFile> &files);

    int size() const { return int(m_nodes.size()); }
    bool isEmpty() const { return m_nodes.empty(); }
    const Node &node(int index) const { return m_nodes[size_t(index)]; }
    const std::vector<Node> &nodes() const { return m_nodes; }

    // Exact lookup of a revision id or a branch label (Alembic's map keys).
    int lookup(const QString &key) const { return m_keys.value(key, -1); }
    int indexOf(const QString &id) const;
    // Map keys in Alembic's order: ids, then branch labels. Used for prefix matching.
    const QStringList &orderedKeys() const { return m_orderedKeys; }

    const QList<int> &heads() const { return m_heads; }       // versioned heads, map order
    const QList<int> &realHeads() const { return m_realHeads; }
    const QList<int> &bases() const { return m_bases; }
    const QList<int> &realBases() const { return m_realBases; }

    const QList<GraphProblem> &problems() const { return m_problems; }
    bool hasFatalProblem() const;
    QString firstFatalMessage() const;

    // Traversals as Alembic's _iterate_related_revisions does them (depth
    // first, a stack, each revision once), so visiting order matches.
    enum class Direction { Ancestors, Descendants };
    enum class Edges {
        Versioned,          // down_revision / nextrev only
        WithDependencies,   // normalized down revisions / all next revisions
    };
    void visit(const QList<int> &start, Direction direction, Edges edges,
               const std::function<void(int)> &onVisit) const;
    std::vector<bool> reachable(const QList<int> &start, Direction direction, Edges edges) const;

private:
    void computeStructure();
    void detectCycles(QList<int> *removed);
    void propagateBranchLabels();

    // Every file loaded, in order. A duplicate id leaves its earlier file's
    // entry behind as "stale": Alembic keeps that object in its head and
    // base lists although the map now holds the later one.
    struct Occurrence
    {
        int node;
        bool stale = false;
        bool wasBase = false;
        bool wasRealBase = false;
    };
    QList<Occurrence> m_occurrences;
    std::vector<Node> m_nodes;
    QHash<QString, int> m_keys;
    QStringList m_orderedKeys;
    QList<int> m_heads, m_realHeads, m_bases, m_realBases;
    QList<GraphProblem> m_problems;
};

} // namespace retort
