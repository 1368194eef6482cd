// The doctor: a catalogue of databases broken in the ways support staff meet
// (many of them by the real Alembic: a failed non-transactional migration, a
// sibling stamped by mistake, `stamp head` after a failure, a deleted revision
// file, a leftover _alembic_tmp_ table), each diagnosed with the right code and
// evidence, each repair leaving the rows and the normalised schema a correct
// Alembic run leaves, and the backup putting the broken database back. Also:
// expected schemas and fingerprints on a generated history of 120 revisions,
// snapshots and differences, the cache, and `retort doctor` on the command line.

#include "auditlog.h"
#include "backup.h"
#include "doctor.h"
#include "executortestsupport.h"
#include "expectedschema.h"
#include "fingerprint.h"
#include "project.h"
#include "projectconfig.h"
#include "schemasnapshot.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace retort;
using testsupport::dump;
using testsupport::queryRows;
using testsupport::runStatements;

using FileList = QList<std::pair<QString, QString>>;
Q_DECLARE_METATYPE(FileList)

namespace {

const QString python = u"/usr/bin/python3"_s;

QString sourcePath(const QString &relative)
{
    return QStringLiteral(RETORT_SOURCE_DIR) + u'/' + relative;
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (source.contains(u"__pycache__"_s))
            continue;
        const QString target = to + source.mid(from.size());
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target);
        } else {
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile::remove(target);
            if (!QFile::copy(source, target))
                return false;
        }
    }
    return true;
}

bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(text.toUtf8());
    return true;
}

QString revisionFile(const QString &id, const QString &down, const QString &doc,
                     const QString &upgrade, const QString &extra = {})
{
    return u"\"\"\"%3\n\nRevision ID: %1\nRevises: %2\n\"\"\"\n"
           u"from alembic import op\nimport sqlalchemy as sa\n\n"
           u"revision = '%1'\ndown_revision = %4\nbranch_labels = None\ndepends_on = None\n%6\n\n"
           u"def upgrade():\n%5\n\n\ndef downgrade():\n    pass\n"_s.arg(
               id, down, doc, down.isEmpty() ? u"None"_s : u"'%1'"_s.arg(down), upgrade, extra);
}

// A small project in the demo's layout (alembic.ini with %(here)s, env.py).
bool makeProject(const QString &dir, const QList<std::pair<QString, QString>> &files)
{
    QFile ini(sourcePath(u"resources/demo/alembic.ini"_s));
    if (!ini.open(QIODevice::ReadOnly))
        return false;
    QString text = QString::fromUtf8(ini.readAll()).replace(u"demo.db"_s, u"app.db"_s);
    if (!writeFile(dir + u"/alembic.ini"_s, text))
        return false;
    QDir().mkpath(dir + u"/alembic/versions"_s);
    QFile::remove(dir + u"/alembic/env.py"_s);
    if (!QFile::copy(sourcePath(u"resources/demo/alembic/env.py"_s), dir + u"/alembic/env.py"_s))
        return false;
    for (const auto &[name, content] : files)
        if (!writeFile(dir + u"/alembic/versions/"_s + name, content))
            return false;
    return true;
}

Project loadProject(const QString &dir, const QString &database = {})
{
    ProjectConfig::Options options;
    options.configFile = dir + u"/alembic.ini"_s;
    options.workingDirectory = dir;
    options.databaseFile = database;
    const ProjectConfig::Result config = ProjectConfig::discover(options);
    if (!config) {
        qWarning("%s", qPrintable(config.error));
        return {};
    }
    return Project::load(config.config);
}

QStringList sortedRows(const QString &db)
{
    QStringList rows = queryRows(db, u"SELECT version_num FROM alembic_version"_s);
    rows.sort();
    return rows;
}

// Runs Alembic commands in one Python process (alembic_sorted.py --batch: one
// import, a fork per command). Each job may start from a copy of a database
// and keep a copy of the database it leaves.
struct AlembicJob
{
    QString cwd;
    QStringList argv;
    QString database;  // the project's database file
    QString startFrom; // copied over `database` first; empty: `database` is removed
    QString keepAs;    // where the resulting database is copied
};

struct AlembicResult
{
    int rc = -1;
    QString out, err;
};

QList<AlembicResult> runAlembic(const QList<AlembicJob> &jobs, QString *error)
{
    QJsonArray array;
    for (qsizetype i = 0; i <= jobs.size(); ++i) {
        QJsonArray setup;
        if (i > 0 && !jobs[i - 1].keepAs.isEmpty())
            setup.append(QJsonArray{jobs[i - 1].database, jobs[i - 1].keepAs});
        if (i == jobs.size()) {
            // A last command only to keep the previous job's database.
            array.append(QJsonObject{{u"cwd"_s, jobs.last().cwd},
                                     {u"argv"_s, QJsonArray{u"--version"_s}},
                                     {u"setup"_s, setup}});
            break;
        }
        const AlembicJob &job = jobs[i];
        setup.append(QJsonArray{job.startFrom.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                        : QJsonValue(job.startFrom),
                                job.database});
        array.append(QJsonObject{{u"cwd"_s, job.cwd},
                                 {u"argv"_s, QJsonArray::fromStringList(job.argv)},
                                 {u"setup"_s, setup}});
    }
    QTemporaryDir dir;
    const QString jobsFile = dir.filePath(u"jobs.json"_s);
    const QString resultsFile = dir.filePath(u"results.json"_s);
    writeFile(jobsFile, QString::fromUtf8(QJsonDocument(array).toJson()));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    process.setProcessEnvironment(environment);
    process.start(python, {sourcePath(u"tests/conformance/alembic_sorted.py"_s), u"--batch"_s,
                           jobsFile, resultsFile});
    if (!process.waitForFinished(600000) || process.exitCode() != 0) {
        *error = u"alembic batch failed: "_s + QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    QFile file(resultsFile);
    file.open(QIODevice::ReadOnly);
    QList<AlembicResult> results;
    for (const QJsonValue &v : QJsonDocument::fromJson(file.readAll()).array())
        results.append({v[u"rc"_s].toInt(), v[u"out"_s].toString(), v[u"err"_s].toString()});
    results.removeLast();
    return results;
}

QString runSql(const QString &db, const QStringList &statements)
{
    QString error;
    if (!runStatements(db, statements, &error))
        return error.isEmpty() ? u"failed"_s : error;
    return {};
}

// r1aaaaaaaaaa, creating table `one`: the base of the small projects below.
std::pair<QString, QString> firstRevisionOfSmallProjects()
{
    return {u"r1_one.py"_s,
            revisionFile(u"r1aaaaaaaaaa"_s, {}, u"one"_s,
                         u"    op.create_table('one', sa.Column('id', sa.Integer(), "
                         u"nullable=False), sa.PrimaryKeyConstraint('id'))"_s)};
}

// Revision ids of the demo project.
const QString author = u"7d05b2de8ce9"_s;
const QString book = u"3ee2c0fc5a01"_s;
const QString isbn = u"09d5d1d892b2"_s;
const QString titles = u"eba1936fa93f"_s;
const QString customer = u"187e245166db"_s;
const QString salesReport = u"3130d19fc6ce"_s;
const QString salesIndex = u"f4ee2fb72983"_s;
const QString merge = u"978c27f7bb03"_s;
const QString order = u"72e0dc0126ef"_s;
const QString price = u"59258f75568f"_s;

// Revision ids of the fixture project: a failing migration and a batch one.
const QString a1 = u"a10000000001"_s; // create account
const QString a2 = u"a20000000002"_s; // create half_done; unique index on account.name
const QString a3 = u"a30000000003"_s; // batch: account.name NOT NULL
const QString a4 = u"a40000000004"_s; // data only

} // namespace

