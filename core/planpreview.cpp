#include "planpreview.h"

#include "alembicrenderer.h"
#include "project.h"
#include "scratchdatabase.h"
#include "stepsql.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

int PlanPreview::Step::destructiveCount() const
{
    return int(std::count_if(statements.cbegin(), statements.cend(),
                             [](const RenderedStatement &s) { return s.destructive; }));
}

bool PlanPreview::needsRenderer() const
{
    return std::any_of(steps.cbegin(), steps.cend(), [](const Step &s) { return !s.translatable; });
}

int PlanPreview::destructiveCount() const
{
    int count = 0;
    for (const Step &step : steps)
        count += step.destructiveCount();
    return count;
}

PlanPreview PlanPreview::make(const Project &project, const VersionTableState &table,
                              const Request &request, const AlembicRenderer *renderer)
{
    PlanPreview preview;
    preview.request = request;
    if (!table.readable()) {
        preview.error = table.error.isEmpty() ? tr("The database could not be read.") : table.error;
        return preview;
    }
    if (request.targets.isEmpty()) {
        preview.error = tr("No target revision given.");
        return preview;
    }
    const MigrationPlanner planner(project.graph);
    MigrationPlanner::Result planned;
    switch (request.kind) {
    case MigrationPlan::Kind::Upgrade:
        planned = planner.upgrade(table.rows, request.targets.first());
        break;
    case MigrationPlan::Kind::Downgrade:
        planned = planner.downgrade(table.rows, request.targets.first());
        break;
    case MigrationPlan::Kind::Stamp:
        planned = planner.stamp(table.rows, request.targets, request.purge);
        break;
    }
    preview.plan = planned.plan;
    if (!planned) {
        preview.error = planned.error;
        return preview;
    }

    // What the executor runs before the first step, in the same transaction.
    const QString versionTable = project.config.versionTable;
    if (table.status == VersionTableState::Status::NoTable)
        preview.setupStatements.append(versionTableDdl(versionTable));
    const bool hasRows = !table.rows.isEmpty() || !table.badValues.isEmpty();
    if (preview.plan.purge && (!preview.plan.steps.isEmpty() || hasRows))
        preview.setupStatements.append(u"DELETE FROM "_s + versionTable);

    const StepSql stepSql(project, renderer);
    for (const PlanStep &step : std::as_const(preview.plan.steps)) {
        Step shown;
        shown.translatable = stepSql.whyNotTranslatable(step).isEmpty();
        if (!shown.translatable) {
            // Only an untranslatable revision asks about the renderer (a process).
            shown.blocker = stepSql.whyNotApplicable(step);
            shown.renderedByAlembic = shown.blocker.isEmpty();
        }
        if (!shown.blocker.isEmpty())
            preview.blockers.append(shown.blocker);
        for (const VersionChange &change : step.versionChanges)
            shown.versionStatements.append(change.sql(versionTable));
        preview.steps.append(shown);
    }

    // Rendered on a scratch copy of the live schema, step after step, so that
    // a batch rebuild shows the table as the earlier steps leave it.
    const StepSql::PlanRendering rendering =
        stepSql.renderPlan(preview.plan, ScratchDatabase::schemaOf(project.config.databasePath));
    for (qsizetype i = 0; i < preview.steps.size(); ++i) {
        Step &step = preview.steps[i];
        if (i < rendering.steps.size()) {
            step.statements = rendering.steps[i].statements;
            step.warnings = rendering.steps[i].warnings;
        }
        if (!step.blocker.isEmpty())
            continue;
        if (i == rendering.failedStep && rendering.steps[i].rendererFailed) {
            // Nothing can run: the executor would meet the same failure.
            step.blocker = rendering.error;
            preview.blockers.append(step.blocker);
        } else if (i == rendering.failedStep)
            step.sqlError = rendering.error;
        else if (i >= rendering.steps.size())
            step.sqlError = rendering.failedStep >= 0
                                ? tr("Not shown: the SQL of step %1 could not be shown, and this "
                                     "step depends on it.")
                                      .arg(rendering.failedStep + 1)
                                : rendering.error;
    }
    return preview;
}

} // namespace retort
