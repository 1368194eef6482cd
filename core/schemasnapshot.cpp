#include "schemasnapshot.h"

#include "sqliteconnection.h"

#include <QSet>

#include <sqlite3.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

struct QueryRows
{
    QList<QVariantList> rows;
    QString error;
};

// Straight through SQLite's C API: reading a schema hundreds of times (once per
// revision) must not pay QSqlQuery's per-value overhead.
QueryRows queryRows(sqlite3 *handle, const char *sql, const QStringList &binds = {})
{
    QueryRows result;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql, -1, &statement, nullptr) != SQLITE_OK) {
        result.error = QString::fromUtf8(sqlite3_errmsg(handle));
        return result;
    }
    for (int i = 0; i < binds.size(); ++i) {
        const QByteArray bytes = binds[i].toUtf8();
        sqlite3_bind_text(statement, i + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    }
    const int columns = sqlite3_column_count(statement);
    int code;
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        QVariantList row;
        row.reserve(columns);
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(statement, c)) {
            case SQLITE_NULL:
                row.append(QVariant());
                break;
            case SQLITE_INTEGER:
                row.append(QVariant::fromValue(qint64(sqlite3_column_int64(statement, c))));
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

QString collapseWhitespace(const QString &text)
{
    return text.simplified();
}

// "varchar (50)" and "VARCHAR(50)", "NUMERIC(10, 2)" and "NUMERIC(10,2)" are the same type.
QString normaliseType(const QString &type)
{
    QString t = collapseWhitespace(type).toUpper();
    t.replace(u" ("_s, u"("_s).replace(u"( "_s, u"("_s).replace(u" )"_s, u")"_s);
    t.replace(u", "_s, u","_s).replace(u" ,"_s, u","_s);
    return t;
}

bool wrappedInParentheses(const QString &text)
{
    if (text.size() < 2 || !text.startsWith(u'(') || !text.endsWith(u')'))
        return false;
    int depth = 0;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c == u'\'')
            quoted = !quoted;
        if (quoted)
            continue;
        if (c == u'(')
            ++depth;
        else if (c == u')' && --depth == 0 && i != text.size() - 1)
            return false;
    }
    return depth == 0;
}

// `DEFAULT (CURRENT_TIMESTAMP)` and `DEFAULT current_timestamp` mean the same:
// outer parentheses go, and everything outside string literals is upper-cased.
QString normaliseDefault(const QString &value)
{
    QString v = value.trimmed();
    while (wrappedInParentheses(v))
        v = v.mid(1, v.size() - 2).trimmed();
    QString out;
    out.reserve(v.size());
    bool quoted = false;
    for (const QChar c : std::as_const(v)) {
        if (c == u'\'')
            quoted = !quoted;
        out.append(quoted ? c : c.toUpper());
    }
    return out;
}

QString joinLower(const QStringList &names)
{
    return names.join(u',').toLower();
}

