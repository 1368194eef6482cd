// Doctor::checkIntegrity: SQLite's integrity_check and foreign_key_check on a
// database file, read-only, without a project: sound on the demo database,
// failures named on damaged copies, clear errors for files it cannot read.

#include "doctor.h"
#include "executortestsupport.h"
#include "schemasnapshot.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace retort;

namespace {

QString demoDatabase()
{
    return QStringLiteral(RETORT_SOURCE_DIR) + u"/resources/demo/demo.db"_s;
}

// A writable copy of the demo database with `damage` run on it.
QString damagedCopy(const QTemporaryDir &dir, const QStringList &damage)
{
    const QString path = dir.filePath(u"copy.db"_s);
    QFile::remove(path);
    if (!QFile::copy(demoDatabase(), path))
        return {};
    QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QString error;
    if (!testsupport::runStatements(path, damage, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    return path;
}

struct Run
{
    int exitCode = -1;
    QString out, err;
};

// `retort --lang en ARGS` in `cwd` (no alembic.ini there).
Run runRetort(const QString &cwd, const QStringList &args)
{
    QProcess process;
    process.setWorkingDirectory(cwd);
    process.start(QStringLiteral(RETORT_BINARY), QStringList{u"--lang"_s, u"en"_s} + args);
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestIntegrityCheck : public QObject
{
    Q_OBJECT

private slots:
    void soundDatabaseIsUnchanged();
    void foreignKeyViolationIsNamed();
    void damagedIndexFailsIntegrityCheck();
    void unreadableFiles_data();
    void unreadableFiles();
    void commandLine();
};

void TestIntegrityCheck::soundDatabaseIsUnchanged()
{
    QTemporaryDir dir;
    const QString path = damagedCopy(dir, {});
    QVERIFY(!path.isEmpty());
    QVERIFY(testsupport::backdate(path));
    const auto before = testsupport::FileSnapshot::take(path);

    const IntegrityReport report = Doctor::checkIntegrity(path);
    QVERIFY2(report.readable(), qPrintable(report.error));
    QVERIFY(report.sound());
    QVERIFY(bool(report));
    QCOMPARE(report.integrityMessages, QStringList{u"ok"_s});
    QVERIFY(report.foreignKeyViolations.isEmpty());
    QCOMPARE(report.database, path);
    QVERIFY(report.summary().contains(u"sound"_s));

    // Read-only: the bytes, the time and the folder (no journal) stay.
    const auto after = testsupport::FileSnapshot::take(path);
    QCOMPARE(after.bytes, before.bytes);
    QCOMPARE(after.modifiedNanoseconds, before.modifiedNanoseconds);
    QCOMPARE(after.directoryEntries, before.directoryEntries);
}

void TestIntegrityCheck::foreignKeyViolationIsNamed()
{
    QTemporaryDir dir;
    // Foreign keys are off on the writer's connection, so SQLite accepts the row.
    const QString path = damagedCopy(
        dir, {u"INSERT INTO book (id, title, author_id, in_stock) VALUES (99, 'x', 999, 1)"_s});
    QVERIFY(!path.isEmpty());
    const IntegrityReport report = Doctor::checkIntegrity(path);
    QVERIFY2(report.readable(), qPrintable(report.error));
    QCOMPARE(report.integrityMessages, QStringList{u"ok"_s}); // the file itself is sound
    QVERIFY(!report.sound());
    QCOMPARE(report.foreignKeyViolations.size(), 1);
    QVERIFY2(report.foreignKeyViolations.first().contains(u"book"_s) &&
                 report.foreignKeyViolations.first().contains(u"author"_s),
             qPrintable(report.foreignKeyViolations.first()));
    QVERIFY2(report.summary().contains(u"rows that refer to rows that do not exist: 1"_s), qPrintable(report.summary()));
}

void TestIntegrityCheck::damagedIndexFailsIntegrityCheck()
{
    QTemporaryDir dir;
    // An index whose stored definition no longer matches its entries.
    const QString path = damagedCopy(
        dir, {u"PRAGMA writable_schema = ON"_s,
              u"UPDATE sqlite_master SET sql = 'CREATE INDEX ix_book_title ON book (published)' "
              u"WHERE name = 'ix_book_title'"_s});
    QVERIFY(!path.isEmpty());
    const IntegrityReport report = Doctor::checkIntegrity(path);
    QVERIFY2(report.readable(), qPrintable(report.error));
    QVERIFY(!report.sound());
    QVERIFY(report.integrityMessages != QStringList{u"ok"_s});
    QVERIFY(!report.integrityMessages.isEmpty());
    QVERIFY2(report.summary().contains(u"integrity check reports"_s), qPrintable(report.summary()));
}

void TestIntegrityCheck::unreadableFiles_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file at all
    QTest::addColumn<QString>("mentions");
    QTest::newRow("missing file") << QByteArray() << u"missing.db"_s;
    QTest::newRow("not a database") << QByteArray(4096, 'x') << u"not a database"_s;
}

void TestIntegrityCheck::unreadableFiles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing.db"_s);
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const IntegrityReport report = Doctor::checkIntegrity(path);
    QVERIFY(!report.readable());
    QVERIFY(!report.sound());
    QVERIFY2(report.error.contains(mentions, Qt::CaseInsensitive), qPrintable(report.error));
    QVERIFY(report.summary().contains(report.error));
    // Nothing was created or changed.
    QCOMPARE(QFileInfo::exists(path), !content.isEmpty());
    if (!content.isEmpty())
        QCOMPARE(testsupport::fileBytes(path), content);
    QVERIFY(!Doctor::checkIntegrity(QString()).readable());
}


// `retort integrity` and `retort schema` need only --db (no migration scripts),
// read without changing the file, and exit 0 / 4 / 5 like the doctor.
void TestIntegrityCheck::commandLine()
{
    QTemporaryDir dir;
    const QString sound = damagedCopy(dir, {});
    QVERIFY(!sound.isEmpty());
    QVERIFY(QFile::rename(sound, dir.filePath(u"sound.db"_s)));
    QVERIFY(testsupport::backdate(dir.filePath(u"sound.db"_s)));
    const auto before = testsupport::FileSnapshot::take(dir.filePath(u"sound.db"_s));

    Run run = runRetort(dir.path(), {u"--db"_s, u"sound.db"_s, u"integrity"_s});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(u"Integrity check:   ok"_s) &&
                 run.out.contains(u"Foreign key check: ok"_s),
             qPrintable(run.out));

    run = runRetort(dir.path(), {u"--db"_s, u"sound.db"_s, u"schema"_s});
    QCOMPARE(run.exitCode, 0);
    for (const QString &expected :
         {u"table alembic_version"_s, u"table book"_s,
          u"FOREIGN KEY (author_id) REFERENCES author (id) ON DELETE CASCADE"_s,
          u"title      VARCHAR(200) NOT NULL"_s, u"index ix_book_title ON book (title)"_s})
        QVERIFY2(run.out.contains(expected), qPrintable(expected + u"\n"_s + run.out));
    // The JSON form holds every table the snapshot reads (the version table too).
    run = runRetort(dir.path(), {u"--json"_s, u"--db"_s, u"sound.db"_s, u"schema"_s});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    const SchemaSnapshot snapshot =
        SchemaSnapshot::readFile(dir.filePath(u"sound.db"_s), QString()).snapshot;
    QCOMPARE(json[u"tables"_s].toArray().size(), snapshot.tables().size());
    QCOMPARE(json[u"indexes"_s].toArray().size(), snapshot.indexes().size());
    const auto after = testsupport::FileSnapshot::take(dir.filePath(u"sound.db"_s));
    QCOMPARE(after.bytes, before.bytes);
    QCOMPARE(after.modifiedNanoseconds, before.modifiedNanoseconds);
    QCOMPARE(after.directoryEntries, before.directoryEntries);

    // A row pointing nowhere: exit 4, the row named; the same in JSON.
    damagedCopy(dir, {u"INSERT INTO book (id, title, author_id, in_stock) VALUES (99, 'x', 999, 1)"_s});
    run = runRetort(dir.path(), {u"--db"_s, u"copy.db"_s, u"integrity"_s});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.out.contains(u"rows that refer to rows that do not exist"_s) &&
                 run.out.contains(u"author"_s),
             qPrintable(run.out));
    run = runRetort(dir.path(), {u"--json"_s, u"--db"_s, u"copy.db"_s, u"integrity"_s});
    QCOMPARE(run.exitCode, 4);
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QCOMPARE(report[u"sound"_s].toBool(true), false);
    QCOMPARE(report[u"foreign_key_violations"_s].toArray().size(), 1);
    QCOMPARE(report[u"exit_code"_s].toInt(), 4);

    // A damaged index: integrity_check itself fails.
    damagedCopy(dir, {u"PRAGMA writable_schema = ON"_s,
                      u"UPDATE sqlite_master SET sql = 'CREATE INDEX ix_book_title ON book "
                      u"(published)' WHERE name = 'ix_book_title'"_s});
    run = runRetort(dir.path(), {u"--db"_s, u"copy.db"_s, u"integrity"_s});
    QCOMPARE(run.exitCode, 4);
    QVERIFY(!run.out.contains(u"Integrity check:   ok"_s));

    // Unreadable: exit 5 naming the file, nothing created; no database at all: usage.
    for (const QString &command : {u"integrity"_s, u"schema"_s}) {
        run = runRetort(dir.path(), {u"--db"_s, u"missing.db"_s, command});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"missing.db"_s), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"missing.db"_s)));
        run = runRetort(dir.path(), {command});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"--db"_s), qPrintable(run.err));
    }
}

QTEST_GUILESS_MAIN(TestIntegrityCheck)
#include "tst_integritycheck.moc"
