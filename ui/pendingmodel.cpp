#include "pendingmodel.h"

#include "projectsession.h"

#include <QApplication>
#include <QFontDatabase>
#include <QStyle>

namespace retort::ui {

PendingModel::PendingModel(QObject *parent) : QAbstractTableModel(parent) {}

void PendingModel::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_steps = m_snapshot && m_snapshot->hasProject ? m_snapshot->status.pending : QList<int>();
    m_previews.assign(size_t(m_steps.size()), std::nullopt);
    endResetModel();
}

const SqlPreview &PendingModel::preview(int row) const
{
    static const SqlPreview none;
    if (row < 0 || row >= m_steps.size())
        return none;
    std::optional<SqlPreview> &cached = m_previews[size_t(row)];
    if (!cached)
        cached = SqlPreview::forRevision(m_snapshot->project, m_steps[row],
                                         SqlPreview::Direction::Upgrade);
    return *cached;
}

int PendingModel::revisionAt(int row) const
{
    return row >= 0 && row < m_steps.size() ? m_steps[row] : -1;
}

void PendingModel::retranslate()
{
    m_previews.assign(size_t(m_steps.size()), std::nullopt);
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_steps.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int PendingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int PendingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PendingModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int revision = m_steps[row];
    const RevisionGraph::Node &node = m_snapshot->project.graph.node(revision);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StepColumn:
            return row + 1;
        case RevisionColumn:
            return node.id;
        case MessageColumn:
            return node.file.doc().simplified();
        case SqlColumn: {
            const SqlPreview &p = preview(row);
            if (!p.available)
                return tr("not available");
            const qsizetype destructive = p.destructive.count(true);
            const QString count = QString::number(p.statements.size());
            return destructive == 0 ? count
                                    : tr("%1 (%2 can lose data)").arg(count).arg(destructive);
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == SqlColumn && !preview(row).available)
            return preview(row).reason;
        if (index.column() == MessageColumn)
            return node.file.longDoc();
        return {};
    case Qt::FontRole:
        if (index.column() == RevisionColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::DecorationRole:
        if (index.column() == SqlColumn && preview(row).destructive.contains(true))
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == StepColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RevisionRole:
        return revision;
    case DestructiveCountRole:
        return int(preview(row).destructive.count(true));
    case SqlAvailableRole:
        return preview(row).available;
    default:
        return {};
    }
}

QVariant PendingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case RevisionColumn:
        return tr("Revision");
    case MessageColumn:
        return tr("Message");
    case SqlColumn:
        return tr("Statements");
    default:
        return {};
    }
}

} // namespace retort::ui
