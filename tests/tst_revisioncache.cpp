// RevisionCache: parsed revision headers reused between scans, never changing
// what a scan returns.

#include "revisioncache.h"
#include "revisionscanner.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using retort::RevisionCache;
using retort::RevisionFile;
using retort::RevisionScanner;

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return false;
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray revisionSource(const char *revision, const char *downRevision)
{
    return "\"\"\"step " + QByteArray(revision) + "\"\"\"\nrevision = '" + revision +
           "'\ndown_revision = " +
           (downRevision ? "'" + QByteArray(downRevision) + "'" : QByteArray("None")) + "\n";
}

// Three revision files a <- b <- c in `directory`/versions.
bool writeSmallProject(const QString &directory)
{
    return writeFile(directory + u"/versions/a.py"_s, revisionSource("aaaa", nullptr)) &&
           writeFile(directory + u"/versions/b.py"_s, revisionSource("bbbb", "aaaa")) &&
           writeFile(directory + u"/versions/c.py"_s, revisionSource("cccc", "bbbb"));
}

// Every file under `root` with its content: the project must not change.
QMap<QString, QByteArray> treeContents(const QString &root)
{
    QMap<QString, QByteArray> contents;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        contents.insert(path, readFile(path));
    }
    return contents;
}

qsizetype problemCount(const RevisionScanner::Result &result)
{
    return std::count_if(result.files.cbegin(), result.files.cend(),
                         [](const RevisionFile &file) { return !file.problems.isEmpty(); });
}

} // namespace

class TestRevisionCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sameResultCachedOrNot_data();
    void sameResultCachedOrNot();
    void editKeepingSizeAndMtimeIsDetected();
    void addedAndDeletedFiles();
    void corruptCacheIsIgnoredAndRewritten_data();
    void corruptCacheIsIgnoredAndRewritten();
    void unwritableCacheDirectoryChangesNothing();
    void justWrittenFileIsParsedAgain();
    void fileWithProblemsIsParsedEveryTime();
    void noCacheVariableReadsAndWritesNothing();
    void cacheOfDeletedProjectIsRemoved();

private:
    RevisionScanner::Result scan(const QString &project, bool useCache = true);
    void compareResults(const RevisionScanner::Result &actual,
                        const RevisionScanner::Result &expected);
    QString cacheFile(const QString &project) const;

    QTemporaryDir m_root;
    QString m_cacheHome;
    QString m_generated;
    QString m_editProject, m_addDeleteProject, m_corruptProject, m_unwritableProject,
        m_problemProject;
};

RevisionScanner::Result TestRevisionCache::scan(const QString &project, bool useCache)
{
    if (useCache)
        qunsetenv("RETORT_NO_CACHE");
    else
        qputenv("RETORT_NO_CACHE", "1");
    RevisionScanner::Result result = RevisionScanner::scan({project + u"/versions"_s}, true);
    qunsetenv("RETORT_NO_CACHE");
    return result;
}

void TestRevisionCache::compareResults(const RevisionScanner::Result &actual,
                                       const RevisionScanner::Result &expected)
{
    QCOMPARE(actual.files.size(), expected.files.size());
    for (qsizetype i = 0; i < actual.files.size(); ++i) {
        const RevisionFile &a = actual.files[i];
        const RevisionFile &e = expected.files[i];
        QCOMPARE(a.path, e.path);
        QCOMPARE(a.revision, e.revision);
        QCOMPARE(a.downRevisions, e.downRevisions);
        QCOMPARE(a.branchLabels, e.branchLabels);
        QCOMPARE(a.dependsOn, e.dependsOn);
        QCOMPARE(a.docstring, e.docstring);
        QCOMPARE(a.revisionLine, e.revisionLine);
        QCOMPARE(a.problems.size(), e.problems.size());
        QVERIFY(a == e); // problems included
    }
    QCOMPARE(actual.warnings, expected.warnings);
}

QString TestRevisionCache::cacheFile(const QString &project) const
{
    return RevisionCache({project + u"/versions"_s}, true).filePath();
}

void TestRevisionCache::initTestCase()
{
    QVERIFY(m_root.isValid());
    m_cacheHome = m_root.filePath(u"cache"_s);
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cacheHome));

    // A generated history, and small projects the tests change.
    m_generated = m_root.filePath(u"generated"_s);
    QProcess generator;
    generator.start(u"/usr/bin/python3"_s,
                    {QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/conformance/gen_alembic_history.py"_s,
                     u"--revisions"_s, u"300"_s, m_generated});
    QVERIFY(generator.waitForFinished(60000));
    QCOMPARE(generator.exitCode(), 0);
    m_generated += u"/alembic"_s;
    m_editProject = m_root.filePath(u"edit"_s);
    m_addDeleteProject = m_root.filePath(u"adddelete"_s);
    m_corruptProject = m_root.filePath(u"corrupt"_s);
    m_unwritableProject = m_root.filePath(u"unwritable"_s);
    m_problemProject = m_root.filePath(u"problem"_s);
    for (const QString &project : {m_editProject, m_addDeleteProject, m_corruptProject,
                                   m_unwritableProject, m_problemProject})
        QVERIFY(writeSmallProject(project));
    QVERIFY(writeFile(m_problemProject + u"/versions/broken.py"_s, "revision = (\n"));
    // Files changed within the racy margin before a scan are never trusted from
    // the cache; let everything written above become old enough.
    QThread::msleep(RevisionCache::racyMarginNs / 1'000'000 + 300);
}