size_t combine(size_t seed, size_t value)
{
    return seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

QString tableCanonical(const SchemaTable &table)
{
    QStringList lines;
    lines.append(u"table "_s + table.name.toLower());
    QStringList columns;
    for (const SchemaColumn &c : table.columns)
        columns.append(u"col %1 %2 nn=%3 def=%4 pk=%5 hidden=%6"_s.arg(
            c.name.toLower(), c.type, c.notNull ? u"1"_s : u"0"_s,
            c.defaultValue ? *c.defaultValue : u"\x01"_s, QString::number(c.primaryKey),
            QString::number(c.hidden)));
    columns.sort();
    lines += columns;
    for (const QStringList &u : table.uniqueConstraints)
        lines.append(u"uq "_s + joinLower(u));
    for (const SchemaForeignKey &fk : table.foreignKeys)
        lines.append(u"fk "_s + fk.describe().toLower());
    return lines.join(u'\n');
}

QString indexCanonical(const SchemaIndex &index, bool expression)
{
    QString text = u"index %1 on %2 unique=%3 (%4)"_s.arg(
        index.name.toLower(), index.table.toLower(), index.unique ? u"1"_s : u"0"_s,
        joinLower(index.columns));
    // A partial or expression index is only described fully by its statement.
    if (index.partial || expression)
        text += u" sql="_s + collapseWhitespace(index.sql);
    return text;
}

std::shared_ptr<const SchemaTable> reflectTable(sqlite3 *handle, const QString &name,
                                                const QString &sql, QString *error)
{
    auto table = std::make_shared<SchemaTable>();
    table->name = name;
    table->sql = sql;
    const QueryRows columns = queryRows(handle,
                                        "SELECT name, type, \"notnull\", dflt_value, pk, hidden "
                                        "FROM pragma_table_xinfo(?1, 'main')",
                                        {name});
    const QueryRows indexes = queryRows(
        handle, "SELECT name FROM pragma_index_list(?1, 'main') WHERE origin = 'u'", {name});
    const QueryRows keys = queryRows(handle,
                                     "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete "
                                     "FROM pragma_foreign_key_list(?1, 'main') ORDER BY id, seq",
                                     {name});
    for (const QueryRows *r : {&columns, &indexes, &keys}) {
        if (!r->error.isEmpty()) {
            *error = r->error;
            return nullptr;
        }
    }
    for (const QVariantList &row : columns.rows) {
        SchemaColumn column;
        column.name = row[0].toString();
        column.type = normaliseType(row[1].toString());
        column.notNull = row[2].toInt() != 0;
        if (!row[3].isNull())
            column.defaultValue = normaliseDefault(row[3].toString());
        column.primaryKey = row[4].toInt();
        column.hidden = row[5].toInt();
        table->columns.append(column);
    }
    for (const QVariantList &row : indexes.rows) {
        const QueryRows info =
            queryRows(handle, "SELECT name FROM pragma_index_info(?1, 'main') ORDER BY seqno",
                      {row[0].toString()});
        QStringList names;
        for (const QVariantList &i : info.rows)
            names.append(i[0].toString());
        table->uniqueConstraints.append(names);
    }
    std::sort(
        table->uniqueConstraints.begin(), table->uniqueConstraints.end(),
        [](const QStringList &a, const QStringList &b) { return joinLower(a) < joinLower(b); });
    qint64 currentId = -1;
    for (const QVariantList &row : keys.rows) {
        if (row[0].toLongLong() != currentId) {
            currentId = row[0].toLongLong();
            SchemaForeignKey fk;
            fk.referredTable = row[1].toString();
            fk.onUpdate = row[4].toString().toUpper();
            fk.onDelete = row[5].toString().toUpper();
            table->foreignKeys.append(fk);
        }
        SchemaForeignKey &fk = table->foreignKeys.last();
        fk.columns.append(row[2].toString());
        if (!row[3].isNull())
            fk.referredColumns.append(row[3].toString());
    }
    std::sort(table->foreignKeys.begin(), table->foreignKeys.end(),
              [](const SchemaForeignKey &a, const SchemaForeignKey &b) {
                  return a.describe().toLower() < b.describe().toLower();
              });
    table->canonical = tableCanonical(*table);
    table->hash = qHash(table->canonical);
    return table;
}

std::shared_ptr<const SchemaIndex> reflectIndex(sqlite3 *handle, const QString &name,
                                                const QString &table, const QString &sql,
                                                QString *error)
{
    auto index = std::make_shared<SchemaIndex>();
    index->name = name;
    index->table = table;
    index->sql = sql;
    const QueryRows info = queryRows(
        handle, "SELECT cid, name FROM pragma_index_info(?1, 'main') ORDER BY seqno", {name});
    const QueryRows list = queryRows(
        handle, "SELECT \"unique\", partial FROM pragma_index_list(?1, 'main') WHERE name = ?2",
        {table, name});
    if (!info.error.isEmpty() || !list.error.isEmpty()) {
        *error = info.error.isEmpty() ? list.error : info.error;
        return nullptr;
    }
    bool expression = false;
    for (const QVariantList &row : info.rows) {
        if (row[1].isNull()) {
            expression = true;
            index->columns.append(u"<expression>"_s);
        } else {
            index->columns.append(row[1].toString());
        }
    }
    if (!list.rows.isEmpty()) {
        index->unique = list.rows.first().value(0).toInt() != 0;
        index->partial = list.rows.first().value(1).toInt() != 0;
    }
    index->canonical = indexCanonical(*index, expression);
    index->hash = qHash(index->canonical);
    return index;
}

QString describeColumns(const SchemaTable &table)
{
    QStringList parts;
    for (const SchemaColumn &c : table.columns)
        parts.append(c.name + u' ' + c.describe());
    return parts.join(u", "_s);
}

QString parenthesised(const QStringList &columns)
{
    return u'(' + columns.join(u", "_s) + u')';
}

// Compares two snapshots; appends described differences to `out` when given.
// Objects whose hashes agree are taken as equal without looking further
// (canonical texts that collide would be a 64-bit accident).
int compareSnapshots(const SchemaSnapshot &expected, const SchemaSnapshot &actual,
                     QList<SchemaDifference> *out, SchemaSnapshot::DifferenceMemo *memo = nullptr)
{
    using Object = SchemaDifference::Object;
    using Change = SchemaDifference::Change;
    int count = 0;
    // Texts are made only when differences are described, not when counted.
    auto add = [&](Object object, Change change, const QString &table, const QString &name,
                   const auto &expectedText, const auto &actualText) {
        ++count;
        if (out)
            out->append({object, change, table, name, expectedText(), actualText()});
    };
    const auto none = [] { return QString(); };

    // Merge-joins two maps sorted by key.
    auto join = [](const auto &left, const auto &right, const auto &onLeftOnly,
                   const auto &onRightOnly, const auto &onBoth) {
        auto l = left.cbegin();
        auto r = right.cbegin();
        while (l != left.cend() || r != right.cend()) {
            if (r == right.cend() || (l != left.cend() && l.key() < r.key())) {
                onLeftOnly(*l.value());
                ++l;
            } else if (l == left.cend() || r.key() < l.key()) {
                onRightOnly(*r.value());
                ++r;
            } else {
                if (l.value() != r.value() && l.value()->hash != r.value()->hash)
                    onBoth(*l.value(), *r.value());
                ++l;
                ++r;
            }
        }
    };

    join(
        expected.tables(), actual.tables(),
        [&](const SchemaTable &t) {
            add(
                Object::Table, Change::Missing, t.name, t.name,
                [&] { return QString(describeColumns(t)); }, none);
        },
        [&](const SchemaTable &t) {
            add(Object::Table, Change::Extra, t.name, t.name, none,
                [&] { return QString(describeColumns(t)); });
        },
        [&](const SchemaTable &e, const SchemaTable &a) {
            if (memo && !out) {
                const auto known = memo->constFind(&e);
                if (known != memo->constEnd()) {
                    count += *known;
                    return;
                }
            }
            const int before = count;
            QHash<QString, const SchemaColumn *> actualColumns;
            for (const SchemaColumn &c : a.columns)
                actualColumns.insert(c.name.toLower(), &c);
            QSet<QString> seen;
            for (const SchemaColumn &c : e.columns) {
                const QString key = c.name.toLower();
                seen.insert(key);
                const SchemaColumn *other = actualColumns.value(key);
                if (!other) {
                    add(
                        Object::Column, Change::Missing, e.name, c.name,
                        [&] { return QString(c.describe()); }, none);
                } else if (!(c.type == other->type && c.notNull == other->notNull &&
                             c.defaultValue == other->defaultValue &&
                             c.primaryKey == other->primaryKey && c.hidden == other->hidden)) {
                    add(
                        Object::Column, Change::Changed, e.name, c.name,
                        [&] { return QString(c.describe()); },
                        [&] { return QString(other->describe()); });
                }
            }
            for (const SchemaColumn &c : a.columns)
                if (!seen.contains(c.name.toLower()))
                    add(Object::Column, Change::Extra, e.name, c.name, none,
                        [&] { return QString(c.describe()); });
            auto uniqueKeys = [](const SchemaTable &t) {
                QSet<QString> keys;
                for (const QStringList &u : t.uniqueConstraints)
                    keys.insert(joinLower(u));
                return keys;
            };
            const QSet<QString> eu = uniqueKeys(e), au = uniqueKeys(a);
            for (const QStringList &u : e.uniqueConstraints)
                if (!au.contains(joinLower(u)))
                    add(
                        Object::UniqueConstraint, Change::Missing, e.name, parenthesised(u),
                        [&] { return QString(u"UNIQUE "_s + parenthesised(u)); }, none);
            for (const QStringList &u : a.uniqueConstraints)
                if (!eu.contains(joinLower(u)))
                    add(Object::UniqueConstraint, Change::Extra, e.name, parenthesised(u), none,
                        [&] { return QString(u"UNIQUE "_s + parenthesised(u)); });
            auto keyTexts = [](const SchemaTable &t) {
                QSet<QString> keys;
                for (const SchemaForeignKey &fk : t.foreignKeys)
                    keys.insert(fk.describe().toLower());
                return keys;
            };
            const QSet<QString> ek = keyTexts(e), ak = keyTexts(a);
            for (const SchemaForeignKey &fk : e.foreignKeys)
                if (!ak.contains(fk.describe().toLower()))
                    add(
                        Object::ForeignKey, Change::Missing, e.name, fk.describe(),
                        [&] { return QString(fk.describe()); }, none);
            for (const SchemaForeignKey &fk : a.foreignKeys)
                if (!ek.contains(fk.describe().toLower()))
                    add(Object::ForeignKey, Change::Extra, e.name, fk.describe(), none,
                        [&] { return QString(fk.describe()); });
            if (count == before) // differs in something no finer entry names
                add(
                    Object::Table, Change::Changed, e.name, e.name,
                    [&] { return QString(e.canonical); }, [&] { return QString(a.canonical); });
            if (memo && !out)
                memo->insert(&e, count - before);
        });

    join(
        expected.indexes(), actual.indexes(),
        [&](const SchemaIndex &i) {
            add(
                Object::Index, Change::Missing, i.table, i.name,
                [&] { return QString(i.describe()); }, none);
        },
        [&](const SchemaIndex &i) {
            add(Object::Index, Change::Extra, i.table, i.name, none,
                [&] { return QString(i.describe()); });
        },
        [&](const SchemaIndex &e, const SchemaIndex &a) {
            add(
                Object::Index, Change::Changed, e.table, e.name,
                [&] { return QString(e.describe()); }, [&] { return QString(a.describe()); });
        });

    for (const auto &[object, expectedMap, actualMap] :
         {std::tuple{Object::View, &expected.views(), &actual.views()},
          std::tuple{Object::Trigger, &expected.triggers(), &actual.triggers()}}) {
        const Object kind = object;
        join(
            *expectedMap, *actualMap,
            [&](const SchemaDefinition &d) {
                add(
                    kind, Change::Missing, d.table, d.name, [&] { return d.canonical; }, none);
            },
            [&](const SchemaDefinition &d) {
                add(kind, Change::Extra, d.table, d.name, none, [&] { return d.canonical; });
            },
            [&](const SchemaDefinition &e, const SchemaDefinition &a) {
                add(
                    kind, Change::Changed, e.table, e.name, [&] { return e.canonical; },
                    [&] { return a.canonical; });
            });
    }
    return count;
}

} // namespace

