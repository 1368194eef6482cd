#pragma once

#include <QWidget>

#include <memory>

class QFormLayout;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace retort::ui {

class CodeView;
class MessageBar;
struct SessionSnapshot;

// The side panel: what one revision is (parents, children, labels, file,
// problems) and the SQL its upgrade and downgrade would run, or why Retort
// cannot tell, and its source.
class RevisionDetails : public QWidget
{
    Q_OBJECT

public:
    enum Tab { UpgradeTab, DowngradeTab, SourceTab };

    explicit RevisionDetails(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    void showRevision(int revision);
    int revision() const { return m_revision; }

    QTabWidget *tabs() const { return m_tabs; }
    CodeView *sourceView() const { return m_source; }
    CodeView *upgradeView() const { return m_upgrade; }
    CodeView *downgradeView() const { return m_downgrade; }
    MessageBar *upgradeMessage() const { return m_upgradeMessage; }
    MessageBar *downgradeMessage() const { return m_downgradeMessage; }
    QLabel *titleLabel() const { return m_title; }

signals:
    // A parent or child link was clicked.
    void revisionActivated(int revision);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    QString revisionLinks(const QList<int> &revisions) const;
    void showSql(int direction, CodeView *view, MessageBar *message);

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    int m_revision = -1;

    QStackedWidget *m_stack = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_message = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_parentsLabel = nullptr, *m_parents = nullptr;
    QLabel *m_childrenLabel = nullptr, *m_children = nullptr;
    QLabel *m_labelsLabel = nullptr, *m_labels = nullptr;
    QLabel *m_dependsLabel = nullptr, *m_depends = nullptr;
    QLabel *m_dateLabel = nullptr, *m_date = nullptr;
    QLabel *m_fileLabel = nullptr, *m_file = nullptr;
    MessageBar *m_problems = nullptr;
    QTabWidget *m_tabs = nullptr;
    MessageBar *m_upgradeMessage = nullptr;
    MessageBar *m_downgradeMessage = nullptr;
    CodeView *m_upgrade = nullptr;
    CodeView *m_downgrade = nullptr;
    CodeView *m_source = nullptr;
};

} // namespace retort::ui
