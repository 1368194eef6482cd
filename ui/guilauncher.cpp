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

void printError(const QString &text)
{
    const QByteArray bytes = (text + u'\n').toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace

GuiLauncher::Options GuiLauncher::parse(const QStringList &arguments,
                                        const QString &workingDirectory)
{
    Options options;
    static_cast<GuiRequest &>(options) = GuiRequest::parse(arguments, workingDirectory);
    options.source.configFile = options.configFile;
    options.source.scriptsDir = options.scriptsDir;
    options.source.databaseFile = options.databaseFile;
    options.source.versionTable = options.versionTable;
    // A database given with -c or --scripts: those scripts, this database.
    if (!options.path.isEmpty() && GuiRequest::isDatabasePath(options.path) &&
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
