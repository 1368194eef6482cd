#pragma once

#include "migrationplan.h"
#include "sqlrenderer.h"
#include "versiontable.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

struct Project;
class AlembicRenderer;

// Everything a person should see before an upgrade, downgrade or stamp runs:
// the plan, and for each step the SQL the executor will run on the database
// as it is now (statements that can lose data flagged, the version-row
// changes of the same transaction after them), and why a step cannot be
// applied. Made with the same planner and step renderer as the executor and
// `--sql`; nothing is written.
struct PlanPreview
{
    Q_DECLARE_TR_FUNCTIONS(retort::PlanPreview)

public:
    struct Request
    {
        MigrationPlan::Kind kind = MigrationPlan::Kind::Upgrade;
        QStringList targets; // one for upgrade/downgrade, one or more for stamp
        bool purge = false;  // stamp --purge
    };

    struct Step
    {
        QList<RenderedStatement> statements; // the revision's DDL/DML, in order
        QStringList versionStatements;       // then the version table's changes
        QStringList warnings;                // the renderer's (translated)
        // Why the step cannot be applied at all (its revision cannot be
        // translated and no Alembic renderer can render it, or the renderer
        // failed on it); running is refused. Translated, names the revision.
        QString blocker;
        bool translatable = true;       // the built-in translator reads it (or a stamp)
        bool renderedByAlembic = false; // its SQL comes from the Alembic renderer
        // Why its SQL could not be shown in full (it fails on a copy of the
        // current schema, or an earlier step could not be shown); the run may
        // still be tried, the executor rolls a failing step back.
        QString sqlError;

        int destructiveCount() const;
    };

    Request request;
    QString error; // the planner's (Alembic's) error text; empty when planned
    MigrationPlan plan;
    // Run before the first step, in its transaction: the version table's
    // CREATE when the database has none, the purge of a stamp --purge.
    QStringList setupStatements;
    QList<Step> steps; // one per plan step
    QStringList blockers;

    explicit operator bool() const { return error.isEmpty(); }
    // Planned, every step can be applied, and the database would change.
    bool runnable() const { return error.isEmpty() && blockers.isEmpty() && !changesNothing(); }
    // Planned, and running it would not change the database.
    bool changesNothing() const
    {
        return error.isEmpty() && steps.isEmpty() && setupStatements.isEmpty();
    }
    int destructiveCount() const;
    // Some step's revision cannot be read by the built-in translator.
    bool needsRenderer() const;

    // `table` is the version table as last read; the plan starts from its rows.
    // Without `renderer` (or with one turned off) an untranslatable revision
    // blocks the plan; with one, that revision's Python is run in a separate
    // process to render its SQL: seconds, not milliseconds, so callers with a
    // window to keep alive plan without it first, and with it off their GUI
    // thread only when needsRenderer().
    static PlanPreview make(const Project &project, const VersionTableState &table,
                            const Request &request, const AlembicRenderer *renderer = nullptr);
};

} // namespace retort
