// The Alembic renderer: which interpreter it uses and when it is unavailable,
// the statements it renders for a revision the translator refuses (batch
// rebuilds reflected from the step's starting schema), its failures (an
// exception in the revision, a file that does not import, a timeout), and
// StepSql + the executor applying a project whose middle revision only the
// renderer can turn into SQL. Needs /usr/bin/python3 with Alembic (fails,
// never skips, without it).

#include "alembicrenderer.h"
#include "executor.h"
#include "migrationplan.h"
#include "project.h"
#include "projectconfig.h"
#include "scratchdatabase.h"
#include "sqltranslator.h"
#include "stepsql.h"

#include "executortestsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace retort;
using namespace Qt::StringLiterals;

namespace {

const QString systemPython = u"/usr/bin/python3"_s;
const QString fixture = QStringLiteral(RETORT_TEST_DATA) + u"/projects/rendered"_s;
const QString untranslatable = fixture + u"/versions/c0ffee000002_item_attributes.py"_s;

QString readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QString &text, bool executable = false)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(text.toUtf8());
    file.close();
    if (executable)
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return true;
}

// A revision file whose upgrade() body is `body` (indented by four spaces).
QString revisionSource(const QString &body, const QString &preamble = {})
{
    return u"\"\"\"a test revision\n\nRevision ID: t1\nRevises:\n\"\"\"\n"
           "from alembic import op\nimport sqlalchemy as sa\n"_s +
           preamble + u"\nrevision = \"t1\"\ndown_revision = None\n\n\ndef upgrade():\n"_s + body +
           u"\n\ndef downgrade():\n    pass\n"_s;
}

QStringList entriesBelow(const QString &folder)
{
    QStringList entries;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries.append(it.next());
    entries.sort();
    return entries;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (source.contains(u"__pycache__"_s) || source.endsWith(u".db"_s))
            continue;
        const QString target = to + u'/' + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target))
            return false;
    }
    return true;
}

Project loadProject(const QString &directory, const QString &database)
{
    ProjectConfig::Options options;
    options.configFile = directory + u"/alembic.ini"_s;
    options.databaseFile = database;
    options.workingDirectory = directory;
    const ProjectConfig::Result discovered = ProjectConfig::discover(options);
    return Project::load(discovered.config);
}

// The CREATE statements of a scratch database, as StepSql hands them over.
QStringList schemaAfter(const QStringList &statements)
{
    ScratchDatabase scratch;
    scratch.load(statements);
    QStringList schema;
    QSqlQuery query(scratch.database());
    query.exec(u"SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"_s);
    while (query.next())
        schema.append(query.value(0).toString());
    return schema;
}

} // namespace

class TestAlembicRenderer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void probeFindsSystemAlembic();
    void automaticChoiceIsSystemPython();
    void unavailable_data();
    void unavailable();
    void rendersWhatTheTranslatorRefuses();
    void outputOfTheRevisionIsNotTheAnswer();
    void projectFolderAndConfigAreVisible();
    void failures_data();
    void failures();
    void timeoutStopsTheProcess();
    void stepSqlUsesTheRendererOnlyWhenNeeded();
    void blockedWithoutRenderer_data();
    void blockedWithoutRenderer();
    void executorAppliesRenderedSteps();
    void runnerReportsRendererFailure();

private:
    QTemporaryDir m_dir;
};

void TestAlembicRenderer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QProcess probe;
    probe.start(systemPython, {u"-c"_s, u"import alembic, sqlalchemy"_s});
    QVERIFY2(probe.waitForFinished(60000) && probe.exitCode() == 0,
             "/usr/bin/python3 cannot import alembic (apt install python3-alembic)");
    QVERIFY(QFileInfo::exists(untranslatable));
}

void TestAlembicRenderer::probeFindsSystemAlembic()
{
    const AlembicRenderer renderer({.interpreter = systemPython});
    const AlembicRenderer::Probe probe = renderer.probe();
    QVERIFY2(probe, qPrintable(probe.reason));
    QCOMPARE(probe.interpreter, systemPython);
    QVERIFY(probe.alembicVersion.contains(u'.'));
    QVERIFY(probe.sqlalchemyVersion.contains(u'.'));
    QVERIFY(probe.pythonVersion.startsWith(u"3."_s));
    QVERIFY(!renderer.isDisabled());
}

