#include "projectsession.h"

#include "revisionresolver.h"
#include "sessionlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

// Above this many revision files only the folders are watched (inotify
// watches are a limited resource); editors that save by renaming still show.
constexpr int kMaxWatchedFiles = 2000;
constexpr int kDebounceMilliseconds = 400;

} // namespace

// --- SessionSnapshot ---------------------------------------------------------

std::shared_ptr<const SessionSnapshot> SessionSnapshot::load(const ProjectSource &source)
{
    QElapsedTimer timer;
    timer.start();
    auto snapshot = std::make_shared<SessionSnapshot>();
    snapshot->source = source;

    ProjectConfig::Result discovered = ProjectConfig::discover(source.options());
    const QString iniFolder =
        source.configFile.isEmpty() ? QString() : QFileInfo(source.configFile).absolutePath();
    if (!discovered && !iniFolder.isEmpty() &&
        QDir(source.workingDirectory.isEmpty() ? QDir::currentPath() : source.workingDirectory) !=
            QDir(iniFolder)) {
        // Alembic reads relative paths from the current directory; a window has
        // none that means anything, so the ini's own folder is tried as well.
        ProjectSource beside = source;
        beside.workingDirectory = iniFolder;
        if (ProjectConfig::Result retry = ProjectConfig::discover(beside.options()))
            discovered = retry;
    }
    if (!discovered) {
        snapshot->configError = discovered.error;
        if (!source.databaseFile.isEmpty()) {
            snapshot->databasePath = QFileInfo(source.databaseFile).absoluteFilePath();
            snapshot->table = VersionTable::read(snapshot->databasePath);
        }
        snapshot->loadMilliseconds = timer.elapsed();
        return snapshot;
    }

    snapshot->hasProject = true;
    snapshot->project = Project::load(discovered.config);
    const ProjectConfig &config = snapshot->project.config;
    snapshot->databasePath = config.databasePath;
    if (config.databasePath.isEmpty()) {
        snapshot->table.status = VersionTableState::Status::Unreadable;
        snapshot->table.error =
            config.sqlalchemyUrl.isEmpty()
                ? QCoreApplication::translate(
                      "retort::ui::ProjectSession",
                      "No database: open one with File → Open Database, or set sqlalchemy.url in "
                      "alembic.ini.")
                : QCoreApplication::translate(
                      "retort::ui::ProjectSession",
                      "Only SQLite databases are supported; sqlalchemy.url is '%1'. Open a "
                      "database file with File → Open Database.")
                      .arg(config.sqlalchemyUrl);
    } else {
        snapshot->table = VersionTable::read(config.databasePath, config.versionTable);
    }
    snapshot->status = computeStatus(snapshot->project, snapshot->table);

    const RevisionGraph &graph = snapshot->project.graph;
    snapshot->order = LaneLayout::historyOrder(graph);
    snapshot->lanes = LaneLayout::compute(graph, snapshot->order);
    snapshot->appliedKnown = snapshot->table.readable();
    if (snapshot->appliedKnown && !snapshot->status.current.isEmpty())
        snapshot->applied = graph.reachable(snapshot->status.current,
                                            RevisionGraph::Direction::Ancestors,
                                            RevisionGraph::Edges::WithDependencies);
    else
        snapshot->applied.assign(size_t(graph.size()), false);
    snapshot->loadMilliseconds = timer.elapsed();
    return snapshot;
}

int SessionSnapshot::resolve(const QString &text) const
{
    if (!hasProject || text.isEmpty())
        return -1;
    if (text == u"current"_s)
        return status.current.isEmpty() ? -1 : status.current.first();
    RevisionResolver resolver(project.graph);
    const Resolved<int> resolved = resolver.revision(RevisionSpec::of(text));
    resolver.takeWarnings();
    return resolved && resolved.value >= 0 ? resolved.value : -1;
}

QList<GraphProblem> SessionSnapshot::problemsOf(int revision) const
{
    QList<GraphProblem> problems;
    if (!hasProject || revision < 0 || revision >= project.graph.size())
        return problems;
    const RevisionGraph::Node &node = project.graph.node(revision);
    for (const GraphProblem &p : project.graph.problems())
        if ((!p.path.isEmpty() && p.path == node.file.path) || p.revisions.contains(node.id))
            problems.append(p);
    return problems;
}

// --- ProjectSession ----------------------------------------------------------

