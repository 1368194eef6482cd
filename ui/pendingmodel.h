#pragma once

#include "sqlpreview.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>
#include <vector>

namespace retort::ui {

struct SessionSnapshot;

// The migrations an upgrade to the heads would run, in order, with the SQL of
// each (previewed on demand and kept until the next load).
class PendingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StepColumn, RevisionColumn, MessageColumn, SqlColumn, ColumnCount };
    enum Role { RevisionRole = Qt::UserRole + 1, DestructiveCountRole, SqlAvailableRole };

    explicit PendingModel(QObject *parent = nullptr);

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);
    const SqlPreview &preview(int row) const;
    int revisionAt(int row) const;

    // Texts are translated (and previews carry translated reasons).
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const SessionSnapshot> m_snapshot;
    QList<int> m_steps;
    mutable std::vector<std::optional<SqlPreview>> m_previews;
};

} // namespace retort::ui