void TestAlembicRenderer::automaticChoiceIsSystemPython()
{
    QCOMPARE(AlembicRenderer::automaticCandidates().value(0), systemPython);
    const AlembicRenderer::Probe probe = AlembicRenderer().probe();
    QVERIFY2(probe, qPrintable(probe.reason));
    QCOMPARE(probe.interpreter, systemPython);
}

void TestAlembicRenderer::unavailable_data()
{
    QTest::addColumn<QString>("interpreter");
    QTest::addColumn<QString>("reasonPart");

    const QString noAlembic = m_dir.filePath(u"python-without-site"_s);
    // -S leaves dist-packages (and so Alembic) off sys.path.
    QVERIFY(writeFile(noAlembic, u"#!/bin/sh\nexec /usr/bin/python3 -S \"$@\"\n"_s, true));
    const QString notExecutable = m_dir.filePath(u"not-executable"_s);
    QVERIFY(writeFile(notExecutable, u"print(1)\n"_s));

    QTest::newRow("turned off") << u"none"_s << u"--python none"_s;
    QTest::newRow("turned off, any case") << u"None"_s << u"turned off"_s;
    QTest::newRow("missing interpreter") << u"/nonexistent/python3"_s
                                         << u"cannot start the Python interpreter /nonexistent/python3"_s;
    QTest::newRow("not executable") << notExecutable << u"cannot start the Python interpreter"_s;
    QTest::newRow("no alembic") << noAlembic
                                << noAlembic + u" cannot import Alembic: ModuleNotFoundError"_s;
    QTest::newRow("not a python") << u"/bin/true"_s << u"ended without an answer"_s;
}

void TestAlembicRenderer::unavailable()
{
    QFETCH(QString, interpreter);
    QFETCH(QString, reasonPart);
    const AlembicRenderer renderer({.interpreter = interpreter});
    const AlembicRenderer::Probe probe = renderer.probe();
    QVERIFY(!probe);
    QVERIFY2(probe.reason.contains(reasonPart), qPrintable(probe.reason));

    const AlembicRenderer::Result result =
        renderer.render(untranslatable, SqlTranslator::Direction::Upgrade, {});
    QVERIFY(!result);
    QCOMPARE(result.errorKind, AlembicRenderer::ErrorKind::Unavailable);
    QCOMPARE(result.error, probe.reason);
    QVERIFY(result.statements.isEmpty());
}

void TestAlembicRenderer::rendersWhatTheTranslatorRefuses()
{
    const Translation refused =
        SqlTranslator::translate(readFile(untranslatable), SqlTranslator::Direction::Upgrade);
    QVERIFY(!refused);
    QCOMPARE(refused.line, 33); // the `for` loop

    const AlembicRenderer renderer({.interpreter = systemPython});
    // The schema the step starts from: the first revision, rendered too.
    const AlembicRenderer::Result first = renderer.render(
        fixture + u"/versions/c0ffee000001_create_item_and_tag.py"_s,
        SqlTranslator::Direction::Upgrade, {});
    QVERIFY2(first, qPrintable(first.error));
    const QStringList schema = schemaAfter(first.statements);
    QCOMPARE(schema.size(), 2);

    const QStringList versionsBefore = entriesBelow(fixture);
    const AlembicRenderer::Result result =
        renderer.render(untranslatable, SqlTranslator::Direction::Upgrade, schema);
    QVERIFY2(result, qPrintable(result.error));
    QCOMPARE(result.interpreter, systemPython);
    const QStringList &s = result.statements;
    QCOMPARE(s.size(), 11);
    QCOMPARE(s[0], u"ALTER TABLE item ADD COLUMN colour VARCHAR(20)"_s);
    QCOMPARE(s[1], u"ALTER TABLE item ADD COLUMN size VARCHAR(10)"_s);
    QCOMPARE(s[2], u"ALTER TABLE item ADD COLUMN weight NUMERIC(8, 2)"_s);
    // The rebuild reflects the table as the step's add_column calls left it,
    // including the foreign key of the starting schema; SQLAlchemy's layout
    // (tabs) is kept, as an online run stores it.
    QVERIFY2(s[3].startsWith(u"\nCREATE TABLE _alembic_tmp_item (\n\tid INTEGER NOT NULL, \n"
                             "\tname VARCHAR(50) NOT NULL, \n\ttag_id INTEGER, \n"
                             "\tcolour VARCHAR(20), \n\tsize VARCHAR(10), \n"
                             "\tweight NUMERIC(8, 2), \n"_s),
             qPrintable(s[3]));
    QVERIFY(s[3].contains(u"CONSTRAINT fk_item_tag FOREIGN KEY(tag_id) REFERENCES tag (id)"_s));
    QVERIFY(s[3].contains(u"CONSTRAINT uq_item_name UNIQUE (name)"_s));
    QVERIFY(s[4].startsWith(u"INSERT INTO _alembic_tmp_item (id, name, tag_id, colour, size, weight) "
                            "SELECT item.id"_s));
    QCOMPARE(s[5].trimmed(), u"DROP TABLE item"_s);
    QCOMPARE(s[6], u"ALTER TABLE _alembic_tmp_item RENAME TO item"_s);
    QCOMPARE(s[7], u"INSERT INTO tag (id, label) VALUES (1, 'tag 1')"_s);
    QCOMPARE(s[9], u"INSERT INTO tag (id, label) VALUES (3, 'tag 3')"_s);
    QCOMPARE(s[10], u"CREATE INDEX ix_item_colour ON item (colour)"_s);

    // The statements run on the schema they were rendered for.
    QStringList all = schema;
    all += s;
    ScratchDatabase scratch;
    QCOMPARE(scratch.load(all), QString());
    // Nothing written beside the revision (no __pycache__).
    QCOMPARE(entriesBelow(fixture), versionsBefore);

    // The downgrade undoes it.
    const AlembicRenderer::Result down = renderer.render(
        untranslatable, SqlTranslator::Direction::Downgrade, schemaAfter(all));
    QVERIFY2(down, qPrintable(down.error));
    QCOMPARE(down.statements.value(0), u"\nDROP INDEX ix_item_colour"_s); // as SQLAlchemy compiles it
    QCOMPARE(down.statements.value(1), u"DELETE FROM tag WHERE id <= 3"_s);
    all += down.statements;
    const QStringList after = schemaAfter(all);
    QCOMPARE(after.size(), 2);
    QVERIFY(after.contains(schema[1])); // tag, untouched
    const QString item = after.filter(u"CREATE TABLE \"item\""_s).value(0);
    QVERIFY2(item.contains(u"\tname VARCHAR(50), \n\ttag_id INTEGER, \n\tPRIMARY KEY (id)"_s) &&
                 !item.contains(u"colour"_s) && !item.contains(u"uq_item_name"_s),
             qPrintable(after.join(u'\n')));
}

