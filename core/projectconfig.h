#pragma once

#include <QString>
#include <QStringList>

namespace retort {

// Where a project's pieces are: the script directory, its version locations
// and the database. Built from command-line style options by discover().
struct ProjectConfig
{
    QString iniPath; // absolute path of alembic.ini, empty when none was used
    // Absolute path of the script directory; may be empty when --scripts names
    // a versions folder whose parent is no script directory.
    QString scriptLocation;
    QStringList versionLocations; // absolute paths, in order
    bool recursiveVersionLocations = false;
    QString sqlalchemyUrl; // as written in the ini, `%(here)s` expanded
    QString databasePath;  // absolute path of the SQLite file, empty when unknown
    QString versionTable = QStringLiteral("alembic_version");

    // Options as the user gave them; empty means "not given".
    struct Options
    {
        QString configFile;   // -c / --config
        QString scriptsDir;   // --scripts
        QString databaseFile; // --db
        QString versionTable; // --version-table
        // Where relative paths and alembic.ini discovery start (default: the
        // current directory).
        QString workingDirectory;
    };

    // Result of discovery: a config, or an error naming the problem.
    struct Result;
    static Result discover(const Options &options);
};

struct ProjectConfig::Result
{
    ProjectConfig config;
    QString error; // empty on success
    explicit operator bool() const { return error.isEmpty(); }
};

// Reads an ini file as Python's configparser does for alembic.ini: sections,
// `key = value` and `key: value`, continuation lines (indented), `#`/`;`
// comment lines, case-insensitive keys, and `%(name)s` interpolation against
// the section, the DEFAULT section and the `here` variable (the ini's folder).
class IniFile
{
public:
    static IniFile load(const QString &path, QString *error);
    bool hasSection(const QString &section) const;
    // The interpolated value, or a null QString when absent. A bad `%(name)s`
    // reference also gives a null QString, and sets *error when given.
    QString value(const QString &section, const QString &key, QString *error = nullptr) const;

private:
    const QList<QPair<QString, QString>> *findSection(const QString &section) const;
    QString rawValue(const QString &section, const QString &key, bool *isHere) const;
    bool interpolate(const QString &section, const QString &option, QString rest, int depth,
                     QString &out, QString *error) const;

    QString m_path;
    QString m_here;
    QList<QPair<QString, QString>> m_defaults; // the [DEFAULT] section, seen by every section
    QList<QPair<QString, QList<QPair<QString, QString>>>> m_sections;
};

// Splits `version_locations` as Alembic does: by `path_separator` (newer
// Alembic) or `version_path_separator` ("space", "os", ":", ";", "newline"),
// and when neither is set by the legacy rule (commas and/or spaces).
// `separatorSetting` is null when no separator key is set; `separatorKey` names
// the key it came from, for Alembic's error text when the value is invalid.
QStringList splitVersionLocations(const QString &value, const QString &separatorSetting,
                                  QString *error,
                                  const QString &separatorKey = QStringLiteral("path_separator"));

} // namespace retort
