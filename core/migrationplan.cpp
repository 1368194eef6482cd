#include "migrationplan.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// A planning failure with Alembic's command text.
struct PlanFailure
{
    QString message;
};

QString sqlQuote(const QString &value)
{
    QString quoted = value;
    quoted.replace(u'\'', u"''"_s);
    return u"'"_s + quoted + u"'"_s;
}

QStringList minus(const QStringList &a, const QStringList &b)
{
    QStringList result;
    for (const QString &x : a)
        if (!b.contains(x))
            result.append(x);
    return result;
}

QStringList intersect(const QStringList &a, const QStringList &b)
{
    QStringList result;
    for (const QString &x : a)
        if (b.contains(x))
            result.append(x);
    return result;
}

} // namespace

QString VersionChange::sql(const QString &table) const
{
    switch (kind) {
    case Kind::Insert:
        return u"INSERT INTO %1 (version_num) VALUES (%2)"_s.arg(table, sqlQuote(to));
    case Kind::Update:
        return u"UPDATE %1 SET version_num=%2 WHERE %1.version_num = %3"_s.arg(
            table, sqlQuote(to), sqlQuote(from));
    case Kind::Delete:
        return u"DELETE FROM %1 WHERE %1.version_num = %2"_s.arg(table, sqlQuote(from));
    }
    return {};
}

QString PlanStep::shortLog() const
{
    const QString name = kind == Kind::Upgrade     ? u"upgrade"_s
                         : kind == Kind::Downgrade ? u"downgrade"_s
                                                   : u"stamp_revision"_s;
    return u"%1 %2 -> %3"_s.arg(name, fromRevisions.join(u", "_s), toRevisions.join(u", "_s));
}

QString PlanStep::logLine() const
{
    return doc.isEmpty() ? shortLog() : shortLog() + u", "_s + doc;
}

QList<int> MigrationPlanner::ancestorsOfIds(const QStringList &ids) const
{
    QList<int> start;
    for (const QString &id : ids) {
        const int index = m_graph.indexOf(id);
        if (index >= 0)
            start.append(index);
    }
    QList<int> result;
    m_graph.visit(start, RevisionGraph::Direction::Ancestors,
                  RevisionGraph::Edges::WithDependencies, [&](int r) { result.append(r); });
    return result;
}

namespace {

// Alembic's HeadMaintainer: the version table as a set of rows, changed
// row by row, failing where the online statement would not match one row.
class HeadMaintainer
{
public:
    HeadMaintainer(QStringList &heads, PlanStep &step, const QString &table)
        : m_heads(heads), m_step(step), m_table(table)
    {
    }
    void insert(const QString &version)
    {
        m_heads.append(version);
        m_step.versionChanges.append({VersionChange::Kind::Insert, {}, version});
    }
    void remove(const QString &version)
    {
        if (!m_heads.removeOne(version))
            throw PlanFailure{u"Online migration expected to match one row when deleting '%1' in '%2'; 0 found"_s
                                  .arg(version, m_table)};
        m_step.versionChanges.append({VersionChange::Kind::Delete, version, {}});
    }
    void update(const QString &from, const QString &to)
    {
        if (!m_heads.contains(from))
            throw PlanFailure{u"Online migration expected to match one row when updating '%1' to '%2' in '%3'; 0 found"_s
                                  .arg(from, to, m_table)};
        m_heads[m_heads.indexOf(from)] = to;
        m_step.versionChanges.append({VersionChange::Kind::Update, from, to});
    }

private:
    QStringList &m_heads;
    PlanStep &m_step;
    QString m_table;
};

const QString kVersionTable = u"alembic_version"_s;

} // namespace

