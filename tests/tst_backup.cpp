// Backup: consistent snapshots through SQLite's online backup API, their
// names and listing, and restores that first back up what they replace.

#include "auditlog.h"
#include "backup.h"
#include "executortestsupport.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testsupport;
using retort::AuditEntry;
using retort::AuditLog;
using retort::Backup;
using retort::BackupError;
using retort::BackupInfo;

Q_DECLARE_METATYPE(retort::BackupError)

namespace {

const QStringList sampleContent{
    u"CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT NOT NULL, avatar BLOB)"_s,
    u"CREATE INDEX ix_account_name ON account (name)"_s,
    u"INSERT INTO account (name, avatar) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
    u"FROM n WHERE i < 400) SELECT 'user' || i, randomblob(300) FROM n"_s,
    u"CREATE VIEW named AS SELECT name FROM account"_s,
    u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
    u"alembic_version_pkc PRIMARY KEY (version_num))"_s,
    u"INSERT INTO alembic_version VALUES ('ae1027a6acf')"_s,
    // Schema changes move the schema cookie away from what a fresh copy would have.
    u"ALTER TABLE account ADD COLUMN email TEXT"_s,
    u"DELETE FROM account WHERE id % 7 = 0"_s,
};

QString makeDatabase(const QString &path, bool wal)
{
    QStringList statements = sampleContent;
    if (wal)
        statements.prepend(u"PRAGMA journal_mode = WAL"_s);
    QString error;
    if (!runStatements(path, statements, &error))
        qWarning("setting up %s failed: %s", qPrintable(path), qPrintable(error));
    return path;
}

// Differences between two files, ignoring the header fields SQLite must bump
// when it writes a database (change counter, schema cookie, version-valid-for).
QList<qsizetype> differingBytes(const QByteArray &a, const QByteArray &b, bool ignoreCounters)
{
    QList<qsizetype> offsets;
    if (a.size() != b.size())
        return {-1};
    for (qsizetype i = 0; i < a.size(); ++i) {
        const bool counter = (i >= 24 && i < 28) || (i >= 40 && i < 44) || (i >= 92 && i < 100);
        if (a.at(i) != b.at(i) && !(ignoreCounters && counter))
            offsets.append(i);
    }
    return offsets;
}

QStringList filesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden, QDir::Name);
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createIsAFaithfulCopy_data();
    void createIsAFaithfulCopy();
    void takenNameGetsASuffix();
    void listNewestFirst();
    void createRefusals_data();
    void createRefusals();
    void createWhileOthersHoldLocks_data();
    void createWhileOthersHoldLocks();
    void createRollsBackAHotJournalFirst();
    void restoreRoundTrip_data();
    void restoreRoundTrip();
    void restoreLockedDatabaseChangesNothing();
    void restoreRefusesADamagedBackup();
    void restoreIntoMissingDatabase();
    void restoreOverAFileThatIsNotADatabase();
};

void TestBackup::createIsAFaithfulCopy_data()
{
    QTest::addColumn<bool>("wal");
    QTest::addColumn<bool>("inFolder");
    QTest::addColumn<bool>("byteIdentical");
    QTest::newRow("rollback journal, beside the database") << false << false << true;
    QTest::newRow("rollback journal, in a configured folder") << false << true << true;
    // In WAL mode the newest pages live in the -wal file; the copy holds them,
    // with a header of its own.
    QTest::newRow("WAL mode") << true << false << false;
}

