// The static translator: revision files in, Alembic's SQLite statements out.
//
// Golden files: tests/data/translator/<case>.py is a revision, <case>.setup.sql the
// schema it starts from, <case>.upgrade.sql / <case>.downgrade.sql what the real
// Alembic 1.8.1 ran for it (made by regenerate.py in that folder).

#include "pythonast.h"
#include "sqlrenderer.h"
#include "sqltranslator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

QString translatorData(const QString &name)
{
    return QStringLiteral(RETORT_TEST_DATA) + u"/translator/"_s + name;
}

// Where Alembic iterates a Python set the order differs from run to run: the
// constraints of a CREATE TABLE (after the columns) and runs of CREATE INDEX.
QString normaliseCreateTable(const QString &statement)
{
    if (!statement.startsWith(u"CREATE TABLE "))
        return statement;
    const qsizetype open = statement.indexOf(u" (\n");
    const qsizetype close = statement.lastIndexOf(u"\n)");
    if (open < 0 || close < open)
        return statement;
    const QStringList items = statement.mid(open + 3, close - open - 3).split(u", \n"_s);
    QStringList columns;
    QStringList constraints;
    static const QStringList constraintStarts = {u"PRIMARY KEY"_s, u"UNIQUE"_s, u"CHECK"_s,
                                                 u"FOREIGN KEY"_s, u"CONSTRAINT "_s};
    for (const QString &item : items) {
        const QString trimmed = item.trimmed();
        const bool isConstraint =
            std::any_of(constraintStarts.begin(), constraintStarts.end(),
                        [&](const QString &start) { return trimmed.startsWith(start); });
        (isConstraint ? constraints : columns).append(item);
    }
    std::sort(constraints.begin(), constraints.end());
    return statement.left(open + 3) + (columns + constraints).join(u", \n"_s) +
           statement.mid(close);
}

QStringList normalise(const QStringList &statements)
{
    QStringList out;
    for (const QString &statement : statements)
        out.append(normaliseCreateTable(SqlRenderer::offlineText(statement)));
    for (qsizetype i = 0; i < out.size();) {
        qsizetype end = i;
        while (end < out.size() && (out[end].startsWith(u"CREATE INDEX ") ||
                                    out[end].startsWith(u"CREATE UNIQUE INDEX ")))
            ++end;
        std::sort(out.begin() + i, out.begin() + end);
        i = end > i ? end : i + 1;
    }
    return out;
}

QStringList goldenStatements(const QString &path)
{
    QStringList statements = readFile(path).split(u";\n\n"_s);
    statements.removeAll(QString());
    for (QString &statement : statements)
        statement = statement.trimmed();
    statements.removeAll(QString());
    return statements;
}

class ScratchDatabase
{
public:
    ScratchDatabase()
    {
        static int counter = 0;
        m_name = u"scratch"_s + QString::number(++counter);
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        m_db.setDatabaseName(u":memory:"_s);
        m_db.open();
    }
    ~ScratchDatabase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    QSqlDatabase &db() { return m_db; }

    bool runScript(const QString &script, QString *error)
    {
        QSqlQuery query(m_db);
        for (const QString &chunk : script.split(u";\n"_s)) {
            if (chunk.trimmed().isEmpty())
                continue;
            if (!query.exec(chunk)) {
                *error = query.lastError().text() + u": "_s + chunk;
                return false;
            }
        }
        return true;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
};

Translation translateSource(const QString &body,
                            SqlTranslator::Direction direction = SqlTranslator::Direction::Upgrade)
{
    return SqlTranslator::translate(body, direction);
}

QString revision(const QString &upgradeBody, const QString &imports = QString())
{
    return u"\"\"\"doc\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n"_s + imports +
           u"\nrevision = 'abc'\ndown_revision = None\n\ndef upgrade():\n"_s + upgradeBody +
           u"\n\ndef downgrade():\n    pass\n"_s;
}

} // namespace

