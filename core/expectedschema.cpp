#include "expectedschema.h"

#include "migrationplan.h"
#include "project.h"
#include "scratchdatabase.h"
#include "sqliteconnection.h"
#include "sqlrenderer.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>

#include <sqlite3.h>

#include <optional>
#include <set>
#include <variant>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// Gives lupdate the context of the free functions' texts.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(retort::ExpectedSchemas)
};

// An in-memory database holding some revision's schema, with a reader that
// remembers what it has reflected before.
class Scratch
{
public:
    Scratch() : m_handle(SqliteConnection::handleOf(m_database.database())) {}

    bool ok() const { return m_handle != nullptr; }
    QSqlDatabase database() const { return m_database.database(); }

    // Runs one statement; returns SQLite's message when it fails.
    QString execute(const QString &sql)
    {
        if (!m_handle)
            return Text::tr("Cannot create a scratch database.");
        char *message = nullptr;
        const int code =
            sqlite3_exec(m_handle, sql.toUtf8().constData(), nullptr, nullptr, &message);
        if (code == SQLITE_OK)
            return {};
        const QString text = message ? QString::fromUtf8(message) : QString::number(code);
        sqlite3_free(message);
        return text;
    }

    QString load(const QStringList &statements)
    {
        for (const QString &statement : statements) {
            const QString error = execute(statement);
            if (!error.isEmpty())
                return error + u"\n"_s + statement;
        }
        return {};
    }

    SchemaSnapshot::ReadResult read(SchemaReader &reader) { return reader.read(m_handle); }

private:
    ScratchDatabase m_database;
    sqlite3 *m_handle = nullptr;
};

Translation translateFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Translation t;
        t.reason = Text::tr("cannot read %1: %2").arg(path, file.errorString());
        return t;
    }
    return SqlTranslator::translate(QString::fromUtf8(file.readAll()),
                                    SqlTranslator::Direction::Upgrade);
}

QString untranslatableReason(const RevisionGraph &graph, const Translation &translation,
                             int revision)
{
    const RevisionGraph::Node &node = graph.node(revision);
    const QString where = translation.line > 0
                              ? u"%1:%2"_s.arg(node.file.path).arg(translation.line)
                              : node.file.path;
    return Text::tr("revision %1 cannot be translated to SQL (%2): %3")
        .arg(node.id, where, translation.reason);
}

