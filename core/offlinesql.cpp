#include "offlinesql.h"

using namespace Qt::StringLiterals;

namespace retort {

QString OfflineSql::versionTableDdl(const QString &versionTable)
{
    // As Alembic's offline mode prints it: SQLAlchemy's tabs as four spaces.
    return retort::versionTableDdl(versionTable).replace(u'\t', u"    "_s);
}

OfflineSql::Result OfflineSql::render(const MigrationPlan &plan, const QString &versionTable,
                                      const StatementSource &statementsFor)
{
    Result result;
    QString &out = result.script;
    auto writeStatement = [&out](const QString &statement) { out += statement + u";\n\n"_s; };

    QStringList rows = plan.rowsBefore;
    for (qsizetype index = 0; index < plan.steps.size(); ++index) {
        const PlanStep &step = plan.steps[index];
        if (rows.isEmpty())
            writeStatement(versionTableDdl(versionTable));
        out += u"-- Running "_s + step.shortLog() + u"\n\n"_s;
        if (statementsFor) {
            QString error;
            const QStringList statements = statementsFor(int(index), step, &error);
            if (!error.isEmpty()) {
                result.error = error;
                return result;
            }
            for (const QString &s : statements)
                writeStatement(s);
        }
        for (const VersionChange &change : step.versionChanges)
            writeStatement(change.sql(versionTable));
        rows = step.rowsAfter;
    }
    if (rows.isEmpty())
        writeStatement(u"DROP TABLE "_s + versionTable);
    return result;
}

} // namespace retort