ProjectSession::ProjectSession(SessionLog *log, QObject *parent) : QObject(parent), m_log(log)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMilliseconds);
    connect(&m_debounce, &QTimer::timeout, this, [this] {
        if (m_log)
            m_log->info(tr("Files changed on disk; reloading."));
        reload();
    });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { m_debounce.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            [this] { m_debounce.start(); });
}

void ProjectSession::openPath(const QString &path)
{
    ProjectSource source = ProjectSource::forPath(path);
    if (!source.databaseFile.isEmpty()) {
        openDatabase(path);
        return;
    }
    if (!source.workingDirectory.isEmpty() && !ProjectConfig::discover(source.options())) {
        // A folder without alembic.ini: maybe a script or versions directory.
        ProjectSource scripts;
        scripts.scriptsDir = source.workingDirectory;
        if (ProjectConfig::discover(scripts.options()))
            source = scripts;
    }
    open(source);
}

void ProjectSession::openDatabase(const QString &path)
{
    const QFileInfo info(path);
    ProjectSource source;
    source.databaseFile = info.absoluteFilePath();
    source.workingDirectory = info.absolutePath();
    if (!ProjectConfig::discover(source.options()) && m_snapshot && m_snapshot->hasProject) {
        // No project beside the database: use the scripts already open.
        const ProjectSource &previous = m_snapshot->source;
        source.configFile = m_snapshot->project.config.iniPath;
        source.scriptsDir = source.configFile.isEmpty() ? previous.scriptsDir : QString();
        source.workingDirectory = previous.workingDirectory;
    }
    open(source);
}

void ProjectSession::open(const ProjectSource &source)
{
    const bool reloaded = m_snapshot && m_snapshot->source == source;
    setSnapshot(SessionSnapshot::load(source), reloaded);
}

void ProjectSession::reload()
{
    if (m_snapshot)
        setSnapshot(SessionSnapshot::load(m_snapshot->source), true);
}

void ProjectSession::close()
{
    m_snapshot.reset();
    watch();
    emit loaded(false);
}

void ProjectSession::setWatching(bool watching)
{
    m_watching = watching;
    watch();
}

void ProjectSession::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot, bool reloaded)
{
    m_debounce.stop();
    m_snapshot = std::move(snapshot);
    logOutcome(*m_snapshot, reloaded);
    watch();
    emit loaded(reloaded);
}

void ProjectSession::logOutcome(const SessionSnapshot &snapshot, bool reloaded)
{
    if (!m_log)
        return;
    if (!reloaded) {
        const QString name = snapshot.hasProject && !snapshot.project.config.iniPath.isEmpty()
                                 ? snapshot.project.config.iniPath
                                 : snapshot.source.displayName();
        m_log->info(tr("Opened %1.").arg(QDir::toNativeSeparators(name)));
    }
    if (!snapshot.hasProject) {
        m_log->error(snapshot.configError);
        return;
    }
    m_log->info(tr("Revisions read: %1 (in %2 ms).")
                    .arg(snapshot.project.graph.size())
                    .arg(snapshot.loadMilliseconds));
    for (const QString &warning : snapshot.project.scanWarnings)
        m_log->warning(warning);
    if (!snapshot.table.readable())
        m_log->error(snapshot.table.error);
}

void ProjectSession::watch()
{
    const QStringList watched = m_watcher.files() + m_watcher.directories();
    if (!watched.isEmpty())
        m_watcher.removePaths(watched);
    if (!m_watching || !m_snapshot)
        return;

    QStringList paths;
    auto add = [&paths](const QString &path) {
        if (!path.isEmpty() && QFileInfo::exists(path) && !paths.contains(path))
            paths.append(path);
    };
    add(m_snapshot->databasePath);
    if (!m_snapshot->databasePath.isEmpty())
        add(m_snapshot->databasePath + u"-wal"_s);
    if (m_snapshot->hasProject) {
        const ProjectConfig &config = m_snapshot->project.config;
        add(config.iniPath);
        for (const QString &location : config.versionLocations) {
            add(location);
            if (config.recursiveVersionLocations) {
                QDirIterator it(location, QDir::Dirs | QDir::NoDotAndDotDot,
                                QDirIterator::Subdirectories);
                while (it.hasNext())
                    add(it.next());
            }
        }
        if (m_snapshot->project.files.size() <= kMaxWatchedFiles)
            for (const RevisionFile &file : m_snapshot->project.files)
                add(file.path);
    }
    if (!paths.isEmpty())
        m_watcher.addPaths(paths);
}

} // namespace retort::ui
