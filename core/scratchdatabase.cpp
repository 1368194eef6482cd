#include "scratchdatabase.h"

#include "sqliteconnection.h"

#include <QAtomicInteger>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace retort {

ScratchDatabase::ScratchDatabase()
{
    static QAtomicInteger<quint64> counter;
    m_name = u"retort-scratch-"_s + QString::number(++counter);
    m_database = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
    m_database.setDatabaseName(u":memory:"_s);
    m_database.open();
}

ScratchDatabase::~ScratchDatabase()
{
    m_database.close();
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

QString ScratchDatabase::load(const QStringList &statements)
{
    QSqlQuery query(m_database);
    for (const QString &statement : statements) {
        if (!query.exec(statement))
            return query.lastError().text();
        query.finish();
    }
    return {};
}

QStringList ScratchDatabase::schemaOf(const QString &databasePath)
{
    QStringList statements;
    if (databasePath.isEmpty())
        return statements;
    SqliteConnection live(databasePath, SqliteConnection::Mode::ReadOnly, 200, u"schema"_s);
    if (!live.open().ok())
        return statements;
    const SqlOutcome outcome = live.execute(
        u"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE "
        "'sqlite\\_%' ESCAPE '\\' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' "
        "THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid"_s);
    if (outcome.ok())
        for (const QVariantList &row : outcome.rows)
            statements.append(row.value(0).toString());
    return statements;
}

} // namespace retort