void TestBackup::createIsAFaithfulCopy()
{
    QFETCH(bool, wal);
    QFETCH(bool, inFolder);
    QFETCH(bool, byteIdentical);
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), wal);
    const QString folder = inFolder ? dir.filePath(u"backups/nested"_s) : QString();
    const QString expectedDump = dump(db);
    const QByteArray expectedBytes = fileBytes(db);

    const retort::BackupResult backup = Backup::create(db, folder);
    QVERIFY2(backup, qPrintable(backup.error));
    const QFileInfo file(backup.file);
    QCOMPARE(file.absolutePath(), inFolder ? folder : dir.path());
    QVERIFY2(QRegularExpression(u"^shop\\.db\\.\\d{8}_\\d{6}\\.bak$"_s)
                 .match(file.fileName())
                 .hasMatch(),
             qPrintable(file.fileName()));
    const QDateTime stamped =
        QDateTime::fromString(file.fileName().mid(8, 15), u"yyyyMMdd_HHmmss"_s);
    QVERIFY(qAbs(stamped.secsTo(QDateTime::currentDateTime())) < 60);

    QCOMPARE(dump(backup.file), expectedDump);
    QCOMPARE(queryRows(backup.file, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
    if (byteIdentical)
        QCOMPARE(differingBytes(fileBytes(backup.file), expectedBytes, false), QList<qsizetype>{});
    // Nothing half-written or temporary is left behind.
    const QStringList leftovers =
        filesIn(file.absolutePath()).filter(QRegularExpression(u"partial|-journal$"_s));
    QCOMPARE(leftovers, QStringList{});

    const AuditEntry audit = AuditLog::read(db).entries.value(0);
    QCOMPARE(audit.action, u"backup"_s);
    QCOMPARE(audit.backupFile, backup.file);
    QCOMPARE(audit.outcome, AuditEntry::Outcome::Ok);
}

void TestBackup::takenNameGetsASuffix()
{
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), false);
    // Occupy the names of the next few seconds, so the backup must pick a suffix.
    const QDateTime now = QDateTime::currentDateTime();
    for (int second = 0; second < 5; ++second) {
        QFile taken(db + u'.' + now.addSecs(second).toString(u"yyyyMMdd_HHmmss"_s) + u".bak"_s);
        QVERIFY(taken.open(QIODevice::WriteOnly));
    }
    const retort::BackupResult first = Backup::create(db);
    QVERIFY2(first, qPrintable(first.error));
    QVERIFY2(first.file.endsWith(u"-2.bak"_s), qPrintable(first.file));
    const retort::BackupResult second = Backup::create(db);
    QVERIFY2(second, qPrintable(second.error));
    QVERIFY(second.file != first.file);
    QCOMPARE(dump(first.file), dump(db));
}

void TestBackup::listNewestFirst()
{
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), false);
    const QString folder = dir.filePath(u"saved"_s);
    QVERIFY(QDir().mkpath(folder));
    auto touch = [&](const QString &name, const QByteArray &content = "x") {
        QFile file(folder + u'/' + name);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    };
    touch(u"shop.db.20200101_000000.bak"_s, "older");
    touch(u"shop.db.20210101_000000-2.bak"_s, "second of that second");
    touch(u"shop.db.20210101_000000.bak"_s, "first");
    touch(u"shop.db.20990101_000000.bak.partial"_s); // cut short: not a backup
    touch(u"shop.db.bak"_s);                         // not ours
    touch(u"other.db.20220101_000000.bak"_s);        // another database's
    const retort::BackupResult made = Backup::create(db, folder);
    QVERIFY(made);

    const QList<BackupInfo> backups = Backup::list(db, folder);
    QStringList names;
    for (const BackupInfo &info : backups)
        names.append(QFileInfo(info.file).fileName());
    QCOMPARE(names,
             (QStringList{QFileInfo(made.file).fileName(), u"shop.db.20210101_000000-2.bak"_s,
                          u"shop.db.20210101_000000.bak"_s, u"shop.db.20200101_000000.bak"_s}));
    QCOMPARE(backups.at(0).size, QFileInfo(db).size());
    QCOMPARE(backups.at(1).size, qint64(qstrlen("second of that second")));
    QCOMPARE(backups.at(3).time, QDateTime(QDate(2020, 1, 1), QTime(0, 0)));
    QCOMPARE(Backup::list(db).size(), 0); // none beside the database
}

void TestBackup::createRefusals_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: no file
    QTest::addColumn<BackupError>("error");
    QTest::newRow("missing database") << QByteArray() << BackupError::MissingDatabase;
    QTest::newRow("not a database") << QByteArray(4096, 'z') << BackupError::NotADatabase;
}

void TestBackup::createRefusals()
{
    QFETCH(QByteArray, content);
    QFETCH(BackupError, error);
    QTemporaryDir dir;
    const QString db = dir.filePath(u"shop.db"_s);
    if (!content.isEmpty()) {
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }
    const QStringList before = filesIn(dir.path());
    const retort::BackupResult backup = Backup::create(db);
    QCOMPARE(backup.errorKind, error);
    QVERIFY(!backup);
    QVERIFY2(backup.error.contains(QDir::toNativeSeparators(db)), qPrintable(backup.error));
    QVERIFY(backup.file.isEmpty());
    QCOMPARE(filesIn(dir.path()), before);
}