void TestAlembicRenderer::outputOfTheRevisionIsNotTheAnswer()
{
    const QString path = m_dir.filePath(u"noisy/versions/t1_noisy.py"_s);
    QVERIFY(writeFile(path, revisionSource(u"    import sys\n"
                                           "    print('{\"ok\": false}')\n"
                                           "    sys.stderr.write('to stderr\\n')\n"
                                           "    op.execute(\"UPDATE t SET x = 1\")\n"
                                           "    print('after')\n"_s)));
    const AlembicRenderer renderer({.interpreter = systemPython});
    const AlembicRenderer::Result result =
        renderer.render(path, SqlTranslator::Direction::Upgrade, {});
    QVERIFY2(result, qPrintable(result.error));
    QCOMPARE(result.statements, QStringList{u"UPDATE t SET x = 1"_s});
}

void TestAlembicRenderer::projectFolderAndConfigAreVisible()
{
    // alembic.ini's folder is first on sys.path (Alembic's `prepend_sys_path = .`)
    // and is `context.config`.
    const QString project = m_dir.filePath(u"withhelpers"_s);
    QVERIFY(writeFile(project + u"/alembic.ini"_s,
                      u"[alembic]\nscript_location = %(here)s\ntable_prefix = app_\n"_s));
    QVERIFY(writeFile(project + u"/myhelpers.py"_s,
                      u"def table_name(prefix):\n    return prefix + 'thing'\n"_s));
    const QString path = project + u"/versions/t1_helpers.py"_s;
    QVERIFY(writeFile(path, revisionSource(
                                u"    prefix = context.config.get_main_option('table_prefix')\n"
                                "    op.create_table(myhelpers.table_name(prefix),\n"
                                "                    sa.Column('id', sa.Integer(), primary_key=True))\n"_s,
                                u"from alembic import context\nimport myhelpers\n"_s)));
    ProjectConfig config;
    config.iniPath = project + u"/alembic.ini"_s;
    config.scriptLocation = project;
    const AlembicRenderer renderer({.interpreter = systemPython});
    const AlembicRenderer::Result result =
        renderer.render(path, SqlTranslator::Direction::Upgrade, {}, &config);
    QVERIFY2(result, qPrintable(result.error));
    QCOMPARE(result.statements.size(), 1);
    QVERIFY2(result.statements[0].contains(u"CREATE TABLE app_thing"_s),
             qPrintable(result.statements[0]));

    // Without the project, the helper module is not found: a clear load error.
    const AlembicRenderer::Result alone =
        renderer.render(path, SqlTranslator::Direction::Upgrade, {});
    QCOMPARE(alone.errorKind, AlembicRenderer::ErrorKind::LoadFailed);
    QVERIFY2(alone.error.contains(u"No module named 'myhelpers'"_s), qPrintable(alone.error));
}

