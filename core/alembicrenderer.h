#pragma once

#include "sqltranslator.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace retort {

struct ProjectConfig;

// The optional Alembic renderer: for a revision the static translator cannot
// read, runs the user's Python + Alembic in a separate process to render that
// revision's SQL for SQLite in offline mode, so that it can be previewed,
// printed by `--sql` and applied like translated SQL.
//
// The process is `python -B -c <driver>`, the driver (resources/alembic_render.py,
// embedded in the binary) loading only the revision file: no env.py, no
// database connection, no file written. Batch rebuilds, which offline Alembic
// cannot reflect, reflect the table from an in-memory copy of the schema the
// step starts from (given by the caller), as the online run reflects the live
// database. Statements come back as SQLAlchemy compiles them for an online run.
class AlembicRenderer
{
    Q_DECLARE_TR_FUNCTIONS(retort::AlembicRenderer)

public:
    static constexpr int kDefaultTimeoutMs = 60000;
    static constexpr int kProbeTimeoutMs = 30000;

    struct Settings
    {
        // Empty: automatic (the first of automaticCandidates() that imports
        // Alembic); disabledKeyword(): no renderer; else the interpreter's path
        // or a name looked up on PATH.
        QString interpreter;
        int timeoutMs = kDefaultTimeoutMs; // per rendering (a probe gets at least kProbeTimeoutMs)
    };

    // "none": the value of --python (and of the setting) that turns the renderer off.
    static QString disabledKeyword();
    // /usr/bin/python3, then python3 from PATH (when it is another file).
    static QStringList automaticCandidates();
    // The embedded driver's source.
    static QString driverSource();

    AlembicRenderer() = default;
    explicit AlembicRenderer(const Settings &settings) : m_settings(settings) {}

    const Settings &settings() const { return m_settings; }
    bool isDisabled() const;

    // Whether revisions can be rendered, with which interpreter. Each
    // interpreter is probed once per process (the answer is cached).
    struct Probe
    {
        bool available = false;
        QString interpreter; // the one used (resolved), or the one that failed
        QString alembicVersion;
        QString sqlalchemyVersion;
        QString pythonVersion;
        QString reason; // translated: why not available
        explicit operator bool() const { return available; }
    };
    Probe probe() const;

    enum class ErrorKind
    {
        None,
        Unavailable,    // disabled, or no usable interpreter (see probe())
        NotStarted,     // the interpreter could not be started (bad path, not executable)
        NoAlembic,      // it runs but cannot import alembic / sqlalchemy
        Timeout,        // stopped after Settings::timeoutMs
        LoadFailed,     // the revision file does not import
        NoFunction,     // it has no upgrade() / downgrade()
        RevisionFailed, // upgrade() / downgrade() raised
        Crashed,        // the process ended without an answer
    };

    struct Result
    {
        QStringList statements; // without a trailing ';', as an online run sends them
        QStringList warnings;   // Python warnings raised meanwhile (Alembic's, SQLAlchemy's)
        ErrorKind errorKind = ErrorKind::None;
        QString error;     // translated, names the cause (not the revision)
        int line = 0;      // the revision file's line where it failed, when known
        QString traceback; // Python's, when there is one
        QString interpreter;
        explicit operator bool() const { return errorKind == ErrorKind::None; }
    };

    // Renders `revisionPath`'s upgrade() or downgrade(); `schema` is the
    // CREATE statements of the database right before the step. `project`
    // gives alembic.ini (for `context.config`) and the folder put first on
    // sys.path and used as the working directory (alembic.ini's default
    // `prepend_sys_path = .`).
    Result render(const QString &revisionPath, SqlTranslator::Direction direction,
                  const QStringList &schema, const ProjectConfig *project = nullptr) const;

private:
    struct Run
    {
        QByteArray answer;
        QString stderrTail;
        ErrorKind errorKind = ErrorKind::None;
        QString error;
    };
    Run runDriver(const QString &interpreter, const QByteArray &request,
                  const QString &workingDirectory, int timeoutMs) const;
    Probe probeInterpreter(const QString &interpreter) const;

    Settings m_settings;
};

} // namespace retort
