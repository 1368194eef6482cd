#pragma once

#include <QCoreApplication>
#include <QString>

namespace retort::ui {

// The bundled demo (a small bookshop with a branch merged back): copied from
// the application's resources to the user's data folder on first use, so it
// can be opened, watched and later upgraded like any project.
class DemoProject
{
    Q_DECLARE_TR_FUNCTIONS(retort::ui::DemoProject)

public:
    static QString directory();
    static QString configFile(); // its alembic.ini
    static bool exists();

    // Copies the demo when it is not there yet.
    static bool ensure(QString *error);
    // Replaces it with a fresh copy (undoing upgrades and edits).
    static bool reset(QString *error);
};

} // namespace retort::ui