class TestSqlTranslator : public QObject
{
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void untranslatable_data();
    void untranslatable();
    void pythonSyntax_data();
    void pythonSyntax();
    void neverHalfTranslated();
    void executeInsideBatchRunsFirst();
    void bulkInsertRowsFollowTheFirst();
    void bulkInsertLiterals_data();
    void bulkInsertLiterals();
    void destructive_data();
    void destructive();
    void rebuildDestructiveFlag();
    void renderErrors_data();
    void renderErrors();
    void expressionIndexWarning();
    void quoteIdentifier_data();
    void quoteIdentifier();
    void performance();
};

void TestSqlTranslator::golden_data()
{
    QTest::addColumn<QString>("caseName");
    const QDir dir(translatorData(QString()));
    const QStringList files = dir.entryList({u"*.upgrade.sql"_s}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty());
    for (const QString &file : files) {
        const QString name = file.chopped(int(qstrlen(".upgrade.sql")));
        QTest::newRow(qPrintable(name)) << name;
    }
}

void TestSqlTranslator::golden()
{
    QFETCH(QString, caseName);
    const QString source = readFile(translatorData(caseName + u".py"_s));
    QVERIFY(!source.isEmpty());
    ScratchDatabase scratch;
    const QString setup = readFile(translatorData(caseName + u".setup.sql"_s));
    QString error;
    QVERIFY2(scratch.runScript(setup, &error), qPrintable(error));

    for (const auto direction :
         {SqlTranslator::Direction::Upgrade, SqlTranslator::Direction::Downgrade}) {
        const bool up = direction == SqlTranslator::Direction::Upgrade;
        const Translation translation = SqlTranslator::translate(source, direction);
        QVERIFY2(translation.translatable,
                 qPrintable(u"line %1: %2"_s.arg(translation.line).arg(translation.reason)));
        QString renderError;
        const QStringList rendered =
            SqlRenderer::renderAll(translation.ops, scratch.db(), &renderError);
        QVERIFY2(renderError.isEmpty(), qPrintable(renderError));
        const QStringList expected = goldenStatements(
            translatorData(caseName + (up ? u".upgrade.sql"_s : u".downgrade.sql"_s)));
        QCOMPARE(normalise(rendered).join(u";\n\n"_s), normalise(expected).join(u";\n\n"_s));
    }
}