QString SchemaColumn::describe() const
{
    QString text = type.isEmpty() ? u"(no type)"_s : type;
    if (primaryKey > 0)
        text += u" PRIMARY KEY"_s;
    if (notNull)
        text += u" NOT NULL"_s;
    if (defaultValue)
        text += u" DEFAULT "_s + *defaultValue;
    return text;
}

QString SchemaForeignKey::describe() const
{
    QString text = parenthesised(columns) + u" REFERENCES "_s + referredTable;
    if (!referredColumns.isEmpty())
        text += u' ' + parenthesised(referredColumns);
    if (!onDelete.isEmpty() && onDelete != u"NO ACTION"_s)
        text += u" ON DELETE "_s + onDelete;
    if (!onUpdate.isEmpty() && onUpdate != u"NO ACTION"_s)
        text += u" ON UPDATE "_s + onUpdate;
    return text;
}

const SchemaColumn *SchemaTable::column(const QString &name) const
{
    for (const SchemaColumn &c : columns)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

QString SchemaIndex::describe() const
{
    QString text = (unique ? u"UNIQUE ON "_s : u"ON "_s) + table + u' ' + parenthesised(columns);
    if (partial)
        text += u" (partial)"_s;
    return text;
}

QString SchemaDifference::objectKey(Object object)
{
    switch (object) {
    case Object::Table:
        return u"table"_s;
    case Object::Column:
        return u"column"_s;
    case Object::Index:
        return u"index"_s;
    case Object::UniqueConstraint:
        return u"unique_constraint"_s;
    case Object::ForeignKey:
        return u"foreign_key"_s;
    case Object::View:
        return u"view"_s;
    case Object::Trigger:
        return u"trigger"_s;
    }
    return {};
}

QString SchemaDifference::changeKey(Change change)
{
    switch (change) {
    case Change::Missing:
        return u"missing"_s;
    case Change::Extra:
        return u"extra"_s;
    case Change::Changed:
        return u"changed"_s;
    }
    return {};
}

QString SchemaDifference::describe() const
{
    QString what;
    switch (object) {
    case Object::Table:
        what = SchemaSnapshot::tr("table %1").arg(name);
        break;
    case Object::Column:
        what = SchemaSnapshot::tr("column %1.%2").arg(table, name);
        break;
    case Object::Index:
        what = SchemaSnapshot::tr("index %1").arg(name);
        break;
    case Object::UniqueConstraint:
        what = SchemaSnapshot::tr("unique constraint %1 of table %2").arg(name, table);
        break;
    case Object::ForeignKey:
        what = SchemaSnapshot::tr("foreign key %1 of table %2").arg(name, table);
        break;
    case Object::View:
        what = SchemaSnapshot::tr("view %1").arg(name);
        break;
    case Object::Trigger:
        what = SchemaSnapshot::tr("trigger %1").arg(name);
        break;
    }
    const bool detailed = object == Object::Column || object == Object::Index;
    switch (change) {
    case Change::Missing:
        return detailed ? SchemaSnapshot::tr("%1 is missing (expected: %2)").arg(what, expected)
                        : SchemaSnapshot::tr("%1 is missing").arg(what);
    case Change::Extra:
        return detailed ? SchemaSnapshot::tr("%1 is not expected (found: %2)").arg(what, actual)
                        : SchemaSnapshot::tr("%1 is not expected").arg(what);
    case Change::Changed:
        return detailed ? SchemaSnapshot::tr("%1 differs (expected: %2; found: %3)")
                              .arg(what, expected, actual)
                        : SchemaSnapshot::tr("%1 differs from what is expected").arg(what);
    }
    return what;
}

SchemaSnapshot::ReadResult SchemaSnapshot::read(const QSqlDatabase &database,
                                                const QString &versionTable)
{
    sqlite3 *handle = SqliteConnection::handleOf(database);
    if (!handle) {
        ReadResult result;
        result.error = tr("The connection is not an open SQLite database.");
        return result;
    }
    return SchemaReader(versionTable).read(handle);
}

SchemaSnapshot::ReadResult SchemaSnapshot::readFile(const QString &path,
                                                    const QString &versionTable)
{
    SqliteConnection connection(path, SqliteConnection::Mode::ReadOnly, 2000, u"snapshot"_s);
    const SqlOutcome opened = connection.open();
    if (!opened.ok()) {
        ReadResult result;
        result.error = tr("Cannot open %1: %2").arg(path, opened.message);
        return result;
    }
    ReadResult result = SchemaReader(versionTable).read(connection.handle());
    if (!result)
        result.error = tr("Cannot read the schema of %1: %2").arg(path, result.error);
    return result;
}

SchemaSnapshot::ReadResult SchemaReader::read(sqlite3 *handle)
{
    SchemaSnapshot::ReadResult result;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle,
                           "SELECT type, name, tbl_name, sql FROM main.sqlite_master "
                           "WHERE sql IS NOT NULL",
                           -1, &statement, nullptr) != SQLITE_OK) {
        result.error = QString::fromUtf8(sqlite3_errmsg(handle));
        return result;
    }
    const QByteArray versionTable = m_versionTable.toUtf8();
    auto bytes = [&](int column) {
        return QByteArrayView(
            reinterpret_cast<const char *>(sqlite3_column_text(statement, column)),
            sqlite3_column_bytes(statement, column));
    };
    auto ignored = [&](QByteArrayView name) {
        return (name.size() >= 7 && qstrnicmp(name.data(), 7, "sqlite_", 7) == 0) ||
               (name.size() == versionTable.size() &&
                qstrnicmp(name.data(), name.size(), versionTable.constData(),
                          versionTable.size()) == 0);
    };
    SchemaSnapshot &snapshot = result.snapshot;
    QList<Entry> seen; // copies: inserting into m_entries may move its items
    int code;
    // Rows are compared with what this reader saw before as raw bytes: most
    // objects are unchanged from one revision to the next, and cost no more.
    while ((code = sqlite3_step(statement)) == SQLITE_ROW) {
        const QByteArrayView type = bytes(0), name = bytes(1), table = bytes(2), sql = bytes(3);
        if (ignored(name) || ignored(table))
            continue;
        QByteArray key;
        key.reserve(type.size() + name.size() + table.size() + 2);
        key.append(type).append('\0').append(name).append('\0').append(table);
        auto found = m_entries.find(key);
        if (found == m_entries.end() || found->sql != sql) {
            Entry entry;
            entry.sql = sql.toByteArray();
            const QString nameText = QString::fromUtf8(name);
            const QString tableText = QString::fromUtf8(table);
            const QString sqlText = QString::fromUtf8(sql);
            entry.lowerName = nameText.toLower();
            QString error;
            if (type == "table") {
                entry.kind = Entry::Table;
                entry.table = reflectTable(handle, nameText, sqlText, &error);
            } else if (type == "index") {
                entry.kind = Entry::Index;
                entry.index = reflectIndex(handle, nameText, tableText, sqlText, &error);
            } else {
                entry.kind = type == "view" ? Entry::View : Entry::Trigger;
                auto made = std::make_shared<SchemaDefinition>();
                made->name = nameText;
                made->table = tableText;
                made->sql = sqlText;
                made->canonical = collapseWhitespace(sqlText);
                made->hash = qHash(made->canonical);
                entry.definition = made;
            }
            if (!error.isEmpty()) {
                sqlite3_finalize(statement);
                result.error = error;
                return result;
            }
            found = m_entries.insert(key, entry);
        }
        seen.append(*found);
    }
    if (code != SQLITE_DONE)
        result.error = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(statement);
    // Inserted in key order, each at the end: no search in the maps.
    std::sort(seen.begin(), seen.end(),
              [](const Entry &a, const Entry &b) { return a.lowerName < b.lowerName; });
    for (const Entry &item : std::as_const(seen)) {
        const Entry *entry = &item;
        switch (entry->kind) {
        case Entry::Table:
            snapshot.m_tables.insert(snapshot.m_tables.cend(), entry->lowerName, entry->table);
            break;
        case Entry::Index:
            snapshot.m_indexes.insert(snapshot.m_indexes.cend(), entry->lowerName, entry->index);
            break;
        case Entry::View:
            snapshot.m_views.insert(snapshot.m_views.cend(), entry->lowerName, entry->definition);
            break;
        case Entry::Trigger:
            snapshot.m_triggers.insert(snapshot.m_triggers.cend(), entry->lowerName,
                                       entry->definition);
            break;
        }
    }
    snapshot.finish();
    return result;
}