class TestDoctor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void snapshotNormalises_data();
    void snapshotNormalises();
    void snapshotDifferences();
    void expectedSchemasOfDemo();
    void expectedSchemasUncertain();
    void expectedSchemasRenderedByAlembic();
    void expectedSchemasCacheInvalidated();
    void catalogue_data();
    void catalogue();
    void scriptProblems_data();
    void scriptProblems();
    void repairDryRunWritesNothing();
    void repairRefusesUnknownCode();
    void fingerprintGeneratedHistory();
    void fingerprintIdenticalSchemas();
    void commandLine();

private:
    QString path(const QString &relative) const { return m_root->filePath(relative); }
    QString db(const QString &name) const { return path(u"dbs/"_s + name); }

    std::unique_ptr<QTemporaryDir> m_root;
};

void TestDoctor::initTestCase()
{
    QVERIFY2(QFileInfo(python).isExecutable(), "/usr/bin/python3 (python3-alembic) is required");
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    QVERIFY(QDir().mkpath(path(u"dbs"_s)));

    // The demo project, without its database; and a copy whose head file is deleted.
    QVERIFY(copyTree(sourcePath(u"resources/demo"_s), path(u"demo"_s)));
    QVERIFY(QFile::remove(path(u"demo/demo.db"_s)));
    QVERIFY(copyTree(path(u"demo"_s), path(u"demo-deleted"_s)));
    QVERIFY(QFile::remove(
        path(u"demo-deleted/alembic/versions/"_s + price + u"_add_price_to_book.py"_s)));
    QVERIFY(QFile::copy(sourcePath(u"resources/demo/demo.db"_s), db(u"shipped.db"_s)));

    // The fixture project: a2's second op fails on duplicate names, a3's batch
    // rebuild fails on a NULL name, a4 only changes rows.
    const QList<std::pair<QString, QString>> fixture = {
        {a1 + u"_create_account.py"_s,
         revisionFile(a1, {}, u"create account"_s,
                      u"    op.create_table('account',\n"
                      u"    sa.Column('id', sa.Integer(), nullable=False),\n"
                      u"    sa.Column('name', sa.String(length=50), nullable=True),\n"
                      u"    sa.PrimaryKeyConstraint('id')\n    )"_s)},
        {a2 + u"_half_done.py"_s,
         revisionFile(a2, a1, u"half done"_s,
                      u"    op.create_table('half_done',\n"
                      u"    sa.Column('id', sa.Integer(), nullable=False),\n"
                      u"    sa.PrimaryKeyConstraint('id')\n    )\n"
                      u"    op.create_index(op.f('ix_account_name'), 'account', ['name'], "
                      u"unique=True)"_s)},
        {a3 + u"_name_required.py"_s,
         revisionFile(a3, a2, u"name required"_s,
                      u"    with op.batch_alter_table('account') as batch_op:\n"
                      u"        batch_op.alter_column('name', existing_type=sa.String(length=50), "
                      u"nullable=False)"_s)},
        {a4 + u"_fill_names.py"_s,
         revisionFile(a4, a3, u"fill names"_s,
                      u"    op.execute(\"UPDATE account SET name = 'n/a' WHERE name = ''\")"_s)},
    };
    QVERIFY(makeProject(path(u"fx"_s), fixture));
    QVERIFY(makeProject(path(u"fx-deleted"_s), fixture.mid(0, 3)));

    const QString demoDb = path(u"demo/demo.db"_s);
    const QString fxDb = path(u"fx/app.db"_s);
    auto demoJob = [&](const QStringList &argv, const QString &keep, const QString &from = {}) {
        return AlembicJob{path(u"demo"_s), QStringList{u"-c"_s, u"alembic.ini"_s} + argv, demoDb,
                          from, keep};
    };
    auto fxJob = [&](const QStringList &argv, const QString &keep, const QString &from = {}) {
        return AlembicJob{path(u"fx"_s), QStringList{u"-c"_s, u"alembic.ini"_s} + argv, fxDb, from,
                          keep};
    };

    // 1. Databases a correct Alembic run leaves (the references), from empty.
    QString error;
    QList<AlembicJob> jobs;
    for (const QString &rev : {isbn, titles, customer, order, merge})
        jobs.append(demoJob({u"upgrade"_s, rev}, db(u"demo-"_s + rev + u".db"_s)));
    jobs.append(demoJob({u"upgrade"_s, u"heads"_s}, db(u"demo-head.db"_s)));
    for (const QString &rev : {a1, a2, a3, a4})
        jobs.append(fxJob({u"upgrade"_s, rev}, db(u"fx-"_s + rev + u".db"_s)));
    QList<AlembicResult> results = runAlembic(jobs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (qsizetype i = 0; i < results.size(); ++i)
        QVERIFY2(results[i].rc == 0,
                 qPrintable(jobs[i].argv.join(u' ') + u"\n"_s + results[i].err));

    // 2. Data that makes the next migrations fail.
    QVERIFY(QFile::copy(db(u"fx-"_s + a1 + u".db"_s), db(u"fx-duplicates.db"_s)));
    QCOMPARE(runSql(db(u"fx-duplicates.db"_s),
                    {u"INSERT INTO account (id, name) VALUES (1, 'ann'), (2, 'ann')"_s}),
             QString());
    QVERIFY(QFile::copy(db(u"fx-"_s + a2 + u".db"_s), db(u"fx-null.db"_s)));
    QCOMPARE(runSql(db(u"fx-null.db"_s), {u"INSERT INTO account (id, name) VALUES (1, NULL)"_s}),
             QString());

    // 3. The real Alembic breaks them.
    jobs = {
        fxJob({u"upgrade"_s, u"head"_s}, db(u"failed.db"_s), db(u"fx-duplicates.db"_s)),
        fxJob({u"stamp"_s, u"head"_s}, db(u"failed-stamped.db"_s), db(u"failed.db"_s)),
        fxJob({u"upgrade"_s, u"head"_s}, db(u"tmp-left.db"_s), db(u"fx-null.db"_s)),
        demoJob({u"stamp"_s, salesIndex}, db(u"sibling.db"_s),
                db(u"demo-"_s + customer + u".db"_s)),
        demoJob({u"upgrade"_s, u"head"_s}, db(u"duplicate-column-alembic.db"_s),
                db(u"demo-"_s + order + u".db"_s)),
    };
    // The "duplicate column name" database is made before Alembic meets it.
    QVERIFY(QFile::copy(db(u"demo-"_s + order + u".db"_s), db(u"duplicate-column.db"_s)));
    QCOMPARE(runSql(db(u"duplicate-column.db"_s),
                    {u"ALTER TABLE book ADD COLUMN price NUMERIC(8, 2)"_s,
                     u"ALTER TABLE book ADD COLUMN currency VARCHAR(3) DEFAULT 'EUR' NOT NULL"_s}),
             QString());
    jobs[4].startFrom = db(u"duplicate-column.db"_s);
    results = runAlembic(jobs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(results[0].rc != 0 && results[0].err.contains(u"UNIQUE constraint failed"_s),
             qPrintable(results[0].err));
    QCOMPARE(results[1].rc, 0);
    QVERIFY2(results[2].rc != 0 && results[2].err.contains(u"_alembic_tmp_account"_s),
             qPrintable(results[2].err));
    QCOMPARE(results[3].rc, 0);
    // What support staff are sent: "duplicate column name".
    QVERIFY2(results[4].rc != 0 && results[4].err.contains(u"duplicate column name"_s),
             qPrintable(results[4].err));
    QCOMPARE(sortedRows(db(u"failed.db"_s)), QStringList{a1});
    QVERIFY(testsupport::tableNames(db(u"failed.db"_s)).contains(u"half_done"_s));
    QCOMPARE(sortedRows(db(u"failed-stamped.db"_s)), QStringList{a4});
    QVERIFY(testsupport::tableNames(db(u"tmp-left.db"_s)).contains(u"_alembic_tmp_account"_s));
    QCOMPARE(sortedRows(db(u"sibling.db"_s)), (QStringList{customer, salesIndex}));
}

void TestDoctor::snapshotNormalises_data()
{
    QTest::addColumn<QStringList>("left");
    QTest::addColumn<QStringList>("right");
    QTest::addColumn<bool>("equal");

    QTest::newRow("type case and spaces")
        << QStringList{u"CREATE TABLE t (a varchar (50), b NUMERIC(10, 2))"_s}
        << QStringList{u"CREATE TABLE t (a VARCHAR(50), b numeric(10,2))"_s} << true;
    QTest::newRow("column order") << QStringList{u"CREATE TABLE t (a INTEGER, b TEXT)"_s}
                                  << QStringList{u"CREATE TABLE t (b TEXT, a INTEGER)"_s} << true;
    QTest::newRow("default in parentheses")
        << QStringList{u"CREATE TABLE t (a DATETIME DEFAULT (CURRENT_TIMESTAMP))"_s}
        << QStringList{u"CREATE TABLE t (a DATETIME DEFAULT current_timestamp)"_s} << true;
    QTest::newRow("added column equals declared column")
        << QStringList{u"CREATE TABLE t (id INTEGER NOT NULL, PRIMARY KEY (id))"_s,
                       u"ALTER TABLE t ADD COLUMN flag BOOLEAN DEFAULT 0 NOT NULL"_s}
        << QStringList{u"CREATE TABLE t (id INTEGER NOT NULL, flag BOOLEAN DEFAULT 0 NOT NULL, "
                       u"PRIMARY KEY (id))"_s}
        << true;
    QTest::newRow("table name case") << QStringList{u"CREATE TABLE Book (a INTEGER)"_s}
                                     << QStringList{u"CREATE TABLE book (a INTEGER)"_s} << true;
    QTest::newRow("version table and sqlite_sequence ignored")
        << QStringList{u"CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT)"_s,
                       testsupport::alembicVersionDdl}
        << QStringList{u"CREATE TABLE t (a INTEGER PRIMARY KEY AUTOINCREMENT)"_s} << true;
    QTest::newRow("nullability differs") << QStringList{u"CREATE TABLE t (a INTEGER NOT NULL)"_s}
                                         << QStringList{u"CREATE TABLE t (a INTEGER)"_s} << false;
    QTest::newRow("default differs")
        << QStringList{u"CREATE TABLE t (a TEXT DEFAULT 'x')"_s}
        << QStringList{u"CREATE TABLE t (a TEXT DEFAULT 'X')"_s} << false;
    QTest::newRow("unique constraint differs")
        << QStringList{u"CREATE TABLE t (a INTEGER, b INTEGER, UNIQUE (a, b))"_s}
        << QStringList{u"CREATE TABLE t (a INTEGER, b INTEGER, UNIQUE (a))"_s} << false;
    QTest::newRow("foreign key differs")
        << QStringList{u"CREATE TABLE t (a INTEGER REFERENCES u (id) ON DELETE CASCADE)"_s}
        << QStringList{u"CREATE TABLE t (a INTEGER REFERENCES u (id))"_s} << false;
    QTest::newRow("index columns differ")
        << QStringList{u"CREATE TABLE t (a INTEGER, b INTEGER)"_s, u"CREATE INDEX ix ON t (a)"_s}
        << QStringList{u"CREATE TABLE t (a INTEGER, b INTEGER)"_s, u"CREATE INDEX ix ON t (b)"_s}
        << false;
    QTest::newRow("unique index differs")
        << QStringList{u"CREATE TABLE t (a INTEGER)"_s, u"CREATE UNIQUE INDEX ix ON t (a)"_s}
        << QStringList{u"CREATE TABLE t (a INTEGER)"_s, u"CREATE INDEX ix ON t (a)"_s} << false;
    QTest::newRow("view whitespace")
        << QStringList{u"CREATE TABLE t (a INTEGER)"_s, u"CREATE VIEW v AS SELECT a FROM t"_s}
        << QStringList{u"CREATE TABLE t (a INTEGER)"_s, u"CREATE VIEW v AS\n  SELECT a   FROM t"_s}
        << true;
    QTest::newRow("trigger missing")
        << QStringList{u"CREATE TABLE t (a INTEGER)"_s,
                       u"CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END"_s}
        << QStringList{u"CREATE TABLE t (a INTEGER)"_s} << false;
}

void TestDoctor::snapshotNormalises()
{
    QFETCH(QStringList, left);
    QFETCH(QStringList, right);
    QFETCH(bool, equal);
    QTemporaryDir dir;
    QCOMPARE(runSql(dir.filePath(u"l.db"_s), left), QString());
    QCOMPARE(runSql(dir.filePath(u"r.db"_s), right), QString());
    const SchemaSnapshot::ReadResult l = SchemaSnapshot::readFile(dir.filePath(u"l.db"_s));
    const SchemaSnapshot::ReadResult r = SchemaSnapshot::readFile(dir.filePath(u"r.db"_s));
    QVERIFY2(l && r, qPrintable(l.error + r.error));
    QCOMPARE(l.snapshot == r.snapshot, equal);
    QCOMPARE(l.snapshot.hash() == r.snapshot.hash(), equal);
    const SchemaDiff diff = SchemaSnapshot::compare(l.snapshot, r.snapshot);
    QCOMPARE(diff.isEmpty(), equal);
    QCOMPARE(SchemaSnapshot::differenceSize(l.snapshot, r.snapshot), diff.size());
}

void TestDoctor::snapshotDifferences()
{
    QTemporaryDir dir;
    const QString expected = dir.filePath(u"e.db"_s), actual = dir.filePath(u"a.db"_s);
    QCOMPARE(
        runSql(expected, {u"CREATE TABLE book (id INTEGER NOT NULL, title VARCHAR(200) NOT NULL, "
                          u"isbn VARCHAR(13), PRIMARY KEY (id))"_s,
                          u"CREATE UNIQUE INDEX ix_book_isbn ON book (isbn)"_s,
                          u"CREATE TABLE author (id INTEGER PRIMARY KEY)"_s}),
        QString());
    QCOMPARE(runSql(actual, {u"CREATE TABLE book (id INTEGER NOT NULL, title VARCHAR(100), "
                             u"extra TEXT, PRIMARY KEY (id))"_s,
                             u"CREATE TABLE _alembic_tmp_book (id INTEGER)"_s}),
             QString());
    const SchemaSnapshot e = SchemaSnapshot::readFile(expected).snapshot;
    const SchemaSnapshot a = SchemaSnapshot::readFile(actual).snapshot;
    QStringList found;
    for (const SchemaDifference &d : SchemaSnapshot::compare(e, a).differences)
        found.append(u"%1 %2 %3.%4"_s.arg(SchemaDifference::changeKey(d.change),
                                          SchemaDifference::objectKey(d.object), d.table, d.name));
    found.sort();
    const QStringList wanted = {u"changed column book.title"_s,
                                u"extra column book.extra"_s,
                                u"extra table _alembic_tmp_book._alembic_tmp_book"_s,
                                u"missing column book.isbn"_s,
                                u"missing index book.ix_book_isbn"_s,
                                u"missing table author.author"_s};
    QCOMPARE(found, wanted);
    QCOMPARE(SchemaSnapshot::differenceSize(e, a), 6);
    const SchemaSnapshot clean = a.withoutTablesPrefixed(u"_alembic_tmp_"_s);
    QCOMPARE(SchemaSnapshot::differenceSize(e, clean), 5);
    // Rebuilding a snapshot from its statements gives the same snapshot.
    QString error;
    QVERIFY(ExpectedSchemas::apply(SchemaSnapshot(), e.createStatements(), &error) == e);
    QCOMPARE(error, QString());
}

void TestDoctor::expectedSchemasOfDemo()
{
    const Project project = loadProject(path(u"demo"_s));
    const std::shared_ptr<const ExpectedSchemas> expected = ExpectedSchemas::compute(project);
    QVERIFY2(expected->available(), qPrintable(expected->error()));
    QCOMPARE(expected->size(), 10);
    // Every revision's expected schema is what the real Alembic leaves.
    for (const QString &rev : {isbn, titles, customer, order, merge}) {
        const int index = project.graph.indexOf(rev);
        QVERIFY(!expected->at(index).uncertain);
        const SchemaSnapshot actual =
            SchemaSnapshot::readFile(db(u"demo-"_s + rev + u".db"_s)).snapshot;
        QVERIFY2(expected->at(index).snapshot == actual, qPrintable(rev + u": "_s + [&] {
                     QStringList d;
                     for (const auto &x :
                          SchemaSnapshot::compare(expected->at(index).snapshot, actual).differences)
                         d.append(x.describe());
                     return d.join(u"; "_s);
                 }()));
    }
    QVERIFY(expected->at(project.graph.indexOf(price)).snapshot ==
            SchemaSnapshot::readFile(db(u"demo-head.db"_s)).snapshot);
    // Two branches: the state of both rows is the merge's schema.
    const ExpectedSchemas::State both =
        expected->stateFor({project.graph.indexOf(customer), project.graph.indexOf(salesIndex)});
    QVERIFY(both);
    QVERIFY(both.snapshot == expected->at(project.graph.indexOf(merge)).snapshot);
    QVERIFY(both.snapshot == SchemaSnapshot::readFile(db(u"shipped.db"_s)).snapshot);
    // Parents come before children in the replay order.
    for (int r = 0; r < expected->size(); ++r)
        for (int p : project.graph.node(r).allDownRevisions())
            QVERIFY(expected->orderOf(p) < expected->orderOf(r));
}

void TestDoctor::expectedSchemasUncertain()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(
        dir.path(),
        {firstRevisionOfSmallProjects(),
         {u"r2_two.py"_s, revisionFile(u"r2bbbbbbbbbb"_s, u"r1aaaaaaaaaa"_s, u"python logic"_s,
                                       u"    bind = op.get_bind()\n    if bind:\n        "
                                       u"op.create_table('two', sa.Column('id', sa.Integer()))"_s)},
         {u"r3_three.py"_s,
          revisionFile(
              u"r3cccccccccc"_s, u"r2bbbbbbbbbb"_s, u"three"_s,
              u"    op.add_column('one', sa.Column('x', sa.Integer(), nullable=True))"_s)}}));
    const Project project = loadProject(dir.path());
    const std::shared_ptr<const ExpectedSchemas> expected = ExpectedSchemas::compute(project);
    QVERIFY(expected->available());
    const int r1 = project.graph.indexOf(u"r1aaaaaaaaaa"_s);
    const int r2 = project.graph.indexOf(u"r2bbbbbbbbbb"_s);
    const int r3 = project.graph.indexOf(u"r3cccccccccc"_s);
    QVERIFY(!expected->at(r1).uncertain);
    QVERIFY(expected->at(r2).uncertain);
    QVERIFY(expected->at(r3).uncertain);
    QCOMPARE(expected->at(r3).uncertainSource, r2);
    QVERIFY2(expected->at(r3).uncertainReason.contains(u"r2bbbbbbbbbb"_s),
             qPrintable(expected->at(r3).uncertainReason));
    // What can be replayed still is: r3's column is there.
    QVERIFY(expected->at(r3).snapshot.table(u"one"_s)->column(u"x"_s));

    // A database that differs from an uncertain expectation gets an
    // informational finding, not an error.
    const QString database = dir.filePath(u"app.db"_s);
    QCOMPARE(
        runSql(database, {u"CREATE TABLE one (id INTEGER NOT NULL, x INTEGER, PRIMARY KEY (id))"_s,
                          u"CREATE TABLE two (id INTEGER)"_s, testsupport::alembicVersionDdl,
                          u"INSERT INTO alembic_version VALUES ('r3cccccccccc')"_s}),
        QString());
    const DoctorReport report = Doctor::diagnose(project, database);
    QCOMPARE(report.codes(), QStringList{u"schema-unverified"_s});
    QVERIFY(report.healthy());
    QCOMPARE(report.exitCode(), 0);
    QVERIFY(report.diagnoses.first().explanation.contains(u"r2bbbbbbbbbb"_s));
}