void TestSqlTranslator::untranslatable_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");

    // revision(): the body starts on line 9.
    QTest::newRow("for loop") << revision(u"    for t in ['a', 'b']:\n        op.drop_table(t)"_s)
                              << 9 << u"'for' statement"_s;
    QTest::newRow("if") << revision(u"    op.drop_table('a')\n    if True:\n        pass"_s) << 10
                        << u"'if' statement"_s;
    QTest::newRow("get_bind") << revision(u"    conn = op.get_bind()"_s) << 9
                              << u"op.get_bind() needs a database connection"_s;
    QTest::newRow("conn.execute")
        << revision(u"    op.drop_table('a')\n    conn.execute('DELETE FROM a')"_s) << 10
        << u"unknown name 'conn'"_s;
    QTest::newRow("helper call") << revision(u"    _helper()\n"_s) << 9
                                 << u"unknown name '_helper'"_s;
    QTest::newRow("unknown type") << revision(u"    op.add_column('a', sa.Column('x', MyType()))"_s)
                                  << 9 << u"unknown name 'MyType'"_s;
    QTest::newRow("unknown sa type")
        << revision(u"    op.add_column('a', sa.Column('x', sa.ARRAY(sa.Integer())))"_s) << 9
        << u"sqlalchemy.ARRAY is not supported"_s;
    QTest::newRow("postgresql type")
        << revision(u"    op.add_column('a', sa.Column('x', postgresql.UUID()))"_s,
                    u"from sqlalchemy.dialects import postgresql\n"_s)
        << 10 << u"UUID is not supported on SQLite"_s;
    QTest::newRow("f-string") << revision(
                                     u"    name = 'a'\n    op.execute(f'DELETE FROM {name}')"_s)
                              << 10 << u"f-string is not supported"_s;
    QTest::newRow("operator") << revision(u"    op.execute('DELETE FROM ' + 'a')"_s) << 9
                              << u"'+' operator is not supported"_s;
    QTest::newRow("comprehension")
        << revision(u"    op.bulk_insert(sa.table('t'), [{'id': i} for i in range(3)])"_s) << 9
        << u"list comprehension is not supported"_s;
    QTest::newRow("lambda") << revision(u"    f = lambda x: x"_s) << 9 << u"lambda"_s;
    QTest::newRow("datetime value")
        << revision(u"    t = sa.table('a', sa.column('d', sa.Date))\n"
                    u"    op.bulk_insert(t, [{'d': datetime.date(2024, 1, 2)}])"_s,
                    u"import datetime\n"_s)
        << 11 << u"datetime.date"_s;
    QTest::newRow("server_default number")
        << revision(u"    op.add_column('a', sa.Column('x', sa.Integer(), server_default=0))"_s)
        << 9 << u"server_default must be a string"_s;
    QTest::newRow("constraint outside batch")
        << revision(u"    op.create_foreign_key('fk', 'a', 'b', ['x'], ['id'])"_s) << 9
        << u"No support for ALTER of constraints"_s;
    QTest::newRow("add_column with ForeignKey outside batch")
        << revision(u"    op.add_column('a', sa.Column('b_id', sa.Integer(), "
                    u"sa.ForeignKey('b.id')))"_s)
        << 9 << u"No support for ALTER of constraints"_s;
    QTest::newRow("alter_column type outside batch")
        << revision(u"    op.alter_column('a', 'x', type_=sa.Text())"_s) << 9
        << u"can only rename a column"_s;
    QTest::newRow("alter_column comment outside batch")
        << revision(u"    op.alter_column('a', 'x', comment='why')"_s) << 9
        << u"can only rename a column"_s;
    QTest::newRow("unnamed constraint in batch")
        << revision(u"    with op.batch_alter_table('a') as batch_op:\n"
                    u"        batch_op.create_unique_constraint(None, ['x'])"_s)
        << 9 << u"must have a name"_s;
    QTest::newRow("unnamed foreign key in batch add_column")
        << revision(u"    with op.batch_alter_table('a') as batch_op:\n"
                    u"        batch_op.add_column(sa.Column('b_id', sa.Integer(), "
                    u"sa.ForeignKey('b.id')))"_s)
        << 9 << u"must have a name"_s;
    QTest::newRow("bind parameter") << revision(u"    op.execute(\"UPDATE a SET x = :value\")"_s)
                                    << 9 << u"bind parameter ':value'"_s;
    QTest::newRow("two statements") << revision(u"    op.execute('DELETE FROM a; DELETE FROM b')"_s)
                                    << 9 << u"more than one SQL statement"_s;
    QTest::newRow("Boolean create_constraint")
        << revision(u"    op.add_column('a', sa.Column('x', sa.Boolean(create_constraint=True)))"_s)
        << 9 << u"create_constraint=True"_s;
    QTest::newRow("python enum") << revision(
                                        u"    op.add_column('a', sa.Column('x', sa.Enum(Color)))"_s)
                                 << 9 << u"unknown name 'Color'"_s;
    QTest::newRow("return") << revision(u"    return"_s) << 9 << u"'return' statement"_s;
    QTest::newRow("try") << revision(
                                u"    try:\n        pass\n    except Exception:\n        pass"_s)
                         << 9 << u"'try' statement"_s;
    QTest::newRow("schema") << revision(u"    op.drop_table('a', schema='other')"_s) << 9
                            << u"schema=other is not supported"_s;
    QTest::newRow("batch copy_from")
        << revision(u"    with op.batch_alter_table('a', copy_from=t) as b:\n        pass"_s) << 9
        << u"unknown name 't'"_s;
    QTest::newRow("unterminated string")
        << revision(u"    op.execute('abc)\n"_s) << 9 << u"unterminated string"_s;
    QTest::newRow("no downgrade body construct is checked for upgrade")
        << u"from alembic import op\ndef upgrade():\n    op.drop_table('a')\n"
           u"def downgrade():\n    for x in y:\n        pass\n"_s
        << -1 << QString();
}

