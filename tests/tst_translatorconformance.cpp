// The translator against the real Alembic, step by step.
//
// For a project, tests/data/translator/alembic_steps.py upgrades a database A
// from base to the heads and back to base with Alembic 1.8.1, one revision per
// step, keeping a copy of A after every step. This test replays the same steps
// in a database B with Retort's SQL (each revision translated statically, each
// op rendered against B as it is at that moment, each step in one transaction
// with foreign keys off) and after every step compares A and B: sqlite_master
// (constraint order inside CREATE TABLE aside, which Alembic takes from a Python
// set), every table's PRAGMA table_xinfo, index_list, index_xinfo,
// foreign_key_list, and the rows. The alembic_version table is Alembic's own
// bookkeeping and is left out. Run against SQLAlchemy 2 (the Debian 13 stage),
// the one documented rendering difference is compared loosely: see
// withoutParenthesesAroundWordDefaults().

#include "sqlrenderer.h"
#include "sqltranslator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString python = u"/usr/bin/python3"_s;

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (source.contains(u"__pycache__"))
            continue;
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
    }
    return true;
}

// Splits the body of a CREATE TABLE at top-level commas; the constraints (the
// items after the columns) are sorted, the columns keep their order.
QString normaliseTableSql(const QString &sql)
{
    if (!sql.startsWith(u"CREATE TABLE", Qt::CaseInsensitive))
        return sql;
    const qsizetype open = sql.indexOf(u'(');
    const qsizetype close = sql.lastIndexOf(u')');
    if (open < 0 || close < open)
        return sql;
    QStringList items;
    int depth = 0;
    QChar quote;
    qsizetype start = open + 1;
    for (qsizetype i = open + 1; i < close; ++i) {
        const QChar c = sql[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'\'' || c == u'"') {
            quote = c;
        } else if (c == u'(') {
            ++depth;
        } else if (c == u')') {
            --depth;
        } else if (c == u',' && depth == 0) {
            items.append(sql.mid(start, i - start).trimmed());
            start = i + 1;
        }
    }
    items.append(sql.mid(start, close - start).trimmed());
    QStringList columns;
    QStringList constraints;
    static const QStringList starts = {u"PRIMARY KEY"_s, u"UNIQUE"_s, u"CHECK"_s, u"FOREIGN KEY"_s,
                                       u"CONSTRAINT"_s};
    for (const QString &item : std::as_const(items)) {
        const bool isConstraint = std::any_of(starts.begin(), starts.end(), [&](const QString &s) {
            return item.startsWith(s, Qt::CaseInsensitive);
        });
        (isConstraint ? constraints : columns).append(item);
    }
    std::sort(constraints.begin(), constraints.end());
    return sql.left(open + 1) + (columns + constraints).join(u" | "_s) + sql.mid(close);
}

// The one way SQLAlchemy 2.0 (the Debian 13 test stage) writes a table
// differently from 1.4, the reference: 1.4 puts every SQL-expression server
// default in parentheses (server_default=sa.true() is "DEFAULT (1)",
// sa.func.now() "DEFAULT (CURRENT_TIMESTAMP)"), 2.0 only those that are not a
// single word (SQLiteDDLCompiler.get_column_specification), so "DEFAULT 1".
// Retort writes what 1.4 writes; with SQLAlchemy 2 both databases are compared
// with that one redundant pair of parentheses dropped, in the table's SQL and
// in PRAGMA table_xinfo's dflt_value.
QString withoutParenthesesAroundWordDefaults(QString sql)
{
    static const QRegularExpression wordDefault(u"\\bDEFAULT \\((\\w+)\\)"_s);
    return sql.replace(wordDefault, u"DEFAULT \\1"_s);
}

QString withoutParenthesesAroundWord(const QString &defaultValue)
{
    static const QRegularExpression word(u"^\\((\\w+)\\)$"_s);
    const QRegularExpressionMatch match = word.match(defaultValue);
    return match.hasMatch() ? match.captured(1) : defaultValue;
}

QString cell(const QVariant &value)
{
    if (value.isNull())
        return u"NULL"_s;
    // CURRENT_TIMESTAMP defaults differ by the seconds between the two runs.
    static const QRegularExpression timestamp(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d$"_s);
    const QString text = value.toString();
    if (timestamp.match(text).hasMatch())
        return u"<current timestamp>"_s;
    return QString::fromLatin1(value.typeName()) + u':' + text;
}

QList<QStringList> rows(const QSqlDatabase &db, const QString &sql)
{
    QList<QStringList> out;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        out.append({u"ERROR "_s + query.lastError().text()});
        return out;
    }
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(cell(query.value(i)));
        out.append(row);
    }
    return out;
}

