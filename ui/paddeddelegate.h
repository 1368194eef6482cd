#pragma once

#include <QStyledItemDelegate>

namespace retort::ui {

// The default delegate with the history's row height, so that every list in
// the window has the same rhythm.
class PaddedDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace retort::ui
