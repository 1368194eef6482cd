#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace retort {

// An in-memory SQLite database of its own, removed when the scope ends: where
// previews and `--sql` run a plan's statements so that later operations
// (batch rebuilds) see what earlier ones made, without touching any file.
class ScratchDatabase
{
public:
    ScratchDatabase();
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    QSqlDatabase database() const { return m_database; }
    bool isOpen() const { return m_database.isOpen(); }

    // Runs `statements` in order; returns SQLite's message for the first that fails.
    QString load(const QStringList &statements);

    // The CREATE statements of a database's schema (tables, then indexes,
    // views, triggers), read without changing the file. Empty when unreadable.
    static QStringList schemaOf(const QString &databasePath);

private:
    QString m_name;
    QSqlDatabase m_database;
};

} // namespace retort