void TestSqlTranslator::untranslatable()
{
    QFETCH(QString, source);
    QFETCH(int, line);
    QFETCH(QString, reason);
    const Translation translation = translateSource(source);
    if (line < 0) {
        QVERIFY2(translation.translatable, qPrintable(translation.reason));
        return;
    }
    QVERIFY(!translation.translatable);
    QVERIFY(translation.ops.isEmpty());
    QVERIFY2(translation.reason.contains(reason), qPrintable(translation.reason));
    QCOMPARE(translation.line, line);
}

void TestSqlTranslator::pythonSyntax_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("statements");

    QTest::newRow("implicit concatenation, raw and triple-quoted strings")
        << revision(u"    op.execute('UPDATE a '\n               \"SET b = 1\")\n"
                    u"    op.execute(r'''UPDATE a SET c = '\\n' ''')\n"
                    u"    op.execute(\"\"\"DELETE\n  FROM a\"\"\")"_s)
        << QStringList{u"UPDATE a SET b = 1"_s, u"UPDATE a SET c = '\\n' "_s,
                       u"DELETE\n  FROM a"_s};
    QTest::newRow("escapes") << revision(u"    op.execute('SELECT \\'\\u00e9\\x41\\t\\101\\'')"_s)
                             << QStringList{u"SELECT '\u00e9A\tA'"_s};
    QTest::newRow("comments, docstring, pass, semicolons")
        << revision(u"    \"\"\"Docstring.\"\"\"\n"
                    u"    # ### commands auto generated by Alembic - please adjust! ###\n"
                    u"    pass  # nothing\n"
                    u"    op.drop_table('a'); op.drop_table('b')  # two\n"
                    u"    # ### end Alembic commands ###"_s)
        << QStringList{u"DROP TABLE a"_s, u"DROP TABLE b"_s};
    QTest::newRow("one-line def with annotation")
        << u"from alembic import op\n\ndef upgrade() -> None: op.drop_table('a')\n"_s
        << QStringList{u"DROP TABLE a"_s};
    QTest::newRow("from imports and aliases")
        << u"from alembic import op as o\nfrom sqlalchemy import Column, Integer as Int\n"
           u"import sqlalchemy.types\n"
           u"def upgrade():\n    o.add_column('t', Column('x', Int, nullable=False, "
           u"server_default='5'))\n    o.add_column('t', sqlalchemy.Column('y', "
           u"sqlalchemy.types.String(5)))\n"_s
        << QStringList{u"ALTER TABLE t ADD COLUMN x INTEGER DEFAULT '5' NOT NULL"_s,
                       u"ALTER TABLE t ADD COLUMN y VARCHAR(5)"_s};
    QTest::newRow("byte order mark, CRLF and tab indentation")
        << u"\uFEFFfrom alembic import op\r\ndef upgrade():\r\n\top.drop_table('a')\r\n"_s
        << QStringList{u"DROP TABLE a"_s};
    QTest::newRow("continuation lines and trailing commas")
        << revision(u"    op.rename_table(\\\n        'a',\n        'b',\n    )"_s)
        << QStringList{u"ALTER TABLE a RENAME TO b"_s};
    QTest::newRow("sqlmodel and Uuid")
        << revision(u"    op.add_column('t', sa.Column('s', sqlmodel.sql.sqltypes.AutoString()))\n"
                    u"    op.add_column('t', sa.Column('n', sqlmodel.AutoString(length=9)))\n"
                    u"    op.add_column('t', sa.Column('u', sa.Uuid()))"_s,
                    u"import sqlmodel\n"_s)
        << QStringList{u"ALTER TABLE t ADD COLUMN s VARCHAR"_s,
                       u"ALTER TABLE t ADD COLUMN n VARCHAR(9)"_s,
                       u"ALTER TABLE t ADD COLUMN u CHAR(32)"_s};
    QTest::newRow("create_table result used by bulk_insert")
        << revision(u"    t = op.create_table('t', sa.Column('id', sa.Integer, primary_key=True),\n"
                    u"                        sa.Column('on', sa.Boolean))\n"
                    u"    op.bulk_insert(t, [{'id': 0x10, 'on': True}])"_s)
        << QStringList{u"CREATE TABLE t (\n\tid INTEGER NOT NULL, \n\t\"on\" BOOLEAN, \n\t"
                       u"PRIMARY KEY (id)\n)"_s,
                       u"INSERT INTO t (id, \"on\") VALUES (16, 1)"_s};
    QTest::newRow("sa.Table with MetaData for bulk_insert")
        << revision(u"    meta = sa.MetaData()\n"
                    u"    t = sa.Table('t', meta, sa.Column('id', sa.Integer), "
                    u"sa.Column('v', sa.Text))\n"
                    u"    op.bulk_insert(t, [{'v': 'x', 'id': -1}], multiinsert=False)"_s)
        << QStringList{u"INSERT INTO t (id, v) VALUES (-1, 'x')"_s};
    QTest::newRow("alter_column rename only")
        << revision(
               u"    op.alter_column('t', 'a', new_column_name='b', existing_type=sa.Integer(),\n"
               u"                    existing_nullable=True, existing_server_default=None)"_s)
        << QStringList{u"ALTER TABLE t RENAME a TO b"_s};
}

