// RevisionScanner: finding revision files in the version locations in
// Alembic's order, and parsing each one.

#include "revisionscanner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using retort::RevisionFile;
using retort::RevisionScanner;

namespace {

// Creates files and folders under `root`: "dir/" makes a folder, "path" an
// empty file, "path=content" a file with that content (parents included).
bool writeTree(const QString &root, const QStringList &entries)
{
    for (const QString &entry : entries) {
        const qsizetype equals = entry.indexOf(u'=');
        const QString relative = equals < 0 ? entry : entry.left(equals);
        const QString path = root + u'/' + relative;
        if (relative.endsWith(u'/')) {
            if (!QDir().mkpath(path))
                return false;
            continue;
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return false;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        if (equals >= 0)
            file.write(entry.mid(equals + 1).toUtf8());
    }
    return true;
}

QStringList prefixed(const QString &root, const QStringList &relativePaths)
{
    QStringList paths;
    for (const QString &relative : relativePaths)
        paths.append(relative.isEmpty() ? root : root + u'/' + relative);
    return paths;
}

QString revisionSource(const QString &revision, const QString &downRevision)
{
    return u"revision = '%1'\ndown_revision = %2\n"_s.arg(
        revision, downRevision.isEmpty() ? u"None"_s : u"'"_s + downRevision + u"'"_s);
}

} // namespace

class TestRevisionScanner : public QObject
{
    Q_OBJECT

private slots:
    void listFiles_data();
    void listFiles();
    void missingLocationsAreWarnedAbout_data();
    void missingLocationsAreWarnedAbout();
    void overlappingLocationsLoadAFileOnce_data();
    void overlappingLocationsLoadAFileOnce();
    void symbolicLinkedSubdirectoryIsNotFollowed();
    void relativeLocationsGiveAbsolutePaths();
    void scanParsesEveryFile();
};

void TestRevisionScanner::listFiles_data()
{
    QTest::addColumn<QStringList>("tree");
    QTest::addColumn<QStringList>("locations");
    QTest::addColumn<bool>("recursive");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("names sorted like Python strings")
        << QStringList{u"v/b.py"_s, u"v/a.py"_s,  u"v/_x.py"_s,
                       u"v/C.py"_s, u"v/10.py"_s, u"v/9.py"_s}
        << QStringList{u"v"_s} << false << QStringList{u"v/10.py"_s, u"v/9.py"_s, u"v/C.py"_s,
                                                       u"v/_x.py"_s, u"v/a.py"_s, u"v/b.py"_s};
    QTest::newRow("only names ending in .py")
        << QStringList{u"v/a.pyc"_s, u"v/a.pyo"_s,  u"v/a.py~"_s,     u"v/a.PY"_s,
                       u"v/apy"_s,   u"v/README"_s, u"v/a.py.orig"_s, u"v/script.py.mako"_s,
                       u"v/b.py"_s}
        << QStringList{u"v"_s} << false << QStringList{u"v/b.py"_s};
    QTest::newRow("hidden files count, a bare .py too")
        << QStringList{u"v/.hidden.py"_s, u"v/.py"_s} << QStringList{u"v"_s} << false
        << QStringList{u"v/.hidden.py"_s, u"v/.py"_s};
    QTest::newRow("__init__ and editor lock files skipped")
        << QStringList{u"v/__init__.py"_s, u"v/__init__extra.py"_s, u"v/.#a.py"_s,
                       u"v/_init_.py"_s,   u"v/x__init__.py"_s,     u"v/.a.py"_s}
        << QStringList{u"v"_s} << false
        << QStringList{u"v/.a.py"_s, u"v/_init_.py"_s, u"v/x__init__.py"_s};
    QTest::newRow("directory named like a revision file skipped")
        << QStringList{u"v/d.py/"_s, u"v/e.py"_s} << QStringList{u"v"_s} << false
        << QStringList{u"v/e.py"_s};
    QTest::newRow("subdirectories ignored without recursion")
        << QStringList{u"v/a.py"_s, u"v/sub/b.py"_s} << QStringList{u"v"_s} << false
        << QStringList{u"v/a.py"_s};
    QTest::newRow("recursion: own files first, then subdirectories by name, depth first")
        << QStringList{u"v/z.py"_s,          u"v/a.py"_s,     u"v/zeta/b.py"_s, u"v/mid/c.py"_s,
                       u"v/mid/deep/d.py"_s, u"v/mid/e.py"_s, u"v/Alpha/f.py"_s}
        << QStringList{u"v"_s} << true
        << QStringList{u"v/a.py"_s,     u"v/z.py"_s,          u"v/Alpha/f.py"_s, u"v/mid/c.py"_s,
                       u"v/mid/e.py"_s, u"v/mid/deep/d.py"_s, u"v/zeta/b.py"_s};
    QTest::newRow("recursion skips __pycache__")
        << QStringList{u"v/a.py"_s, u"v/__pycache__/b.py"_s, u"v/sub/__pycache__/c.py"_s,
                       u"v/sub/d.py"_s}
        << QStringList{u"v"_s} << true << QStringList{u"v/a.py"_s, u"v/sub/d.py"_s};
    QTest::newRow("recursion applies the name rules in subdirectories")
        << QStringList{u"v/sub/__init__.py"_s, u"v/sub/x.pyc"_s, u"v/sub/y.py"_s}
        << QStringList{u"v"_s} << true << QStringList{u"v/sub/y.py"_s};
    QTest::newRow("locations in the order given, not sorted")
        << QStringList{u"b/1.py"_s, u"a/2.py"_s} << QStringList{u"b"_s, u"a"_s} << false
        << QStringList{u"b/1.py"_s, u"a/2.py"_s};
    QTest::newRow("missing location skipped")
        << QStringList{u"a/1.py"_s} << QStringList{u"nowhere"_s, u"a"_s} << false
        << QStringList{u"a/1.py"_s};
    QTest::newRow("empty location")
        << QStringList{u"v/"_s} << QStringList{u"v"_s} << true << QStringList{};
    QTest::newRow("no locations") << QStringList{u"v/a.py"_s} << QStringList{} << false
                                  << QStringList{};
}

void TestRevisionScanner::listFiles()
{
    QFETCH(QStringList, tree);
    QFETCH(QStringList, locations);
    QFETCH(bool, recursive);
    QFETCH(QStringList, expected);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString root = directory.path();
    QVERIFY(writeTree(root, tree));

    QCOMPARE(RevisionScanner::listFiles(prefixed(root, locations), recursive),
             prefixed(root, expected));
    // scan() loads the same files in the same order.
    QStringList scanned;
    for (const RevisionFile &file :
         RevisionScanner::scan(prefixed(root, locations), recursive).files)
        scanned.append(file.path);
    QCOMPARE(scanned, prefixed(root, expected));
}

void TestRevisionScanner::missingLocationsAreWarnedAbout_data()
{
    QTest::addColumn<QStringList>("tree");
    QTest::addColumn<QStringList>("locations");
    QTest::addColumn<QStringList>("warnings");

    QTest::newRow("all locations exist")
        << QStringList{u"a/1.py"_s, u"b/"_s} << QStringList{u"a"_s, u"b"_s} << QStringList{};
    QTest::newRow("missing location")
        << QStringList{u"a/1.py"_s} << QStringList{u"a"_s, u"gone"_s}
        << QStringList{u"Version location {root}/gone does not exist"_s};
    QTest::newRow("location is a file")
        << QStringList{u"a/1.py"_s} << QStringList{u"a/1.py"_s}
        << QStringList{u"Version location {root}/a/1.py is not a directory"_s};
}

void TestRevisionScanner::missingLocationsAreWarnedAbout()
{
    QFETCH(QStringList, tree);
    QFETCH(QStringList, locations);
    QFETCH(QStringList, warnings);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString root = directory.path();
    QVERIFY(writeTree(root, tree));

    for (QString &warning : warnings)
        warning.replace(u"{root}"_s, root);
    QCOMPARE(RevisionScanner::scan(prefixed(root, locations), false).warnings, warnings);
}

void TestRevisionScanner::overlappingLocationsLoadAFileOnce_data()
{
    QTest::addColumn<QStringList>("locations");
    QTest::addColumn<bool>("recursive");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QStringList>("twice"); // canonical paths warned about

    // Tree: real/a.py, real/sub/b.py, linkdir -> real, other/alias.py -> real/a.py
    QTest::newRow("same location listed twice")
        << QStringList{u"real"_s, u"real"_s} << false << QStringList{u"real/a.py"_s}
        << QStringList{u"real/a.py"_s};
    QTest::newRow("location through a symbolic link")
        << QStringList{u"real"_s, u"linkdir"_s} << false << QStringList{u"real/a.py"_s}
        << QStringList{u"real/a.py"_s};
    QTest::newRow("location written differently")
        << QStringList{u"real"_s, u"real/sub/.."_s} << false << QStringList{u"real/a.py"_s}
        << QStringList{u"real/a.py"_s};
    QTest::newRow("symbolic link to a file already loaded")
        << QStringList{u"real"_s, u"other"_s} << false << QStringList{u"real/a.py"_s}
        << QStringList{u"real/a.py"_s};
    QTest::newRow("symbolic link loaded first wins")
        << QStringList{u"other"_s, u"real"_s} << false << QStringList{u"other/alias.py"_s}
        << QStringList{u"real/a.py"_s};
    QTest::newRow("recursive parent and child locations")
        << QStringList{u"real/sub"_s, u"real"_s} << true
        << QStringList{u"real/sub/b.py"_s, u"real/a.py"_s} << QStringList{u"real/sub/b.py"_s};
}

void TestRevisionScanner::overlappingLocationsLoadAFileOnce()
{
    QFETCH(QStringList, locations);
    QFETCH(bool, recursive);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, twice);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    // Canonical, so that the warning's path does not depend on a symlinked /tmp.
    const QString root = QFileInfo(directory.path()).canonicalFilePath();
    QVERIFY(writeTree(root, {u"real/a.py"_s, u"real/sub/b.py"_s, u"other/"_s}));
    QVERIFY(QFile::link(root + u"/real"_s, root + u"/linkdir"_s));
    QVERIFY(QFile::link(root + u"/real/a.py"_s, root + u"/other/alias.py"_s));