const SchemaTable *SchemaSnapshot::table(const QString &name) const
{
    const auto found = m_tables.constFind(name.toLower());
    return found == m_tables.constEnd() ? nullptr : found->get();
}

const SchemaIndex *SchemaSnapshot::index(const QString &name) const
{
    const auto found = m_indexes.constFind(name.toLower());
    return found == m_indexes.constEnd() ? nullptr : found->get();
}

bool SchemaSnapshot::isEmpty() const
{
    return m_tables.isEmpty() && m_indexes.isEmpty() && m_views.isEmpty() && m_triggers.isEmpty();
}

void SchemaSnapshot::finish()
{
    // An empty snapshot hashes as a default-constructed one does.
    if (isEmpty()) {
        m_hash = 0;
        return;
    }
    size_t h = 0x5eed;
    auto fold = [&h](const auto &map, size_t marker) {
        h = combine(h, marker);
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            h = combine(h, it.value()->hash);
    };
    fold(m_tables, 1);
    fold(m_indexes, 2);
    fold(m_views, 3);
    fold(m_triggers, 4);
    m_hash = h;
}

bool SchemaSnapshot::operator==(const SchemaSnapshot &other) const
{
    if (m_hash != other.m_hash)
        return false;
    auto same = [](const auto &a, const auto &b) {
        if (a.size() != b.size())
            return false;
        for (auto l = a.cbegin(), r = b.cbegin(); l != a.cend(); ++l, ++r) {
            if (l.key() != r.key())
                return false;
            if (l.value() != r.value() && l.value()->canonical != r.value()->canonical)
                return false;
        }
        return true;
    };
    return same(m_tables, other.m_tables) && same(m_indexes, other.m_indexes) &&
           same(m_views, other.m_views) && same(m_triggers, other.m_triggers);
}

