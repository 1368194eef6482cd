#pragma once

#include "lanelayout.h"
#include "project.h"
#include "projectsource.h"
#include "versiontable.h"

#include <QFileSystemWatcher>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace retort::ui {

class SessionLog;

// Everything the window shows about one opened project, computed by the core
// in one go and never changed afterwards: views keep a shared pointer to it.
struct SessionSnapshot
{
    ProjectSource source;
    bool hasProject = false;   // the scripts were found
    QString configError;       // why not, when they were not
    Project project;
    QString databasePath;      // empty when there is none
    VersionTableState table;
    StatusReport status;
    QList<int> order;          // history order, newest first
    LaneLayout lanes;          // one row per entry of `order`
    std::vector<bool> applied; // per revision: an ancestor of (or) a current revision
    bool appliedKnown = false; // the version table was read
    qint64 loadMilliseconds = 0;

    bool isCurrent(int revision) const { return status.current.contains(revision); }
    bool isApplied(int revision) const
    {
        return appliedKnown && revision >= 0 && size_t(revision) < applied.size() &&
               applied[size_t(revision)];
    }
    // The revision a user's text names (id, prefix, label, head...), or -1.
    int resolve(const QString &text) const;
    // The graph's problems about one revision file.
    QList<GraphProblem> problemsOf(int revision) const;

    // Loads synchronously (it takes milliseconds even for thousands of revisions).
    static std::shared_ptr<const SessionSnapshot> load(const ProjectSource &source);
};

// The opened project: loads it, keeps the latest snapshot, and reloads when the
// database or the revision files change on disk (debounced).
class ProjectSession : public QObject
{
    Q_OBJECT

public:
    explicit ProjectSession(SessionLog *log, QObject *parent = nullptr);

    // Opens a database, an alembic.ini or a project folder.
    void openPath(const QString &path);
    // Opens a database file whatever its name; the scripts are looked for
    // beside it, else the open project's are kept.
    void openDatabase(const QString &path);
    void open(const ProjectSource &source);
    void reload();
    void close();

    std::shared_ptr<const SessionSnapshot> snapshot() const { return m_snapshot; }
    bool isOpen() const { return m_snapshot != nullptr; }

    void setWatching(bool watching);
    bool isWatching() const { return m_watching; }

signals:
    // A new snapshot replaced the previous one (`reloaded` when it is the same source).
    void loaded(bool reloaded);

private:
    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot, bool reloaded);
    void watch();
    void logOutcome(const SessionSnapshot &snapshot, bool reloaded);

    SessionLog *m_log = nullptr;
    std::shared_ptr<const SessionSnapshot> m_snapshot;
    QFileSystemWatcher m_watcher;
    QTimer m_debounce;
    bool m_watching = true;
};

} // namespace retort::ui
