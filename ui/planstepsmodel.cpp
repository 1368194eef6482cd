#include "planstepsmodel.h"

#include "projectsession.h"

#include <QApplication>
#include <QFontDatabase>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace retort::ui {

PlanStepsModel::PlanStepsModel(QObject *parent) : QAbstractTableModel(parent) {}

void PlanStepsModel::setPreview(std::shared_ptr<const SessionSnapshot> snapshot,
                                std::shared_ptr<const PlanPreview> preview)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_preview = std::move(preview);
    m_states = QList<State>(m_preview ? m_preview->steps.size() : 0, State::Waiting);
    endResetModel();
}

void PlanStepsModel::setState(int row, State state)
{
    if (row < 0 || row >= m_states.size() || m_states[row] == state)
        return;
    m_states[row] = state;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

PlanStepsModel::State PlanStepsModel::state(int row) const
{
    return m_states.value(row, State::Waiting);
}

void PlanStepsModel::markRemainingNotRun()
{
    for (int row = 0; row < m_states.size(); ++row)
        if (m_states[row] == State::Waiting || m_states[row] == State::Running)
            setState(row, State::NotRun);
}

void PlanStepsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int PlanStepsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_preview ? 0 : int(m_preview->steps.size());
}

int PlanStepsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PlanStepsModel::actionText(PlanStep::Kind kind)
{
    switch (kind) {
    case PlanStep::Kind::Upgrade:
        return tr("Upgrade");
    case PlanStep::Kind::Downgrade:
        return tr("Downgrade");
    case PlanStep::Kind::Stamp:
        return tr("Stamp");
    }
    return {};
}

QString PlanStepsModel::stateText(State state)
{
    switch (state) {
    case State::Waiting:
        return {};
    case State::Running:
        return tr("running");
    case State::Done:
        return tr("done");
    case State::Failed:
        return tr("failed, rolled back");
    case State::NotRun:
        return tr("not run");
    }
    return {};
}

QString PlanStepsModel::revisionText(const PlanStep &step) const
{
    if (step.revision >= 0 && m_snapshot && step.revision < m_snapshot->project.graph.size())
        return m_snapshot->project.graph.node(step.revision).id;
    const QStringList &ids = step.toRevisions.isEmpty() ? step.fromRevisions : step.toRevisions;
    return ids.join(u", "_s);
}

QVariant PlanStepsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const PlanStep &step = m_preview->plan.steps.at(row);
    const PlanPreview::Step &shown = m_preview->steps.at(row);
    const int destructive = shown.destructiveCount();
    const bool blocked = !shown.blocker.isEmpty();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StepColumn:
            return row + 1;
        case ActionColumn:
            return actionText(step.kind);
        case RevisionColumn:
            return revisionText(step);
        case MessageColumn: {
            if (!step.doc.isEmpty())
                return step.doc.simplified();
            const QString none = tr("(base)");
            return tr("%1 → %2").arg(
                step.fromRevisions.isEmpty() ? none : step.fromRevisions.join(u", "_s),
                step.toRevisions.isEmpty() ? none : step.toRevisions.join(u", "_s));
        }
        case SqlColumn: {
            if (blocked)
                return tr("cannot be applied");
            const QString count =
                QString::number(shown.statements.size() + shown.versionStatements.size());
            if (!shown.sqlError.isEmpty())
                return tr("%1 (not all shown)").arg(count);
            if (shown.renderedByAlembic)
                return destructive == 0 ? tr("%1, rendered by Alembic").arg(count)
                                        : tr("%1 (%2 can lose data), rendered by Alembic")
                                              .arg(count)
                                              .arg(destructive);
            return destructive == 0 ? count
                                    : tr("%1 (%2 can lose data)").arg(count).arg(destructive);
        }
        case StateColumn:
            return stateText(m_states.value(row));
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == SqlColumn && blocked)
            return shown.blocker;
        if (index.column() == SqlColumn && !shown.sqlError.isEmpty())
            return shown.sqlError;
        if (index.column() == MessageColumn)
            return step.logLine();
        return {};
    case Qt::FontRole:
        if (index.column() == RevisionColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        return {};
    case Qt::DecorationRole: {
        QStyle *style = QApplication::style();
        if (index.column() == SqlColumn && blocked)
            return style->standardIcon(QStyle::SP_MessageBoxCritical);
        if (index.column() == SqlColumn && destructive > 0)
            return style->standardIcon(QStyle::SP_MessageBoxWarning);
        if (index.column() == StateColumn) {
            switch (m_states.value(row)) {
            case State::Running:
                return style->standardIcon(QStyle::SP_MediaPlay);
            case State::Done:
                return style->standardIcon(QStyle::SP_DialogApplyButton);
            case State::Failed:
                return style->standardIcon(QStyle::SP_MessageBoxCritical);
            case State::NotRun:
                return style->standardIcon(QStyle::SP_MediaStop);
            case State::Waiting:
                return {};
            }
        }
        return {};
    }
    case Qt::TextAlignmentRole:
        if (index.column() == StepColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RevisionRole:
        return step.revision;
    case StateRole:
        return QVariant::fromValue(m_states.value(row));
    case DestructiveCountRole:
        return destructive;
    case BlockedRole:
        return blocked;
    default:
        return {};
    }
}

QVariant PlanStepsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case ActionColumn:
        return tr("Action");
    case RevisionColumn:
        return tr("Revision");
    case MessageColumn:
        return tr("Message");
    case SqlColumn:
        return tr("Statements");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace retort::ui
