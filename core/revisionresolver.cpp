#include "revisionresolver.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

using Direction = RevisionGraph::Direction;

RevisionError makeError(const QString &message)
{
    RevisionError e;
    e.kind = RevisionError::Kind::General;
    e.message = message;
    return e;
}

RevisionError resolutionError(const QString &message, const QString &argument)
{
    RevisionError e;
    e.kind = RevisionError::Kind::Resolution;
    e.message = message;
    e.argument = argument;
    return e;
}

RevisionError unsupported(const QString &message)
{
    RevisionError e;
    e.kind = RevisionError::Kind::Unsupported;
    e.message = message;
    return e;
}

// Python's int() on a string: optional surrounding whitespace and sign,
// digits with single underscores between them.
std::optional<long long> pythonInt(const QString &text)
{
    const QString s = text.trimmed();
    qsizetype i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == u'+' || s[i] == u'-')) {
        negative = s[i] == u'-';
        ++i;
    }
    if (i >= s.size())
        return std::nullopt;
    long long value = 0;
    bool lastWasDigit = false;
    for (; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c == u'_' && lastWasDigit && i + 1 < s.size() && s[i + 1].isDigit()) {
            lastWasDigit = false;
            continue;
        }
        if (!c.isDigit())
            return std::nullopt;
        value = value * 10 + c.digitValue();
        if (value > (1LL << 40))
            value = 1LL << 40; // far beyond any history; avoids overflow
        lastWasDigit = true;
    }
    return negative ? -value : value;
}