void TestSqlTranslator::pythonSyntax()
{
    QFETCH(QString, source);
    QFETCH(QStringList, statements);
    const Translation translation = translateSource(source);
    QVERIFY2(translation.translatable,
             qPrintable(u"line %1: %2"_s.arg(translation.line).arg(translation.reason)));
    struct NoSchema : SchemaReflector
    {
        bool tableExists(const QString &) const override { return false; }
        QString tableSql(const QString &) const override { return {}; }
        QList<Column> columns(const QString &) const override { return {}; }
        QList<ForeignKey> foreignKeys(const QString &) const override { return {}; }
        QList<Index> indexes(const QString &) const override { return {}; }
    } schema;
    QStringList rendered;
    for (const MigrationOp &op : translation.ops) {
        QString error;
        rendered += SqlRenderer::render(op, schema, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    QCOMPARE(rendered, statements);
}

void TestSqlTranslator::neverHalfTranslated()
{
    const Translation translation = translateSource(
        revision(u"    op.drop_table('a')\n    op.drop_table('b')\n    op.get_bind()"_s));
    QVERIFY(!translation.translatable);
    QVERIFY(translation.ops.isEmpty());
    QCOMPARE(translation.line, 11);
}

void TestSqlTranslator::executeInsideBatchRunsFirst()
{
    // Alembic runs statements of the with-block at once and the batch at its end.
    const Translation translation =
        translateSource(revision(u"    with op.batch_alter_table('a') as batch_op:\n"
                                 u"        batch_op.add_column(sa.Column('x', sa.Integer()))\n"
                                 u"        op.execute('UPDATE a SET y = 1')\n"
                                 u"        batch_op.execute('UPDATE a SET y = 2')"_s));
    QVERIFY2(translation.translatable, qPrintable(translation.reason));
    QCOMPARE(translation.ops.size(), 3);
    QCOMPARE(translation.ops[0].name(), u"execute"_s);
    QCOMPARE(translation.ops[1].name(), u"execute"_s);
    QCOMPARE(translation.ops[2].name(), u"batch_alter_table"_s);
    QCOMPARE(translation.ops[2].line, 9);
    const auto &batch = std::get<BatchOp>(translation.ops[2].operation);
    QVERIFY(!batch.requiresRecreate());
}

void TestSqlTranslator::bulkInsertRowsFollowTheFirst()
{
    // Online, Alembic's executemany() takes its columns from the first row: later rows
    // lose other keys, and a row without one of them fails.
    const QString table = u"    t = sa.table('t', sa.column('a', sa.Integer), "
                          u"sa.column('b', sa.Integer))\n"_s;
    const Translation dropped =
        translateSource(revision(table + u"    op.bulk_insert(t, [{'a': 1}, {'a': 2, 'b': 3}])"_s));
    QVERIFY2(dropped.translatable, qPrintable(dropped.reason));
    const auto &insert = std::get<BulkInsertOp>(dropped.ops.first().operation);
    QCOMPARE(insert.rows.size(), 2);
    QVERIFY(!insert.rows[1][1].has_value());

    const Translation missing =
        translateSource(revision(table + u"    op.bulk_insert(t, [{'a': 1, 'b': 2}, {'a': 2}])"_s));
    QVERIFY(!missing.translatable);
    QVERIFY(missing.reason.contains(u"parameter group 1"_s));

    const Translation separate = translateSource(revision(
        table + u"    op.bulk_insert(t, [{'a': 1}, {'a': 2, 'b': 3}], multiinsert=False)"_s));
    QVERIFY2(separate.translatable, qPrintable(separate.reason));
    QCOMPARE(std::get<BulkInsertOp>(separate.ops.first().operation).rows[1][1]->text, u"3"_s);
}

void TestSqlTranslator::bulkInsertLiterals_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("sql"); // empty: SQLAlchemy cannot render it

    QTest::newRow("integer") << u"sa.Integer"_s << u"42"_s << u"42"_s;
    QTest::newRow("integer from bool") << u"sa.Integer"_s << u"True"_s << u"1"_s;
    QTest::newRow("integer from float") << u"sa.Integer"_s << u"1.7"_s << u"1"_s;
    QTest::newRow("integer from str") << u"sa.Integer"_s << u"' 5'"_s << u"5"_s;
    QTest::newRow("integer from bad str") << u"sa.Integer"_s << u"'x'"_s << QString();
    QTest::newRow("big integer") << u"sa.BigInteger"_s << u"2**3"_s << QString();
    QTest::newRow("float repr") << u"sa.Float"_s << u"1.0"_s << u"1.0"_s;
    QTest::newRow("float exponent") << u"sa.Float"_s << u"1e16"_s << u"1e+16"_s;
    QTest::newRow("float small") << u"sa.Float"_s << u"0.00001"_s << u"1e-05"_s;
    QTest::newRow("float fixed") << u"sa.Float"_s << u"1e15"_s << u"1000000000000000.0"_s;
    QTest::newRow("numeric str") << u"sa.Numeric(10, 2)"_s << u"'2.50'"_s << u"2.50"_s;
    QTest::newRow("string") << u"sa.String"_s << u"\"it's\""_s << u"'it''s'"_s;
    QTest::newRow("string from int") << u"sa.String"_s << u"5"_s << QString();
    QTest::newRow("boolean") << u"sa.Boolean"_s << u"False"_s << u"0"_s;
    QTest::newRow("boolean from 1") << u"sa.Boolean"_s << u"1"_s << u"1"_s;
    QTest::newRow("boolean from str") << u"sa.Boolean"_s << u"'yes'"_s << QString();
    QTest::newRow("null anywhere") << u"sa.JSON"_s << u"None"_s << u"NULL"_s;
    QTest::newRow("json value") << u"sa.JSON"_s << u"'[]'"_s << QString();
    QTest::newRow("datetime string") << u"sa.DateTime"_s << u"'2024-01-01'"_s << QString();
    // Alembic's --sql cannot render a typeless column; online it binds the value.
    QTest::newRow("typeless str") << QString() << u"'s'"_s << u"'s'"_s;
    QTest::newRow("typeless int") << QString() << u"7"_s << u"7"_s;
}

void TestSqlTranslator::bulkInsertLiterals()
{
    QFETCH(QString, type);
    QFETCH(QString, value);
    QFETCH(QString, sql);
    const QString column =
        type.isEmpty() ? u"sa.column('c')"_s : u"sa.column('c', "_s + type + u')';
    const Translation translation =
        translateSource(revision(u"    t = sa.table('t', "_s + column +
                                 u")\n    op.bulk_insert(t, [{'c': "_s + value + u"}])"_s));
    if (sql.isEmpty()) {
        QVERIFY(!translation.translatable);
        QCOMPARE(translation.line, 10);
        return;
    }
    QVERIFY2(translation.translatable, qPrintable(translation.reason));
    struct NoSchema : SchemaReflector
    {
        bool tableExists(const QString &) const override { return false; }
        QString tableSql(const QString &) const override { return {}; }
        QList<Column> columns(const QString &) const override { return {}; }
        QList<ForeignKey> foreignKeys(const QString &) const override { return {}; }
        QList<Index> indexes(const QString &) const override { return {}; }
    } schema;
    QCOMPARE(SqlRenderer::render(translation.ops.first(), schema),
             QStringList{u"INSERT INTO t (c) VALUES ("_s + sql + u')'});
}

void TestSqlTranslator::destructive_data()
{
    QTest::addColumn<QString>("statement");
    QTest::addColumn<bool>("destructive");
    QTest::newRow("drop table") << u"DROP TABLE account"_s << true;
    QTest::newRow("drop quoted table") << u"DROP TABLE \"order\""_s << true;
    QTest::newRow("drop temp table") << u"DROP TABLE _alembic_tmp_account"_s << false;
    QTest::newRow("drop column") << u"ALTER TABLE account DROP COLUMN email"_s << true;
    QTest::newRow("drop index") << u"DROP INDEX ix_account_name"_s << false;
    QTest::newRow("rename") << u"ALTER TABLE a RENAME TO b"_s << false;
    QTest::newRow("create") << u"CREATE TABLE drop_table (id INTEGER)"_s << false;
    QTest::newRow("add column named drop")
        << u"ALTER TABLE t ADD COLUMN \"drop\" INTEGER"_s << false;
}

void TestSqlTranslator::destructive()
{
    QFETCH(QString, statement);
    QFETCH(bool, destructive);
    QCOMPARE(SqlRenderer::isDestructive(statement), destructive);
}

void TestSqlTranslator::rebuildDestructiveFlag()
{
    ScratchDatabase scratch;
    QString error;
    QVERIFY(scratch.runScript(u"CREATE TABLE a (id INTEGER NOT NULL, x INTEGER, y INTEGER, "
                              u"PRIMARY KEY (id));\n"_s,
                              &error));
    const SqliteSchemaReflector schema(scratch.db());
    auto flags = [&](const QString &body) {
        const Translation translation = translateSource(revision(body));
        QList<bool> out;
        for (const RenderedStatement &statement :
             SqlRenderer::renderStatements(translation.ops.value(0), schema).statements)
            out.append(statement.destructive);
        return out;
    };
    // Changing a type rebuilds the table without losing a column.
    QCOMPARE(flags(u"    with op.batch_alter_table('a') as b:\n"
                   u"        b.alter_column('x', type_=sa.Text())"_s),
             (QList<bool>{false, false, false, false}));
    // Dropping one loses its data at the DROP TABLE.
    QCOMPARE(flags(u"    with op.batch_alter_table('a') as b:\n        b.drop_column('y')"_s),
             (QList<bool>{false, false, true, false}));
}

void TestSqlTranslator::renderErrors_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("no such table") << u"    with op.batch_alter_table('nope') as b:\n"
                                      u"        b.drop_column('x')"_s
                                   << u"no such table: 'nope'"_s;
    QTest::newRow("no such column") << u"    with op.batch_alter_table('a') as b:\n"
                                       u"        b.drop_column('nope')"_s
                                    << u"has no column 'nope'"_s;
    QTest::newRow("no such index") << u"    with op.batch_alter_table('a') as b:\n"
                                      u"        b.drop_column('x')\n"
                                      u"        b.drop_index('ix_nope')"_s
                                   << u"No such index: 'ix_nope'"_s;
    QTest::newRow("no such constraint") << u"    with op.batch_alter_table('a') as b:\n"
                                           u"        b.drop_constraint('uq_nope')"_s
                                        << u"No such constraint: 'uq_nope'"_s;
}

