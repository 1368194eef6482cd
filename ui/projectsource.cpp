#include "projectsource.h"

#include "guirequest.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace retort::ui {

ProjectConfig::Options ProjectSource::options() const
{
    ProjectConfig::Options options;
    options.configFile = configFile;
    options.scriptsDir = scriptsDir;
    options.databaseFile = databaseFile;
    options.workingDirectory = workingDirectory;
    options.versionTable = versionTable;
    return options;
}

QString ProjectSource::displayName() const
{
    QString project;
    if (!configFile.isEmpty())
        project = QDir::toNativeSeparators(configFile);
    else if (!scriptsDir.isEmpty())
        project = QDir::toNativeSeparators(scriptsDir);
    else if (!workingDirectory.isEmpty() && databaseFile.isEmpty())
        project = QDir::toNativeSeparators(workingDirectory);
    if (databaseFile.isEmpty())
        return project;
    const QString database = QDir::toNativeSeparators(databaseFile);
    return project.isEmpty() ? database : database + u"  ("_s + project + u')';
}

QVariantMap ProjectSource::toVariant() const
{
    QVariantMap map;
    if (!configFile.isEmpty())
        map.insert(u"config"_s, configFile);
    if (!scriptsDir.isEmpty())
        map.insert(u"scripts"_s, scriptsDir);
    if (!databaseFile.isEmpty())
        map.insert(u"database"_s, databaseFile);
    if (!workingDirectory.isEmpty())
        map.insert(u"directory"_s, workingDirectory);
    if (!versionTable.isEmpty())
        map.insert(u"versionTable"_s, versionTable);
    return map;
}

ProjectSource ProjectSource::fromVariant(const QVariantMap &map)
{
    ProjectSource source;
    source.configFile = map.value(u"config"_s).toString();
    source.scriptsDir = map.value(u"scripts"_s).toString();
    source.databaseFile = map.value(u"database"_s).toString();
    source.workingDirectory = map.value(u"directory"_s).toString();
    source.versionTable = map.value(u"versionTable"_s).toString();
    return source;
}

bool ProjectSource::isDatabasePath(const QString &path)
{
    return GuiRequest::isDatabasePath(path);
}

ProjectSource ProjectSource::forPath(const QString &path)
{
    const QFileInfo info(path);
    ProjectSource source;
    if (info.isDir()) {
        source.workingDirectory = info.absoluteFilePath();
    } else if (isDatabasePath(path)) {
        source.databaseFile = info.absoluteFilePath();
        source.workingDirectory = info.absolutePath();
    } else {
        source.configFile = info.absoluteFilePath();
        source.workingDirectory = info.absolutePath(); // as if run from the project's folder
    }
    return source;
}

} // namespace retort::ui
