// VersionTable::read: the version table's rows, read without touching the file.

#include "versiontable.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;
using retort::VersionTable;
using retort::VersionTableState;

namespace {

const QString alembicTable = u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                             u"CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s;

// Runs statements on a writable connection of its own, closed afterwards.
bool runStatements(const QString &path, const QStringList &statements, QString *error)
{
    static int counter = 0;
    const QString name = u"tst-writer-"_s + QString::number(++counter);
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        ok = db.open();
        if (!ok)
            *error = db.lastError().text();
        QSqlQuery query(db);
        for (const QString &statement : statements) {
            if (!ok)
                break;
            ok = query.exec(statement);
            if (!ok)
                *error = statement + u": "_s + query.lastError().text();
        }
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

// What must not change when Retort reads a database.
struct FileSnapshot
{
    bool exists = false;
    QByteArray bytes;
    QDateTime modified;
    qint64 modifiedNanoseconds = 0;
    QStringList directoryEntries;

    static FileSnapshot take(const QString &path)
    {
        FileSnapshot snapshot;
        const QFileInfo info(path);
        snapshot.exists = info.exists();
        snapshot.modified = info.lastModified();
        if (info.isFile()) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                snapshot.bytes = file.readAll();
        }
#ifdef Q_OS_UNIX
        struct stat status;
        if (::stat(QFile::encodeName(path).constData(), &status) == 0) {
            snapshot.modifiedNanoseconds =
                qint64(status.st_mtim.tv_sec) * 1000000000 + status.st_mtim.tv_nsec;
        }
#endif
        snapshot.directoryEntries =
            QDir(info.absolutePath())
                .entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                           QDir::Name);
        return snapshot;
    }
};

// Leaves the -journal of a writer killed in the middle of a transaction (a
// "hot journal"), using the sqlite3 shell as the writer.
bool leaveHotJournal(const QString &path, QString *error)
{
    const QString sqlite3 = QStandardPaths::findExecutable(u"sqlite3"_s);
    if (sqlite3.isEmpty()) {
        *error = u"the sqlite3 shell is not installed"_s;
        return false;
    }
    QProcess writer;
    writer.start(sqlite3, {path});
    if (!writer.waitForStarted()) {
        *error = writer.errorString();
        return false;
    }
    // A one-page cache makes SQLite write the journal (and change the file)
    // long before the commit that never comes.
    writer.write("PRAGMA cache_size=1;\n"
                 "CREATE TABLE filler (x);\n"
                 "INSERT INTO filler SELECT randomblob(1000) FROM (WITH RECURSIVE r(i) AS "
                 "(SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 300) SELECT i FROM r);\n"
                 "BEGIN;\n"
                 "UPDATE filler SET x = randomblob(1000);\n"
                 "SELECT 'ready';\n");
    const QString journal = path + u"-journal"_s;
    QDeadlineTimer deadline(10000);
    while (!writer.readAllStandardOutput().contains("ready") && !deadline.hasExpired())
        writer.waitForReadyRead(100);
    writer.kill();
    writer.waitForFinished();
    if (QFileInfo(journal).size() == 0) {
        *error = u"the killed writer left no journal"_s;
        return false;
    }
    return true;
}

// Moves a file's modification time into the past, so that a write during the
// test would show even on file systems with coarse timestamps.
bool backdate(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    const QDateTime past = QDateTime::currentDateTimeUtc().addDays(-3).addMSecs(-123);
    return file.setFileTime(past, QFileDevice::FileModificationTime);
}

} // namespace

class TestVersionTable : public QObject
{
    Q_OBJECT

private slots:
    void read_data();
    void read();
};

