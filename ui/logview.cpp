#include "logview.h"

#include "paddeddelegate.h"
#include "sessionlog.h"

#include <QEvent>
#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

LogView::LogView(SessionLog *log, QWidget *parent) : QWidget(parent), m_log(log)
{
    m_view = new QTreeView(this);
    m_view->setObjectName(u"sessionLog"_s);
    m_view->setModel(log);
    m_view->setItemDelegate(new PaddedDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(SessionLog::TimeColumn, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(log, &QAbstractItemModel::rowsInserted, this, [this] { m_view->scrollToBottom(); });
}

void LogView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        m_log->retranslate();
}

} // namespace retort::ui
