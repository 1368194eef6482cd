#include "cli.h"
#include "guirequest.h"

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
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"retort"_s);
    QCoreApplication::setOrganizationName(u"Retort"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(RETORT_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    installTranslators(app, retort::CommandLine::requestedLanguage(arguments));

    // No command, `gui` or a database path: the window, which is another
    // executable (retort-gui), so that every other command runs without
    // loading the GUI libraries, and on machines that do not have them.
    if (retort::GuiRequest::wantsGui(arguments)) {
        const auto request = retort::GuiRequest::parse(arguments, QDir::currentPath());
        QString reason;
        if (request.canShowWindow(&reason))
            reason = retort::GuiRequest::execGui(argv); // returns only on failure
        if (!request.implicit) {
            const QByteArray text = (reason + u'\n').toLocal8Bit();
            std::fwrite(text.constData(), 1, size_t(text.size()), stderr);
            return 2;
        }
        // Nothing asked explicitly and no window possible: the usage text.
    }

    retort::CommandLine cli;
    return cli.run(arguments);
}
