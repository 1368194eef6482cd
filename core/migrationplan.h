#pragma once

#include "revisiongraph.h"
#include "revisionresolver.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// Alembic's CREATE TABLE for the version table, with SQLAlchemy's layout (which
// SQLite keeps in sqlite_master), as it runs before the first upgrade or stamp.
inline QString versionTableDdl(const QString &table)
{
    return QStringLiteral("CREATE TABLE %1 (\n\tversion_num VARCHAR(32) NOT NULL, \n\tCONSTRAINT "
                          "%1_pkc PRIMARY KEY (version_num)\n)")
        .arg(table);
}

// One change to the version table, exactly as Alembic makes it.
struct VersionChange
{
    enum class Kind { Insert, Update, Delete };
    Kind kind;
    QString from; // Update, Delete
    QString to;   // Insert, Update

    // Alembic's statement for this change (without the trailing ';').
    QString sql(const QString &versionTable) const;
    bool operator==(const VersionChange &) const = default;
};

// One step of a plan: a revision's upgrade() or downgrade(), or a stamp.
struct PlanStep
{
    enum class Kind { Upgrade, Downgrade, Stamp };
    Kind kind = Kind::Upgrade;
    int revision = -1;         // the revision run (Upgrade/Downgrade); -1 for a stamp
    QStringList fromRevisions; // as Alembic logs them ("upgrade a, b -> c")
    QStringList toRevisions;
    QString doc;               // the revision's message, empty for a stamp
    QList<VersionChange> versionChanges;
    QStringList rowsAfter;     // the version table's rows once this step is done

    // Alembic's MigrationStep.short_log: "upgrade a -> b" / "stamp_revision  -> b".
    QString shortLog() const;
    // Alembic's str(step): short_log plus ", doc" when there is a doc.
    QString logLine() const;
};

// What an upgrade, downgrade or stamp will do, before anything runs.
struct MigrationPlan
{
    enum class Kind { Upgrade, Downgrade, Stamp };
    Kind kind = Kind::Upgrade;
    QString target;          // as the user gave it
    QStringList rowsBefore;  // the version table before the first step
    QStringList rowsAfter;   // and after the last
    bool purge = false;      // stamp --purge: the table is emptied first
    QList<PlanStep> steps;
    QStringList warnings;    // translated; e.g. a stamp that adds a sibling branch's row
};

// Computes plans as Alembic's upgrade/downgrade/stamp commands would, with
// Alembic's errors (the text after "FAILED: ").
class MigrationPlanner
{
public:
    explicit MigrationPlanner(const RevisionGraph &graph) : m_graph(graph), m_resolver(graph) {}

    struct Result
    {
        MigrationPlan plan;
        QString error; // Alembic's command error text; empty on success
        explicit operator bool() const { return error.isEmpty(); }
    };

    Result upgrade(const QStringList &currentRows, const QString &target) const;
    Result downgrade(const QStringList &currentRows, const QString &target) const;
    Result stamp(const QStringList &currentRows, const QStringList &targets, bool purge) const;

private:
    void applyRevisionStep(PlanStep &step, QStringList &heads) const;
    QList<int> ancestorsOfIds(const QStringList &ids) const;

    const RevisionGraph &m_graph;
    RevisionResolver m_resolver;
};

} // namespace retort
