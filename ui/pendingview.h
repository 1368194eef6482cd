#pragma once

#include <QWidget>

#include <memory>

class QTreeView;

namespace retort::ui {

class CodeView;
class MessageBar;
class PendingModel;
struct SessionSnapshot;

// The plan `upgrade heads` would run from the current revision(s): the steps
// in order and, for the selected one, the SQL with data-losing statements
// flagged.
class PendingView : public QWidget
{
    Q_OBJECT

public:
    explicit PendingView(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);

    PendingModel *model() const { return m_model; }
    QTreeView *stepsView() const { return m_steps; }
    CodeView *sqlView() const { return m_sql; }
    MessageBar *summary() const { return m_summary; }

signals:
    void revisionActivated(int revision);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateSummary();
    void showStep(int row);

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    PendingModel *m_model = nullptr;
    MessageBar *m_summary = nullptr;
    QTreeView *m_steps = nullptr;
    MessageBar *m_stepMessage = nullptr;
    CodeView *m_sql = nullptr;
};

} // namespace retort::ui
