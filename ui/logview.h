#pragma once

#include <QWidget>

class QTreeView;

namespace retort::ui {

class SessionLog;

// The log dock's content: what Retort did in this session, newest at the bottom.
class LogView : public QWidget
{
    Q_OBJECT

public:
    explicit LogView(SessionLog *log, QWidget *parent = nullptr);
    QTreeView *view() const { return m_view; }

protected:
    void changeEvent(QEvent *event) override;

private:
    SessionLog *m_log;
    QTreeView *m_view;
};

} // namespace retort::ui
