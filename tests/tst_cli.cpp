// The headless command line, end to end: runs the real `retort` binary with
// QProcess against projects generated and stamped by the real Alembic, and
// against small hand-written broken projects (tests/data/cli/).
//
// Every run checks that Retort only reads: the databases involved keep their
// bytes and their modification time (to the nanosecond), no -journal / -wal /
// -shm appears, and nothing in the project or database folders is created,
// removed or touched (directory mtimes included, which also catches a journal
// created and deleted again).

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>

#include <fcntl.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

// Rows are written with designated initialisers that leave most members at
// their defaults; GCC 12 warns about exactly that.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif

namespace {

const QString python = u"/usr/bin/python3"_s;
const QString alembicTableDdl = u"CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                                u"CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"_s;

// A fixed, recognisable modification time given to every fixture database, so
// that any write by Retort shows even within the same second.
constexpr time_t fixtureSeconds = 1577836800; // 2020-01-01 00:00:00 UTC
constexpr long fixtureNanoseconds = 123456789;

enum class Language {
    English,         // LANG=C.UTF-8, no LC_ALL / LC_MESSAGES / LANGUAGE
    SpanishFlag,     // English environment, `--lang es` first
    SpanishLang,     // LANG=es_ES.UTF-8, no --lang
    SpanishLanguage, // LANG=C.UTF-8 and LANGUAGE=es, no --lang
};

QProcessEnvironment environmentFor(Language language)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &key : {u"LC_ALL"_s, u"LC_MESSAGES"_s, u"LANGUAGE"_s, u"LANG"_s})
        env.remove(key);
    env.insert(u"LANG"_s, language == Language::SpanishLang ? u"es_ES.UTF-8"_s : u"C.UTF-8"_s);
    if (language == Language::SpanishLanguage)
        env.insert(u"LANGUAGE"_s, u"es"_s);
    return env;
}

QString languageName(Language language)
{
    switch (language) {
    case Language::English:
        return u"English"_s;
    case Language::SpanishFlag:
        return u"--lang es"_s;
    case Language::SpanishLang:
        return u"LANG=es_ES.UTF-8"_s;
    case Language::SpanishLanguage:
        return u"LANGUAGE=es"_s;
    }
    return {};
}

struct Run
{
    bool started = false;
    bool finished = false;
    bool crashed = false;
    int exitCode = -1;
    QByteArray out, err;
    qint64 elapsedMs = 0;
    QString command;

    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
    QString describe() const
    {
        return u"\n$ %1\nexit %2 after %3 ms\n--- stdout ---\n%4--- stderr ---\n%5"_s.arg(
            command, QString::number(exitCode), QString::number(elapsedMs), outText(), errText());
    }
};

Run runProcess(const QString &program, const QStringList &arguments, const QString &workingDir,
               const QProcessEnvironment &env, int timeoutMs = 20000)
{
    Run run;
    run.command = u"(cd %1 && %2 %3)"_s.arg(workingDir, program, arguments.join(u' '));
    QProcess process;
    process.setProgram(program);
    process.setArguments(arguments);
    process.setWorkingDirectory(workingDir);
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start();
    run.started = process.waitForStarted(10000);
    if (!run.started)
        return run;
    run.finished = process.waitForFinished(timeoutMs);
    run.elapsedMs = timer.elapsed();
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.crashed = process.exitStatus() == QProcess::CrashExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// ---- what must not change when Retort reads a database ---------------------

struct FileState
{
    bool exists = false;
    bool isDir = false;
    qint64 size = -1;
    QByteArray sha256;
    qint64 mtimeNs = 0;          // stat()'s st_mtim
    QDateTime lastModified;      // QFileInfo's view of the same
    QStringList sidecars;        // which of -journal, -wal, -shm exist next to it
};

qint64 statMtimeNs(const QString &path)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return qint64(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
}

FileState fileState(const QString &path)
{
    FileState state;
    const QFileInfo info(path);
    state.exists = info.exists();
    if (state.exists) {
        state.isDir = info.isDir();
        state.lastModified = info.lastModified();
        state.mtimeNs = statMtimeNs(path);
        if (!state.isDir) {
            state.size = info.size();
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                state.sha256 = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
        }
    }
    for (const QString &suffix : {u"-journal"_s, u"-wal"_s, u"-shm"_s})
        if (QFileInfo::exists(path + suffix))
            state.sidecars.append(suffix);
    return state;
}

QString compareFileStates(const QString &path, const FileState &before, const FileState &after)
{
    QStringList problems;
    if (before.exists != after.exists)
        problems.append(before.exists ? u"was removed"_s : u"was created"_s);
    if (before.isDir != after.isDir)
        problems.append(u"changed kind (file/directory)"_s);
    if (before.size != after.size)
        problems.append(u"size %1 -> %2"_s.arg(before.size).arg(after.size));
    if (before.sha256 != after.sha256)
        problems.append(u"content changed"_s);
    if (before.mtimeNs != after.mtimeNs)
        problems.append(u"mtime %1 ns -> %2 ns"_s.arg(before.mtimeNs).arg(after.mtimeNs));
    if (before.lastModified != after.lastModified)
        problems.append(u"QFileInfo::lastModified %1 -> %2"_s.arg(
            before.lastModified.toString(Qt::ISODateWithMs),
            after.lastModified.toString(Qt::ISODateWithMs)));
    if (before.sidecars != after.sidecars)
        problems.append(u"sidecar files [%1] -> [%2]"_s.arg(before.sidecars.join(u", "_s),
                                                            after.sidecars.join(u", "_s)));
    return problems.isEmpty() ? QString() : path + u": "_s + problems.join(u"; "_s);
}

// Every entry under some folders, with size and mtime (folders included: a
// file created and removed again changes its folder's mtime).
using TreeState = QMap<QString, QPair<qint64, qint64>>; // path -> (size, mtime ns)

void addTree(TreeState &tree, const QString &root)
{
    tree.insert(root, {-1, statMtimeNs(root)});
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo info = it.fileInfo();
        tree.insert(path, {info.isDir() ? -1 : info.size(), statMtimeNs(path)});
    }
}

QString compareTrees(const TreeState &before, const TreeState &after)
{
    QStringList problems;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            problems.append(it.key() + u" was removed"_s);
        else if (after.value(it.key()) != it.value())
            problems.append(it.key() + u" was modified (size/mtime)"_s);
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        if (!before.contains(it.key()))
            problems.append(it.key() + u" was created"_s);
    return problems.join(u"\n"_s);
}

bool setFixtureMtime(const QString &path)
{
    const struct timespec times[2] = {{fixtureSeconds, fixtureNanoseconds},
                                      {fixtureSeconds, fixtureNanoseconds}};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0) == 0;
}

// Runs statements on a writable connection of the test's own, closed afterwards.
QString execSql(const QString &path, const QStringList &statements)
{
    static int counter = 0;
    const QString name = u"tst-cli-writer-"_s + QString::number(++counter);
    QString error;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    error = statement + u": "_s + query.lastError().text();
                    break;
                }
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return error;
}

bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.contains(u"__pycache__"_s))
            continue;
        const QString target = to + path.mid(from.size());
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

QJsonObject parseJsonObject(const Run &run, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"stdout is not JSON: "_s + parseError.errorString() + run.describe();
        return {};
    }
    if (!doc.isObject()) {
        *error = u"stdout is JSON but not an object"_s + run.describe();
        return {};
    }
    return doc.object();
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

QStringList idsOf(const QJsonValue &revisions)
{
    QStringList ids;
    for (const QJsonValue &v : revisions.toArray())
        ids.append(v.toObject().value(u"revision"_s).toString());
    return ids;
}

// The documented fields of a revision object, with their types; empty when fine.
QString checkRevisionObject(const QJsonValue &value)
{
    if (!value.isObject())
        return u"a revision is not an object"_s;
    const QJsonObject o = value.toObject();
    QStringList problems;
    auto expect = [&](const QString &key, QJsonValue::Type type) {
        if (!o.contains(key))
            problems.append(u"missing \"%1\""_s.arg(key));
        else if (o.value(key).type() != type)
            problems.append(u"\"%1\" has type %2"_s.arg(key).arg(int(o.value(key).type())));
    };
    expect(u"revision"_s, QJsonValue::String);
    expect(u"doc"_s, QJsonValue::String);
    expect(u"path"_s, QJsonValue::String);
    for (const QString &key :
         {u"down_revisions"_s, u"depends_on"_s, u"branch_labels"_s, u"children"_s}) {
        expect(key, QJsonValue::Array);
        for (const QJsonValue &item : o.value(key).toArray())
            if (!item.isString())
                problems.append(u"\"%1\" holds a non-string"_s.arg(key));
    }
    for (const QString &key : {u"is_head"_s, u"is_real_head"_s, u"is_base"_s,
                               u"is_branch_point"_s, u"is_merge_point"_s})
        expect(key, QJsonValue::Bool);
    const QString path = o.value(u"path"_s).toString();
    if (!QFileInfo(path).isAbsolute() || !QFileInfo::exists(path))
        problems.append(u"path '%1' is not an existing absolute path"_s.arg(path));
    if (o.value(u"revision"_s).toString().isEmpty())
        problems.append(u"empty revision id"_s);
    return problems.isEmpty()
               ? QString()
               : u"revision %1: %2"_s.arg(o.value(u"revision"_s).toString(),
                                          problems.join(u", "_s));
}

QString checkRevisionArray(const QJsonValue &value, const QString &key)
{
    if (!value.isArray())
        return u"\"%1\" is not an array"_s.arg(key);
    for (const QJsonValue &v : value.toArray()) {
        const QString problem = checkRevisionObject(v);
        if (!problem.isEmpty())
            return u"in \"%1\": %2"_s.arg(key, problem);
    }
    return {};
}

QJsonObject revisionById(const QJsonValue &revisions, const QString &id)
{
    for (const QJsonValue &v : revisions.toArray())
        if (v.toObject().value(u"revision"_s).toString() == id)
            return v.toObject();
    return {};
}

// One row of a table-driven command test.
struct Case
{
    QString project = u"gen"_s;   // folder under the fixture root, the working directory
    QStringList args;             // "{root}" is replaced by the fixture root
    int exitCode = 0;
    QStringList outHas;           // substrings of stdout
    QStringList errHas;           // substrings of stderr
    QStringList outLacks;
    QStringList errLacks;
    QStringList dbs;              // databases involved, relative to the working directory
    bool stdoutEmpty = false;
    bool stderrEmpty = false;
};

} // namespace

Q_DECLARE_METATYPE(Case)

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void badInput_data();
    void badInput();
    void lockedDatabase_data();
    void lockedDatabase();
    void alembicFailureText_data();
    void alembicFailureText();

    void statusExitCodes_data();
    void statusExitCodes();

    void jsonHeads();
    void jsonBranches();
    void jsonHistory();
    void jsonHistoryIndicateCurrent();
    void jsonShow();
    void jsonCurrent_data();
    void jsonCurrent();
    void jsonErrors_data();
    void jsonErrors();
    void jsonStaysParseableWithWarnings();

    void help_data();
    void help();
    void version();

    void spanishMessages_data();
    void spanishMessages();
    void spanishKeepsAlembicOutput_data();
    void spanishKeepsAlembicOutput();

    void projectLocations_data();
    void projectLocations();

    void alembicRenderer_data();
    void alembicRenderer();

private:
    QString root() const { return m_root->path(); }
    QString path(const QString &relative) const { return root() + u'/' + relative; }
    QStringList expand(const QStringList &args) const;
    // Runs retort in `project` and checks that nothing there or in dbs/ changed.
    Run retort(const QString &project, const QStringList &args,
               const QStringList &dbs = {}, Language language = Language::English);
    Run alembic(const QString &project, const QStringList &args);
    bool stampTo(const QString &dbName, const QStringList &revisions);
    QStringList alembicUpgradeOrder(const QString &range);
    void checkCase(const Case &c, const Run &run);

    std::unique_ptr<QTemporaryDir> m_root; // made in initTestCase, so -functions leaves nothing
    QStringList m_rev;                 // the generated project's ids, by step number
    QStringList m_orderFromBase;       // Alembic's upgrade order from base to heads
    QStringList m_orderFromRev1;       // ... and from step 1
    QString m_alembicRunner;           // alembic_sorted.py when available
};

QStringList TestCli::expand(const QStringList &args) const
{
    QStringList expanded;
    for (QString arg : args)
        expanded.append(arg.replace(u"{root}"_s, root()));
    return expanded;
}

