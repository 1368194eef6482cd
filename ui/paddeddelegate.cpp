#include "paddeddelegate.h"

#include "graphdelegate.h"

namespace retort::ui {

QSize PaddedDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setHeight(std::max(size.height(), GraphDelegate::rowHeight(option.fontMetrics)));
    size.setWidth(size.width() + 8);
    return size;
}

} // namespace retort::ui