void TestSqlTranslator::renderErrors()
{
    QFETCH(QString, body);
    QFETCH(QString, error);
    ScratchDatabase scratch;
    QString setupError;
    QVERIFY(scratch.runScript(u"CREATE TABLE a (id INTEGER NOT NULL, x INTEGER, "
                              u"PRIMARY KEY (id));\n"_s,
                              &setupError));
    const Translation translation = translateSource(revision(body));
    QVERIFY2(translation.translatable, qPrintable(translation.reason));
    const RenderResult result =
        SqlRenderer::renderStatements(translation.ops.first(), SqliteSchemaReflector(scratch.db()));
    QVERIFY(!result);
    QVERIFY(result.statements.isEmpty());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
}

void TestSqlTranslator::expressionIndexWarning()
{
    ScratchDatabase scratch;
    QString error;
    QVERIFY(scratch.runScript(u"CREATE TABLE a (id INTEGER NOT NULL, x TEXT, PRIMARY KEY (id));\n"
                              u"CREATE INDEX ix_a_lower ON a (lower(x));\n"_s,
                              &error));
    const Translation translation = translateSource(revision(
        u"    with op.batch_alter_table('a') as b:\n        b.alter_column('x', nullable=False)"_s));
    const RenderResult result =
        SqlRenderer::renderStatements(translation.ops.first(), SqliteSchemaReflector(scratch.db()));
    QVERIFY(result);
    QCOMPARE(result.warnings.size(), 1);
    QVERIFY(result.warnings.first().contains(u"ix_a_lower"_s));
}

