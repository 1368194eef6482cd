#include "guirequest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>

#if defined(Q_OS_UNIX)
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace retort {

namespace {

const QStringList kValueOptions = {u"-c"_s,       u"--config"_s,     u"--db"_s,
                                   u"--scripts"_s, u"--version-table"_s, u"--lang"_s,
                                   u"--screenshot"_s, u"--select"_s, u"--theme"_s};
const QStringList kCliOnlyFlags = {u"-h"_s, u"--help"_s, u"--version"_s, u"--json"_s};

// The first argument that is neither an option nor an option's value.
QString firstPositional(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &arg = arguments[i];
        if (kValueOptions.contains(arg)) {
            ++i;
            continue;
        }
        if (arg.startsWith(u'-') && arg.size() > 1)
            continue;
        return arg;
    }
    return {};
}

[[maybe_unused]] bool isOffscreenPlatform(const QString &platform)
{
    return platform.startsWith(u"offscreen"_s) || platform.startsWith(u"minimal"_s);
}

} // namespace

bool GuiRequest::wantsGui(const QStringList &arguments)
{
    for (const QString &arg : arguments)
        if (kCliOnlyFlags.contains(arg))
            return false;
    const QString command = firstPositional(arguments);
    if (command.isEmpty() || command == u"gui"_s)
        return true;
    // `retort shop.db` opens the database; a folder or an ini is only taken
    // after `gui`, since any other word is a command for the command line.
    return isDatabasePath(command);
}

GuiRequest GuiRequest::parse(const QStringList &arguments, const QString &workingDirectory)
{
    GuiRequest request;
    const QDir cwd(workingDirectory);
    auto absolute = [&cwd](const QString &path) {
        return QDir::cleanPath(cwd.absoluteFilePath(path));
    };
    bool sawCommand = false;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString arg = arguments[i];
        QString value;
        bool hasValue = false;
        if (arg.startsWith(u"--"_s) && arg.contains(u'=')) {
            value = arg.mid(arg.indexOf(u'=') + 1);
            arg = arg.left(arg.indexOf(u'='));
            hasValue = true;
        }
        if (kValueOptions.contains(arg)) {
            if (!hasValue) {
                if (i + 1 >= arguments.size()) {
                    request.error = tr("retort: option %1 needs a value").arg(arg);
                    return request;
                }
                value = arguments[++i];
            }
            if (arg == u"-c"_s || arg == u"--config"_s)
                request.configFile = absolute(value);
            else if (arg == u"--db"_s)
                request.databaseFile = absolute(value);
            else if (arg == u"--scripts"_s)
                request.scriptsDir = absolute(value);
            else if (arg == u"--version-table"_s)
                request.versionTable = value;
            else if (arg == u"--lang"_s)
                request.language = value;
            else if (arg == u"--screenshot"_s)
                request.screenshot = absolute(value);
            else if (arg == u"--select"_s)
                request.select = value;
            else if (arg == u"--theme"_s)
                request.theme = value;
            continue;
        }
        if (arg.startsWith(u'-') && arg.size() > 1) {
            request.error = tr("retort: unknown option %1").arg(arguments[i]);
            return request;
        }
        if (!sawCommand && arg == u"gui"_s) {
            sawCommand = true;
            continue;
        }
        if (!request.path.isEmpty()) {
            request.error = tr("retort gui: one database, folder or alembic.ini at a time");
            return request;
        }
        request.path = absolute(arg);
        sawCommand = true;
    }
    request.implicit = !sawCommand;
    if (!request.language.isEmpty() && !availableLanguages().contains(request.language))
        request.error = tr("retort: unsupported language '%1' (use en or es)").arg(request.language);
    if (!request.theme.isEmpty() && request.theme != u"system"_s && request.theme != u"light"_s &&
        request.theme != u"dark"_s)
        request.error = tr("retort: unsupported theme '%1' (use system, light or dark)").arg(request.theme);
    if (!request.path.isEmpty() && !QFileInfo::exists(request.path))
        request.error = tr("retort gui: %1 does not exist").arg(QDir::toNativeSeparators(request.path));
    return request;
}

bool GuiRequest::canShowWindow(QString *reason) const
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    const bool display = !qEnvironmentVariableIsEmpty("DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (!screenshot.isEmpty())
        return true;
    if (isOffscreenPlatform(platform)) {
        // Nobody would see it: a test harness, most likely.
        if (reason)
            *reason = tr("retort: the window cannot be shown on the '%1' platform; give a command "
                         "(see retort --help) or --screenshot FILE.png")
                          .arg(platform);
        return !implicit;
    }
    if (!display && platform.isEmpty()) {
        if (reason)
            *reason = tr("retort: no display to show the window on (DISPLAY and WAYLAND_DISPLAY "
                         "are not set); give a command (see retort --help)");
        return false;
    }
#else
    Q_UNUSED(reason)
#endif
    return true;
}

QStringList GuiRequest::availableLanguages()
{
    return {u"en"_s, u"es"_s};
}

bool GuiRequest::isDatabasePath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == u"db"_s || suffix == u"sqlite"_s || suffix == u"sqlite3"_s;
}

QString GuiRequest::guiExecutable()
{
    // The file itself, not argv[0] or a symbolic link to it: an installed
    // /usr/bin/retort pointing into another folder finds retort-gui there.
    QString self = QFile::symLinkTarget(u"/proc/self/exe"_s);
    if (self.isEmpty())
        self = QCoreApplication::applicationFilePath();
    return QFileInfo(self).absoluteDir().filePath(u"retort-gui"_s);
}

QString GuiRequest::execGui(char **argv)
{
    const QString gui = guiExecutable();
    if (!QFileInfo::exists(gui))
        return tr("retort: the desktop application is not installed: %1 is missing (every "
                  "other command works)")
            .arg(QDir::toNativeSeparators(gui));
    int error = ENOSYS;
#if defined(Q_OS_UNIX)
    std::fflush(stdout);
    std::fflush(stderr);
    const QByteArray file = QFile::encodeName(gui);
    ::execv(file.constData(), argv);
    error = errno;
#else
    Q_UNUSED(argv)
#endif
    return tr("retort: cannot start the desktop application %1: %2")
        .arg(QDir::toNativeSeparators(gui), QString::fromLocal8Bit(std::strerror(error)));
}

} // namespace retort
