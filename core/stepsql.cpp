#include "stepsql.h"

#include "project.h"
#include "scratchdatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace retort {

QStringList StepSql::Rendered::sql() const
{
    QStringList result;
    for (const RenderedStatement &s : statements)
        result.append(s.sql);
    return result;
}

const Translation &StepSql::translation(int revision, bool upgrade) const
{
    const qint64 key = qint64(revision) * 2 + (upgrade ? 1 : 0);
    auto it = m_cache.find(key);
    if (it != m_cache.end())
        return *it;
    Translation t;
    const QString path = m_project.graph.node(revision).file.path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        t.reason = tr("Cannot read %1: %2").arg(path, file.errorString());
    } else {
        t = SqlTranslator::translate(QString::fromUtf8(file.readAll()),
                                     upgrade ? SqlTranslator::Direction::Upgrade
                                             : SqlTranslator::Direction::Downgrade);
    }
    return *m_cache.insert(key, t);
}

QString StepSql::whyNotTranslatable(const PlanStep &step) const
{
    if (step.kind == PlanStep::Kind::Stamp || step.revision < 0)
        return {};
    const Translation &t = translation(step.revision, step.kind == PlanStep::Kind::Upgrade);
    if (t)
        return {};
    const RevisionGraph::Node &node = m_project.graph.node(step.revision);
    const QString where = t.line > 0 ? u"%1:%2"_s.arg(node.file.path).arg(t.line) : node.file.path;
    return tr("Revision %1 cannot be translated to SQL (%2): %3").arg(node.id, where, t.reason);
}

AlembicRenderer::Probe StepSql::rendererProbe() const
{
    if (!m_probe) {
        if (m_renderer) {
            m_probe = m_renderer->probe();
        } else {
            AlembicRenderer::Probe none;
            none.reason = tr("no Alembic renderer is set up");
            m_probe = none;
        }
    }
    return *m_probe;
}

StepSql::Source StepSql::sourceOf(const PlanStep &step) const
{
    if (step.kind == PlanStep::Kind::Stamp || step.revision < 0)
        return Source::None;
    if (translation(step.revision, step.kind == PlanStep::Kind::Upgrade))
        return Source::Translated;
    return rendererProbe() ? Source::Rendered : Source::Blocked;
}

QString StepSql::whyNotApplicable(const PlanStep &step) const
{
    if (sourceOf(step) != Source::Blocked)
        return {};
    return tr("%1\nIt can be stamped, but applying it needs the Alembic renderer (a Python "
              "interpreter that can import Alembic: --python PATH on the command line, Python "
              "in the desktop application's settings), and %2.")
        .arg(whyNotTranslatable(step), rendererProbe().reason);
}

QStringList StepSql::schemaFor(const QSqlDatabase &database) const
{
    // What a rebuild may reflect; the version table is Retort's business (it may
    // not exist yet on the live database while a scratch copy lacks it anyway).
    QStringList schema;
    QSqlQuery query(database);
    query.prepare(u"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE "
                  "'sqlite\\_%' ESCAPE '\\' AND lower(name) <> lower(?) AND lower(tbl_name) <> "
                  "lower(?) ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 WHEN "
                  "'view' THEN 2 ELSE 3 END, rowid"_s);
    query.addBindValue(m_project.config.versionTable);
    query.addBindValue(m_project.config.versionTable);
    if (query.exec())
        while (query.next())
            schema.append(query.value(0).toString());
    return schema;
}

const AlembicRenderer::Result &StepSql::rendered(const PlanStep &step,
                                                 const QStringList &schema) const
{
    const bool upgrade = step.kind == PlanStep::Kind::Upgrade;
    QCryptographicHash key(QCryptographicHash::Sha1);
    key.addData(QByteArray(QByteArray::number(step.revision) + (upgrade ? "u" : "d")));
    for (const QString &statement : schema) {
        key.addData(statement.toUtf8());
        key.addData(QByteArrayView("\0", 1));
    }
    const QByteArray id = key.result();
    const auto it = m_renderCache.constFind(id);
    if (it != m_renderCache.constEnd())
        return *it;
    const AlembicRenderer::Result result = m_renderer->render(
        m_project.graph.node(step.revision).file.path,
        upgrade ? SqlTranslator::Direction::Upgrade : SqlTranslator::Direction::Downgrade, schema,
        &m_project.config);
    return *m_renderCache.insert(id, result);
}

QString StepSql::renderFailure(const PlanStep &step, const AlembicRenderer::Result &result) const
{
    return tr("Revision %1 cannot be rendered by Alembic: %2")
        .arg(m_project.graph.node(step.revision).id, result.error);
}

