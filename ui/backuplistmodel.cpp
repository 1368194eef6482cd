#include "backuplistmodel.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace retort::ui {

BackupListModel::BackupListModel(QObject *parent) : QAbstractTableModel(parent) {}

void BackupListModel::setBackups(const QList<BackupInfo> &backups)
{
    beginResetModel();
    m_backups = backups;
    endResetModel();
}

QString BackupListModel::pathAt(int row) const
{
    return row >= 0 && row < m_backups.size() ? m_backups[row].file : QString();
}

int BackupListModel::rowOf(const QString &path) const
{
    for (int row = 0; row < m_backups.size(); ++row)
        if (m_backups[row].file == path)
            return row;
    return -1;
}

void BackupListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_backups.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int BackupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_backups.size());
}

int BackupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackupInfo &backup = m_backups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return backup.time.toString(u"yyyy-MM-dd HH:mm:ss"_s);
        case SizeColumn:
            return QLocale().formattedDataSize(backup.size);
        case FileColumn:
            return QFileInfo(backup.file).fileName();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return QDir::toNativeSeparators(backup.file);
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case PathRole:
        return backup.file;
    default:
        return {};
    }
}

QVariant BackupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Taken");
    case SizeColumn:
        return tr("Size");
    case FileColumn:
        return tr("File");
    default:
        return {};
    }
}

} // namespace retort::ui