void MigrationPlanner::applyRevisionStep(PlanStep &step, QStringList &heads) const
{
    const RevisionGraph::Node &node = m_graph.node(step.revision);
    const QString rev = node.id;
    QStringList downrevs;
    for (int d : node.normalizedDownRevisions())
        downrevs.append(m_graph.node(d).id);
    const bool upgrade = step.kind == PlanStep::Kind::Upgrade;
    const QStringList fromRevisions = upgrade ? downrevs : QStringList{rev};
    const QStringList toRevisions = upgrade ? QStringList{rev} : downrevs;
    HeadMaintainer maintainer(heads, step, kVersionTable);

    // What a downgrade leaves: the parents not already implied by other rows.
    auto unmergeTo = [&]() {
        const QStringList others = minus(heads, {rev});
        QStringList ancestors;
        if (!others.isEmpty()) {
            for (int a : ancestorsOfIds(others))
                ancestors.append(m_graph.node(a).id);
        } else {
            // Nor one target implied by another: a parent that is also an
            // ancestor (through depends_on) of the revision's other parent.
            // Alembic 1.8.1 kept both rows, an overlap that blocks the next
            // upgrade; Alembic 1.13.1 fixed it (sqlalchemy/alembic#1373) and
            // Retort writes the fixed rows.
            for (const QString &target : toRevisions)
                for (int a : ancestorsOfIds({target}))
                    if (m_graph.node(a).id != target)
                        ancestors.append(m_graph.node(a).id);
        }
        return minus(toRevisions, ancestors);
    };

    if (!upgrade && heads.contains(rev) && (downrevs.isEmpty() || unmergeTo().isEmpty())) {
        maintainer.remove(rev);
    } else if (upgrade && (downrevs.isEmpty() || intersect(heads, downrevs).isEmpty())) {
        maintainer.insert(rev);
    } else if (upgrade && downrevs.size() > 1 && intersect(heads, downrevs).size() > 1) {
        const QStringList others = minus(heads, fromRevisions);
        QStringList from = fromRevisions;
        if (!others.isEmpty()) {
            QStringList ancestors;
            for (int a : ancestorsOfIds(others))
                ancestors.append(m_graph.node(a).id);
            from = minus(fromRevisions, ancestors);
        }
        for (qsizetype i = 0; i + 1 < from.size(); ++i)
            maintainer.remove(from[i]);
        maintainer.update(from.last(), toRevisions.first());
    } else if (!upgrade && heads.contains(rev) && downrevs.size() > 1) {
        const QStringList to = unmergeTo();
        for (qsizetype i = 0; i + 1 < to.size(); ++i)
            maintainer.insert(to[i]);
        maintainer.update(rev, to.last());
    } else {
        QString down;
        if (downrevs.size() != 1) {
            const QStringList present = intersect(heads, downrevs);
            if (present.size() != 1)
                throw PlanFailure{u"Can't do an UPDATE because downrevision is ambiguous"_s};
            down = present.first();
        } else {
            down = downrevs.first();
        }
        if (upgrade)
            maintainer.update(down, rev);
        else
            maintainer.update(rev, down);
    }
    step.rowsAfter = heads;
}

namespace {

// _catch_revision_errors as the upgrade/downgrade commands configure it.
QString commandError(const RevisionError &e, const QString &destination, const QString &ancestorText)
{
    if (e.kind == RevisionError::Kind::RangeNotAncestor)
        return ancestorText.arg(destination);
    return e.commandMessage({}, destination);
}

} // namespace

MigrationPlanner::Result MigrationPlanner::upgrade(const QStringList &currentRows,
                                                   const QString &target) const
{
    Result result;
    result.plan.kind = MigrationPlan::Kind::Upgrade;
    result.plan.target = target;
    result.plan.rowsBefore = currentRows;
    const auto revisions = m_resolver.iterate(RevisionSpec::of(target),
                                              RevisionSpec::ofTuple(currentRows), true, false,
                                              true, false);
    if (!revisions) {
        result.error = commandError(*revisions.error, target,
                                    u"Destination %1 is not a valid upgrade target from current head(s)"_s);
        return result;
    }
    QStringList heads = currentRows;
    try {
        for (auto it = revisions.value.crbegin(); it != revisions.value.crend(); ++it) {
            PlanStep step;
            step.kind = PlanStep::Kind::Upgrade;
            step.revision = *it;
            const RevisionGraph::Node &node = m_graph.node(*it);
            step.fromRevisions = node.downRevisions;
            step.toRevisions = {node.id};
            step.doc = node.file.doc();
            applyRevisionStep(step, heads);
            result.plan.steps.append(step);
        }
    } catch (const PlanFailure &failure) {
        result.error = failure.message;
        return result;
    }
    result.plan.rowsAfter = heads;
    return result;
}

