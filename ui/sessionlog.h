#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace retort::ui {

// What Retort did in this session, newest last: opened files, reloads,
// problems met. Shown in the log dock; entries are worded when they happen.
class SessionLog : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Level { Info, Warning, Error };
    enum Column { TimeColumn, MessageColumn, ColumnCount };

    struct Entry
    {
        QDateTime time;
        Level level = Level::Info;
        QString message;
    };

    explicit SessionLog(QObject *parent = nullptr);

    void append(Level level, const QString &message);
    void info(const QString &message) { append(Level::Info, message); }
    void warning(const QString &message) { append(Level::Warning, message); }
    void error(const QString &message) { append(Level::Error, message); }

    const QList<Entry> &entries() const { return m_entries; }
    // Column titles are translated: views call this on a language change.
    void retranslate() { emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void appended(const retort::ui::SessionLog::Entry &entry);

private:
    QList<Entry> m_entries;
};

} // namespace retort::ui
