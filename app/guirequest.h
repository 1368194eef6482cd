#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace retort {

// A command line's request for the desktop application, read with Qt Core
// only: the headless `retort` decides from it whether to start `retort-gui`
// (without loading the GUI libraries itself), and `retort-gui` reads the same
// request to know what to open.
//
//   retort [gui] [-c alembic.ini] [--db FILE] [--scripts DIR] [--version-table NAME]
//          [--lang en|es] [--theme system|light|dark] [--screenshot FILE.png]
//          [--select REV] [DATABASE|FOLDER|INI]
struct GuiRequest
{
    Q_DECLARE_TR_FUNCTIONS(retort::GuiRequest)

public:
    // Absolute paths; empty when not given.
    QString configFile;    // -c / --config
    QString databaseFile;  // --db
    QString scriptsDir;    // --scripts
    QString versionTable;  // --version-table
    QString path;          // a database, folder or ini given as an argument
    QString screenshot;    // render the window to this PNG and exit
    QString select;        // revision to select (id, prefix, label, head...)
    QString language;      // "en", "es" or empty
    QString theme;         // "system", "light", "dark" or empty (the settings' choice)
    bool implicit = false; // no command was given (as opposed to `gui` or a path)
    QString error;         // a usage error

    // `arguments` excludes the program name.
    static bool wantsGui(const QStringList &arguments);
    static GuiRequest parse(const QStringList &arguments, const QString &workingDirectory);

    // Whether a window can be shown here (environment only); when not, an
    // implicit request falls back to the command line and an explicit one
    // fails with `reason`.
    bool canShowWindow(QString *reason) const;

    static QStringList availableLanguages();
    // *.db, *.sqlite, *.sqlite3: `retort shop.db` opens the window.
    static bool isDatabasePath(const QString &path);

    // The desktop application's executable: `retort-gui` in the directory of
    // the running executable.
    static QString guiExecutable();
    // Replaces this process with guiExecutable(), keeping `argv`. Returns only
    // when that is impossible, with the reason (e.g. it is not installed).
    static QString execGui(char **argv);
};

} // namespace retort
