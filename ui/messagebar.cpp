#include "messagebar.h"

#include "thememanager.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace retort::ui {

MessageBar::MessageBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"messageBar"_s);
    m_layout = new QHBoxLayout(this);
    m_layout->setContentsMargins(10, 6, 6, 6);
    m_layout->setSpacing(8);
    m_icon = new QLabel(this);
    m_icon->setAlignment(Qt::AlignCenter);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_layout->addWidget(m_icon);
    m_layout->addWidget(m_text, 1);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setKind(Kind::Information);
}

void MessageBar::setKind(Kind kind)
{
    m_kind = kind;
    updateColours();
}

void MessageBar::setText(const QString &text)
{
    m_text->setText(text);
}

QString MessageBar::text() const
{
    return m_text->text();
}

void MessageBar::setDetails(const QString &details)
{
    setToolTip(details);
}

void MessageBar::setActions(const QList<QAction *> &actions)
{
    qDeleteAll(m_buttons);
    m_buttons.clear();
    for (QAction *action : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setAutoRaise(false);
        m_layout->addWidget(button, 0, Qt::AlignVCenter);
        m_buttons.append(button);
    }
}

void MessageBar::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

void MessageBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(m_accent, 1));
    painter.setBrush(m_tint);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

void MessageBar::updateColours()
{
    const bool dark = ThemeManager::isDark(palette());
    QColor accent;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (m_kind) {
    case Kind::Information:
        accent = QColor(0x3d, 0xae, 0xe9);
        break;
    case Kind::Positive:
        accent = QColor(0x27, 0xae, 0x60);
        break;
    case Kind::Warning:
        accent = QColor(0xf6, 0x74, 0x00);
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        accent = QColor(0xda, 0x44, 0x53);
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    const QColor base = palette().color(QPalette::Window);
    // A light tint of the accent over the window colour, bordered by the accent.
    const qreal mix = dark ? 0.22 : 0.14;
    const QColor tint = QColor::fromRgbF(
        float(base.redF() * (1 - mix) + accent.redF() * mix),
        float(base.greenF() * (1 - mix) + accent.greenF() * mix),
        float(base.blueF() * (1 - mix) + accent.blueF() * mix));
    m_tint = tint;
    m_accent = accent;
    update();
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
}

} // namespace retort::ui