    const RevisionScanner::Result result =
        RevisionScanner::scan(prefixed(root, locations), recursive);
    QStringList paths;
    for (const RevisionFile &file : result.files)
        paths.append(file.path);
    QStringList expectedPaths = prefixed(root, expected);
    // A location spelled "real/sub/.." is cleaned like os.path.abspath does.
    QCOMPARE(paths, expectedPaths);
    QStringList warnings;
    for (const QString &path : prefixed(root, twice))
        warnings.append(u"File "_s + path +
                        u" loaded twice! ignoring. Please ensure version_locations is unique."_s);
    QCOMPARE(result.warnings, warnings);
    QCOMPARE(RevisionScanner::listFiles(prefixed(root, locations), recursive), expectedPaths);
}

// Like os.walk (followlinks=False), recursion does not enter linked directories.
void TestRevisionScanner::symbolicLinkedSubdirectoryIsNotFollowed()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString root = directory.path();
    QVERIFY(writeTree(root, {u"v/a.py"_s, u"elsewhere/b.py"_s}));
    QVERIFY(QFile::link(root + u"/elsewhere"_s, root + u"/v/linked"_s));

    QCOMPARE(RevisionScanner::listFiles({root + u"/v"_s}, true), QStringList{root + u"/v/a.py"_s});
}

