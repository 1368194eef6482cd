#pragma once

// Helpers shared by the GUI test suites (tst_gui, tst_guiwrites, tst_guidoctor).

#include <QByteArray>
#include <QCoreApplication>
#include <QEvent>
#include <QString>
#include <QTest>
#include <QTranslator>
#include <QWidget>

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

// True when a click at the widget's centre would reach it: it is shown, laid
// out with a real size, and not covered by another widget of its window.
inline bool underItsOwnCentre(QWidget *widget)
{
    if (!widget->isVisible() || widget->size().isEmpty())
        return false;
    QWidget *window = widget->window();
    QWidget *hit = window->childAt(widget->mapTo(window, widget->rect().center()));
    return hit == widget || widget->isAncestorOf(hit);
}

// Clicks a widget as a user would: only once it can be seen where it is. A
// button shown a moment ago (Close replacing Run when a run ends) keeps a zero
// height until its layout request is handled, and a synthetic click sent before
// that lands on its parent; a user only ever clicks what has been laid out and
// painted. Returns false when the widget never became clickable.
[[nodiscard]] inline bool clickLikeAUser(QWidget *widget, int timeoutMs = 5000)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (!QTest::qWaitFor([widget] { return underItsOwnCentre(widget); }, timeoutMs))
        return false;
    QTest::mouseClick(widget, Qt::LeftButton);
    return true;
}

} // namespace retort::tests
