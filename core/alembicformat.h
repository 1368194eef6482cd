#pragma once

#include "revisiongraph.h"

#include <QSet>
#include <QString>

namespace retort {

// Alembic's text for one revision (Script.cmd_format, _head_only, log_entry),
// character for character, so that Retort's output can replace Alembic's.
// These lines are never translated: scripts compare them.
class AlembicFormat
{
public:
    explicit AlembicFormat(const RevisionGraph &graph) : m_graph(graph) {}

    struct Options
    {
        bool verbose = false;
        bool includeBranches = false;
        bool includeDoc = false;
        bool includeParents = false;
        bool treeIndicators = true;
        bool current = false; // the "(current)" indicator (history -i)
    };

    QString cmdFormat(int revision, const Options &options) const;
    QString headOnly(int revision, const Options &options) const;
    QString logEntry(int revision, bool current = false) const;
    // "<base>" or the versioned parents joined with ", ".
    QString formatDownRevision(int revision) const;

    // Python's str.splitlines separators.
    static QStringList pythonSplitLines(const QString &text);

private:
    const RevisionGraph &m_graph;
};

} // namespace retort