// A revision the translator cannot read (a loop) is rendered by Alembic: the
// schemas from it on are certain, equal to what the real Alembic leaves, and
// drift in what it creates is found and attributed to it.
void TestDoctor::expectedSchemasRenderedByAlembic()
{
    QTemporaryDir dir;
    QVERIFY(makeProject(
        dir.path(),
        {firstRevisionOfSmallProjects(),
         {u"r2_loop.py"_s,
          revisionFile(u"r2bbbbbbbbbb"_s, u"r1aaaaaaaaaa"_s, u"python logic"_s,
                       u"    for name in ('two', 'three'):\n"
                       u"        op.create_table(name, sa.Column('id', sa.Integer(), "
                       u"nullable=False), sa.Column('label', sa.String(20)), "
                       u"sa.PrimaryKeyConstraint('id'))\n"
                       u"        op.create_index('ix_' + name + '_label', name, ['label'])"_s)},
         {u"r3_batch.py"_s,
          revisionFile(u"r3cccccccccc"_s, u"r2bbbbbbbbbb"_s, u"batch on a rendered table"_s,
                       u"    with op.batch_alter_table('two') as batch_op:\n"
                       u"        batch_op.alter_column('label', existing_type=sa.String(20), "
                       u"nullable=False)"_s)}}));
    const Project project = loadProject(dir.path());
    const int r2 = project.graph.indexOf(u"r2bbbbbbbbbb"_s);
    const int r3 = project.graph.indexOf(u"r3cccccccccc"_s);

    // Without a renderer (and with it turned off) the loop makes r2 and r3 uncertain.
    QVERIFY(ExpectedSchemas::compute(project)->at(r3).uncertain);
    AlembicRenderer::Settings off;
    off.interpreter = AlembicRenderer::disabledKeyword();
    const AlembicRenderer disabled(off);
    QVERIFY(ExpectedSchemas::compute(project, &disabled)->at(r3).uncertain);

    AlembicRenderer::Settings settings;
    settings.interpreter = python;
    const AlembicRenderer renderer(settings);
    const std::shared_ptr<const ExpectedSchemas> expected =
        ExpectedSchemas::compute(project, &renderer);
    QVERIFY2(!expected->at(r2).uncertain, qPrintable(expected->at(r2).uncertainReason));
    QVERIFY(!expected->at(r3).uncertain);
    QVERIFY(expected->at(r2).renderedByAlembic);
    QVERIFY(!expected->at(r3).renderedByAlembic);
    QCOMPARE(expected->renderingCount(), 1);

    // The same schemas as the real Alembic's, revision by revision.
    const QString database = dir.filePath(u"app.db"_s);
    QString error;
    QList<AlembicJob> jobs;
    for (const QString &rev : {u"r2bbbbbbbbbb"_s, u"r3cccccccccc"_s})
        jobs.append(AlembicJob{dir.path(), {u"-c"_s, u"alembic.ini"_s, u"upgrade"_s, rev}, database,
                               {}, dir.filePath(rev + u".db"_s)});
    const QList<AlembicResult> results = runAlembic(jobs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (qsizetype i = 0; i < results.size(); ++i)
        QVERIFY2(results[i].rc == 0, qPrintable(results[i].err));
    for (int rev : {r2, r3}) {
        const QString id = project.graph.node(rev).id;
        const SchemaSnapshot actual = SchemaSnapshot::readFile(dir.filePath(id + u".db"_s)).snapshot;
        QVERIFY(actual.table(u"three"_s));
        QStringList differences;
        for (const auto &d : SchemaSnapshot::compare(expected->at(rev).snapshot, actual).differences)
            differences.append(d.describe());
        QVERIFY2(differences.isEmpty(), qPrintable(id + u": "_s + differences.join(u"; "_s)));
    }

    // Alembic's own database is healthy, with nothing unverified.
    const QString upgraded = dir.filePath(u"r3cccccccccc.db"_s);
    DoctorReport report = Doctor::diagnose(project, upgraded, &renderer);
    QVERIFY2(report.healthy(), qPrintable(report.codes().join(u' ')));
    QCOMPARE(report.codes(), QStringList());
    // Without the renderer the same database can only be called unverified.
    QCOMPARE(Doctor::diagnose(project, upgraded).codes(), QStringList{u"schema-unverified"_s});

    // A table the rendered revision creates is missing: drift, naming r2.
    const QString dropped = dir.filePath(u"dropped.db"_s);
    QVERIFY(QFile::copy(upgraded, dropped));
    QCOMPARE(runSql(dropped, {u"DROP TABLE three"_s}), QString());
    report = Doctor::diagnose(project, dropped, &renderer);
    const Diagnosis *drift = report.find(u"drift"_s);
    QVERIFY2(drift, qPrintable(report.codes().join(u' ')));
    bool attributed = false;
    for (const AttributedDifference &a : drift->differences)
        if (a.difference.describe().contains(u"three"_s) &&
            a.role == AttributedDifference::Role::CreatedBy && a.revision == u"r2bbbbbbbbbb"_s)
            attributed = true;
    QVERIFY2(attributed, qPrintable(drift->details.join(u"; "_s)));

    // The command line renders too (automatically, or with --python), unless told not to.
    auto retort = [&](const QStringList &args, QString *out) {
        QProcess process;
        process.setWorkingDirectory(dir.path());
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(QStringLiteral(RETORT_BINARY),
                      QStringList{u"--lang"_s, u"en"_s, u"--db"_s, upgraded} + args);
        process.waitForFinished(120000);
        *out = QString::fromUtf8(process.readAllStandardOutput());
        return process.exitCode();
    };
    QString out;
    QCOMPARE(retort({u"doctor"_s}, &out), 0);
    QVERIFY2(out.contains(u"No problems found."_s), qPrintable(out));
    QCOMPARE(retort({u"doctor"_s, u"--python"_s, python}, &out), 0);
    QVERIFY2(out.contains(u"No problems found."_s), qPrintable(out));
    QCOMPARE(retort({u"doctor"_s, u"--python"_s, u"none"_s}, &out), 0);
    QVERIFY2(out.contains(u"schema-unverified"_s) && out.contains(u"r2bbbbbbbbbb"_s),
             qPrintable(out));

    // A renderer that cannot run says so in the uncertainty, naming the revision.
    AlembicRenderer::Settings missing;
    missing.interpreter = dir.filePath(u"no-such-python"_s);
    const AlembicRenderer broken(missing);
    const std::shared_ptr<const ExpectedSchemas> unrendered =
        ExpectedSchemas::compute(project, &broken);
    QVERIFY(unrendered->at(r3).uncertain);
    QVERIFY2(unrendered->at(r3).uncertainReason.contains(u"r2bbbbbbbbbb"_s) &&
                 unrendered->at(r3).uncertainReason.contains(u"Alembic renderer"_s),
             qPrintable(unrendered->at(r3).uncertainReason));
}

void TestDoctor::expectedSchemasCacheInvalidated()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"alembic/versions/r1_one.py"_s);
    QVERIFY(makeProject(
        dir.path(), {{u"r1_one.py"_s, revisionFile(u"r1aaaaaaaaaa"_s, {}, u"one"_s,
                                                   u"    op.create_table('one', sa.Column('id', "
                                                   u"sa.Integer()))"_s)}}));
    ExpectedSchemas::clearCache();
    Project project = loadProject(dir.path());
    const auto first = ExpectedSchemas::forProject(project);
    QCOMPARE(ExpectedSchemas::forProject(project).get(), first.get()); // cached
    QVERIFY(first->at(0).snapshot.table(u"one"_s));
    // The script changes (size and time): computed again.
    QVERIFY(writeFile(file, revisionFile(u"r1aaaaaaaaaa"_s, {}, u"one"_s,
                                         u"    op.create_table('other_name', sa.Column('id', "
                                         u"sa.Integer()))"_s)));
    QFile touched(file);
    QVERIFY(touched.open(QIODevice::ReadWrite));
    QVERIFY(touched.setFileTime(QDateTime::currentDateTime().addSecs(5),
                                QFileDevice::FileModificationTime));
    touched.close();
    project = loadProject(dir.path());
    const auto second = ExpectedSchemas::forProject(project);
    QVERIFY(second.get() != first.get());
    QVERIFY(second->at(0).snapshot.table(u"other_name"_s));

    // Another language (the GUI switches at run time): computed again, so the
    // reasons it keeps are in that language.
    class Marking : public QTranslator
    {
    public:
        QString translate(const char *context, const char *source, const char *, int) const override
        {
            return QByteArray(context) == "retort::ExpectedSchemas"
                       ? u"[es] "_s + QString::fromUtf8(source)
                       : QString();
        }
        bool isEmpty() const override { return false; }
    } marking;
    QCoreApplication::installTranslator(&marking);
    const auto translated = ExpectedSchemas::forProject(project);
    QCoreApplication::removeTranslator(&marking);
    QVERIFY(translated.get() != second.get());
    QCOMPARE(ExpectedSchemas::forProject(project).get(), second.get()); // back: cached again
}

