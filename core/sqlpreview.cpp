#include "sqlpreview.h"

#include "alembicrenderer.h"
#include "project.h"
#include "sqliteconnection.h"
#include "sqlrenderer.h"
#include "sqltranslator.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// The CREATE statements of a database's schema (tables first), read without
// changing the file; cached per file while its size and time stay the same,
// since the GUI previews two directions for every revision it shows.
QStringList schemaOf(const QString &databasePath)
{
    if (databasePath.isEmpty())
        return {};
    const QFileInfo info(databasePath);
    if (!info.isFile())
        return {};
    struct Cache
    {
        QString path;
        QDateTime modified;
        qint64 size = -1;
        QStringList statements;
    };
    static QMutex mutex;
    static Cache cache;
    const QMutexLocker locker(&mutex);
    if (cache.path == databasePath && cache.modified == info.lastModified() &&
        cache.size == info.size())
        return cache.statements;

    QStringList statements;
    {
        SqliteConnection live(databasePath, SqliteConnection::Mode::ReadOnly, 200, u"preview"_s);
        if (live.open().ok()) {
            const SqlOutcome outcome = live.execute(
                u"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE "
                "'sqlite\\_%' ESCAPE '\\' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' "
                "THEN 1 WHEN 'view' THEN 2 ELSE 3 END, rowid"_s);
            if (outcome.ok())
                for (const QVariantList &row : outcome.rows)
                    statements.append(row.value(0).toString());
        }
    }
    cache = {databasePath, info.lastModified(), info.size(), statements};
    return statements;
}

// An in-memory database of its own, removed when the scope ends.
class ScratchDatabase
{
public:
    ScratchDatabase()
    {
        static QAtomicInteger<quint64> counter;
        m_name = u"retort-preview-scratch-"_s + QString::number(++counter);
        m_database = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_database.setDatabaseName(u":memory:"_s);
        m_database.open();
    }
    ~ScratchDatabase()
    {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &database() { return m_database; }

private:
    QString m_name;
    QSqlDatabase m_database;
};

} // namespace

SqlPreview SqlPreview::forRevision(const Project &project, int revision, Direction direction,
                                   const AlembicRenderer *renderer)
{
    SqlPreview preview;
    if (revision < 0 || revision >= project.graph.size()) {
        preview.reason = tr("No such revision.");
        return preview;
    }
    const QString path = project.graph.node(revision).file.path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        preview.reason = tr("Cannot read %1: %2").arg(path, file.errorString());
        return preview;
    }
    const QString source = QString::fromUtf8(file.readAll());
    const Translation translation = SqlTranslator::translate(
        source, direction == Direction::Upgrade ? SqlTranslator::Direction::Upgrade
                                                : SqlTranslator::Direction::Downgrade);
    if (!translation) {
        preview.reason = translation.line > 0
                             ? tr("Line %1: %2").arg(translation.line).arg(translation.reason)
                             : translation.reason;
        if (!renderer)
            return preview;
        // The same schema the translated preview starts from (see below).
        const AlembicRenderer::Result rendered = renderer->render(
            path,
            direction == Direction::Upgrade ? SqlTranslator::Direction::Upgrade
                                            : SqlTranslator::Direction::Downgrade,
            schemaOf(project.config.databasePath), &project.config);
        if (!rendered) {
            preview.reason = tr("%1\nThe Alembic renderer could not render it either: %2")
                                 .arg(preview.reason, rendered.error);
            return preview;
        }
        preview.reason.clear();
        preview.available = true;
        preview.renderedByAlembic = true;
        for (const QString &statement : rendered.statements) {
            preview.statements.append(statement);
            preview.destructive.append(SqlRenderer::isDestructive(statement));
        }
        return preview;
    }

    // Rendered against a scratch copy of the database's schema, op after op,
    // so that batch rebuilds reflect the tables they change. The live schema
    // is the right one for the next pending step; for other revisions it is
    // an approximation (a statement that cannot run on it is still shown).
    ScratchDatabase scratch;
    if (!scratch.database().isOpen()) {
        preview.reason = tr("Cannot create a scratch database for the preview.");
        return preview;
    }
    QSqlQuery query(scratch.database());
    for (const QString &statement : schemaOf(project.config.databasePath)) {
        query.exec(statement);
        query.finish();
    }
    query.exec(u"PRAGMA foreign_keys=OFF"_s);
    const SqliteSchemaReflector reflector(scratch.database());
    for (const MigrationOp &op : translation.ops) {
        const RenderResult result = SqlRenderer::renderStatements(op, reflector);
        if (!result) {
            preview.statements.clear();
            preview.destructive.clear();
            preview.reason = result.error;
            return preview;
        }
        for (const RenderedStatement &statement : result.statements) {
            preview.statements.append(statement.sql);
            preview.destructive.append(statement.destructive);
            query.exec(statement.sql);
            query.finish();
        }
    }
    preview.available = true;
    return preview;
}

} // namespace retort
