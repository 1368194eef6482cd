#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace retort::ui {

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QString LanguageManager::systemLanguage()
{
    const QStringList ui = QLocale::system().uiLanguages();
    const QString language = ui.isEmpty() ? QString() : ui.first().left(2);
    return availableLanguages().contains(language) ? language : u"en"_s;
}

void LanguageManager::setLanguage(const QString &language)
{
    const QString requested = availableLanguages().contains(language) ? language : QString();
    const QString effective = requested.isEmpty() ? systemLanguage() : requested;
    m_language = requested;
    if (effective == m_effective)
        return;
    m_effective = effective;
    removeTranslators();
    if (effective != u"en"_s) {
        m_retort = new QTranslator(this);
        if (m_retort->load(u":/i18n/retort_"_s + effective + u".qm"_s))
            QCoreApplication::installTranslator(m_retort);
        m_qt = new QTranslator(this);
        if (m_qt->load(QLocale(effective), u"qtbase"_s, u"_"_s,
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(m_qt);
    }
    QLocale::setDefault(requested.isEmpty() ? QLocale::system() : QLocale(effective));
    emit languageChanged();
}

void LanguageManager::removeTranslators()
{
    for (QTranslator **translator : {&m_retort, &m_qt}) {
        if (*translator) {
            QCoreApplication::removeTranslator(*translator);
            delete *translator;
            *translator = nullptr;
        }
    }
}

} // namespace retort::ui