MigrationPlanner::Result MigrationPlanner::downgrade(const QStringList &currentRows,
                                                     const QString &target) const
{
    Result result;
    result.plan.kind = MigrationPlan::Kind::Downgrade;
    result.plan.target = target;
    result.plan.rowsBefore = currentRows;
    const auto revisions = m_resolver.iterate(RevisionSpec::ofTuple(currentRows),
                                              RevisionSpec::of(target), false, false, true, true);
    for (const QString &w : m_resolver.takeWarnings())
        result.plan.warnings.append(w);
    if (!revisions) {
        result.error = commandError(*revisions.error, target,
                                    u"Destination %1 is not a valid downgrade target from current head(s)"_s);
        return result;
    }
    QStringList heads = currentRows;
    try {
        for (int r : revisions.value) {
            PlanStep step;
            step.kind = PlanStep::Kind::Downgrade;
            step.revision = r;
            const RevisionGraph::Node &node = m_graph.node(r);
            step.fromRevisions = {node.id};
            step.toRevisions = node.downRevisions;
            step.doc = node.file.doc();
            applyRevisionStep(step, heads);
            result.plan.steps.append(step);
        }
    } catch (const PlanFailure &failure) {
        result.error = failure.message;
        return result;
    }
    result.plan.rowsAfter = heads;
    return result;
}