void TestVersionTable::read_data()
{
    // fixture: "sql" builds the database from `statements`; the others make
    // something that is not a plain readable database.
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("table");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("badValues");
    QTest::addColumn<QString>("errorContains");

    const QString db = u"app.db"_s;
    const QString defaultTable = u"alembic_version"_s;
    const int ok = int(VersionTableState::Status::Ok);

    QTest::newRow("one row") << u"sql"_s << db
                             << QStringList{alembicTable,
                                            u"INSERT INTO alembic_version VALUES ('ae1027a6acf')"_s}
                             << defaultTable << ok << QStringList{u"ae1027a6acf"_s} << QStringList{}
                             << QString();
    // The primary key's index would list them sorted; Alembic's rows come in
    // insertion order.
    QTest::newRow("several rows in insertion order")
        << u"sql"_s << db
        << QStringList{alembicTable, u"INSERT INTO alembic_version VALUES ('b2'), ('a1'), ('c3')"_s}
        << defaultTable << ok << QStringList{u"b2"_s, u"a1"_s, u"c3"_s} << QStringList{}
        << QString();
    // With a second column the primary key's index is the cheaper scan, and
    // it would return the rows sorted.
    QTest::newRow("insertion order where an index scan would sort")
        << u"sql"_s << db
        << QStringList{u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                       u"note TEXT, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s,
                       u"INSERT INTO alembic_version VALUES ('b2', 'x'), ('a1', 'y'), ('c3', 'z')"_s}
        << defaultTable << ok << QStringList{u"b2"_s, u"a1"_s, u"c3"_s} << QStringList{}
        << QString();
    QTest::newRow("empty table") << u"sql"_s << db << QStringList{alembicTable} << defaultTable
                                 << ok << QStringList{} << QStringList{} << QString();
    QTest::newRow("no table") << u"sql"_s << db
                              << QStringList{u"CREATE TABLE users (id INTEGER PRIMARY KEY)"_s}
                              << defaultTable << int(VersionTableState::Status::NoTable)
                              << QStringList{} << QStringList{} << QString();
    QTest::newRow("zero-byte file is an empty database")
        << u"empty"_s << db << QStringList{} << defaultTable
        << int(VersionTableState::Status::NoTable) << QStringList{} << QStringList{} << QString();
    QTest::newRow("custom table name with space and quote")
        << u"sql"_s << db
        << QStringList{u"CREATE TABLE \"my \"\"odd\"\" versions\" (version_num VARCHAR(32) NOT NULL)"_s,
                       u"INSERT INTO \"my \"\"odd\"\" versions\" VALUES ('1975ea83b712')"_s,
                       alembicTable, u"INSERT INTO alembic_version VALUES ('other')"_s}
        << u"my \"odd\" versions"_s << ok << QStringList{u"1975ea83b712"_s} << QStringList{}
        << QString();
    QTest::newRow("table name matched without regard to case")
        << u"sql"_s << db
        << QStringList{u"CREATE TABLE ALEMBIC_VERSION (VERSION_NUM VARCHAR(32) NOT NULL)"_s,
                       u"INSERT INTO ALEMBIC_VERSION VALUES ('abc123')"_s}
        << defaultTable << ok << QStringList{u"abc123"_s} << QStringList{} << QString();
    QTest::newRow("NULL row")
        << u"sql"_s << db
        << QStringList{u"CREATE TABLE alembic_version (version_num VARCHAR(32))"_s,
                       u"INSERT INTO alembic_version VALUES ('abc123'), (NULL)"_s}
        << defaultTable << ok << QStringList{u"abc123"_s} << QStringList{u"NULL"_s} << QString();
    // A column without a declared type keeps numbers and blobs as they are.
    QTest::newRow("integer row") << u"sql"_s << db
                                 << QStringList{u"CREATE TABLE alembic_version (version_num)"_s,
                                                u"INSERT INTO alembic_version VALUES (42)"_s}
                                 << defaultTable << ok << QStringList{}
                                 << QStringList{u"integer 42"_s} << QString();
    QTest::newRow("empty string, real and blob rows")
        << u"sql"_s << db
        << QStringList{u"CREATE TABLE alembic_version (version_num)"_s,
                       u"INSERT INTO alembic_version VALUES (''), ('d4e5'), (1.5), (X'010203'), "
                       u"(X'00')"_s}
        << defaultTable << ok << QStringList{u"d4e5"_s}
        << QStringList{u"empty string"_s, u"real 1.5"_s, u"blob (3 bytes)"_s, u"blob (1 byte)"_s}
        << QString();
    QTest::newRow("text that is no revision id is still a row")
        << u"sql"_s << db
        << QStringList{alembicTable, u"INSERT INTO alembic_version VALUES ('not an id!')"_s}
        << defaultTable << ok << QStringList{u"not an id!"_s} << QStringList{} << QString();
    QTest::newRow("WITHOUT ROWID table")
        << u"sql"_s << db
        << QStringList{u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL "
                       u"PRIMARY KEY) WITHOUT ROWID"_s,
                       u"INSERT INTO alembic_version VALUES ('b2'), ('a1')"_s}
        << defaultTable << ok << QStringList{u"a1"_s, u"b2"_s} << QStringList{} << QString();
    // A column called rowid hides the real one under that name only.
    QTest::newRow("column named rowid does not change the order")
        << u"sql"_s << db
        << QStringList{u"CREATE TABLE alembic_version (version_num VARCHAR(32), rowid INTEGER)"_s,
                       u"INSERT INTO alembic_version VALUES ('first', 2), ('second', 1)"_s}
        << defaultTable << ok << QStringList{u"first"_s, u"second"_s} << QStringList{} << QString();
    QTest::newRow("missing version_num column")
        << u"sql"_s << db
        << QStringList{u"CREATE TABLE alembic_version (revision VARCHAR(32))"_s,
                       u"INSERT INTO alembic_version VALUES ('abc')"_s}
        << defaultTable << int(VersionTableState::Status::Unreadable) << QStringList{}
        << QStringList{} << u"has no version_num column"_s;
    QTest::newRow("file name with URI characters")
        << u"sql"_s << u"odd ?#% name.db"_s
        << QStringList{alembicTable, u"INSERT INTO alembic_version VALUES ('f00d')"_s}
        << defaultTable << ok << QStringList{u"f00d"_s} << QStringList{} << QString();
    QTest::newRow("WAL-mode database")
        << u"wal"_s << db
        << QStringList{u"PRAGMA journal_mode=WAL"_s, alembicTable,
                       u"INSERT INTO alembic_version VALUES ('cafe01')"_s}
        << defaultTable << ok << QStringList{u"cafe01"_s} << QStringList{} << QString();
    QTest::newRow("missing file") << u"missing"_s << db << QStringList{} << defaultTable
                                  << int(VersionTableState::Status::MissingFile) << QStringList{}
                                  << QStringList{} << u"does not exist"_s;
    QTest::newRow("directory") << u"directory"_s << db << QStringList{} << defaultTable
                               << int(VersionTableState::Status::Unreadable) << QStringList{}
                               << QStringList{} << u"is a directory"_s;
    QTest::newRow("text file") << u"text"_s << db << QStringList{} << defaultTable
                               << int(VersionTableState::Status::NotADatabase) << QStringList{}
                               << QStringList{} << u"file is not a database"_s;
    QTest::newRow("truncated database")
        << u"truncated"_s << db
        << QStringList{alembicTable, u"INSERT INTO alembic_version VALUES ('abc')"_s}
        << defaultTable << int(VersionTableState::Status::NotADatabase) << QStringList{}
        << QStringList{} << u"malformed"_s;
    QTest::newRow("hot journal") << u"hot journal"_s << db
                                 << QStringList{alembicTable,
                                                u"INSERT INTO alembic_version VALUES ('abc')"_s}
                                 << defaultTable << int(VersionTableState::Status::Unreadable)
                                 << QStringList{} << QStringList{}
                                 << u"stopped in the middle of a transaction"_s;
    QTest::newRow("locked database")
        << u"locked"_s << db
        << QStringList{alembicTable, u"INSERT INTO alembic_version VALUES ('abc')"_s}
        << defaultTable << int(VersionTableState::Status::Locked) << QStringList{} << QStringList{}
        << u"database is locked"_s;
}

