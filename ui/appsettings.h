#pragma once

#include "alembicrenderer.h"
#include "projectsource.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace retort::ui {

// Retort's preferences and remembered state, kept in QSettings.
class AppSettings
{
public:
    enum class Theme { System, Light, Dark };

    static QString language(); // "" follows the system, or "en", "es"
    static void setLanguage(const QString &language);

    static Theme theme();
    static void setTheme(Theme theme);

    static QString backupFolder(); // where backups go before every write
    static QString defaultBackupFolder();
    static void setBackupFolder(const QString &folder);

    // Interpreter for the optional Alembic renderer (never used to read projects).
    static QString pythonInterpreter();
    static void setPythonInterpreter(const QString &path);
    // The renderer with that interpreter: what plans, previews, the doctor and
    // the schema view render untranslatable revisions with.
    static AlembicRenderer::Settings rendererSettings();

    static QString lastFolder(); // of the open dialogs
    static void setLastFolder(const QString &folder);

    static constexpr int kMaxRecentProjects = 10;
    static QList<ProjectSource> recentProjects(); // most recent first
    static void addRecentProject(const ProjectSource &source);
    static void clearRecentProjects();

    static QByteArray windowGeometry();
    static QByteArray windowState();
    static void setWindowGeometry(const QByteArray &geometry, const QByteArray &state);
};

} // namespace retort::ui