QString quoted(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

QStringList dumpSchema(const QSqlDatabase &db, bool sqlalchemy2Defaults)
{
    QStringList lines;
    QStringList tables;
    QSqlQuery master(db);
    master.exec(u"SELECT type, name, tbl_name, sql FROM sqlite_master "
                u"WHERE tbl_name <> 'alembic_version' ORDER BY type, name"_s);
    while (master.next()) {
        const QString type = master.value(0).toString();
        const QString name = master.value(1).toString();
        QString sql = master.value(3).toString();
        if (sqlalchemy2Defaults && type == u"table")
            sql = withoutParenthesesAroundWordDefaults(sql);
        lines.append(u"master "_s + type + u' ' + name + u" on "_s + master.value(2).toString() +
                     u": "_s + normaliseTableSql(sql));
        if (type == u"table")
            tables.append(name);
    }
    for (const QString &table : std::as_const(tables)) {
        for (QStringList row : rows(db, u"PRAGMA table_xinfo("_s + quoted(table) + u')')) {
            // cid, name, type, notnull, dflt_value, pk, hidden
            if (sqlalchemy2Defaults && row.size() > 4 && row[4].startsWith(u"QString:"))
                row[4] = u"QString:"_s + withoutParenthesesAroundWord(row[4].mid(8));
            lines.append(u"column "_s + table + u": "_s + row.join(u", "_s));
        }
        QList<QStringList> indexes = rows(db, u"PRAGMA index_list("_s + quoted(table) + u')');
        for (QStringList &index : indexes)
            index.removeFirst(); // seq: creation order, which Alembic takes from a set
        std::sort(indexes.begin(), indexes.end());
        for (const QStringList &index : std::as_const(indexes)) {
            lines.append(u"index "_s + table + u": "_s + index.join(u", "_s));
            const QString name = index.value(0).section(u':', 1);
            for (const QStringList &info : rows(db, u"PRAGMA index_xinfo("_s + quoted(name) + u')'))
                lines.append(u"  index column "_s + name + u": "_s + info.join(u", "_s));
        }
        // Foreign keys grouped by id (their numbering follows declaration order).
        QMap<QString, QStringList> foreignKeys;
        for (const QStringList &row :
             rows(db, u"PRAGMA foreign_key_list("_s + quoted(table) + u')')) {
            const QString id = row.value(0);
            foreignKeys[id].append(row.mid(1).join(u", "_s));
        }
        QStringList groups;
        for (const QStringList &group : std::as_const(foreignKeys))
            groups.append(group.join(u" / "_s));
        std::sort(groups.begin(), groups.end());
        for (const QString &group : std::as_const(groups))
            lines.append(u"foreign key "_s + table + u": "_s + group);
        for (const QStringList &row :
             rows(db, u"SELECT * FROM "_s + quoted(table) + u" ORDER BY rowid"_s))
            lines.append(u"row "_s + table + u": "_s + row.join(u", "_s));
    }
    return lines;
}

struct Step
{
    QString number;
    bool upgrade = true;
    QString revision;
    QString path;
};

} // namespace

class TestTranslatorConformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void project_data();
    void project();

private:
    QString m_generator;
    bool m_sqlalchemy2 = false; // the reference run's SQLAlchemy is 2.x (see dumpSchema)
};

void TestTranslatorConformance::initTestCase()
{
    QProcess probe;
    probe.start(python,
                {u"-c"_s, u"import alembic, sqlalchemy; print(sqlalchemy.__version__)"_s});
    // Like the other conformance suites this fails, never skips, without the reference
    // (scripts/install-deps.sh installs it).
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0)
        QFAIL("the reference Alembic (/usr/bin/python3 with python3-alembic) is not installed");
    const QString sqlalchemyVersion = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
    m_sqlalchemy2 = sqlalchemyVersion.section(u'.', 0, 0).toInt() >= 2;
    if (m_sqlalchemy2)
        qInfo("SQLAlchemy %s: word server defaults compared without their parentheses",
              qPrintable(sqlalchemyVersion));
    const QStringList candidates = {QStringLiteral(RETORT_SOURCE_DIR) +
                                        u"/tests/conformance/gen_alembic_history.py"_s,
                                    u"/work/shared/tools/gen_alembic_history.py"_s};
    for (const QString &candidate : candidates) {
        if (QFileInfo::exists(candidate)) {
            m_generator = candidate;
            break;
        }
    }
}

void TestTranslatorConformance::project_data()
{
    QTest::addColumn<QString>("fixture");      // a project under tests/data/projects
    QTest::addColumn<QStringList>("generate"); // or arguments for gen_alembic_history.py
    QTest::newRow("alloperations") << u"alloperations"_s << QStringList();
    QTest::newRow("generated 60 revisions, branch every 9")
        << QString() << QStringList{u"--revisions"_s, u"60"_s, u"--branch-every"_s, u"9"_s};
}