void TestRevisionScanner::relativeLocationsGiveAbsolutePaths()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString root = QFileInfo(directory.path()).canonicalFilePath();
    QVERIFY(writeTree(root, {u"proj/versions/a.py"_s}));
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(root + u"/proj"_s));
    const QStringList files =
        RevisionScanner::listFiles({u"versions"_s, u"./versions/../x"_s}, false);
    const QStringList warnings = RevisionScanner::scan({u"x"_s}, false).warnings;
    QVERIFY(QDir::setCurrent(previous));

    QCOMPARE(files, QStringList{root + u"/proj/versions/a.py"_s});
    QCOMPARE(warnings, QStringList{u"Version location "_s + root + u"/proj/x does not exist"_s});
}

void TestRevisionScanner::scanParsesEveryFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString root = directory.path();
    QVERIFY(writeTree(root, {u"v/1111_base.py="_s + revisionSource(u"1111"_s, QString()),
                             u"v/2222_next.py="_s + revisionSource(u"2222"_s, u"1111"_s),
                             u"v/3333_broken.py=revision = make_id()\ndown_revision = '2222'\n"_s,
                             u"v/__init__.py=revision = 'not a revision'\n"_s,
                             u"w/4444_other.py="_s + revisionSource(u"4444"_s, u"2222"_s)}));

    const RevisionScanner::Result result =
        RevisionScanner::scan({root + u"/v"_s, root + u"/missing"_s, root + u"/w"_s}, false);
    QCOMPARE(result.warnings,
             QStringList{u"Version location "_s + root + u"/missing does not exist"_s});
    QCOMPARE(result.files.size(), 4);

    QCOMPARE(result.files[0].path, root + u"/v/1111_base.py"_s);
    QCOMPARE(result.files[0].revision, u"1111"_s);
    QVERIFY(result.files[0].downRevisions.isEmpty());
    QVERIFY(result.files[0].usable());

    QCOMPARE(result.files[1].revision, u"2222"_s);
    QCOMPARE(result.files[1].downRevisions, QStringList{u"1111"_s});
    QVERIFY(result.files[1].usable());

    // A file with a problem is still listed, with its problem.
    QCOMPARE(result.files[2].path, root + u"/v/3333_broken.py"_s);
    QVERIFY(!result.files[2].usable());
    QCOMPARE(result.files[2].problems.size(), 1);
    QCOMPARE(result.files[2].problems.first().path, root + u"/v/3333_broken.py"_s);
    QCOMPARE(result.files[2].problems.first().line, 1);

    QCOMPARE(result.files[3].path, root + u"/w/4444_other.py"_s);
    QCOMPARE(result.files[3].downRevisions, QStringList{u"2222"_s});
}

QTEST_GUILESS_MAIN(TestRevisionScanner)
#include "tst_revisionscanner.moc"