StepSql::Rendered StepSql::renderOn(const PlanStep &step, QSqlDatabase database) const
{
    Rendered rendered;
    const Source source = sourceOf(step);
    if (source == Source::None)
        return rendered;
    if (source == Source::Blocked) {
        rendered.error = whyNotApplicable(step);
        return rendered;
    }
    const RevisionGraph::Node &node = m_project.graph.node(step.revision);
    if (source == Source::Rendered) {
        rendered.renderedByAlembic = true;
        const AlembicRenderer::Result &result = this->rendered(step, schemaFor(database));
        rendered.warnings += result.warnings;
        if (!result) {
            rendered.error = renderFailure(step, result);
            rendered.rendererFailed = true;
            return rendered;
        }
        QSqlQuery query(database);
        for (const QString &sql : result.statements) {
            rendered.statements.append(RenderedStatement{sql, SqlRenderer::isDestructive(sql)});
            if (!query.exec(sql)) {
                rendered.error = tr("Revision %1: the statement fails on the schema it is "
                                    "rendered for: %2\n%3")
                                     .arg(node.id, query.lastError().text(), sql);
                return rendered;
            }
            query.finish();
        }
        return rendered;
    }
    const SqliteSchemaReflector reflector(database);
    QSqlQuery query(database);
    for (const MigrationOp &op :
         translation(step.revision, step.kind == PlanStep::Kind::Upgrade).ops) {
        const RenderResult result = SqlRenderer::renderStatements(op, reflector);
        rendered.warnings += result.warnings;
        if (!result) {
            rendered.error = tr("Revision %1: %2").arg(node.id, result.error);
            return rendered;
        }
        for (const RenderedStatement &statement : result.statements) {
            rendered.statements.append(statement);
            if (!query.exec(statement.sql)) {
                rendered.error = tr("Revision %1: the statement fails on the schema it is "
                                    "rendered for: %2\n%3")
                                     .arg(node.id, query.lastError().text(), statement.sql);
                return rendered;
            }
            query.finish();
        }
    }
    return rendered;
}

StepRunner StepSql::runner() const
{
    return [this](const PlanStep &step, StatementSink &sink) -> StepRunOutcome {
        const Source source = sourceOf(step);
        if (source == Source::Blocked)
            return StepRunOutcome::failure(whyNotApplicable(step));
        if (source == Source::Rendered) {
            // Usually rendered already, by the check before the run, from the same schema.
            const AlembicRenderer::Result &result = rendered(step, schemaFor(sink.database()));
            if (!result)
                return StepRunOutcome::failure(renderFailure(step, result));
            for (const QString &sql : result.statements)
                if (!sink.execute(sql))
                    return StepRunOutcome::failure(sink.lastError());
            return StepRunOutcome::success();
        }
        const RevisionGraph::Node &node = m_project.graph.node(step.revision);
        for (const MigrationOp &op :
             translation(step.revision, step.kind == PlanStep::Kind::Upgrade).ops) {
            // Reflect the live connection now: earlier ops of this step have run.
            const SqliteSchemaReflector reflector(sink.database());
            const RenderResult result = SqlRenderer::renderStatements(op, reflector);
            if (!result)
                return StepRunOutcome::failure(tr("Revision %1: %2").arg(node.id, result.error));
            for (const RenderedStatement &statement : result.statements)
                if (!sink.execute(statement.sql))
                    return StepRunOutcome::failure(sink.lastError());
        }
        return StepRunOutcome::success();
    };
}

StepSql::PlanRendering StepSql::renderPlan(const MigrationPlan &plan,
                                           const QStringList &startSchema) const
{
    PlanRendering rendering;
    ScratchDatabase scratch;
    if (!scratch.isOpen()) {
        rendering.error = tr("Cannot create a scratch database.");
        return rendering;
    }
    const QString loadError = scratch.load(startSchema);
    if (!loadError.isEmpty()) {
        rendering.error = tr("Cannot copy the schema to a scratch database: %1").arg(loadError);
        return rendering;
    }
    for (qsizetype i = 0; i < plan.steps.size(); ++i) {
        Rendered step = renderOn(plan.steps[i], scratch.database());
        const bool ok = bool(step);
        if (!ok) {
            rendering.error = step.error;
            rendering.failedStep = int(i);
        }
        rendering.steps.append(std::move(step));
        if (!ok)
            break;
    }
    return rendering;
}

StepSql::Replay StepSql::schemaAt(const QStringList &rows) const
{
    Replay replay;
    const MigrationPlanner planner(m_project.graph);
    MigrationPlan whole;
    QStringList current;
    for (const QString &row : rows) {
        const MigrationPlanner::Result part = planner.upgrade(current, row);
        if (!part) {
            replay.error = part.error;
            return replay;
        }
        whole.steps += part.plan.steps;
        current = part.plan.rowsAfter;
    }
    ScratchDatabase scratch;
    for (const PlanStep &step : std::as_const(whole.steps)) {
        const Rendered rendered = renderOn(step, scratch.database());
        if (!rendered) {
            replay.error = rendered.error;
            return replay;
        }
    }
    QSqlQuery query(scratch.database());
    query.exec(u"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE "
               "'sqlite\\_%' ESCAPE '\\' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' "
               "THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid"_s);
    while (query.next())
        replay.schema.append(query.value(0).toString());
    return replay;
}

} // namespace retort