void TestRevisionCache::init()
{
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cacheHome));
    QDir(m_cacheHome).removeRecursively();
}

void TestRevisionCache::cleanup()
{
    qputenv("XDG_CACHE_HOME", QFile::encodeName(m_cacheHome));
    qunsetenv("RETORT_NO_CACHE");
}

void TestRevisionCache::sameResultCachedOrNot_data()
{
    QTest::addColumn<QString>("project");
    const QString fixtures = QStringLiteral(RETORT_TEST_DATA) + u"/projects"_s;
    const QStringList names = QDir(fixtures).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QVERIFY(!names.isEmpty());
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << fixtures + u'/' + name;
    QTest::newRow("generated 300") << m_generated;
}

void TestRevisionCache::sameResultCachedOrNot()
{
    QFETCH(QString, project);
    const QMap<QString, QByteArray> before = treeContents(project);
    const QString cachePath = cacheFile(project);
    QVERIFY2(cachePath.startsWith(m_cacheHome + u"/retort/revisions/"_s), qPrintable(cachePath));
    QVERIFY(!QFile::exists(cachePath));

    const RevisionScanner::Result cold = scan(project);
    QVERIFY(!cold.files.isEmpty());
    QCOMPARE(cold.parsedCount, cold.files.size());
    QVERIFY(QFile::exists(cachePath));

    const RevisionScanner::Result warm = scan(project);
    // Files with problems are parsed every time; the rest come from the cache.
    QCOMPARE(warm.parsedCount, problemCount(cold));
    const RevisionScanner::Result uncached = scan(project, false);
    QCOMPARE(uncached.parsedCount, uncached.files.size());

    compareResults(cold, uncached);
    compareResults(warm, uncached);
    QCOMPARE(treeContents(project), before);
}

void TestRevisionCache::editKeepingSizeAndMtimeIsDetected()
{
    const QString path = m_editProject + u"/versions/b.py"_s;
    scan(m_editProject);
    QCOMPARE(scan(m_editProject).parsedCount, 0);

    struct stat original;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &original), 0);
    const QByteArray edited = revisionSource("bbbz", "aaaa");
    QCOMPARE(edited.size(), qsizetype(original.st_size));
    QVERIFY(writeFile(path, edited));
    // Put the modification time back: only ctime (set by the kernel) shows the edit.
    const timespec times[2] = {original.st_atim, original.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
    struct stat after;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &after), 0);
    QCOMPARE(after.st_mtim.tv_nsec, original.st_mtim.tv_nsec);
    QCOMPARE(after.st_size, original.st_size);

    const RevisionScanner::Result result = scan(m_editProject);
    QCOMPARE(result.parsedCount, 1);
    QCOMPARE(result.files.size(), 3);
    QCOMPARE(result.files[1].revision, u"bbbz"_s);
    compareResults(result, scan(m_editProject, false));
}

void TestRevisionCache::addedAndDeletedFiles()
{
    const QString cachePath = cacheFile(m_addDeleteProject);
    scan(m_addDeleteProject);
    const QByteArray fullCache = readFile(cachePath);
    QVERIFY(!fullCache.isEmpty());

    // A deleted file is dropped from the result and from the cache file.
    QVERIFY(QFile::remove(m_addDeleteProject + u"/versions/c.py"_s));
    RevisionScanner::Result result = scan(m_addDeleteProject);
    QCOMPARE(result.parsedCount, 0);
    QCOMPARE(result.files.size(), 2);
    compareResults(result, scan(m_addDeleteProject, false));
    const QByteArray smallerCache = readFile(cachePath);
    QVERIFY(!smallerCache.isEmpty());
    QVERIFY(smallerCache.size() < fullCache.size());

    // An added file is parsed; the others still come from the cache.
    QVERIFY(writeFile(m_addDeleteProject + u"/versions/d.py"_s, revisionSource("dddd", "bbbb")));
    result = scan(m_addDeleteProject);
    QCOMPARE(result.parsedCount, 1);
    QCOMPARE(result.files.size(), 3);
    QCOMPARE(result.files.last().revision, u"dddd"_s);
    compareResults(result, scan(m_addDeleteProject, false));
}

