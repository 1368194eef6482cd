#include "appsettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

const QString kLanguage = u"ui/language"_s;
const QString kTheme = u"ui/theme"_s;
const QString kBackupFolder = u"safety/backupFolder"_s;
const QString kPython = u"renderer/python"_s;
const QString kLastFolder = u"state/lastFolder"_s;
const QString kRecent = u"state/recentProjects"_s;
const QString kGeometry = u"state/windowGeometry"_s;
const QString kWindowState = u"state/windowState"_s;

} // namespace

QString AppSettings::language()
{
    const QString value = QSettings().value(kLanguage).toString();
    return value == u"en"_s || value == u"es"_s ? value : QString();
}

void AppSettings::setLanguage(const QString &language)
{
    QSettings().setValue(kLanguage, language);
}

AppSettings::Theme AppSettings::theme()
{
    const QString value = QSettings().value(kTheme).toString();
    if (value == u"light"_s)
        return Theme::Light;
    if (value == u"dark"_s)
        return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    QSettings().setValue(kTheme, theme == Theme::Light  ? u"light"_s
                                 : theme == Theme::Dark ? u"dark"_s
                                                        : u"system"_s);
}

QString AppSettings::defaultBackupFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/backups"_s;
}

QString AppSettings::backupFolder()
{
    const QString value = QSettings().value(kBackupFolder).toString();
    return value.isEmpty() ? defaultBackupFolder() : value;
}

void AppSettings::setBackupFolder(const QString &folder)
{
    if (folder.isEmpty() || folder == defaultBackupFolder())
        QSettings().remove(kBackupFolder);
    else
        QSettings().setValue(kBackupFolder, folder);
}

QString AppSettings::pythonInterpreter()
{
    // Empty means automatic: the renderer tries /usr/bin/python3 and then the
    // python3 on PATH, keeping the first that can import Alembic (the first on
    // PATH is often a virtualenv's or a distribution's without it).
    return QSettings().value(kPython).toString();
}

AlembicRenderer::Settings AppSettings::rendererSettings()
{
    AlembicRenderer::Settings settings;
    settings.interpreter = pythonInterpreter(); // empty: automatic
    return settings;
}

void AppSettings::setPythonInterpreter(const QString &path)
{
    if (path.isEmpty())
        QSettings().remove(kPython);
    else
        QSettings().setValue(kPython, path);
}

QString AppSettings::lastFolder()
{
    const QString value = QSettings().value(kLastFolder).toString();
    return !value.isEmpty() && QFileInfo(value).isDir() ? value : QDir::homePath();
}

void AppSettings::setLastFolder(const QString &folder)
{
    QSettings().setValue(kLastFolder, folder);
}

QList<ProjectSource> AppSettings::recentProjects()
{
    QList<ProjectSource> sources;
    const QVariantList list = QSettings().value(kRecent).toList();
    for (const QVariant &entry : list) {
        const ProjectSource source = ProjectSource::fromVariant(entry.toMap());
        if (!source.isEmpty())
            sources.append(source);
    }
    return sources;
}

void AppSettings::addRecentProject(const ProjectSource &source)
{
    if (source.isEmpty())
        return;
    QList<ProjectSource> sources = recentProjects();
    sources.removeAll(source);
    sources.prepend(source);
    QVariantList list;
    for (qsizetype i = 0; i < sources.size() && i < kMaxRecentProjects; ++i)
        list.append(sources[i].toVariant());
    QSettings().setValue(kRecent, list);
}

void AppSettings::clearRecentProjects()
{
    QSettings().remove(kRecent);
}

QByteArray AppSettings::windowGeometry()
{
    return QSettings().value(kGeometry).toByteArray();
}

QByteArray AppSettings::windowState()
{
    return QSettings().value(kWindowState).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry, const QByteArray &state)
{
    QSettings settings;
    settings.setValue(kGeometry, geometry);
    settings.setValue(kWindowState, state);
}

} // namespace retort::ui
