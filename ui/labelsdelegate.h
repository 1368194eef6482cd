#pragma once

#include <QStyledItemDelegate>

namespace retort::ui {

// Paints a revision's tags as pills: "current" where the database is, "head"
// for the heads of the scripts, then its branch labels.
class LabelsDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit LabelsDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    struct Pill
    {
        QString text;
        QColor colour;
    };
    QList<Pill> pills(const QModelIndex &index, bool dark) const;
    static int pillsWidth(const QFontMetrics &metrics, const QStringList &texts);
};

} // namespace retort::ui
