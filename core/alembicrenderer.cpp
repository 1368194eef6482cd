#include "alembicrenderer.h"

#include "alembicrenderdriver.h" // generated: kAlembicRenderDriver
#include "projectconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// The last lines of what the process wrote on stderr, for messages.
QString tailOf(const QByteArray &bytes, int lines = 6)
{
    QStringList all = QString::fromUtf8(bytes).trimmed().split(u'\n');
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(u'\n');
}

// Where the driver's interpreter is, as QProcess must be given it: a bare name
// is looked up on PATH, a relative path is taken from the current directory
// (not from the project folder the process runs in).
QString resolvedInterpreter(const QString &interpreter)
{
    if (interpreter.contains(u'/'))
        return QFileInfo(interpreter).absoluteFilePath();
    const QString found = QStandardPaths::findExecutable(interpreter);
    return found.isEmpty() ? interpreter : found;
}

} // namespace

QString AlembicRenderer::disabledKeyword()
{
    return u"none"_s;
}

QStringList AlembicRenderer::automaticCandidates()
{
    QStringList candidates{u"/usr/bin/python3"_s};
    const QString onPath = QStandardPaths::findExecutable(u"python3"_s);
    if (!onPath.isEmpty() &&
        QFileInfo(onPath).canonicalFilePath() != QFileInfo(candidates.first()).canonicalFilePath())
        candidates.append(onPath);
    return candidates;
}

QString AlembicRenderer::driverSource()
{
    return QString::fromUtf8(kAlembicRenderDriver);
}

bool AlembicRenderer::isDisabled() const
{
    return m_settings.interpreter.trimmed().compare(disabledKeyword(), Qt::CaseInsensitive) == 0;
}

AlembicRenderer::Run AlembicRenderer::runDriver(const QString &interpreter,
                                                const QByteArray &request,
                                                const QString &workingDirectory,
                                                int timeoutMs) const
{
    Run run;
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty() && QFileInfo(workingDirectory).isDir())
        process.setWorkingDirectory(workingDirectory);
    // -B: no __pycache__ beside the user's revision files.
    process.start(interpreter, {u"-B"_s, u"-c"_s, driverSource()});
    if (!process.waitForStarted(timeoutMs)) {
        run.errorKind = ErrorKind::NotStarted;
        run.error = tr("cannot start the Python interpreter %1: %2")
                        .arg(interpreter, process.errorString());
        return run;
    }
    process.write(request);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        const bool timedOut = process.state() != QProcess::NotRunning;
        process.kill();
        process.waitForFinished(5000);
        run.errorKind = timedOut ? ErrorKind::Timeout : ErrorKind::Crashed;
        run.error = timedOut ? tr("Alembic did not finish within %1 s (%2); it was stopped.")
                                   .arg(timeoutMs / 1000.0)
                                   .arg(interpreter)
                             : tr("the Python process %1 failed: %2")
                                   .arg(interpreter, process.errorString());
        return run;
    }
    run.stderrTail = tailOf(process.readAllStandardError());
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    run.answer = lines.isEmpty() ? QByteArray() : lines.last();
    if (process.exitStatus() != QProcess::NormalExit || run.answer.isEmpty()) {
        run.errorKind = ErrorKind::Crashed;
        run.error = tr("the Python process %1 ended without an answer (exit code %2)%3")
                        .arg(interpreter)
                        .arg(process.exitCode())
                        .arg(run.stderrTail.isEmpty() ? QString() : u":\n"_s + run.stderrTail);
    }
    return run;
}

AlembicRenderer::Probe AlembicRenderer::probeInterpreter(const QString &interpreter) const
{
    static QMutex mutex;
    static QHash<QString, Probe> cache;
    {
        const QMutexLocker locker(&mutex);
        const auto it = cache.constFind(interpreter);
        if (it != cache.constEnd())
            return *it;
    }
    Probe probe;
    probe.interpreter = interpreter;
    // Importing Alembic takes a moment on a busy machine; the timeout of the
    // renderings (maybe short, to stop a slow revision) does not apply.
    const Run run = runDriver(interpreter, R"({"probe": true})", {},
                              std::max(m_settings.timeoutMs, kProbeTimeoutMs));
    const QJsonObject answer = QJsonDocument::fromJson(run.answer).object();
    if (run.errorKind != ErrorKind::None) {
        probe.reason = run.error;
    } else if (!answer.value(u"ok"_s).toBool()) {
        probe.reason = tr("%1 cannot import Alembic: %2")
                           .arg(interpreter, answer.value(u"message"_s).toString());
    } else {
        probe.available = true;
        probe.alembicVersion = answer.value(u"alembic"_s).toString();
        probe.sqlalchemyVersion = answer.value(u"sqlalchemy"_s).toString();
        probe.pythonVersion = answer.value(u"python"_s).toString();
    }
    // A timeout may be a busy machine: try again next time.
    if (run.errorKind != ErrorKind::Timeout) {
        const QMutexLocker locker(&mutex);
        cache.insert(interpreter, probe);
    }
    return probe;
}

