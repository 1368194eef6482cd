#pragma once

#include "migrationplan.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace retort {

// Alembic's offline (`--sql`) script for a plan, on SQLite: the version table
// CREATE whenever a step starts with no rows, "-- Running <step>" comments,
// each statement followed by ";" and a blank line, the version-row SQL after
// each step's DDL, and the version table DROP when the plan ends with no rows.
class OfflineSql
{
public:
    // `statementsFor` gives a step's DDL/DML statements (without ';'); it may
    // fail by returning an error through `error`, which stops the script.
    using StatementSource =
        std::function<QStringList(int stepIndex, const PlanStep &step, QString *error)>;

    struct Result
    {
        QString script;
        QString error;
        explicit operator bool() const { return error.isEmpty(); }
    };

    static Result render(const MigrationPlan &plan, const QString &versionTable,
                         const StatementSource &statementsFor);

    // Alembic's CREATE TABLE for the version table, as its offline mode prints it.
    static QString versionTableDdl(const QString &versionTable);
};

} // namespace retort
