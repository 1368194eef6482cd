#pragma once

#include "backup.h"

#include <QAbstractTableModel>

namespace retort::ui {

// The backups of one database, newest first: when, how big, which file.
class BackupListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SizeColumn,
        FileColumn,
        ColumnCount
    };
    enum Role
    {
        PathRole = Qt::UserRole + 1
    };

    explicit BackupListModel(QObject *parent = nullptr);

    void setBackups(const QList<BackupInfo> &backups);
    const QList<BackupInfo> &backups() const { return m_backups; }
    QString pathAt(int row) const;
    int rowOf(const QString &path) const;

    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<BackupInfo> m_backups;
};

} // namespace retort::ui