void TestDoctor::catalogue_data()
{
    QTest::addColumn<QString>("project");    // folder under the test root
    QTest::addColumn<QString>("start");      // database copied from dbs/
    QTest::addColumn<QStringList>("damage"); // SQL run on the copy
    QTest::addColumn<QStringList>("codes");  // the findings, in order
    QTest::addColumn<QString>("evidence");   // a revision the first finding names, or a difference
    QTest::addColumn<QString>("fix");        // the code given to repair; empty: no repair exists
    QTest::addColumn<QString>("reference");  // database a correct Alembic run leaves

    const QString noRepair;
    QTest::newRow("healthy: the shipped demo (two branches)")
        << u"demo"_s << u"shipped.db"_s << QStringList{} << QStringList{} << QString() << noRepair
        << QString();
    QTest::newRow("healthy: the demo at its head")
        << u"demo"_s << u"demo-head.db"_s << QStringList{} << QStringList{} << QString() << noRepair
        << QString();
    QTest::newRow("healthy: fixture at its head")
        << u"fx"_s << u"fx-"_s + a4 + u".db"_s << QStringList{} << QStringList{} << QString()
        << noRepair << QString();

    QTest::newRow("alembic_version dropped over a populated schema")
        << u"demo"_s << u"demo-"_s + isbn + u".db"_s << QStringList{u"DROP TABLE alembic_version"_s}
        << QStringList{u"no-version-table"_s} << isbn << u"no-version-table"_s
        << u"demo-"_s + isbn + u".db"_s;
    QTest::newRow("alembic_version dropped over two branches: the merge matches")
        << u"demo"_s << u"shipped.db"_s << QStringList{u"DROP TABLE alembic_version"_s}
        << QStringList{u"no-version-table"_s} << merge << u"all"_s << u"demo-"_s + merge + u".db"_s;
    QTest::newRow("empty version table")
        << u"demo"_s << u"demo-"_s + titles + u".db"_s
        << QStringList{u"DELETE FROM alembic_version"_s} << QStringList{u"empty-version-table"_s}
        << titles << u"empty-version-table"_s << u"demo-"_s + titles + u".db"_s;
    QTest::newRow("unknown revision (Can't locate revision)")
        << u"demo"_s << u"demo-"_s + customer + u".db"_s
        << QStringList{u"UPDATE alembic_version SET version_num = '0123456789ab'"_s}
        << QStringList{u"unknown-revision"_s} << customer << u"unknown-revision"_s
        << u"demo-"_s + customer + u".db"_s;
    QTest::newRow("deleted revision file (a data migration): its parent matches")
        << u"fx-deleted"_s << u"fx-"_s + a4 + u".db"_s << QStringList{}
        << QStringList{u"unknown-revision"_s} << a3 << u"all"_s << u"fx-"_s + a3 + u".db"_s;
    QTest::newRow("deleted revision file that changed the schema: no safe repair")
        << u"demo-deleted"_s << u"demo-head.db"_s << QStringList{}
        << QStringList{u"unknown-revision"_s} << order << noRepair << QString();
    QTest::newRow("overlapping rows (an ancestor beside its descendant)")
        << u"demo"_s << u"demo-"_s + customer + u".db"_s
        << QStringList{u"INSERT INTO alembic_version VALUES ('%1')"_s.arg(book)}
        << QStringList{u"overlapping-rows"_s} << book << u"overlapping-rows"_s
        << u"demo-"_s + customer + u".db"_s;
    QTest::newRow("alembic stamp of a sibling branch")
        << u"demo"_s << u"sibling.db"_s << QStringList{} << QStringList{u"sibling-rows"_s}
        << salesIndex << u"sibling-rows"_s << u"demo-"_s + customer + u".db"_s;
    QTest::newRow("a row that is no revision id")
        << u"demo"_s << u"demo-"_s + customer + u".db"_s
        << QStringList{u"INSERT INTO alembic_version VALUES ('')"_s}
        << QStringList{u"bad-version-row"_s} << QString() << u"bad-version-row"_s
        << u"demo-"_s + customer + u".db"_s;
    QTest::newRow("failed non-transactional migration: revert")
        << u"fx"_s << u"failed.db"_s << QStringList{} << QStringList{u"half-applied"_s} << a2
        << u"half-applied"_s << u"fx-"_s + a1 + u".db"_s;
    QTest::newRow("failed non-transactional migration: complete once the data is fixed")
        << u"fx"_s << u"failed.db"_s << QStringList{u"DELETE FROM account WHERE id = 2"_s}
        << QStringList{u"half-applied"_s} << a2 << u"half-applied:complete"_s
        << u"fx-"_s + a2 + u".db"_s;
    QTest::newRow("stamp head after a failed upgrade")
        << u"fx"_s << u"failed-stamped.db"_s << QStringList{}
        << QStringList{u"version-ahead-of-schema"_s} << a1 << u"all"_s << u"fx-"_s + a1 + u".db"_s;
    QTest::newRow("leftover _alembic_tmp_ table of a failed batch")
        << u"fx"_s << u"tmp-left.db"_s << QStringList{} << QStringList{u"leftover-tmp-table"_s}
        << QString() << u"leftover-tmp-table"_s << u"fx-"_s + a2 + u".db"_s;
    QTest::newRow("no such column: the last revision's column is missing")
        << u"demo"_s << u"demo-head.db"_s << QStringList{u"ALTER TABLE book DROP COLUMN currency"_s}
        << QStringList{u"version-ahead-of-schema"_s} << order << u"all"_s
        << u"demo-"_s + order + u".db"_s;
    QTest::newRow("no such column: an earlier revision's column is missing (drift)")
        << u"demo"_s << u"demo-head.db"_s
        << QStringList{u"DROP INDEX ix_book_isbn"_s, u"ALTER TABLE book DROP COLUMN isbn"_s}
        << QStringList{u"drift"_s} << u"column book.isbn created_by "_s + isbn << u"drift"_s
        << u"demo-head.db"_s;
    QTest::newRow("duplicate column name: the schema is ahead of the version")
        << u"demo"_s << u"duplicate-column.db"_s << QStringList{}
        << QStringList{u"schema-ahead-of-version"_s} << price << u"schema-ahead-of-version"_s
        << u"demo-head.db"_s;
    QTest::newRow("extra table made outside the migrations (drift, nothing dropped)")
        << u"demo"_s << u"demo-head.db"_s
        << QStringList{u"CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"_s}
        << QStringList{u"drift"_s} << u"table notes none"_s << noRepair << QString();
    QTest::newRow("rows pointing nowhere (foreign_key_check)")
        << u"demo"_s << u"shipped.db"_s
        << QStringList{u"INSERT INTO book (id, title, author_id, in_stock) VALUES (99, 'x', 999, 1)"_s}
        << QStringList{u"foreign-keys"_s} << QString() << noRepair << QString();
    QTest::newRow("damaged index of a migration (integrity_check): rebuilt as expected")
        << u"demo"_s << u"shipped.db"_s
        << QStringList{u"PRAGMA writable_schema = ON"_s,
                       u"UPDATE sqlite_master SET sql = 'CREATE INDEX ix_book_title ON book "
                       u"(published)' WHERE name = 'ix_book_title'"_s}
        << QStringList{u"drift"_s, u"integrity"_s} << u"index ix_book_title created_by "_s + titles
        << u"all"_s << u"shipped.db"_s;
    QTest::newRow("damaged index of a table of its own (integrity_check): no repair")
        << u"demo"_s << u"shipped.db"_s
        << QStringList{u"CREATE TABLE notes (a INTEGER, b INTEGER)"_s,
                       u"INSERT INTO notes VALUES (1, 2), (3, 4)"_s,
                       u"CREATE INDEX ix_notes ON notes (a)"_s, u"PRAGMA writable_schema = ON"_s,
                       u"UPDATE sqlite_master SET sql = 'CREATE INDEX ix_notes ON notes (b)' "
                       u"WHERE name = 'ix_notes'"_s}
        << QStringList{u"drift"_s, u"integrity"_s} << u"table notes none"_s << noRepair
        << QString();
}

