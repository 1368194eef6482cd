#pragma once

#include "projectconfig.h"

#include <QString>
#include <QVariantMap>

namespace retort::ui {

// What the user opened: an alembic.ini, a script folder, a database, or a
// database with the scripts of a project. Remembered in the recent list.
struct ProjectSource
{
    QString configFile;       // alembic.ini (absolute)
    QString scriptsDir;       // a script directory or a versions directory
    QString databaseFile;     // overrides sqlalchemy.url
    QString workingDirectory; // where alembic.ini is looked for when configFile is empty
    QString versionTable;     // empty: the ini's or alembic_version

    bool isEmpty() const
    {
        return configFile.isEmpty() && scriptsDir.isEmpty() && databaseFile.isEmpty() &&
               workingDirectory.isEmpty();
    }
    bool operator==(const ProjectSource &) const = default;

    ProjectConfig::Options options() const;
    // A short, human-readable name for menus: the project folder and the database.
    QString displayName() const;

    QVariantMap toVariant() const;
    static ProjectSource fromVariant(const QVariantMap &map);

    // What a path the user picked or dropped stands for: a database file
    // (*.db, *.sqlite, *.sqlite3), an ini file, or a folder holding a project.
    static ProjectSource forPath(const QString &path);
    static bool isDatabasePath(const QString &path);
};

} // namespace retort::ui
