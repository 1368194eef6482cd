#include "cli.h"

#include "alembicformat.h"
#include "alembicrenderer.h"
#include "migrationplan.h"
#include "offlinesql.h"
#include "backup.h"
#include "doctor.h"
#include "executor.h"
#include "scratchdatabase.h"
#include "stepsql.h"
#include "project.h"
#include "projectconfig.h"
#include "schemasnapshot.h"
#include "revisionresolver.h"
#include "versiontable.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace retort {

namespace {

const QString kJsonFormatVersion = u"1"_s;

// The commands this front end knows, with their options (for --help and parsing).
struct CommandSpec
{
    QString name;
    QStringList flags;        // options without a value
    QStringList valueOptions; // options taking a value
    bool takesRevision = false;
};

const QList<CommandSpec> &commandSpecs()
{
    static const QList<CommandSpec> specs = {
        {u"current"_s, {u"-v"_s, u"--verbose"_s}, {}, false},
        {u"heads"_s, {u"-v"_s, u"--verbose"_s, u"--resolve-dependencies"_s}, {}, false},
        {u"branches"_s, {u"-v"_s, u"--verbose"_s}, {}, false},
        {u"history"_s,
         {u"-v"_s, u"--verbose"_s, u"-i"_s, u"--indicate-current"_s},
         {u"-r"_s, u"--rev-range"_s},
         false},
        {u"show"_s, {}, {}, true},
        {u"status"_s, {}, {}, false},
        {u"upgrade"_s,
         {u"--sql"_s, u"--no-backup"_s},
         {u"--backup-dir"_s, u"--python"_s, u"--python-timeout"_s},
         true},
        {u"downgrade"_s,
         {u"--sql"_s, u"--no-backup"_s},
         {u"--backup-dir"_s, u"--python"_s, u"--python-timeout"_s},
         true},
        {u"stamp"_s, {u"--sql"_s, u"--purge"_s, u"--no-backup"_s}, {u"--backup-dir"_s}, true},
        {u"pending"_s, {}, {u"--python"_s, u"--python-timeout"_s}, false},
        {u"backup"_s, {}, {u"--backup-dir"_s}, false},
        {u"backups"_s, {}, {u"--backup-dir"_s}, false},
        {u"restore"_s, {}, {u"--backup-dir"_s}, true},
        {u"integrity"_s, {}, {}, false},
        {u"schema"_s, {}, {}, false},
        {u"doctor"_s,
         {u"--yes"_s},
         {u"--fix"_s, u"--backup-dir"_s, u"--python"_s, u"--python-timeout"_s},
         false},
        // Opened by app/main.cpp before the command line runs; it only
        // arrives here for --help, or in a build without the GUI.
        {u"gui"_s, {}, {}, false},
    };
    return specs;
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &spec : commandSpecs())
        if (spec.name == name)
            return &spec;
    return nullptr;
}

const QStringList kGlobalValueOptions = {u"-c"_s,         u"--config"_s, u"--db"_s,
                                         u"--scripts"_s,  u"--version-table"_s,
                                         u"--lang"_s};
const QStringList kGlobalFlags = {u"--json"_s, u"-h"_s, u"--help"_s, u"--version"_s};

} // namespace

struct CommandLine::Invocation
{
    QString command;
    QHash<QString, QString> values; // option -> value (long names normalised)
    QSet<QString> flags;            // long names normalised
    QStringList positional;
    bool json = false;
    bool help = false;

    bool flag(const QString &name) const { return flags.contains(name); }
    QString value(const QString &name) const { return values.value(name); }

    // Loaded on demand by the commands that need them.
    std::optional<Project> project;
    std::optional<VersionTableState> table;
};

namespace {

QString normalisedName(const QString &option)
{
    static const QHash<QString, QString> shortToLong = {
        {u"-c"_s, u"--config"_s},  {u"-v"_s, u"--verbose"_s},
        {u"-i"_s, u"--indicate-current"_s}, {u"-r"_s, u"--rev-range"_s},
        {u"-h"_s, u"--help"_s},
    };
    return shortToLong.value(option, option);
}

QJsonArray toJsonArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

} // namespace

QString CommandLine::requestedLanguage(const QStringList &arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == u"--lang"_s && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(u"--lang="_s))
            return arguments[i].mid(7);
    }
    return {};
}

