#include "cli.h"

#ifdef RETORT_HAVE_GUI
#include "guilauncher.h"
#endif

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// Spanish when asked with --lang es, or when the locale says so (LANGUAGE,
// LC_ALL, LC_MESSAGES, LANG, as QLocale reads them).
void installTranslators(QCoreApplication &app, const QString &requested)
{
    QString language = requested;
    if (language.isEmpty()) {
        const QStringList ui = QLocale::system().uiLanguages();
        language = ui.isEmpty() ? QString() : ui.first().left(2);
    }
    if (language != u"es"_s)
        return;
    auto *retort = new QTranslator(&app);
    if (retort->load(u":/i18n/retort_es.qm"_s))
        QCoreApplication::installTranslator(retort);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(QLocale::Spanish), u"qtbase"_s, u"_"_s,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace

int main(int argc, char *argv[])
{
#ifdef RETORT_HAVE_GUI
    // No command, `gui` or a database path: the window (QApplication). Every
    // other command stays headless (QCoreApplication, no display needed).
    {
        QStringList raw;
        for (int i = 1; i < argc; ++i)
            raw.append(QString::fromLocal8Bit(argv[i]));
        if (retort::ui::GuiLauncher::wantsGui(raw)) {
            const auto options = retort::ui::GuiLauncher::parse(raw, QDir::currentPath());
            QString reason;
            if (retort::ui::GuiLauncher::canShowWindow(options, &reason))
                return retort::ui::GuiLauncher::run(argc, argv, options,
                                                    QStringLiteral(RETORT_VERSION));
            if (!options.implicit) {
                const QByteArray text = (reason + u'\n').toLocal8Bit();
                std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
                return 2;
            }
            // Nothing asked explicitly and no window possible: the usage text.
        }
    }
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"retort"_s);
    QCoreApplication::setOrganizationName(u"Retort"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    installTranslators(app, retort::CommandLine::requestedLanguage(arguments));

    retort::CommandLine cli;
    return cli.run(arguments);
}