void TestDoctor::catalogue()
{
    QFETCH(QString, project);
    QFETCH(QString, start);
    QFETCH(QStringList, damage);
    QFETCH(QStringList, codes);
    QFETCH(QString, evidence);
    QFETCH(QString, fix);
    QFETCH(QString, reference);

    QTemporaryDir dir;
    const QString database = dir.filePath(u"broken.db"_s);
    QVERIFY(QFile::copy(db(start), database));
    QFile(database).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    if (!damage.isEmpty())
        QCOMPARE(runSql(database, damage), QString());
    const Project loaded = loadProject(path(project), database);
    QVERIFY(loaded.graph.size() > 0);

    // The diagnosis.
    const DoctorReport report = Doctor::diagnose(loaded, database);
    QVERIFY2(report.readable, qPrintable(report.error));
    QCOMPARE(report.codes(), codes);
    QCOMPARE(report.exitCode(), codes.isEmpty() ? 0 : 4);
    if (codes.isEmpty())
        return;
    const Diagnosis &first = report.diagnoses.first();
    QVERIFY(!first.title.isEmpty());
    QVERIFY(!first.explanation.isEmpty());
    if (!evidence.isEmpty()) {
        QStringList named = first.revisions + first.rows;
        for (const FingerprintCandidate &c : first.matches)
            if (c.revision >= 0)
                named.append(loaded.graph.node(c.revision).id);
        for (const AttributedDifference &a : first.differences)
            named.append(
                u"%1 %2 %3"_s.arg(SchemaDifference::objectKey(a.difference.object),
                                  a.difference.object == SchemaDifference::Object::Column
                                      ? a.difference.table + u'.' + a.difference.name
                                      : a.difference.name,
                                  AttributedDifference::roleKey(a.role) +
                                      (a.revision.isEmpty() ? QString() : u' ' + a.revision)));
        QVERIFY2(named.contains(evidence) ||
                     std::any_of(first.details.cbegin(), first.details.cend(),
                                 [&](const QString &d) { return d.contains(evidence); }),
                 qPrintable(u"%1 not in %2 / %3"_s.arg(evidence, named.join(u", "_s),
                                                       first.details.join(u" | "_s))));
    }
    // The JSON form names the same things.
    const QJsonObject json = report.toJson(loaded.graph);
    QCOMPARE(json[u"diagnoses"_s].toArray().first()[u"code"_s].toString(), codes.first());
    QCOMPARE(json[u"exit_code"_s].toInt(), 4);

    if (fix.isEmpty()) {
        const QString code = codes.first();
        QVERIFY(report.find(code)->repairs.isEmpty());
        const RepairReport refused = Doctor::repair(loaded, database, code);
        QVERIFY(!refused.ok);
        QVERIFY(refused.backupFile.isEmpty());
        return;
    }

    // The repair: backup, one transaction, re-diagnosed, audit-logged.
    const QString before = dump(database);
    const RepairReport repaired = Doctor::repair(loaded, database, fix);
    QVERIFY2(repaired.ok,
             qPrintable(repaired.error + u"\n"_s + repaired.statements.join(u";\n"_s)));
    QVERIFY(!repaired.statements.isEmpty());
    QVERIFY(QFileInfo::exists(repaired.backupFile));
    QVERIFY2(repaired.after.healthy(), qPrintable(repaired.after.codes().join(u", "_s) + u"\n"_s +
                                                  repaired.statements.join(u";\n"_s)));
    QCOMPARE(repaired.integrityMessages, QStringList{u"ok"_s});
    QCOMPARE(repaired.rowsBefore, report.rows);

    // Rows and normalised schema are what the real Alembic leaves.
    QCOMPARE(sortedRows(database), sortedRows(db(reference)));
    const SchemaSnapshot fixed = SchemaSnapshot::readFile(database).snapshot;
    const SchemaSnapshot wanted = SchemaSnapshot::readFile(db(reference)).snapshot;
    QVERIFY2(fixed == wanted, qPrintable([&] {
                 QStringList d;
                 for (const SchemaDifference &x :
                      SchemaSnapshot::compare(wanted, fixed).differences)
                     d.append(x.describe());
                 return d.join(u"; "_s);
             }()));

    const AuditLog::ReadResult log = AuditLog::read(database);
    QVERIFY(!log.entries.isEmpty());
    const AuditEntry &entry = log.entries.last();
    QCOMPARE(entry.action, u"repair"_s);
    QCOMPARE(entry.target, fix);
    QCOMPARE(entry.outcome, AuditEntry::Outcome::Ok);
    QCOMPARE(entry.backupFile, repaired.backupFile);
    QCOMPARE(entry.steps.value(0).statements, repaired.statements);

    // The backup puts the broken database back. (Backup::restore refuses a
    // backup that fails the integrity check: there the backup itself is compared.)
    if (codes.contains(u"integrity"_s)) {
        QCOMPARE(dump(repaired.backupFile), before);
        return;
    }
    const RestoreResult restored = Backup::restore(repaired.backupFile, database, dir.path());
    QVERIFY2(restored, qPrintable(restored.error));
    QCOMPARE(dump(database), before);
    QCOMPARE(Doctor::diagnose(loaded, database).codes(), codes);
}

