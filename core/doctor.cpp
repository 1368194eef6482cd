#include "doctor.h"

#include "auditlog.h"
#include "backup.h"
#include "expectedschema.h"
#include "migrationplan.h"
#include "project.h"
#include "scratchdatabase.h"
#include "sqliteconnection.h"
#include "sqlrenderer.h"
#include "versiontable.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

const QString tmpPrefix = u"_alembic_tmp_"_s;
constexpr int busyTimeoutMs = 2000;

// --- reading a database ------------------------------------------------------

struct QueryResult
{
    QList<QVariantList> rows;
    QString error;
};

QueryResult query(sqlite3 *handle, const QString &sql)
{
    QueryResult result;
    sqlite3_stmt *statement = nullptr;
    const QByteArray text = sql.toUtf8();
    if (sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &statement, nullptr) !=
        SQLITE_OK) {
        result.error = QString::fromUtf8(sqlite3_errmsg(handle));
        return result;
    }
    const int columns = sqlite3_column_count(statement);
    int code;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        QVariantList row;
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(statement, c)) {
            case SQLITE_NULL:
                row.append(QVariant());
                break;
            case SQLITE_INTEGER:
                row.append(QVariant::fromValue(qint64(sqlite3_column_int64(statement, c))));
                break;
            case SQLITE_FLOAT:
                row.append(sqlite3_column_double(statement, c));
                break;
            case SQLITE_BLOB:
                row.append(QByteArray(static_cast<const char *>(sqlite3_column_blob(statement, c)),
                                      sqlite3_column_bytes(statement, c)));
                break;
            default:
                row.append(QString::fromUtf8(
                    reinterpret_cast<const char *>(sqlite3_column_text(statement, c)),
                    sqlite3_column_bytes(statement, c)));
            }
        }
        result.rows.append(row);
    }
    if (code != SQLITE_DONE)
        result.error = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(statement);
    return result;
}

// What the doctor looks at in a database, read in one go.
struct Inspection
{
    bool tableExists = false;
    QString versionTableSql;
    QVariantList rawRows;  // version_num values as stored, in rowid order
    QStringList rows;      // the usable ones: non-empty text
    QStringList badValues; // the others, described
    SchemaSnapshot schema; // everything but the version table
    bool checked = false;  // integrity and foreign keys were checked
    QStringList integrity;
    QStringList foreignKeyViolations;
    // Without the version table: other tables shaped like one (a single
    // version_num column), with their rows; perhaps this project's, renamed.
    QList<std::pair<QString, QStringList>> lookAlikes;
    QString error;
};

QString describeBadValue(const QVariant &value)
{
    if (value.isNull())
        return u"NULL"_s;
    if (value.typeId() == QMetaType::QString)
        return value.toString().isEmpty() ? u"''"_s : value.toString();
    if (value.typeId() == QMetaType::QByteArray)
        return u"blob"_s;
    if (value.typeId() == QMetaType::Double)
        return u"real "_s + value.toString();
    return u"integer "_s + value.toString();
}

// SQLite's integrity and foreign key checks. A check that cannot run puts
// SQLite's message in place of its result; returns that message (empty when
// both ran).
QString runChecks(sqlite3 *handle, QStringList *integrity, QStringList *foreignKeyViolations)
{
    const QueryResult checked = query(handle, u"PRAGMA integrity_check"_s);
    if (!checked.error.isEmpty()) {
        *integrity = {checked.error};
    } else {
        for (const QVariantList &row : checked.rows)
            integrity->append(row.value(0).toString());
    }
    const QueryResult keys = query(handle, u"PRAGMA foreign_key_check"_s);
    for (const QVariantList &row : keys.rows)
        foreignKeyViolations->append(
            QCoreApplication::translate("retort::Doctor", "%1 row %2 refers to a missing row of %3")
                .arg(row.value(0).toString(), row.value(1).toString(), row.value(2).toString()));
    return !checked.error.isEmpty() ? checked.error : keys.error;
}

Inspection inspect(sqlite3 *handle, const QString &versionTable, bool checks)
{
    Inspection inspection;
    const QueryResult master = query(
        handle, u"SELECT sql FROM main.sqlite_master WHERE type = 'table' AND lower(name) = "_s +
                    sqlStringLiteral(versionTable.toLower()));
    if (!master.error.isEmpty()) {
        inspection.error = master.error;
        return inspection;
    }
    inspection.tableExists = !master.rows.isEmpty();
    if (inspection.tableExists) {
        inspection.versionTableSql = master.rows.first().value(0).toString();
        const QueryResult rows =
            query(handle, u"SELECT version_num FROM "_s + sqlIdentifier(versionTable) +
                              u" ORDER BY rowid"_s);
        if (!rows.error.isEmpty()) {
            inspection.error = rows.error;
            return inspection;
        }
        for (const QVariantList &row : rows.rows) {
            const QVariant value = row.value(0);
            inspection.rawRows.append(value);
            if (value.typeId() == QMetaType::QString && !value.toString().isEmpty())
                inspection.rows.append(value.toString());
            else
                inspection.badValues.append(describeBadValue(value));
        }
    }
    SchemaReader reader(versionTable);
    SchemaSnapshot::ReadResult schema = reader.read(handle);
    if (!schema) {
        inspection.error = schema.error;
        return inspection;
    }
    inspection.schema = schema.snapshot;
    if (!inspection.tableExists) {
        for (const auto &table : inspection.schema.tables()) {
            if (table->columns.size() != 1 ||
                table->columns.first().name.compare(u"version_num"_s, Qt::CaseInsensitive) != 0)
                continue;
            QStringList rows;
            for (const QVariantList &row :
                 query(handle, u"SELECT version_num FROM "_s + sqlIdentifier(table->name)).rows)
                rows.append(row.value(0).toString());
            inspection.lookAlikes.append({table->name, rows});
        }
    }
    if (checks) {
        runChecks(handle, &inspection.integrity, &inspection.foreignKeyViolations);
        inspection.checked = true;
    }
    return inspection;
}


QString literal(const QVariant &value)
{
    if (value.isNull())
        return u"NULL"_s;
    if (value.typeId() == QMetaType::QString)
        return sqlStringLiteral(value.toString());
    if (value.typeId() == QMetaType::QByteArray)
        return u"X'"_s + QString::fromLatin1(value.toByteArray().toHex()) + u'\'';
    return value.toString();
}

// A copy of a database's schema and version table in memory, where repairs are
// tried before they run for real.
class Simulation
{
public:
    Simulation(const Inspection &start, const QString &versionTable) : m_table(versionTable)
    {
        m_handle = SqliteConnection::handleOf(m_scratch.database());
        QStringList statements = start.schema.createStatements();
        if (start.tableExists) {
            statements.append(start.versionTableSql);
            for (const QVariant &value : start.rawRows)
                statements.append(u"INSERT INTO %1 (version_num) VALUES (%2)"_s.arg(
                    sqlIdentifier(versionTable), literal(value)));
        }
        m_error = run(statements);
    }
    QString error() const { return m_error; }

    QString run(const QStringList &statements)
    {
        if (!m_handle)
            return QCoreApplication::translate("retort::Doctor",
                                               "Cannot create a scratch database.");
        for (const QString &statement : statements) {
            char *message = nullptr;
            if (sqlite3_exec(m_handle, statement.toUtf8().constData(), nullptr, nullptr,
                             &message) != SQLITE_OK) {
                const QString text = QString::fromUtf8(message ? message : "error");
                sqlite3_free(message);
                return text + u"\n"_s + statement;
            }
        }
        return {};
    }
    Inspection inspect() const { return retort::inspect(m_handle, m_table, false); }

private:
    QString m_table;
    ScratchDatabase m_scratch;
    sqlite3 *m_handle = nullptr;
    QString m_error;
};

// --- bringing one schema to another ------------------------------------------

