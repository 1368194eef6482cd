#include "historyfiltermodel.h"

#include <QApplication>
#include <QPalette>

namespace retort::ui {

HistoryFilterModel::HistoryFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void HistoryFilterModel::setHistoryModel(HistoryModel *model)
{
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = model;
    if (model) {
        // Connected before setSourceModel() so that the matches are known when
        // the proxy handles the reset and calls filterAcceptsRow().
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            computeMatches();
            emit filterChanged();
        });
    }
    computeMatches();
    setSourceModel(model);
}

void HistoryFilterModel::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_needle = text.trimmed().toLower();
    computeMatches();
    invalidateFilter();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit filterChanged();
}

void HistoryFilterModel::setShowOnlyMatches(bool only)
{
    if (only == m_onlyMatches)
        return;
    m_onlyMatches = only;
    invalidateFilter();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    emit filterChanged();
}

bool HistoryFilterModel::sourceRowMatches(int sourceRow) const
{
    if (m_needle.isEmpty())
        return true;
    return sourceRow >= 0 && size_t(sourceRow) < m_matches.size() && m_matches[size_t(sourceRow)];
}

void HistoryFilterModel::computeMatches()
{
    m_matches.clear();
    m_matchCount = 0;
    if (!m_history)
        return;
    const int rows = m_history->rowCount();
    if (m_needle.isEmpty()) {
        m_matchCount = rows;
        return;
    }
    m_matches.resize(size_t(rows), false);
    for (int row = 0; row < rows; ++row) {
        if (m_history->matches(row, m_needle)) {
            m_matches[size_t(row)] = true;
            ++m_matchCount;
        }
    }
}

bool HistoryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    return !m_onlyMatches || sourceRowMatches(sourceRow);
}

QVariant HistoryFilterModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    switch (role) {
    case MatchRole:
        return sourceRowMatches(mapToSource(index).row());
    case DrawLinesRole:
        return !(m_onlyMatches && isFiltering());
    case Qt::ForegroundRole:
        if (!sourceRowMatches(mapToSource(index).row()))
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    default:
        break;
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace retort::ui