Run TestCli::retort(const QString &project, const QStringList &args, const QStringList &dbs,
                    Language language)
{
    const QString cwd = path(project);
    QStringList arguments = expand(args);
    if (language == Language::SpanishFlag)
        arguments.prepend(u"es"_s), arguments.prepend(u"--lang"_s);

    QStringList dbPaths;
    for (const QString &db : expand(dbs))
        dbPaths.append(QFileInfo(db).isAbsolute() ? db : cwd + u'/' + db);
    QList<FileState> before;
    for (const QString &db : dbPaths)
        before.append(fileState(db));
    TreeState treeBefore;
    addTree(treeBefore, cwd);
    addTree(treeBefore, path(u"dbs"_s));

    Run run = runProcess(QStringLiteral(RETORT_BINARY), arguments, cwd, environmentFor(language));

    [&] {
        QVERIFY2(run.started, qPrintable(u"retort did not start"_s + run.describe()));
        QVERIFY2(run.finished, qPrintable(u"retort did not finish in time"_s + run.describe()));
        QVERIFY2(!run.crashed, qPrintable(u"retort crashed"_s + run.describe()));
        QStringList changes;
        for (qsizetype i = 0; i < dbPaths.size(); ++i) {
            const QString change = compareFileStates(dbPaths[i], before[i], fileState(dbPaths[i]));
            if (!change.isEmpty())
                changes.append(change);
        }
        TreeState treeAfter;
        addTree(treeAfter, cwd);
        addTree(treeAfter, path(u"dbs"_s));
        const QString treeChange = compareTrees(treeBefore, treeAfter);
        if (!treeChange.isEmpty())
            changes.append(treeChange);
        QVERIFY2(changes.isEmpty(),
                 qPrintable(u"retort changed files:\n"_s + changes.join(u'\n') + run.describe()));
    }();
    return run;
}

Run TestCli::alembic(const QString &project, const QStringList &args)
{
    QStringList arguments;
    if (!m_alembicRunner.isEmpty())
        arguments << m_alembicRunner;
    else
        arguments << u"-m"_s << u"alembic"_s;
    arguments << expand(args);
    return runProcess(python, arguments, path(project), environmentFor(Language::English), 60000);
}

bool TestCli::stampTo(const QString &dbName, const QStringList &revisions)
{
    QFile::remove(path(u"gen/app.db"_s));
    const Run run = alembic(u"gen"_s, QStringList{u"-c"_s, u"alembic.ini"_s, u"stamp"_s} + revisions);
    if (run.exitCode != 0) {
        qWarning("%s", qPrintable(run.describe()));
        return false;
    }
    return QFile::rename(path(u"gen/app.db"_s), path(u"dbs/"_s + dbName));
}

// The revisions `alembic upgrade RANGE --sql` would run, in its order.
QStringList TestCli::alembicUpgradeOrder(const QString &range)
{
    const Run run = alembic(u"gen"_s, {u"-c"_s, u"alembic.ini"_s, u"upgrade"_s, range, u"--sql"_s});
    QStringList order;
    static const QRegularExpression step(u"^-- Running upgrade .*-> (\\w+)$"_s,
                                         QRegularExpression::MultilineOption);
    auto it = step.globalMatch(run.outText());
    while (it.hasNext())
        order.append(it.next().captured(1));
    if (run.exitCode != 0)
        qWarning("%s", qPrintable(run.describe()));
    return order;
}