// Alembic's _relative_destination, used with re.match (anchored at the start only).
const QRegularExpression &relativeDestination()
{
    static const QRegularExpression re(u"^(?:(.+?)@)?(\\w+)?((?:\\+|-)\\d+)"_s,
                                       QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

struct RelativeMatch
{
    QString branchLabel; // null when absent
    QString symbol;      // null when absent
    QString relative;
};

std::optional<RelativeMatch> matchRelative(const QString &target)
{
    const QRegularExpressionMatch m = relativeDestination().match(target);
    if (!m.hasMatch())
        return std::nullopt;
    RelativeMatch r;
    if (m.capturedStart(1) >= 0)
        r.branchLabel = m.captured(1);
    if (m.capturedStart(2) >= 0)
        r.symbol = m.captured(2);
    r.relative = m.captured(3);
    return r;
}

} // namespace

QString RevisionSpec::display() const
{
    switch (type) {
    case Type::None:
        return u"None"_s;
    case Type::String:
        return string;
    case Type::Tuple: {
        QStringList quoted;
        for (const QString &t : tuple)
            quoted.append(u"'"_s + t + u"'"_s);
        return u"("_s + quoted.join(u", "_s) + (tuple.size() == 1 ? u",)"_s : u")"_s);
    }
    }
    return {};
}

QString RevisionError::commandMessage(const QString &start, const QString &end) const
{
    switch (kind) {
    case Kind::RangeNotAncestor:
        return u"Requested range %1:%2 does not refer to ancestor/descendant revisions along the same branch"_s
            .arg(start.isNull() ? lower : start, end.isNull() ? upper : end);
    case Kind::MultipleHeads: {
        const QString headArg = end.isEmpty() ? argument : end;
        return u"Multiple head revisions are present for given argument '%1'; please specify a specific target revision, '<branchname>@%1' to narrow to a specific head, or 'heads' for all heads"_s
            .arg(headArg);
    }
    case Kind::Resolution:
        return u"Can't locate revision identified by '%1'"_s.arg(argument);
    case Kind::General:
    case Kind::Unsupported:
        return message;
    }
    return message;
}

QStringList RevisionResolver::takeWarnings() const
{
    return std::exchange(m_warnings, {});
}

QStringList RevisionResolver::idsOf(const QList<int> &revisions) const
{
    QStringList ids;
    for (int r : revisions)
        if (r >= 0)
            ids.append(m_graph.node(r).id);
    return ids;
}

QList<int> RevisionResolver::onlyRevisions(const QList<int> &revisions)
{
    QList<int> result;
    for (int r : revisions)
        if (r >= 0)
            result.append(r);
    return result;
}

// --- resolution -------------------------------------------------------------

RevisionResolver::Resolution RevisionResolver::resolveRevisionNumber(const RevisionSpec &spec) const
{
    Resolution result;
    QString id = spec.string;
    if (spec.type == RevisionSpec::Type::String && id.contains(u'@')) {
        const qsizetype at = id.indexOf(u'@');
        result.branchLabel = id.left(at);
        id = id.mid(at + 1);
    }
    if (spec.type == RevisionSpec::Type::Tuple) {
        result.ids = spec.tuple;
        return result;
    }
    if (spec.type == RevisionSpec::Type::None || id == u"base"_s)
        return result;
    if (id == u"heads"_s) {
        if (!result.branchLabel.isEmpty())
            result.ids = idsOf(filterForLineage(m_graph.heads(), result.branchLabel));
        else
            result.ids = idsOf(m_graph.realHeads());
        return result;
    }
    if (id == u"head"_s) {
        const QString head = currentHead(result.branchLabel);
        if (!head.isEmpty())
            result.ids = {head};
        return result;
    }
    result.ids = {id};
    return result;
}

QString RevisionResolver::currentHead(const QString &branchLabel) const
{
    QList<int> heads = m_graph.heads();
    if (!branchLabel.isEmpty())
        heads = filterForLineage(heads, branchLabel);
    if (heads.size() > 1) {
        RevisionError e;
        e.kind = RevisionError::Kind::MultipleHeads;
        e.heads = idsOf(heads);
        e.argument = branchLabel.isEmpty() ? u"head"_s : branchLabel + u"@head"_s;
        e.message = u"Multiple heads are present for given argument '%1'; %2"_s.arg(
            e.argument, e.heads.join(u", "_s));
        throw e;
    }
    return heads.isEmpty() ? QString() : m_graph.node(heads.first()).id;
}

int RevisionResolver::resolveBranch(const QString &branchLabel) const
{
    const int direct = m_graph.lookup(branchLabel);
    if (direct >= 0)
        return direct;
    try {
        return revisionForIdent(branchLabel, {});
    } catch (const RevisionError &e) {
        if (e.kind != RevisionError::Kind::Resolution)
            throw;
        throw resolutionError(u"No such branch: '%1'"_s.arg(branchLabel), branchLabel);
    }
}

int RevisionResolver::revisionForIdent(const QString &resolvedId, const QString &checkBranch) const
{
    int branchRevision = NoRevision;
    if (!checkBranch.isEmpty())
        branchRevision = resolveBranch(checkBranch);

    int revision = NoRevision;
    if (!resolvedId.isNull()) { // a null id is Python's (), which maps to None
        revision = m_graph.lookup(resolvedId);
        if (revision < 0 && resolvedId.isEmpty())
            throw unsupported(u"An empty revision identifier names no revision"_s); // Alembic asserts
        if (revision < 0) {
            QList<int> candidates;
            QStringList candidateKeys;
            for (const QString &key : m_graph.orderedKeys()) {
                if (key.size() > 3 && key.startsWith(resolvedId)) {
                    candidateKeys.append(key);
                    candidates.append(m_graph.lookup(key));
                }
            }
            if (branchRevision >= 0) {
                QStringList kept;
                for (qsizetype i = 0; i < candidates.size(); ++i)
                    if (sharesLineage(candidates[i], {branchRevision}, false))
                        kept.append(candidateKeys[i]);
                candidateKeys = kept;
            }
            if (candidateKeys.isEmpty()) {
                throw resolutionError(
                    u"No such revision or branch '%1'%2"_s.arg(
                        resolvedId,
                        resolvedId.size() < 4
                            ? u"; please ensure at least four characters are present for partial revision identifier matches"_s
                            : QString()),
                    resolvedId);
            }
            if (candidateKeys.size() > 1) {
                QStringList quoted;
                for (const QString &k : candidateKeys.mid(0, 3))
                    quoted.append(u"'"_s + k + u"'"_s);
                throw resolutionError(u"Multiple revisions start with '%1': %2..."_s.arg(
                                          resolvedId, quoted.join(u", "_s)),
                                      resolvedId);
            }
            revision = m_graph.lookup(candidateKeys.first());
        }
    }
    if (!checkBranch.isEmpty() && revision >= 0) {
        if (!sharesLineage(revision, {branchRevision}, false))
            throw resolutionError(u"Revision %1 is not a member of branch '%2'"_s.arg(
                                      m_graph.node(revision).id, checkBranch),
                                  resolvedId);
    }
    return revision;
}

QList<int> RevisionResolver::filterForLineage(const QList<int> &targets,
                                              const QString &checkAgainst,
                                              bool includeDependencies) const
{
    const Resolution r = resolveRevisionNumber(RevisionSpec::of(checkAgainst));
    QList<int> shares;
    if (!r.branchLabel.isEmpty())
        shares.append(revisionForIdent(r.branchLabel, {}));
    for (const QString &id : r.ids)
        shares.append(revisionForIdent(id, {}));
    if (r.branchLabel.isEmpty() && r.ids.isEmpty())
        return targets;
    QList<int> result;
    for (int t : targets)
        if (t >= 0 && sharesLineage(t, shares, includeDependencies))
            result.append(t);
    return result;
}

bool RevisionResolver::sharesLineage(int target, const QList<int> &testAgainst,
                                     bool includeDependencies) const
{
    if (testAgainst.isEmpty())
        return true;
    const auto edges = includeDependencies ? RevisionGraph::Edges::WithDependencies
                                           : RevisionGraph::Edges::Versioned;
    const std::vector<bool> down = m_graph.reachable({target}, Direction::Descendants, edges);
    const std::vector<bool> up = m_graph.reachable({target}, Direction::Ancestors, edges);
    for (int t : testAgainst)
        if (t >= 0 && (down[size_t(t)] || up[size_t(t)]))
            return true;
    return false;
}

QList<int> RevisionResolver::getRevisions(const RevisionSpec &id) const
{
    if (id.type == RevisionSpec::Type::Tuple) {
        QList<int> all;
        for (const QString &element : id.tuple)
            all += getRevisions(RevisionSpec::of(element));
        return all;
    }
    const Resolution r = resolveRevisionNumber(id);
    if (r.ids.size() == 1) {
        const std::optional<long long> number = pythonInt(r.ids.first());
        if (number && *number < 0) {
            // branch@-n: walk down from the heads
            QList<int> heads = getRevisions(RevisionSpec::of(u"heads"_s));
            if (!r.branchLabel.isNull()) {
                QList<int> kept;
                for (int h : heads)
                    if (m_graph.node(h).branchLabels.contains(r.branchLabel))
                        kept.append(h);
                heads = kept;
            }
            QList<int> result;
            for (int h : heads)
                result.append(walkSteps(h, int(*number), {}, true));
            return result;
        }
    }
    QList<int> result;
    for (const QString &rid : r.ids)
        result.append(revisionForIdent(rid, r.branchLabel));
    return result;
}

int RevisionResolver::getRevision(const RevisionSpec &id) const
{
    const Resolution r = resolveRevisionNumber(id);
    if (r.ids.size() > 1) {
        RevisionError e;
        e.kind = RevisionError::Kind::MultipleHeads;
        e.heads = r.ids;
        e.argument = id.display();
        e.message = u"Multiple heads are present for given argument '%1'; %2"_s.arg(
            e.argument, r.ids.join(u", "_s));
        throw e;
    }
    return revisionForIdent(r.ids.isEmpty() ? QString() : r.ids.first(), r.branchLabel);
}

// --- walking ----------------------------------------------------------------

int RevisionResolver::walkSteps(int start, int steps, const QString &branchLabel,
                                bool noOverwalk) const
{
    int initial = start;
    for (int step = 0; step < std::abs(steps); ++step) {
        QList<int> children;
        if (steps > 0) {
            if (initial == BaseMarker)
                throw unsupported(u"Cannot walk up from 'base'"_s);
            QList<int> walkUp;
            if (initial == NoRevision)
                walkUp = getRevisions(RevisionSpec::ofTuple(idsOf(m_graph.bases())));
            else
                walkUp = getRevisions(RevisionSpec::ofTuple(idsOf(m_graph.node(initial).children)));
            children = branchLabel.isEmpty() ? walkUp : filterForLineage(walkUp, branchLabel);
        } else {
            if (initial != BaseMarker) {
                if (initial == NoRevision)
                    children = getRevisions(RevisionSpec::ofTuple(idsOf(m_graph.heads())));
                else
                    children = getRevisions(
                        RevisionSpec::ofTuple(m_graph.node(initial).downRevisions));
                if (children.isEmpty())
                    children = {BaseMarker};
            }
        }
        if (children.isEmpty())
            return noOverwalk ? NoRevision : initial;
        if (children.size() > 1)
            throw makeError(u"Ambiguous walk"_s);
        initial = children.first();
    }
    return initial;
}

std::pair<QString, int> RevisionResolver::parseDowngradeTarget(const RevisionSpec &current,
                                                               const QString &target,
                                                               bool assertRelativeLength) const
{
    if (target.isNull())
        return {QString(), NoRevision};
    if (const std::optional<RelativeMatch> match = matchRelative(target)) {
        QString branchLabel = match->branchLabel;
        QString symbol = match->symbol;
        const long long relative = pythonInt(match->relative).value_or(0);
        if (relative >= 0) {
            if (symbol.isNull())
                throw makeError(u"Relative revision %1 didn't produce %2 migrations"_s.arg(
                    match->relative, QString::number(std::abs(relative))));
            const int rev = walkSteps(getRevision(RevisionSpec::of(symbol)), int(relative),
                                      branchLabel, assertRelativeLength);
            if (rev == NoRevision)
                throw makeError(u"Walked too far"_s);
            return {branchLabel, rev};
        }
        const bool relativeToCurrent = symbol.isNull();
        if (relativeToCurrent) {
            QStringList currentIds = current.type == RevisionSpec::Type::Tuple ? current.tuple
                                     : current.type == RevisionSpec::Type::String
                                         ? QStringList{current.string}
                                         : QStringList{};
            if (!branchLabel.isNull()) {
                QList<int> onBranch = filterForLineage(
                    getRevisions(RevisionSpec::ofTuple(currentIds)), branchLabel);
                if (onBranch.isEmpty())
                    onBranch = filterForLineage(
                        allCurrentOf(getRevisions(RevisionSpec::ofTuple(currentIds))), branchLabel);
                if (onBranch.size() != 1)
                    throw unsupported(
                        u"Cannot tell which current revision of branch '%1' to start from"_s.arg(
                            branchLabel));
                symbol = m_graph.node(onBranch.first()).id;
            } else {
                if (currentIds.isEmpty())
                    throw makeError(u"Relative revision %1 didn't produce %2 migrations"_s.arg(
                        QString::number(relative), QString::number(std::abs(relative))));
                if (QSet<QString>(currentIds.begin(), currentIds.end()).size() > 1)
                    m_warnings.append(
                        u"downgrade -1 from multiple heads is ambiguous; this usage will be disallowed in a future release."_s);
                symbol = currentIds.first();
                branchLabel = symbol;
            }
        }
        const int start = branchLabel.isNull()
                              ? getRevision(RevisionSpec::of(symbol))
                              : getRevision(RevisionSpec::of(branchLabel + u"@"_s + symbol));
        const int rev = walkSteps(start, int(relative), {}, assertRelativeLength);
        if (rev == NoRevision) {
            if (relativeToCurrent)
                throw makeError(u"Relative revision %1 didn't produce %2 migrations"_s.arg(
                    QString::number(relative), QString::number(std::abs(relative))));
            throw makeError(u"Walked too far"_s);
        }
        return {branchLabel, rev};
    }
    // Absolute target: the label is whatever precedes the last '@'.
    const qsizetype at = target.lastIndexOf(u'@');
    const QString branchLabel = at > 0 ? target.left(at) : QString();
    const QString symbol = at >= 0 ? target.mid(at + 1) : target;
    return {branchLabel, getRevision(RevisionSpec::of(symbol))};
}

QList<int> RevisionResolver::parseUpgradeTarget(const RevisionSpec &current,
                                                const RevisionSpec &target,
                                                bool assertRelativeLength) const
{
    std::optional<RelativeMatch> match;
    if (target.type == RevisionSpec::Type::String)
        match = matchRelative(target.string);
    if (!match)
        return getRevisions(target);

    const QString &branchLabel = match->branchLabel;
    const long long relative = pythonInt(match->relative).value_or(0);
    if (relative > 0) {
        if (match->symbol.isNull()) {
            // Start from the current revision(s), narrowed to the branch if given.
            int start = NoRevision;
            if (!branchLabel.isNull()) {
                const QList<int> currentRevisions = getRevisions(current);
                QList<int> startRevisions = filterForLineage(currentRevisions, branchLabel);
                if (startRevisions.isEmpty()) {
                    // Not on the branch yet: find the tips of the current ancestry on it.
                    const QList<int> active = filterForLineage(
                        related(currentRevisions, Direction::Ancestors, true, false), branchLabel);
                    QSet<int> below;
                    for (int a : active)
                        for (int d : m_graph.node(a).normalizedDownRevisions())
                            below.insert(d);
                    for (int a : active)
                        if (!below.contains(a) && !startRevisions.contains(a))
                            startRevisions.append(a);
                }
                if (startRevisions.size() > 1)
                    throw makeError(u"Ambiguous upgrade from multiple current revisions"_s);
                if (!startRevisions.isEmpty())
                    start = startRevisions.first();
            } else {
                // Alembic looks at the raw identifiers here, not at resolved revisions.
                const QStringList raw = current.type == RevisionSpec::Type::Tuple ? current.tuple
                                        : current.type == RevisionSpec::Type::String
                                            ? QStringList{current.string}
                                            : QStringList{};
                if (raw.size() > 1)
                    throw makeError(u"Ambiguous upgrade from multiple current revisions"_s);
                if (!raw.isEmpty())
                    start = getRevision(RevisionSpec::of(raw.first()));
            }
            const int rev = walkSteps(start, int(relative), branchLabel, assertRelativeLength);
            if (rev == NoRevision)
                throw makeError(u"Relative revision %1 didn't produce %2 migrations"_s.arg(
                    match->relative, QString::number(std::abs(relative))));
            return {rev};
        }
        return {walkSteps(getRevision(RevisionSpec::of(match->symbol)), int(relative), branchLabel,
                          assertRelativeLength)};
    }
    if (match->symbol.isNull())
        throw makeError(u"Relative revision %1 didn't produce %2 migrations"_s.arg(
            QString::number(relative), QString::number(std::abs(relative))));
    const int start =
        branchLabel.isNull()
            ? getRevision(RevisionSpec::of(match->symbol))
            : getRevision(RevisionSpec::of(branchLabel + u"@"_s + match->symbol));
    return {walkSteps(start, int(relative), {}, assertRelativeLength)};
}

// --- traversal --------------------------------------------------------------

QList<int> RevisionResolver::related(const QList<int> &targets, Direction direction,
                                     bool includeDependencies, bool check,
                                     bool omitImmediateDependencies) const
{
    for (int t : targets)
        if (t == BaseMarker)
            throw unsupported(u"'base' is not a revision"_s);
    const QList<int> real = onlyRevisions(targets);
    const QSet<int> targetSet(real.begin(), real.end());
    std::vector<bool> seen(size_t(m_graph.size()), false);
    std::vector<int> todo;
    QList<int> order;
    for (int target : real) {
        QSet<int> perTarget;
        todo.push_back(target);
        while (!todo.empty()) {
            const int rev = todo.back();
            todo.pop_back();
            if (check)
                perTarget.insert(rev);
            if (seen[size_t(rev)])
                continue;
            seen[size_t(rev)] = true;
            const RevisionGraph::Node &n = m_graph.node(rev);
            if (direction == Direction::Ancestors) {
                for (int x : includeDependencies ? n.normalizedDownRevisions() : n.parents)
                    todo.push_back(x);
            } else {
                const bool all = omitImmediateDependencies ? !targetSet.contains(rev)
                                                           : includeDependencies;
                for (int x : all ? n.allChildren : n.children)
                    todo.push_back(x);
            }
            order.append(rev);
        }
        if (check) {
            QStringList overlaps;
            for (int other : real)
                if (other != target && perTarget.contains(other) &&
                    !overlaps.contains(m_graph.node(other).id))
                    overlaps.append(m_graph.node(other).id);
            if (!overlaps.isEmpty())
                throw makeError(u"Requested revision %1 overlaps with other requested revisions %2"_s
                                    .arg(m_graph.node(target).id, overlaps.join(u", "_s)));
        }
    }
    return order;
}

QList<int> RevisionResolver::topologicalSort(const QList<int> &revisions,
                                             const QList<int> &heads) const
{
    // Alembic's _topological_sort, step for step: walk down from the heads in
    // map order, switching to another head whenever it still needs the
    // candidate, so that ties resolve exactly as Alembic resolves them.
    const size_t count = size_t(m_graph.size());
    std::vector<bool> todo(count, false);
    qsizetype remaining = 0;
    for (int r : revisions)
        if (r >= 0 && !todo[size_t(r)]) {
            todo[size_t(r)] = true;
            ++remaining;
        }
    auto ancestorsOf = [&](int rev) {
        return m_graph.reachable({rev}, Direction::Ancestors,
                                 RevisionGraph::Edges::WithDependencies);
    };

    QList<int> currentHeads;
    for (int h : heads)
        if (h >= 0 && todo[size_t(h)] && !currentHeads.contains(h))
            currentHeads.append(h);
    std::sort(currentHeads.begin(), currentHeads.end());
    std::vector<std::vector<bool>> ancestorsByIndex;
    for (int h : currentHeads)
        ancestorsByIndex.push_back(ancestorsOf(h));

    QList<int> output;
    qsizetype candidateIndex = 0;
    while (!currentHeads.isEmpty()) {
        const int candidate = currentHeads[candidateIndex];
        bool deferred = false;
        for (qsizetype other = 0; other < qsizetype(ancestorsByIndex.size()); ++other) {
            if (other != candidateIndex && ancestorsByIndex[size_t(other)][size_t(candidate)]) {
                candidateIndex = other; // another head depends on us: it goes first
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
        const RevisionGraph::Node &node = m_graph.node(candidate);
        QList<int> headsToAdd;
        for (int r : node.normalizedDownRevisions())
            if (todo[size_t(r)] && !currentHeads.contains(r))
                headsToAdd.append(r);
        if (headsToAdd.isEmpty()) {
            currentHeads.removeAt(candidateIndex);
            ancestorsByIndex.erase(ancestorsByIndex.begin() + candidateIndex);
            candidateIndex = std::max<qsizetype>(candidateIndex - 1, 0);
        } else if (node.normalizedDependencies.isEmpty() && node.downRevisions.size() == 1) {
            currentHeads[candidateIndex] = headsToAdd.first();
            ancestorsByIndex[size_t(candidateIndex)][size_t(candidate)] = false;
        } else {
            currentHeads[candidateIndex] = headsToAdd.first();
            ancestorsByIndex[size_t(candidateIndex)] = ancestorsOf(headsToAdd.first());
            for (qsizetype i = 1; i < headsToAdd.size(); ++i) {
                currentHeads.append(headsToAdd[i]);
                ancestorsByIndex.push_back(ancestorsOf(headsToAdd[i]));
            }
        }
    }
    if (remaining != 0)
        throw unsupported(u"Revisions could not be ordered (a dependency outside the walk)"_s);
    return output;
}

std::pair<QList<int>, QList<int>>
RevisionResolver::collectUpgrade(const RevisionSpec &upper, RevisionSpec lower, bool inclusive,
                                 bool implicitBase, bool assertRelativeLength) const
{
    QList<int> targets = parseUpgradeTarget(lower, upper, assertRelativeLength);
    for (int t : targets)
        if (t < 0)
            throw unsupported(u"The target '%1' is not a revision"_s.arg(upper.display()));

    if (lower.type == RevisionSpec::Type::String && lower.string.contains(u'@')) {
        QString branch = lower.string.left(lower.string.indexOf(u'@'));
        const int branchRevision = getRevision(RevisionSpec::of(branch));
        if (branchRevision >= 0 && m_graph.node(branchRevision).id == branch) {
            const QStringList &labels = m_graph.node(branchRevision).branchLabels;
            if (labels.size() != 1)
                throw unsupported(u"Revision %1 does not name a single branch"_s.arg(branch));
            branch = labels.first();
        }
        QList<int> kept;
        for (int t : targets)
            if (m_graph.node(t).branchLabels.contains(branch))
                kept.append(t);
        targets = kept;
    }

    QList<int> requiredOrder = related(targets, Direction::Ancestors, true, true);
    std::vector<bool> required(size_t(m_graph.size()), false);
    for (int r : requiredOrder)
        required[size_t(r)] = true;
    for (int t : targets)
        required[size_t(t)] = true;

    QList<int> currentRevisions = getRevisions(lower);
    if (!implicitBase) {
        for (int c : currentRevisions) {
            if (c == NoRevision)
                continue;
            if (c == BaseMarker || !required[size_t(c)]) {
                RevisionError e;
                e.kind = RevisionError::Kind::RangeNotAncestor;
                e.lower = lower.isFalsy() ? u"base"_s : lower.display();
                e.upper = upper.isFalsy() ? u"base"_s : upper.display();
                e.message = u"Revision %1 is not an ancestor of revision %2"_s.arg(e.lower, e.upper);
                throw e;
            }
        }
    }
    if (!currentRevisions.isEmpty() && currentRevisions.first() == NoRevision) {
        // A relative lower bound that get_revisions could not place.
        const auto [label, rev] = parseDowngradeTarget(
            upper, lower.type == RevisionSpec::Type::String ? lower.string : QString(),
            assertRelativeLength);
        Q_UNUSED(label);
        if (rev == NoRevision)
            throw unsupported(u"The range start '%1' is not a revision"_s.arg(lower.display()));
        if (rev == BaseMarker) {
            currentRevisions.clear();
            lower = RevisionSpec::none();
        } else {
            currentRevisions = {rev};
            lower = RevisionSpec::of(m_graph.node(rev).id);
        }
    }
    QList<int> currentAncestors = related(currentRevisions, Direction::Ancestors, true, true);
    std::vector<bool> currentSet(size_t(m_graph.size()), false);
    for (int r : currentAncestors)
        currentSet[size_t(r)] = true;
    for (int c : currentRevisions)
        if (c >= 0)
            currentSet[size_t(c)] = true;

    std::vector<bool> needs(size_t(m_graph.size()), false);
    for (int i = 0; i < m_graph.size(); ++i)
        needs[size_t(i)] = required[size_t(i)] && !currentSet[size_t(i)];
    if (inclusive) {
        for (int r : getRevisions(lower)) {
            if (r < 0)
                throw unsupported(u"The range start '%1' is not a revision"_s.arg(lower.display()));
            needs[size_t(r)] = true;
        }
    }
    if (!currentRevisions.isEmpty() && !implicitBase) {
        const QList<int> lowerDescendants =
            related(currentRevisions, Direction::Descendants, false, true);
        std::vector<bool> keep(size_t(m_graph.size()), false);
        for (int d : lowerDescendants)
            keep[size_t(d)] = true;
        for (size_t i = 0; i < needs.size(); ++i)
            needs[i] = needs[i] && keep[i];
    }
    QList<int> result;
    for (int i = 0; i < m_graph.size(); ++i)
        if (needs[size_t(i)])
            result.append(i);
    return {result, targets};
}

std::pair<QList<int>, QList<int>>
RevisionResolver::collectDowngrade(const RevisionSpec &upper, const RevisionSpec &target,
                                   bool inclusive, bool implicitBase,
                                   bool assertRelativeLength) const
{
    auto [branchLabel, targetRevision] = parseDowngradeTarget(
        upper, target.type == RevisionSpec::Type::String ? target.string : QString(),
        assertRelativeLength);
    if (targetRevision == BaseMarker)
        targetRevision = NoRevision;

    QList<int> roots;
    if (targetRevision == NoRevision) {
        // Alembic walks its map's values, where a labelled base appears once
        // per key; the count matters for the branch filter below.
        for (const QString &key : m_graph.orderedKeys()) {
            const int i = m_graph.lookup(key);
            if (m_graph.node(i).isBase())
                roots.append(i);
        }
    } else if (inclusive) {
        roots = {targetRevision};
    } else {
        roots = getRevisions(RevisionSpec::ofTuple(idsOf(m_graph.node(targetRevision).children)));
    }

    if (!branchLabel.isNull() && roots.size() > 1) {
        const std::vector<bool> ancestors = m_graph.reachable(
            {resolveBranch(branchLabel)}, Direction::Ancestors, RevisionGraph::Edges::Versioned);
        QList<int> kept;
        for (int r : roots)
            if (ancestors[size_t(r)] && !kept.contains(r))
                kept.append(r);
        roots = kept;
        if (roots.isEmpty())
            throw makeError(u"Not a valid downgrade target from current heads"_s);
    }

    const QList<int> heads = getRevisions(upper);
    const QList<int> downgradeOrder =
        related(roots, Direction::Descendants, true, false, false);
    const QList<int> activeOrder = related(heads, Direction::Ancestors, true, false);
    std::vector<bool> active(size_t(m_graph.size()), false);
    for (int a : activeOrder)
        active[size_t(a)] = true;
    std::vector<bool> drop(size_t(m_graph.size()), false);
    for (int d : downgradeOrder)
        drop[size_t(d)] = active[size_t(d)];
    if (implicitBase) {
        const std::vector<bool> rootAncestors =
            m_graph.reachable(onlyRevisions(roots), Direction::Ancestors,
                              RevisionGraph::Edges::WithDependencies);
        for (size_t i = 0; i < drop.size(); ++i)
            if (active[i] && !rootAncestors[i])
                drop[i] = true;
    }
    QList<int> result;
    for (int i = 0; i < m_graph.size(); ++i)
        if (drop[size_t(i)])
            result.append(i);
    if (targetRevision != NoRevision && result.isEmpty() && !heads.contains(targetRevision)) {
        RevisionError e;
        e.kind = RevisionError::Kind::RangeNotAncestor;
        e.lower = u"Nothing to drop"_s;
        e.upper = upper.isFalsy() ? u"base"_s : upper.display();
        e.message = u"Revision %1 is not an ancestor of revision %2"_s.arg(e.lower, e.upper);
        throw e;
    }
    return {result, heads};
}

QList<int> RevisionResolver::allCurrentOf(const QList<int> &revisions) const
{
    QList<int> top = onlyRevisions(revisions);
    for (int a : related(top, Direction::Ancestors, true, false))
        if (!top.contains(a))
            top.append(a);
    std::vector<bool> inSet(size_t(m_graph.size()), false);
    for (int t : top)
        inSet[size_t(t)] = true;
    // Keep the revisions none of whose descendants is also in the set.
    QList<int> result;
    for (int i = 0; i < m_graph.size(); ++i) {
        if (!inSet[size_t(i)])
            continue;
        bool hasDescendantInSet = false;
        m_graph.visit({i}, Direction::Descendants, RevisionGraph::Edges::Versioned, [&](int d) {
            if (d != i && inSet[size_t(d)])
                hasDescendantInSet = true;
        });
        if (!hasDescendantInSet)
            result.append(i);
    }
    return result;
}

// --- public, non-throwing ---------------------------------------------------

template <class F>
static auto guarded(F &&f) -> Resolved<decltype(f())>
{
    Resolved<decltype(f())> result;
    try {
        result.value = f();
    } catch (const RevisionError &e) {
        result.error = e;
    }
    return result;
}

Resolved<QList<int>> RevisionResolver::revisions(const RevisionSpec &id) const
{
    return guarded([&] { return getRevisions(id); });
}

Resolved<int> RevisionResolver::revision(const RevisionSpec &id) const
{
    return guarded([&] { return getRevision(id); });
}

Resolved<QList<int>> RevisionResolver::iterate(const RevisionSpec &upper, const RevisionSpec &lower,
                                               bool implicitBase, bool inclusive,
                                               bool assertRelativeLength,
                                               bool selectForDowngrade) const
{
    return guarded([&] {
        const auto [revs, heads] =
            selectForDowngrade
                ? collectDowngrade(upper, lower, inclusive, implicitBase, assertRelativeLength)
                : collectUpgrade(upper, lower, inclusive, implicitBase, assertRelativeLength);
        return topologicalSort(revs, heads);
    });
}

Resolved<QList<int>> RevisionResolver::walk(const RevisionSpec &base, const RevisionSpec &head) const
{
    return iterate(head, base, false, true, false, false);
}

Resolved<QList<int>> RevisionResolver::allCurrent(const QStringList &rows) const
{
    return guarded([&] { return allCurrentOf(getRevisions(RevisionSpec::ofTuple(rows))); });
}

} // namespace retort