void TestAlembicRenderer::failures_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("errorPart");

    QTest::newRow("exception in upgrade()")
        << revisionSource(u"    op.execute('SELECT 1')\n    raise ValueError('boom')\n"_s)
        << int(AlembicRenderer::ErrorKind::RevisionFailed) << 15
        << u"upgrade() raised an exception"_s + u"|ValueError: boom"_s;
    QTest::newRow("exception in a helper")
        << revisionSource(u"    helper()\n"_s, u"def helper():\n    return 1 / 0\n"_s)
        << int(AlembicRenderer::ErrorKind::RevisionFailed) << 9 << u"ZeroDivisionError"_s;
    QTest::newRow("sys.exit in upgrade()")
        << revisionSource(u"    import sys\n    sys.exit(3)\n"_s)
        << int(AlembicRenderer::ErrorKind::RevisionFailed) << 15 << u"SystemExit: 3"_s;
    QTest::newRow("syntax error")
        << revisionSource(u"    op.execute('x'\n"_s) << int(AlembicRenderer::ErrorKind::LoadFailed)
        << 14 << u"does not import|SyntaxError"_s;
    QTest::newRow("missing import")
        << revisionSource(u"    pass\n"_s, u"import no_such_module_here\n"_s)
        << int(AlembicRenderer::ErrorKind::LoadFailed) << 8
        << u"No module named 'no_such_module_here'"_s;
    QTest::newRow("no upgrade()")
        << u"from alembic import op\nrevision = 't1'\ndown_revision = None\n"_s
        << int(AlembicRenderer::ErrorKind::NoFunction) << 0 << u"has no upgrade() function"_s;
    QTest::newRow("what Alembic refuses on SQLite")
        << revisionSource(u"    op.create_foreign_key('fk', 'a', 'b', ['x'], ['y'])\n"_s)
        << int(AlembicRenderer::ErrorKind::RevisionFailed) << 14
        << u"NotImplementedError: No support for ALTER of constraints in SQLite dialect"_s;
}

void TestAlembicRenderer::failures()
{
    QFETCH(QString, source);
    QFETCH(int, kind);
    QFETCH(int, line);
    QFETCH(QString, errorPart);
    const QString path =
        m_dir.filePath(u"failures/%1/t1_failing.py"_s.arg(QString::fromLatin1(QTest::currentDataTag())
                                                                .replace(u' ', u'_')));
    QVERIFY(writeFile(path, source));
    const AlembicRenderer renderer({.interpreter = systemPython});
    const AlembicRenderer::Result result =
        renderer.render(path, SqlTranslator::Direction::Upgrade, {});
    QVERIFY(!result);
    QCOMPARE(int(result.errorKind), kind);
    QCOMPARE(result.line, line);
    for (const QString &part : errorPart.split(u'|'))
        QVERIFY2(result.error.contains(part), qPrintable(result.error));
    if (line > 0)
        QVERIFY2(result.error.contains(u"%1:%2"_s.arg(QFileInfo(path).absoluteFilePath()).arg(line)),
                 qPrintable(result.error));
    QVERIFY(result.statements.isEmpty());
}

void TestAlembicRenderer::timeoutStopsTheProcess()
{
    const QString path = m_dir.filePath(u"slow/versions/t1_slow.py"_s);
    QVERIFY(writeFile(path, revisionSource(u"    import time\n    time.sleep(60)\n"_s)));
    const AlembicRenderer renderer({.interpreter = systemPython, .timeoutMs = 2500});
    QVERIFY(renderer.probe()); // probed (and cached) outside the measured time
    QElapsedTimer timer;
    timer.start();
    const AlembicRenderer::Result result =
        renderer.render(path, SqlTranslator::Direction::Upgrade, {});
    QCOMPARE(result.errorKind, AlembicRenderer::ErrorKind::Timeout);
    QVERIFY2(result.error.contains(u"did not finish within 2.5 s"_s), qPrintable(result.error));
    QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
}