void TestBackup::createWhileOthersHoldLocks_data()
{
    QTest::addColumn<QString>("holderStatements");
    QTest::addColumn<BackupError>("error");
    // A writer that has not committed yet does not stop readers: the backup
    // holds the last committed state.
    QTest::newRow("a writer with uncommitted changes")
        << u"BEGIN IMMEDIATE; INSERT INTO account (name) VALUES ('uncommitted')"_s
        << BackupError::None;
    QTest::newRow("an exclusive lock") << u"BEGIN EXCLUSIVE"_s << BackupError::Locked;
}

void TestBackup::createWhileOthersHoldLocks()
{
    QFETCH(QString, holderStatements);
    QFETCH(BackupError, error);
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), false);
    const QString committed = dump(db);
    const QStringList before = filesIn(dir.path());
    retort::SqliteConnection holder(db, retort::SqliteConnection::Mode::ReadWrite, 0,
                                    u"test-holder"_s);
    QVERIFY(holder.open().ok());
    QVERIFY(holder.execute(holderStatements).ok());

    const retort::BackupResult backup = Backup::create(db);
    holder.execute(u"ROLLBACK"_s);
    QCOMPARE(backup.errorKind, error);
    if (error == BackupError::None) {
        QCOMPARE(dump(backup.file), committed);
    } else {
        QVERIFY2(backup.error.contains(u"locked"_s), qPrintable(backup.error));
        QStringList after = filesIn(dir.path());
        after.removeAll(QFileInfo(AuditLog::pathFor(db)).fileName());
        QCOMPARE(after, before);
    }
}

void TestBackup::createRollsBackAHotJournalFirst()
{
    QTemporaryDir dir;
    const QString db = dir.filePath(u"shop.db"_s);
    QString error;
    QVERIFY2(leaveHotJournal(db, &error), qPrintable(error));
    const retort::BackupResult backup = Backup::create(db);
    QVERIFY2(backup, qPrintable(backup.error));
    // The backup holds the committed state, not the killed writer's half.
    QCOMPARE(queryRows(backup.file, u"SELECT count(*), sum(x = zeroblob(1000)) FROM filler"_s),
             QStringList{u"300|0"_s});
    QVERIFY(!QFileInfo::exists(db + u"-journal"_s));
    QCOMPARE(queryRows(db, u"PRAGMA integrity_check"_s), QStringList{u"ok"_s});
}

void TestBackup::restoreRoundTrip_data()
{
    QTest::addColumn<bool>("wal");
    QTest::newRow("rollback journal") << false;
    QTest::newRow("WAL mode") << true;
}

void TestBackup::restoreRoundTrip()
{
    QFETCH(bool, wal);
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), wal);
    const QString atBackup = dump(db);
    const retort::BackupResult backup = Backup::create(db);
    QVERIFY2(backup, qPrintable(backup.error));
    const QByteArray backupBytes = fileBytes(backup.file);

    QVERIFY(runStatements(db, {u"CREATE TABLE later (x)"_s, u"INSERT INTO later VALUES (1)"_s,
                               u"UPDATE alembic_version SET version_num = 'later'"_s,
                               u"DROP VIEW named"_s}));
    const QString beforeRestore = dump(db);
    QVERIFY(beforeRestore != atBackup);

    // Another connection, open across the restore, sees the restored content.
    retort::SqliteConnection reader(db, retort::SqliteConnection::Mode::ReadWrite, 2000,
                                    u"test-reader"_s);
    QVERIFY(reader.open().ok());
    QCOMPARE(reader.execute(u"SELECT version_num FROM alembic_version"_s).rows.value(0).value(0),
             QVariant(u"later"_s));

    const retort::RestoreResult restored = Backup::restore(backup.file, db);
    QVERIFY2(restored, qPrintable(restored.error));
    QCOMPARE(restored.integrityMessages, QStringList{u"ok"_s});
    QCOMPARE(dump(db), atBackup);
    QCOMPARE(reader.execute(u"SELECT version_num FROM alembic_version"_s).rows.value(0).value(0),
             QVariant(u"ae1027a6acf"_s));
    if (!wal) {
        // Page for page the backup; only the counters SQLite bumps so that
        // other connections notice the change differ.
        QCOMPARE(differingBytes(fileBytes(db), backupBytes, true), QList<qsizetype>{});
    }

    // The restore backed up what it replaced, first.
    QVERIFY(!restored.safetyBackup.isEmpty());
    QVERIFY(restored.safetyBackup != backup.file);
    QCOMPARE(dump(restored.safetyBackup), beforeRestore);
    QCOMPARE(fileBytes(backup.file), backupBytes); // the backup itself is untouched
    QCOMPARE(Backup::list(db).size(), 2);

    const AuditEntry audit = AuditLog::read(db).entries.value(1);
    QCOMPARE(audit.action, u"restore"_s);
    QCOMPARE(audit.target, backup.file);
    QCOMPARE(audit.backupFile, restored.safetyBackup);
    QCOMPARE(audit.outcome, AuditEntry::Outcome::Ok);
}