MigrationPlanner::Result MigrationPlanner::stamp(const QStringList &currentRows,
                                                 const QStringList &targets, bool purge) const
{
    Result result;
    result.plan.kind = MigrationPlan::Kind::Stamp;
    result.plan.target = targets.join(u' ');
    result.plan.purge = purge;
    result.plan.rowsBefore = currentRows;
    // --purge empties the table first, so unknown rows do not stand in the way.
    QStringList heads = purge ? QStringList{} : currentRows;
    try {
        QList<int> headRevisions;
        try {
            headRevisions = m_resolver.getRevisions(RevisionSpec::ofTuple(heads));
        } catch (const RevisionError &e) {
            throw PlanFailure{e.commandMessage()};
        }
        QStringList destinations = targets;
        if (destinations.isEmpty())
            destinations = {u"base"_s};

        QList<int> filteredHeads;
        QList<int> dests;
        try {
            for (const QString &destination : std::as_const(destinations)) {
                if (destination.isEmpty())
                    continue;
                // filter_for_lineage(heads, destination, include_dependencies=True)
                const QList<int> resolved = m_resolver.getRevisions(RevisionSpec::of(destination));
                const QString label =
                    destination.contains(u'@') ? destination.left(destination.indexOf(u'@')) : QString();
                QList<int> shares = resolved;
                if (!label.isEmpty())
                    shares.prepend(m_resolver.getRevision(RevisionSpec::of(label)));
                shares.removeAll(RevisionResolver::NoRevision);
                for (int h : std::as_const(headRevisions)) {
                    bool related = shares.isEmpty();
                    if (!related) {
                        const auto up = m_graph.reachable({h}, RevisionGraph::Direction::Ancestors,
                                                          RevisionGraph::Edges::WithDependencies);
                        const auto down = m_graph.reachable(
                            {h}, RevisionGraph::Direction::Descendants,
                            RevisionGraph::Edges::WithDependencies);
                        for (int s : shares)
                            if (s >= 0 && (up[size_t(s)] || down[size_t(s)]))
                                related = true;
                    }
                    if (related && !filteredHeads.contains(h))
                        filteredHeads.append(h);
                }
            }
            dests = m_resolver.getRevisions(RevisionSpec::ofTuple(destinations));
        } catch (const RevisionError &e) {
            if (e.kind == RevisionError::Kind::MultipleHeads)
                throw PlanFailure{u"Multiple heads are present; please specify a single target revision"_s};
            throw PlanFailure{e.commandMessage()};
        }
        if (dests.isEmpty())
            dests = {RevisionResolver::NoRevision};

        QStringList filteredIds;
        for (int h : std::as_const(filteredHeads))
            filteredIds.append(m_graph.node(h).id);

        for (int dest : std::as_const(dests)) {
            auto addStep = [&](const QStringList &from, const QString &to, bool isUpgrade,
                               bool branchMove) {
                PlanStep step;
                step.kind = PlanStep::Kind::Stamp;
                step.fromRevisions = from;
                step.toRevisions = to.isEmpty() ? QStringList{} : QStringList{to};
                HeadMaintainer maintainer(heads, step, kVersionTable);
                const QStringList toList = step.toRevisions;
                if (!isUpgrade && branchMove) {
                    maintainer.remove(from.first());
                } else if (isUpgrade && (branchMove || !minus(from, heads).isEmpty()) &&
                           !minus(toList, heads).isEmpty()) {
                    maintainer.insert(toList.first());
                } else if (from.size() > 1) {
                    for (qsizetype i = 0; i + 1 < from.size(); ++i)
                        maintainer.remove(from[i]);
                    maintainer.update(from.last(), toList.first());
                } else {
                    if (from.size() != 1 || toList.size() != 1)
                        throw PlanFailure{u"Nothing to stamp from"_s};
                    maintainer.update(from.first(), toList.first());
                }
                step.rowsAfter = heads;
                result.plan.steps.append(step);
            };

            if (dest == RevisionResolver::NoRevision) {
                for (const QString &h : std::as_const(filteredIds))
                    addStep({h}, {}, false, true);
                continue;
            }
            if (dest < 0)
                throw PlanFailure{u"Cannot stamp 'base' reached by a relative walk"_s};
            if (filteredHeads.contains(dest))
                continue;
            const auto descendants = m_graph.reachable({dest}, RevisionGraph::Direction::Descendants,
                                                       RevisionGraph::Edges::WithDependencies);
            const auto ancestors = m_graph.reachable({dest}, RevisionGraph::Direction::Ancestors,
                                                     RevisionGraph::Edges::WithDependencies);
            const bool headsAbove = std::any_of(filteredHeads.begin(), filteredHeads.end(),
                                                [&](int h) { return descendants[size_t(h)]; });
            const bool headsBelow = std::any_of(filteredHeads.begin(), filteredHeads.end(),
                                                [&](int h) { return ancestors[size_t(h)]; });
            const QString destId = m_graph.node(dest).id;
            if (headsAbove) {
                addStep(filteredIds, destId, false, false);
            } else if (headsBelow) {
                addStep(filteredIds, destId, true, false);
            } else {
                // A line not represented: a new row. Legitimate for an independent
                // base (one that only depends on another line is independent too),
                // and for `stamp heads`, the rows `upgrade heads` leaves; a mistake
                // when the row is a sibling of a stored one (they share a
                // down_revision ancestor).
                const bool askedForHeads = destinations.contains(u"heads"_s) &&
                                           m_graph.node(dest).isHead();
                const auto lineage = m_graph.reachable({dest}, RevisionGraph::Direction::Ancestors,
                                                       RevisionGraph::Edges::Versioned);
                for (const QString &other : askedForHeads ? QStringList() : heads) {
                    const int o = m_graph.indexOf(other);
                    if (o < 0)
                        continue;
                    const auto otherAncestors = m_graph.reachable(
                        {o}, RevisionGraph::Direction::Ancestors, RevisionGraph::Edges::Versioned);
                    bool shared = false;
                    for (size_t i = 0; i < otherAncestors.size(); ++i)
                        if (otherAncestors[i] && lineage[i])
                            shared = true;
                    if (shared) {
                        result.plan.warnings.append(
                            QCoreApplication::translate(
                                "retort::MigrationPlanner",
                                "Stamping %1 adds a second row beside %2, a revision of a sibling "
                                "branch: the database will then claim both branches are applied.")
                                .arg(destId, other));
                        break;
                    }
                }
                addStep({}, destId, true, true);
            }
        }
    } catch (const PlanFailure &failure) {
        result.error = failure.message;
        return result;
    }
    result.plan.rowsAfter = heads;
    return result;
}

} // namespace retort