// Literal SQL that only reads or changes rows: it cannot change the schema.
bool isDataOnly(const QString &sql)
{
    static const QRegularExpression data(
        uR"(^\s*(?:--[^\n]*\n\s*)*(?:INSERT|UPDATE|DELETE|REPLACE|SELECT)\b[^;]*;?\s*$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return data.match(sql).hasMatch();
}

bool isDataOp(const MigrationOp &op)
{
    if (std::holds_alternative<BulkInsertOp>(op.operation))
        return true;
    if (const auto *execute = std::get_if<ExecuteOp>(&op.operation))
        return isDataOnly(execute->sql);
    return false;
}

// The tables (lower case) a revision's schema changes are confined to, or
// nothing when they may reach further (literal DDL, renames, which SQLite
// propagates into other tables' definitions).
std::optional<QSet<QString>> touchedTables(const Translation &translation,
                                           const SchemaSnapshot &state)
{
    QSet<QString> tables;
    for (const MigrationOp &op : translation.ops) {
        if (isDataOp(op))
            continue;
        QString table;
        if (const auto *o = std::get_if<CreateTableOp>(&op.operation))
            table = o->table;
        else if (const auto *o = std::get_if<DropTableOp>(&op.operation))
            table = o->table;
        else if (const auto *o = std::get_if<AddColumnOp>(&op.operation))
            table = o->table;
        else if (const auto *o = std::get_if<DropColumnOp>(&op.operation))
            table = o->table;
        else if (const auto *o = std::get_if<CreateIndexOp>(&op.operation))
            table = o->index.table;
        else if (const auto *o = std::get_if<BatchOp>(&op.operation))
            table = o->table;
        else if (const auto *o = std::get_if<DropIndexOp>(&op.operation)) {
            table = o->table;
            if (const SchemaIndex *index = state.index(o->name))
                table = index->table;
        } else
            return std::nullopt;
        if (!table.isEmpty())
            tables.insert(table.toLower());
    }
    return tables;
}

// Renders and runs a revision's schema-changing ops on the scratch database,
// op by op (a batch rebuild reflects the table as the earlier ops left it).
// Returns why it could not, translated; empty on success.
QString runOps(Scratch &scratch, const RevisionGraph &graph, const Translation &translation,
               int revision)
{
    const RevisionGraph::Node &node = graph.node(revision);
    const SqliteSchemaReflector reflector(scratch.database());
    for (const MigrationOp &op : translation.ops) {
        if (isDataOp(op))
            continue; // rows do not make a schema
        const RenderResult rendered = SqlRenderer::renderStatements(op, reflector);
        if (!rendered)
            return Text::tr("revision %1: %2").arg(node.id, rendered.error);
        for (const RenderedStatement &statement : rendered.statements) {
            const QString error = scratch.execute(statement.sql);
            if (!error.isEmpty())
                return Text::tr("revision %1: a statement fails on the schema replayed so far: "
                                "%2\n%3")
                    .arg(node.id, error, statement.sql);
        }
    }
    return {};
}

int ancestorCount(const RevisionGraph &graph, int revision)
{
    int count = 0;
    for (bool reached : graph.reachable({revision}, RevisionGraph::Direction::Ancestors,
                                        RevisionGraph::Edges::WithDependencies))
        count += reached ? 1 : 0;
    return count;
}

// The revision among `revisions` with the most ancestors: replaying from its
// schema leaves the least to apply.
int richest(const RevisionGraph &graph, const QList<int> &revisions)
{
    int best = revisions.value(0, -1);
    int bestCount = -1;
    for (int r : revisions) {
        const int count = ancestorCount(graph, r);
        if (count > bestCount) {
            best = r;
            bestCount = count;
        }
    }
    return best;
}

QString cacheKey(const Project &project, const AlembicRenderer *renderer)
{
    // The renderer's interpreter: "" none, else the setting ("" = automatic, kept apart by the prefix).
    QString key = renderer && !renderer->isDisabled()
                      ? u"python:"_s + renderer->settings().interpreter + u'\x1e'
                      : QString();
    // The reasons kept in the schemas are translated: a language switched at
    // run time must not be answered from schemas computed in the other one.
    // (A sentence of this class, as the installed translators give it.)
    key += Text::tr("revision %1 cannot be translated to SQL (%2): %3") + u'\x1e';
    key += project.config.versionLocations.join(u'\x1e');
    for (const RevisionFile &file : project.files) {
        const QFileInfo info(file.path);
        key += u'\x1f' + file.path + u'|' + QString::number(info.size()) + u'|' +
               QString::number(info.lastModified().toMSecsSinceEpoch());
    }
    return key;
}

struct Cache
{
    QMutex mutex;
    QList<std::pair<QString, std::shared_ptr<const ExpectedSchemas>>> entries; // newest first
};

Cache &cache()
{
    static Cache instance;
    return instance;
}

constexpr int cacheCapacity = 4;

} // namespace

std::shared_ptr<const ExpectedSchemas> ExpectedSchemas::forProject(const Project &project,
                                                                  const AlembicRenderer *renderer)
{
    const QString key = cacheKey(project, renderer);
    Cache &c = cache();
    {
        QMutexLocker locker(&c.mutex);
        for (qsizetype i = 0; i < c.entries.size(); ++i) {
            if (c.entries[i].first == key) {
                auto found = c.entries[i];
                c.entries.remove(i);
                c.entries.prepend(found);
                return found.second;
            }
        }
    }
    std::shared_ptr<const ExpectedSchemas> computed = compute(project, renderer);
    QMutexLocker locker(&c.mutex);
    c.entries.prepend({key, computed});
    while (c.entries.size() > cacheCapacity)
        c.entries.removeLast();
    return computed;
}

void ExpectedSchemas::clearCache()
{
    Cache &c = cache();
    QMutexLocker locker(&c.mutex);
    c.entries.clear();
}

std::shared_ptr<const ExpectedSchemas> ExpectedSchemas::compute(const Project &project,
                                                               const AlembicRenderer *renderer)
{
    std::shared_ptr<ExpectedSchemas> schemas(new ExpectedSchemas());
    if (renderer)
        schemas->m_renderer = *renderer;
    schemas->m_config = project.config;
    QElapsedTimer timer;
    timer.start();
    schemas->computeAll(project);
    schemas->m_computeMs = double(timer.nsecsElapsed()) / 1e6;
    return schemas;
}