void TestSqlTranslator::quoteIdentifier_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << u"account_2"_s << u"account_2"_s;
    QTest::newRow("reserved") << u"order"_s << u"\"order\""_s;
    QTest::newRow("upper case") << u"Name"_s << u"\"Name\""_s;
    QTest::newRow("space") << u"a b"_s << u"\"a b\""_s;
    QTest::newRow("digit first") << u"1st"_s << u"\"1st\""_s;
    QTest::newRow("dollar") << u"a$b"_s << u"a$b"_s;
    QTest::newRow("quote inside") << u"a\"b"_s << u"\"a\"\"b\""_s;
}

void TestSqlTranslator::quoteIdentifier()
{
    QFETCH(QString, name);
    QFETCH(QString, quoted);
    QCOMPARE(SqlRenderer::quoteIdentifier(name), quoted);
}

void TestSqlTranslator::performance()
{
    // The bodies gen_alembic_history.py writes, 5000 times.
    QStringList sources;
    for (int n = 0; n < 5000; ++n) {
        QString body;
        if (n % 3 == 0)
            body = u"    op.create_table(\n        \"t%1\",\n"
                   u"        sa.Column(\"id\", sa.Integer(), nullable=False),\n"
                   u"        sa.Column(\"name\", sa.String(length=64), nullable=False),\n"
                   u"        sa.Column(\"created_at\", sa.DateTime(), nullable=True),\n"
                   u"        sa.PrimaryKeyConstraint(\"id\"),\n    )\n"
                   u"    op.create_index(op.f(\"ix_t%1_name\"), \"t%1\", [\"name\"], "
                   u"unique=False)"_s.arg(n);
        else if (n % 3 == 1)
            body =
                u"    op.add_column(\"t1\", sa.Column(\"c%1\", sa.Integer(), nullable=True))"_s.arg(
                    n);
        else
            body = u"    with op.batch_alter_table(\"t1\") as batch_op:\n"
                   u"        batch_op.drop_column(\"c%1\")"_s.arg(n);
        sources.append(
            u"\"\"\"step %1\n\nRevision ID: %2\n\"\"\"\n"_s.arg(n).arg(n, 12, 16, QChar(u'0')) +
            revision(body));
    }
    QElapsedTimer timer;
    timer.start();
    int ops = 0;
    for (const QString &source : std::as_const(sources)) {
        const Translation up = SqlTranslator::translate(source, SqlTranslator::Direction::Upgrade);
        const Translation down =
            SqlTranslator::translate(source, SqlTranslator::Direction::Downgrade);
        QVERIFY(up.translatable && down.translatable);
        ops += int(up.ops.size());
    }
    const qint64 elapsed = timer.elapsed();
    qInfo("translated 5000 revisions (both directions, %d ops) in %lld ms", ops, elapsed);
#ifdef __OPTIMIZE__
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
#else
    // Without optimisation Qt's inline code is several times slower; only catch blow-ups.
    QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
#endif
}

QTEST_GUILESS_MAIN(TestSqlTranslator)
#include "tst_sqltranslator.moc"
