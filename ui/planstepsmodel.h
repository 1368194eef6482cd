#pragma once

#include "planpreview.h"

#include <QAbstractTableModel>

#include <memory>

namespace retort::ui {

struct SessionSnapshot;

// The steps of a plan, in the order they run, with what each runs and, once
// the plan is being applied, how far it got.
class PlanStepsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        StepColumn,
        ActionColumn,
        RevisionColumn,
        MessageColumn,
        SqlColumn,
        StateColumn,
        ColumnCount
    };
    enum Role
    {
        RevisionRole = Qt::UserRole + 1,
        StateRole,
        DestructiveCountRole,
        BlockedRole
    };
    enum class State
    {
        Waiting,
        Running,
        Done,
        Failed,
        NotRun
    };
    Q_ENUM(State)

    explicit PlanStepsModel(QObject *parent = nullptr);

    void setPreview(std::shared_ptr<const SessionSnapshot> snapshot,
                    std::shared_ptr<const PlanPreview> preview);
    const PlanPreview *preview() const { return m_preview.get(); }

    void setState(int row, State state);
    State state(int row) const;
    // Every step not done nor failed becomes "not run".
    void markRemainingNotRun();

    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString actionText(PlanStep::Kind kind);
    static QString stateText(State state);

private:
    QString revisionText(const PlanStep &step) const;

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    std::shared_ptr<const PlanPreview> m_preview;
    QList<State> m_states;
};

} // namespace retort::ui
