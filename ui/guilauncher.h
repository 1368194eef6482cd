#pragma once

#include "projectsource.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace retort::ui {

// Decides whether a command line asks for the window, parses the GUI's own
// options, and runs the application (or renders a screenshot and exits):
//
//   retort [gui] [-c alembic.ini] [--db FILE] [--scripts DIR] [--version-table NAME]
//          [--lang en|es] [--theme system|light|dark] [--screenshot FILE.png]
//          [--select REV] [DATABASE|FOLDER|INI]
class GuiLauncher
{
    Q_DECLARE_TR_FUNCTIONS(retort::ui::GuiLauncher)

public:
    struct Options
    {
        ProjectSource source;  // empty: the last project, or the demo
        QString path;          // a database, folder or ini given as an argument
        QString screenshot;    // render the window to this PNG and exit
        QString select;        // revision to select (id, prefix, label, head...)
        QString language;      // "en", "es" or empty
        QString theme;         // "system", "light", "dark" or empty (the settings' choice)
        bool implicit = false; // no command was given (as opposed to `gui` or a path)
        QString error;         // a usage error
    };

    // `arguments` excludes the program name.
    static bool wantsGui(const QStringList &arguments);
    static Options parse(const QStringList &arguments, const QString &workingDirectory);

    // Whether a window can be shown here; when not, an implicit request falls
    // back to the command line and an explicit one fails with `reason`.
    static bool canShowWindow(const Options &options, QString *reason);

    // Creates the QApplication and runs the window; returns the exit code.
    static int run(int &argc, char **argv, const Options &options, const QString &version);

private:
    static int renderScreenshot(class MainWindow &window, const Options &options);
};

} // namespace retort::ui
