#include "historymodel.h"

#include "projectsession.h"

#include <QDir>
#include <QFontDatabase>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

const LaneLayout kEmptyLayout;
const LaneLayout::Row kEmptyRow;

} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent), m_monospace(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
}

HistoryModel::~HistoryModel() = default;

QString HistoryModel::createDate(const QString &docstring)
{
    static const QRegularExpression line(u"^\\s*Create Date:\\s*(.+?)\\s*$"_s,
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = line.match(docstring);
    if (!match.hasMatch())
        return {};
    const QString value = match.captured(1);
    static const QRegularExpression isoMinutes(u"^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}"_s);
    const QRegularExpressionMatch iso = isoMinutes.match(value);
    return iso.hasMatch() ? iso.captured(0).replace(u'T', u' ') : value;
}

QStringList HistoryModel::shownLabels(const RevisionGraph::Node &node)
{
    return node.ownBranchLabels;
}

void HistoryModel::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_text.clear();
    m_rowOf.clear();
    if (m_snapshot && m_snapshot->hasProject) {
        const RevisionGraph &graph = m_snapshot->project.graph;
        m_rowOf.assign(size_t(graph.size()), -1);
        m_text.reserve(size_t(m_snapshot->order.size()));
        for (qsizetype row = 0; row < m_snapshot->order.size(); ++row) {
            const int revision = m_snapshot->order[row];
            m_rowOf[size_t(revision)] = int(row);
            const RevisionGraph::Node &node = graph.node(revision);
            RowText text;
            text.message = node.file.doc().simplified();
            text.date = createDate(node.file.docstring);
            text.labels = shownLabels(node);
            text.search =
                (node.id + u'\n' + text.message + u'\n' + node.branchLabels.join(u'\n')).toLower();
            m_text.push_back(std::move(text));
        }
    }
    endResetModel();
}

const LaneLayout &HistoryModel::lanes() const
{
    return m_snapshot ? m_snapshot->lanes : kEmptyLayout;
}

const LaneLayout::Row &HistoryModel::laneRow(int row) const
{
    if (!m_snapshot || row < 0 || row >= m_snapshot->lanes.rowCount())
        return kEmptyRow;
    return m_snapshot->lanes.row(row);
}

int HistoryModel::revisionAt(int row) const
{
    if (!m_snapshot || row < 0 || row >= m_snapshot->order.size())
        return -1;
    return m_snapshot->order[row];
}

int HistoryModel::rowOf(int revision) const
{
    return revision >= 0 && size_t(revision) < m_rowOf.size() ? m_rowOf[size_t(revision)] : -1;
}

QModelIndex HistoryModel::indexOfRevision(int revision, int column) const
{
    const int row = rowOf(revision);
    return row < 0 ? QModelIndex() : index(row, column);
}

bool HistoryModel::matches(int row, const QString &lowerNeedle) const
{
    if (row < 0 || size_t(row) >= m_text.size())
        return false;
    return lowerNeedle.isEmpty() || m_text[size_t(row)].search.contains(lowerNeedle);
}

void HistoryModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_text.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int revision = m_snapshot->order[row];
    const RevisionGraph::Node &node = m_snapshot->project.graph.node(revision);
    const RowText &text = m_text[size_t(row)];

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RevisionColumn:
            return node.id;
        case LabelsColumn:
            return text.labels.join(u", "_s);
        case MessageColumn:
            return text.message;
        case DateColumn:
            return text.date;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (index.column()) {
        case RevisionColumn:
            return QDir::toNativeSeparators(node.file.path);
        case MessageColumn:
            return node.file.longDoc();
        default:
            return {};
        }
    case Qt::FontRole:
        if (index.column() == RevisionColumn)
            return m_monospace;
        return {};
    case Qt::AccessibleTextRole:
        if (index.column() == GraphColumn)
            return node.id;
        return {};
    case RevisionRole:
        return revision;
    case RevisionIdRole:
        return node.id;
    case SourceRowRole:
        return row;
    case IsCurrentRole:
        return m_snapshot->isCurrent(revision);
    case IsAppliedRole:
        return m_snapshot->isApplied(revision);
    case StateKnownRole:
        return m_snapshot->appliedKnown;
    case IsHeadRole:
        return node.isHead();
    case BranchLabelsRole:
        return text.labels;
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GraphColumn:
        return tr("Graph");
    case RevisionColumn:
        return tr("Revision");
    case LabelsColumn:
        return tr("Labels");
    case MessageColumn:
        return tr("Message");
    case DateColumn:
        return tr("Date");
    default:
        return {};
    }
}

} // namespace retort::ui
