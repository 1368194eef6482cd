#pragma once

#include "guirequest.h"
#include "projectsource.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace retort::ui {

// Turns the command line's GuiRequest (app/guirequest.h, which also decides
// whether a command line asks for the window) into the project to open, and
// runs the application (or renders a screenshot and exits).
class GuiLauncher
{
    Q_DECLARE_TR_FUNCTIONS(retort::ui::GuiLauncher)

public:
    // The request, with -c/--db/--scripts/--version-table and a database
    // argument combined into `source` (and `path`).
    struct Options : GuiRequest
    {
        ProjectSource source; // empty: the last project, or the demo
    };

    // `arguments` excludes the program name.
    static Options parse(const QStringList &arguments, const QString &workingDirectory);

    // Creates the QApplication and runs the window; returns the exit code.
    static int run(int &argc, char **argv, const Options &options, const QString &version);

private:
    static int renderScreenshot(class MainWindow &window, const Options &options);
};

} // namespace retort::ui
