#include "revisionscanner.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "pythonliteralparser.h"
#include "revisioncache.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cstring>

#ifdef Q_OS_UNIX
#include <dirent.h>
#endif

namespace retort {

using namespace Qt::StringLiterals;

namespace {

// Alembic's `_only_source_rev_file = re.compile(r"(?!\.\#|__init__)(.*\.py)$")`
// used with re.match: the name must end with ".py" and must not start with
// an editor lock prefix ".#" or with "__init__".
bool isRevisionFileName(const QString &name)
{
    return name.endsWith(u".py") && !name.startsWith(u".#") && !name.startsWith(u"__init__");
}

QString joinPath(const QString &directory, const QString &name)
{
    if (directory.endsWith(u'/'))
        return directory + name;
    return directory + u'/' + name;
}

struct Listing
{
    QStringList files;
    QStringList warnings;
    QSet<QString> seenCanonicalPaths;
};

// One directory the way Alembic's os.walk-based listing visits it: its own
// files sorted by name, then (when recursive) each subdirectory sorted by name,
// depth first. Like os.walk, symbolic links to directories are not followed.
// The kind of one directory entry, as os.walk and os.path.isfile see it:
// isFile/isDir follow symbolic links, isSymLink tells whether it is one.
struct DirectoryEntry
{
    QString name;
    bool isFile = false;
    bool isDir = false;
    bool isSymLink = false;
};

// Large histories have thousands of files: on Unix the entry types come from
// readdir's d_type, so listing costs no stat() per file (QDirIterator's
// QFileInfo costs one each); links and file systems without d_type still ask.
QList<DirectoryEntry> readDirectory(const QString &path)
{
    QList<DirectoryEntry> entries;
    const auto describe = [](const QString &name, const QFileInfo &info) {
        return DirectoryEntry{name, info.isFile(), info.isDir(), info.isSymLink()};
    };
#ifdef Q_OS_UNIX
    if (DIR *directory = ::opendir(QFile::encodeName(path).constData())) {
        while (const dirent *entry = ::readdir(directory)) {
            const char *rawName = entry->d_name;
            if (std::strcmp(rawName, ".") == 0 || std::strcmp(rawName, "..") == 0)
                continue;
            const QString name = QFile::decodeName(rawName);
            switch (entry->d_type) {
            case DT_REG:
                entries.append(DirectoryEntry{name, true, false, false});
                break;
            case DT_DIR:
                entries.append(DirectoryEntry{name, false, true, false});
                break;
            case DT_LNK:
            case DT_UNKNOWN:
                entries.append(describe(name, QFileInfo(joinPath(path, name))));
                break;
            default: // sockets, fifos, devices: neither files nor directories
                break;
            }
        }
        ::closedir(directory);
        return entries;
    }
#endif
    QDirIterator iterator(path, QDir::Files | QDir::Dirs | QDir::Hidden | QDir::System |
                                    QDir::NoDotAndDotDot);
    while (iterator.hasNext()) {
        iterator.next();
        const QFileInfo info = iterator.fileInfo();
        entries.append(describe(info.fileName(), info));
    }
    return entries;
}

// One directory the way Alembic's os.walk-based listing visits it: its own
// files sorted by name, then (when recursive) each subdirectory sorted by name,
// depth first. Like os.walk, symbolic links to directories are not followed.
void listDirectory(const QString &path, const QString &canonicalPath, bool recursive,
                   Listing &listing)
{
    QStringList fileNames;
    QStringList subdirectoryNames;
    QSet<QString> symbolicLinks; // names of the files that are symbolic links
    for (const DirectoryEntry &entry : readDirectory(path)) {
        if (isRevisionFileName(entry.name) && entry.isFile) {
            fileNames.append(entry.name);
            if (entry.isSymLink)
                symbolicLinks.insert(entry.name);
        } else if (recursive && entry.isDir && !entry.isSymLink &&
                   !entry.name.endsWith(u"__pycache__")) {
            subdirectoryNames.append(entry.name);
        }
    }
    // Python's sorted() on str; QString orders by UTF-16 code unit, which only
    // differs for characters outside the BMP.
    std::sort(fileNames.begin(), fileNames.end());
    std::sort(subdirectoryNames.begin(), subdirectoryNames.end());

    for (const QString &name : std::as_const(fileNames)) {
        const QString filePath = joinPath(path, name);
        // Only a symbolic link can make the canonical path differ from the
        // canonical directory plus the name; resolving it is a syscall per link.
        const QString canonical = symbolicLinks.contains(name)
                                      ? QFileInfo(filePath).canonicalFilePath()
                                      : joinPath(canonicalPath, name);
        if (listing.seenCanonicalPaths.contains(canonical)) {
            listing.warnings.append(u"File "_s + canonical +
                                    u" loaded twice! ignoring. Please ensure version_locations "
                                    u"is unique."_s);
            continue;
        }
        listing.seenCanonicalPaths.insert(canonical);
        listing.files.append(filePath);
    }
    for (const QString &name : std::as_const(subdirectoryNames))
        listDirectory(joinPath(path, name), joinPath(canonicalPath, name), recursive, listing);
}

Listing listRevisionFiles(const QStringList &versionLocations, bool recursive)
{
    Listing listing;
    for (const QString &location : versionLocations) {
        const QFileInfo info(location);
        const QString absolute = QDir::cleanPath(info.absoluteFilePath());
        if (!info.exists()) {
            // Alembic skips a missing version location without a word; saying
            // so helps when a typo in alembic.ini hides a whole directory.
            listing.warnings.append(
                QCoreApplication::translate("retort::RevisionScanner",
                                            "Version location %1 does not exist")
                    .arg(absolute));
            continue;
        }
        if (!info.isDir()) {
            listing.warnings.append(
                QCoreApplication::translate("retort::RevisionScanner",
                                            "Version location %1 is not a directory")
                    .arg(absolute));
            continue;
        }
        listDirectory(absolute, info.canonicalFilePath(), recursive, listing);
    }
    return listing;
}

} // namespace

QStringList RevisionScanner::listFiles(const QStringList &versionLocations, bool recursive)
{
    return listRevisionFiles(versionLocations, recursive).files;
}

RevisionScanner::Result RevisionScanner::scan(const QStringList &versionLocations, bool recursive)
{
    // Taken before any file is looked at: see RevisionCache::store.
    const qint64 startedNs = RevisionCache::nowNs();
    Listing listing = listRevisionFiles(versionLocations, recursive);
    Result result;
    result.warnings = std::move(listing.warnings);
    RevisionCache cache(versionLocations, recursive);
    cache.load(listing.files);
    // Reading and parsing are independent per file: share them out over the
    // cores (large histories have thousands of files); order is kept by index.
    // With the cache, a file unchanged since the last run costs one stat().
    const qsizetype count = listing.files.size();
    result.files.resize(count);
    QList<FileStamp> stamps(count);
    const unsigned workers =
        count < 64 ? 1u : std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    std::atomic<qsizetype> next{0};
    std::atomic<qsizetype> parsed{0};
    const bool cacheEnabled = cache.enabled();
    auto work = [&] {
        for (qsizetype i = next++; i < count; i = next++) {
            const QString &path = listing.files[i];
            if (cacheEnabled) {
                stamps[i] = FileStamp::of(path);
                if (cache.take(i, stamps[i], result.files[i]))
                    continue;
            }
            result.files[i] = PythonLiteralParser::parseFile(path);
            ++parsed;
        }
    };
    std::vector<std::thread> threads;
    for (unsigned w = 1; w < workers; ++w)
        threads.emplace_back(work);
    work();
    for (std::thread &t : threads)
        t.join();
    result.parsedCount = parsed;
    cache.store(result.files, stamps, count - result.parsedCount, startedNs);
    return result;
}

} // namespace retort
