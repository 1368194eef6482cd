#pragma once

#include <QIcon>

namespace retort::ui {

// Retort's toolbar and menu icons, drawn as vector shapes in the palette's
// text colour, so they are sharp at any size and follow light and dark themes
// (no icon theme or SVG plugin needed).
class Icons
{
public:
    enum class Kind {
        OpenDatabase,
        OpenProject,
        Refresh,
        Upgrade,
        Downgrade,
        Stamp,
        Backup,
        Doctor,
        Search,
        Copy,
        OpenFile,
    };
    static QIcon icon(Kind kind);
};

} // namespace retort::ui