void TestCli::initTestCase()
{
    QVERIFY2(QFileInfo(QStringLiteral(RETORT_BINARY)).isExecutable(), RETORT_BINARY);
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
    QVERIFY2(QFileInfo(python).isExecutable(), "/usr/bin/python3 is required (python3-alembic)");
    const Run alembicVersion =
        runProcess(python, {u"-m"_s, u"alembic"_s, u"--version"_s}, root(),
                   environmentFor(Language::English));
    QVERIFY2(alembicVersion.exitCode == 0,
             qPrintable(u"the reference Alembic is required"_s + alembicVersion.describe()));
    const QString sorted = QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/conformance/alembic_sorted.py"_s;
    if (QFileInfo::exists(sorted))
        m_alembicRunner = sorted;

    // The generated project: 8 revisions, a branch point at step 2, a side
    // branch (step 3) merged back at step 5, head at step 7.
    QString generator = QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/conformance/gen_alembic_history.py"_s;
    if (!QFileInfo::exists(generator))
        generator = u"/work/shared/tools/gen_alembic_history.py"_s;
    QVERIFY2(QFileInfo::exists(generator), "gen_alembic_history.py not found");
    const Run gen = runProcess(python,
                               {generator, path(u"gen"_s), u"--revisions"_s, u"8"_s,
                                u"--branch-every"_s, u"3"_s},
                               root(), environmentFor(Language::English));
    QVERIFY2(gen.exitCode == 0, qPrintable(gen.describe()));
    for (int n = 0; n < 8; ++n)
        m_rev.append(QString::fromLatin1(
            QCryptographicHash::hash(u"retort-%1"_s.arg(n).toUtf8(), QCryptographicHash::Sha1)
                .toHex()
                .left(12)));
    for (const QString &id : std::as_const(m_rev))
        QVERIFY2(!QDir(path(u"gen/alembic/versions"_s)).entryList({id + u"_*.py"_s}).isEmpty(),
                 qPrintable(u"generated ids changed: no file for "_s + id));

    // Databases stamped by the real Alembic, then some broken on purpose.
    QVERIFY(QDir().mkpath(path(u"dbs"_s)));
    QVERIFY(stampTo(u"uptodate.db"_s, {u"heads"_s}));
    QVERIFY(stampTo(u"pending.db"_s, {m_rev[1]}));
    QVERIFY(stampTo(u"stampbase.db"_s, {u"base"_s}));
    QVERIFY(stampTo(u"custom.db"_s, {m_rev[6]}));
    QVERIFY(stampTo(u"unknown.db"_s, {u"heads"_s}));
    QVERIFY(stampTo(u"overlap.db"_s, {m_rev[1]}));
    QVERIFY(stampTo(u"wal.db"_s, {u"heads"_s}));
    QVERIFY(stampTo(u"locked-template.db"_s, {u"heads"_s}));
    // gen/app.db (the ini's database) stays at step 3 for the commands that use it.
    QVERIFY(stampTo(u"step3.db"_s, {m_rev[3]}));
    QVERIFY(QFile::copy(path(u"dbs/step3.db"_s), path(u"gen/app.db"_s)));

    QCOMPARE(execSql(path(u"dbs/unknown.db"_s),
                     {u"UPDATE alembic_version SET version_num = 'zzzz'"_s}),
             QString());
    QCOMPARE(execSql(path(u"dbs/overlap.db"_s),
                     {u"INSERT INTO alembic_version (version_num) VALUES ('%1')"_s.arg(m_rev[5])}),
             QString());
    QCOMPARE(execSql(path(u"dbs/custom.db"_s),
                     {u"ALTER TABLE alembic_version RENAME TO custom_version"_s}),
             QString());
    QCOMPARE(execSql(path(u"dbs/wal.db"_s), {u"PRAGMA journal_mode=WAL"_s}), QString());
    QVERIFY2(!QFileInfo::exists(path(u"dbs/wal.db-wal"_s)), "the WAL fixture kept its -wal file");
    QCOMPARE(execSql(path(u"dbs/notable.db"_s),
                     {u"CREATE TABLE account (id INTEGER PRIMARY KEY, name TEXT)"_s}),
             QString());
    {
        QFile text(path(u"dbs/text.db"_s));
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("This is a text file, not an SQLite database.\n");
    }
    QVERIFY(QDir().mkpath(path(u"dbs/dir.db"_s)));
    {
        QFile zero(path(u"dbs/zero.db"_s));
        QVERIFY(zero.open(QIODevice::WriteOnly));
    }
    // A writer killed in the middle of a transaction: a hot -journal that only
    // a read-write connection may roll back.
    QVERIFY(QFile::copy(path(u"dbs/uptodate.db"_s), path(u"dbs/hot.db"_s)));
    {
        QProcess writer;
        writer.start(QCoreApplication::applicationFilePath(),
                     {u"--spill"_s, path(u"dbs/hot.db"_s)});
        QVERIFY(writer.waitForStarted());
        QByteArray seen;
        QElapsedTimer timer;
        timer.start();
        while (!seen.contains("locked") && timer.elapsed() < 10000 &&
               writer.state() == QProcess::Running) {
            writer.waitForReadyRead(200);
            seen += writer.readAllStandardOutput();
        }
        QVERIFY2(seen.contains("locked"), writer.readAllStandardError().constData());
        writer.kill();
        QVERIFY(writer.waitForFinished(10000));
    }
    QVERIFY2(QFileInfo(path(u"dbs/hot.db-journal"_s)).size() > 0, "no hot journal was left");
    QVERIFY(setFixtureMtime(path(u"dbs/hot.db-journal"_s)));

    // Alembic's own upgrade order, to compare with `status`'s pending list.
    m_orderFromBase = alembicUpgradeOrder(u"heads"_s);
    m_orderFromRev1 = alembicUpgradeOrder(m_rev[1] + u":heads"_s);
    QCOMPARE(m_orderFromBase.size(), 8);
    QCOMPARE(m_orderFromRev1.size(), 6);

    // Hand-written projects, each with a database of its own.
    const QString data = QStringLiteral(RETORT_TEST_DATA) + u"/cli"_s;
    const QList<QPair<QString, QStringList>> handProjects = {
        {u"malformed"_s, {u"bbbb2222"_s}},    {u"cycle"_s, {u"a"_s}},
        {u"missingparent"_s, {u"cccc3333"_s}}, {u"duplicate"_s, {u"cccc3333"_s}},
        {u"labelclash"_s, {u"bbbb2222"_s}},    {u"prefixes"_s, {u"abcd2222"_s}},
        {u"rich"_s, {}},
    };
    for (const auto &[name, rows] : handProjects) {
        QVERIFY2(copyTree(data + u'/' + name, path(name)), qPrintable(name));
        if (rows.isEmpty())
            continue; // rich: its ini's database does not exist
        QStringList statements{alembicTableDdl};
        for (const QString &row : rows)
            statements.append(u"INSERT INTO alembic_version (version_num) VALUES ('%1')"_s.arg(row));
        QCOMPARE(execSql(path(name + u"/app.db"_s), statements), QString());
        QVERIFY(setFixtureMtime(path(name + u"/app.db"_s)));
    }

    // Flask-Migrate's layout: migrations/alembic.ini without script_location
    // or sqlalchemy.url, and migrations/versions.
    QVERIFY(QDir().mkpath(path(u"flask/migrations/versions"_s)));
    QVERIFY(QFile::copy(data + u"/flask/alembic.ini"_s, path(u"flask/migrations/alembic.ini"_s)));
    for (const QString &file : QDir(path(u"gen/alembic/versions"_s)).entryList({u"*.py"_s}))
        QVERIFY(QFile::copy(path(u"gen/alembic/versions/"_s + file),
                            path(u"flask/migrations/versions/"_s + file)));
    QVERIFY(QFile::copy(path(u"dbs/pending.db"_s), path(u"flask/app.db"_s)));
    QVERIFY(setFixtureMtime(path(u"flask/app.db"_s)));

    // A revision only the Alembic renderer can turn into SQL; the database at
    // the revision before it, made by the real Alembic.
    QVERIFY(copyTree(QStringLiteral(RETORT_TEST_DATA) + u"/projects/rendered"_s, path(u"rendered"_s)));
    const Run renderedDb = runProcess(python, {u"-m"_s, u"alembic"_s, u"upgrade"_s, u"c0ffee000001"_s},
                                      path(u"rendered"_s), environmentFor(Language::English));
    QVERIFY2(renderedDb.exitCode == 0, qPrintable(renderedDb.describe()));
    QVERIFY(setFixtureMtime(path(u"rendered/rendered.db"_s)));

    QVERIFY(QDir().mkpath(path(u"empty"_s)));
    {
        QFile other(path(u"gen/other.ini"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("[loggers]\nkeys = root\n");
    }

    for (const QString &db : QDir(path(u"dbs"_s)).entryList(QDir::Files))
        QVERIFY(setFixtureMtime(path(u"dbs/"_s + db)));
    QVERIFY(setFixtureMtime(path(u"gen/app.db"_s)));
}

void TestCli::checkCase(const Case &c, const Run &run)
{
    const QString details = run.describe();
    QVERIFY2(run.exitCode == c.exitCode,
             qPrintable(u"exit code %1, expected %2"_s.arg(run.exitCode).arg(c.exitCode) + details));
    for (const QString &s : c.outHas)
        QVERIFY2(run.outText().contains(s), qPrintable(u"stdout lacks '%1'"_s.arg(s) + details));
    for (const QString &s : c.errHas)
        QVERIFY2(run.errText().contains(s), qPrintable(u"stderr lacks '%1'"_s.arg(s) + details));
    for (const QString &s : c.outLacks)
        QVERIFY2(!run.outText().contains(s), qPrintable(u"stdout has '%1'"_s.arg(s) + details));
    for (const QString &s : c.errLacks)
        QVERIFY2(!run.errText().contains(s), qPrintable(u"stderr has '%1'"_s.arg(s) + details));
    if (c.stdoutEmpty)
        QVERIFY2(run.out.isEmpty(), qPrintable(u"stdout is not empty"_s + details));
    if (c.stderrEmpty)
        QVERIFY2(run.err.isEmpty(), qPrintable(u"stderr is not empty"_s + details));
    // Alembic-style failures: the FAILED line on stdout only, and first.
    if (c.exitCode == 255) {
        QVERIFY2(run.out.startsWith("FAILED: "), qPrintable(u"no FAILED line first"_s + details));
        QVERIFY2(!run.err.contains("FAILED"), qPrintable(u"FAILED on stderr"_s + details));
    }
}

// ---- 1. bad input ----------------------------------------------------------

void TestCli::badInput_data()
{
    QTest::addColumn<Case>("c");
    const QString cantLocate = u"FAILED: Can't locate revision identified by '%1'"_s;
    const QStringList genDbs{u"app.db"_s};

    // A revision file Retort cannot read: the rest still works, warnings name file and line.
    const QStringList malformedWarnings{u"3_syntax.py:4"_s, u"4_call.py:5"_s,
                                        u"unterminated string"_s, u"not a literal"_s};
    QTest::newRow("malformed: heads") << Case{
        .project = u"malformed"_s, .args = {u"heads"_s}, .exitCode = 0,
        .outHas = {u"bbbb2222 (head)\n"_s}, .errHas = malformedWarnings,
        .outLacks = {u"warning"_s, u"cccc3333"_s, u"dddd4444"_s}, .dbs = {u"app.db"_s}};
    QTest::newRow("malformed: history") << Case{
        .project = u"malformed"_s, .args = {u"history"_s}, .exitCode = 0,
        .outHas = {u"aaaa1111 -> bbbb2222 (head), second revision\n"
                   u"<base> -> aaaa1111, first revision\n"_s},
        .errHas = malformedWarnings, .outLacks = {u"warning"_s}, .dbs = {u"app.db"_s}};
    QTest::newRow("malformed: history -i") << Case{
        .project = u"malformed"_s, .args = {u"history"_s, u"-i"_s}, .exitCode = 0,
        .outHas = {u"aaaa1111 -> bbbb2222 (head) (current), second revision\n"_s},
        .errHas = malformedWarnings, .dbs = {u"app.db"_s}};
    QTest::newRow("malformed: current") << Case{
        .project = u"malformed"_s, .args = {u"current"_s}, .exitCode = 0,
        .outHas = {u"bbbb2222 (head)\n"_s}, .errHas = malformedWarnings, .dbs = {u"app.db"_s}};
    QTest::newRow("malformed: show bbbb2222") << Case{
        .project = u"malformed"_s, .args = {u"show"_s, u"bbbb2222"_s}, .exitCode = 0,
        .outHas = {u"Rev: bbbb2222 (head)\nParent: aaaa1111\n"_s}, .errHas = malformedWarnings,
        .dbs = {u"app.db"_s}};
    QTest::newRow("malformed: status lists the files as problems") << Case{
        .project = u"malformed"_s, .args = {u"status"_s}, .exitCode = 4,
        .outHas = {u"Problems:"_s, u"3_syntax.py:4"_s, u"4_call.py:5"_s, u"unterminated string"_s,
                   u"not a literal"_s, u"Current:         bbbb2222"_s},
        .dbs = {u"app.db"_s}};

    // A cycle: Alembic refuses the whole history.
    const QString cycle = u"FAILED: Cycle is detected in revisions (a, b)\n"_s;
    for (const char *command : {"heads", "history", "branches", "current"})
        QTest::addRow("cycle: %s", command) << Case{
            .project = u"cycle"_s, .args = {QString::fromLatin1(command)}, .exitCode = 255,
            .outHas = {cycle}, .dbs = {u"app.db"_s}};
    QTest::newRow("cycle: status") << Case{
        .project = u"cycle"_s, .args = {u"status"_s}, .exitCode = 4,
        .outHas = {u"Cycle is detected in revisions (a, b)"_s}, .dbs = {u"app.db"_s}};

    // A parent that is not there: a warning, the rest works.
    const QString missing = u"Revision ffff9999 referenced from bbbb2222 is not present"_s;
    QTest::newRow("missing parent: heads") << Case{
        .project = u"missingparent"_s, .args = {u"heads"_s}, .exitCode = 0,
        .outHas = {u"cccc3333 (head)\n"_s}, .errHas = {missing, u"2_orphan.py"_s},
        .outLacks = {u"warning"_s, missing}, .dbs = {u"app.db"_s}};
    QTest::newRow("missing parent: history") << Case{
        .project = u"missingparent"_s, .args = {u"history"_s}, .exitCode = 0,
        .outHas = {u"aaaa1111 -> cccc3333 (head), child\n"_s, u"<base> -> aaaa1111, base\n"_s},
        .errHas = {missing}, .dbs = {u"app.db"_s}};
    QTest::newRow("missing parent: current") << Case{
        .project = u"missingparent"_s, .args = {u"current"_s}, .exitCode = 0,
        .outHas = {u"cccc3333 (head)\n"_s}, .errHas = {missing}, .dbs = {u"app.db"_s}};
    QTest::newRow("missing parent: status") << Case{
        .project = u"missingparent"_s, .args = {u"status"_s}, .exitCode = 4,
        .outHas = {u"Problems:"_s, missing}, .dbs = {u"app.db"_s}};

    // The same id twice: a warning; the later file wins, as in Alembic.
    const QString twice = u"Revision cccc3333 is present more than once"_s;
    QTest::newRow("duplicate: heads") << Case{
        .project = u"duplicate"_s, .args = {u"heads"_s}, .exitCode = 0,
        .outHas = {u"cccc3333 (head)\n"_s}, .errHas = {twice}, .outLacks = {twice},
        .dbs = {u"app.db"_s}};
    QTest::newRow("duplicate: show takes the later file") << Case{
        .project = u"duplicate"_s, .args = {u"show"_s, u"cccc3333"_s}, .exitCode = 0,
        .outHas = {u"3_copy_two.py"_s, u"    second copy"_s}, .errHas = {twice},
        .outLacks = {u"first copy"_s}, .dbs = {u"app.db"_s}};
    QTest::newRow("duplicate: status") << Case{
        .project = u"duplicate"_s, .args = {u"status"_s}, .exitCode = 0,
        .outHas = {u"Problems:"_s, twice}, .dbs = {u"app.db"_s}};

    // A branch label used twice.
    const QString clash =
        u"FAILED: Branch name 'x' in revision cccc3333 already used by revision bbbb2222\n"_s;
    QTest::newRow("label clash: heads") << Case{.project = u"labelclash"_s, .args = {u"heads"_s},
                                                .exitCode = 255, .outHas = {clash},
                                                .dbs = {u"app.db"_s}};
    QTest::newRow("label clash: history") << Case{.project = u"labelclash"_s,
                                                  .args = {u"history"_s}, .exitCode = 255,
                                                  .outHas = {clash}, .dbs = {u"app.db"_s}};
    QTest::newRow("label clash: status") << Case{
        .project = u"labelclash"_s, .args = {u"status"_s}, .exitCode = 4,
        .outHas = {u"Branch name 'x' in revision cccc3333 already used by revision bbbb2222"_s},
        .dbs = {u"app.db"_s}};

    // Databases Retort cannot read: exit 5, the reason on stderr (on stdout for status).
    const QString text = u"../dbs/text.db"_s;
    for (const QStringList &args : {QStringList{u"current"_s}, QStringList{u"history"_s, u"-i"_s},
                                    QStringList{u"show"_s, u"current"_s},
                                    QStringList{u"history"_s, u"-r"_s, u"current:"_s}})
        QTest::addRow("text file as db: %s", qPrintable(args.join(u' ')))
            << Case{.args = QStringList{u"--db"_s, text} + args, .exitCode = 5,
                    .errHas = {u"text.db"_s, u"not a database"_s}, .dbs = {text},
                    .stdoutEmpty = true};
    QTest::newRow("text file as db: status") << Case{
        .args = {u"--db"_s, text, u"status"_s}, .exitCode = 5,
        .outHas = {u"text.db"_s, u"not a database"_s}, .dbs = {text}};

    const QString absent = u"../dbs/missing.db"_s;
    for (const QStringList &args : {QStringList{u"current"_s}, QStringList{u"history"_s, u"-i"_s}})
        QTest::addRow("missing db: %s", qPrintable(args.join(u' ')))
            << Case{.args = QStringList{u"--db"_s, absent} + args, .exitCode = 5,
                    .errHas = {u"missing.db"_s, u"does not exist"_s}, .dbs = {absent},
                    .stdoutEmpty = true};
    QTest::newRow("missing db: status") << Case{
        .args = {u"--db"_s, absent, u"status"_s}, .exitCode = 5,
        .outHas = {u"missing.db"_s, u"does not exist"_s}, .dbs = {absent}};
    QTest::newRow("missing db from the ini: current") << Case{
        .project = u"rich"_s, .args = {u"current"_s}, .exitCode = 5,
        .errHas = {u"app.db"_s, u"does not exist"_s}, .dbs = {u"app.db"_s}, .stdoutEmpty = true};

    const QString dir = u"../dbs/dir.db"_s;
    QTest::newRow("directory as db: current") << Case{
        .args = {u"--db"_s, dir, u"current"_s}, .exitCode = 5,
        .errHas = {u"dir.db"_s, u"directory"_s}, .dbs = {dir}, .stdoutEmpty = true};
    QTest::newRow("directory as db: status") << Case{
        .args = {u"--db"_s, dir, u"status"_s}, .exitCode = 5,
        .outHas = {u"dir.db"_s, u"directory"_s}, .dbs = {dir}};

    const QString hot = u"../dbs/hot.db"_s;
    const QString hotJournal = u"../dbs/hot.db-journal"_s;
    QTest::newRow("hot journal: current") << Case{
        .args = {u"--db"_s, hot, u"current"_s}, .exitCode = 5,
        .errHas = {u"hot.db-journal"_s}, .dbs = {hot, hotJournal}, .stdoutEmpty = true};
    QTest::newRow("hot journal: history -i") << Case{
        .args = {u"--db"_s, hot, u"history"_s, u"-i"_s}, .exitCode = 5,
        .errHas = {u"hot.db-journal"_s}, .dbs = {hot, hotJournal}, .stdoutEmpty = true};
    QTest::newRow("hot journal: status") << Case{
        .args = {u"--db"_s, hot, u"status"_s}, .exitCode = 5, .outHas = {u"hot.db-journal"_s},
        .dbs = {hot, hotJournal}};

    // An id in alembic_version that no revision file defines.
    const QString unknown = u"../dbs/unknown.db"_s;
    QTest::newRow("unknown row: current") << Case{
        .args = {u"--db"_s, unknown, u"current"_s}, .exitCode = 255,
        .outHas = {cantLocate.arg(u"zzzz"_s) + u'\n'}, .errHas = {u"zzzz"_s},
        .dbs = {unknown}};
    QTest::newRow("unknown row: show current") << Case{
        .args = {u"--db"_s, unknown, u"show"_s, u"current"_s}, .exitCode = 255,
        .outHas = {cantLocate.arg(u"zzzz"_s)}, .dbs = {unknown}};
    QTest::newRow("unknown row: status") << Case{
        .args = {u"--db"_s, unknown, u"status"_s}, .exitCode = 4,
        .outHas = {u"zzzz"_s, u"deleted"_s, u"another branch"_s}, .dbs = {unknown}};

    // An ancestor stored together with its descendant.
    const QString overlap = u"../dbs/overlap.db"_s;
    QTest::newRow("ancestor and descendant rows: status") << Case{
        .args = {u"--db"_s, overlap, u"status"_s}, .exitCode = 4,
        .outHas = {m_rev[1], m_rev[5], u"ancestor"_s}, .dbs = {overlap}};

    // A database in WAL mode with no -wal file: readable, and no -wal/-shm left behind.
    const QString wal = u"../dbs/wal.db"_s;
    QTest::newRow("wal-mode db: current") << Case{
        .args = {u"--db"_s, wal, u"current"_s}, .exitCode = 0,
        .outHas = {m_rev[7] + u" (head)\n"_s}, .dbs = {wal}, .stderrEmpty = true};
    QTest::newRow("wal-mode db: status") << Case{
        .args = {u"--db"_s, wal, u"status"_s}, .exitCode = 0, .dbs = {wal}};

    // Where the project is.
    QTest::newRow("-c missing.ini") << Case{.args = {u"-c"_s, u"missing.ini"_s, u"heads"_s},
                                            .exitCode = 2, .errHas = {u"missing.ini"_s},
                                            .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("-c an ini without [alembic]") << Case{
        .args = {u"-c"_s, u"other.ini"_s, u"heads"_s}, .exitCode = 2,
        .errHas = {u"other.ini"_s, u"[alembic]"_s}, .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("-c a file that is not an ini") << Case{
        .args = {u"-c"_s, u"alembic/env.py"_s, u"heads"_s}, .exitCode = 2,
        .errHas = {u"env.py"_s, u"line 1"_s}, .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("--scripts /nonexistent") << Case{
        .args = {u"--scripts"_s, u"/nonexistent"_s, u"heads"_s}, .exitCode = 2,
        .errHas = {u"/nonexistent"_s}, .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("--scripts /nonexistent: status") << Case{
        .args = {u"--scripts"_s, u"/nonexistent"_s, u"status"_s}, .exitCode = 2,
        .errHas = {u"/nonexistent"_s}, .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("no alembic.ini here: heads") << Case{
        .project = u"empty"_s, .args = {u"heads"_s}, .exitCode = 2,
        .errHas = {u"alembic.ini"_s}, .stdoutEmpty = true};
    QTest::newRow("no alembic.ini here: status") << Case{
        .project = u"empty"_s, .args = {u"status"_s}, .exitCode = 2,
        .errHas = {u"alembic.ini"_s}, .stdoutEmpty = true};

    // Revisions that do not resolve: Alembic's line, Retort's reason on stderr.
    QTest::newRow("show unknown revision") << Case{
        .args = {u"show"_s, u"zzzzzz"_s}, .exitCode = 255,
        .outHas = {cantLocate.arg(u"zzzzzz"_s) + u'\n'},
        .errHas = {u"No such revision or branch 'zzzzzz'"_s}, .dbs = genDbs};
    QTest::newRow("show ambiguous prefix") << Case{
        .project = u"prefixes"_s, .args = {u"show"_s, u"abcd"_s}, .exitCode = 255,
        .outHas = {cantLocate.arg(u"abcd"_s) + u'\n'},
        .errHas = {u"Multiple revisions start with 'abcd'"_s, u"'abcd1111'"_s, u"'abcd2222'"_s},
        .dbs = {u"app.db"_s}};
    QTest::newRow("show ambiguous 3-char prefix") << Case{
        .project = u"prefixes"_s, .args = {u"show"_s, u"abc"_s}, .exitCode = 255,
        .outHas = {cantLocate.arg(u"abc"_s) + u'\n'},
        .errHas = {u"Multiple revisions start with 'abc'"_s}, .dbs = {u"app.db"_s}};
    QTest::newRow("show short prefix matching nothing") << Case{
        .project = u"prefixes"_s, .args = {u"show"_s, u"zz"_s}, .exitCode = 255,
        .outHas = {cantLocate.arg(u"zz"_s) + u'\n'},
        .errHas = {u"No such revision or branch 'zz'"_s, u"at least four characters"_s},
        .dbs = {u"app.db"_s}};
    QTest::newRow("show unknown branch label") << Case{
        .args = {u"show"_s, u"nolabel@head"_s}, .exitCode = 255,
        .outHas = {u"FAILED: Can't locate revision identified by 'nolabel"_s}, .dbs = genDbs};
    QTest::newRow("history unknown range start") << Case{
        .args = {u"history"_s, u"-r"_s, u"zzzz:"_s}, .exitCode = 255,
        .outHas = {cantLocate.arg(u"zzzz"_s) + u'\n'}, .dbs = genDbs};

    // Usage errors.
    QTest::newRow("unknown command") << Case{
        .args = {u"frobnicate"_s}, .exitCode = 2, .errHas = {u"frobnicate"_s, u"--help"_s},
        .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("gui with --json") << Case{
        .args = {u"--json"_s, u"gui"_s}, .exitCode = 2,
        .outHas = {u"desktop application"_s, u"--json"_s}, .dbs = genDbs};
    QTest::newRow("unknown option after the command") << Case{
        .args = {u"heads"_s, u"--bogus"_s}, .exitCode = 2, .errHas = {u"--bogus"_s},
        .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("unknown option before the command") << Case{
        .args = {u"--bogus"_s, u"heads"_s}, .exitCode = 2, .errHas = {u"--bogus"_s},
        .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("option of another command") << Case{
        .args = {u"heads"_s, u"-i"_s}, .exitCode = 2, .errHas = {u"-i"_s}, .dbs = genDbs,
        .stdoutEmpty = true};
    for (const QStringList &args :
         {QStringList{u"history"_s, u"-r"_s}, QStringList{u"history"_s, u"--rev-range"_s},
          QStringList{u"current"_s, u"--db"_s}, QStringList{u"heads"_s, u"-c"_s},
          QStringList{u"heads"_s, u"--scripts"_s}, QStringList{u"current"_s, u"--version-table"_s},
          QStringList{u"heads"_s, u"--lang"_s}})
        QTest::addRow("missing value: %s", qPrintable(args.join(u' ')))
            << Case{.args = args, .exitCode = 2, .errHas = {args.last()}, .dbs = genDbs,
                    .stdoutEmpty = true};
    QTest::newRow("show without a revision") << Case{
        .args = {u"show"_s}, .exitCode = 2, .errHas = {u"show REV"_s}, .dbs = genDbs,
        .stdoutEmpty = true};
    QTest::newRow("show with two revisions") << Case{
        .args = {u"show"_s, m_rev[1], m_rev[2]}, .exitCode = 2, .dbs = genDbs,
        .stdoutEmpty = true};
    QTest::newRow("unsupported language") << Case{
        .args = {u"--lang"_s, u"fr"_s, u"heads"_s}, .exitCode = 2, .errHas = {u"fr"_s},
        .dbs = genDbs, .stdoutEmpty = true};
    // Alembic: "error: unrecognized arguments: extra", exit 2.
    QTest::newRow("current with a stray argument") << Case{
        .args = {u"current"_s, u"extra"_s}, .exitCode = 2, .errHas = {u"extra"_s},
        .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("status with a stray argument") << Case{
        .args = {u"status"_s, u"extra"_s}, .exitCode = 2, .errHas = {u"extra"_s},
        .dbs = genDbs, .stdoutEmpty = true};
    QTest::newRow("heads with a stray argument") << Case{
        .args = {u"heads"_s, u"extra"_s}, .exitCode = 2, .errHas = {u"extra"_s},
        .dbs = genDbs, .stdoutEmpty = true};
}

void TestCli::badInput()
{
    QFETCH(Case, c);
    const Run run = retort(c.project, c.args, c.dbs);
    if (QTest::currentTestFailed())
        return;
    checkCase(c, run);
}

// A database another connection holds an exclusive lock on: exit 5 quickly,
// "locked" in the message, and the file left as it was.
void TestCli::lockedDatabase_data()
{
    QTest::addColumn<QString>("holder");
    QTest::addColumn<QStringList>("args");
    const QList<QStringList> commands = {
        {u"current"_s}, {u"status"_s}, {u"history"_s, u"-i"_s}, {u"show"_s, u"current"_s},
        {u"--json"_s, u"current"_s}, {u"--json"_s, u"status"_s}};
    for (const QString &holder : {u"QSqlDatabase"_s, u"sqlite3"_s})
        for (const QStringList &args : commands)
            QTest::addRow("%s: %s", qPrintable(holder), qPrintable(args.join(u' ')))
                << holder << args;
}

void TestCli::lockedDatabase()
{
    QFETCH(QString, holder);
    QFETCH(QStringList, args);
    const QString db = path(u"dbs/locked.db"_s);
    QFile::remove(db);
    QFile::remove(db + u"-journal"_s);
    QVERIFY(QFile::copy(path(u"dbs/locked-template.db"_s), db));
    QVERIFY(setFixtureMtime(db));

    // The lock is held by another process: the test itself reads the file to
    // check it, and closing any descriptor of a file drops the POSIX locks a
    // process holds on it, so an in-process QSqlDatabase lock would vanish.
    QProcess locker;
    QByteArray commands;
    if (holder == u"QSqlDatabase"_s) {
        locker.setProgram(QCoreApplication::applicationFilePath());
        locker.setArguments({u"--hold-lock"_s, db});
    } else {
        const QString program = QStandardPaths::findExecutable(u"sqlite3"_s);
        if (program.isEmpty())
            QSKIP("the sqlite3 command-line tool is not installed");
        locker.setProgram(program);
        locker.setArguments({db});
        commands = "BEGIN EXCLUSIVE;\nUPDATE alembic_version SET version_num = version_num;\n"
                   "SELECT 'locked';\n";
    }
    locker.start();
    QVERIFY(locker.waitForStarted());
    locker.write(commands);
    QByteArray seen;
    QElapsedTimer timer;
    timer.start();
    while (!seen.contains("locked") && timer.elapsed() < 10000 &&
           locker.state() == QProcess::Running) {
        locker.waitForReadyRead(200);
        seen += locker.readAllStandardOutput();
    }
    QVERIFY2(seen.contains("locked"),
             qPrintable(u"the lock holder did not take the lock: "_s +
                        QString::fromUtf8(seen + locker.readAllStandardError())));

    const Run run = retort(u"gen"_s, QStringList{u"--db"_s, db} + args, {db});

    locker.closeWriteChannel(); // the holder rolls back and exits
    QVERIFY(locker.waitForFinished(10000));
    if (QTest::currentTestFailed())
        return;

    QVERIFY2(run.elapsedMs < 5000, qPrintable(u"took too long"_s + run.describe()));
    QVERIFY2(run.exitCode == 5, qPrintable(u"expected exit 5"_s + run.describe()));
    const bool json = args.contains(u"--json"_s);
    const bool isStatus = args.contains(u"status"_s);
    if (json) {
        QString error;
        const QJsonObject o = parseJsonObject(run, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(o.value(u"exit_code"_s).toInt(), 5);
        if (isStatus) {
            QCOMPARE(o.value(u"state"_s).toString(), u"unreadable"_s);
            const QJsonArray problems = o.value(u"problems"_s).toArray();
            QVERIFY2(!problems.isEmpty() && problems.first()
                                                .toObject()
                                                .value(u"message"_s)
                                                .toString()
                                                .contains(u"locked"_s),
                     qPrintable(run.describe()));
        } else {
            const QJsonObject e = o.value(u"error"_s).toObject();
            QCOMPARE(e.value(u"kind"_s).toString(), u"database"_s);
            QVERIFY2(e.value(u"message"_s).toString().contains(u"locked"_s),
                     qPrintable(run.describe()));
        }
    } else if (isStatus) {
        QVERIFY2(run.outText().contains(u"locked"_s), qPrintable(run.describe()));
    } else {
        QVERIFY2(run.errText().contains(u"locked"_s), qPrintable(run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    }
}

// Where Retort prints Alembic's FAILED line, it is Alembic's, byte for byte.
void TestCli::alembicFailureText_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("show unknown") << u"gen"_s << QStringList{u"show"_s, u"zzzzzz"_s};
    QTest::newRow("show short prefix") << u"gen"_s << QStringList{u"show"_s, u"zz"_s};
    QTest::newRow("show ambiguous") << u"prefixes"_s << QStringList{u"show"_s, u"abcd"_s};
    QTest::newRow("show unknown label") << u"gen"_s << QStringList{u"show"_s, u"nolabel@head"_s};
    QTest::newRow("history bad start") << u"gen"_s << QStringList{u"history"_s, u"-r"_s, u"zzzz:"_s};
    QTest::newRow("history bad end") << u"gen"_s << QStringList{u"history"_s, u"-r"_s, u":zzzz"_s};
    QTest::newRow("history no colon") << u"gen"_s << QStringList{u"history"_s, u"-r"_s, u"zzzz"_s};
    QTest::newRow("cycle history") << u"cycle"_s << QStringList{u"history"_s};
    // (Not the label clash: Alembic names the two revisions in set order, which
    // changes from run to run; Retort names them in file order.)
}

void TestCli::alembicFailureText()
{
    QFETCH(QString, project);
    QFETCH(QStringList, args);
    const Run reference = alembic(project, args);
    QCOMPARE(reference.exitCode, 255);
    const Run run = retort(project, args, {u"app.db"_s});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(run.exitCode == 255, qPrintable(run.describe()));
    QCOMPARE(run.outText(), reference.outText());
}

// ---- 2. status exit codes --------------------------------------------------

void TestCli::statusExitCodes_data()
{
    QTest::addColumn<QStringList>("args");     // before `status`
    QTest::addColumn<QString>("db");           // relative to gen/
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("state");        // JSON "state"
    QTest::addColumn<QStringList>("stateWords"); // text: the State: line holds these
    QTest::addColumn<QStringList>("pending");  // ids, in the order Alembic would run them
    QTest::addColumn<QStringList>("rows");

    auto db = [](const QString &name) -> QString { return u"../dbs/"_s + name; };
    QTest::newRow("up to date") << QStringList{} << db(u"uptodate.db"_s) << 0 << u"up_to_date"_s
                                << QStringList{u"up to date"_s} << QStringList{} << QStringList{m_rev[7]};
    QTest::newRow("pending") << QStringList{} << db(u"pending.db"_s) << 3 << u"pending"_s
                             << QStringList{u"pending"_s, u"6"_s} << m_orderFromRev1
                             << QStringList{m_rev[1]};
    QTest::newRow("empty version table (stamp base)")
        << QStringList{} << db(u"stampbase.db"_s) << 3 << u"pending"_s
        << QStringList{u"pending"_s, u"8"_s} << m_orderFromBase << QStringList{};
    QTest::newRow("no version table") << QStringList{} << db(u"notable.db"_s) << 3
                                      << u"not_under_alembic"_s << QStringList{u"pending"_s, u"8"_s}
                                      << m_orderFromBase << QStringList{};
    QTest::newRow("custom version table") << QStringList{u"--version-table"_s, u"custom_version"_s}
                                          << db(u"custom.db"_s) << 3 << u"pending"_s
                                          << QStringList{u"pending"_s, u"1"_s} << QStringList{m_rev[7]}
                                          << QStringList{m_rev[6]};
    QTest::newRow("custom version table not named") << QStringList{} << db(u"custom.db"_s) << 3
                                                    << u"not_under_alembic"_s
                                                    << QStringList{u"pending"_s, u"8"_s}
                                                    << m_orderFromBase << QStringList{};
    QTest::newRow("wal mode, up to date") << QStringList{} << db(u"wal.db"_s) << 0
                                          << u"up_to_date"_s << QStringList{u"up to date"_s} << QStringList{}
                                          << QStringList{m_rev[7]};
    QTest::newRow("unknown revision") << QStringList{} << db(u"unknown.db"_s) << 4
                                      << u"inconsistent"_s << QStringList{u"inconsistent"_s} << QStringList{}
                                      << QStringList{u"zzzz"_s};
    QTest::newRow("ancestor and descendant") << QStringList{} << db(u"overlap.db"_s) << 4
                                             << u"inconsistent"_s << QStringList{u"inconsistent"_s}
                                             << QStringList() << QStringList{m_rev[1], m_rev[5]};
    QTest::newRow("not a database") << QStringList{} << db(u"text.db"_s) << 5 << u"unreadable"_s
                                    << QStringList{u"unreadable"_s} << QStringList{} << QStringList{};
    QTest::newRow("missing file") << QStringList{} << db(u"missing.db"_s) << 5 << u"unreadable"_s
                                  << QStringList{u"unreadable"_s} << QStringList{} << QStringList{};
    QTest::newRow("hot journal") << QStringList{} << db(u"hot.db"_s) << 5 << u"unreadable"_s
                                 << QStringList{u"unreadable"_s} << QStringList{}
                                 << QStringList{};
    QTest::newRow("empty file") << QStringList{} << db(u"zero.db"_s) << 3
                                << u"not_under_alembic"_s << QStringList{u"pending"_s, u"8"_s}
                                << m_orderFromBase << QStringList{};
    QTest::newRow("directory") << QStringList{} << db(u"dir.db"_s) << 5 << u"unreadable"_s
                               << QStringList{u"unreadable"_s} << QStringList{} << QStringList{};
}

void TestCli::statusExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(QString, db);
    QFETCH(int, exitCode);
    QFETCH(QString, state);
    QFETCH(QStringList, stateWords);
    QFETCH(QStringList, pending);
    QFETCH(QStringList, rows);

    const QStringList common = QStringList{u"--db"_s, db} + args;
    const Run text = retort(u"gen"_s, common + QStringList{u"status"_s}, {db});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(text.exitCode == exitCode, qPrintable(text.describe()));
    static const QRegularExpression stateRe(u"^State: +(.*)$"_s, QRegularExpression::MultilineOption);
    const auto m = stateRe.match(text.outText());
    QVERIFY2(m.hasMatch(), qPrintable(u"no State: line"_s + text.describe()));
    for (const QString &word : stateWords)
        QVERIFY2(QRegularExpression(u"\\b"_s + QRegularExpression::escape(word) + u"\\b"_s)
                     .match(m.captured(1))
                     .hasMatch(),
                 qPrintable(u"the State: line lacks '%1'"_s.arg(word) + text.describe()));
    for (const QString &id : pending)
        QVERIFY2(text.outText().contains(id), qPrintable(text.describe()));

    const Run json = retort(u"gen"_s, QStringList{u"--json"_s} + common + QStringList{u"status"_s},
                            {db});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(json.exitCode == exitCode, qPrintable(json.describe()));
    QString error;
    const QJsonObject o = parseJsonObject(json, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString details = json.describe();

    QCOMPARE(o.value(u"format_version"_s).toString(), u"1"_s);
    QVERIFY2(o.value(u"database"_s).isString(), qPrintable(details));
    QCOMPARE(o.value(u"database"_s).toString(), QDir::cleanPath(path(u"gen/"_s + db)));
    QVERIFY2(o.value(u"sqlite_version"_s).isString() &&
                 QRegularExpression(u"^3\\.\\d+\\.\\d+$"_s)
                     .match(o.value(u"sqlite_version"_s).toString())
                     .hasMatch(),
             qPrintable(details));
    QCOMPARE(o.value(u"version_table"_s).toString(),
             args.isEmpty() ? u"alembic_version"_s : args.last());
    QCOMPARE(o.value(u"state"_s).toString(), state);
    QVERIFY2(o.value(u"rows"_s).isArray(), qPrintable(details));
    QCOMPARE(stringsOf(o.value(u"rows"_s)), rows);
    QVERIFY2(checkRevisionArray(o.value(u"current"_s), u"current"_s).isEmpty(),
             qPrintable(checkRevisionArray(o.value(u"current"_s), u"current"_s) + details));
    QVERIFY2(checkRevisionArray(o.value(u"heads"_s), u"heads"_s).isEmpty(),
             qPrintable(checkRevisionArray(o.value(u"heads"_s), u"heads"_s) + details));
    QCOMPARE(idsOf(o.value(u"heads"_s)), QStringList{m_rev[7]});
    QVERIFY2(checkRevisionArray(o.value(u"pending"_s), u"pending"_s).isEmpty(),
             qPrintable(checkRevisionArray(o.value(u"pending"_s), u"pending"_s) + details));
    QVERIFY2(o.value(u"pending_count"_s).isDouble(), qPrintable(details));
    QCOMPARE(o.value(u"pending_count"_s).toInt(), int(pending.size()));
    QCOMPARE(idsOf(o.value(u"pending"_s)), pending);
    QVERIFY2(o.value(u"problems"_s).isArray(), qPrintable(details));
    for (const QJsonValue &p : o.value(u"problems"_s).toArray()) {
        QVERIFY2(p.toObject().value(u"message"_s).isString(), qPrintable(details));
        QVERIFY2(p.toObject().value(u"revision"_s).isString(), qPrintable(details));
    }
    QVERIFY2(o.value(u"exit_code"_s).isDouble(), qPrintable(details));
    QCOMPARE(o.value(u"exit_code"_s).toInt(), exitCode);
    QCOMPARE(o.value(u"problems"_s).toArray().isEmpty(), exitCode == 0 || exitCode == 3);

    if (state == u"up_to_date"_s || state == u"pending"_s) {
        const QStringList current = idsOf(o.value(u"current"_s));
        QCOMPARE(current, rows);
    }
    if (db.endsWith(u"unknown.db"_s)) {
        const QJsonObject problem = o.value(u"problems"_s).toArray().first().toObject();
        QCOMPARE(problem.value(u"revision"_s).toString(), u"zzzz"_s);
    }
}

// ---- 3. --json -------------------------------------------------------------

void TestCli::jsonHeads()
{
    const Run run = retort(u"rich"_s, {u"--json"_s, u"heads"_s}, {u"app.db"_s});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QString error;
    const QJsonObject o = parseJsonObject(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.value(u"format_version"_s).toString(), u"1"_s);
    const QString problem = checkRevisionArray(o.value(u"heads"_s), u"heads"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(idsOf(o.value(u"heads"_s)), (QStringList{u"acct0002"_s, u"merg0006"_s}));

    const QJsonObject acct = revisionById(o.value(u"heads"_s), u"acct0002"_s);
    QCOMPARE(acct.value(u"is_head"_s).toBool(), true);
    QCOMPARE(acct.value(u"is_real_head"_s).toBool(), false); // netw0004 depends on it
    QCOMPARE(stringsOf(acct.value(u"branch_labels"_s)), QStringList{u"accounts"_s});
    QCOMPARE(stringsOf(acct.value(u"down_revisions"_s)), QStringList{u"base0001"_s});
    QCOMPARE(acct.value(u"doc"_s).toString(), u"add account email"_s);
    QCOMPARE(acct.value(u"path"_s).toString(), path(u"rich/alembic/versions/2_acct.py"_s));

    const QJsonObject merge = revisionById(o.value(u"heads"_s), u"merg0006"_s);
    QCOMPARE(merge.value(u"is_merge_point"_s).toBool(), true);
    QCOMPARE(merge.value(u"is_real_head"_s).toBool(), true);
    QCOMPARE(merge.value(u"is_base"_s).toBool(), false);
    QCOMPARE(stringsOf(merge.value(u"down_revisions"_s)),
             (QStringList{u"netw0004"_s, u"othr0005"_s}));
    QCOMPARE(stringsOf(merge.value(u"children"_s)), QStringList{});
}

void TestCli::jsonBranches()
{
    const Run run = retort(u"rich"_s, {u"--json"_s, u"branches"_s}, {u"app.db"_s});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QString error;
    const QJsonObject o = parseJsonObject(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.value(u"format_version"_s).toString(), u"1"_s);
    const QString problem = checkRevisionArray(o.value(u"branch_points"_s), u"branch_points"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(idsOf(o.value(u"branch_points"_s)), QStringList{u"base0001"_s});
    const QJsonObject base = revisionById(o.value(u"branch_points"_s), u"base0001"_s);
    QStringList children = stringsOf(base.value(u"children"_s));
    children.sort();
    QCOMPARE(children, (QStringList{u"acct0002"_s, u"othr0005"_s, u"side0003"_s}));
    QCOMPARE(base.value(u"is_branch_point"_s).toBool(), true);
    QCOMPARE(base.value(u"is_base"_s).toBool(), true);
    QCOMPARE(base.value(u"is_head"_s).toBool(), false);
    QCOMPARE(stringsOf(base.value(u"down_revisions"_s)), QStringList{});
}

void TestCli::jsonHistory()
{
    const Run textRun = retort(u"rich"_s, {u"history"_s}, {u"app.db"_s});
    const Run run = retort(u"rich"_s, {u"--json"_s, u"history"_s}, {u"app.db"_s});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QString error;
    const QJsonObject o = parseJsonObject(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.value(u"format_version"_s).toString(), u"1"_s);
    const QString problem = checkRevisionArray(o.value(u"revisions"_s), u"revisions"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // Newest first, in the text command's order.
    QStringList textOrder;
    for (const QString &line : textRun.outText().split(u'\n', Qt::SkipEmptyParts)) {
        static const QRegularExpression id(u"-> (\\w+)"_s);
        textOrder.append(id.match(line).captured(1));
    }
    QCOMPARE(idsOf(o.value(u"revisions"_s)), textOrder);
    QCOMPARE(textOrder.size(), 6);
    for (const QJsonValue &v : o.value(u"revisions"_s).toArray()) {
        QVERIFY(v.toObject().value(u"current"_s).isBool());
        QCOMPARE(v.toObject().value(u"current"_s).toBool(), false);
    }
    const QJsonObject netw = revisionById(o.value(u"revisions"_s), u"netw0004"_s);
    QCOMPARE(stringsOf(netw.value(u"depends_on"_s)), QStringList{u"acct0002"_s});
    QCOMPARE(stringsOf(netw.value(u"down_revisions"_s)), QStringList{u"side0003"_s});
    QCOMPARE(stringsOf(netw.value(u"children"_s)), QStringList{u"merg0006"_s});
    QCOMPARE(netw.value(u"doc"_s).toString(), u"network table"_s);
    const QJsonObject base = revisionById(o.value(u"revisions"_s), u"base0001"_s);
    QCOMPARE(base.value(u"is_base"_s).toBool(), true);
    QCOMPARE(base.value(u"is_branch_point"_s).toBool(), true);
    QCOMPARE(base.value(u"doc"_s).toString(), u"create account table"_s);
    const QJsonObject side = revisionById(o.value(u"revisions"_s), u"side0003"_s);
    for (const QString &key : {u"is_head"_s, u"is_real_head"_s, u"is_base"_s,
                               u"is_branch_point"_s, u"is_merge_point"_s})
        QCOMPARE(side.value(key).toBool(), false);
}

void TestCli::jsonHistoryIndicateCurrent()
{
    const QString db = u"../dbs/pending.db"_s;
    const Run run = retort(u"gen"_s, {u"--json"_s, u"--db"_s, db, u"history"_s, u"-i"_s}, {db});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QString error;
    const QJsonObject o = parseJsonObject(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.value(u"revisions"_s).toArray().size(), 8);
    QCOMPARE(idsOf(o.value(u"revisions"_s)).first(), m_rev[7]);
    QCOMPARE(idsOf(o.value(u"revisions"_s)).last(), m_rev[0]);
    for (const QJsonValue &v : o.value(u"revisions"_s).toArray()) {
        const QJsonObject r = v.toObject();
        QCOMPARE(r.value(u"current"_s).toBool(), r.value(u"revision"_s).toString() == m_rev[1]);
    }
    const QJsonObject branchPoint = revisionById(o.value(u"revisions"_s), m_rev[2]);
    QCOMPARE(branchPoint.value(u"is_branch_point"_s).toBool(), true);
    const QJsonObject merge = revisionById(o.value(u"revisions"_s), m_rev[5]);
    QCOMPARE(merge.value(u"is_merge_point"_s).toBool(), true);
    QCOMPARE(stringsOf(merge.value(u"down_revisions"_s)), (QStringList{m_rev[4], m_rev[3]}));
}

void TestCli::jsonShow()
{
    const Run run = retort(u"rich"_s, {u"--json"_s, u"show"_s, u"base0001"_s}, {u"app.db"_s});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QString error;
    QJsonObject o = parseJsonObject(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.value(u"format_version"_s).toString(), u"1"_s);
    QString problem = checkRevisionArray(o.value(u"revisions"_s), u"revisions"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(idsOf(o.value(u"revisions"_s)), QStringList{u"base0001"_s});
    const QJsonObject base = o.value(u"revisions"_s).toArray().first().toObject();
    QCOMPARE(base.value(u"path"_s).toString(), path(u"rich/alembic/versions/1_base.py"_s));
    QCOMPARE(base.value(u"doc"_s).toString(), u"create account table"_s);

    const Run heads = retort(u"rich"_s, {u"--json"_s, u"show"_s, u"heads"_s}, {u"app.db"_s});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(heads.exitCode, 0);
    o = parseJsonObject(heads, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    problem = checkRevisionArray(o.value(u"revisions"_s), u"revisions"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    // As in Alembic, `heads` names the real heads: acct0002 is only an effective head.
    QCOMPARE(idsOf(o.value(u"revisions"_s)), QStringList{u"merg0006"_s});

    const Run label = retort(u"rich"_s, {u"--json"_s, u"show"_s, u"accounts@head"_s}, {u"app.db"_s});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(label.exitCode, 0);
    o = parseJsonObject(label, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(idsOf(o.value(u"revisions"_s)), QStringList{u"acct0002"_s});
}

void TestCli::jsonCurrent_data()
{
    QTest::addColumn<QString>("db");
    QTest::addColumn<bool>("hasTable");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QStringList>("current");
    QTest::newRow("up to date") << u"../dbs/uptodate.db"_s << true << QStringList{m_rev[7]}
                                << QStringList{m_rev[7]};
    QTest::newRow("behind") << u"../dbs/pending.db"_s << true << QStringList{m_rev[1]}
                            << QStringList{m_rev[1]};
    QTest::newRow("empty table") << u"../dbs/stampbase.db"_s << true << QStringList{}
                                 << QStringList{};
    QTest::newRow("no table") << u"../dbs/notable.db"_s << false << QStringList{} << QStringList{};
    // Alembic's `current` shows the heads among the rows.
    QTest::newRow("ancestor and descendant") << u"../dbs/overlap.db"_s << true
                                             << QStringList{m_rev[1], m_rev[5]}
                                             << QStringList{m_rev[5]};
}

void TestCli::jsonCurrent()
{
    QFETCH(QString, db);
    QFETCH(bool, hasTable);
    QFETCH(QStringList, rows);
    QFETCH(QStringList, current);
    const Run run = retort(u"gen"_s, {u"--json"_s, u"--db"_s, db, u"current"_s}, {db});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QString error;
    const QJsonObject o = parseJsonObject(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.value(u"format_version"_s).toString(), u"1"_s);
    QVERIFY(o.value(u"database"_s).isString());
    QCOMPARE(o.value(u"database"_s).toString(), QDir::cleanPath(path(u"gen/"_s + db)));
    QVERIFY(o.value(u"has_version_table"_s).isBool());
    QCOMPARE(o.value(u"has_version_table"_s).toBool(), hasTable);
    QVERIFY(o.value(u"rows"_s).isArray());
    QCOMPARE(stringsOf(o.value(u"rows"_s)), rows);
    const QString problem = checkRevisionArray(o.value(u"current"_s), u"current"_s);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(idsOf(o.value(u"current"_s)), current);
}

void TestCli::jsonErrors_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message"); // a substring of error.message

    QTest::newRow("unknown revision") << u"gen"_s << QStringList{u"show"_s, u"zzzzzz"_s} << 255
                                      << u"revision"_s
                                      << u"Can't locate revision identified by 'zzzzzz'"_s;
    QTest::newRow("unknown row in current")
        << u"gen"_s << QStringList{u"--db"_s, u"../dbs/unknown.db"_s, u"current"_s} << 255
        << u"revision"_s << u"Can't locate revision identified by 'zzzz'"_s;
    QTest::newRow("ambiguous prefix") << u"prefixes"_s << QStringList{u"show"_s, u"abcd"_s} << 255
                                      << u"revision"_s
                                      << u"Can't locate revision identified by 'abcd'"_s;
    QTest::newRow("cycle") << u"cycle"_s << QStringList{u"heads"_s} << 255 << u"scripts"_s
                           << u"Cycle is detected in revisions (a, b)"_s;
    QTest::newRow("label clash") << u"labelclash"_s << QStringList{u"history"_s} << 255
                                 << u"scripts"_s << u"Branch name 'x'"_s;
    QTest::newRow("missing ini") << u"gen"_s << QStringList{u"-c"_s, u"missing.ini"_s, u"heads"_s}
                                 << 2 << u"config"_s << u"missing.ini"_s;
    QTest::newRow("no ini here") << u"empty"_s << QStringList{u"heads"_s} << 2 << u"config"_s
                                 << u"alembic.ini"_s;
    QTest::newRow("not a database")
        << u"gen"_s << QStringList{u"--db"_s, u"../dbs/text.db"_s, u"current"_s} << 5
        << u"database"_s << u"not a database"_s;
    QTest::newRow("missing database")
        << u"gen"_s << QStringList{u"--db"_s, u"../dbs/missing.db"_s, u"history"_s, u"-i"_s} << 5
        << u"database"_s << u"does not exist"_s;
}

void TestCli::jsonErrors()
{
    QFETCH(QString, project);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    const Run run = retort(project, QStringList{u"--json"_s} + args, {u"app.db"_s});
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    QString error;
    const QJsonObject o = parseJsonObject(run, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(o.value(u"format_version"_s).toString(), u"1"_s);
    QVERIFY2(o.value(u"exit_code"_s).isDouble(), qPrintable(run.describe()));
    QCOMPARE(o.value(u"exit_code"_s).toInt(), exitCode);
    QVERIFY2(o.value(u"error"_s).isObject(), qPrintable(run.describe()));
    const QJsonObject e = o.value(u"error"_s).toObject();
    QVERIFY(e.value(u"kind"_s).isString());
    QCOMPARE(e.value(u"kind"_s).toString(), kind);
    QVERIFY(e.value(u"message"_s).isString());
    QVERIFY2(e.value(u"message"_s).toString().contains(message), qPrintable(run.describe()));
    if (e.contains(u"detail"_s))
        QVERIFY(e.value(u"detail"_s).isString());
    QVERIFY2(!run.out.contains("FAILED"), qPrintable(run.describe()));
}

// Warnings about revision files must not break the JSON on stdout.
void TestCli::jsonStaysParseableWithWarnings()
{
    for (const QString &project : {u"malformed"_s, u"missingparent"_s, u"duplicate"_s}) {
        for (const QString &command : {u"heads"_s, u"history"_s, u"status"_s}) {
            const Run run = retort(project, {u"--json"_s, command}, {u"app.db"_s});
            if (QTest::currentTestFailed())
                return;
            QString error;
            const QJsonObject o = parseJsonObject(run, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(o.value(u"format_version"_s).toString(), u"1"_s);
        }
    }
}

// ---- 4. --help and --version -----------------------------------------------

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("mentions");
    const QStringList globalMentions{u"current"_s,   u"heads"_s,     u"branches"_s, u"history"_s,
                                     u"show"_s,      u"status"_s,    u"-c"_s,       u"--config"_s,
                                     u"--db"_s,      u"--scripts"_s, u"--json"_s,   u"--lang"_s,
                                     u"--version-table"_s, u"--help"_s, u"--version"_s,
                                     u"pending"_s, u"upgrade TARGET"_s, u"downgrade TARGET"_s,
                                     u"stamp TARGET"_s, u"backups"_s, u"restore FILE"_s,
                                     u"doctor"_s, u"integrity"_s, u"schema"_s, u"gui"_s};
    QTest::newRow("--help") << QStringList{u"--help"_s} << globalMentions;
    QTest::newRow("schema --help")
        << QStringList{u"schema"_s, u"--help"_s}
        << QStringList{u"retort schema [--db FILE | -c INI]"_s, u"triggers"_s};
    QTest::newRow("-h") << QStringList{u"-h"_s} << globalMentions;
    const QList<QPair<QString, QStringList>> commands = {
        {u"current"_s, {u"-v"_s, u"--verbose"_s}},
        {u"heads"_s, {u"-v"_s, u"--verbose"_s, u"--resolve-dependencies"_s}},
        {u"branches"_s, {u"-v"_s, u"--verbose"_s}},
        {u"history"_s,
         {u"-r"_s, u"--rev-range"_s, u"-v"_s, u"--verbose"_s, u"-i"_s, u"--indicate-current"_s}},
        {u"show"_s, {u"REV"_s}},
        {u"status"_s, {u"0"_s, u"3"_s, u"4"_s, u"5"_s}},
        {u"upgrade"_s, {u"--sql"_s, u"--python PATH"_s, u"'none'"_s, u"--python-timeout SECS"_s}},
        {u"stamp"_s, {u"--purge"_s, u"--sql"_s, u"--no-backup"_s, u"sibling"_s}},
        {u"backup"_s, {u"retort backups"_s, u"retort restore FILE"_s, u"--backup-dir DIR"_s}},
        {u"doctor"_s, {u"--fix CODE|all"_s, u"--yes"_s}},
        {u"gui"_s, {u"--screenshot FILE.png"_s, u"--select REV"_s, u"-c INI"_s}},
        // One help for both: `schema --help` shows it too (checked below).
        {u"integrity"_s, {u"integrity_check"_s, u"--db FILE"_s, u"retort schema"_s, u"triggers"_s}},
    };
    for (const auto &[command, options] : commands) {
        const QStringList mentions = QStringList{u"usage: retort "_s + command} + options;
        QTest::addRow("%s --help", qPrintable(command)) << QStringList{command, u"--help"_s}
                                                        << mentions;
        QTest::addRow("%s -h", qPrintable(command)) << QStringList{command, u"-h"_s} << mentions;
        QTest::addRow("--help %s", qPrintable(command)) << QStringList{u"--help"_s, command}
                                                        << mentions;
    }
}

void TestCli::help()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, mentions);
    // No project is needed for help.
    const Run run = retort(u"empty"_s, args);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    for (const QString &m : mentions)
        QVERIFY2(run.outText().contains(m), qPrintable(u"help lacks '%1'"_s.arg(m) + run.describe()));
}

void TestCli::version()
{
    const Run run = retort(u"empty"_s, {u"--version"_s});
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(QRegularExpression(u"^retort \\d+\\.\\d+\\.\\d+\\n$"_s).match(run.outText()).hasMatch(),
             qPrintable(run.describe()));
    QVERIFY(run.err.isEmpty());
}

// ---- 5. Spanish --------------------------------------------------------------

// Retort's own messages are translated: the English markers disappear in
// Spanish (however the lead words them), while ids, paths and option names stay.
void TestCli::spanishMessages_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("onStderr");
    QTest::addColumn<QStringList>("englishMarkers");
    QTest::addColumn<QStringList>("kept");

    const QStringList statusLabels{u"Database:"_s, u"Current:"_s, u"Heads:"_s, u"State:"_s,
                                   u"Pending:"_s};
    QTest::newRow("status labels") << u"gen"_s
                                   << QStringList{u"--db"_s, u"../dbs/pending.db"_s, u"status"_s}
                                   << false << statusLabels
                                   << QStringList{m_rev[1], u"pending.db"_s, u"3."_s, m_rev[7]};
    QTest::newRow("status up to date") << u"gen"_s
                                       << QStringList{u"--db"_s, u"../dbs/uptodate.db"_s,
                                                      u"status"_s}
                                       << false << QStringList{u"up to date"_s}
                                       << QStringList{m_rev[7]};
    QTest::newRow("status no version table")
        << u"gen"_s << QStringList{u"--db"_s, u"../dbs/notable.db"_s, u"status"_s} << false
        << QStringList{u"no version table"_s, u"not under Alembic"_s} << QStringList{};
    QTest::newRow("status unknown revision")
        << u"gen"_s << QStringList{u"--db"_s, u"../dbs/unknown.db"_s, u"status"_s} << false
        << QStringList{u"Problems:"_s, u"inconsistent with the scripts"_s, u"was the file deleted"_s}
        << QStringList{u"zzzz"_s};
    QTest::newRow("status unreadable") << u"gen"_s
                                       << QStringList{u"--db"_s, u"../dbs/text.db"_s, u"status"_s}
                                       << false
                                       << QStringList{u"database unreadable"_s,
                                                      u"is not a usable SQLite database"_s}
                                       << QStringList{u"text.db"_s};
    QTest::newRow("global help") << u"empty"_s << QStringList{u"--help"_s} << false
                                 << QStringList{u"Inspect SQLite databases"_s,
                                                u"Global options"_s, u"Exit status"_s}
                                 << QStringList{u"--db"_s, u"--json"_s, u"--scripts"_s,
                                                u"status"_s, u"history"_s};
    QTest::newRow("history help") << u"empty"_s << QStringList{u"history"_s, u"--help"_s} << false
                                  << QStringList{u"List the revisions, newest first"_s,
                                                 u"show each revision in full"_s}
                                  << QStringList{u"--rev-range"_s, u"--indicate-current"_s};
    QTest::newRow("status help") << u"empty"_s << QStringList{u"status"_s, u"--help"_s} << false
                                 << QStringList{u"Summarise the database"_s}
                                 << QStringList{u"status"_s};
    QTest::newRow("unknown command") << u"gen"_s << QStringList{u"frobnicate"_s} << true
                                     << QStringList{u"unknown command"_s}
                                     << QStringList{u"frobnicate"_s};
    QTest::newRow("unknown option") << u"gen"_s << QStringList{u"heads"_s, u"--bogus"_s} << true
                                    << QStringList{u"unknown option"_s}
                                    << QStringList{u"--bogus"_s};
    QTest::newRow("missing value") << u"gen"_s << QStringList{u"history"_s, u"-r"_s} << true
                                   << QStringList{u"needs a value"_s} << QStringList{u"-r"_s};
    QTest::newRow("missing database") << u"gen"_s
                                      << QStringList{u"--db"_s, u"../dbs/missing.db"_s,
                                                     u"current"_s}
                                      << true << QStringList{u"does not exist"_s}
                                      << QStringList{u"missing.db"_s};
    QTest::newRow("not a database") << u"gen"_s
                                    << QStringList{u"--db"_s, u"../dbs/text.db"_s, u"current"_s}
                                    << true << QStringList{u"is not a usable SQLite database"_s}
                                    << QStringList{u"text.db"_s};
    QTest::newRow("no alembic.ini") << u"empty"_s << QStringList{u"heads"_s} << true
                                    << QStringList{u"No alembic.ini in"_s}
                                    << QStringList{u"alembic.ini"_s};
    QTest::newRow("reason under FAILED") << u"gen"_s << QStringList{u"show"_s, u"zzzzzz"_s} << true
                                         << QStringList{u"reason:"_s} << QStringList{u"zzzzzz"_s};
    QTest::newRow("warning prefix") << u"malformed"_s << QStringList{u"heads"_s} << true
                                    << QStringList{u"warning:"_s}
                                    << QStringList{u"3_syntax.py:4"_s, u"4_call.py:5"_s};
}

void TestCli::spanishMessages()
{
    QFETCH(QString, project);
    QFETCH(QStringList, args);
    QFETCH(bool, onStderr);
    QFETCH(QStringList, englishMarkers);
    QFETCH(QStringList, kept);

    const QStringList dbs{u"app.db"_s};
    const Run english = retort(project, args, dbs, Language::English);
    if (QTest::currentTestFailed())
        return;
    const QString englishText = onStderr ? english.errText() : english.outText();
    for (const QString &marker : englishMarkers)
        QVERIFY2(englishText.contains(marker),
                 qPrintable(u"the English output lacks '%1'"_s.arg(marker) + english.describe()));

    for (Language language :
         {Language::SpanishFlag, Language::SpanishLang, Language::SpanishLanguage}) {
        const Run spanish = retort(project, args, dbs, language);
        if (QTest::currentTestFailed())
            return;
        const QString where = u" ["_s + languageName(language) + u"]"_s + spanish.describe();
        QVERIFY2(spanish.exitCode == english.exitCode, qPrintable(u"exit code differs"_s + where));
        const QString text = onStderr ? spanish.errText() : spanish.outText();
        for (const QString &marker : englishMarkers)
            QVERIFY2(!text.contains(marker),
                     qPrintable(u"untranslated: '%1'"_s.arg(marker) + where));
        for (const QString &k : kept)
            QVERIFY2(text.contains(k), qPrintable(u"lost '%1'"_s.arg(k) + where));
    }
}

// Alembic's own lines are the same bytes whatever the language.
void TestCli::spanishKeepsAlembicOutput_data()
{
    QTest::addColumn<QString>("project");
    QTest::addColumn<QStringList>("args");
    const QString pendingDb = u"../dbs/pending.db"_s;
    QTest::newRow("heads") << u"gen"_s << QStringList{u"heads"_s};
    QTest::newRow("heads -v") << u"gen"_s << QStringList{u"heads"_s, u"-v"_s};
    QTest::newRow("history") << u"gen"_s << QStringList{u"history"_s};
    QTest::newRow("history -v") << u"gen"_s << QStringList{u"history"_s, u"-v"_s};
    QTest::newRow("history -i") << u"gen"_s
                                << QStringList{u"--db"_s, pendingDb, u"history"_s, u"-i"_s};
    QTest::newRow("history -r") << u"gen"_s
                                << QStringList{u"history"_s, u"-r"_s, m_rev[1] + u':' + m_rev[5]};
    QTest::newRow("branches") << u"rich"_s << QStringList{u"branches"_s};
    QTest::newRow("branches -v") << u"rich"_s << QStringList{u"branches"_s, u"-v"_s};
    QTest::newRow("current") << u"gen"_s << QStringList{u"--db"_s, pendingDb, u"current"_s};
    QTest::newRow("current -v") << u"gen"_s << QStringList{u"current"_s, u"-v"_s};
    QTest::newRow("show head") << u"gen"_s << QStringList{u"show"_s, u"head"_s};
    QTest::newRow("show merge") << u"rich"_s << QStringList{u"show"_s, u"merg0006"_s};
    QTest::newRow("FAILED unknown revision") << u"gen"_s << QStringList{u"show"_s, u"zzzzzz"_s};
    QTest::newRow("FAILED unknown row") << u"gen"_s
                                        << QStringList{u"--db"_s, u"../dbs/unknown.db"_s,
                                                       u"current"_s};
    QTest::newRow("FAILED ambiguous") << u"prefixes"_s << QStringList{u"show"_s, u"abcd"_s};
    QTest::newRow("FAILED cycle") << u"cycle"_s << QStringList{u"heads"_s};
    QTest::newRow("FAILED label clash") << u"labelclash"_s << QStringList{u"history"_s};
    QTest::newRow("--version") << u"empty"_s << QStringList{u"--version"_s};
}

void TestCli::spanishKeepsAlembicOutput()
{
    QFETCH(QString, project);
    QFETCH(QStringList, args);
    const Run english = retort(project, args, {u"app.db"_s}, Language::English);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(!english.out.isEmpty(), qPrintable(english.describe()));
    for (Language language :
         {Language::SpanishFlag, Language::SpanishLang, Language::SpanishLanguage}) {
        const Run spanish = retort(project, args, {u"app.db"_s}, language);
        if (QTest::currentTestFailed())
            return;
        const QString where = u" ["_s + languageName(language) + u"]"_s + spanish.describe();
        QVERIFY2(spanish.exitCode == english.exitCode, qPrintable(u"exit code differs"_s + where));
        QVERIFY2(spanish.out == english.out,
                 qPrintable(u"stdout differs from English"_s + where + u"\n--- English ---\n"_s +
                            english.outText()));
    }
}

// ---- 6. where the project and the database are -----------------------------

void TestCli::projectLocations_data()
{
    QTest::addColumn<Case>("c");
    const QString pendingDb = u"dbs/pending.db"_s;

    QTest::newRow("--db overrides the ini") << Case{
        .args = {u"--db"_s, u"../dbs/pending.db"_s, u"current"_s}, .exitCode = 0,
        .outHas = {m_rev[1] + u'\n'}, .dbs = {u"../dbs/pending.db"_s, u"app.db"_s},
        .stdoutEmpty = false, .stderrEmpty = true};
    QTest::newRow("--db=FILE") << Case{.args = {u"--db=../dbs/pending.db"_s, u"current"_s},
                                       .exitCode = 0, .outHas = {m_rev[1] + u'\n'},
                                       .dbs = {u"../dbs/pending.db"_s}};
    QTest::newRow("--db absolute") << Case{
        .args = {u"--db"_s, u"{root}/dbs/pending.db"_s, u"current"_s, u"-v"_s}, .exitCode = 0,
        .outHas = {u"Current revision(s) for sqlite:///{root}/dbs/pending.db:"_s, m_rev[1]},
        .dbs = {u"{root}/dbs/pending.db"_s}};
    QTest::newRow("the ini's database without --db") << Case{
        .args = {u"current"_s}, .exitCode = 0, .outHas = {m_rev[3] + u'\n'},
        .dbs = {u"app.db"_s}};
    QTest::newRow("-c alembic.ini") << Case{
        .args = {u"-c"_s, u"alembic.ini"_s, u"current"_s}, .exitCode = 0,
        .outHas = {m_rev[3] + u'\n'}, .dbs = {u"app.db"_s}};
    QTest::newRow("--config=alembic.ini") << Case{
        .args = {u"--config=alembic.ini"_s, u"heads"_s}, .exitCode = 0,
        .outHas = {m_rev[7] + u" (head)\n"_s}, .dbs = {u"app.db"_s}};
    QTest::newRow("--scripts DIR") << Case{
        .project = u"."_s, .args = {u"--scripts"_s, u"gen/alembic"_s, u"--db"_s, pendingDb,
                                    u"current"_s},
        .exitCode = 0, .outHas = {m_rev[1] + u'\n'}, .dbs = {pendingDb}};
    QTest::newRow("--scripts DIR/versions") << Case{
        .project = u"."_s, .args = {u"--scripts"_s, u"gen/alembic/versions"_s, u"--db"_s,
                                    pendingDb, u"status"_s},
        .exitCode = 3, .outHas = {u"pending"_s, m_rev[2], m_rev[7]}, .dbs = {pendingDb}};
    QTest::newRow("--scripts DIR, heads without a database") << Case{
        .project = u"."_s, .args = {u"--scripts"_s, u"gen/alembic"_s, u"heads"_s},
        .exitCode = 0, .outHas = {m_rev[7] + u" (head)\n"_s}, .stderrEmpty = true};
    QTest::newRow("--scripts DIR/versions, history") << Case{
        .project = u"."_s, .args = {u"--scripts"_s, u"{root}/gen/alembic/versions"_s, u"history"_s},
        .exitCode = 0, .outHas = {u"<base> -> "_s + m_rev[0] + u", step 0\n"_s}};
    QTest::newRow("--scripts wins over ./alembic.ini") << Case{
        .project = u"malformed"_s, .args = {u"--scripts"_s, u"../gen/alembic"_s, u"heads"_s},
        .exitCode = 0, .outHas = {m_rev[7] + u" (head)\n"_s}, .outLacks = {u"bbbb2222"_s},
        .errLacks = {u"3_syntax.py"_s}, .dbs = {u"app.db"_s}};
    QTest::newRow("Flask-Migrate: heads") << Case{
        .project = u"flask"_s, .args = {u"heads"_s}, .exitCode = 0,
        .outHas = {m_rev[7] + u" (head)\n"_s}, .dbs = {u"app.db"_s}, .stderrEmpty = true};
    QTest::newRow("Flask-Migrate: current --db") << Case{
        .project = u"flask"_s, .args = {u"--db"_s, u"app.db"_s, u"current"_s}, .exitCode = 0,
        .outHas = {m_rev[1] + u'\n'}, .dbs = {u"app.db"_s}, .stderrEmpty = true};
    QTest::newRow("Flask-Migrate: status --db") << Case{
        .project = u"flask"_s, .args = {u"--db"_s, u"app.db"_s, u"status"_s}, .exitCode = 3,
        .outHas = {u"pending"_s, m_rev[2], u"migrations/versions"_s}, .dbs = {u"app.db"_s}};
    QTest::newRow("Flask-Migrate: history -i --db") << Case{
        .project = u"flask"_s, .args = {u"--db"_s, u"app.db"_s, u"history"_s, u"-i"_s},
        .exitCode = 0, .outHas = {m_rev[0] + u" -> "_s + m_rev[1] + u" (current), step 1\n"_s},
        .dbs = {u"app.db"_s}};
    // Flask-Migrate's ini has no script_location (Flask sets it at run time):
    // named with -c, it is refused as Alembic refuses it.
    QTest::newRow("Flask-Migrate: -c migrations/alembic.ini") << Case{
        .project = u"flask"_s,
        .args = {u"-c"_s, u"migrations/alembic.ini"_s, u"--db"_s, u"app.db"_s, u"current"_s},
        .exitCode = 2, .errHas = {u"script_location"_s}, .dbs = {u"app.db"_s},
        .stdoutEmpty = true};
    QTest::newRow("Flask-Migrate: no database given") << Case{
        .project = u"flask"_s, .args = {u"current"_s}, .exitCode = 5, .errHas = {u"--db"_s},
        .dbs = {u"app.db"_s}, .stdoutEmpty = true};
    QTest::newRow("--version-table custom: current") << Case{
        .args = {u"--db"_s, u"../dbs/custom.db"_s, u"--version-table"_s, u"custom_version"_s,
                 u"current"_s},
        .exitCode = 0, .outHas = {m_rev[6] + u'\n'}, .dbs = {u"../dbs/custom.db"_s}};
    QTest::newRow("--version-table=custom: history -i") << Case{
        .args = {u"--db"_s, u"../dbs/custom.db"_s, u"--version-table=custom_version"_s,
                 u"history"_s, u"-i"_s},
        .exitCode = 0, .outHas = {u" -> "_s + m_rev[6] + u" (current), step 6\n"_s},
        .dbs = {u"../dbs/custom.db"_s}};
    QTest::newRow("--version-table custom: status") << Case{
        .args = {u"--db"_s, u"../dbs/custom.db"_s, u"--version-table"_s, u"custom_version"_s,
                 u"status"_s},
        .exitCode = 3, .outHas = {u"pending"_s, m_rev[6] + u" -> "_s + m_rev[7]},
        .outLacks = {m_rev[5] + u" -> "_s}, .dbs = {u"../dbs/custom.db"_s}};
    QTest::newRow("default version table on a custom db: current") << Case{
        .args = {u"--db"_s, u"../dbs/custom.db"_s, u"current"_s}, .exitCode = 0,
        .dbs = {u"../dbs/custom.db"_s}, .stdoutEmpty = true};
    QTest::newRow("--version-table naming a missing table: status") << Case{
        .args = {u"--db"_s, u"../dbs/uptodate.db"_s, u"--version-table"_s, u"nosuch_version"_s,
                 u"status"_s},
        .exitCode = 3, .outHas = {u"nosuch_version"_s, u"<base> -> "_s + m_rev[0]},
        .dbs = {u"../dbs/uptodate.db"_s}};
    QTest::newRow("options after the command") << Case{
        .args = {u"current"_s, u"--db"_s, u"../dbs/pending.db"_s}, .exitCode = 0,
        .outHas = {m_rev[1] + u'\n'}, .dbs = {u"../dbs/pending.db"_s}};
}

void TestCli::projectLocations()
{
    QFETCH(Case, c);
    const Run run = retort(c.project, c.args, c.dbs);
    if (QTest::currentTestFailed())
        return;
    Case expanded = c;
    expanded.outHas = expand(c.outHas);
    checkCase(expanded, run);
}

// ---- the Alembic renderer ----------------------------------------------------

// A revision with Python logic (tests/data/projects/rendered, c0ffee000002),
// its database at the revision before: rendered by /usr/bin/python3 by default,
// refused before anything runs without a renderer. Every row also checks that
// the database and the project stay as they were (no __pycache__ either).
void TestCli::alembicRenderer_data()
{
    QTest::addColumn<Case>("c");
    const QStringList dbs{u"rendered.db"_s};
    const QString refused = u"Nothing was run: steps of the plan that cannot be applied: 1."_s;
    const QString why = u"c0ffee000002_item_attributes.py:33): 'for' statement is not supported"_s;

    QTest::newRow("pending renders it") << Case{
        .project = u"rendered"_s, .args = {u"pending"_s}, .exitCode = 3,
        .outHas = {u"-- upgrade c0ffee000001 -> c0ffee000002, item attributes, written with Python "
                   "logic\n-- (SQL rendered by Alembic, /usr/bin/python3)\n"
                   "ALTER TABLE item ADD COLUMN colour VARCHAR(20);\n"_s,
                   u"-- upgrade c0ffee000002 -> c0ffee000003, item notes\nCREATE TABLE _alembic_tmp_item"_s},
        .dbs = dbs};
    QTest::newRow("pending --json marks it") << Case{
        .project = u"rendered"_s, .args = {u"--json"_s, u"pending"_s}, .exitCode = 3,
        .outHas = {u"\"sql_source\": \"alembic\""_s, u"\"sql_source\": \"translated\""_s,
                   u"ALTER TABLE item ADD COLUMN weight NUMERIC(8, 2)"_s},
        .outLacks = {u"sql_error"_s}, .dbs = dbs};
    QTest::newRow("pending without a renderer") << Case{
        .project = u"rendered"_s, .args = {u"pending"_s, u"--python"_s, u"none"_s}, .exitCode = 3,
        .outHas = {u"-- SQL cannot be shown: Revision c0ffee000002 cannot be translated"_s, why,
                   u"\n-- It can be stamped"_s, u"--python PATH"_s, u"turned off (--python none)"_s},
        .outLacks = {u"rendered by Alembic"_s}, .dbs = dbs};
    QTest::newRow("upgrade without a renderer") << Case{
        .project = u"rendered"_s, .args = {u"upgrade"_s, u"heads"_s, u"--python"_s, u"none"_s},
        .exitCode = 1, .errHas = {refused, why, u"It can be stamped"_s, u"--python PATH"_s},
        .errLacks = {u"Running"_s, u"Backup"_s}, .dbs = dbs, .stdoutEmpty = true};
    QTest::newRow("upgrade --json without a renderer") << Case{
        .project = u"rendered"_s,
        .args = {u"--json"_s, u"upgrade"_s, u"heads"_s, u"--python"_s, u"none"_s}, .exitCode = 1,
        .outHas = {u"\"kind\": \"translation\""_s, refused, u"c0ffee000002"_s}, .dbs = dbs};
    QTest::newRow("upgrade with a missing interpreter") << Case{
        .project = u"rendered"_s,
        .args = {u"upgrade"_s, u"heads"_s, u"--python"_s, u"/nonexistent/python3"_s}, .exitCode = 1,
        .errHas = {refused, why, u"cannot start the Python interpreter /nonexistent/python3"_s},
        .errLacks = {u"Running"_s}, .dbs = dbs, .stdoutEmpty = true};
    QTest::newRow("downgrade past it without a renderer") << Case{
        .project = u"rendered"_s,
        .args = {u"downgrade"_s, u"base"_s, u"--python"_s, u"none"_s, u"--no-backup"_s},
        .exitCode = 0, .errHas = {u"Running downgrade c0ffee000001 -> "_s}, .dbs = {}};
    QTest::newRow("upgrade --json lists it") << Case{
        .project = u"rendered"_s, .args = {u"--json"_s, u"upgrade"_s, u"heads"_s, u"--no-backup"_s},
        .exitCode = 0,
        .outHas = {u"\"rendered_by_alembic\": [\n        \"c0ffee000002\"\n    ]"_s,
                   u"\"rows_after\": [\n        \"c0ffee000003\"\n    ]"_s},
        .dbs = {}};
    QTest::newRow("--sql renders it") << Case{
        .project = u"rendered"_s, .args = {u"upgrade"_s, u"c0ffee000001:c0ffee000002"_s, u"--sql"_s},
        .exitCode = 0,
        .outHas = {u"-- Running upgrade c0ffee000001 -> c0ffee000002\n\n"
                   "ALTER TABLE item ADD COLUMN colour VARCHAR(20);\n\n"_s,
                   u"CREATE TABLE _alembic_tmp_item (\n    id INTEGER NOT NULL, \n"_s,
                   u"UPDATE alembic_version SET version_num='c0ffee000002' WHERE "
                   "alembic_version.version_num = 'c0ffee000001';\n\n"_s},
        .errHas = {u"note: revision c0ffee000002 is rendered by Alembic (/usr/bin/python3)"_s},
        .outLacks = {u"rendered"_s, u"\t"_s}, .dbs = dbs};
    QTest::newRow("--sql without a renderer") << Case{
        .project = u"rendered"_s,
        .args = {u"upgrade"_s, u"c0ffee000001:c0ffee000002"_s, u"--sql"_s, u"--python"_s, u"none"_s},
        .exitCode = 1, .errHas = {why, u"--python PATH"_s}, .dbs = dbs, .stdoutEmpty = true};
    QTest::newRow("--python-timeout 0") << Case{
        .project = u"rendered"_s,
        .args = {u"upgrade"_s, u"heads"_s, u"--python-timeout"_s, u"0"_s}, .exitCode = 2,
        .errHas = {u"--python-timeout needs a number of seconds above 0 (got '0')"_s}, .dbs = dbs};
    QTest::newRow("--python-timeout abc") << Case{
        .project = u"rendered"_s, .args = {u"pending"_s, u"--python-timeout"_s, u"abc"_s},
        .exitCode = 2, .errHas = {u"(got 'abc')"_s}, .dbs = dbs};
    QTest::newRow("--python with an empty value") << Case{
        .project = u"rendered"_s, .args = {u"upgrade"_s, u"heads"_s, u"--python="_s},
        .exitCode = 2, .errHas = {u"--python needs the path of a Python interpreter, or 'none'"_s},
        .dbs = dbs};
    QTest::newRow("--python is not a stamp option") << Case{
        .project = u"rendered"_s, .args = {u"stamp"_s, u"heads"_s, u"--python"_s, u"none"_s},
        .exitCode = 2, .errHas = {u"unknown option --python"_s}, .dbs = dbs};
}

void TestCli::alembicRenderer()
{
    QFETCH(Case, c);
    // Runs that write work on a copy; the fixture database stays for the other rows.
    const bool writes = c.dbs.isEmpty();
    if (writes) {
        QFile::remove(path(u"rendered/copy.db"_s));
        QVERIFY(QFile::copy(path(u"rendered/rendered.db"_s), path(u"rendered/copy.db"_s)));
        c.args.prepend(u"copy.db"_s);
        c.args.prepend(u"--db"_s);
    }
    const Run run = writes ? runProcess(QStringLiteral(RETORT_BINARY), expand(c.args),
                                        path(u"rendered"_s), environmentFor(Language::English))
                           : retort(c.project, c.args, c.dbs);
    if (QTest::currentTestFailed())
        return;
    checkCase(c, run);
    if (writes)
        QFile::remove(path(u"rendered/copy.db"_s));
}

// `tst_cli --hold-lock DB`: holds an exclusive lock on DB through QSqlDatabase
// (PRAGMA locking_mode=EXCLUSIVE, BEGIN EXCLUSIVE and a write), says "locked",
// and rolls back when its standard input closes.
// `tst_cli --spill DB`: the same with a tiny page cache and enough writes to
// spill into the database file; the test kills it, which leaves a hot journal.
static int holdLock(const QString &database, bool spill)
{
    const QString name = u"tst-cli-lock-holder"_s;
    int status = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(database);
        if (!db.open()) {
            std::fprintf(stderr, "%s\n", qPrintable(db.lastError().text()));
            return 1;
        }
        QSqlQuery query(db);
        QStringList statements{u"PRAGMA locking_mode=EXCLUSIVE"_s, u"BEGIN EXCLUSIVE"_s,
                               u"UPDATE alembic_version SET version_num = version_num"_s};
        if (spill)
            statements = {u"PRAGMA cache_size=1"_s, u"BEGIN"_s,
                          u"UPDATE alembic_version SET version_num = 'half0written'"_s,
                          u"CREATE TABLE filler (x BLOB)"_s,
                          u"WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c "
                          u"WHERE i < 200) INSERT INTO filler SELECT randomblob(1000) FROM c"_s};
        for (const QString &statement : std::as_const(statements)) {
            if (!query.exec(statement)) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(statement),
                             qPrintable(query.lastError().text()));
                return 1;
            }
        }
        std::fputs("locked\n", stdout);
        std::fflush(stdout);
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, stdin)) {
        }
        if (!query.exec(u"ROLLBACK"_s))
            status = 1;
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return status;
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && qstrcmp(argv[1], "--hold-lock") == 0)
        return holdLock(QString::fromLocal8Bit(argv[2]), false);
    if (argc == 3 && qstrcmp(argv[1], "--spill") == 0)
        return holdLock(QString::fromLocal8Bit(argv[2]), true);
    TestCli test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_cli.moc"