void CommandLine::print(const QString &text)
{
    if (m_capture) {
        m_out += text + u'\n';
        return;
    }
    const QByteArray bytes = (text + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
}

void CommandLine::printError(const QString &text)
{
    if (m_capture) {
        m_err += text + u'\n';
        return;
    }
    std::fflush(stdout);
    const QByteArray bytes = (text + u'\n').toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
}

void CommandLine::flush()
{
    if (!m_capture) {
        std::fflush(stdout);
        std::fflush(stderr);
    }
}

namespace {

QString generalHelp()
{
    return CommandLine::tr(
        "usage: retort [-c alembic.ini] [--db FILE] [--scripts DIR] [--version-table NAME]\n"
        "              [--json] [--lang en|es] COMMAND [options]\n"
        "\n"
        "Inspect SQLite databases whose schema is managed by Alembic migrations.\n"
        "Revision files are read, never executed.\n"
        "\n"
        "Commands (Alembic's output):\n"
        "  current [-v]                      the database's current revision(s)\n"
        "  heads [-v] [--resolve-dependencies]  the head revisions of the scripts\n"
        "  branches [-v]                     the branch points\n"
        "  history [-r RANGE] [-v] [-i]      the revisions, newest first\n"
        "  show REV                          the details of a revision\n"
        "\n"
        "Retort's commands:\n"
        "  status                            database, current revision, heads, pending\n"
        "                                    migrations and problems in one screen\n"
        "  pending                           the steps to the heads, with their SQL\n"
        "  upgrade TARGET [--sql]            apply (or print) migrations: a backup first,\n"
        "  downgrade TARGET [--sql]          one transaction per step, checks after\n"
        "  stamp TARGET... [--purge] [--sql] set the version table without migrating\n"
        "  backup | backups | restore FILE   take, list and restore database backups\n"
        "  doctor [--fix CODE|all]           diagnose and repair a broken database\n"
        "  integrity                         SQLite's integrity and foreign key checks\n"
        "  schema                            the database's tables, indexes, views, triggers\n"
        "  gui [DB | -c INI]                 the desktop application (also with no command)\n"
        "\n"
        "Global options:\n"
        "  -c, --config FILE      alembic.ini to read (default: ./alembic.ini, or\n"
        "                         ./migrations/alembic.ini for Flask-Migrate)\n"
        "  --scripts DIR          a script directory (with versions/) or a versions directory\n"
        "  --db FILE              the SQLite database (default: sqlalchemy.url of the ini)\n"
        "  --version-table NAME   the version table (default: alembic_version)\n"
        "  --json                 machine-readable output (see README, \"JSON output\")\n"
        "  --lang en|es           language of Retort's own messages\n"
        "  -h, --help             this help, or a command's help after the command\n"
        "  --version              Retort's version\n"
        "\n"
        "Exit status: 0 ok, 1 operation failed, 2 usage error, 3 pending migrations,\n"
        "4 version table inconsistent with the scripts, 5 database unreadable or locked,\n"
        "255 an Alembic-style failure (\"FAILED: ...\" on standard output).");
}

QString commandHelp(const QString &command)
{
    if (command == u"current"_s)
        return CommandLine::tr("usage: retort current [-v]\n\n"
                               "Show the current revision(s) of the database: the heads among the\n"
                               "rows of its version table.\n\n"
                               "  -v, --verbose   show each revision in full");
    if (command == u"heads"_s)
        return CommandLine::tr("usage: retort heads [-v] [--resolve-dependencies]\n\n"
                               "Show the head revisions of the scripts.\n\n"
                               "  -v, --verbose              show each revision in full\n"
                               "  --resolve-dependencies     treat depends_on as a parent");
    if (command == u"branches"_s)
        return CommandLine::tr("usage: retort branches [-v]\n\n"
                               "Show the branch points and the revisions they branch into.\n\n"
                               "  -v, --verbose   show each revision in full");
    if (command == u"history"_s)
        return CommandLine::tr(
            "usage: retort history [-r RANGE] [-v] [-i]\n\n"
            "List the revisions, newest first.\n\n"
            "  -r, --rev-range RANGE     [start]:[end], [start]: or :[end]; 'current' is allowed\n"
            "  -v, --verbose             show each revision in full\n"
            "  -i, --indicate-current    mark the database's current revision(s)");
    if (command == u"show"_s)
        return CommandLine::tr("usage: retort show REV\n\n"
                               "Show the revision(s) REV denotes: an id or a prefix of 4+ "
                               "characters,\nhead, heads, a branch label, label@head, "
                               "current, relative -N...");
    if (command == u"status"_s)
        return CommandLine::tr(
            "usage: retort status\n\n"
            "Summarise the database against its scripts: current revision(s), heads,\n"
            "pending migrations and problems found.\n\n"
            "Exit status: 0 up to date, 3 migrations pending (or no version table),\n"
            "4 version table inconsistent with the scripts, 5 database unreadable.");
    if (command == u"upgrade"_s || command == u"downgrade"_s || command == u"pending"_s)
        return CommandLine::tr(
            "usage: retort upgrade TARGET [--sql] [--no-backup] [--backup-dir DIR] [RENDERER]\n"
            "       retort downgrade TARGET [--sql] [--no-backup] [--backup-dir DIR] [RENDERER]\n"
            "       retort pending [RENDERER]\n\n"
            "Apply (or, with --sql, print) the steps to TARGET, one transaction per step\n"
            "after a backup; pending lists the steps to the heads with their SQL.\n\n"
            "A revision the built-in translator cannot read (Python logic: if, loops,\n"
            "helper functions...) is rendered by Alembic itself, in a separate process:\n"
            "  --python PATH            the Python interpreter with Alembic to use (default:\n"
            "                           /usr/bin/python3, or python3 from PATH, if it can\n"
            "                           import alembic); 'none' turns the renderer off\n"
            "  --python-timeout SECS    stop a rendering after SECS seconds (default: 60)\n"
            "Without a renderer such revisions can be stamped but not applied.");
    if (command == u"stamp"_s)
        return CommandLine::tr(
            "usage: retort stamp TARGET... [--purge] [--sql] [--no-backup] [--backup-dir DIR]\n\n"
            "Set the version table to TARGET (one or more revisions, heads, base) without\n"
            "running any migration, as alembic stamp does: the rows change in one\n"
            "transaction after a backup, and the change is written to the audit log.\n"
            "A stamp that adds a row for a sibling branch is done, with a warning.\n\n"
            "  --purge          delete every row first (also rows Retort cannot resolve)\n"
            "  --sql            print the SQL instead of running it");
    if (command == u"backup"_s || command == u"backups"_s || command == u"restore"_s)
        return CommandLine::tr(
            "usage: retort backup [--backup-dir DIR]\n"
            "       retort backups [--backup-dir DIR]\n"
            "       retort restore FILE [--backup-dir DIR]\n\n"
            "backup copies the database (SQLite's online backup) to\n"
            "<db>.<YYYYmmdd_HHMMSS>.bak beside it, or into DIR; backups lists those\n"
            "copies, newest first; restore puts FILE back in place of the database after\n"
            "backing up the current one. Every write goes to the audit log.");
    if (command == u"gui"_s)
        return CommandLine::tr(
            "usage: retort gui [DB | -c INI | --scripts DIR [--db FILE]] [--lang en|es]\n"
            "       retort gui --screenshot FILE.png [--select REV] [DB | -c INI]\n\n"
            "Open the desktop application on a database or a project (`retort` alone\n"
            "or `retort shop.db` do the same); with nothing given, the last project, or\n"
            "the bundled demo project the first time.\n"
            "  --screenshot FILE.png   render the main window to FILE.png and exit\n"
            "  --select REV            select a revision before the screenshot");
    if (command == u"integrity"_s || command == u"schema"_s)
        return CommandLine::tr(
            "usage: retort integrity [--db FILE | -c INI]\n"
            "       retort schema [--db FILE | -c INI]\n\n"
            "integrity runs SQLite's PRAGMA integrity_check and foreign_key_check on the\n"
            "database; schema prints its tables (columns, unique and foreign keys),\n"
            "indexes, views and triggers. Both open the file read-only and need no\n"
            "migration scripts: --db FILE is enough.\n\n"
            "Exit status: 0 sound (integrity) or printed (schema), 4 integrity problems\n"
            "found, 5 database unreadable.");
    if (command == u"doctor"_s)
        return CommandLine::tr(
            "usage: retort doctor [--fix CODE|all [--yes] [--backup-dir DIR]] [RENDERER]\n\n"
            "Diagnose the database against its scripts: the version table's rows, the\n"
            "schema each revision should leave, leftover temporary tables, integrity.\n"
            "Each finding has a code, the evidence and, where possible, a repair.\n\n"
            "  --fix CODE|all   repair one finding (CODE, or CODE:REPAIR to choose one of\n"
            "                   its repairs, e.g. half-applied:complete) or all of them;\n"
            "                   prints the SQL and, on a terminal, asks before writing\n"
            "  --yes            apply without asking: backup, one transaction, check,\n"
            "                   diagnose again, audit log\n"
            "  --backup-dir DIR where the backup goes (default: beside the database)\n\n"
            "The schema each revision should leave is computed from its SQL; a revision\n"
            "the built-in translator cannot read is rendered by Alembic (RENDERER:\n"
            "--python PATH|none, --python-timeout SECS, as for upgrade); without it the\n"
            "schemas from that revision on are uncertain, and the findings say so.\n\n"
            "Exit status: 0 healthy (or repaired), 1 the repair failed or there is none,\n"
            "4 problems found (or left), 5 database unreadable.");
    return generalHelp();
}

} // namespace

int CommandLine::run(const QStringList &arguments)
{
    Invocation inv;
    // Usage errors keep the JSON contract when --json was asked for.
    const bool jsonRequested = arguments.contains(u"--json"_s);
    auto usageError = [&](const QString &message, bool suggestHelp = false) {
        if (jsonRequested) {
            const QJsonObject error{{u"kind"_s, u"usage"_s}, {u"message"_s, message}};
            print(QString::fromUtf8(
                      QJsonDocument(QJsonObject{{u"error"_s, error},
                                                {u"exit_code"_s, int(Usage)},
                                                {u"format_version"_s, kJsonFormatVersion},
                                                {u"warnings"_s, QJsonArray()}})
                          .toJson(QJsonDocument::Indented))
                      .trimmed());
        } else {
            printError(u"retort: "_s + message);
            if (suggestHelp)
                printError(tr("Try 'retort --help'."));
        }
        return int(Usage);
    };
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        QString arg = arguments[i];
        QString inlineValue;
        bool hasInlineValue = false;
        if (arg.startsWith(u"--"_s) && arg.contains(u'=')) {
            inlineValue = arg.mid(arg.indexOf(u'=') + 1);
            arg = arg.left(arg.indexOf(u'='));
            hasInlineValue = true;
        }
        const CommandSpec *spec = inv.command.isEmpty() ? nullptr : findCommand(inv.command);
        // argparse also takes a short option's value attached ("-r-1:", "-cfile.ini").
        if (!hasInlineValue && arg.size() > 2 && arg[0] == u'-' && arg[1] != u'-') {
            const QString shortName = arg.left(2);
            if (kGlobalValueOptions.contains(shortName) ||
                (spec && spec->valueOptions.contains(shortName))) {
                inlineValue = arg.mid(2);
                arg = shortName;
                hasInlineValue = true;
            }
        }
        const bool takesValue = kGlobalValueOptions.contains(arg) ||
                                (spec && spec->valueOptions.contains(arg));
        const bool isFlag = kGlobalFlags.contains(arg) || (spec && spec->flags.contains(arg));
        if (takesValue) {
            QString value = inlineValue;
            if (!hasInlineValue) {
                if (i + 1 >= arguments.size()) {
                    return usageError(tr("option %1 needs a value").arg(arg));
                }
                value = arguments[++i];
            }
            inv.values.insert(normalisedName(arg), value);
        } else if (isFlag && !hasInlineValue) {
            inv.flags.insert(normalisedName(arg));
        } else if (arg.startsWith(u'-') && arg.size() > 1 &&
                   !(spec && spec->takesRevision && inv.positional.isEmpty())) {
            return usageError(tr("unknown option %1").arg(arguments[i]), true);
        } else if (inv.command.isEmpty()) {
            inv.command = arg;
        } else {
            inv.positional.append(arguments[i]);
        }
    }
    inv.json = inv.flag(u"--json"_s);
    inv.help = inv.flag(u"--help"_s);

    if (inv.flag(u"--version"_s)) {
        print(u"retort "_s + QCoreApplication::applicationVersion());
        return Ok;
    }
    if (inv.command.isEmpty()) {
        print(generalHelp());
        return inv.help ? Ok : Usage;
    }
    if (!findCommand(inv.command)) {
        return usageError(tr("unknown command '%1'").arg(inv.command), true);
    }
    if (inv.help) {
        print(commandHelp(inv.command));
        return Ok;
    }
    if (inv.command == u"gui"_s) {
        // main.cpp starts the window for `gui` (or says why it cannot); it
        // leaves `gui` here only with an option of the command line alone.
        return usageError(tr("gui opens the desktop application, which has no --json output"));
    }
    const CommandSpec *spec = findCommand(inv.command);
    const qsizetype allowedPositionals =
        spec->takesRevision ? (inv.command == u"stamp"_s ? 1024 : 1) : 0;
    if (inv.positional.size() > allowedPositionals) {
        return usageError(tr("unrecognized arguments: %1")
                              .arg(inv.positional.mid(allowedPositionals).join(u' ')));
    }
    const QString lang = inv.value(u"--lang"_s);
    if (!lang.isEmpty() && lang != u"en"_s && lang != u"es"_s) {
        return usageError(tr("unsupported language '%1' (use en or es)").arg(lang));
    }
    const int code = dispatch(inv);
    flush();
    return code;
}

