#pragma once

#include "guirequest.h"

#include <QObject>
#include <QString>

class QTranslator;

namespace retort::ui {

// Installs the translators for Retort's texts and Qt's own (qtbase), and
// switches them at runtime: Qt then sends QEvent::LanguageChange to every
// widget, and each one retranslates itself.
class LanguageManager : public QObject
{
    Q_OBJECT

public:
    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    // "" follows the system locale; otherwise "en" or "es".
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    QString effectiveLanguage() const { return m_effective; }

    static QString systemLanguage();
    static QStringList availableLanguages() { return GuiRequest::availableLanguages(); }

signals:
    void languageChanged();

private:
    void removeTranslators();

    QString m_language;
    QString m_effective;
    QTranslator *m_retort = nullptr;
    QTranslator *m_qt = nullptr;
};

} // namespace retort::ui
