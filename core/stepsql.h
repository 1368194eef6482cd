#pragma once

#include "executor.h"
#include "migrationplan.h"
#include "sqlrenderer.h"
#include "sqltranslator.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

namespace retort {

struct Project;

// The SQL of plan steps. Each revision's upgrade()/downgrade() is translated
// statically, then rendered op by op against the connection the statements
// run on, so that a batch rebuild reflects the table as the earlier ops of the
// same step left it. The same code serves the executor (live connection, in
// its transaction) and previews / `--sql` (a scratch database).
class StepSql
{
    Q_DECLARE_TR_FUNCTIONS(retort::StepSql)

public:
    explicit StepSql(const Project &project) : m_project(project) {}

    // The executor's runner.
    StepRunner runner() const;

    struct Rendered
    {
        QList<RenderedStatement> statements;
        QStringList warnings;
        QString error; // translated; names the revision
        explicit operator bool() const { return error.isEmpty(); }
        QStringList sql() const;
    };
    // Renders one step on `database`, running each statement there as it goes.
    Rendered renderOn(const PlanStep &step, QSqlDatabase database) const;

    // Why a step's SQL cannot be produced statically (translated), or empty.
    QString whyNotTranslatable(const PlanStep &step) const;

    struct PlanRendering
    {
        QList<Rendered> steps; // one per plan step, up to the one that failed
        QString error;
        int failedStep = -1;
        explicit operator bool() const { return error.isEmpty(); }
    };
    // Renders every step of `plan` on a scratch database holding `startSchema`.
    PlanRendering renderPlan(const MigrationPlan &plan, const QStringList &startSchema) const;

    // The schema the scripts build up to `rows`, replayed from an empty database.
    struct Replay
    {
        QStringList schema;
        QString error;
        explicit operator bool() const { return error.isEmpty(); }
    };
    Replay schemaAt(const QStringList &rows) const;

private:
    const Translation &translation(int revision, bool upgrade) const;

    const Project &m_project;
    mutable QHash<qint64, Translation> m_cache;
};

} // namespace retort
