#include "sessionlog.h"

#include <QApplication>
#include <QIcon>
#include <QLocale>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace retort::ui {

SessionLog::SessionLog(QObject *parent) : QAbstractTableModel(parent) {}

void SessionLog::append(Level level, const QString &message)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append({QDateTime::currentDateTime(), level, message});
    endInsertRows();
    emit appended(m_entries.last());
}

int SessionLog::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SessionLog::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionLog::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == TimeColumn)
            return entry.time.toString(u"HH:mm:ss"_s);
        return entry.message;
    case Qt::ToolTipRole:
        if (index.column() == MessageColumn)
            return entry.message;
        return QLocale().toString(entry.time, QLocale::LongFormat);
    case Qt::DecorationRole:
        if (index.column() != TimeColumn || !qApp)
            return {};
        switch (entry.level) {
        case Level::Info:
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        case Level::Warning:
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        case Level::Error:
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
        }
        return {};
    default:
        return {};
    }
}

QVariant SessionLog::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace retort::ui