void TestBackup::restoreLockedDatabaseChangesNothing()
{
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), false);
    const retort::BackupResult backup = Backup::create(db);
    QVERIFY(backup);
    QVERIFY(runStatements(db, {u"CREATE TABLE later (x)"_s}));
    QVERIFY(backdate(db));
    const FileSnapshot before = FileSnapshot::take(db);

    retort::SqliteConnection holder(db, retort::SqliteConnection::Mode::ReadWrite, 0,
                                    u"test-holder"_s);
    QVERIFY(holder.open().ok());
    QVERIFY(holder.execute(u"BEGIN IMMEDIATE"_s).ok());
    const retort::RestoreResult restored = Backup::restore(backup.file, db);
    holder.execute(u"ROLLBACK"_s);

    QCOMPARE(restored.errorKind, BackupError::Locked);
    QVERIFY(restored.safetyBackup.isEmpty());
    const FileSnapshot after = FileSnapshot::take(db);
    QVERIFY(after.bytes == before.bytes);
    QCOMPARE(after.modifiedNanoseconds, before.modifiedNanoseconds);
    QCOMPARE(Backup::list(db).size(), 1);
}

void TestBackup::restoreRefusesADamagedBackup()
{
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), false);
    const retort::BackupResult backup = Backup::create(db);
    QVERIFY(backup);
    {
        // Scribble over the middle of the file: b-tree pages no longer parse.
        QFile file(backup.file);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 pageSize = 4096;
        QVERIFY(file.seek(pageSize * 2));
        file.write(QByteArray(int(pageSize * 3), '\x5a'));
    }
    const FileSnapshot before = FileSnapshot::take(db);
    const retort::RestoreResult restored = Backup::restore(backup.file, db);
    QVERIFY(!restored);
    QVERIFY2(restored.errorKind == BackupError::Damaged ||
                 restored.errorKind == BackupError::NotADatabase,
             qPrintable(restored.error));
    QVERIFY2(restored.error.contains(u"nothing was restored"_s), qPrintable(restored.error));
    QVERIFY(FileSnapshot::take(db).bytes == before.bytes);
    QCOMPARE(Backup::list(db).size(), 1);
}

void TestBackup::restoreIntoMissingDatabase()
{
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), false);
    const QString original = dump(db);
    const retort::BackupResult backup = Backup::create(db);
    QVERIFY(backup);
    QVERIFY(QFile::remove(db));
    const retort::RestoreResult restored = Backup::restore(backup.file, db);
    QVERIFY2(restored, qPrintable(restored.error));
    QVERIFY(restored.safetyBackup.isEmpty()); // there was nothing to keep
    QCOMPARE(dump(db), original);
}

void TestBackup::restoreOverAFileThatIsNotADatabase()
{
    QTemporaryDir dir;
    const QString db = makeDatabase(dir.filePath(u"shop.db"_s), false);
    const QString original = dump(db);
    const retort::BackupResult backup = Backup::create(db);
    QVERIFY(backup);
    const QByteArray garbage(10000, 'g');
    {
        QFile file(db);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(garbage);
    }
    const retort::RestoreResult restored = Backup::restore(backup.file, db);
    QVERIFY2(restored, qPrintable(restored.error));
    QCOMPARE(dump(db), original);
    // The damaged file is kept, as it was, under a backup name.
    QCOMPARE(fileBytes(restored.safetyBackup), garbage);
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
