// How long the doctor takes on generated histories of growing size.
//
// usage: bench_doctor [SIZES...]        (default: 100 250 500)
//
// For each size a project is generated with tests/conformance/gen_alembic_history.py
// (through /usr/bin/python3), and two databases are built from the expected
// schemas: one healthy at the head, one stamped head over the schema of the
// middle revision (what `stamp head` after a failed upgrade leaves). Printed
// per size, in milliseconds, wall clock and CPU time of this process (the
// machine may be busy with other work):
//   load      Project::load (scan and parse the revision files)
//   expected  ExpectedSchemas::compute (translate and replay every revision)
//   cold      Doctor::diagnose with an empty cache (expected schemas included)
//   warm      Doctor::diagnose again (cached expected schemas)
//   broken    Doctor::diagnose of the stamped-ahead database (warm)
// The goal is cold + load <= 2000 ms for 500 revisions, growing linearly.

#include "doctor.h"
#include "expectedschema.h"
#include "project.h"
#include "projectconfig.h"
#include "sqliteconnection.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

double cpuMilliseconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

struct Timing
{
    double wall = 0;
    double cpu = 0;
};

template <class F> Timing timed(F &&work)
{
    QElapsedTimer timer;
    timer.start();
    const double cpu = cpuMilliseconds();
    work();
    return {double(timer.nsecsElapsed()) / 1e6, cpuMilliseconds() - cpu};
}

bool writeDatabase(const QString &path, const SchemaSnapshot &schema, const QString &row)
{
    SqliteConnection connection(path, SqliteConnection::Mode::ReadWriteCreate, 2000, u"bench"_s);
    if (!connection.open().ok())
        return false;
    QStringList statements = schema.createStatements();
    statements.append(u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                      u"CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s);
    statements.append(u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(row));
    for (const QString &s : statements)
        if (!connection.execute(s).ok())
            return false;
    return true;
}

QString cell(const Timing &t)
{
    return u"%1 (%2)"_s.arg(t.wall, 7, 'f', 1).arg(t.cpu, 7, 'f', 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (const QString &a : app.arguments().mid(1))
        sizes.append(a.toInt());
    if (sizes.isEmpty())
        sizes = {100, 250, 500};
    QTextStream out(stdout);
    out << "revisions | load | expected | cold | warm | broken   (ms: wall (cpu))\n";
    for (int size : sizes) {
        QTemporaryDir dir;
        QProcess generator;
        generator.start(u"/usr/bin/python3"_s, {QStringLiteral(RETORT_GENERATOR), dir.path(),
                                                u"--revisions"_s, QString::number(size)});
        if (!generator.waitForFinished(120000) || generator.exitCode() != 0) {
            out << "generator failed: " << generator.readAllStandardError() << "\n";
            return 1;
        }
        ProjectConfig::Options options;
        options.configFile = dir.filePath(u"alembic.ini"_s);
        options.workingDirectory = dir.path(); // script_location is relative to it
        const ProjectConfig::Result config = ProjectConfig::discover(options);
        if (!config) {
            out << config.error << "\n";
            return 1;
        }
        Project project;
        const Timing load = timed([&] { project = Project::load(config.config); });
        ExpectedSchemas::clearCache();
        std::shared_ptr<const ExpectedSchemas> expected;
        const Timing compute = timed([&] { expected = ExpectedSchemas::compute(project); });
        const int head = project.graph.heads().value(0);
        const int middle = expected->upgradeOrder().value(expected->size() / 2);
        const QString healthy = dir.filePath(u"healthy.db"_s);
        const QString broken = dir.filePath(u"broken.db"_s);
        const QString headId = project.graph.node(head).id;
        if (!writeDatabase(healthy, expected->at(head).snapshot, headId) ||
            !writeDatabase(broken, expected->at(middle).snapshot, headId)) {
            out << "cannot write the databases\n";
            return 1;
        }
        ExpectedSchemas::clearCache();
        DoctorReport report;
        const Timing cold = timed([&] { report = Doctor::diagnose(project, healthy); });
        if (!report.healthy())
            out << "unexpected findings on the healthy database: " << report.codes().join(u' ')
                << "\n";
        const Timing warm = timed([&] { report = Doctor::diagnose(project, healthy); });
        const Timing ahead = timed([&] { report = Doctor::diagnose(project, broken); });
        if (!report.find(u"version-ahead-of-schema"_s))
            out << "the broken database was not diagnosed as expected: "
                << report.codes().join(u' ') << "\n";
        out << QString::number(size).rightJustified(9) << " | " << cell(load) << " | "
            << cell(compute) << " | " << cell(cold) << " | " << cell(warm) << " | " << cell(ahead)
            << "\n";
        out.flush();
    }
    return 0;
}
