#include "icons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>

namespace retort::ui {

namespace {

// Shapes are drawn in a 24×24 box.
void drawShape(QPainter &p, Icons::Kind kind)
{
    const QPen pen = p.pen();
    switch (kind) {
    case Icons::Kind::OpenDatabase: {
        p.drawEllipse(QRectF(5, 3, 14, 5));
        QPainterPath body;
        body.moveTo(5, 5.5);
        body.lineTo(5, 18.5);
        body.arcTo(QRectF(5, 16, 14, 5), 180, 180);
        body.lineTo(19, 5.5);
        p.drawPath(body);
        QPainterPath band;
        band.moveTo(5, 12);
        band.arcTo(QRectF(5, 9.5, 14, 5), 180, 180);
        p.drawPath(band);
        break;
    }
    case Icons::Kind::OpenProject: {
        QPainterPath folder;
        folder.moveTo(3, 19);
        folder.lineTo(3, 6);
        folder.lineTo(9, 6);
        folder.lineTo(11, 8);
        folder.lineTo(20, 8);
        folder.lineTo(20, 19);
        folder.closeSubpath();
        p.drawPath(folder);
        p.drawLine(QPointF(3, 11), QPointF(20, 11));
        break;
    }
    case Icons::Kind::Refresh: {
        QPainterPath arc;
        arc.arcMoveTo(QRectF(4.5, 4.5, 15, 15), 60);
        arc.arcTo(QRectF(4.5, 4.5, 15, 15), 60, 290);
        p.drawPath(arc);
        QPainterPath head;
        head.moveTo(14, 3);
        head.lineTo(16.5, 6);
        head.lineTo(13, 8);
        p.drawPath(head);
        break;
    }
    case Icons::Kind::Upgrade:
        p.drawLine(QPointF(5, 4), QPointF(19, 4));
        p.drawLine(QPointF(12, 8), QPointF(12, 20));
        p.drawPolyline(QPolygonF({QPointF(7, 13), QPointF(12, 8), QPointF(17, 13)}));
        break;
    case Icons::Kind::Downgrade:
        p.drawLine(QPointF(5, 20), QPointF(19, 20));
        p.drawLine(QPointF(12, 4), QPointF(12, 16));
        p.drawPolyline(QPolygonF({QPointF(7, 11), QPointF(12, 16), QPointF(17, 11)}));
        break;
    case Icons::Kind::Stamp: {
        p.drawEllipse(QRectF(8.5, 2.5, 7, 6));
        QPainterPath stem;
        stem.moveTo(10.5, 8.5);
        stem.lineTo(10, 13);
        stem.moveTo(13.5, 8.5);
        stem.lineTo(14, 13);
        p.drawPath(stem);
        p.drawRoundedRect(QRectF(4, 13, 16, 4), 1, 1);
        p.drawLine(QPointF(5, 20.5), QPointF(19, 20.5));
        break;
    }
    case Icons::Kind::Backup: {
        p.drawRoundedRect(QRectF(3.5, 12, 17, 8), 1.5, 1.5);
        p.drawLine(QPointF(12, 3), QPointF(12, 13));
        p.drawPolyline(QPolygonF({QPointF(8.5, 9.5), QPointF(12, 13), QPointF(15.5, 9.5)}));
        p.drawLine(QPointF(7, 16), QPointF(17, 16));
        break;
    }
    case Icons::Kind::Doctor: {
        QPainterPath pulse;
        pulse.moveTo(2.5, 13);
        pulse.lineTo(7, 13);
        pulse.lineTo(9.5, 7);
        pulse.lineTo(13, 19);
        pulse.lineTo(15.5, 11);
        pulse.lineTo(17, 13);
        pulse.lineTo(21.5, 13);
        p.drawPath(pulse);
        break;
    }
    case Icons::Kind::Search:
        p.drawEllipse(QRectF(4, 4, 11, 11));
        p.drawLine(QPointF(13.5, 13.5), QPointF(20, 20));
        break;
    case Icons::Kind::Copy:
        p.drawRoundedRect(QRectF(8, 8, 12, 13), 1.5, 1.5);
        p.drawPolyline(QPolygonF({QPointF(5, 16), QPointF(4, 16), QPointF(4, 3),
                                  QPointF(15, 3), QPointF(15, 5)}));
        break;
    case Icons::Kind::OpenFile: {
        QPainterPath page;
        page.moveTo(6, 3);
        page.lineTo(14, 3);
        page.lineTo(19, 8);
        page.lineTo(19, 21);
        page.lineTo(6, 21);
        page.closeSubpath();
        p.drawPath(page);
        p.drawPolyline(QPolygonF({QPointF(14, 3), QPointF(14, 8), QPointF(19, 8)}));
        p.setPen(QPen(pen.color(), pen.widthF() * 0.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(9, 12), QPointF(16, 12));
        p.drawLine(QPointF(9, 15.5), QPointF(16, 15.5));
        break;
    }
    }
}

class ShapeIconEngine final : public QIconEngine
{
public:
    explicit ShapeIconEngine(Icons::Kind kind) : m_kind(kind) {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = qApp ? QApplication::palette() : QPalette();
        QColor colour = palette.color(QPalette::Active, QPalette::WindowText);
        if (mode == QIcon::Disabled)
            colour = palette.color(QPalette::Disabled, QPalette::WindowText);
        else if (mode == QIcon::Selected)
            colour = palette.color(QPalette::Active, QPalette::HighlightedText);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const qreal side = std::min(rect.width(), rect.height());
        painter->translate(rect.x() + (rect.width() - side) / 2.0,
                           rect.y() + (rect.height() - side) / 2.0);
        painter->scale(side / 24.0, side / 24.0);
        painter->setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter->setBrush(Qt::NoBrush);
        drawShape(*painter, m_kind);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.setDevicePixelRatio(scale);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new ShapeIconEngine(m_kind); }

private:
    Icons::Kind m_kind;
};

} // namespace

QIcon Icons::icon(Kind kind)
{
    return QIcon(new ShapeIconEngine(kind));
}

} // namespace retort::ui