AlembicRenderer::Probe AlembicRenderer::probe() const
{
    if (isDisabled()) {
        Probe off;
        off.reason = tr("the Alembic renderer is turned off (--python %1)").arg(disabledKeyword());
        return off;
    }
    const QString given = m_settings.interpreter.trimmed();
    if (!given.isEmpty())
        return probeInterpreter(resolvedInterpreter(given));
    QStringList reasons;
    for (const QString &candidate : automaticCandidates()) {
        const Probe probe = probeInterpreter(candidate);
        if (probe)
            return probe;
        reasons.append(probe.reason);
    }
    Probe none;
    none.reason = tr("no Python with Alembic was found (%1)").arg(reasons.join(u"; "_s));
    return none;
}

AlembicRenderer::Result AlembicRenderer::render(const QString &revisionPath,
                                                SqlTranslator::Direction direction,
                                                const QStringList &schema,
                                                const ProjectConfig *project) const
{
    Result result;
    const Probe available = probe();
    result.interpreter = available.interpreter;
    if (!available) {
        result.errorKind = ErrorKind::Unavailable;
        result.error = available.reason;
        return result;
    }

    QString projectDirectory;
    QJsonObject request{
        {u"path"_s, QFileInfo(revisionPath).absoluteFilePath()},
        {u"direction"_s,
         direction == SqlTranslator::Direction::Upgrade ? u"upgrade"_s : u"downgrade"_s},
        {u"schema"_s, QJsonArray::fromStringList(schema)},
    };
    if (project) {
        if (!project->iniPath.isEmpty()) {
            request.insert(u"ini"_s, project->iniPath);
            projectDirectory = QFileInfo(project->iniPath).absolutePath();
        } else if (!project->scriptLocation.isEmpty()) {
            projectDirectory = QFileInfo(project->scriptLocation).absolutePath();
        }
    }
    if (!projectDirectory.isEmpty())
        request.insert(u"sys_path"_s, QJsonArray{projectDirectory});

    const Run run = runDriver(available.interpreter,
                              QJsonDocument(request).toJson(QJsonDocument::Compact),
                              projectDirectory, m_settings.timeoutMs);
    if (run.errorKind != ErrorKind::None) {
        result.errorKind = run.errorKind;
        result.error = run.error;
        return result;
    }
    QJsonParseError parseError;
    const QJsonObject answer = QJsonDocument::fromJson(run.answer, &parseError).object();
    if (parseError.error != QJsonParseError::NoError) {
        result.errorKind = ErrorKind::Crashed;
        result.error = tr("the answer of the Alembic renderer is not JSON (%1): %2")
                           .arg(parseError.errorString(), QString::fromUtf8(run.answer.left(200)));
        return result;
    }
    if (answer.value(u"ok"_s).toBool()) {
        for (const QJsonValue &statement : answer.value(u"statements"_s).toArray())
            result.statements.append(statement.toString());
        for (const QJsonValue &warning : answer.value(u"warnings"_s).toArray())
            result.warnings.append(warning.toString());
        return result;
    }

    const QString kind = answer.value(u"kind"_s).toString();
    const QString message = answer.value(u"message"_s).toString();
    result.line = answer.value(u"line"_s).toInt();
    result.traceback = answer.value(u"traceback"_s).toString();
    const QString where = result.line > 0 ? u"%1:%2"_s.arg(revisionPath).arg(result.line)
                                          : revisionPath;
    if (kind == u"no_alembic"_s) {
        result.errorKind = ErrorKind::NoAlembic;
        result.error = tr("%1 cannot import Alembic: %2").arg(available.interpreter, message);
    } else if (kind == u"load"_s) {
        result.errorKind = ErrorKind::LoadFailed;
        result.error = tr("the revision file does not import (%1): %2").arg(where, message);
    } else if (kind == u"no_function"_s) {
        result.errorKind = ErrorKind::NoFunction;
        result.error = message;
    } else if (kind == u"revision"_s) {
        result.errorKind = ErrorKind::RevisionFailed;
        result.error = tr("%1() raised an exception (%2): %3")
                           .arg(direction == SqlTranslator::Direction::Upgrade ? u"upgrade"_s
                                                                                : u"downgrade"_s,
                                where, message);
    } else {
        result.errorKind = ErrorKind::Crashed;
        result.error = tr("the Alembic renderer failed: %1").arg(message);
    }
    return result;
}

} // namespace retort