// A DEFAULT as SQL: literals as they are, anything else in parentheses.
QString defaultSql(const QString &value)
{
    static const QRegularExpression plain(
        uR"(^(?:[-+]?\d+(?:\.\d+)?|'(?:[^']|'')*'|NULL|TRUE|FALSE|CURRENT_TIME|CURRENT_DATE|CURRENT_TIMESTAMP)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return plain.match(value).hasMatch() ? value : u'(' + value + u')';
}

bool constantDefault(const QString &value)
{
    static const QRegularExpression constant(
        uR"(^(?:[-+]?\d+(?:\.\d+)?|'(?:[^']|'')*'|NULL|TRUE|FALSE)$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    return constant.match(value).hasMatch();
}

QString quoted(const QString &name)
{
    return SqlRenderer::quoteIdentifier(name);
}

// The CREATE TABLE statement with another table name.
QString renamedCreate(const QString &sql, const QString &newName)
{
    static const QRegularExpression head(
        uR"(^(\s*CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?)("(?:[^"]|"")*"|`[^`]*`|\[[^\]]*\]|[^\s(]+))"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = head.match(sql);
    if (!match.hasMatch())
        return {};
    return match.captured(1) + quoted(newName) + sql.mid(match.capturedEnd(2));
}

struct Convergence
{
    QStringList statements;
    bool destructive = false;
    SchemaSnapshot result; // the schema the statements leave (tried on a copy)
    QString error;
};

// Statements that turn `from` into `to`: drops of what `to` lacks (unless
// additive), creation of what `from` lacks, ADD/DROP COLUMN where SQLite
// allows it, otherwise Alembic's table rebuild (copy, drop, rename). Tried on
// a copy of `from`; `result` is what they leave.
Convergence converge(const SchemaSnapshot &from, const SchemaSnapshot &to, bool additive)
{
    Convergence c;
    QStringList drops, alters, creates;
    QSet<QString> droppedTables, rebuiltTables;

    for (auto it = from.triggers().cbegin(); it != from.triggers().cend(); ++it) {
        const auto target = to.triggers().constFind(it.key());
        const bool extra = target == to.triggers().cend();
        if ((extra && !additive) || (!extra && (*target)->canonical != it.value()->canonical))
            drops.append(u"DROP TRIGGER "_s + quoted(it.value()->name));
    }
    for (auto it = from.views().cbegin(); it != from.views().cend(); ++it) {
        const auto target = to.views().constFind(it.key());
        const bool extra = target == to.views().cend();
        if ((extra && !additive) || (!extra && (*target)->canonical != it.value()->canonical))
            drops.append(u"DROP VIEW "_s + quoted(it.value()->name));
    }
    for (auto it = from.tables().cbegin(); it != from.tables().cend(); ++it) {
        if (!to.tables().contains(it.key()) && !additive) {
            droppedTables.insert(it.key());
            if (!it.key().startsWith(tmpPrefix))
                c.destructive = true;
        }
    }
    QSet<QString> indexesToCreate;
    for (auto it = from.indexes().cbegin(); it != from.indexes().cend(); ++it) {
        const auto target = to.indexes().constFind(it.key());
        const bool extra = target == to.indexes().cend();
        if (droppedTables.contains(it.value()->table.toLower()))
            continue;
        if (extra && !additive) {
            drops.append(u"DROP INDEX "_s + quoted(it.value()->name));
        } else if (!extra && (*target)->hash != it.value()->hash) {
            drops.append(u"DROP INDEX "_s + quoted(it.value()->name));
            indexesToCreate.insert(it.key());
        }
    }
    for (auto it = from.tables().cbegin(); it != from.tables().cend(); ++it)
        if (droppedTables.contains(it.key()))
            drops.append(u"DROP TABLE "_s + quoted(it.value()->name));

    for (auto it = to.tables().cbegin(); it != to.tables().cend(); ++it) {
        const SchemaTable &target = *it.value();
        const SchemaTable *current = from.table(target.name);
        if (!current) {
            creates.append(target.sql);
            rebuiltTables.insert(it.key());
            continue;
        }
        if (current->hash == target.hash)
            continue;
        QList<const SchemaColumn *> missing, extra;
        bool changed = false;
        for (const SchemaColumn &column : target.columns) {
            const SchemaColumn *existing = current->column(column.name);
            if (!existing)
                missing.append(&column);
            else if (!(existing->type == column.type && existing->notNull == column.notNull &&
                       existing->defaultValue == column.defaultValue &&
                       existing->primaryKey == column.primaryKey &&
                       existing->hidden == column.hidden))
                changed = true;
        }
        for (const SchemaColumn &column : current->columns)
            if (!target.column(column.name))
                extra.append(&column);
        if (current->uniqueConstraints != target.uniqueConstraints)
            changed = true;
        // Foreign keys that are new, on one new column each, can come with ADD COLUMN.
        QHash<QString, const SchemaForeignKey *> keyOfNewColumn;
        for (const SchemaForeignKey &fk : target.foreignKeys) {
            const bool present = std::any_of(
                current->foreignKeys.cbegin(), current->foreignKeys.cend(),
                [&](const SchemaForeignKey &other) { return other.describe() == fk.describe(); });
            if (present)
                continue;
            const bool onNewColumn = fk.columns.size() == 1 &&
                                     !current->column(fk.columns.first()) &&
                                     fk.referredColumns.size() <= 1;
            if (onNewColumn)
                keyOfNewColumn.insert(fk.columns.first().toLower(), &fk);
            else
                changed = true;
        }
        for (const SchemaForeignKey &fk : current->foreignKeys) {
            const bool kept = std::any_of(
                target.foreignKeys.cbegin(), target.foreignKeys.cend(),
                [&](const SchemaForeignKey &other) { return other.describe() == fk.describe(); });
            if (!kept)
                changed = true;
        }
        auto addable = [&](const SchemaColumn *column) {
            if (column->primaryKey > 0 || column->hidden != 0)
                return false;
            for (const QStringList &unique : target.uniqueConstraints)
                for (const QString &name : unique)
                    if (name.compare(column->name, Qt::CaseInsensitive) == 0)
                        return false;
            if (column->defaultValue && !constantDefault(*column->defaultValue))
                return false;
            if (column->notNull && (!column->defaultValue || *column->defaultValue == u"NULL"_s))
                return false;
            return true;
        };
        const bool allAddable = std::all_of(missing.cbegin(), missing.cend(), addable);
        if (!changed && extra.isEmpty() && allAddable) {
            for (const SchemaColumn *column : std::as_const(missing)) {
                QString definition = quoted(column->name) + u' ' + column->type;
                if (column->defaultValue)
                    definition += u" DEFAULT "_s + defaultSql(*column->defaultValue);
                if (column->notNull)
                    definition += u" NOT NULL"_s;
                if (const SchemaForeignKey *fk = keyOfNewColumn.value(column->name.toLower())) {
                    definition += u" REFERENCES "_s + quoted(fk->referredTable);
                    if (!fk->referredColumns.isEmpty())
                        definition += u" ("_s + quoted(fk->referredColumns.first()) + u')';
                    if (!fk->onDelete.isEmpty() && fk->onDelete != u"NO ACTION"_s)
                        definition += u" ON DELETE "_s + fk->onDelete;
                    if (!fk->onUpdate.isEmpty() && fk->onUpdate != u"NO ACTION"_s)
                        definition += u" ON UPDATE "_s + fk->onUpdate;
                }
                alters.append(u"ALTER TABLE "_s + quoted(target.name) + u" ADD COLUMN "_s +
                              definition);
            }
            continue;
        }
        if (!changed && missing.isEmpty() && !additive) {
            bool droppable = true;
            for (const SchemaColumn *column : std::as_const(extra))
                droppable = droppable && column->primaryKey == 0;
            if (droppable) {
                for (const SchemaColumn *column : std::as_const(extra))
                    alters.append(u"ALTER TABLE "_s + quoted(target.name) + u" DROP COLUMN "_s +
                                  quoted(column->name));
                c.destructive = true;
                continue;
            }
        }
        if (additive && !extra.isEmpty())
            continue; // a rebuild would lose the columns nobody expects; leave the table be
        // Alembic's batch rebuild: new table, copy, drop, rename; indexes again after.
        const QString tmp = tmpPrefix + target.name;
        const QString create = renamedCreate(target.sql, tmp);
        if (create.isEmpty()) {
            c.error = QCoreApplication::translate("retort::Doctor",
                                                  "cannot rebuild table %1 from its definition")
                          .arg(target.name);
            return c;
        }
        QStringList common;
        for (const SchemaColumn &column : target.columns)
            if (current->column(column.name) && column.hidden == 0)
                common.append(quoted(column.name));
        alters.append(create);
        if (!common.isEmpty())
            alters.append(u"INSERT INTO %1 (%2) SELECT %2 FROM %3"_s.arg(
                quoted(tmp), common.join(u", "_s), quoted(current->name)));
        alters.append(u"DROP TABLE "_s + quoted(current->name));
        alters.append(u"ALTER TABLE %1 RENAME TO %2"_s.arg(quoted(tmp), quoted(target.name)));
        rebuiltTables.insert(it.key());
        if (!extra.isEmpty())
            c.destructive = true;
    }
    for (auto it = to.indexes().cbegin(); it != to.indexes().cend(); ++it) {
        const bool missing = !from.indexes().contains(it.key());
        if (missing || indexesToCreate.contains(it.key()) ||
            rebuiltTables.contains(it.value()->table.toLower()))
            creates.append(it.value()->sql);
    }
    for (auto it = to.views().cbegin(); it != to.views().cend(); ++it) {
        const auto existing = from.views().constFind(it.key());
        if (existing == from.views().cend() || (*existing)->canonical != it.value()->canonical)
            creates.append(it.value()->sql);
    }
    for (auto it = to.triggers().cbegin(); it != to.triggers().cend(); ++it) {
        const auto existing = from.triggers().constFind(it.key());
        if (existing == from.triggers().cend() || (*existing)->canonical != it.value()->canonical ||
            rebuiltTables.contains(it.value()->table.toLower()))
            creates.append(it.value()->sql);
    }
    // A rebuilt table loses its triggers: drop none twice, create each once.
    creates.removeDuplicates();
    c.statements = drops + alters + creates;
    c.result = ExpectedSchemas::apply(from, c.statements, &c.error);
    return c;
}

// --- the analysis ------------------------------------------------------------

struct Location
{
    bool found = false;
    int revision = -1; // -1: the empty schema
    bool exact = false;
    QList<FingerprintCandidate> matches;
    int partialRevision = -1; // the next revision, applied in part
    int statementsRun = 0;
    ExpectedSchemas::StatementReplay replay;
};

class Analysis
{
public:
    Analysis(const Project &project, const ExpectedSchemas *expected, const Inspection &inspection)
        : m_project(project), m_graph(project.graph), m_expected(expected), m_in(inspection),
          m_table(project.config.versionTable),
          m_clean(inspection.schema.withoutTablesPrefixed(tmpPrefix))
    {
    }

    QList<Diagnosis> run();
    QList<FingerprintCandidate> fingerprint() const
    {
        return usable() ? Fingerprint::rank(*m_expected, m_clean, 5)
                        : QList<FingerprintCandidate>();
    }

private:
    bool usable() const { return m_expected && m_expected->available(); }
    QString id(int revision) const { return revision < 0 ? u"base"_s : m_graph.node(revision).id; }
    QString label(int revision) const
    {
        if (revision < 0)
            return Doctor::tr("the empty schema (no revision)");
        const RevisionGraph::Node &node = m_graph.node(revision);
        return node.file.doc().isEmpty() ? node.id : u"%1 (%2)"_s.arg(node.id, node.file.doc());
    }
    const SchemaSnapshot &schemaOf(int revision) const
    {
        return revision < 0 ? m_expected->empty() : m_expected->at(revision).snapshot;
    }
    QList<int> indexesOf(const QStringList &rows) const
    {
        QList<int> indexes;
        for (const QString &row : rows)
            indexes.append(m_graph.indexOf(row));
        return indexes;
    }
    std::vector<bool> ancestors(const QList<int> &revisions) const
    {
        return m_graph.reachable(revisions, RevisionGraph::Direction::Ancestors,
                                 RevisionGraph::Edges::WithDependencies);
    }
    bool isAncestor(int ancestor, int of) const
    {
        return ancestor < 0 || ancestors({of})[size_t(ancestor)];
    }

    void scripts();
    void leftoverTables();
    void badRows();
    bool versionTable();
    void schema(const QList<int> &rows);
    bool siblingRows(const QList<int> &rows);
    bool halfApplied(const QList<int> &rows, const SchemaSnapshot &start,
                     bool createVersionTable = false);
    bool stamped(const QList<int> &rows, const Location &location);
    void drift(const QList<int> &rows, const ExpectedSchemas::State &state,
               const Location &location);
    void checks();

    Location locate(const SchemaSnapshot &actual) const;
    std::optional<Repair> stampRepair(const QStringList &rows, int target) const;
    QList<AttributedDifference> attribute(const QList<int> &rows, const SchemaSnapshot &expected,
                                          const SchemaDiff &diff) const;
    std::optional<QString> objectState(const SchemaSnapshot &snapshot,
                                       const SchemaDifference &difference) const;
    void addLocationEvidence(Diagnosis &d, const Location &location) const;
    QString partialText(const Location &location) const;

    const Project &m_project;
    const RevisionGraph &m_graph;
    const ExpectedSchemas *m_expected;
    const Inspection &m_in;
    const QString m_table;
    const SchemaSnapshot m_clean; // without leftover _alembic_tmp_ tables
    QList<Diagnosis> m_out;
};

QList<Diagnosis> Analysis::run()
{
    scripts();
    badRows();
    leftoverTables();
    if (versionTable() && usable())
        schema(indexesOf(m_in.rows));
    checks();
    return m_out;
}

void Analysis::scripts()
{
    using Kind = GraphProblem::Kind;
    for (const GraphProblem &p : m_graph.problems()) {
        Diagnosis d;
        d.severity = Diagnosis::Severity::Error;
        d.revisions = p.revisions;
        const QString where = p.path.isEmpty() ? QString()
                              : p.line > 0     ? u"%1:%2"_s.arg(p.path).arg(p.line)
                                               : p.path;
        if (!where.isEmpty())
            d.details.append(where);
        switch (p.kind) {
        case Kind::UnreadableFile:
            d.code = u"scripts-syntax"_s;
            d.title = Doctor::tr("A revision file cannot be read");
            d.explanation =
                Doctor::tr(
                    "%1: %2. Neither Alembic nor Retort can load this file, so its revision is "
                    "missing from the history; revisions that follow it cannot be reached.")
                    .arg(where, p.message);
            break;
        case Kind::MissingParent:
            d.code = u"scripts-missing-parent"_s;
            d.title = Doctor::tr("A revision names a parent that does not exist");
            d.explanation =
                Doctor::tr("%1. Alembic stops with an error on this history. Restore the "
                           "missing revision file or correct down_revision.")
                    .arg(p.message);
            break;
        case Kind::Cycle:
        case Kind::DependencyCycle:
        case Kind::SelfLoop:
        case Kind::DependencySelfLoop:
            d.code = u"scripts-cycle"_s;
            d.title = Doctor::tr("The revisions form a cycle");
            d.explanation = Doctor::tr("%1. Alembic refuses to work with this history until the "
                                       "cycle is broken in down_revision or depends_on.")
                                .arg(p.message);
            break;
        case Kind::DuplicateRevision:
            d.code = u"scripts-duplicate"_s;
            d.severity = Diagnosis::Severity::Warning;
            d.title = Doctor::tr("Two files define the same revision");
            d.explanation = Doctor::tr("%1: Alembic uses the file it reads last and ignores the "
                                       "other. Remove or renumber one of them.")
                                .arg(p.message);
            break;
        case Kind::LabelClash:
            d.code = u"scripts-label-clash"_s;
            d.title = Doctor::tr("A branch label is used twice");
            d.explanation = Doctor::tr("%1. Alembic refuses to work with this history until one of "
                                       "the labels is renamed.")
                                .arg(p.message);
            break;
        }
        m_out.append(d);
    }
}

void Analysis::badRows()
{
    if (m_in.badValues.isEmpty())
        return;
    Diagnosis d;
    d.code = u"bad-version-row"_s;
    d.title = Doctor::tr("The version table holds values that are not revision ids");
    d.explanation =
        Doctor::tr("Rows of %1 hold %2. Alembic cannot work with such rows; they were not "
                   "written by Alembic and mean nothing, so they can be deleted.")
            .arg(m_table, m_in.badValues.join(u", "_s));
    d.details = m_in.badValues;
    Repair r;
    r.key = u"delete-rows"_s;
    r.description = Doctor::tr("Delete the rows that are not revision ids.");
    r.statements = {u"DELETE FROM %1 WHERE version_num IS NULL OR typeof(version_num) != 'text' "
                    u"OR version_num = ''"_s.arg(m_table)};
    r.rowsAfter = m_in.rows;
    d.repairs.append(r);
    m_out.append(d);
}

void Analysis::leftoverTables()
{
    for (const auto &table : m_in.schema.tables()) {
        if (!table->name.toLower().startsWith(tmpPrefix))
            continue;
        const QString original = table->name.mid(tmpPrefix.size());
        Diagnosis d;
        d.code = u"leftover-tmp-table"_s;
        d.severity = Diagnosis::Severity::Warning;
        d.title = Doctor::tr("A temporary table of a failed batch migration is left behind");
        d.explanation =
            Doctor::tr(
                "%1 is the copy Alembic makes while it rebuilds table %2 in a batch operation. "
                "It is left only when the rebuild failed half-way (Alembic does not run "
                "migrations in a transaction on SQLite). The next attempt fails with \"table %1 "
                "already exists\". %3")
                .arg(
                    table->name, original,
                    m_in.schema.table(original)
                        ? Doctor::tr("Table %1 itself is still there, so the copy can be dropped.")
                              .arg(original)
                        : Doctor::tr("Table %1 itself is missing: the copy may hold its only data; "
                                     "look at it before dropping it.")
                              .arg(original));
        d.details.append(table->sql);
        Repair r;
        r.key = u"drop-tmp-table"_s;
        r.description = Doctor::tr("Drop the leftover table %1.").arg(table->name);
        r.statements = {u"DROP TABLE "_s + quoted(table->name)};
        r.destructive = !m_in.schema.table(original);
        r.rowsAfter = m_in.rows;
        d.repairs.append(r);
        m_out.append(d);
    }
}

std::optional<Repair> Analysis::stampRepair(const QStringList &rows, int target) const
{
    const MigrationPlanner planner(m_graph);
    const MigrationPlanner::Result planned = planner.stamp(rows, {id(target)}, false);
    if (!planned)
        return std::nullopt;
    Repair r;
    r.key = u"stamp"_s;
    for (const PlanStep &step : planned.plan.steps)
        for (const VersionChange &change : step.versionChanges)
            r.statements.append(change.sql(m_table));
    r.rowsAfter = planned.plan.rowsAfter;
    r.description = target < 0 ? Doctor::tr("Remove every row from %1 (stamp base).").arg(m_table)
                               : Doctor::tr("Stamp %1: the version table will hold %2.")
                                     .arg(id(target), r.rowsAfter.join(u", "_s));
    return r;
}

Location Analysis::locate(const SchemaSnapshot &actual) const
{
    Location location;
    if (!usable())
        return location;
    const QList<FingerprintCandidate> exact = Fingerprint::exactMatches(*m_expected, actual);
    if (!exact.isEmpty()) {
        location.found = true;
        location.exact = true;
        location.revision = exact.first().revision;
        location.matches = exact;
        return location;
    }
    location.matches = Fingerprint::rank(*m_expected, actual, 5);
    // A revision applied in part: the schema of one of the nearest revisions
    // plus some of the statements of one of its children.
    const QList<FingerprintCandidate> nearest = location.matches.mid(0, 3);
    for (const FingerprintCandidate &candidate : nearest) {
        QList<int> children;
        if (candidate.revision < 0) {
            for (int r = 0; r < m_graph.size(); ++r)
                if (m_graph.node(r).allDownRevisions().isEmpty())
                    children.append(r);
        } else {
            for (int child : m_graph.node(candidate.revision).allChildren)
                if (m_graph.node(child).allDownRevisions() == QList<int>{candidate.revision})
                    children.append(child);
        }
        for (int child : std::as_const(children)) {
            const ExpectedSchemas::StatementReplay replay =
                m_expected->replayStatements(child, schemaOf(candidate.revision));
            for (qsizetype k = 0; k < replay.after.size(); ++k) {
                if (replay.after[k] == actual) {
                    location.found = true;
                    location.revision = candidate.revision;
                    location.partialRevision = child;
                    location.statementsRun = int(k) + 1;
                    location.replay = replay;
                    return location;
                }
            }
        }
    }
    return location;
}

QString Analysis::partialText(const Location &location) const
{
    if (location.partialRevision < 0)
        return {};
    return Doctor::tr("plus the first %1 of the %2 statements of %3")
        .arg(location.statementsRun)
        .arg(location.replay.statements.size())
        .arg(label(location.partialRevision));
}

void Analysis::addLocationEvidence(Diagnosis &d, const Location &location) const
{
    d.matches = location.matches;
    if (location.found) {
        QString text =
            location.exact
                ? Doctor::tr("The schema is exactly that of %1.").arg(label(location.revision))
                : Doctor::tr("The schema is that of %1, %2.")
                      .arg(label(location.revision), partialText(location));
        d.details.append(text);
        if (location.exact && location.matches.size() > 1) {
            QStringList others;
            for (const FingerprintCandidate &c : location.matches.mid(1))
                others.append(id(c.revision));
            d.details.append(Doctor::tr("Revisions with the same schema: %1. The oldest is chosen; "
                                        "later ones will run again on upgrade.")
                                 .arg(others.join(u", "_s)));
        }
    } else if (!location.matches.isEmpty()) {
        QStringList nearest;
        for (const FingerprintCandidate &c : location.matches.mid(0, 3))
            nearest.append(
                Doctor::tr("%1 (differences: %2)").arg(id(c.revision)).arg(c.differenceSize));
        d.details.append(Doctor::tr("No revision's schema matches; the nearest: %1.")
                             .arg(nearest.join(u", "_s)));
    }
    if (location.found && location.revision >= 0 && m_expected->at(location.revision).uncertain) {
        d.uncertain = true;
        d.details.append(m_expected->at(location.revision).uncertainReason);
    }
}

bool Analysis::versionTable()
{
    // The rows make a state only when every one names a known revision and no
    // row is an ancestor of another.
    if (!m_in.tableExists || m_in.rows.isEmpty()) {
        if (!m_in.badValues.isEmpty() || m_clean.isEmpty())
            return false; // a fresh database, or bad rows first
        const bool noTable = !m_in.tableExists;
        Diagnosis d;
        d.code = noTable ? u"no-version-table"_s : u"empty-version-table"_s;
        d.title = noTable ? Doctor::tr("The database has tables but no version table")
                          : Doctor::tr("The version table is empty but the database has tables");
        const QString consequence =
            Doctor::tr("Alembic takes such a database for an empty one: `upgrade` would try to "
                       "create tables that exist and fail.");
        d.explanation = noTable
                            ? Doctor::tr("There is no %1 table (a database from before Alembic, or "
                                         "the table was dropped). %2")
                                  .arg(m_table, consequence)
                            : Doctor::tr("%1 has no rows. %2").arg(m_table, consequence);
        // A version table under another name is not part of the schema to match.
        SchemaSnapshot schema = m_clean;
        if (noTable && !m_in.lookAlikes.isEmpty()) {
            QSet<QString> names;
            for (const auto &[name, rows] : m_in.lookAlikes) {
                names.insert(name.toLower());
                d.details.append(
                    Doctor::tr("Table %1 looks like a version table (it holds %2): if "
                               "it is this project's, give --version-table %1.")
                        .arg(name, rows.isEmpty() ? Doctor::tr("no rows") : rows.join(u", "_s)));
            }
            schema = schema.patched(names, SchemaSnapshot());
        }
        const Location location = locate(schema);
        // Only the first revision, in part: a half-applied first revision
        // rather than a revision to stamp.
        if (location.found && location.partialRevision >= 0 && location.revision < 0 &&
            halfApplied({}, m_expected->empty(), noTable))
            return false;
        addLocationEvidence(d, location);
        if (location.found) {
            Repair r;
            r.key = u"stamp"_s;
            if (noTable)
                r.statements.append(versionTableDdl(m_table));
            if (location.revision >= 0) {
                r.statements.append(
                    VersionChange{VersionChange::Kind::Insert, {}, id(location.revision)}.sql(
                        m_table));
                r.rowsAfter = {id(location.revision)};
            }
            r.description = noTable ? Doctor::tr("Create the version table %1 and stamp %2.")
                                          .arg(m_table, id(location.revision))
                                    : Doctor::tr("Stamp %1.").arg(id(location.revision));
            d.repairs.append(r);
            d.revisions = {id(location.revision)};
        }
        m_out.append(d);
        return false;
    }

    bool usableRows = true;
    QStringList known, unknown;
    for (const QString &row : m_in.rows)
        (m_graph.indexOf(row) >= 0 ? known : unknown).append(row);
    if (!unknown.isEmpty()) {
        usableRows = false;
        Diagnosis d;
        d.code = u"unknown-revision"_s;
        d.title = Doctor::tr("The version table names a revision the scripts do not have");
        d.rows = unknown;
        QStringList reasons;
        for (const QString &row : std::as_const(unknown)) {
            QString reason =
                Doctor::tr("no revision file defines %1: was the file deleted, or does "
                           "the database come from another branch of the code?")
                    .arg(row);
            for (const RevisionFile &file : m_project.files)
                if (file.revision == row && !file.usable())
                    reason = Doctor::tr("the file that defines %1 (%2) cannot be read")
                                 .arg(row, file.path);
            for (const GraphProblem &p : m_graph.problems())
                if (p.revisions.contains(row) && p.isFatal())
                    reason = Doctor::tr("%1 is left out of the history: %2").arg(row, p.message);
            reasons.append(reason);
        }
        d.explanation =
            Doctor::tr("Alembic fails with \"Can't locate revision identified by '%1'\": "
                       "%2.")
                .arg(unknown.first(), reasons.join(u"; "_s));
        if (usable()) {
            if (known.isEmpty()) {
                const Location location = locate(m_clean);
                addLocationEvidence(d, location);
                if (location.found) {
                    Repair r;
                    r.key = u"stamp"_s;
                    for (qsizetype i = 0; i < unknown.size(); ++i) {
                        if (i == 0 && location.revision >= 0)
                            r.statements.append(VersionChange{VersionChange::Kind::Update,
                                                              unknown[i], id(location.revision)}
                                                    .sql(m_table));
                        else
                            r.statements.append(
                                VersionChange{VersionChange::Kind::Delete, unknown[i], {}}.sql(
                                    m_table));
                    }
                    if (location.revision >= 0)
                        r.rowsAfter = {id(location.revision)};
                    r.description =
                        location.revision >= 0
                            ? Doctor::tr("Replace %1 with %2, the revision the schema matches.")
                                  .arg(unknown.join(u", "_s), id(location.revision))
                            : Doctor::tr("Delete %1: the schema is empty.")
                                  .arg(unknown.join(u", "_s));
                    d.repairs.append(r);
                    d.revisions = {id(location.revision)};
                }
            } else {
                const ExpectedSchemas::State state = m_expected->stateFor(indexesOf(known));
                if (state && state.snapshot == m_clean) {
                    d.details.append(Doctor::tr("The other rows (%1) account for the whole schema.")
                                         .arg(known.join(u", "_s)));
                    Repair r;
                    r.key = u"delete-rows"_s;
                    for (const QString &row : std::as_const(unknown))
                        r.statements.append(
                            VersionChange{VersionChange::Kind::Delete, row, {}}.sql(m_table));
                    r.rowsAfter = known;
                    r.description =
                        Doctor::tr("Delete %1 from the version table.").arg(unknown.join(u", "_s));
                    d.repairs.append(r);
                }
            }
        }
        m_out.append(d);
    }

    // An ancestor stored beside its descendant: Alembic refuses to migrate.
    QStringList ancestorRows;
    QStringList descendantRows;
    for (const QString &a : std::as_const(known)) {
        for (const QString &b : std::as_const(known)) {
            if (a != b && isAncestor(m_graph.indexOf(a), m_graph.indexOf(b))) {
                if (!ancestorRows.contains(a))
                    ancestorRows.append(a);
                if (!descendantRows.contains(b))
                    descendantRows.append(b);
            }
        }
    }
    if (!ancestorRows.isEmpty()) {
        usableRows = false;
        Diagnosis d;
        d.code = u"overlapping-rows"_s;
        d.title = Doctor::tr("The version table holds a revision and its ancestor");
        d.rows = ancestorRows + descendantRows;
        d.explanation =
            Doctor::tr(
                "%1 is an ancestor of %2; both are stored. Alembic fails with \"Requested "
                "revision overlaps with other requested revisions\". A descendant implies its "
                "ancestors, so the ancestor rows can go.")
                .arg(ancestorRows.join(u", "_s), descendantRows.join(u", "_s));
        QStringList kept = known;
        for (const QString &a : std::as_const(ancestorRows))
            kept.removeAll(a);
        if (usable()) {
            const ExpectedSchemas::State state = m_expected->stateFor(indexesOf(kept));
            d.details.append(
                state && state.snapshot == m_clean
                    ? Doctor::tr("The schema matches %1 exactly.").arg(kept.join(u", "_s))
                    : Doctor::tr("The schema does not match %1 either; look at the other "
                                 "findings after this repair.")
                          .arg(kept.join(u", "_s)));
        }
        Repair r;
        r.key = u"delete-rows"_s;
        for (const QString &a : std::as_const(ancestorRows))
            r.statements.append(VersionChange{VersionChange::Kind::Delete, a, {}}.sql(m_table));
        r.rowsAfter = kept + unknown;
        r.description = Doctor::tr("Delete the ancestor rows %1.").arg(ancestorRows.join(u", "_s));
        d.repairs.append(r);
        m_out.append(d);
    }
    return usableRows;
}

void Analysis::schema(const QList<int> &rows)
{
    const ExpectedSchemas::State state = m_expected->stateFor(rows);
    if (!state)
        return;
    if (state.snapshot == m_clean)
        return;
    if (state.uncertain) {
        Diagnosis d;
        d.code = u"schema-unverified"_s;
        d.severity = Diagnosis::Severity::Info;
        d.uncertain = true;
        d.title = Doctor::tr("The schema cannot be checked against the scripts");
        d.explanation =
            Doctor::tr("Retort cannot tell what schema the current revision should have: "
                       "%1. The differences below may be what that revision does.")
                .arg(state.uncertainReason);
        d.rows = m_in.rows;
        d.differences =
            attribute(rows, state.snapshot, SchemaSnapshot::compare(state.snapshot, m_clean));
        m_out.append(d);
        return;
    }
    if (siblingRows(rows))
        return;
    if (halfApplied(rows, state.snapshot))
        return;
    const Location location = locate(m_clean);
    if (location.found && stamped(rows, location))
        return;
    drift(rows, state, location);
}

bool Analysis::siblingRows(const QList<int> &rows)
{
    if (rows.size() < 2)
        return false;
    for (int row : rows) {
        QList<int> others = rows;
        others.removeAll(row);
        const ExpectedSchemas::State state = m_expected->stateFor(others);
        if (!state || state.uncertain || !(state.snapshot == m_clean))
            continue;
        Diagnosis d;
        d.code = u"sibling-rows"_s;
        d.title = Doctor::tr("The version table has a row for a branch the schema does not have");
        d.rows = {id(row)};
        d.revisions = {id(row)};
        QStringList otherIds;
        for (int o : std::as_const(others))
            otherIds.append(id(o));
        d.explanation =
            Doctor::tr(
                "%1 is stored beside %2, but none of the changes of %1's branch are in the "
                "database: the schema is exactly that of %2. This happens when a revision of a "
                "sibling branch is stamped by mistake (`alembic stamp` adds a row for a branch "
                "that is not yet represented).")
                .arg(id(row), otherIds.join(u", "_s));
        Repair r;
        r.key = u"delete-rows"_s;
        r.statements = {VersionChange{VersionChange::Kind::Delete, id(row), {}}.sql(m_table)};
        for (int o : std::as_const(others))
            r.rowsAfter.append(id(o));
        r.description = Doctor::tr("Delete the row %1.").arg(id(row));
        d.repairs.append(r);
        m_out.append(d);
        return true;
    }
    return false;
}

bool Analysis::halfApplied(const QList<int> &rows, const SchemaSnapshot &start,
                           bool createVersionTable)
{
    const std::vector<bool> applied = ancestors(rows);
    QStringList rowIds;
    for (int r : rows)
        rowIds.append(id(r));
    for (int y = 0; y < m_graph.size(); ++y) {
        if (applied[size_t(y)])
            continue;
        const QList<int> parents = m_graph.node(y).allDownRevisions();
        if (!std::all_of(parents.cbegin(), parents.cend(),
                         [&](int p) { return applied[size_t(p)]; }))
            continue;
        const ExpectedSchemas::StatementReplay replay = m_expected->replayStatements(y, start);
        int matched = -1;
        bool withTmp = true;
        for (qsizetype k = 0; k < replay.after.size() && matched < 0; ++k)
            if (replay.after[k] == m_in.schema)
                matched = int(k);
        for (qsizetype k = 0; k < replay.after.size() && matched < 0; ++k) {
            if (replay.after[k] == m_clean) {
                matched = int(k);
                withTmp = false;
            }
        }
        if (matched < 0)
            continue;
        // What is left changes rows only: the revision may well have run to
        // the end; that is a schema ahead of its version, not half a migration.
        if (replay && replay.after[matched] == replay.after.last())
            continue;
        // Statements that change rows only leave the schema as it was: whether
        // they ran cannot be seen. They are taken as run (Alembic stops at the
        // failing statement, usually the next schema change), so that
        // completing never inserts rows twice.
        const int firstMatch = matched;
        while (matched + 1 < replay.after.size() &&
               replay.after[matched + 1] == replay.after[matched])
            ++matched;
        const SchemaSnapshot &actual = withTmp ? m_in.schema : m_clean;
        Diagnosis d;
        d.code = u"half-applied"_s;
        d.title = Doctor::tr("Revision %1 was applied only in part").arg(id(y));
        d.rows = rowIds;
        d.revisions = {id(y)};
        d.explanation =
            Doctor::tr("The database has the first %1 of the %2 statements of %3, but the version "
                       "table still says %4. Alembic runs migrations on SQLite without a "
                       "transaction, so a migration that fails half-way leaves its first changes "
                       "behind; running it again fails (e.g. \"table already exists\").")
                .arg(matched + 1)
                .arg(replay.statements.size())
                .arg(label(y), rowIds.isEmpty() ? Doctor::tr("no revision") : rowIds.join(u", "_s));
        for (int k = 0; k <= matched; ++k)
            d.details.append(
                Doctor::tr("ran: %1").arg(SqlRenderer::offlineText(replay.statements[k])));
        for (qsizetype k = matched + 1; k < replay.statements.size(); ++k)
            d.details.append(
                Doctor::tr("did not run: %1").arg(SqlRenderer::offlineText(replay.statements[k])));
        if (!replay)
            d.details.append(replay.error);
        if (matched > firstMatch)
            d.details.append(Doctor::tr("Statements %1 to %2 change rows only; whether they ran "
                                        "cannot be told from the schema. They are taken as run "
                                        "and not repeated.")
                                 .arg(firstMatch + 2)
                                 .arg(matched + 1));
        d.differences = attribute(rows, start, SchemaSnapshot::compare(start, actual));

        const Convergence revert = converge(actual, start, false);
        if (revert.error.isEmpty() && revert.result == start) {
            Repair r;
            r.key = u"revert"_s;
            r.description =
                Doctor::tr("Undo what ran of %1, so that the schema is again that of %2 "
                           "and `upgrade` can run it afresh.")
                    .arg(id(y), rowIds.isEmpty() ? Doctor::tr("the empty database")
                                                 : rowIds.join(u", "_s));
            r.statements = revert.statements;
            r.destructive = revert.destructive;
            r.rowsAfter = rowIds;
            d.repairs.append(r);
        } else {
            d.details.append(Doctor::tr("Undoing it is not possible automatically: %1")
                                 .arg(revert.error.isEmpty() ? Doctor::tr("the result would differ")
                                                             : revert.error));
        }
        if (replay) {
            Repair r;
            r.key = u"complete"_s;
            r.statements = replay.statements.mid(matched + 1);
            for (qsizetype k = matched + 1; k < replay.statements.size(); ++k)
                r.destructive = r.destructive || replay.destructive[k];
            const MigrationPlanner planner(m_graph);
            const MigrationPlanner::Result planned = planner.stamp(rowIds, {id(y)}, false);
            if (planned) {
                if (createVersionTable)
                    r.statements.append(versionTableDdl(m_table));
                for (const PlanStep &step : planned.plan.steps)
                    for (const VersionChange &change : step.versionChanges)
                        r.statements.append(change.sql(m_table));
                r.rowsAfter = planned.plan.rowsAfter;
                r.description = Doctor::tr("Run the rest of %2 (statements left: %1) and "
                                           "record %2 as applied.")
                                    .arg(replay.statements.size() - matched - 1)
                                    .arg(id(y));
                d.repairs.append(r);
            }
        } else {
            d.details.append(
                Doctor::tr("Completing it is not possible automatically: %1").arg(replay.error));
        }
        m_out.append(d);
        return true;
    }
    return false;
}

bool Analysis::stamped(const QList<int> &rows, const Location &location)
{
    const int target = location.revision;
    if (rows.contains(target))
        return false;
    bool below = true, above = true;
    for (int r : rows) {
        below = below && isAncestor(target, r);
        above = above && target >= 0 && isAncestor(r, target);
    }
    if (!below && !above)
        return false;
    QStringList rowIds;
    for (int r : rows)
        rowIds.append(id(r));
    const std::optional<Repair> stamp = stampRepair(rowIds, target);
    if (!stamp)
        return false;
    // The stamp must lead to a state whose schema is the one found.
    const ExpectedSchemas::State after = m_expected->stateFor(indexesOf(stamp->rowsAfter));
    if (!after || !(after.snapshot == schemaOf(target)))
        return false;
    Diagnosis d;
    d.rows = rowIds;
    d.revisions = {id(target)};
    addLocationEvidence(d, location);
    const QString partial =
        location.partialRevision >= 0
            ? u" "_s + Doctor::tr("(and part of %1)").arg(id(location.partialRevision))
            : QString();
    if (below) {
        d.code = u"version-ahead-of-schema"_s;
        d.title = Doctor::tr("The version table is ahead of the schema");
        d.explanation =
            Doctor::tr("The version table says %1, but the schema is that of %2%3, an earlier "
                       "revision: the migrations in between are recorded as applied although their "
                       "changes are not in the database (typically `alembic stamp head` after a "
                       "failed upgrade). Code expecting them fails with errors such as \"no such "
                       "column\". Stamping back to %2 lets `upgrade` run them.")
                .arg(rowIds.join(u", "_s), id(target), partial);
    } else {
        d.code = u"schema-ahead-of-version"_s;
        d.title = Doctor::tr("The schema is ahead of the version table");
        d.explanation =
            Doctor::tr(
                "The schema already has the changes up to %2%3, but the version table says "
                "%1: `upgrade` would run them again and fail with errors such as \"duplicate "
                "column name\" or \"table already exists\". Stamping %2 records them as "
                "applied.")
                .arg(rowIds.join(u", "_s), id(target), partial);
    }
    d.differences =
        attribute(rows, m_expected->stateFor(rows).snapshot,
                  SchemaSnapshot::compare(m_expected->stateFor(rows).snapshot, m_clean));
    Repair r = *stamp;
    d.repairs.append(r);
    m_out.append(d);
    return true;
}

void Analysis::drift(const QList<int> &rows, const ExpectedSchemas::State &state,
                     const Location &location)
{
    const SchemaDiff diff = SchemaSnapshot::compare(state.snapshot, m_clean);
    Diagnosis d;
    d.code = u"drift"_s;
    QStringList rowIds;
    for (int r : rows)
        rowIds.append(id(r));
    d.rows = rowIds;
    d.differences = attribute(rows, state.snapshot, diff);
    bool missingSomething = false;
    for (const SchemaDifference &difference : diff.differences)
        missingSomething = missingSomething || difference.change != SchemaDifference::Change::Extra;
    d.severity = missingSomething ? Diagnosis::Severity::Error : Diagnosis::Severity::Warning;
    d.title = Doctor::tr("The schema differs from what %1 should have")
                  .arg(rowIds.isEmpty() ? Doctor::tr("an empty database") : rowIds.join(u", "_s));
    d.explanation =
        Doctor::tr(
            "Differences between the database and the schema the scripts build up to %2: %1. "
            "Code that needs a missing object fails with errors such as \"no such column\"; a "
            "migration that creates an object already there fails with \"duplicate column "
            "name\" or \"already exists\".")
            .arg(diff.size())
            .arg(rowIds.join(u", "_s));
    if (location.found) {
        addLocationEvidence(d, location);
    } else if (!location.matches.isEmpty()) {
        addLocationEvidence(d, location);
    }
    if (missingSomething) {
        const Convergence additive = converge(m_clean, state.snapshot, true);
        if (additive.error.isEmpty() && !additive.statements.isEmpty()) {
            const SchemaDiff remaining = SchemaSnapshot::compare(state.snapshot, additive.result);
            const bool nothingMissing =
                std::none_of(remaining.differences.cbegin(), remaining.differences.cend(),
                             [](const SchemaDifference &x) {
                                 return x.change != SchemaDifference::Change::Extra;
                             });
            if (nothingMissing) {
                Repair r;
                r.key = u"recreate-missing"_s;
                r.description =
                    Doctor::tr("Re-create what is missing or different, as the revisions that made "
                               "it define it (data of rebuilt tables is copied; extra objects are "
                               "left alone).");
                r.statements = additive.statements;
                r.destructive = additive.destructive;
                r.rowsAfter = rowIds;
                d.repairs.append(r);
            }
        }
    }
    m_out.append(d);
}

void Analysis::checks()
{
    if (!m_in.checked)
        return;
    if (m_in.integrity != QStringList{u"ok"_s}) {
        Diagnosis d;
        d.code = u"integrity"_s;
        d.title = Doctor::tr("SQLite's integrity check fails");
        d.explanation =
            Doctor::tr("PRAGMA integrity_check reports damage in the database file. "
                       "Retort does not repair it: restore a backup, or recover the data "
                       "with the sqlite3 shell's .recover command into a new file.");
        d.details = m_in.integrity.mid(0, 20);
        m_out.append(d);
    }
    if (!m_in.foreignKeyViolations.isEmpty()) {
        Diagnosis d;
        d.code = u"foreign-keys"_s;
        d.severity = Diagnosis::Severity::Warning;
        d.title = Doctor::tr("Rows refer to rows that do not exist");
        d.explanation =
            Doctor::tr("PRAGMA foreign_key_check finds rows whose foreign key points "
                       "nowhere (%1). The data needs fixing by someone who knows it; a "
                       "migration that rebuilds these tables with foreign keys on would "
                       "fail.")
                .arg(m_in.foreignKeyViolations.size());
        d.details = m_in.foreignKeyViolations.mid(0, 50);
        m_out.append(d);
    }
}

std::optional<QString> Analysis::objectState(const SchemaSnapshot &snapshot,
                                             const SchemaDifference &difference) const
{
    using Object = SchemaDifference::Object;
    switch (difference.object) {
    case Object::Table:
        if (const SchemaTable *t = snapshot.table(difference.name))
            return t->canonical;
        return std::nullopt;
    case Object::Column:
        if (const SchemaTable *t = snapshot.table(difference.table))
            if (const SchemaColumn *c = t->column(difference.name))
                return c->describe();
        return std::nullopt;
    case Object::Index:
        if (const SchemaIndex *i = snapshot.index(difference.name))
            return i->canonical;
        return std::nullopt;
    case Object::UniqueConstraint:
        if (const SchemaTable *t = snapshot.table(difference.table))
            for (const QStringList &u : t->uniqueConstraints)
                if (QString(u'(' + u.join(u", "_s) + u')')
                        .compare(difference.name, Qt::CaseInsensitive) == 0)
                    return difference.name;
        return std::nullopt;
    case Object::ForeignKey:
        if (const SchemaTable *t = snapshot.table(difference.table))
            for (const SchemaForeignKey &fk : t->foreignKeys)
                if (fk.describe().compare(difference.name, Qt::CaseInsensitive) == 0)
                    return fk.describe();
        return std::nullopt;
    case Object::View: {
        const auto found = snapshot.views().constFind(difference.name.toLower());
        if (found != snapshot.views().cend())
            return (*found)->canonical;
        return std::nullopt;
    }
    case Object::Trigger: {
        const auto found = snapshot.triggers().constFind(difference.name.toLower());
        if (found != snapshot.triggers().cend())
            return (*found)->canonical;
        return std::nullopt;
    }
    }
    return std::nullopt;
}

// Names, for each difference, the revision it is about: the applied revision
// that made the expected form, the pending one that makes the form found, or
// the applied one that removed what is found.
QList<AttributedDifference> Analysis::attribute(const QList<int> &rows,
                                                const SchemaSnapshot &expected,
                                                const SchemaDiff &diff) const
{
    QList<AttributedDifference> result;
    const std::vector<bool> applied = ancestors(rows);
    for (const SchemaDifference &difference : diff.differences) {
        AttributedDifference a;
        a.difference = difference;
        if (difference.change != SchemaDifference::Change::Extra) {
            const std::optional<QString> wanted = objectState(expected, difference);
            // Walk up from the row whose schema has the expected form.
            int at = -1;
            for (int r : rows)
                if (objectState(m_expected->at(r).snapshot, difference) == wanted)
                    at = r;
            while (at >= 0) {
                int up = -1;
                for (int p : m_graph.node(at).allDownRevisions())
                    if (objectState(m_expected->at(p).snapshot, difference) == wanted)
                        up = p;
                if (up < 0)
                    break;
                at = up;
            }
            if (at >= 0) {
                a.role = AttributedDifference::Role::CreatedBy;
                a.revision = id(at);
            }
        } else {
            const std::optional<QString> found = objectState(m_in.schema, difference);
            for (int r : m_expected->upgradeOrder()) {
                if (applied[size_t(r)])
                    continue;
                const std::optional<QString> here =
                    objectState(m_expected->at(r).snapshot, difference);
                if (!here)
                    continue;
                bool fromParent = false;
                for (int p : m_graph.node(r).allDownRevisions())
                    fromParent =
                        fromParent || objectState(m_expected->at(p).snapshot, difference) == here;
                if (!fromParent && (here == found || a.revision.isEmpty())) {
                    a.role = AttributedDifference::Role::PendingIn;
                    a.revision = id(r);
                    if (here == found)
                        break;
                }
            }
            if (a.revision.isEmpty()) {
                const QList<int> &order = m_expected->upgradeOrder();
                for (auto it = order.crbegin(); it != order.crend(); ++it) {
                    const int r = *it;
                    if (!applied[size_t(r)] || objectState(m_expected->at(r).snapshot, difference))
                        continue;
                    bool parentHad = false;
                    for (int p : m_graph.node(r).allDownRevisions())
                        parentHad =
                            parentHad || objectState(m_expected->at(p).snapshot, difference);
                    if (parentHad) {
                        a.role = AttributedDifference::Role::RemovedBy;
                        a.revision = id(r);
                        break;
                    }
                }
            }
        }
        result.append(a);
    }
    return result;
}

QJsonArray candidatesJson(const RevisionGraph &graph, const QList<FingerprintCandidate> &list)
{
    QJsonArray array;
    for (const FingerprintCandidate &c : list)
        array.append(
            QJsonObject{{u"revision"_s, c.revision < 0 ? QJsonValue(QJsonValue::Null)
                                                       : QJsonValue(graph.node(c.revision).id)},
                        {u"exact"_s, c.exact},
                        {u"difference_size"_s, c.differenceSize},
                        {u"uncertain"_s, c.uncertain}});
    return array;
}

struct Diagnosed
{
    DoctorReport report;
    Inspection inspection;
    std::shared_ptr<const ExpectedSchemas> expected;
};

Diagnosed diagnoseFile(const Project &project, const QString &databasePath,
                       const AlembicRenderer *renderer)
{
    Diagnosed result;
    QElapsedTimer timer;
    timer.start();
    DoctorReport &report = result.report;
    report.database = databasePath;
    const QString table = project.config.versionTable;
    if (databasePath.isEmpty()) {
        report.error =
            Doctor::tr("No database: give --db FILE or set sqlalchemy.url in alembic.ini.");
        return result;
    }
    // VersionTable classifies why a file cannot be read, in the words status uses.
    const VersionTableState state = VersionTable::read(databasePath, table);
    if (!state.readable()) {
        report.error = state.error;
        return result;
    }
    SqliteConnection connection(databasePath, SqliteConnection::Mode::ReadOnly, busyTimeoutMs,
                                u"doctor-read"_s);
    const SqlOutcome opened = connection.open();
    if (!opened.ok()) {
        report.error = Doctor::tr("Cannot open %1: %2").arg(databasePath, opened.message);
        return result;
    }
    result.inspection = inspect(connection.handle(), table, true);
    if (!result.inspection.error.isEmpty()) {
        report.error = Doctor::tr("Cannot read %1: %2").arg(databasePath, result.inspection.error);
        return result;
    }
    report.readable = true;
    report.hasVersionTable = result.inspection.tableExists;
    report.rows = result.inspection.rows;
    result.expected = ExpectedSchemas::forProject(project, renderer);
    Analysis analysis(project, result.expected.get(), result.inspection);
    report.diagnoses = analysis.run();
    report.fingerprint = analysis.fingerprint();
    report.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return result;
}

} // namespace

// --- value types ---------------------------------------------------------------

QJsonObject Repair::toJson() const
{
    return QJsonObject{{u"key"_s, key},
                       {u"description"_s, description},
                       {u"statements"_s, QJsonArray::fromStringList(statements)},
                       {u"destructive"_s, destructive},
                       {u"rows_after"_s, QJsonArray::fromStringList(rowsAfter)}};
}

QString AttributedDifference::roleKey(Role role)
{
    switch (role) {
    case Role::CreatedBy:
        return u"created_by"_s;
    case Role::PendingIn:
        return u"pending_in"_s;
    case Role::RemovedBy:
        return u"removed_by"_s;
    case Role::NoRevision:
        return u"none"_s;
    }
    return {};
}

QString AttributedDifference::describe() const
{
    const QString what = difference.describe();
    switch (role) {
    case Role::CreatedBy:
        return Doctor::tr("%1 — made by revision %2").arg(what, revision);
    case Role::PendingIn:
        return Doctor::tr("%1 — made by pending revision %2").arg(what, revision);
    case Role::RemovedBy:
        return Doctor::tr("%1 — removed by revision %2").arg(what, revision);
    case Role::NoRevision:
        return difference.change == SchemaDifference::Change::Extra
                   ? Doctor::tr("%1 — no revision makes it").arg(what)
                   : what;
    }
    return what;
}

QJsonObject AttributedDifference::toJson() const
{
    QJsonObject o{
        {u"object"_s, SchemaDifference::objectKey(difference.object)},
        {u"change"_s, SchemaDifference::changeKey(difference.change)},
        {u"table"_s, difference.table},
        {u"name"_s, difference.name},
        {u"expected"_s, difference.expected},
        {u"actual"_s, difference.actual},
        {u"role"_s, roleKey(role)},
        {u"revision"_s, revision.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(revision)},
        {u"text"_s, describe()}};
    return o;
}

QString Diagnosis::severityKey(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        return u"info"_s;
    case Severity::Warning:
        return u"warning"_s;
    case Severity::Error:
        return u"error"_s;
    }
    return {};
}

QJsonObject Diagnosis::toJson(const RevisionGraph &graph) const
{
    QJsonArray differencesJson, repairsJson;
    for (const AttributedDifference &a : differences)
        differencesJson.append(a.toJson());
    for (const Repair &r : repairs)
        repairsJson.append(r.toJson());
    return QJsonObject{{u"code"_s, code},
                       {u"severity"_s, severityKey(severity)},
                       {u"title"_s, title},
                       {u"explanation"_s, explanation},
                       {u"rows"_s, QJsonArray::fromStringList(rows)},
                       {u"revisions"_s, QJsonArray::fromStringList(revisions)},
                       {u"matches"_s, candidatesJson(graph, matches)},
                       {u"differences"_s, differencesJson},
                       {u"details"_s, QJsonArray::fromStringList(details)},
                       {u"uncertain"_s, uncertain},
                       {u"repairs"_s, repairsJson}};
}

bool DoctorReport::healthy() const
{
    return readable && std::all_of(diagnoses.cbegin(), diagnoses.cend(), [](const Diagnosis &d) {
               return d.severity == Diagnosis::Severity::Info;
           });
}

int DoctorReport::exitCode() const
{
    if (!readable)
        return 5;
    return healthy() ? 0 : 4;
}

const Diagnosis *DoctorReport::find(const QString &code) const
{
    for (const Diagnosis &d : diagnoses)
        if (d.code == code)
            return &d;
    return nullptr;
}

QStringList DoctorReport::codes() const
{
    QStringList list;
    for (const Diagnosis &d : diagnoses)
        list.append(d.code);
    return list;
}

QJsonObject DoctorReport::toJson(const RevisionGraph &graph) const
{
    QJsonArray diagnosesJson;
    for (const Diagnosis &d : diagnoses)
        diagnosesJson.append(d.toJson(graph));
    QJsonObject o{{u"database"_s, database},
                  {u"readable"_s, readable},
                  {u"has_version_table"_s, hasVersionTable},
                  {u"rows"_s, QJsonArray::fromStringList(rows)},
                  {u"healthy"_s, healthy()},
                  {u"diagnoses"_s, diagnosesJson},
                  {u"fingerprint"_s, candidatesJson(graph, fingerprint)},
                  {u"exit_code"_s, exitCode()}};
    if (!error.isEmpty())
        o.insert(u"error"_s, error);
    return o;
}

QJsonObject RepairReport::toJson(const RevisionGraph &graph) const
{
    QJsonArray stepsJson;
    for (const Step &s : steps)
        stepsJson.append(QJsonObject{{u"code"_s, s.code},
                                     {u"repair"_s, s.repair},
                                     {u"description"_s, s.description},
                                     {u"statements"_s, QJsonArray::fromStringList(s.statements)}});
    QJsonObject o{{u"ok"_s, ok},
                  {u"code"_s, code},
                  {u"steps"_s, stepsJson},
                  {u"statements"_s, QJsonArray::fromStringList(statements)},
                  {u"destructive"_s, destructive},
                  {u"rows_before"_s, QJsonArray::fromStringList(rowsBefore)},
                  {u"rows_after"_s, QJsonArray::fromStringList(rowsAfter)},
                  {u"backup"_s, backupFile},
                  {u"integrity"_s, QJsonArray::fromStringList(integrityMessages)},
                  {u"foreign_key_violations"_s, QJsonArray::fromStringList(foreignKeyViolations)},
                  {u"before"_s, before.toJson(graph)},
                  {u"after"_s, after.toJson(graph)}};
    if (!error.isEmpty())
        o.insert(u"error"_s, error);
    return o;
}

// --- Doctor ------------------------------------------------------------------

QString IntegrityReport::summary() const
{
    if (!readable())
        return Doctor::tr("The integrity check could not run: %1").arg(error);
    if (sound())
        return Doctor::tr("%1 is sound: SQLite's integrity check passes and every foreign key "
                          "points to an existing row.")
            .arg(QDir::toNativeSeparators(database));
    QStringList parts;
    if (integrityMessages != QStringList{u"ok"_s})
        parts.append(Doctor::tr("the integrity check reports problems: %n", nullptr,
                                int(integrityMessages.size())));
    if (!foreignKeyViolations.isEmpty())
        parts.append(Doctor::tr("rows that refer to rows that do not exist: %n", nullptr,
                                int(foreignKeyViolations.size())));
    return Doctor::tr("%1 has problems: %2.")
        .arg(QDir::toNativeSeparators(database), parts.join(u"; "_s));
}

IntegrityReport Doctor::checkIntegrity(const QString &databasePath)
{
    IntegrityReport report;
    QElapsedTimer timer;
    timer.start();
    report.database = databasePath;
    if (databasePath.isEmpty()) {
        report.error = tr("No database is open.");
        return report;
    }
    // VersionTable classifies why a file cannot be read (missing, not a
    // database, locked) in the words status uses.
    const VersionTableState state = VersionTable::read(databasePath, u"alembic_version"_s);
    if (!state.readable()) {
        report.error = state.error;
        return report;
    }
    SqliteConnection connection(databasePath, SqliteConnection::Mode::ReadOnly, busyTimeoutMs,
                                u"doctor-integrity"_s);
    const SqlOutcome opened = connection.open();
    if (!opened.ok()) {
        report.error = tr("Cannot open %1: %2").arg(databasePath, opened.message);
        return report;
    }
    const QString failed = runChecks(connection.handle(), &report.integrityMessages,
                                     &report.foreignKeyViolations);
    if (!failed.isEmpty())
        report.error = tr("Cannot check %1: %2").arg(databasePath, failed);
    report.milliseconds = double(timer.nsecsElapsed()) / 1e6;
    return report;
}

DoctorReport Doctor::diagnose(const Project &project, const QString &databasePath,
                              const AlembicRenderer *renderer)
{
    return diagnoseFile(project, databasePath, renderer).report;
}

RepairReport Doctor::repair(const Project &project, const QString &databasePath,
                            const QString &code, const RepairOptions &options)
{
    RepairReport report;
    report.code = code;
    const QString wanted = code.section(u':', 0, 0);
    const QString choice = code.section(u':', 1);
    Diagnosed diagnosed = diagnoseFile(project, databasePath, options.renderer);
    report.before = diagnosed.report;
    report.rowsBefore = diagnosed.report.rows;
    report.rowsAfter = diagnosed.report.rows;
    if (!report.before.readable) {
        report.error = report.before.error;
        return report;
    }
    const bool all = wanted == u"all"_s;
    if (!all && !report.before.find(wanted)) {
        report.error = tr("Nothing to repair: no finding has the code '%1' (found: %2).")
                           .arg(wanted, report.before.diagnoses.isEmpty()
                                            ? tr("none")
                                            : report.before.codes().join(u", "_s));
        return report;
    }

    // Plan on a copy: each repair, then the findings it leaves, until no
    // finding asked for has a repair left.
    const QString table = project.config.versionTable;
    Simulation simulation(diagnosed.inspection, table);
    if (!simulation.error().isEmpty()) {
        report.error = tr("Cannot copy the schema to plan the repair: %1").arg(simulation.error());
        return report;
    }
    QList<Diagnosis> current = report.before.diagnoses;
    QSet<QString> tried;
    Inspection predicted = diagnosed.inspection;
    for (int round = 0; round < 12; ++round) {
        const Diagnosis *next = nullptr;
        for (const Diagnosis &d : std::as_const(current))
            if ((all || d.code == wanted) && !d.repairs.isEmpty()) {
                next = &d;
                break;
            }
        if (!next)
            break;
        const Repair *chosen = &next->repairs.first();
        if (!choice.isEmpty() && next->code == wanted) {
            chosen = nullptr;
            QStringList keys;
            for (const Repair &r : next->repairs) {
                keys.append(r.key);
                if (r.key == choice)
                    chosen = &r;
            }
            if (!chosen) {
                report.error = tr("'%1' has no repair '%2' (it has: %3).")
                                   .arg(next->code, choice, keys.join(u", "_s));
                return report;
            }
        }
        const QString signature = next->code + u'\x1f' + chosen->statements.join(u'\x1e');
        if (tried.contains(signature))
            break; // it did not help the first time
        tried.insert(signature);
        const QString failure = simulation.run(chosen->statements);
        if (!failure.isEmpty()) {
            report.error =
                tr("The repair of '%1' fails on a copy of the schema: %2").arg(next->code, failure);
            return report;
        }
        report.steps.append({next->code, chosen->key, chosen->description, chosen->statements});
        report.statements += chosen->statements;
        report.destructive = report.destructive || chosen->destructive;
        predicted = simulation.inspect();
        Analysis analysis(project, diagnosed.expected.get(), predicted);
        current = analysis.run();
    }
    if (report.steps.isEmpty()) {
        report.error = tr("No automatic repair for '%1': %2")
                           .arg(wanted, all ? tr("none of the findings has one")
                                            : report.before.find(wanted)->explanation);
        return report;
    }
    if (options.dryRun) {
        report.ok = true;
        report.after = report.before;
        report.after.diagnoses = current;
        // Integrity findings stay: the copy holds no data to check.
        for (const Diagnosis &d : report.before.diagnoses)
            if (d.code == u"integrity"_s || d.code == u"foreign-keys"_s)
                report.after.diagnoses.append(d);
        report.after.rows = predicted.rows;
        report.after.hasVersionTable = predicted.tableExists;
        report.rowsAfter = predicted.rows;
        return report;
    }

    // The real thing: one transaction, after a backup taken inside it.
    const QString database = QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath());
    AuditEntry audit;
    audit.action = u"repair"_s;
    audit.database = database;
    audit.target = code;
    audit.stepCount = 1;
    audit.rowsBefore = report.rowsBefore;
    AuditStep audited;
    audited.direction = u"repair"_s;
    audited.fromRevisions = report.rowsBefore;
    audited.statements = report.statements;
    {
        SqliteConnection connection(database, SqliteConnection::Mode::ReadWrite, busyTimeoutMs,
                                    u"doctor-write"_s);
        const SqlOutcome opened = connection.open();
        if (!opened.ok() || connection.isReadOnly()) {
            report.error = opened.ok() ? tr("Cannot write to %1: it is read-only.").arg(database)
                                       : tr("Cannot open %1: %2").arg(database, opened.message);
            return report;
        }
        const SqlOutcome keys = connection.execute(u"PRAGMA foreign_keys"_s);
        const bool foreignKeysOn =
            keys.ok() && !keys.rows.isEmpty() && keys.rows.first().value(0).toInt() == 1;
        // Tables are dropped and rebuilt: with foreign keys on, a drop would
        // cascade into (or be refused by) the tables that refer to them.
        connection.execute(u"PRAGMA foreign_keys = OFF"_s);
        auto finish = [&](bool ok, const QString &error) {
            if (connection.inTransaction())
                connection.execute(u"ROLLBACK"_s);
            connection.execute(foreignKeysOn ? u"PRAGMA foreign_keys = ON"_s
                                             : u"PRAGMA foreign_keys = OFF"_s);
            report.ok = ok;
            report.error = error;
        };
        SqlOutcome step = connection.execute(u"BEGIN"_s);
        const Inspection now =
            step.ok() ? inspect(connection.handle(), table, false) : Inspection();
        if (!step.ok() || !now.error.isEmpty()) {
            finish(false,
                   tr("Cannot read %1: %2").arg(database, step.ok() ? now.error : step.message));
        } else if (now.rows != diagnosed.inspection.rows ||
                   now.tableExists != diagnosed.inspection.tableExists ||
                   !(now.schema == diagnosed.inspection.schema)) {
            finish(false, tr("%1 changed while it was being diagnosed; nothing was written. "
                             "Diagnose again.")
                              .arg(database));
        } else {
            bool backedUp = true;
            if (options.backup) {
                const BackupResult backup =
                    Backup::createFrom(connection.handle(), database, options.backupFolder);
                backedUp = bool(backup);
                if (backup)
                    report.backupFile = backup.file;
                else
                    finish(
                        false,
                        tr("Nothing was written because the backup failed: %1").arg(backup.error));
            }
            if (backedUp) {
                QString failure;
                for (const QString &statement : std::as_const(report.statements)) {
                    step = connection.execute(statement, [](const QString &s) {
                        return isTransactionControl(s) ? tr("not allowed in a repair") : QString();
                    });
                    if (!step.ok()) {
                        failure = tr("The repair failed and was rolled back; nothing was "
                                     "changed.\nStatement: %1\nSQLite: %2")
                                      .arg(statement, step.message);
                        break;
                    }
                }
                if (failure.isEmpty()) {
                    step = connection.execute(u"COMMIT"_s);
                    if (!step.ok())
                        failure = tr("The repair could not be committed: %1").arg(step.message);
                }
                finish(failure.isEmpty(), failure);
            }
        }
        const Inspection after = inspect(connection.handle(), table, true);
        report.rowsAfter = after.rows;
        report.integrityMessages = after.integrity;
        report.foreignKeyViolations = after.foreignKeyViolations;
    }
    report.after = diagnose(project, databasePath, options.renderer);

    audited.toRevisions = report.rowsAfter;
    audited.outcome = report.ok ? u"ok"_s : u"failed"_s;
    audit.steps = {audited};
    audit.rowsAfter = report.rowsAfter;
    audit.backupFile = report.backupFile;
    audit.outcome = report.ok ? AuditEntry::Outcome::Ok : AuditEntry::Outcome::Failed;
    audit.error = report.error;
    audit.integrity = report.integrityMessages;
    audit.foreignKeyViolations = report.foreignKeyViolations;
    const AuditLog::AppendResult appended = AuditLog::append(database, audit);
    if (!appended)
        report.auditLogError = appended.error;
    return report;
}

} // namespace retort
