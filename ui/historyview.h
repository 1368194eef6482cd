#pragma once

#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTreeView;

namespace retort::ui {

class GraphDelegate;
class HistoryFilterModel;
class HistoryModel;
class LabelsDelegate;
struct SessionSnapshot;

// The history graph with its filter box: lanes, ids, labels, messages and
// dates, newest first. Selecting a row announces the revision; the context
// menu asks for an upgrade, downgrade or stamp to a revision, copies ids and
// opens files.
class HistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit HistoryView(QWidget *parent = nullptr);
    ~HistoryView() override;

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);

    int currentRevision() const;
    void selectRevision(int revision);
    void focusFilter();

    HistoryModel *historyModel() const { return m_model; }
    HistoryFilterModel *filterModel() const { return m_filter; }
    QTreeView *treeView() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *onlyMatchingBox() const { return m_onlyMatching; }
    QLabel *matchLabel() const { return m_matchLabel; }

    // The context menu for a row, with its actions enabled as they apply.
    QMenu *contextMenuFor(const QModelIndex &index);

signals:
    void currentRevisionChanged(int revision);
    // The context menu's "Upgrade to Here", "Downgrade to Here", "Stamp Here".
    void upgradeRequested(int revision);
    void downgradeRequested(int revision);
    void stampRequested(int revision);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslateUi();
    void updateColumnWidths();
    void updateMatchLabel();
    void selectMatch(int step); // +1 next, -1 previous
    int revisionOf(const QModelIndex &index) const;

    HistoryModel *m_model = nullptr;
    HistoryFilterModel *m_filter = nullptr;
    GraphDelegate *m_graphDelegate = nullptr;
    LabelsDelegate *m_labelsDelegate = nullptr;
    QTreeView *m_view = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QCheckBox *m_onlyMatching = nullptr;
    QLabel *m_matchLabel = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_upgradeHere = nullptr;
    QAction *m_downgradeHere = nullptr;
    QAction *m_stampHere = nullptr;
    QAction *m_copyId = nullptr;
    QAction *m_openFile = nullptr;
    int m_menuRevision = -1;
};

} // namespace retort::ui