void TestVersionTable::read()
{
    QFETCH(QString, fixture);
    QFETCH(QString, fileName);
    QFETCH(QStringList, statements);
    QFETCH(QString, table);
    QFETCH(int, status);
    QFETCH(QStringList, rows);
    QFETCH(QStringList, badValues);
    QFETCH(QString, errorContains);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(fileName);

    QString error;
    if (!statements.isEmpty())
        QVERIFY2(runStatements(path, statements, &error), qPrintable(error));
    if (fixture == u"empty"_s || fixture == u"text"_s) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (fixture == u"text"_s)
            file.write("[alembic]\nscript_location = migrations\n");
    } else if (fixture == u"truncated"_s) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 100);
        QVERIFY(file.resize(100));
    } else if (fixture == u"directory"_s) {
        QVERIFY(QDir(directory.path()).mkdir(fileName));
    } else if (fixture == u"hot journal"_s) {
        QVERIFY2(leaveHotJournal(path, &error), qPrintable(error));
    } else if (fixture == u"wal"_s) {
        // The writer closed: SQLite removed its -wal/-shm, but the header stays in WAL mode.
        QVERIFY(!QFileInfo::exists(path + u"-wal"_s));
    }
    if (fixture != u"missing"_s && fixture != u"directory"_s) {
        QVERIFY(backdate(path));
        if (fixture == u"hot journal"_s)
            QVERIFY(backdate(path + u"-journal"_s));
    }

    // A second connection holding an exclusive lock, as a writer in the middle
    // of a transaction does.
    const QString lockerName = u"tst-locker"_s;
    std::optional<QSqlQuery> lockHolder;
    if (fixture == u"locked"_s) {
        QSqlDatabase locker = QSqlDatabase::addDatabase(u"QSQLITE"_s, lockerName);
        locker.setDatabaseName(path);
        QVERIFY(locker.open());
        lockHolder.emplace(locker);
        QVERIFY2(lockHolder->exec(u"BEGIN EXCLUSIVE"_s),
                 qPrintable(lockHolder->lastError().text()));
    }

    // The database and every companion file SQLite could create or change.
    const QStringList watched{path, path + u"-journal"_s, path + u"-wal"_s, path + u"-shm"_s};
    QList<FileSnapshot> before;
    for (const QString &file : watched)
        before.append(FileSnapshot::take(file));
    const VersionTableState state = VersionTable::read(path, table);
    QList<FileSnapshot> after;
    for (const QString &file : watched)
        after.append(FileSnapshot::take(file));

    if (lockHolder) {
        QVERIFY(lockHolder->exec(u"ROLLBACK"_s));
        lockHolder.reset();
        QSqlDatabase::database(lockerName, false).close();
        QSqlDatabase::removeDatabase(lockerName);
    }

    QCOMPARE(int(state.status), status);
    QCOMPARE(state.rows, rows);
    QCOMPARE(state.badValues, badValues);
    if (errorContains.isEmpty()) {
        QVERIFY2(state.error.isEmpty(), qPrintable(state.error));
    } else {
        QVERIFY2(state.error.contains(errorContains), qPrintable(state.error));
        QVERIFY2(state.error.contains(QDir::toNativeSeparators(path)), qPrintable(state.error));
    }
    QVERIFY2(QRegularExpression(u"^3\\.\\d+\\.\\d+"_s).match(state.sqliteVersion).hasMatch(),
             qPrintable(state.sqliteVersion));
    QCOMPARE(state.readable(), status == int(VersionTableState::Status::Ok) ||
                                   status == int(VersionTableState::Status::NoTable));

    // Reading changed nothing: same bytes, same modification time, and no
    // journal, -wal or -shm file that was not there before.
    for (qsizetype i = 0; i < watched.size(); ++i) {
        const QByteArray file = watched.at(i).toUtf8();
        QVERIFY2(after.at(i).exists == before.at(i).exists, file.constData());
        QVERIFY2(after.at(i).bytes == before.at(i).bytes, file.constData());
        QCOMPARE(after.at(i).modified, before.at(i).modified);
        QCOMPARE(after.at(i).modifiedNanoseconds, before.at(i).modifiedNanoseconds);
        if (i > 0 && fixture != u"hot journal"_s)
            QVERIFY2(!after.at(i).exists, file.constData());
    }
    QCOMPARE(after.first().directoryEntries, before.first().directoryEntries);
}

QTEST_GUILESS_MAIN(TestVersionTable)
#include "tst_versiontable.moc"