void TestDoctor::scriptProblems_data()
{
    QTest::addColumn<FileList>("files");
    QTest::addColumn<QString>("code");

    auto plain = [](const QString &id, const QString &down) {
        return revisionFile(id, down, u"step"_s, u"    pass"_s);
    };
    QTest::newRow("syntax error")
        << FileList{{u"a.py"_s, plain(u"aaaaaaaaaaaa"_s, {})},
                    {u"b.py"_s,
                     u"revision = 'bbbbbbbbbbbb'\ndown_revision = 'aaaaaaaaaaaa'\ndef upgrade(:\n"_s}}
        << u"scripts-syntax"_s;
    QTest::newRow("missing parent")
        << FileList{{u"a.py"_s, plain(u"aaaaaaaaaaaa"_s, {})},
                    {u"b.py"_s, plain(u"bbbbbbbbbbbb"_s, u"nothere00000"_s)}}
        << u"scripts-missing-parent"_s;
    QTest::newRow("cycle") << FileList{{u"a.py"_s, plain(u"aaaaaaaaaaaa"_s, {})},
                                       {u"b.py"_s, plain(u"bbbbbbbbbbbb"_s, u"cccccccccccc"_s)},
                                       {u"c.py"_s, plain(u"cccccccccccc"_s, u"bbbbbbbbbbbb"_s)}}
                           << u"scripts-cycle"_s;
    QTest::newRow("duplicate id") << FileList{{u"a.py"_s, plain(u"aaaaaaaaaaaa"_s, {})},
                                              {u"b.py"_s, plain(u"aaaaaaaaaaaa"_s, {})}}
                                  << u"scripts-duplicate"_s;
    QTest::newRow("label clash")
        << FileList{{u"a.py"_s, revisionFile(u"aaaaaaaaaaaa"_s, {}, u"a"_s, u"    pass"_s,
                                             u"branch_labels = ('x',)"_s)},
                    {u"b.py"_s, revisionFile(u"bbbbbbbbbbbb"_s, {}, u"b"_s, u"    pass"_s,
                                             u"branch_labels = ('x',)"_s)}}
        << u"scripts-label-clash"_s;
}

