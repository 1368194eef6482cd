#pragma once

#include "revisiongraph.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace retort {

// A failure to resolve or walk revisions, classified as Alembic classifies it
// (the command line turns each kind into Alembic's text).
struct RevisionError
{
    enum class Kind {
        Resolution,       // ResolutionError: `argument` is what could not be located
        MultipleHeads,    // MultipleHeads: `argument` is the symbol, `heads` the candidates
        RangeNotAncestor, // RangeNotAncestorError: `lower` / `upper`
        General,          // any other RevisionError: `message` is the whole text
        Unsupported,      // Alembic itself would crash (an assertion); Retort says why
    };
    Kind kind = Kind::General;
    QString message; // the exception's own text
    QString argument;
    QStringList heads;
    QString lower, upper;

    // The text Alembic's command line prints after "FAILED: " for this error,
    // given the start/end a command passed (see ScriptDirectory._catch_revision_errors).
    QString commandMessage(const QString &start = {}, const QString &end = {}) const;
};

// An identifier argument as Alembic passes it around: None, a string, or a tuple of strings.
struct RevisionSpec
{
    enum class Type { None, String, Tuple };
    Type type = Type::None;
    QString string;
    QStringList tuple;

    static RevisionSpec none() { return {}; }
    static RevisionSpec of(const QString &s) { return {Type::String, s, {}}; }
    static RevisionSpec ofTuple(const QStringList &t) { return {Type::Tuple, {}, t}; }
    bool isNone() const { return type == Type::None; }
    // Python truthiness: None, "" and () are false.
    bool isFalsy() const
    {
        return type == Type::None || (type == Type::String && string.isEmpty()) ||
               (type == Type::Tuple && tuple.isEmpty());
    }
    QString display() const; // as Python's "%s" would print it
};

// A computed answer or the error that stopped it.
template <class T>
struct Resolved
{
    T value{};
    std::optional<RevisionError> error;
    explicit operator bool() const { return !error.has_value(); }
};

// Alembic's identifier grammar and traversals over a RevisionGraph:
// `head`, `heads`, `base`, ids and prefixes of 4+ characters, branch labels,
// `label@rev`, `label@head(s)`, relative `+N`, `-N`, `rev+N`, `label@-N`, and
// the upgrade/downgrade iteration that history ranges, upgrade and downgrade use.
//
// Results are revision indexes; two markers stand for Alembic's non-revisions.
class RevisionResolver
{
public:
    static constexpr int NoRevision = -1; // Python's None
    static constexpr int BaseMarker = -2; // the string "base" a downward walk can return

    explicit RevisionResolver(const RevisionGraph &graph) : m_graph(graph) {}

    // ScriptDirectory.get_revisions
    Resolved<QList<int>> revisions(const RevisionSpec &id) const;
    // ScriptDirectory.get_revision
    Resolved<int> revision(const RevisionSpec &id) const;
    // RevisionMap.iterate_revisions (upper first, as Alembic orders the arguments)
    Resolved<QList<int>> iterate(const RevisionSpec &upper, const RevisionSpec &lower,
                                 bool implicitBase, bool inclusive, bool assertRelativeLength,
                                 bool selectForDowngrade) const;
    // ScriptDirectory.walk_revisions: history order, newest first.
    Resolved<QList<int>> walk(const RevisionSpec &base, const RevisionSpec &head) const;
    // ScriptDirectory.get_all_current: the branch heads among the rows and their ancestors.
    Resolved<QList<int>> allCurrent(const QStringList &rows) const;

    // Warnings Alembic would emit along the way (e.g. "downgrade -1 from multiple heads is ambiguous").
    QStringList takeWarnings() const;

    // Internal steps, throwing RevisionError; public for the planner.
    QList<int> getRevisions(const RevisionSpec &id) const;
    int getRevision(const RevisionSpec &id) const;
    QList<int> topologicalSort(const QList<int> &revisions, const QList<int> &heads) const;

private:
    struct Resolution
    {
        QStringList ids; // an empty list is Python's ()
        QString branchLabel; // null when none
    };
    Resolution resolveRevisionNumber(const RevisionSpec &id) const;
    QString currentHead(const QString &branchLabel) const;
    int revisionForIdent(const QString &resolvedId, const QString &checkBranch) const;
    int resolveBranch(const QString &branchLabel) const;
    QList<int> filterForLineage(const QList<int> &targets, const QString &checkAgainst,
                                bool includeDependencies = false) const;
    bool sharesLineage(int target, const QList<int> &testAgainst, bool includeDependencies) const;
    int walkSteps(int start, int steps, const QString &branchLabel, bool noOverwalk) const;
    std::pair<QString, int> parseDowngradeTarget(const RevisionSpec &current, const QString &target,
                                                 bool assertRelativeLength) const;
    QList<int> parseUpgradeTarget(const RevisionSpec &current, const RevisionSpec &target,
                                  bool assertRelativeLength) const;
    std::pair<QList<int>, QList<int>> collectUpgrade(const RevisionSpec &upper, RevisionSpec lower,
                                                     bool inclusive, bool implicitBase,
                                                     bool assertRelativeLength) const;
    std::pair<QList<int>, QList<int>> collectDowngrade(const RevisionSpec &upper,
                                                       const RevisionSpec &target, bool inclusive,
                                                       bool implicitBase,
                                                       bool assertRelativeLength) const;
    QList<int> related(const QList<int> &targets, RevisionGraph::Direction direction,
                       bool includeDependencies, bool check,
                       bool omitImmediateDependencies = false) const;
    QList<int> allCurrentOf(const QList<int> &revisions) const;
    QStringList idsOf(const QList<int> &revisions) const;
    static QList<int> onlyRevisions(const QList<int> &revisions);

    const RevisionGraph &m_graph;
    mutable QStringList m_warnings;
};

} // namespace retort