void ExpectedSchemas::computeAll(const Project &project)
{
    m_graph = project.graph;
    const int count = m_graph.size();
    m_schemas.assign(size_t(count), RevisionSchema());
    m_translations.assign(size_t(count), Translation());
    if (m_graph.hasFatalProblem()) {
        m_error = tr("The history cannot be replayed: %1").arg(m_graph.firstFatalMessage());
        return;
    }
    for (int i = 0; i < count; ++i)
        m_translations[size_t(i)] = translateFile(m_graph.node(i).file.path);

    // Upgrade order: parents (and dependencies) first; after a revision, its
    // own children when they are ready, so that a line replays on one
    // database and only branches start again from a copy.
    std::vector<int> waiting(size_t(count), 0);
    std::set<int> ready;
    for (int i = 0; i < count; ++i) {
        waiting[size_t(i)] = int(m_graph.node(i).allDownRevisions().size());
        if (waiting[size_t(i)] == 0)
            ready.insert(i);
    }

    const MigrationPlanner planner(m_graph);
    SchemaReader reader;
    int previous = -1;
    while (!ready.empty()) {
        int revision = *ready.begin();
        if (previous >= 0) {
            for (int child : m_graph.node(previous).allChildren) {
                if (ready.count(child)) {
                    revision = child;
                    break;
                }
            }
        }
        ready.erase(revision);
        m_position.insert(revision, int(m_order.size()));
        m_order.append(revision);
        previous = revision;
        for (int child : m_graph.node(revision).allChildren)
            if (--waiting[size_t(child)] == 0)
                ready.insert(child);

        const RevisionGraph::Node &node = m_graph.node(revision);
        RevisionSchema &schema = m_schemas[size_t(revision)];
        auto markUncertain = [&](int source, const QString &reason) {
            if (schema.uncertain)
                return;
            schema.uncertain = true;
            schema.uncertainSource = source;
            schema.uncertainReason = reason;
        };
        const QList<int> parents = node.allDownRevisions();
        for (int p : parents) {
            const RevisionSchema &parent = m_schemas[size_t(p)];
            if (parent.uncertain)
                markUncertain(parent.uncertainSource, parent.uncertainReason);
        }
        if (node.parents.size() < node.downRevisions.size() ||
            node.resolvedDependencies.size() < node.dependsOn.size())
            markUncertain(revision,
                          tr("revision %1 refers to a revision that is not present").arg(node.id));

        // One parent: its schema plus this revision. Several (a merge, or
        // dependencies): the richest parent's schema plus what `upgrade`
        // would run from there.
        int start = -1;
        QList<int> steps{revision};
        if (parents.size() == 1) {
            start = parents.first();
        } else if (parents.size() > 1) {
            start = richest(m_graph, parents);
            const MigrationPlanner::Result plan =
                planner.upgrade({m_graph.node(start).id}, node.id);
            if (plan) {
                steps.clear();
                for (const PlanStep &step : plan.plan.steps)
                    if (step.kind == PlanStep::Kind::Upgrade && step.revision >= 0)
                        steps.append(step.revision);
            } else {
                markUncertain(revision, tr("revision %1: %2").arg(node.id, plan.error));
            }
        }
        SchemaSnapshot state = start < 0 ? m_empty : m_schemas[size_t(start)].snapshot;
        for (int step : std::as_const(steps)) {
            QString failure;
            state = advance(state, step, reader, &failure);
            if (!failure.isEmpty())
                markUncertain(step, failure);
            else if (step == revision && !m_translations[size_t(step)])
                schema.renderedByAlembic = true;
        }
        schema.snapshot = state;
    }
}