void TestTranslatorConformance::project()
{
    QFETCH(QString, fixture);
    QFETCH(QStringList, generate);
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString projectDir = work.filePath(u"project"_s);
    QString ini;
    if (!fixture.isEmpty()) {
        QVERIFY(copyTree(QStringLiteral(RETORT_TEST_DATA) + u"/projects/"_s + fixture, projectDir));
        ini = projectDir + u"/alembic.ini"_s;
    } else {
        QVERIFY2(!m_generator.isEmpty(), "gen_alembic_history.py not found");
        QProcess generator;
        generator.start(python, QStringList{m_generator, projectDir} + generate);
        QVERIFY(generator.waitForFinished(120000));
        QCOMPARE(generator.exitCode(), 0);
        ini = projectDir + u"/alembic.ini"_s;
    }

    // Database A: the real Alembic, one step at a time.
    const QString stepsDir = work.filePath(u"steps"_s);
    QProcess alembic;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    alembic.setProcessEnvironment(environment);
    alembic.setWorkingDirectory(projectDir); // script_location may be relative
    alembic.start(python, {QStringLiteral(RETORT_TEST_DATA) + u"/translator/alembic_steps.py"_s,
                           ini, stepsDir});
    QVERIFY(alembic.waitForFinished(600000));
    QVERIFY2(alembic.exitCode() == 0, alembic.readAllStandardError().constData());

    QFile tsv(stepsDir + u"/steps.tsv"_s);
    QVERIFY(tsv.open(QIODevice::ReadOnly));
    QList<Step> steps;
    for (const QString &line : QString::fromUtf8(tsv.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u'\t');
        QCOMPARE(fields.size(), 4);
        steps.append(Step{fields[0], fields[1] == u"upgrade", fields[2], fields[3]});
    }
    QVERIFY(!steps.isEmpty());

    // Database B: Retort's SQL.
    const QString connectionB = u"conformance-b-"_s + QString::fromUtf8(QTest::currentDataTag());
    {
        QSqlDatabase b = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionB);
        b.setDatabaseName(work.filePath(u"retort.db"_s));
        QVERIFY(b.open());
        const SqliteSchemaReflector reflector(b);
        int statementsRun = 0;
        for (const Step &step : std::as_const(steps)) {
            const QString what = u"step %1 (%2 %3)"_s.arg(
                step.number, step.upgrade ? u"upgrade"_s : u"downgrade"_s, step.revision);
            QFile file(step.path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(step.path));
            const Translation translation =
                SqlTranslator::translate(QString::fromUtf8(file.readAll()),
                                         step.upgrade ? SqlTranslator::Direction::Upgrade
                                                      : SqlTranslator::Direction::Downgrade);
            QVERIFY2(translation.translatable,
                     qPrintable(what + u": line "_s + QString::number(translation.line) + u": "_s +
                                translation.reason));

            QSqlQuery query(b);
            QVERIFY(query.exec(u"PRAGMA foreign_keys=OFF"_s));
            QVERIFY(b.transaction());
            QStringList ran;
            for (const MigrationOp &op : translation.ops) {
                const RenderResult rendered = SqlRenderer::renderStatements(op, reflector);
                QVERIFY2(rendered, qPrintable(what + u": "_s + rendered.error));
                for (const RenderedStatement &statement : rendered.statements) {
                    ran.append(statement.sql);
                    QVERIFY2(query.exec(statement.sql),
                             qPrintable(what + u": "_s + query.lastError().text() + u"\n"_s +
                                        statement.sql));
                    query.finish();
                    ++statementsRun;
                }
            }
            QVERIFY(b.commit());

            QSqlDatabase a = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"conformance-a"_s);
            a.setDatabaseName(stepsDir + u"/step-"_s + step.number + u".db"_s);
            QVERIFY(a.open());
            const QStringList expected = dumpSchema(a, m_sqlalchemy2);
            a.close();
            a = QSqlDatabase();
            QSqlDatabase::removeDatabase(u"conformance-a"_s);
            const QStringList actual = dumpSchema(b, m_sqlalchemy2);
            if (actual != expected) {
                qsizetype i = 0;
                while (i < actual.size() && i < expected.size() && actual[i] == expected[i])
                    ++i;
                QFAIL(qPrintable(what + u": databases differ\n  Alembic: "_s +
                                 expected.value(i, u"(nothing)"_s) + u"\n  Retort:  "_s +
                                 actual.value(i, u"(nothing)"_s) + u"\nRetort ran:\n"_s +
                                 ran.join(u";\n"_s)));
            }
        }
        qInfo("%lld steps, %d statements, identical after every step", qlonglong(steps.size()),
              statementsRun);
        b.close();
    }
    QSqlDatabase::removeDatabase(connectionB);
}

QTEST_GUILESS_MAIN(TestTranslatorConformance)
#include "tst_translatorconformance.moc"
