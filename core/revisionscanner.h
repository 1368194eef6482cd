#pragma once

#include "revisionfile.h"

#include <QList>
#include <QStringList>

namespace retort {

// Finds revision files the way Alembic does and parses each one.
//
// In each version location, in the order given: file names sorted, matching
// `(?!\.\#|__init__)(.*\.py)$` (re.match: anchored at the start, so "__init__.py"
// and editor lock files ".#x.py" are skipped). Subdirectories are searched only
// when `recursive` is set (Alembic's recursive_version_locations; each directory's
// own files first, then its subdirectories, sorted). A file reached twice through
// overlapping locations (same canonical path) is loaded once.
//
// Parses of unchanged files come from a RevisionCache (outside the project);
// the result is the same with or without it.
class RevisionScanner
{
public:
    struct Result
    {
        QList<RevisionFile> files; // every matching file, usable or not, in load order
        QStringList warnings;      // e.g. a version location that does not exist
        qsizetype parsedCount = 0; // files read and parsed; the rest came from the cache
    };

    static QStringList listFiles(const QStringList &versionLocations, bool recursive);
    static Result scan(const QStringList &versionLocations, bool recursive);
};

} // namespace retort
