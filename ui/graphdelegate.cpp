#include "graphdelegate.h"

#include "historyfiltermodel.h"
#include "historymodel.h"
#include "thememanager.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include <array>

namespace retort::ui {

namespace {

constexpr int kMargin = 6;

} // namespace

GraphDelegate::GraphDelegate(const HistoryModel *model, QObject *parent)
    : QStyledItemDelegate(parent), m_model(model)
{
}

QColor GraphDelegate::laneColour(int lane, bool dark)
{
    // Distinct hues readable on light and dark bases (the dark set is lighter).
    static const std::array<QColor, 8> light = {
        QColor(0x2f, 0x6f, 0xd6), QColor(0x8e, 0x44, 0xad), QColor(0xd3, 0x5f, 0x00),
        QColor(0x0e, 0x8a, 0x8a), QColor(0xc2, 0x35, 0x6b), QColor(0x6b, 0x8e, 0x23),
        QColor(0x5c, 0x6b, 0xc0), QColor(0xa0, 0x6a, 0x1e)};
    static const std::array<QColor, 8> darkSet = {
        QColor(0x6c, 0xa8, 0xf7), QColor(0xc3, 0x8b, 0xe8), QColor(0xf5, 0x9e, 0x4c),
        QColor(0x4f, 0xc9, 0xc9), QColor(0xf0, 0x7a, 0xa6), QColor(0xa6, 0xc8, 0x5a),
        QColor(0x9f, 0xa8, 0xf0), QColor(0xd9, 0xb0, 0x6a)};
    const size_t i = size_t(std::max(lane, 0)) % light.size();
    return dark ? darkSet[i] : light[i];
}

QColor GraphDelegate::currentColour(bool dark)
{
    return dark ? QColor(0x3f, 0xc2, 0x6b) : QColor(0x1a, 0x9a, 0x47);
}

int GraphDelegate::laneWidth(const QFontMetrics &metrics)
{
    return std::max(12, (metrics.height() * 4 + 4) / 5);
}

int GraphDelegate::rowHeight(const QFontMetrics &metrics)
{
    return metrics.height() + std::max(8, metrics.height() / 2);
}

int GraphDelegate::columnWidth(const QFontMetrics &metrics, int lanes)
{
    return 2 * kMargin + std::max(lanes, 1) * laneWidth(metrics);
}

QSize GraphDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {columnWidth(option.fontMetrics, m_model ? m_model->lanes().maxLanes() : 1),
            rowHeight(option.fontMetrics)};
}

void GraphDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    opt.icon = {};
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (!m_model)
        return;

    const int sourceRow = index.data(HistoryModel::SourceRowRole).toInt();
    const auto &row = m_model->laneRow(sourceRow);
    if (row.revision < 0)
        return;
    const QVariant matchValue = index.data(HistoryFilterModel::MatchRole);
    const QVariant linesValue = index.data(HistoryFilterModel::DrawLinesRole);
    const bool matches = !matchValue.isValid() || matchValue.toBool();
    const bool drawLines = !linesValue.isValid() || linesValue.toBool();
    const bool isCurrent = index.data(HistoryModel::IsCurrentRole).toBool();
    const bool known = index.data(HistoryModel::StateKnownRole).toBool();
    const bool applied = index.data(HistoryModel::IsAppliedRole).toBool();

    const bool dark = ThemeManager::isDark(option.palette);
    const QRectF rect = option.rect;
    const qreal lw = laneWidth(option.fontMetrics);
    const qreal top = rect.top();
    const qreal bottom = rect.bottom() + 1;
    const qreal cy = rect.top() + rect.height() / 2.0;
    auto laneX = [&](int lane) { return rect.left() + kMargin + lw * lane + lw / 2.0; };
    const qreal penWidth = std::max<qreal>(1.6, option.fontMetrics.height() / 9.0);
    const qreal corner = std::min(lw / 2.0, rect.height() / 2.0) * 0.9;

    painter->save();
    painter->setClipRect(option.rect);
    painter->setRenderHint(QPainter::Antialiasing);
    if (!matches)
        painter->setOpacity(0.3);

    if (drawLines) {
        // Connectors first, with rounded corners where a lane opens or ends.
        std::vector<int> rounded(size_t(row.laneCount()), 0); // +1 down, -1 up
        for (const auto &span : row.spans) {
            const quint8 cell = row.cell(span.to);
            const bool opens = (cell & LaneLayout::Down) && !(cell & LaneLayout::Up);
            const bool ends = (cell & LaneLayout::Up) && !(cell & LaneLayout::Down);
            const qreal x0 = laneX(span.from);
            const qreal x1 = laneX(span.to);
            const qreal direction = x1 > x0 ? 1.0 : -1.0;
            QPainterPath path(QPointF(x0, cy));
            if (opens || ends) {
                const qreal vertical = opens ? corner : -corner;
                path.lineTo(x1 - direction * corner, cy);
                path.quadTo(x1, cy, x1, cy + vertical);
                rounded[size_t(span.to)] = opens ? 1 : -1;
            } else {
                path.lineTo(x1, cy);
            }
            painter->setPen(QPen(laneColour(span.to, dark), penWidth, Qt::SolidLine, Qt::FlatCap,
                                 Qt::RoundJoin));
            painter->setBrush(Qt::NoBrush);
            painter->drawPath(path);
        }
        for (int lane = 0; lane < row.laneCount(); ++lane) {
            const quint8 cell = row.cell(lane);
            const qreal x = laneX(lane);
            painter->setPen(QPen(laneColour(lane, dark), penWidth, Qt::SolidLine, Qt::FlatCap));
            const bool passes = (cell & LaneLayout::Up) && (cell & LaneLayout::Down) &&
                                !(cell & LaneLayout::Node);
            if (passes) {
                painter->drawLine(QPointF(x, top), QPointF(x, bottom));
                continue;
            }
            if (cell & LaneLayout::Up)
                painter->drawLine(QPointF(x, top),
                                  QPointF(x, rounded[size_t(lane)] < 0 ? cy - corner : cy));
            if (cell & LaneLayout::Down)
                painter->drawLine(QPointF(x, rounded[size_t(lane)] > 0 ? cy + corner : cy),
                                  QPointF(x, bottom));
        }
    }

    // The node.
    const QPointF centre(laneX(row.nodeLane), cy);
    const qreal radius = std::max<qreal>(3.5, lw * 0.3);
    const QColor lane = laneColour(row.nodeLane, dark);
    const QColor base = option.palette.color(QPalette::Base);
    if (isCurrent) {
        const QColor current = currentColour(dark);
        painter->setPen(QPen(current, penWidth));
        painter->setBrush(base);
        painter->drawEllipse(centre, radius + 3.0, radius + 3.0);
        painter->setPen(Qt::NoPen);
        painter->setBrush(current);
        painter->drawEllipse(centre, radius, radius);
    } else if (!known || applied) {
        painter->setPen(QPen(base, 1.5));
        painter->setBrush(lane);
        painter->drawEllipse(centre, radius + 0.75, radius + 0.75);
    } else {
        painter->setPen(QPen(lane, penWidth));
        painter->setBrush(base);
        painter->drawEllipse(centre, radius, radius);
    }
    painter->restore();
}

} // namespace retort::ui
