#pragma once

#include "revisionfile.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// What one stat() says about a file; a cached parse is reused only while all
// of it is unchanged. ctime catches an edit whose mtime was put back (the
// kernel sets ctime itself), the inode a file replaced by another one.
struct FileStamp
{
    bool valid = false; // false: the file could not be stat()ed
    qint64 size = 0;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;
    quint64 inode = 0;

    bool operator==(const FileStamp &) const = default;
    static FileStamp of(const QString &path);
};

// Parsed revision headers kept between runs, like Python's __pycache__ but
// outside the project: one file per set of version locations under
// $XDG_CACHE_HOME/retort/revisions/. Reading the headers of thousands of
// revision files dominates read-only commands; one stat() per file is enough
// to know a parse is still good.
//
// The cache never changes what a command prints: anything unexpected (missing,
// corrupt, other version, unwritable directory) means "parse as without it".
// RETORT_NO_CACHE=1 turns it off entirely.
class RevisionCache
{
public:
    RevisionCache(const QStringList &versionLocations, bool recursive);

    bool enabled() const { return m_enabled; }
    QString filePath() const { return m_filePath; }

    // Reads the cache file and lines its entries up with `paths` (the files
    // about to be scanned); a file that cannot be used is treated as empty.
    void load(const QStringList &paths);

    // Moves the cached parse of paths[index] into `file` when `stamp` matches
    // the stored one and the file was already old when the cache was written.
    // Each index is taken at most once; distinct indexes may be taken from
    // different threads at the same time.
    bool take(qsizetype index, const FileStamp &stamp, RevisionFile &file);

    // Rewrites the cache with these files (parallel lists) unless every
    // loaded entry was reused (`reusedCount` of the files came from find())
    // and nothing new can be stored. `scanStartedNs` is taken before the first
    // stat(): a file changed after it may change again unseen within the same
    // timestamp tick, so it is parsed again next time. Files with problems are
    // not stored: their messages are translated, and an unreadable file should
    // be tried again. Failures are silent.
    void store(const QList<RevisionFile> &files, const QList<FileStamp> &stamps,
               qsizetype reusedCount, qint64 scanStartedNs);

    // The wall clock in the file systems' time base (ns since the epoch).
    static qint64 nowNs();
    static bool disabledByEnvironment();

    // A file changed less than this before the cache was written is not trusted
    // (the "racy git" rule; the margin covers coarse file system clocks).
    static constexpr qint64 racyMarginNs = 2'000'000'000;

private:
    struct Entry
    {
        FileStamp stamp;
        RevisionFile file;
    };

    bool m_enabled = false;
    QString m_filePath;
    QStringList m_locations;
    bool m_recursive = false;
    QByteArray m_buildIdentity;
    qint64 m_writtenNs = 0;
    QList<Entry> m_entries;          // in the order they were stored
    QList<Entry *> m_entryForPath;   // per index of the paths given to load()
};

} // namespace retort