void TestDoctor::scriptProblems()
{
    QFETCH(FileList, files);
    QFETCH(QString, code);
    QTemporaryDir dir;
    QVERIFY(makeProject(dir.path(), files));
    const QString database = dir.filePath(u"app.db"_s);
    QCOMPARE(runSql(database, {u"PRAGMA user_version = 1"_s}), QString()); // an empty database
    const Project project = loadProject(dir.path(), database);
    const DoctorReport report = Doctor::diagnose(project, database);
    QVERIFY(report.readable);
    QVERIFY2(report.codes().contains(code), qPrintable(report.codes().join(u", "_s)));
    QCOMPARE(report.exitCode(), 4);
    const Diagnosis *d = report.find(code);
    QVERIFY(!d->details.isEmpty()); // the file (and line)
    QVERIFY(d->repairs.isEmpty());
}

void TestDoctor::repairDryRunWritesNothing()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"app.db"_s);
    QVERIFY(QFile::copy(db(u"failed-stamped.db"_s), database));
    QFile(database).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QVERIFY(testsupport::backdate(database));
    const testsupport::FileSnapshot before = testsupport::FileSnapshot::take(database);
    const Project project = loadProject(path(u"fx"_s), database);
    RepairOptions options;
    options.dryRun = true;
    const RepairReport planned = Doctor::repair(project, database, u"all"_s, options);
    QVERIFY2(planned.ok, qPrintable(planned.error));
    // Stamped back first, then the half-applied revision undone: planned through.
    QCOMPARE(planned.steps.size(), 2);
    QCOMPARE(planned.steps[0].code, u"version-ahead-of-schema"_s);
    QCOMPARE(planned.steps[1].code, u"half-applied"_s);
    QCOMPARE(planned.statements, (QStringList{u"UPDATE alembic_version SET version_num='%1' WHERE "
                                              u"alembic_version.version_num = '%2'"_s.arg(a1, a4),
                                              u"DROP TABLE half_done"_s}));
    QVERIFY(planned.after.healthy());
    QCOMPARE(planned.rowsAfter, QStringList{a1});
    QVERIFY(planned.backupFile.isEmpty());
    const testsupport::FileSnapshot after = testsupport::FileSnapshot::take(database);
    QCOMPARE(after.bytes, before.bytes);
    QCOMPARE(after.modifiedNanoseconds, before.modifiedNanoseconds);
    QCOMPARE(after.directoryEntries, before.directoryEntries);
}

