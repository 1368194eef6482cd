#include "revisioncache.h"

#include <algorithm>

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSaveFile>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <sys/stat.h>
#include <time.h>
#endif

namespace retort {

using namespace Qt::StringLiterals;

namespace {

// Bump when the file layout or what the parser produces changes in a way a
// release number would not show.
constexpr quint32 cacheFormatVersion = 1;
constexpr quint32 cacheMagic = 0x52525643; // "RRVC"
constexpr QDataStream::Version streamVersion = QDataStream::Qt_6_4;

QString retortVersion()
{
    return QStringLiteral(RETORT_CORE_VERSION);
}

// The running program's size and mtime: a rebuilt binary (a changed parser
// during development) does not trust the parses an older build stored.
QByteArray buildIdentity()
{
    if (!QCoreApplication::instance())
        return {};
    const FileStamp stamp = FileStamp::of(QCoreApplication::applicationFilePath());
    return QByteArray::number(stamp.size) + ':' + QByteArray::number(stamp.modifiedNs);
}

QStringList canonicalLocations(const QStringList &versionLocations)
{
    QStringList canonical;
    for (const QString &location : versionLocations) {
        const QFileInfo info(location);
        const QString resolved = info.canonicalFilePath();
        canonical.append(resolved.isEmpty() ? QDir::cleanPath(info.absoluteFilePath())
                                            : resolved);
    }
    return canonical;
}

void write(QDataStream &out, const RevisionFile &file)
{
    out << file.path << file.revision << file.downRevisions << file.branchLabels
        << file.dependsOn << file.docstring << qint32(file.revisionLine)
        << quint32(file.problems.size());
    for (const FileProblem &problem : file.problems)
        out << problem.path << qint32(problem.line) << problem.reason;
}

void read(QDataStream &in, RevisionFile &file)
{
    qint32 revisionLine = 0;
    quint32 problemCount = 0;
    in >> file.path >> file.revision >> file.downRevisions >> file.branchLabels >>
        file.dependsOn >> file.docstring >> revisionLine >> problemCount;
    file.revisionLine = revisionLine;
    for (quint32 i = 0; i < problemCount && in.status() == QDataStream::Ok; ++i) {
        FileProblem problem;
        qint32 line = 0;
        in >> problem.path >> line >> problem.reason;
        problem.line = line;
        file.problems.append(problem);
    }
}

void write(QDataStream &out, const FileStamp &stamp)
{
    out << stamp.size << stamp.modifiedNs << stamp.changedNs << stamp.inode;
}

void read(QDataStream &in, FileStamp &stamp)
{
    in >> stamp.size >> stamp.modifiedNs >> stamp.changedNs >> stamp.inode;
    stamp.valid = true;
}

// Projects in temporary directories (tests, benchmarks) or deleted ones would
// leave their cache files behind for ever: whenever a cache file is written,
// the others whose version locations are all gone are removed. Only the start
// of each is read, and only files of this format are touched.
void removeOrphanedCacheFiles(const QString &directory, const QString &keep)
{
    const QFileInfoList candidates =
        QDir(directory).entryInfoList({u"*.bin"_s}, QDir::Files | QDir::NoSymLinks);
    for (const QFileInfo &candidate : candidates) {
        const QString path = candidate.absoluteFilePath();
        if (path == keep)
            continue;
        QStringList locations;
        {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            QDataStream in(&file);
            in.setVersion(streamVersion);
            in.setByteOrder(QDataStream::LittleEndian);
            quint32 magic = 0, format = 0;
            QString version;
            QByteArray identity;
            in >> magic >> format;
            if (in.status() != QDataStream::Ok || magic != cacheMagic ||
                format != cacheFormatVersion)
                continue;
            in >> version >> identity >> locations;
            if (in.status() != QDataStream::Ok || locations.isEmpty())
                continue;
        }
        const bool anyLocationLeft =
            std::any_of(locations.cbegin(), locations.cend(),
                        [](const QString &location) { return QFileInfo::exists(location); });
        if (!anyLocationLeft)
            QFile::remove(path);
    }
}

} // namespace

FileStamp FileStamp::of(const QString &path)
{
    FileStamp stamp;
#ifdef Q_OS_LINUX
    struct stat status;
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return stamp;
    stamp.valid = true;
    stamp.size = status.st_size;
    stamp.modifiedNs = qint64(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec;
    stamp.changedNs = qint64(status.st_ctim.tv_sec) * 1'000'000'000 + status.st_ctim.tv_nsec;
    stamp.inode = status.st_ino;
#else
    const QFileInfo info(path);
    if (!info.exists())
        return stamp;
    stamp.valid = true;
    stamp.size = info.size();
    stamp.modifiedNs = info.lastModified().toMSecsSinceEpoch() * 1'000'000;
    stamp.changedNs = info.metadataChangeTime().toMSecsSinceEpoch() * 1'000'000;
#endif
    return stamp;
}

qint64 RevisionCache::nowNs()
{
#ifdef Q_OS_LINUX
    timespec now;
    if (::clock_gettime(CLOCK_REALTIME, &now) == 0)
        return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
#endif
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000;
}

bool RevisionCache::disabledByEnvironment()
{
    const QString value = qEnvironmentVariable("RETORT_NO_CACHE");
    return !value.isEmpty() && value != u"0";
}

RevisionCache::RevisionCache(const QStringList &versionLocations, bool recursive)
    : m_locations(canonicalLocations(versionLocations)), m_recursive(recursive)
{
    if (disabledByEnvironment())
        return;
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        return;
    QByteArray key;
    {
        QDataStream keyStream(&key, QIODevice::WriteOnly);
        keyStream.setVersion(streamVersion);
        keyStream << cacheFormatVersion << retortVersion() << m_locations << m_recursive;
    }
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex();
    m_filePath = base + u"/retort/revisions/"_s + QString::fromLatin1(digest) + u".bin"_s;
    m_buildIdentity = buildIdentity();
    m_enabled = true;
}

void RevisionCache::load(const QStringList &paths)
{
    m_entries.clear();
    m_entryForPath.clear();
    m_writtenNs = 0;
    if (!m_enabled)
        return;
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray data = file.readAll();
    QDataStream in(data);
    in.setVersion(streamVersion);
    in.setByteOrder(QDataStream::LittleEndian);

    quint32 magic = 0, format = 0, count = 0;
    QString version;
    QByteArray identity;
    QStringList locations;
    bool recursive = false;
    qint64 writtenNs = 0;
    in >> magic >> format;
    if (in.status() != QDataStream::Ok || magic != cacheMagic || format != cacheFormatVersion)
        return;
    in >> version >> identity >> locations >> recursive >> writtenNs >> count;
    if (in.status() != QDataStream::Ok || version != retortVersion() ||
        identity != m_buildIdentity || locations != m_locations || recursive != m_recursive)
        return;
    // Every entry takes well over 32 bytes; a larger count is a damaged file.
    if (count > quint32(data.size() / 32))
        return;

    QList<Entry> entries(count);
    for (Entry &entry : entries) {
        read(in, entry.stamp);
        read(in, entry.file);
        if (in.status() != QDataStream::Ok)
            return;
    }
    if (!in.atEnd())
        return;
    m_entries = std::move(entries);
    m_writtenNs = writtenNs;

    // Usually the files are listed in the order they were stored; look the
    // others up by path.
    m_entryForPath.resize(paths.size(), nullptr);
    QHash<QString, Entry *> byPath;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        if (i < m_entries.size() && m_entries[i].file.path == paths[i]) {
            m_entryForPath[i] = &m_entries[i];
            continue;
        }
        if (byPath.isEmpty()) {
            byPath.reserve(m_entries.size());
            for (Entry &entry : m_entries)
                byPath.insert(entry.file.path, &entry);
        }
        m_entryForPath[i] = byPath.value(paths[i], nullptr);
    }
}

bool RevisionCache::take(qsizetype index, const FileStamp &stamp, RevisionFile &file)
{
    if (!stamp.valid || index >= m_entryForPath.size())
        return false;
    Entry *entry = m_entryForPath[index];
    if (!entry || !(entry->stamp == stamp))
        return false;
    const qint64 trustedBefore = m_writtenNs - racyMarginNs;
    if (stamp.modifiedNs >= trustedBefore || stamp.changedNs >= trustedBefore)
        return false;
    file = std::move(entry->file);
    return true;
}

void RevisionCache::store(const QList<RevisionFile> &files, const QList<FileStamp> &stamps,
                          qsizetype reusedCount, qint64 scanStartedNs)
{
    if (!m_enabled)
        return;
    const auto storable = [&](qsizetype i) {
        return stamps[i].valid && files[i].problems.isEmpty();
    };
    qsizetype storableCount = 0;
    for (qsizetype i = 0; i < files.size(); ++i)
        storableCount += storable(i) ? 1 : 0;
    // Reused entries are both loaded and storable: when they are all of either,
    // the file on disk already says everything.
    if (reusedCount == m_entries.size() && reusedCount == storableCount)
        return;

    if (!QDir().mkpath(QFileInfo(m_filePath).absolutePath()))
        return;
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return;
    QDataStream out(&file);
    out.setVersion(streamVersion);
    out.setByteOrder(QDataStream::LittleEndian);
    out << cacheMagic << cacheFormatVersion << retortVersion() << m_buildIdentity << m_locations
        << m_recursive << scanStartedNs << quint32(storableCount);
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (!storable(i))
            continue;
        write(out, stamps[i]);
        write(out, files[i]);
    }
    // A full disk or a read-only home: simply no cache.
    if (out.status() == QDataStream::Ok && file.commit())
        removeOrphanedCacheFiles(QFileInfo(m_filePath).absolutePath(), m_filePath);
}

} // namespace retort
