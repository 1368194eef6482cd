// Doctor::checkIntegrity: SQLite's integrity_check and foreign_key_check on a
// database file, read-only, without a project: sound on the demo database,
// failures named on damaged copies, clear errors for files it cannot read.

#include "doctor.h"
#include "executortestsupport.h"

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

QTEST_GUILESS_MAIN(TestIntegrityCheck)
#include "tst_integritycheck.moc"
