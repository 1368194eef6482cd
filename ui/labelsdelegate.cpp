#include "labelsdelegate.h"

#include "graphdelegate.h"
#include "historyfiltermodel.h"
#include "historymodel.h"
#include "thememanager.h"

#include <QApplication>
#include <QPainter>

namespace retort::ui {

namespace {

constexpr int kPadding = 7;
constexpr int kSpacing = 4;
constexpr int kMargin = 4;

} // namespace

LabelsDelegate::LabelsDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QList<LabelsDelegate::Pill> LabelsDelegate::pills(const QModelIndex &index, bool dark) const
{
    QList<Pill> result;
    if (index.data(HistoryModel::IsCurrentRole).toBool())
        result.append({tr("current"), GraphDelegate::currentColour(dark)});
    if (index.data(HistoryModel::IsHeadRole).toBool())
        result.append({tr("head"), dark ? QColor(0x6c, 0xa8, 0xf7) : QColor(0x2f, 0x6f, 0xd6)});
    const QStringList labels = index.data(HistoryModel::BranchLabelsRole).toStringList();
    for (const QString &label : labels)
        result.append({label, dark ? QColor(0xd9, 0xb0, 0x6a) : QColor(0x9a, 0x5b, 0x00)});
    return result;
}

int LabelsDelegate::pillsWidth(const QFontMetrics &metrics, const QStringList &texts)
{
    int width = kMargin * 2;
    for (const QString &text : texts)
        width += metrics.horizontalAdvance(text) + 2 * kPadding + kSpacing;
    return width;
}

QSize LabelsDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStringList texts;
    for (const Pill &pill : pills(index, false))
        texts.append(pill.text);
    return {pillsWidth(option.fontMetrics, texts), GraphDelegate::rowHeight(option.fontMetrics)};
}

void LabelsDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool dark = ThemeManager::isDark(option.palette);
    const QList<Pill> list = pills(index, dark);
    if (list.isEmpty())
        return;
    const QVariant matchValue = index.data(HistoryFilterModel::MatchRole);
    const bool matches = !matchValue.isValid() || matchValue.toBool();

    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);
    if (!matches)
        painter->setOpacity(0.35);
    QFont font = option.font;
    font.setPointSizeF(font.pointSizeF() * 0.92);
    painter->setFont(font);
    const QFontMetrics metrics(font);
    const qreal height = metrics.height() + 2;
    qreal x = option.rect.left() + kMargin;
    const qreal y = option.rect.top() + (option.rect.height() - height) / 2.0;
    const bool selected = option.state & QStyle::State_Selected;
    for (const Pill &pill : list) {
        const qreal width = metrics.horizontalAdvance(pill.text) + 2 * kPadding;
        if (x + width > option.rect.right() + 1)
            break;
        const QRectF box(x, y, width, height);
        QColor fill = pill.colour;
        fill.setAlphaF(dark ? 0.28f : 0.14f);
        QColor border = pill.colour;
        border.setAlphaF(0.7f);
        painter->setPen(QPen(selected ? option.palette.color(QPalette::HighlightedText) : border,
                             1));
        painter->setBrush(selected ? QColor(255, 255, 255, 40) : fill);
        painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), height / 2, height / 2);
        painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                                 : (dark ? pill.colour.lighter(115) : pill.colour.darker(125)));
        painter->drawText(box, Qt::AlignCenter, pill.text);
        x += width + kSpacing;
    }
    painter->restore();
}

} // namespace retort::ui
