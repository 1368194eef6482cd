#pragma once

// Helpers shared by the GUI test suites (tst_gui, tst_guiwrites, tst_guidoctor).

#include <QByteArray>
#include <QString>
#include <QTranslator>

namespace retort::tests {

// Marks every text of Retort's GUI it translates, so a test sees which texts
// were fetched again through tr() after a language change.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char * /*disambiguation*/,
                      int /*n*/) const override
    {
        if (!QByteArray(context).startsWith("retort::ui::"))
            return {};
        return QStringLiteral("⟦") + QString::fromUtf8(sourceText) + QStringLiteral("⟧");
    }
    bool isEmpty() const override { return false; }
};

inline bool marked(const QString &text)
{
    return text.startsWith(QStringLiteral("⟦"));
}

} // namespace retort::tests