// The schema after one revision's upgrade on `state`. Most revisions change
// a few tables: they are replayed on a database holding only those, and the
// result is patched into `state`, so a replay costs the same at revision 500
// as at revision 5 (SQLite re-reads its whole schema after ALTER TABLE ADD
// COLUMN: on the full schema that alone made the replay quadratic). A revision
// rendered by Alembic is replayed on the whole schema: its statements name no
// tables we could trust to be all it touches.
SchemaSnapshot ExpectedSchemas::advance(const SchemaSnapshot &state, int revision,
                                        SchemaReader &reader, QString *failure) const
{
    const Translation &translation = m_translations[size_t(revision)];
    if (!translation) {
        const AlembicRenderer::Result rendering = renderUpgrade(revision, state);
        if (!rendering) {
            *failure = whyNoSql(revision, rendering);
            return state;
        }
        Scratch scratch;
        QString error = scratch.load(state.createStatements());
        if (!error.isEmpty()) {
            *failure = tr("the schema before %1 cannot be rebuilt: %2")
                           .arg(m_graph.node(revision).id, error);
            return state;
        }
        for (const QString &statement : rendering.statements) {
            error = scratch.execute(statement);
            if (!error.isEmpty()) {
                *failure = tr("revision %1: a statement rendered by Alembic fails on the schema "
                              "replayed so far: %2\n%3")
                               .arg(m_graph.node(revision).id, error, statement);
                break;
            }
        }
        const SchemaSnapshot::ReadResult read = scratch.read(reader);
        if (!read) {
            if (failure->isEmpty())
                *failure = tr("the replayed schema cannot be read: %1").arg(read.error);
            return state;
        }
        return read.snapshot;
    }
    const std::optional<QSet<QString>> touched = touchedTables(translation, state);
    if (touched && touched->isEmpty())
        return state;
    Scratch scratch;
    QString error =
        scratch.load(touched ? state.createStatementsFor(*touched) : state.createStatements());
    if (!error.isEmpty()) {
        *failure = tr("the schema before %1 cannot be rebuilt: %2")
                       .arg(m_graph.node(revision).id, error);
        return state;
    }
    error = runOps(scratch, m_graph, translation, revision);
    if (!error.isEmpty())
        *failure = error;
    const SchemaSnapshot::ReadResult read = scratch.read(reader);
    if (!read) {
        if (failure->isEmpty())
            *failure = tr("the replayed schema cannot be read: %1").arg(read.error);
        return state;
    }
    return touched ? state.patched(*touched, read.snapshot) : read.snapshot;
}

AlembicRenderer::Result ExpectedSchemas::renderUpgrade(int revision,
                                                       const SchemaSnapshot &schema) const
{
    AlembicRenderer::Result none;
    if (!m_renderer || m_renderer->isDisabled()) {
        none.errorKind = AlembicRenderer::ErrorKind::Unavailable;
        return none;
    }
    const QStringList statements = schema.createStatements();
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(QByteArray::number(revision));
    for (const QString &statement : statements) {
        hash.addData(QByteArrayView("\0", 1));
        hash.addData(statement.toUtf8());
    }
    const QByteArray key = hash.result();
    {
        QMutexLocker locker(&m_memoMutex);
        const auto found = m_renderMemo.constFind(key);
        if (found != m_renderMemo.constEnd())
            return *found;
    }
    // Probed once per process: without a usable interpreter every revision
    // fails the same way, without starting anything.
    const AlembicRenderer::Probe probe = m_renderer->probe();
    AlembicRenderer::Result result;
    if (!probe) {
        result.errorKind = AlembicRenderer::ErrorKind::Unavailable;
        result.error = probe.reason;
    } else {
        result = m_renderer->render(m_graph.node(revision).file.path,
                                    SqlTranslator::Direction::Upgrade, statements, &m_config);
    }
    QMutexLocker locker(&m_memoMutex);
    m_renderMemo.insert(key, result);
    return result;
}

QString ExpectedSchemas::whyNoSql(int revision, const AlembicRenderer::Result &rendering) const
{
    const QString untranslatable =
        untranslatableReason(m_graph, m_translations[size_t(revision)], revision);
    if (rendering.error.isEmpty())
        return untranslatable; // no renderer
    return tr("%1; the Alembic renderer cannot render it either: %2")
        .arg(untranslatable, rendering.error);
}

int ExpectedSchemas::renderingCount() const
{
    QMutexLocker locker(&m_memoMutex);
    return int(m_renderMemo.size());
}

