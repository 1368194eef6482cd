#pragma once

#include "projectconfig.h"
#include "revisionfile.h"
#include "revisiongraph.h"
#include "versiontable.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// A loaded project: where it is, its revision files and the graph they make.
struct Project
{
    ProjectConfig config;
    QList<RevisionFile> files; // every file found, usable or not
    QStringList scanWarnings;
    RevisionGraph graph;

    static Project load(const ProjectConfig &config);
};

// One problem `status` (and later the doctor) reports.
struct StatusProblem
{
    enum class Kind {
        Scripts,          // a problem of the revision files (see GraphProblem)
        UnknownRevision,  // a row names no known revision
        BadRow,           // NULL, empty or non-text row
        OverlappingRows,  // an ancestor and its descendant are both stored
        Database,         // the database could not be read
    };
    Kind kind;
    QString message;  // Retort's explanation, translated
    QString revision; // the row or revision concerned, when there is one
};

// Where a database stands against its scripts: the one-screen summary of
// `retort status` and of the GUI header.
struct StatusReport
{
    enum class State {
        UpToDate,        // exit 0
        Pending,         // exit 3
        NotUnderAlembic, // no version table: everything is pending (exit 3)
        Inconsistent,    // exit 4
        Unreadable,      // exit 5
    };
    State state = State::Unreadable;
    VersionTableState table;
    QList<int> current;       // the branch heads among the stored rows
    QList<int> heads;         // the scripts' heads
    QList<int> pending;       // what `upgrade heads` would run, in order
    QList<StatusProblem> problems;

    int exitCode() const;
    static QString stateKey(State state); // stable identifier for --json
};

StatusReport computeStatus(const Project &project, const VersionTableState &table);

} // namespace retort