void TestDoctor::repairRefusesUnknownCode()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"app.db"_s);
    QVERIFY(QFile::copy(db(u"shipped.db"_s), database));
    QFile(database).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const Project project = loadProject(path(u"demo"_s), database);
    const RepairReport refused = Doctor::repair(project, database, u"half-applied"_s);
    QVERIFY(!refused.ok);
    QVERIFY(refused.error.contains(u"half-applied"_s));
    QVERIFY(Backup::list(database).isEmpty());
    const RepairReport nothing = Doctor::repair(project, database, u"all"_s);
    QVERIFY(!nothing.ok);
    QVERIFY(Backup::list(database).isEmpty());
    // A repair asked for by a key the finding does not have.
    QVERIFY(QFile::copy(db(u"failed.db"_s), dir.filePath(u"failed.db"_s)));
    QFile(dir.filePath(u"failed.db"_s)).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    const Project fx = loadProject(path(u"fx"_s), dir.filePath(u"failed.db"_s));
    const RepairReport wrongKey =
        Doctor::repair(fx, dir.filePath(u"failed.db"_s), u"half-applied:nonsense"_s);
    QVERIFY(!wrongKey.ok);
    QVERIFY2(wrongKey.error.contains(u"revert"_s) && wrongKey.error.contains(u"complete"_s),
             qPrintable(wrongKey.error));
    QVERIFY(Backup::list(dir.filePath(u"failed.db"_s)).isEmpty());
    // An unreadable database is reported as such.
    const DoctorReport missing = Doctor::diagnose(project, dir.filePath(u"missing.db"_s));
    QVERIFY(!missing.readable);
    QCOMPARE(missing.exitCode(), 5);
}

void TestDoctor::fingerprintGeneratedHistory()
{
    // 120 revisions with branches and merges; a database upgraded by the real
    // Alembic to every 5th revision of the upgrade order.
    const QString dir = path(u"gen"_s);
    QProcess generator;
    generator.start(python, {sourcePath(u"tests/conformance/gen_alembic_history.py"_s), dir,
                             u"--revisions"_s, u"120"_s, u"--branch-every"_s, u"20"_s});
    QVERIFY(generator.waitForFinished(120000));
    QCOMPARE(generator.exitCode(), 0);
    const Project project = loadProject(dir);
    QCOMPARE(project.graph.size(), 120);
    const std::shared_ptr<const ExpectedSchemas> expected = ExpectedSchemas::compute(project);
    QVERIFY2(expected->available(), qPrintable(expected->error()));
    QList<int> targets;
    for (qsizetype i = 0; i < expected->upgradeOrder().size(); i += 5)
        targets.append(expected->upgradeOrder()[i]);
    targets.append(expected->upgradeOrder().last());
    QList<AlembicJob> jobs;
    for (int t : std::as_const(targets))
        jobs.append({dir,
                     {u"-c"_s, u"alembic.ini"_s, u"upgrade"_s, project.graph.node(t).id},
                     dir + u"/app.db"_s,
                     {},
                     dir + u"/at-"_s + project.graph.node(t).id + u".db"_s});
    QString error;
    const QList<AlembicResult> results = runAlembic(jobs, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const int truth = targets[i];
        const QString id = project.graph.node(truth).id;
        QVERIFY2(results[i].rc == 0, qPrintable(results[i].err));
        const QString database = dir + u"/at-"_s + id + u".db"_s;
        const SchemaSnapshot actual = SchemaSnapshot::readFile(database).snapshot;
        const QList<FingerprintCandidate> exact = Fingerprint::exactMatches(*expected, actual);
        QList<int> found;
        for (const FingerprintCandidate &c : exact)
            found.append(c.revision);
        QVERIFY2(found.contains(truth), qPrintable(u"%1 not among the exact matches"_s.arg(id)));
        // Any other candidate has exactly the same expected schema.
        for (int other : std::as_const(found))
            QVERIFY(expected->at(other).snapshot == expected->at(truth).snapshot);
        const QList<FingerprintCandidate> ranked = Fingerprint::rank(*expected, actual, 10);
        QVERIFY(ranked.first().exact);
        for (qsizetype k = 1; k < ranked.size(); ++k)
            QVERIFY(ranked[k - 1].differenceSize <= ranked[k].differenceSize);
        // Alembic's own database is healthy for the doctor.
        const Project withDb = loadProject(dir, database);
        const DoctorReport report = Doctor::diagnose(withDb, database);
        QVERIFY2(report.healthy(), qPrintable(id + u": "_s + report.codes().join(u", "_s)));
    }
}

void TestDoctor::fingerprintIdenticalSchemas()
{
    // a4 only changes rows: a3 and a4 leave identical schemas, both are candidates.
    const Project project = loadProject(path(u"fx"_s));
    const std::shared_ptr<const ExpectedSchemas> expected = ExpectedSchemas::forProject(project);
    for (const QString &at : {a3, a4}) {
        const SchemaSnapshot actual =
            SchemaSnapshot::readFile(db(u"fx-"_s + at + u".db"_s)).snapshot;
        QList<QString> found;
        for (const FingerprintCandidate &c : Fingerprint::exactMatches(*expected, actual))
            found.append(project.graph.node(c.revision).id);
        QCOMPARE(found, (QList<QString>{a3, a4}));
    }
    // The empty schema matches "no revision".
    const QList<FingerprintCandidate> empty = Fingerprint::rank(*expected, SchemaSnapshot(), 1);
    QCOMPARE(empty.first().revision, -1);
    QVERIFY(empty.first().exact);
}

void TestDoctor::commandLine()
{
    QTemporaryDir dir;
    const QString database = dir.filePath(u"app.db"_s);
    QVERIFY(QFile::copy(db(u"failed.db"_s), database));
    QFile(database).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    auto retort = [&](const QStringList &args, QString *out = nullptr) {
        QProcess process;
        process.setWorkingDirectory(path(u"fx"_s));
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(QStringLiteral(RETORT_BINARY),
                      QStringList{u"--lang"_s, u"en"_s, u"--db"_s, database} + args);
        process.waitForFinished(120000);
        if (out)
            *out = QString::fromUtf8(process.readAllStandardOutput());
        return process.exitCode();
    };
    QString out;
    QCOMPARE(retort({u"doctor"_s}, &out), 4);
    QVERIFY2(out.contains(u"half-applied"_s) && out.contains(u"DROP TABLE half_done;"_s),
             qPrintable(out));
    QCOMPARE(retort({u"--json"_s, u"doctor"_s}, &out), 4);
    const QJsonObject json = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(json[u"exit_code"_s].toInt(), 4);
    QCOMPARE(json[u"format_version"_s].toString(), u"1"_s);
    QCOMPARE(json[u"diagnoses"_s].toArray().first()[u"code"_s].toString(), u"half-applied"_s);
    QCOMPARE(json[u"diagnoses"_s].toArray().first()[u"repairs"_s].toArray().size(), 2);

    // Without --yes (and no terminal): the SQL, nothing written.
    const QByteArray bytes = testsupport::fileBytes(database);
    QCOMPARE(retort({u"doctor"_s, u"--fix"_s, u"half-applied"_s}, &out), 0);
    QVERIFY2(out.contains(u"DROP TABLE half_done;"_s) && out.contains(u"--yes"_s), qPrintable(out));
    QCOMPARE(testsupport::fileBytes(database), bytes);
    QVERIFY(Backup::list(database).isEmpty());

    QCOMPARE(retort({u"doctor"_s, u"--fix"_s, u"no-such-code"_s}, &out), 1);
    const QString backups = dir.filePath(u"backups"_s);
    QCOMPARE(retort({u"doctor"_s, u"--fix"_s, u"half-applied"_s, u"--yes"_s, u"--backup-dir"_s,
                     backups},
                    &out),
             0);
    QVERIFY2(out.contains(u"No problems found."_s), qPrintable(out));
    QCOMPARE(Backup::list(database, backups).size(), 1);
    QVERIFY(Backup::list(database).isEmpty());
    QCOMPARE(retort({u"doctor"_s}, &out), 0);
    QCOMPARE(retort({u"doctor"_s, u"--fix"_s, u"all"_s, u"--yes"_s}, &out), 1); // nothing to fix

    QCOMPARE(retort({u"--db"_s, dir.filePath(u"missing.db"_s), u"doctor"_s}), 5);
}

QTEST_GUILESS_MAIN(TestDoctor)
#include "tst_doctor.moc"