ExpectedSchemas::State ExpectedSchemas::stateFor(const QList<int> &revisions) const
{
    State state;
    QList<int> sorted = revisions;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (!available()) {
        state.error = m_error;
        return state;
    }
    for (int r : sorted) {
        if (r < 0 || r >= size()) {
            state.error = tr("not a revision of the scripts");
            return state;
        }
    }
    if (sorted.isEmpty())
        return state;
    if (sorted.size() == 1) {
        const RevisionSchema &schema = at(sorted.first());
        state.snapshot = schema.snapshot;
        state.uncertain = schema.uncertain;
        state.uncertainReason = schema.uncertainReason;
        return state;
    }

    QString key;
    for (int r : sorted)
        key += QString::number(r) + u',';
    {
        QMutexLocker locker(&m_memoMutex);
        const auto found = m_stateMemo.constFind(key);
        if (found != m_stateMemo.constEnd())
            return *found;
    }

    const int start = richest(m_graph, sorted);
    const MigrationPlanner planner(m_graph);
    QStringList current{m_graph.node(start).id};
    QList<int> steps;
    for (int r : std::as_const(sorted)) {
        if (r == start)
            continue;
        const MigrationPlanner::Result part = planner.upgrade(current, m_graph.node(r).id);
        if (!part) {
            state.error = part.error;
            return state;
        }
        for (const PlanStep &step : part.plan.steps)
            if (step.kind == PlanStep::Kind::Upgrade && step.revision >= 0)
                steps.append(step.revision);
        current = part.plan.rowsAfter;
    }
    for (int r : std::as_const(sorted)) {
        if (at(r).uncertain && !state.uncertain) {
            state.uncertain = true;
            state.uncertainReason = at(r).uncertainReason;
        }
    }
    SchemaReader reader;
    SchemaSnapshot snapshot = at(start).snapshot;
    for (int step : std::as_const(steps)) {
        QString failure;
        snapshot = advance(snapshot, step, reader, &failure);
        if (!failure.isEmpty() && !state.uncertain) {
            state.uncertain = true;
            state.uncertainReason = failure;
        }
    }
    state.snapshot = snapshot;
    QMutexLocker locker(&m_memoMutex);
    m_stateMemo.insert(key, state);
    return state;
}

ExpectedSchemas::StatementReplay
ExpectedSchemas::replayStatements(int revision, const SchemaSnapshot &start) const
{
    StatementReplay replay;
    if (revision < 0 || revision >= size()) {
        replay.error = tr("not a revision of the scripts");
        return replay;
    }
    const RevisionGraph::Node &node = m_graph.node(revision);
    const Translation &translation = m_translations[size_t(revision)];
    // An untranslatable revision's statements come from the Alembic renderer,
    // all at once (they are rendered for `start`, so they run there as they are).
    QList<RenderedStatement> alembicStatements;
    if (!translation) {
        const AlembicRenderer::Result rendering = renderUpgrade(revision, start);
        if (!rendering) {
            replay.error = whyNoSql(revision, rendering);
            return replay;
        }
        for (const QString &sql : rendering.statements)
            alembicStatements.append(RenderedStatement{sql, SqlRenderer::isDestructive(sql)});
    }
    Scratch scratch;
    const QString loadError = scratch.load(start.createStatements());
    if (!loadError.isEmpty()) {
        replay.error = tr("the schema cannot be rebuilt: %1").arg(loadError);
        return replay;
    }
    SchemaReader reader;
    const SqliteSchemaReflector reflector(scratch.database());
    const qsizetype opCount = translation ? translation.ops.size() : 1;
    for (qsizetype i = 0; i < opCount; ++i) {
        RenderResult rendered;
        if (translation)
            rendered = SqlRenderer::renderStatements(translation.ops[i], reflector);
        else
            rendered.statements = alembicStatements;
        if (!rendered) {
            replay.error = tr("revision %1: %2").arg(node.id, rendered.error);
            return replay;
        }
        for (const RenderedStatement &statement : rendered.statements) {
            replay.statements.append(statement.sql);
            replay.destructive.append(statement.destructive);
            const QString error = scratch.execute(statement.sql);
            if (!error.isEmpty()) {
                replay.failedStatement = int(replay.statements.size()) - 1;
                replay.error = tr("revision %1: the statement fails: %2\n%3")
                                   .arg(node.id, error, statement.sql);
                return replay;
            }
            // Rows do not change the schema: no need to read it again (a bulk
            // insert is one statement per row).
            if (!replay.after.isEmpty() && isDataOnly(statement.sql)) {
                replay.after.append(replay.after.last());
                continue;
            }
            const SchemaSnapshot::ReadResult read = scratch.read(reader);
            if (!read) {
                replay.error = read.error;
                return replay;
            }
            replay.after.append(read.snapshot);
        }
    }
    return replay;
}

SchemaSnapshot ExpectedSchemas::apply(const SchemaSnapshot &start, const QStringList &statements,
                                      QString *error)
{
    Scratch scratch;
    QString failure = scratch.load(start.createStatements());
    if (failure.isEmpty())
        failure = scratch.load(statements);
    SchemaReader reader;
    const SchemaSnapshot::ReadResult read = scratch.read(reader);
    if (failure.isEmpty() && !read)
        failure = read.error;
    if (error)
        *error = failure;
    return read.snapshot;
}

} // namespace retort
