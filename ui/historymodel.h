#pragma once

#include "lanelayout.h"

#include <QAbstractTableModel>
#include <QFont>

#include <memory>
#include <vector>

namespace retort::ui {

struct SessionSnapshot;

// The revision history as a table, newest first, one row per revision, with
// the lane layout the core computed for it. Texts shown per row are prepared
// once per load, so painting and filtering never parse anything.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { GraphColumn, RevisionColumn, LabelsColumn, MessageColumn, DateColumn, ColumnCount };
    enum Role {
        RevisionRole = Qt::UserRole + 1, // index in the graph (int)
        RevisionIdRole,                  // QString
        SourceRowRole,                   // the row in this model (through proxies)
        IsCurrentRole,                   // bool: the database is at this revision
        IsAppliedRole,                   // bool: current or an ancestor of a current one
        StateKnownRole,                  // bool: the version table was read
        IsHeadRole,                      // bool
        BranchLabelsRole,                // QStringList: the labels shown as tags
        LastRole = BranchLabelsRole
    };

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    const SessionSnapshot *snapshot() const { return m_snapshot.get(); }

    const LaneLayout &lanes() const;
    const LaneLayout::Row &laneRow(int row) const;
    int revisionAt(int row) const;
    int rowOf(int revision) const; // -1 when not shown
    QModelIndex indexOfRevision(int revision, int column = RevisionColumn) const;
    // Whether the row's id, message or labels contain `needle` (already lower case).
    bool matches(int row, const QString &lowerNeedle) const;

    // Column titles are translated: views call this on a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The labels tagged on a revision: those its file declares. Alembic lets
    // descendants inherit them (the details list those too), but tagging every
    // descendant would only repeat a label down the branch.
    static QStringList shownLabels(const RevisionGraph::Node &node);

    // "Create Date: 2025-03-20 17:29:12.5" in a docstring, shortened to minutes.
    static QString createDate(const QString &docstring);

private:
    struct RowText
    {
        QString message;   // first paragraph on one line
        QString date;
        QStringList labels; // shown as tags
        QString search;    // id, message and labels, lower case
    };

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    std::vector<RowText> m_text;
    std::vector<int> m_rowOf;
    QFont m_monospace;
};

} // namespace retort::ui
