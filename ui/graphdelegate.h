#pragma once

#include <QStyledItemDelegate>

namespace retort::ui {

class HistoryModel;

// Paints the graph column: the lanes the core laid out for the row, its
// connectors and the revision's node. Applied revisions have filled nodes,
// pending ones hollow nodes, the database's current revision(s) a ringed node
// in the "current" colour. Nothing is computed here beyond coordinates.
class GraphDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit GraphDelegate(const HistoryModel *model, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Width of the column for `lanes` lanes with this font.
    static int columnWidth(const QFontMetrics &metrics, int lanes);
    static int laneWidth(const QFontMetrics &metrics);
    static int rowHeight(const QFontMetrics &metrics);

    static QColor laneColour(int lane, bool dark);
    static QColor currentColour(bool dark);

private:
    const HistoryModel *m_model;
};

} // namespace retort::ui
