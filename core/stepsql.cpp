#include "stepsql.h"

#include "project.h"
#include "scratchdatabase.h"

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

StepSql::Rendered StepSql::renderOn(const PlanStep &step, QSqlDatabase database) const
{
    Rendered rendered;
    if (step.kind == PlanStep::Kind::Stamp || step.revision < 0)
        return rendered;
    const QString why = whyNotTranslatable(step);
    if (!why.isEmpty()) {
        rendered.error = why;
        return rendered;
    }
    const RevisionGraph::Node &node = m_project.graph.node(step.revision);
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
        const QString why = whyNotTranslatable(step);
        if (!why.isEmpty())
            return StepRunOutcome::failure(why);
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