SchemaDiff SchemaSnapshot::compare(const SchemaSnapshot &expected, const SchemaSnapshot &actual)
{
    SchemaDiff diff;
    if (expected.m_hash != actual.m_hash || !(expected == actual))
        compareSnapshots(expected, actual, &diff.differences);
    return diff;
}

int SchemaSnapshot::differenceSize(const SchemaSnapshot &expected, const SchemaSnapshot &actual,
                                   DifferenceMemo *memo)
{
    if (expected.m_hash == actual.m_hash && expected == actual)
        return 0;
    return compareSnapshots(expected, actual, nullptr, memo);
}

QStringList SchemaSnapshot::createStatements() const
{
    QStringList statements;
    for (const auto &t : m_tables)
        statements.append(t->sql);
    for (const auto &i : m_indexes)
        statements.append(i->sql);
    for (const auto &v : m_views)
        statements.append(v->sql);
    for (const auto &t : m_triggers)
        statements.append(t->sql);
    return statements;
}

SchemaSnapshot SchemaSnapshot::patched(const QSet<QString> &tables,
                                       const SchemaSnapshot &part) const
{
    SchemaSnapshot copy = *this;
    auto inTables = [&](const QString &table) { return tables.contains(table.toLower()); };
    copy.m_tables.removeIf([&](auto it) { return tables.contains(it.key()); });
    copy.m_indexes.removeIf([&](auto it) { return inTables(it.value()->table); });
    copy.m_triggers.removeIf([&](auto it) { return inTables(it.value()->table); });
    for (auto it = part.m_tables.cbegin(); it != part.m_tables.cend(); ++it)
        copy.m_tables.insert(it.key(), it.value());
    for (auto it = part.m_indexes.cbegin(); it != part.m_indexes.cend(); ++it)
        copy.m_indexes.insert(it.key(), it.value());
    for (auto it = part.m_views.cbegin(); it != part.m_views.cend(); ++it)
        copy.m_views.insert(it.key(), it.value());
    for (auto it = part.m_triggers.cbegin(); it != part.m_triggers.cend(); ++it)
        copy.m_triggers.insert(it.key(), it.value());
    copy.finish();
    return copy;
}

QStringList SchemaSnapshot::createStatementsFor(const QSet<QString> &tables) const
{
    QStringList statements;
    for (const QString &table : tables)
        if (const SchemaTable *t = this->table(table))
            statements.append(t->sql);
    for (const auto &i : m_indexes)
        if (tables.contains(i->table.toLower()))
            statements.append(i->sql);
    for (const auto &t : m_triggers)
        if (tables.contains(t->table.toLower()))
            statements.append(t->sql);
    return statements;
}

SchemaSnapshot SchemaSnapshot::withoutTablesPrefixed(const QString &prefix) const
{
    SchemaSnapshot copy = *this;
    const QString p = prefix.toLower();
    copy.m_tables.removeIf([&](auto it) { return it.key().startsWith(p); });
    copy.m_indexes.removeIf([&](auto it) { return it.value()->table.toLower().startsWith(p); });
    copy.m_triggers.removeIf([&](auto it) { return it.value()->table.toLower().startsWith(p); });
    copy.finish();
    return copy;
}

} // namespace retort