namespace {

// Shared by the commands: the JSON form of one revision.
QJsonObject revisionJson(const RevisionGraph &graph, int index)
{
    const RevisionGraph::Node &n = graph.node(index);
    QStringList children;
    for (int c : n.children)
        children.append(graph.node(c).id);
    return QJsonObject{
        {u"revision"_s, n.id},
        {u"down_revisions"_s, toJsonArray(n.downRevisions)},
        {u"depends_on"_s, toJsonArray(n.dependsOn)},
        {u"branch_labels"_s, toJsonArray(n.branchLabels)},
        {u"children"_s, toJsonArray(children)},
        {u"doc"_s, n.file.doc()},
        {u"path"_s, n.file.path},
        {u"is_head"_s, n.isHead()},
        {u"is_real_head"_s, n.isRealHead()},
        {u"is_base"_s, n.isBase()},
        {u"is_branch_point"_s, n.isBranchPoint()},
        {u"is_merge_point"_s, n.isMergePoint()},
    };
}

QJsonArray revisionsJson(const RevisionGraph &graph, const QList<int> &revisions)
{
    QJsonArray array;
    for (int r : revisions)
        if (r >= 0)
            array.append(revisionJson(graph, r));
    return array;
}

} // namespace

int CommandLine::runIntegrity(const QString &db, bool json, const JsonSink &emitJson,
                              const FailureSink &fail)
{
    const IntegrityReport report = Doctor::checkIntegrity(db);
    if (!report.readable())
        return fail(DatabaseUnreadable, report.error, {}, u"database"_s);
    const int code = report.sound() ? Ok : Inconsistent;
    if (json) {
        emitJson(QJsonObject{{u"database"_s, db},
                             {u"integrity_check"_s, toJsonArray(report.integrityMessages)},
                             {u"foreign_key_violations"_s, toJsonArray(report.foreignKeyViolations)},
                             {u"sound"_s, report.sound()},
                             {u"exit_code"_s, code}});
        return code;
    }
    print(tr("Database:          %1").arg(db));
    print(tr("Integrity check:   %1").arg(report.integrityMessages.first()));
    for (const QString &message : report.integrityMessages.mid(1))
        print(u"                   "_s + message);
    if (report.foreignKeyViolations.isEmpty()) {
        print(tr("Foreign key check: ok"));
    } else {
        print(tr("Foreign key check: rows that refer to rows that do not exist:"));
        for (const QString &violation : report.foreignKeyViolations)
            print(u"  - "_s + violation);
    }
    return code;
}

int CommandLine::runSchema(const QString &db, bool json, const JsonSink &emitJson,
                           const FailureSink &fail)
{
    // The database as it is, version table included.
    const VersionTableState state = VersionTable::read(db, u"alembic_version"_s);
    if (!state.readable())
        return fail(DatabaseUnreadable, state.error, {}, u"database"_s);
    const SchemaSnapshot::ReadResult read = SchemaSnapshot::readFile(db, QString());
    if (!read)
        return fail(DatabaseUnreadable, read.error, {}, u"database"_s);
    const SchemaSnapshot &schema = read.snapshot;
    if (json) {
        QJsonArray tables;
        for (const auto &table : schema.tables()) {
            QJsonArray columns;
            for (const SchemaColumn &c : table->columns)
                columns.append(QJsonObject{
                    {u"name"_s, c.name},
                    {u"type"_s, c.type},
                    {u"not_null"_s, c.notNull},
                    {u"default"_s, c.defaultValue ? QJsonValue(*c.defaultValue) : QJsonValue()},
                    {u"primary_key"_s, c.primaryKey}});
            QJsonArray uniques;
            for (const QStringList &u : table->uniqueConstraints)
                uniques.append(toJsonArray(u));
            QJsonArray foreignKeys;
            for (const SchemaForeignKey &f : table->foreignKeys)
                foreignKeys.append(QJsonObject{{u"columns"_s, toJsonArray(f.columns)},
                                               {u"referred_table"_s, f.referredTable},
                                               {u"referred_columns"_s, toJsonArray(f.referredColumns)},
                                               {u"on_update"_s, f.onUpdate},
                                               {u"on_delete"_s, f.onDelete}});
            tables.append(QJsonObject{{u"name"_s, table->name},
                                      {u"sql"_s, table->sql},
                                      {u"columns"_s, columns},
                                      {u"unique_constraints"_s, uniques},
                                      {u"foreign_keys"_s, foreignKeys}});
        }
        QJsonArray indexes;
        for (const auto &index : schema.indexes())
            indexes.append(QJsonObject{{u"name"_s, index->name},
                                       {u"table"_s, index->table},
                                       {u"columns"_s, toJsonArray(index->columns)},
                                       {u"unique"_s, index->unique},
                                       {u"partial"_s, index->partial},
                                       {u"sql"_s, index->sql}});
        auto definitions = [](const SchemaSnapshot::Definitions &all) {
            QJsonArray array;
            for (const auto &d : all)
                array.append(QJsonObject{
                    {u"name"_s, d->name}, {u"table"_s, d->table}, {u"sql"_s, d->sql}});
            return array;
        };
        emitJson(QJsonObject{{u"database"_s, db},
                             {u"tables"_s, tables},
                             {u"indexes"_s, indexes},
                             {u"views"_s, definitions(schema.views())},
                             {u"triggers"_s, definitions(schema.triggers())}});
        return Ok;
    }
    print(tr("Database: %1").arg(db));
    if (schema.isEmpty())
        print(tr("(no tables)"));
    for (const auto &table : schema.tables()) {
        print(QString());
        print(tr("table %1").arg(table->name));
        qsizetype width = 0;
        for (const SchemaColumn &c : table->columns)
            width = std::max(width, c.name.size());
        for (const SchemaColumn &c : table->columns)
            print(u"    "_s + c.name.leftJustified(width) + u"  "_s + c.describe());
        for (const QStringList &u : table->uniqueConstraints)
            print(u"    UNIQUE ("_s + u.join(u", "_s) + u')');
        for (const SchemaForeignKey &f : table->foreignKeys)
            print(u"    FOREIGN KEY "_s + f.describe());
    }
    if (!schema.indexes().isEmpty())
        print(QString());
    for (const auto &index : schema.indexes())
        print(tr("index %1 %2").arg(index->name, index->describe()));
    for (const auto &view : schema.views()) {
        print(QString());
        print(tr("view %1").arg(view->name));
        print(u"    "_s + QString(view->sql).replace(u'\n', u"\n    "_s));
    }
    for (const auto &trigger : schema.triggers()) {
        print(QString());
        print(tr("trigger %1 on %2").arg(trigger->name, trigger->table));
        print(u"    "_s + QString(trigger->sql).replace(u'\n', u"\n    "_s));
    }
    return Ok;
}

