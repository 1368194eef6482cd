// retort-gui: the desktop application. `retort` starts it (keeping its
// arguments) when a command line asks for the window; see GuiRequest.
#include "guilauncher.h"

#include <QDir>

#include <cstdio>

int main(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const auto options = retort::ui::GuiLauncher::parse(arguments, QDir::currentPath());
    // `retort` has already checked this when it started us; started directly,
    // there is no command line to fall back to.
    QString reason;
    if (!options.canShowWindow(&reason)) {
        const QByteArray text = (reason + u'\n').toLocal8Bit();
        std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
        return 2;
    }
    return retort::ui::GuiLauncher::run(argc, argv, options, QStringLiteral(RETORT_VERSION));
}