void TestAlembicRenderer::stepSqlUsesTheRendererOnlyWhenNeeded()
{
    const Project project = loadProject(fixture, m_dir.filePath(u"unused.db"_s));
    QVERIFY(!project.graph.isEmpty());
    const MigrationPlanner::Result planned = MigrationPlanner(project.graph).upgrade({}, u"heads"_s);
    QVERIFY(planned);
    QCOMPARE(planned.plan.steps.size(), 3);

    const AlembicRenderer renderer({.interpreter = systemPython});
    const StepSql stepSql(project, &renderer);
    QCOMPARE(stepSql.sourceOf(planned.plan.steps[0]), StepSql::Source::Translated);
    QCOMPARE(stepSql.sourceOf(planned.plan.steps[1]), StepSql::Source::Rendered);
    QCOMPARE(stepSql.sourceOf(planned.plan.steps[2]), StepSql::Source::Translated);
    for (const PlanStep &step : planned.plan.steps)
        QCOMPARE(stepSql.whyNotApplicable(step), QString());
    QVERIFY(!stepSql.whyNotTranslatable(planned.plan.steps[1]).isEmpty());

    const StepSql::PlanRendering rendering = stepSql.renderPlan(planned.plan, {});
    QVERIFY2(rendering, qPrintable(rendering.error));
    QCOMPARE(rendering.steps.size(), 3);
    QVERIFY(!rendering.steps[0].renderedByAlembic);
    QVERIFY(rendering.steps[1].renderedByAlembic);
    QVERIFY(!rendering.steps[2].renderedByAlembic);
    QCOMPARE(rendering.steps[1].statements.size(), 11);
    // The rebuild's DROP TABLE is flagged, as for translated SQL.
    QVERIFY(rendering.steps[1].statements[5].destructive);
    QVERIFY(!rendering.steps[1].statements[0].destructive);
    // The translated step after it rebuilds the table the renderer left.
    const QString rebuild = rendering.steps[2].statements.value(0).sql;
    QVERIFY2(rebuild.contains(u"\tcolour VARCHAR(20), \n\tsize VARCHAR(30), "_s) &&
                 rebuild.contains(u"CONSTRAINT uq_item_name UNIQUE (name)"_s),
             qPrintable(rebuild));
}

void TestAlembicRenderer::blockedWithoutRenderer_data()
{
    QTest::addColumn<bool>("withRenderer");
    QTest::addColumn<QString>("interpreter");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("no renderer") << false << QString() << u"no Alembic renderer is set up"_s;
    QTest::newRow("turned off") << true << u"none"_s << u"--python none"_s;
    QTest::newRow("bad path") << true << u"/nonexistent/python3"_s
                              << u"cannot start the Python interpreter /nonexistent/python3"_s;
}

void TestAlembicRenderer::blockedWithoutRenderer()
{
    QFETCH(bool, withRenderer);
    QFETCH(QString, interpreter);
    QFETCH(QString, reasonPart);
    const Project project = loadProject(fixture, m_dir.filePath(u"unused.db"_s));
    const MigrationPlanner::Result planned = MigrationPlanner(project.graph).upgrade({}, u"heads"_s);
    QVERIFY(planned);
    const AlembicRenderer renderer({.interpreter = interpreter});
    const StepSql stepSql(project, withRenderer ? &renderer : nullptr);
    QCOMPARE(stepSql.sourceOf(planned.plan.steps[1]), StepSql::Source::Blocked);
    QCOMPARE(stepSql.whyNotApplicable(planned.plan.steps[0]), QString());
    const QString why = stepSql.whyNotApplicable(planned.plan.steps[1]);
    for (const QString &part : {u"c0ffee000002"_s, u"c0ffee000002_item_attributes.py:33"_s,
                                u"'for' statement"_s, u"can be stamped"_s, u"--python PATH"_s,
                                reasonPart})
        QVERIFY2(why.contains(part), qPrintable(part + u" not in: "_s + why));

    // Stamping needs no SQL.
    const MigrationPlanner::Result stamp =
        MigrationPlanner(project.graph).stamp({}, {u"heads"_s}, false);
    QVERIFY(stamp);
    for (const PlanStep &step : stamp.plan.steps) {
        QCOMPARE(stepSql.sourceOf(step), StepSql::Source::None);
        QCOMPARE(stepSql.whyNotApplicable(step), QString());
    }

    // Previews say why, and stop at that step.
    const StepSql::PlanRendering rendering = stepSql.renderPlan(planned.plan, {});
    QCOMPARE(rendering.failedStep, 1);
    QCOMPARE(rendering.error, why);
    QVERIFY(!rendering.steps[1].rendererFailed);
}