int CommandLine::dispatch(Invocation &inv)
{
    // --- loading ------------------------------------------------------------
    ProjectConfig::Options options;
    options.configFile = inv.value(u"--config"_s);
    options.scriptsDir = inv.value(u"--scripts"_s);
    options.databaseFile = inv.value(u"--db"_s);
    options.versionTable = inv.value(u"--version-table"_s);
    const ProjectConfig::Result discovered = ProjectConfig::discover(options);

    QStringList jsonWarnings;
    auto emitJson = [this, &jsonWarnings](const QJsonObject &object) {
        QJsonObject withVersion = object;
        withVersion.insert(u"format_version"_s, kJsonFormatVersion);
        withVersion.insert(u"warnings"_s, toJsonArray(jsonWarnings));
        print(QString::fromUtf8(QJsonDocument(withVersion).toJson(QJsonDocument::Indented))
                  .trimmed());
    };
    // Errors: Alembic-style on stdout for Alembic's commands, or a JSON object.
    auto fail = [&](int code, const QString &message, const QString &detail = {},
                    const QString &kind = u"error"_s) {
        if (inv.json) {
            QJsonObject error{{u"kind"_s, kind}, {u"message"_s, message}};
            if (!detail.isEmpty())
                error.insert(u"detail"_s, detail);
            emitJson(QJsonObject{{u"error"_s, error}, {u"exit_code"_s, code}});
        } else if (code == AlembicFailure) {
            print(u"FAILED: "_s + message);
            if (!detail.isEmpty())
                printError(detail);
        } else {
            printError(u"retort: "_s + message);
            if (!detail.isEmpty())
                printError(detail);
        }
        return code;
    };

    // integrity and schema read the database alone: no scripts needed.
    if (inv.command == u"integrity"_s || inv.command == u"schema"_s) {
        QString db = options.databaseFile.isEmpty()
                         ? QString()
                         : QDir::cleanPath(QDir::current().absoluteFilePath(options.databaseFile));
        if (db.isEmpty() && discovered)
            db = discovered.config.databasePath;
        if (db.isEmpty())
            return fail(Usage,
                        tr("%1 needs a database: give --db FILE, or -c alembic.ini with a SQLite "
                           "sqlalchemy.url.")
                            .arg(inv.command),
                        {}, u"database"_s);
        return inv.command == u"integrity"_s ? runIntegrity(db, inv.json, emitJson, fail)
                                             : runSchema(db, inv.json, emitJson, fail);
    }

    if (!discovered)
        return fail(Usage, discovered.error, {}, u"config"_s);
    inv.project = Project::load(discovered.config);
    const Project &project = *inv.project;
    const RevisionGraph &graph = project.graph;

    {
        // Problems of the scripts are warnings here: on stderr, or in "warnings" with --json.
        QStringList warnings = project.scanWarnings;
        for (const GraphProblem &p : graph.problems()) {
            if (p.isFatal())
                continue;
            const QString where = p.path.isEmpty() ? QString()
                                  : p.line > 0 ? u"%1:%2: "_s.arg(p.path).arg(p.line)
                                               : p.path + u": "_s;
            warnings.append(where + p.message);
        }
        for (const QString &w : std::as_const(warnings)) {
            if (inv.json)
                jsonWarnings.append(w);
            else
                printError(tr("warning: %1").arg(w));
        }
    }

    // Reads the version table once; nullopt after reporting why it could not.
    auto readTable = [&]() -> std::optional<VersionTableState> {
        if (inv.table)
            return inv.table;
        if (project.config.databasePath.isEmpty()) {
            const QString reason =
                project.config.sqlalchemyUrl.isEmpty()
                    ? tr("No database: give --db FILE or set sqlalchemy.url in alembic.ini.")
                    : tr("Only SQLite databases are supported; sqlalchemy.url is '%1'. Give --db "
                         "FILE.")
                          .arg(project.config.sqlalchemyUrl);
            fail(DatabaseUnreadable, reason, {}, u"database"_s);
            return std::nullopt;
        }
        VersionTableState state =
            VersionTable::read(project.config.databasePath, project.config.versionTable);
        if (!state.readable()) {
            fail(DatabaseUnreadable, state.error, {}, u"database"_s);
            return std::nullopt;
        }
        if (!inv.json)
            for (const QString &bad : state.badValues)
                printError(tr("warning: the version table holds a value that is not a "
                              "revision id: %1")
                               .arg(bad));
        inv.table = state;
        return state;
    };

    AlembicFormat format(graph);
    RevisionResolver resolver(graph);
    const bool verbose = inv.flag(u"--verbose"_s);
    const QString &command = inv.command;

    // The Alembic renderer, for revisions the translator cannot read (--python).
    AlembicRenderer::Settings rendererSettings;
    rendererSettings.interpreter = inv.value(u"--python"_s).trimmed();
    if (inv.values.contains(u"--python"_s) && rendererSettings.interpreter.isEmpty())
        return fail(Usage,
                    tr("--python needs the path of a Python interpreter, or '%1'.")
                        .arg(AlembicRenderer::disabledKeyword()),
                    {}, u"usage"_s);
    if (inv.values.contains(u"--python-timeout"_s)) {
        bool ok = false;
        const double seconds = inv.value(u"--python-timeout"_s).toDouble(&ok);
        if (!ok || !(seconds > 0) || seconds > 86400)
            return fail(Usage,
                        tr("--python-timeout needs a number of seconds above 0 (got '%1').")
                            .arg(inv.value(u"--python-timeout"_s)),
                        {}, u"usage"_s);
        rendererSettings.timeoutMs = std::max(1, int(seconds * 1000));
    }
    const AlembicRenderer renderer(rendererSettings);
    // Says which steps Alembic renders (stderr: stdout stays Alembic's).
    auto noteRendered = [&](const MigrationPlan &plan, const StepSql &stepSql) {
        QStringList ids;
        for (const PlanStep &step : plan.steps) {
            if (stepSql.sourceOf(step) != StepSql::Source::Rendered)
                continue;
            const QString id = graph.node(step.revision).id;
            if (!ids.contains(id))
                ids.append(id);
            if (!inv.json)
                printError(tr("note: revision %1 is rendered by Alembic (%2)")
                               .arg(id, stepSql.rendererProbe().interpreter));
        }
        return ids;
    };

    // Applies a plan to the database through the core's executor: backup,
    // one transaction per step, integrity check, audit log.
    auto runPlan = [&](const MigrationPlan &plan, const StepSql &stepSql) -> int {
        // Refuse before anything runs when a step has no SQL to run.
        QStringList blockers;
        for (const PlanStep &step : plan.steps) {
            const QString why = stepSql.whyNotApplicable(step);
            if (!why.isEmpty())
                blockers.append(why);
        }
        if (!blockers.isEmpty())
            return fail(OperationFailed,
                        tr("Nothing was run: steps of the plan that cannot be applied: %1.")
                            .arg(blockers.size()),
                        blockers.join(u'\n'), u"translation"_s);
        const QStringList renderedIds = noteRendered(plan, stepSql);
        if (!renderedIds.isEmpty()) {
            // Rendered now, on a copy of the schema, so that a renderer failure (no
            // Alembic, an exception in the revision, a timeout) stops the run before
            // anything is written. The executor then finds the SQL in StepSql's cache.
            const StepSql::PlanRendering rendering =
                stepSql.renderPlan(plan, ScratchDatabase::schemaOf(project.config.databasePath));
            if (rendering.failedStep >= 0 && rendering.steps[rendering.failedStep].rendererFailed)
                return fail(OperationFailed,
                            tr("Nothing was run: a revision of the plan could not be rendered "
                               "by Alembic."),
                            rendering.error, u"renderer"_s);
        }
        MigrationExecutor executor;
        QObject::connect(&executor, &MigrationExecutor::stepStarted, &executor,
                         [&](int, int, const QString &description) {
                             if (!inv.json)
                                 printError(tr("Running %1").arg(description));
                         });
        ExecutionOptions executionOptions;
        executionOptions.backup = !inv.flag(u"--no-backup"_s);
        executionOptions.backupFolder = inv.value(u"--backup-dir"_s);
        executionOptions.versionTable = project.config.versionTable;
        const ExecutionReport report =
            executor.run(plan, project.config.databasePath, executionOptions, stepSql.runner());
        const bool unreadable = report.errorKind == ExecutionReport::Error::MissingDatabase ||
                                report.errorKind == ExecutionReport::Error::NotADatabase ||
                                report.errorKind == ExecutionReport::Error::Locked;
        const int code = report.ok ? Ok : unreadable ? DatabaseUnreadable : OperationFailed;
        if (inv.json) {
            QJsonObject o{{u"ok"_s, report.ok},
                          {u"steps"_s, report.stepCount},
                          {u"steps_completed"_s, report.stepsCompleted},
                          {u"rows_before"_s, toJsonArray(report.rowsBefore)},
                          {u"rows_after"_s, toJsonArray(report.rowsAfter)},
                          {u"backup"_s, report.backupFile},
                          {u"integrity"_s, toJsonArray(report.integrityMessages)},
                          {u"foreign_key_violations"_s, toJsonArray(report.foreignKeyViolations)},
                          {u"rendered_by_alembic"_s, toJsonArray(renderedIds)},
                          {u"exit_code"_s, code}};
            if (!report.ok)
                o.insert(u"error"_s,
                         QJsonObject{{u"kind"_s, u"execution"_s},
                                     {u"message"_s, report.error},
                                     {u"revision"_s, report.failedRevision},
                                     {u"statement"_s, report.failedStatement},
                                     {u"sqlite_message"_s, report.sqliteMessage}});
            emitJson(o);
            return code;
        }
        if (!report.backupFile.isEmpty())
            printError(tr("Backup: %1").arg(report.backupFile));
        if (report.integrityChecked) {
            printError(tr("Integrity check: %1").arg(report.integrityMessages.join(u"; "_s)));
            for (const QString &v : report.foreignKeyViolations)
                printError(tr("Foreign key violation: %1").arg(v));
        }
        if (report.stopped)
            printError(tr("Stopped: %1 of %2 steps applied.")
                           .arg(report.stepsCompleted)
                           .arg(report.stepCount));
        if (!report.ok && !report.stopped) {
            printError(u"retort: "_s + report.error);
            if (report.stepsCompleted > 0 || report.failedStep >= 0)
                printError(tr("The database is at the last completed step: %1")
                               .arg(report.rowsAfter.isEmpty() ? tr("(no revision)")
                                                               : report.rowsAfter.join(u", "_s)));
        }
        return code;
    };

    if (command == u"status"_s) {
        VersionTableState table;
        if (!project.config.databasePath.isEmpty())
            table = VersionTable::read(project.config.databasePath, project.config.versionTable);
        else
            table.error = tr("No database: give --db FILE or set sqlalchemy.url in alembic.ini.");
        const StatusReport report = computeStatus(project, table);
        if (inv.json) {
            QJsonArray problems;
            for (const StatusProblem &p : report.problems)
                problems.append(QJsonObject{{u"message"_s, p.message}, {u"revision"_s, p.revision}});
            emitJson(QJsonObject{
                {u"database"_s, project.config.databasePath},
                {u"sqlite_version"_s, report.table.sqliteVersion},
                {u"version_table"_s, project.config.versionTable},
                {u"state"_s, StatusReport::stateKey(report.state)},
                {u"rows"_s, toJsonArray(report.table.rows)},
                {u"current"_s, revisionsJson(graph, report.current)},
                {u"heads"_s, revisionsJson(graph, report.heads)},
                {u"pending_count"_s, int(report.pending.size())},
                {u"pending"_s, revisionsJson(graph, report.pending)},
                {u"problems"_s, problems},
                {u"exit_code"_s, report.exitCode()},
            });
            return report.exitCode();
        }
        const QString none = tr("(none)");
        auto idList = [&](const QList<int> &revs) {
            QStringList ids;
            for (int r : revs)
                ids.append(format.headOnly(r, {.includeBranches = true, .treeIndicators = false}));
            return ids.isEmpty() ? none : ids.join(u", "_s);
        };
        print(tr("Database:        %1").arg(project.config.databasePath.isEmpty()
                                                 ? none
                                                 : project.config.databasePath));
        if (!report.table.sqliteVersion.isEmpty())
            print(tr("SQLite:          %1").arg(report.table.sqliteVersion));
        print(tr("Scripts:         %1").arg(project.config.versionLocations.join(u", "_s)));
        print(tr("Revisions:       %1").arg(graph.size()));
        if (report.state != StatusReport::State::Unreadable) {
            if (report.table.status == VersionTableState::Status::NoTable)
                print(tr("Current:         no version table '%1' (not under Alembic yet)")
                          .arg(project.config.versionTable));
            else
                print(tr("Current:         %1").arg(report.table.rows.isEmpty()
                                                        ? tr("(empty version table)")
                                                        : report.table.rows.join(u", "_s)));
        }
        print(tr("Heads:           %1").arg(idList(report.heads)));
        switch (report.state) {
        case StatusReport::State::UpToDate:
            print(tr("State:           up to date"));
            break;
        case StatusReport::State::Pending:
        case StatusReport::State::NotUnderAlembic:
            print(tr("State:           pending migrations: %1").arg(report.pending.size()));
            break;
        case StatusReport::State::Inconsistent:
            print(tr("State:           version table inconsistent with the scripts"));
            break;
        case StatusReport::State::Unreadable:
            print(tr("State:           database unreadable"));
            break;
        }
        if (!report.pending.isEmpty()) {
            print(tr("Pending:"));
            for (int r : report.pending)
                print(u"  "_s +
                      format.headOnly(r, {.includeBranches = true, .includeDoc = true,
                                          .includeParents = true, .treeIndicators = false}));
        }
        if (!report.problems.isEmpty()) {
            print(tr("Problems:"));
            for (const StatusProblem &p : report.problems)
                print(u"  - "_s + p.message);
        }
        return report.exitCode();
    }

    if (command == u"doctor"_s) {
        const QString db = project.config.databasePath;
        auto severityText = [](Diagnosis::Severity severity) {
            switch (severity) {
            case Diagnosis::Severity::Info:
                return tr("info");
            case Diagnosis::Severity::Warning:
                return tr("warning");
            case Diagnosis::Severity::Error:
                return tr("error");
            }
            return QString();
        };
        auto printStatements = [&](const QStringList &statements) {
            for (const QString &statement : statements)
                print(u"      "_s + SqlRenderer::offlineText(statement).replace(u"\n"_s, u"\n      "_s) +
                      u';');
        };
        auto printFindings = [&](const DoctorReport &report) {
            if (report.diagnoses.isEmpty()) {
                print(tr("No problems found."));
                return;
            }
            for (const Diagnosis &d : report.diagnoses) {
                print(QString());
                print(u"[%1] %2: %3"_s.arg(severityText(d.severity), d.code, d.title));
                print(u"    "_s + d.explanation);
                QStringList evidence = d.details;
                for (const AttributedDifference &a : d.differences)
                    evidence.append(a.describe());
                if (!evidence.isEmpty()) {
                    print(tr("    Evidence:"));
                    for (const QString &e : std::as_const(evidence))
                        print(u"      - "_s + QString(e).replace(u"\n"_s, u"\n        "_s));
                }
                for (qsizetype i = 0; i < d.repairs.size(); ++i) {
                    const Repair &r = d.repairs[i];
                    const QString fix = i == 0 ? d.code : d.code + u':' + r.key;
                    print((i == 0 ? tr("    Repair (retort doctor --fix %1): %2")
                                  : tr("    Or (retort doctor --fix %1): %2"))
                              .arg(fix, r.description));
                    if (r.destructive)
                        print(tr("      -- DESTRUCTIVE: drops a table or column that may hold data"));
                    printStatements(r.statements);
                }
            }
        };

        if (!inv.values.contains(u"--fix"_s)) {
            const DoctorReport report = Doctor::diagnose(project, db, &renderer);
            if (inv.json) {
                emitJson(report.toJson(graph));
                return report.exitCode();
            }
            if (!report.readable)
                return fail(DatabaseUnreadable, report.error, {}, u"database"_s);
            print(tr("Database:        %1").arg(db));
            print(tr("Version table:   %1")
                      .arg(!report.hasVersionTable ? tr("(none)")
                           : report.rows.isEmpty() ? tr("(empty)")
                                                   : report.rows.join(u", "_s)));
            printFindings(report);
            return report.exitCode();
        }

        const QString code = inv.value(u"--fix"_s);
        RepairOptions repairOptions;
        repairOptions.dryRun = true;
        repairOptions.renderer = &renderer;
        repairOptions.backupFolder = inv.value(u"--backup-dir"_s);
        RepairReport planned = Doctor::repair(project, db, code, repairOptions);
        bool apply = inv.flag(u"--yes"_s);
        auto printPlan = [&](const RepairReport &r) {
            print(tr("Repair of %1:").arg(db));
            for (qsizetype i = 0; i < r.steps.size(); ++i) {
                print(u"  %1. %2: %3"_s.arg(i + 1).arg(r.steps[i].code, r.steps[i].description));
                printStatements(r.steps[i].statements);
            }
            if (r.destructive)
                print(tr("  -- DESTRUCTIVE: drops a table or column that may hold data"));
        };
        if (!planned) {
            if (!planned.before.readable)
                return fail(DatabaseUnreadable, planned.error, {}, u"database"_s);
            if (inv.json) {
                QJsonObject o = planned.toJson(graph);
                o.insert(u"exit_code"_s, int(OperationFailed));
                emitJson(o);
                return OperationFailed;
            }
            return fail(OperationFailed, planned.error, {}, u"repair"_s);
        }
        if (!apply) {
#ifdef Q_OS_UNIX
            const bool interactive = !inv.json && isatty(fileno(stdin)) && isatty(fileno(stdout));
#else
            const bool interactive = false;
#endif
            if (inv.json) {
                QJsonObject o = planned.toJson(graph);
                o.insert(u"applied"_s, false);
                o.insert(u"exit_code"_s, int(Ok));
                emitJson(o);
                return Ok;
            }
            printPlan(planned);
            if (!interactive) {
                print(tr("Nothing was written. Run again with --yes to apply."));
                return Ok;
            }
            std::fputs(qPrintable(tr("Apply? A backup is taken first. [y/N] ")), stdout);
            std::fflush(stdout);
            char answer[16] = {};
            if (!std::fgets(answer, sizeof answer, stdin) ||
                (answer[0] != 'y' && answer[0] != 'Y')) {
                print(tr("Nothing was written."));
                return Ok;
            }
            apply = true;
        }
        RepairOptions applyOptions = repairOptions;
        applyOptions.dryRun = false;
        const RepairReport done = Doctor::repair(project, db, code, applyOptions);
        const int exitCode = !done.ok                ? OperationFailed
                             : done.after.healthy()   ? Ok
                             : done.after.readable    ? Inconsistent
                                                      : DatabaseUnreadable;
        if (inv.json) {
            QJsonObject o = done.toJson(graph);
            o.insert(u"applied"_s, done.ok);
            o.insert(u"exit_code"_s, exitCode);
            emitJson(o);
            return exitCode;
        }
        if (inv.flag(u"--yes"_s))
            printPlan(done);
        if (!done.backupFile.isEmpty())
            print(tr("Backup: %1").arg(done.backupFile));
        if (!done.ok)
            return fail(OperationFailed, done.error, {}, u"repair"_s);
        print(tr("Applied in one transaction (statements: %1).").arg(done.statements.size()));
        print(tr("Version table:   %1 -> %2")
                  .arg(done.rowsBefore.isEmpty() ? tr("(empty)") : done.rowsBefore.join(u", "_s),
                       done.rowsAfter.isEmpty() ? tr("(empty)") : done.rowsAfter.join(u", "_s)));
        print(tr("Integrity check: %1").arg(done.integrityMessages.join(u"; "_s)));
        for (const QString &v : done.foreignKeyViolations)
            print(tr("Foreign key violation: %1").arg(v));
        if (!done.auditLogError.isEmpty())
            printError(tr("warning: %1").arg(done.auditLogError));
        print(tr("After the repair:"));
        printFindings(done.after);
        return exitCode;
    }

    // Alembic refuses a history with a cycle or a label clash; so do its commands here.
    if (graph.hasFatalProblem())
        return fail(AlembicFailure, graph.firstFatalMessage(), {}, u"scripts"_s);

    auto revisionFailure = [&](const RevisionError &e, const QString &start = {},
                               const QString &end = {}) {
        const QString message = e.commandMessage(start, end);
        // Retort adds the specific reason under Alembic's generic line.
        const QString detail = e.message != message && !e.message.isEmpty()
                                   ? tr("reason: %1").arg(e.message)
                                   : QString();
        return fail(e.kind == RevisionError::Kind::Unsupported ? OperationFailed : AlembicFailure,
                    message, detail, u"revision"_s);
    };
    for (const QString &w : resolver.takeWarnings())
        printError(tr("warning: %1").arg(w));

    if (command == u"heads"_s) {
        const auto heads = inv.flag(u"--resolve-dependencies"_s)
                               ? resolver.revisions(RevisionSpec::of(u"heads"_s))
                               : resolver.revisions(RevisionSpec::ofTuple([&] {
                                     QStringList ids;
                                     for (int h : graph.heads())
                                         ids.append(graph.node(h).id);
                                     return ids;
                                 }()));
        if (!heads)
            return revisionFailure(*heads.error);
        if (inv.json) {
            emitJson(QJsonObject{{u"heads"_s, revisionsJson(graph, heads.value)}});
            return Ok;
        }
        for (int h : heads.value)
            print(format.cmdFormat(h, {.verbose = verbose, .includeBranches = true,
                                       .treeIndicators = false}));
        return Ok;
    }

    if (command == u"branches"_s) {
        const auto walk = resolver.walk(RevisionSpec::of(u"base"_s), RevisionSpec::of(u"heads"_s));
        if (!walk)
            return revisionFailure(*walk.error, u"base"_s, u"heads"_s);
        QJsonArray points;
        for (int r : walk.value) {
            const RevisionGraph::Node &n = graph.node(r);
            if (!n.isBranchPoint())
                continue;
            if (inv.json) {
                points.append(revisionJson(graph, r));
                continue;
            }
            QStringList childLines;
            const QString pad(n.id.size(), u' ');
            for (int c : n.children)
                childLines.append(pad + u" -> "_s +
                                  format.cmdFormat(c, {.includeBranches = true,
                                                       .includeDoc = verbose}));
            print(format.cmdFormat(r, {.verbose = verbose, .includeBranches = true}) + u"\n"_s +
                  childLines.join(u"\n"_s) + u"\n"_s);
        }
        if (inv.json)
            emitJson(QJsonObject{{u"branch_points"_s, points}});
        return Ok;
    }

    if (command == u"current"_s) {
        const auto table = readTable();
        if (!table)
            return DatabaseUnreadable;
        // Alembic prints the header before it resolves the rows.
        if (verbose && !inv.json) {
            const QString url = project.config.sqlalchemyUrl.startsWith(u"sqlite:"_s) &&
                                        options.databaseFile.isEmpty()
                                    ? project.config.sqlalchemyUrl
                                    : u"sqlite:///"_s + project.config.databasePath;
            print(u"Current revision(s) for %1:"_s.arg(url));
        }
        const auto current = resolver.allCurrent(table->rows);
        if (!current)
            return revisionFailure(*current.error);
        if (inv.json) {
            emitJson(QJsonObject{{u"database"_s, project.config.databasePath},
                                 {u"has_version_table"_s,
                                  table->status == VersionTableState::Status::Ok},
                                 {u"rows"_s, toJsonArray(table->rows)},
                                 {u"current"_s, revisionsJson(graph, current.value)}});
            return Ok;
        }
        for (int r : current.value)
            print(format.cmdFormat(r, {.verbose = verbose}));
        return Ok;
    }

    if (command == u"show"_s) {
        if (inv.positional.size() != 1) {
            printError(commandHelp(command));
            return Usage;
        }
        const QString rev = inv.positional.first();
        Resolved<QList<int>> revisions;
        if (rev == u"current"_s) {
            const auto table = readTable();
            if (!table)
                return DatabaseUnreadable;
            revisions = resolver.revisions(RevisionSpec::ofTuple(table->rows));
        } else {
            revisions = resolver.revisions(RevisionSpec::of(rev));
        }
        if (!revisions)
            return revisionFailure(*revisions.error);
        if (inv.json) {
            emitJson(QJsonObject{{u"revisions"_s, revisionsJson(graph, revisions.value)}});
            return Ok;
        }
        for (int r : revisions.value) {
            if (r < 0)
                continue;
            print(format.logEntry(r));
        }
        return Ok;
    }

    if (command == u"stamp"_s || command == u"upgrade"_s || command == u"downgrade"_s) {
        if (inv.positional.isEmpty() || (command != u"stamp"_s && inv.positional.size() != 1)) {
            printError(commandHelp(command));
            return Usage;
        }
        const bool sql = inv.flag(u"--sql"_s);
        const MigrationPlanner planner(graph);
        QStringList startRows;
        QStringList targets = inv.positional;
        if (sql) {
            // Offline: the start comes from "start:end", never from the database.
            QString start;
            bool hasStart = false;
            for (QString &t : targets) {
                const qsizetype colon = t.indexOf(u':');
                if (colon < 0)
                    continue;
                const QString s = t.left(colon);
                if (hasStart && s != start)
                    return fail(AlembicFailure,
                                u"Stamp operation with --sql only supports a single starting revision at a time"_s);
                start = s;
                hasStart = true;
                t = t.mid(colon + 1);
            }
            if (command == u"downgrade"_s && !hasStart)
                return fail(AlembicFailure, u"downgrade with --sql requires <fromrev>:<torev>"_s);
            if (inv.flag(u"--purge"_s))
                return fail(AlembicFailure, u"Can't use --purge with --sql mode"_s);
            if (hasStart && !start.isEmpty() && start != u"base"_s) {
                const auto resolved = resolver.revision(RevisionSpec::of(start));
                if (!resolved)
                    return revisionFailure(*resolved.error);
                if (resolved.value >= 0)
                    startRows = {graph.node(resolved.value).id};
            }
        } else {
            for (const QString &t : std::as_const(targets))
                if (t.contains(u':'))
                    return fail(AlembicFailure, u"Range revision not allowed"_s);
            const auto table = readTable();
            if (!table)
                return DatabaseUnreadable;
            startRows = table->rows;
        }
        const MigrationPlanner::Result planned =
            command == u"stamp"_s
                ? planner.stamp(startRows, targets, inv.flag(u"--purge"_s))
                : command == u"upgrade"_s ? planner.upgrade(startRows, targets.first())
                                          : planner.downgrade(startRows, targets.first());
        for (const QString &w : planned.plan.warnings)
            printError(tr("warning: %1").arg(w));
        if (!planned)
            return fail(AlembicFailure, planned.error, {}, u"revision"_s);
        const StepSql stepSql(project, &renderer);
        if (sql) {
            // The schema at the start is replayed from the scripts: --sql never reads the database.
            QStringList startSchema;
            if (!startRows.isEmpty()) {
                const StepSql::Replay replay = stepSql.schemaAt(startRows);
                if (!replay)
                    return fail(OperationFailed, replay.error, {}, u"translation"_s);
                startSchema = replay.schema;
            }
            noteRendered(planned.plan, stepSql);
            const StepSql::PlanRendering rendering = stepSql.renderPlan(planned.plan, startSchema);
            if (!rendering)
                return fail(OperationFailed, rendering.error, {},
                            rendering.failedStep >= 0 &&
                                    rendering.steps[rendering.failedStep].rendererFailed
                                ? u"renderer"_s
                                : u"translation"_s);
            const OfflineSql::Result script = OfflineSql::render(
                planned.plan, project.config.versionTable,
                [&](int index, const PlanStep &, QString *) -> QStringList {
                    QStringList statements;
                    for (const RenderedStatement &r : rendering.steps.value(index).statements)
                        statements.append(SqlRenderer::offlineText(r.sql));
                    return statements;
                });
            if (!script)
                return fail(OperationFailed, script.error, {}, u"translation"_s);
            // The script ends with a blank line already; print adds none.
            if (m_capture)
                m_out += script.script;
            else
                std::fwrite(script.script.toUtf8().constData(), 1,
                            size_t(script.script.toUtf8().size()), stdout);
            return Ok;
        }
        return runPlan(planned.plan, stepSql);
    }

    if (command == u"pending"_s) {
        const auto table = readTable();
        if (!table)
            return DatabaseUnreadable;
        const MigrationPlanner::Result planned =
            MigrationPlanner(graph).upgrade(table->rows, u"heads"_s);
        if (!planned)
            return fail(AlembicFailure, planned.error, {}, u"revision"_s);
        const StepSql stepSql(project, &renderer);
        const StepSql::PlanRendering rendering = stepSql.renderPlan(
            planned.plan, ScratchDatabase::schemaOf(project.config.databasePath));
        const qsizetype count = planned.plan.steps.size();
        if (inv.json) {
            QJsonArray steps;
            for (qsizetype i = 0; i < count; ++i) {
                const PlanStep &step = planned.plan.steps[i];
                QJsonArray statements;
                for (const RenderedStatement &r : rendering.steps.value(i).statements)
                    statements.append(QJsonObject{{u"sql"_s, r.sql},
                                                  {u"destructive"_s, r.destructive}});
                QJsonObject o = revisionJson(graph, step.revision);
                o.insert(u"step"_s, step.logLine());
                o.insert(u"statements"_s, statements);
                const StepSql::Source source = stepSql.sourceOf(step);
                o.insert(u"sql_source"_s, source == StepSql::Source::Translated ? u"translated"_s
                                          : source == StepSql::Source::Rendered ? u"alembic"_s
                                                                                : u"none"_s);
                const QString why = i < rendering.steps.size() ? rendering.steps[i].error
                                                                : tr("not rendered: an earlier step failed");
                if (!why.isEmpty())
                    o.insert(u"sql_error"_s, why);
                steps.append(o);
            }
            emitJson(QJsonObject{{u"rows"_s, toJsonArray(table->rows)},
                                 {u"pending_count"_s, int(count)},
                                 {u"steps"_s, steps}});
            return count ? PendingMigrations : Ok;
        }
        if (count == 0) {
            print(tr("No pending migrations: the database is at the head."));
            return Ok;
        }
        print(tr("Pending migrations: %1").arg(count));
        for (qsizetype i = 0; i < count; ++i) {
            const PlanStep &step = planned.plan.steps[i];
            print(QString());
            print(u"-- "_s + step.logLine());
            if (i >= rendering.steps.size()) {
                print(tr("   (SQL not shown: an earlier step could not be rendered)"));
                continue;
            }
            const StepSql::Rendered &r = rendering.steps[i];
            if (r.renderedByAlembic)
                print(tr("-- (SQL rendered by Alembic, %1)").arg(stepSql.rendererProbe().interpreter));
            for (const RenderedStatement &statement : r.statements) {
                if (statement.destructive)
                    print(tr("-- DESTRUCTIVE: the next statement can lose data"));
                print(SqlRenderer::offlineText(statement.sql) + u';');
            }
            if (r.statements.isEmpty() && r)
                print(tr("-- (no SQL)"));
            if (!r)
                print(tr("-- SQL cannot be shown: %1").arg(r.error).replace(u'\n', u"\n-- "_s));
        }
        return PendingMigrations;
    }

    if (command == u"backup"_s || command == u"backups"_s || command == u"restore"_s) {
        if (project.config.databasePath.isEmpty())
            return fail(DatabaseUnreadable,
                        tr("No database: give --db FILE or set sqlalchemy.url in alembic.ini."),
                        {}, u"database"_s);
        const QString folder = inv.value(u"--backup-dir"_s);
        const QString db = project.config.databasePath;
        if (command == u"backups"_s) {
            const QList<BackupInfo> backups = Backup::list(db, folder);
            if (inv.json) {
                QJsonArray array;
                for (const BackupInfo &b : backups)
                    array.append(QJsonObject{{u"file"_s, b.file},
                                             {u"time"_s, b.time.toString(Qt::ISODate)},
                                             {u"size"_s, b.size}});
                emitJson(QJsonObject{{u"database"_s, db}, {u"backups"_s, array}});
                return Ok;
            }
            if (backups.isEmpty())
                print(tr("No backups of %1.").arg(db));
            for (const BackupInfo &b : backups)
                print(u"%1  %2  %3"_s.arg(b.time.toString(u"yyyy-MM-dd HH:mm:ss"_s))
                          .arg(b.size, 10)
                          .arg(b.file));
            return Ok;
        }
        auto backupFailure = [&](BackupError kind, const QString &error) {
            const bool unreadable = kind == BackupError::MissingDatabase ||
                                    kind == BackupError::NotADatabase ||
                                    kind == BackupError::Locked;
            return fail(unreadable ? DatabaseUnreadable : OperationFailed, error, {},
                        u"backup"_s);
        };
        if (command == u"backup"_s) {
            const BackupResult made = Backup::create(db, folder);
            if (!made)
                return backupFailure(made.errorKind, made.error);
            if (inv.json)
                emitJson(QJsonObject{{u"database"_s, db}, {u"backup"_s, made.file}});
            else
                print(tr("Backup written: %1").arg(made.file));
            return Ok;
        }
        const QString file = QDir(options.workingDirectory.isEmpty() ? QDir::currentPath()
                                                                     : options.workingDirectory)
                                 .absoluteFilePath(inv.positional.value(0));
        const RestoreResult restored = Backup::restore(file, db, folder);
        if (!restored)
            return backupFailure(restored.errorKind, restored.error);
        if (inv.json) {
            emitJson(QJsonObject{{u"database"_s, db},
                                 {u"restored_from"_s, file},
                                 {u"safety_backup"_s, restored.safetyBackup},
                                 {u"integrity"_s, toJsonArray(restored.integrityMessages)}});
        } else {
            print(tr("Restored %1 from %2.").arg(db, file));
            print(tr("The database as it was before the restore: %1").arg(restored.safetyBackup));
            print(tr("Integrity check: %1").arg(restored.integrityMessages.join(u"; "_s)));
        }
        return Ok;
    }

    if (command == u"history"_s) {
        QString base, head;
        const bool hasRange = inv.values.contains(u"--rev-range"_s);
        if (hasRange) {
            const QString range = inv.value(u"--rev-range"_s).trimmed();
            if (!range.contains(u':'))
                return fail(AlembicFailure,
                            u"History range requires [start]:[end], [start]:, or :[end]"_s);
            const QStringList parts = range.split(u':');
            if (parts.size() != 2)
                return fail(Usage, tr("A history range has exactly one ':' (got '%1').").arg(range));
            base = parts[0];
            head = parts[1];
        }
        const bool indicateCurrent = inv.flag(u"--indicate-current"_s);
        QStringList currents;
        RevisionSpec baseSpec = base.isEmpty() ? RevisionSpec::of(u"base"_s) : RevisionSpec::of(base);
        RevisionSpec headSpec = head.isEmpty() ? RevisionSpec::of(u"heads"_s) : RevisionSpec::of(head);
        if (base == u"current"_s || head == u"current"_s || indicateCurrent) {
            const auto table = readTable();
            if (!table)
                return DatabaseUnreadable;
            currents = table->rows;
            const RevisionSpec rowsSpec = currents.isEmpty() ? RevisionSpec() : RevisionSpec::ofTuple(currents);
            if (head == u"current"_s)
                headSpec = currents.isEmpty() ? RevisionSpec::of(u"heads"_s) : rowsSpec;
            else if (base == u"current"_s)
                baseSpec = currents.isEmpty() ? RevisionSpec::of(u"base"_s) : rowsSpec;
        }
        const auto walk = resolver.walk(baseSpec, headSpec);
        for (const QString &w : resolver.takeWarnings())
            printError(tr("warning: %1").arg(w));
        if (!walk)
            return revisionFailure(*walk.error, baseSpec.display(), headSpec.display());
        if (inv.json) {
            QJsonArray array;
            for (int r : walk.value) {
                QJsonObject o = revisionJson(graph, r);
                o.insert(u"current"_s, currents.contains(graph.node(r).id));
                array.append(o);
            }
            emitJson(QJsonObject{{u"revisions"_s, array}});
            return Ok;
        }
        for (int r : walk.value)
            print(format.cmdFormat(r, {.verbose = verbose, .includeBranches = true,
                                       .includeDoc = true, .includeParents = true,
                                       .current = indicateCurrent &&
                                                  currents.contains(graph.node(r).id)}));
        return Ok;
    }
    return Usage;
}

} // namespace retort
