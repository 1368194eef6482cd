#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

class QJsonObject;

namespace retort {

// The headless front end: parses `retort [global options] COMMAND [options]`,
// asks the core, and prints. Alembic-compatible commands print Alembic's exact
// text; Retort's own messages are translated.
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    // Exit codes of the CLI contract (DESIGN.md).
    enum ExitCode {
        Ok = 0,
        OperationFailed = 1,
        Usage = 2,
        PendingMigrations = 3,
        Inconsistent = 4,
        DatabaseUnreadable = 5,
        AlembicFailure = 255,
    };

    // `arguments` excludes the program name.
    int run(const QStringList &arguments);

    // The language asked for with --lang (or --lang=), empty when none; main()
    // needs it before any text is produced.
    static QString requestedLanguage(const QStringList &arguments);

    // Where output goes; tests may capture it.
    QString standardOutput() const { return m_out; }
    QString standardError() const { return m_err; }
    void setCapture(bool capture) { m_capture = capture; }

private:
    struct Invocation;
    int dispatch(Invocation &inv);
    // How dispatch() prints a JSON result and reports a failure (the exit code).
    using JsonSink = std::function<void(const QJsonObject &)>;
    using FailureSink =
        std::function<int(int code, const QString &message, const QString &detail,
                          const QString &kind)>;
    // The commands that read a database alone (no migration scripts).
    int runIntegrity(const QString &db, bool json, const JsonSink &emitJson,
                     const FailureSink &fail);
    int runSchema(const QString &db, bool json, const JsonSink &emitJson,
                  const FailureSink &fail);
    void print(const QString &text);      // stdout, plus a newline
    void printError(const QString &text); // stderr, plus a newline
    void flush();

    QString m_out, m_err;
    bool m_capture = false;
};

} // namespace retort
