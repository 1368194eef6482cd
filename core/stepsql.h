#pragma once

#include "alembicrenderer.h"
#include "executor.h"
#include "migrationplan.h"
#include "sqlrenderer.h"
#include "sqltranslator.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

namespace retort {

struct Project;

// The SQL of plan steps. Each revision's upgrade()/downgrade() is translated
// statically, then rendered op by op against the connection the statements
// run on, so that a batch rebuild reflects the table as the earlier ops of the
// same step left it. A revision the translator cannot read is rendered by
// Alembic instead when a renderer is given and available, from the schema the
// step starts from. The same code serves the executor (live connection, in
// its transaction) and previews / `--sql` (a scratch database).
class StepSql
{
    Q_DECLARE_TR_FUNCTIONS(retort::StepSql)

public:
    // `renderer` (may be null: untranslatable revisions cannot be applied) must
    // outlive this object.
    explicit StepSql(const Project &project, const AlembicRenderer *renderer = nullptr)
        : m_project(project), m_renderer(renderer)
    {
    }

    enum class Source
    {
        None,       // a stamp step: no SQL of its own
        Translated, // the static translator
        Rendered,   // the Alembic renderer
        Blocked,    // neither: the step cannot be applied (whyNotApplicable())
    };
    // Probes the renderer (once) when the revision is not translatable.
    Source sourceOf(const PlanStep &step) const;

    // The executor's runner.
    StepRunner runner() const;

    struct Rendered
    {
        QList<RenderedStatement> statements;
        QStringList warnings;
        QString error; // translated; names the revision
        bool renderedByAlembic = false;
        bool rendererFailed = false; // error is the Alembic renderer's (nothing ran)
        explicit operator bool() const { return error.isEmpty(); }
        QStringList sql() const;
    };
    // Renders one step on `database`, running each statement there as it goes.
    Rendered renderOn(const PlanStep &step, QSqlDatabase database) const;

    // Why a step's SQL cannot be produced statically (translated), or empty.
    QString whyNotTranslatable(const PlanStep &step) const;
    // Why a step cannot be applied at all - not translatable and no Alembic
    // renderer available - saying what the renderer would need; or empty.
    // Such a step can still be stamped.
    QString whyNotApplicable(const PlanStep &step) const;
    // The renderer's availability (probed once); unavailable without a renderer.
    AlembicRenderer::Probe rendererProbe() const;

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
    // The renderer's statements for a step starting from `schema` (cached).
    const AlembicRenderer::Result &rendered(const PlanStep &step, const QStringList &schema) const;
    QString renderFailure(const PlanStep &step, const AlembicRenderer::Result &result) const;
    QStringList schemaFor(const QSqlDatabase &database) const;

    const Project &m_project;
    const AlembicRenderer *m_renderer = nullptr;
    mutable QHash<qint64, Translation> m_cache;
    mutable QHash<QByteArray, AlembicRenderer::Result> m_renderCache;
    mutable std::optional<AlembicRenderer::Probe> m_probe;
};

} // namespace retort