void TestRevisionCache::corruptCacheIsIgnoredAndRewritten_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated") << u"truncate"_s;
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("other format version") << u"version"_s;
    QTest::newRow("empty") << u"empty"_s;
}

void TestRevisionCache::corruptCacheIsIgnoredAndRewritten()
{
    QFETCH(QString, damage);
    const QString cachePath = cacheFile(m_corruptProject);
    const RevisionScanner::Result expected = scan(m_corruptProject, false);
    scan(m_corruptProject);
    QByteArray content = readFile(cachePath);
    QVERIFY(content.size() > 16);
    if (damage == u"truncate")
        content.truncate(content.size() - 7);
    else if (damage == u"garbage")
        content = QByteArray(content.size(), '\xa5');
    else if (damage == u"version")
        content[4] = char(content[4] + 1); // the format version (little-endian) follows the magic
    else
        content.clear();
    QVERIFY(writeFile(cachePath, content));

    RevisionScanner::Result result = scan(m_corruptProject);
    QCOMPARE(result.parsedCount, result.files.size());
    compareResults(result, expected);
    QVERIFY(readFile(cachePath) != content);
    result = scan(m_corruptProject);
    QCOMPARE(result.parsedCount, 0);
    compareResults(result, expected);
}

void TestRevisionCache::unwritableCacheDirectoryChangesNothing()
{
    // A cache home below a regular file cannot be created, even by root.
    const QString blocker = m_root.filePath(u"not-a-directory"_s);
    QVERIFY(writeFile(blocker, "x"));
    qputenv("XDG_CACHE_HOME", QFile::encodeName(blocker + u"/cache"_s));
    const QString cachePath = cacheFile(m_unwritableProject);
    QVERIFY(cachePath.startsWith(blocker));

    const RevisionScanner::Result expected = scan(m_unwritableProject, false);
    for (int run = 0; run < 2; ++run) {
        const RevisionScanner::Result result = scan(m_unwritableProject);
        QCOMPARE(result.parsedCount, result.files.size());
        compareResults(result, expected);
    }
    QVERIFY(!QFile::exists(cachePath));
    QCOMPARE(readFile(blocker), QByteArray("x"));
}

void TestRevisionCache::justWrittenFileIsParsedAgain()
{
    const QString project = m_root.filePath(u"racy"_s);
    QVERIFY(writeSmallProject(project));
    // Written just now: a change within the same timestamp tick would go
    // unseen, so the cached parses are not trusted yet.
    scan(project);
    QVERIFY(QFile::exists(cacheFile(project)));
    const RevisionScanner::Result result = scan(project);
    QCOMPARE(result.parsedCount, result.files.size());
    compareResults(result, scan(project, false));
}

void TestRevisionCache::fileWithProblemsIsParsedEveryTime()
{
    const RevisionScanner::Result cold = scan(m_problemProject);
    QCOMPARE(problemCount(cold), 1);
    const RevisionScanner::Result warm = scan(m_problemProject);
    QCOMPARE(warm.parsedCount, 1);
    compareResults(warm, scan(m_problemProject, false));
}

void TestRevisionCache::noCacheVariableReadsAndWritesNothing()
{
    const QString cachePath = cacheFile(m_generated);
    scan(m_generated, false);
    QVERIFY(!QFile::exists(cachePath));
    QVERIFY(!QDir(m_cacheHome).exists());

    // With a cache in place, RETORT_NO_CACHE still parses every file.
    scan(m_generated);
    QVERIFY(QFile::exists(cachePath));
    const QByteArray stored = readFile(cachePath);
    const RevisionScanner::Result uncached = scan(m_generated, false);
    QCOMPARE(uncached.parsedCount, uncached.files.size());
    QCOMPARE(readFile(cachePath), stored);
}

void TestRevisionCache::cacheOfDeletedProjectIsRemoved()
{
    const QString doomed = m_root.filePath(u"doomed"_s);
    QVERIFY(writeSmallProject(doomed));
    scan(doomed);
    const QString doomedCache = cacheFile(doomed);
    QVERIFY(QFile::exists(doomedCache));
    scan(m_editProject);
    const QString keptCache = cacheFile(m_editProject);
    QVERIFY(QFile::exists(keptCache));
    QVERIFY(QFile::exists(doomedCache)); // its project still exists

    QVERIFY(QDir(doomed).removeRecursively());
    // Writing any cache file clears out those of projects that are gone.
    const QString other = m_root.filePath(u"other"_s);
    QVERIFY(writeSmallProject(other));
    scan(other);
    QVERIFY(!QFile::exists(doomedCache));
    QVERIFY(QFile::exists(keptCache));
    QVERIFY(QFile::exists(cacheFile(other)));
}

QTEST_GUILESS_MAIN(TestRevisionCache)
#include "tst_revisioncache.moc"