void TestAlembicRenderer::executorAppliesRenderedSteps()
{
    const QString project = m_dir.filePath(u"apply"_s);
    QVERIFY(copyTree(fixture, project));
    const QString database = project + u"/app.db"_s;
    QVERIFY(writeFile(database, QString()));
    const Project loaded = loadProject(project, database);
    const AlembicRenderer renderer({.interpreter = systemPython});
    const StepSql stepSql(loaded, &renderer);
    const MigrationPlanner planner(loaded.graph);

    ExecutionOptions options;
    options.backup = false;
    MigrationExecutor executor;
    const MigrationPlanner::Result up = planner.upgrade({}, u"heads"_s);
    QVERIFY(up);
    const ExecutionReport upReport = executor.run(up.plan, database, options, stepSql.runner());
    QVERIFY2(upReport, qPrintable(upReport.error));
    QCOMPARE(upReport.rowsAfter, QStringList{u"c0ffee000003"_s});
    QCOMPARE(testsupport::queryRows(database, u"SELECT name FROM pragma_table_info('item')"_s),
             (QStringList{u"id"_s, u"name"_s, u"tag_id"_s, u"colour"_s, u"size"_s, u"weight"_s,
                          u"notes"_s}));
    QCOMPARE(testsupport::queryRows(database, u"SELECT label FROM tag ORDER BY id"_s),
             (QStringList{u"tag 1"_s, u"tag 2"_s, u"tag 3"_s}));
    QCOMPARE(testsupport::queryRows(
                 database, u"SELECT name FROM pragma_index_list('item') ORDER BY name"_s),
             (QStringList{u"ix_item_colour"_s, u"sqlite_autoindex_item_1"_s}));
    // Nothing left behind in the project.
    QVERIFY(!QFileInfo::exists(project + u"/versions/__pycache__"_s));

    const MigrationPlanner::Result down = planner.downgrade(upReport.rowsAfter, u"base"_s);
    QVERIFY(down);
    const ExecutionReport downReport =
        executor.run(down.plan, database, options, stepSql.runner());
    QVERIFY2(downReport, qPrintable(downReport.error));
    QCOMPARE(testsupport::tableNames(database), QStringList{u"alembic_version"_s});
}

void TestAlembicRenderer::runnerReportsRendererFailure()
{
    // The runner renders itself when nothing was rendered beforehand (the
    // CLI renders first, so that a failure stops it before any write): the
    // failing step is rolled back like any other.
    const QString project = m_dir.filePath(u"runnerfailure"_s);
    QVERIFY(copyTree(fixture, project));
    const QString revision = project + u"/versions/c0ffee000002_item_attributes.py"_s;
    QString source = readFile(revision);
    QVERIFY(source.contains(u"def upgrade():\n"_s));
    source.replace(u"def upgrade():\n"_s,
                   u"def upgrade():\n    raise RuntimeError('not today')\n"_s);
    QVERIFY(writeFile(revision, source));
    const QString database = project + u"/app.db"_s;
    QVERIFY(writeFile(database, QString()));
    const Project loaded = loadProject(project, database);
    const AlembicRenderer renderer({.interpreter = systemPython});
    const StepSql stepSql(loaded, &renderer);
    const MigrationPlanner::Result up = MigrationPlanner(loaded.graph).upgrade({}, u"heads"_s);
    QVERIFY(up);

    ExecutionOptions options;
    options.backup = false;
    MigrationExecutor executor;
    const ExecutionReport report = executor.run(up.plan, database, options, stepSql.runner());
    QVERIFY(!report);
    QCOMPARE(report.stepsCompleted, 1);
    QCOMPARE(report.failedRevision, u"c0ffee000002"_s);
    QCOMPARE(report.errorKind, ExecutionReport::Error::StepNotRunnable);
    QVERIFY2(report.error.contains(u"RuntimeError: not today"_s), qPrintable(report.error));
    QCOMPARE(report.rowsAfter, QStringList{u"c0ffee000001"_s});
    QCOMPARE(testsupport::queryRows(database, u"SELECT name FROM pragma_table_info('item')"_s),
             (QStringList{u"id"_s, u"name"_s, u"tag_id"_s}));
}

QTEST_GUILESS_MAIN(TestAlembicRenderer)
#include "tst_alembicrenderer.moc"
