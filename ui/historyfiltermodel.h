#pragma once

#include "historymodel.h"

#include <QSortFilterProxyModel>

#include <vector>

namespace retort::ui {

// Filters the history by id, message or branch label. By default every row
// stays and the rows that do not match are dimmed, so the lanes stay whole;
// "only matching" hides them, and the graph then shows nodes without lines
// (lines between rows that are not adjacent would lie).
class HistoryFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum Role {
        MatchRole = HistoryModel::LastRole + 1, // bool: the row matches the filter
        DrawLinesRole,                          // bool: lanes can be drawn between rows
    };

    explicit HistoryFilterModel(QObject *parent = nullptr);

    void setHistoryModel(HistoryModel *model);
    HistoryModel *historyModel() const { return m_history; }

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    bool isFiltering() const { return !m_needle.isEmpty(); }

    void setShowOnlyMatches(bool only);
    bool showOnlyMatches() const { return m_onlyMatches; }

    int matchCount() const { return m_matchCount; }
    bool sourceRowMatches(int sourceRow) const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void computeMatches();

    HistoryModel *m_history = nullptr;
    QString m_text;
    QString m_needle;
    bool m_onlyMatches = false;
    std::vector<bool> m_matches;
    int m_matchCount = 0;
};

} // namespace retort::ui
