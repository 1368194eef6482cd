// executor_killee DATABASE STEPS [BACKUP_FOLDER]
//
// Runs a long upgrade (STEPS revisions s001, s002, ...; each creates table tK,
// fills it with rows and sets progress.n = K) so that tst_executor can kill it
// with SIGKILL at a random moment. Prints "step K" (1-based) as each step
// starts, flushed, so the test can aim its kill.

#include "executortestsupport.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() < 3) {
        std::fprintf(stderr, "usage: executor_killee DATABASE STEPS [BACKUP_FOLDER]\n");
        return 2;
    }
    const QString database = arguments.at(1);
    const int steps = arguments.at(2).toInt();
    const QString backupFolder = arguments.value(3);

    QStringList ids;
    QHash<QString, QStringList> statements;
    for (int k = 1; k <= steps; ++k) {
        const QString id = u"s%1"_s.arg(k, 3, 10, QChar(u'0'));
        ids.append(id);
        const QString table = u"t"_s + QString::number(k);
        statements.insert(
            id, {u"CREATE TABLE %1 (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)"_s.arg(table),
                 u"INSERT INTO %1 (payload) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i "
                 u"+ 1 FROM n WHERE i < 50) SELECT hex(randomblob(200)) FROM n"_s.arg(table),
                 u"CREATE INDEX ix_%1 ON %1 (payload)"_s.arg(table),
                 u"UPDATE progress SET n = %1"_s.arg(k)});
    }

    retort::MigrationExecutor executor;
    QObject::connect(&executor, &retort::MigrationExecutor::stepStarted, &executor,
                     [](int index, int, const QString &) {
                         std::printf("step %d\n", index + 1);
                         std::fflush(stdout);
                     });
    retort::ExecutionOptions options;
    options.backup = !backupFolder.isEmpty();
    options.backupFolder = backupFolder;
    const retort::ExecutionReport report =
        executor.run(testsupport::linearUpgrade(ids), database, options,
                     testsupport::scriptedRunner(statements));
    if (!report) {
        std::fprintf(stderr, "%s\n", qPrintable(report.error));
        return 1;
    }
    std::printf("done\n");
    return 0;
}
