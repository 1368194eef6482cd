#include "guilauncher.h"

#include "appsettings.h"
#include "historyview.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "projectsession.h"
#include "thememanager.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QPixmap>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

const QStringList kValueOptions = {u"-c"_s,       u"--config"_s,     u"--db"_s,
                                   u"--scripts"_s, u"--version-table"_s, u"--lang"_s,
                                   u"--screenshot"_s, u"--select"_s, u"--theme"_s};
const QStringList kCliOnlyFlags = {u"-h"_s, u"--help"_s, u"--version"_s, u"--json"_s};

void printError(const QString &text)
{
    const QByteArray bytes = (text + u'\n').toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

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

bool isOffscreenPlatform(const QString &platform)
{
    return platform.startsWith(u"offscreen"_s) || platform.startsWith(u"minimal"_s);
}

} // namespace

bool GuiLauncher::wantsGui(const QStringList &arguments)
{
    for (const QString &arg : arguments)
        if (kCliOnlyFlags.contains(arg))
            return false;
    const QString command = firstPositional(arguments);
    if (command.isEmpty() || command == u"gui"_s)
        return true;
    // `retort shop.db` opens the database; a folder or an ini is only taken
    // after `gui`, since any other word is a command for the command line.
    return ProjectSource::isDatabasePath(command);
}

GuiLauncher::Options GuiLauncher::parse(const QStringList &arguments,
                                        const QString &workingDirectory)
{
    Options options;
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
                    options.error = tr("retort: option %1 needs a value").arg(arg);
                    return options;
                }
                value = arguments[++i];
            }
            if (arg == u"-c"_s || arg == u"--config"_s)
                options.source.configFile = absolute(value);
            else if (arg == u"--db"_s)
                options.source.databaseFile = absolute(value);
            else if (arg == u"--scripts"_s)
                options.source.scriptsDir = absolute(value);
            else if (arg == u"--version-table"_s)
                options.source.versionTable = value;
            else if (arg == u"--lang"_s)
                options.language = value;
            else if (arg == u"--screenshot"_s)
                options.screenshot = absolute(value);
            else if (arg == u"--select"_s)
                options.select = value;
            else if (arg == u"--theme"_s)
                options.theme = value;
            continue;
        }
        if (arg.startsWith(u'-') && arg.size() > 1) {
            options.error = tr("retort: unknown option %1").arg(arguments[i]);
            return options;
        }
        if (!sawCommand && arg == u"gui"_s) {
            sawCommand = true;
            continue;
        }
        if (!options.path.isEmpty()) {
            options.error = tr("retort gui: one database, folder or alembic.ini at a time");
            return options;
        }
        options.path = absolute(arg);
        sawCommand = true;
    }
    options.implicit = !sawCommand;
    if (!options.language.isEmpty() && !LanguageManager::availableLanguages().contains(options.language))
        options.error = tr("retort: unsupported language '%1' (use en or es)").arg(options.language);
    if (!options.theme.isEmpty() && options.theme != u"system"_s && options.theme != u"light"_s &&
        options.theme != u"dark"_s)
        options.error = tr("retort: unsupported theme '%1' (use system, light or dark)").arg(options.theme);
    if (!options.path.isEmpty() && !QFileInfo::exists(options.path))
        options.error = tr("retort gui: %1 does not exist").arg(QDir::toNativeSeparators(options.path));
    // A database given with -c or --scripts: those scripts, this database.
    if (!options.path.isEmpty() && ProjectSource::isDatabasePath(options.path) &&
        (!options.source.configFile.isEmpty() || !options.source.scriptsDir.isEmpty())) {
        options.source.databaseFile = options.path;
        options.path.clear();
    }
    if (options.source.configFile.isEmpty() && options.source.scriptsDir.isEmpty() &&
        !options.source.databaseFile.isEmpty() && options.path.isEmpty()) {
        // --db alone: its project is looked for beside it.
        options.path = options.source.databaseFile;
        options.source.databaseFile.clear();
    }
    if (!options.source.isEmpty())
        options.source.workingDirectory = workingDirectory;
    return options;
}

bool GuiLauncher::canShowWindow(const Options &options, QString *reason)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    const bool display = !qEnvironmentVariableIsEmpty("DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (!options.screenshot.isEmpty())
        return true;
    if (isOffscreenPlatform(platform)) {
        // Nobody would see it: a test harness, most likely.
        if (reason)
            *reason = tr("retort: the window cannot be shown on the '%1' platform; give a command "
                         "(see retort --help) or --screenshot FILE.png")
                          .arg(platform);
        return !options.implicit;
    }
    if (!display && platform.isEmpty()) {
        if (reason)
            *reason = tr("retort: no display to show the window on (DISPLAY and WAYLAND_DISPLAY "
                         "are not set); give a command (see retort --help)");
        return false;
    }
#else
    Q_UNUSED(options)
    Q_UNUSED(reason)
#endif
    return true;
}

int GuiLauncher::run(int &argc, char **argv, const Options &options, const QString &version)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    if (!options.screenshot.isEmpty() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
#endif
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"retort"_s);
    QCoreApplication::setOrganizationName(u"Retort"_s);
    QCoreApplication::setApplicationVersion(version);
    QGuiApplication::setApplicationDisplayName(u"Retort"_s);
    QGuiApplication::setDesktopFileName(u"retort"_s);

    if (!options.error.isEmpty()) {
        printError(options.error);
        return 2;
    }
    const bool screenshot = !options.screenshot.isEmpty();
    LanguageManager languages;
    languages.setLanguage(!options.language.isEmpty() ? options.language
                          : screenshot                ? QString()
                                                      : AppSettings::language());
    if (!options.theme.isEmpty())
        ThemeManager::apply(options.theme == u"dark"_s    ? AppSettings::Theme::Dark
                            : options.theme == u"light"_s ? AppSettings::Theme::Light
                                                          : AppSettings::Theme::System);
    else if (!screenshot)
        ThemeManager::apply(AppSettings::theme());

    MainWindow window(&languages, !screenshot);
    if (screenshot) {
        window.session()->setWatching(false);
        window.resize(1280, 800);
    }
    // Shown before loading, so that the first scroll to the selection sees
    // the real size of the list.
    window.show();
    QCoreApplication::processEvents();
    if (!options.source.isEmpty())
        window.open(options.source);
    else if (!options.path.isEmpty())
        window.openPath(options.path);
    else if (screenshot)
        window.openDemo();
    else if (QFileInfo::exists(u"alembic.ini"_s) || QFileInfo::exists(u"migrations/alembic.ini"_s))
        window.openPath(QDir::currentPath());
    else
        window.openStartupProject();

    if (!options.select.isEmpty()) {
        const auto snapshot = window.session()->snapshot();
        const int revision = snapshot ? snapshot->resolve(options.select) : -1;
        if (revision < 0)
            printError(tr("retort gui: no revision '%1' to select").arg(options.select));
        else
            window.historyView()->selectRevision(revision);
    }

    if (screenshot)
        return renderScreenshot(window, options);
    return app.exec();
}

int GuiLauncher::renderScreenshot(MainWindow &window, const Options &options)
{
    // Let layouts, posted LanguageChange events and deferred paints settle.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    const QPixmap pixmap = window.grab();
    if (!QDir().mkpath(QFileInfo(options.screenshot).absolutePath()) ||
        !pixmap.save(options.screenshot, "PNG")) {
        printError(tr("retort gui: cannot write %1").arg(QDir::toNativeSeparators(options.screenshot)));
        return 1;
    }
    return 0;
}

} // namespace retort::ui
