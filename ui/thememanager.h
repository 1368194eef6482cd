#pragma once

#include "appsettings.h"

#include <QPalette>

namespace retort::ui {

// Applies the theme chosen in the settings: the system's style and palette,
// or Fusion with a light or a dark palette.
class ThemeManager
{
public:
    static void apply(AppSettings::Theme theme);
    static bool isDark(const QPalette &palette);
    static QPalette lightPalette();
    static QPalette darkPalette();
};

} // namespace retort::ui
