#include "projectconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace retort {

namespace {

// configparser (the DEFAULT section's name and the depth limit of BasicInterpolation).
const QString defaultSectionName = u"DEFAULT"_s;
constexpr int maxInterpolationDepth = 10;

// Alembic's main section.
const QString alembicSection = u"alembic"_s;

// os.path.abspath(os.path.join(base, path)): absolute, `.`/`..` removed lexically,
// symlinks left alone.
QString absolutePath(const QString &base, const QString &path)
{
    return QDir::cleanPath(QDir(base).absoluteFilePath(path));
}

// Python's repr() of a str, for the messages Alembic builds with %r.
QString pythonRepr(const QString &text)
{
    const QChar quote = text.contains(u'\'') && !text.contains(u'"') ? u'"' : u'\'';
    QString out = quote;
    for (const QChar c : text) {
        if (c == u'\\' || c == quote)
            out += u'\\' + QString(c);
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (c == u'\r')
            out += u"\\r"_s;
        else if (c == u'\t')
            out += u"\\t"_s;
        else
            out += c;
    }
    return out + quote;
}

// Python's str.rstrip() / str.strip() on whitespace.
QString rstripped(const QString &text)
{
    qsizetype end = text.size();
    while (end > 0 && text.at(end - 1).isSpace())
        --end;
    return text.left(end);
}

qsizetype firstNonSpace(const QString &line)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (!line.at(i).isSpace())
            return i;
    }
    return -1;
}

// Alembic hands names that are relative and contain a colon ("myapp:migrations")
// to importlib.resources; Retort does not import Python packages.
bool isPackageResource(const QString &location)
{
    return !QDir::isAbsolutePath(location) && location.contains(u':');
}

QString packageResourceError(const QString &key, const QString &location)
{
    return QCoreApplication::translate(
               "retort::ProjectConfig",
               "%1 = %2 names a Python package resource; Retort reads only directory "
               "paths. Write the folder's path instead (for example with %(here)s).")
        .arg(key, location);
}

QString alembicNoConfigFileError(const QString &configFileAsGiven)
{
    // Alembic's text (config.py get_section_option), verbatim.
    return u"No config file "_s + pythonRepr(configFileAsGiven) + u" found, or file has no '["_s +
           alembicSection + u"]' section"_s;
}

bool isDirectory(const QString &path)
{
    return QFileInfo(path).isDir();
}

// The SQLite file a SQLAlchemy URL names, resolved as SQLAlchemy's pysqlite
// dialect does (relative to the working directory); empty when the URL is not
// SQLite, names an in-memory database, or is malformed.
QString sqliteDatabasePath(const QString &url, const QString &workingDirectory)
{
    // SQLAlchemy: `name://[user[:password]@][host][:port][/database][?query]`,
    // where name is the dialect, optionally `+driver`.
    const qsizetype schemeEnd = url.indexOf(u"://"_s);
    if (schemeEnd < 0)
        return {};
    const QString dialect = url.left(schemeEnd);
    if (dialect != u"sqlite"_s && !dialect.startsWith(u"sqlite+"_s))
        return {};

    const QString rest = url.mid(schemeEnd + 3);
    // SQLite URLs have no host part: `sqlite://` or `sqlite://?x` is in memory,
    // `sqlite://host/...` is rejected by the dialect.
    if (!rest.startsWith(u'/'))
        return {};
    const qsizetype queryStart = rest.indexOf(u'?');
    const QString database = rest.mid(1, queryStart < 0 ? -1 : queryStart - 1);
    const QString query = queryStart < 0 ? QString() : rest.mid(queryStart + 1);
    if (database.isEmpty() || database == u":memory:"_s)
        return {};

    // With `?uri=true` pysqlite passes the database on as an SQLite URI.
    static const QRegularExpression uriTrue(u"(?:^|&)uri=(?:true|yes|on|y|t|1)(?:&|$)"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    if (database.startsWith(u"file:"_s) && uriTrue.match(query).hasMatch()) {
        if (query.contains(u"mode=memory"_s))
            return {};
        QString uriPath = database.mid(5);
        if (uriPath.startsWith(u"//"_s)) {
            // `file://authority/path`: only an empty authority or localhost names this host.
            const qsizetype pathStart = uriPath.indexOf(u'/', 2);
            uriPath = pathStart < 0 ? QString() : uriPath.mid(pathStart);
        }
        uriPath = QUrl::fromPercentEncoding(uriPath.toUtf8());
        if (uriPath.isEmpty() || uriPath == u":memory:"_s)
            return {};
        return absolutePath(workingDirectory, uriPath);
    }
    return absolutePath(workingDirectory, database);
}

bool hasPythonFiles(const QString &directory)
{
    return !QDir(directory).entryList({u"*.py"_s}, QDir::Files).isEmpty();
}

// --scripts DIR: a script directory (it has versions/) or a versions directory.
QString applyScriptsDirectory(const QString &scriptsDirAsGiven, const QString &workingDirectory,
                              ProjectConfig &config)
{
    const QString directory = absolutePath(workingDirectory, scriptsDirAsGiven);
    const QFileInfo info(directory);
    if (!info.exists()) {
        return QCoreApplication::translate("retort::ProjectConfig",
                                           "The scripts directory %1 does not exist.")
            .arg(QDir::toNativeSeparators(directory));
    }
    if (!info.isDir()) {
        return QCoreApplication::translate("retort::ProjectConfig",
                                           "The scripts directory %1 is not a directory.")
            .arg(QDir::toNativeSeparators(directory));
    }
    const QString versions = directory + u"/versions"_s;
    if (isDirectory(versions)) {
        config.scriptLocation = directory;
        config.versionLocations = {versions};
        return {};
    }
    if (info.fileName() == u"versions"_s || hasPythonFiles(directory)) {
        config.versionLocations = {directory};
        // The parent is the script directory when it looks like one (env.py or
        // the revision template), so that commands needing it still work.
        const QString parent = QFileInfo(directory).absolutePath();
        const bool parentIsScriptDirectory = QFileInfo::exists(parent + u"/env.py"_s) ||
                                             QFileInfo::exists(parent + u"/script.py.mako"_s);
        config.scriptLocation = parentIsScriptDirectory ? parent : QString();
        return {};
    }
    return QCoreApplication::translate(
               "retort::ProjectConfig",
               "%1 is neither an Alembic script directory (it has no versions folder) nor a "
               "folder of revision files (it has no .py files).")
        .arg(QDir::toNativeSeparators(directory));
}

} // namespace

// ---------------------------------------------------------------------------
// IniFile

IniFile IniFile::load(const QString &path, QString *error)
{
    IniFile ini;
    ini.m_path = path;
    ini.m_here = QDir::cleanPath(QFileInfo(path).absolutePath());
    const QString shownPath = QDir::toNativeSeparators(path);
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return IniFile{};
    };

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(QCoreApplication::translate("retort::ProjectConfig", "Cannot read %1: %2")
                        .arg(shownPath, file.errorString()));
    }
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    // Python's universal newlines: \r\n, \r and \n all end a line.
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    const QStringList lines = text.split(u'\n');

    // While reading, a value is the list of its lines (configparser joins them
    // with "\n" at the end and strips trailing blank lines).
    using RawOptions = QList<QPair<QString, QStringList>>;
    RawOptions defaults;
    QList<QPair<QString, RawOptions>> sections;
    RawOptions *currentSection = nullptr;
    QString currentSectionName;
    qsizetype currentOption = -1;
    qsizetype indentLevel = 0;
    QStringList sectionsSeen;
    QList<QPair<QString, QString>> optionsSeen;

    for (qsizetype index = 0; index < lines.size(); ++index) {
        const QString &line = lines.at(index);
        const qsizetype lineNumber = index + 1;
        // The final split piece after a trailing newline is not a line.
        if (index == lines.size() - 1 && line.isEmpty())
            break;

        const QString stripped = line.trimmed();
        // Whole-line comments only: configparser's default has no inline comments,
        // so `key = value  # note` keeps the `# note`.
        const bool isComment = stripped.startsWith(u'#') || stripped.startsWith(u';');
        if (stripped.isEmpty() || isComment) {
            // A blank line inside a multi-line value is part of it; a comment line is not.
            if (!isComment && currentSection && currentOption >= 0)
                (*currentSection)[currentOption].second.append(QString());
            continue;
        }

        const qsizetype indent = firstNonSpace(line);
        if (currentSection && currentOption >= 0 && indent > indentLevel) {
            (*currentSection)[currentOption].second.append(stripped);
            continue;
        }
        indentLevel = indent;

        const qsizetype closingBracket = stripped.lastIndexOf(u']');
        if (stripped.startsWith(u'[') && closingBracket > 1) {
            const QString name = stripped.mid(1, closingBracket - 1);
            currentOption = -1;
            currentSectionName = name;
            if (name == defaultSectionName) {
                currentSection = &defaults;
                continue;
            }
            if (sectionsSeen.contains(name)) {
                return fail(QCoreApplication::translate("retort::ProjectConfig",
                                                        "%1, line %2: section [%3] appears twice.")
                                .arg(shownPath, QString::number(lineNumber), name));
            }
            sectionsSeen.append(name);
            sections.append({name, {}});
            currentSection = &sections.last().second;
            continue;
        }
        if (!currentSection) {
            return fail(QCoreApplication::translate(
                            "retort::ProjectConfig",
                            "%1, line %2: text before the first [section] header: %3")
                            .arg(shownPath, QString::number(lineNumber), stripped));
        }

        // `key = value` or `key: value`, split at the first delimiter.
        qsizetype delimiter = -1;
        for (qsizetype i = 0; i < stripped.size(); ++i) {
            if (stripped.at(i) == u'=' || stripped.at(i) == u':') {
                delimiter = i;
                break;
            }
        }
        const QString key = delimiter < 0 ? QString() : rstripped(stripped.left(delimiter));
        if (key.isEmpty()) {
            return fail(QCoreApplication::translate(
                            "retort::ProjectConfig",
                            "%1, line %2: expected 'key = value' or a [section] header: %3")
                            .arg(shownPath, QString::number(lineNumber), stripped));
        }
        const QString optionName = key.toLower();
        const QPair<QString, QString> seenKey{currentSectionName, optionName};
        if (optionsSeen.contains(seenKey)) {
            return fail(
                QCoreApplication::translate(
                    "retort::ProjectConfig",
                    "%1, line %2: option '%3' in section [%4] is already set.")
                    .arg(shownPath, QString::number(lineNumber), optionName, currentSectionName));
        }
        optionsSeen.append(seenKey);
        currentSection->append({optionName, {stripped.mid(delimiter + 1).trimmed()}});
        currentOption = currentSection->size() - 1;
    }

    auto joined = [](const RawOptions &options) {
        QList<QPair<QString, QString>> values;
        for (const auto &[name, valueLines] : options)
            values.append({name, rstripped(valueLines.join(u'\n'))});
        return values;
    };
    ini.m_defaults = joined(defaults);
    for (const auto &[name, options] : sections)
        ini.m_sections.append({name, joined(options)});
    if (error)
        error->clear();
    return ini;
}

bool IniFile::hasSection(const QString &section) const
{
    return findSection(section) != nullptr;
}

const QList<QPair<QString, QString>> *IniFile::findSection(const QString &section) const
{
    for (const auto &entry : m_sections) {
        if (entry.first == section)
            return &entry.second;
    }
    return nullptr;
}

// The raw value as configparser's lookup chain sees it: the section, then
// DEFAULT, then `here`. `isHere` tells that the built-in `here` answered,
// whose value is a path and is never interpolated again.
QString IniFile::rawValue(const QString &section, const QString &key, bool *isHere) const
{
    *isHere = false;
    auto find = [&key](const QList<QPair<QString, QString>> &options) -> QString {
        for (const auto &[name, value] : options) {
            if (name == key)
                return value.isNull() ? u""_s : value;
        }
        return {};
    };
    if (const auto *options = findSection(section)) {
        const QString value = find(*options);
        if (!value.isNull())
            return value;
    }
    const QString value = find(m_defaults);
    if (!value.isNull())
        return value;
    if (key == u"here"_s) {
        *isHere = true;
        return m_here;
    }
    return {};
}

bool IniFile::interpolate(const QString &section, const QString &option, QString rest, int depth,
                          QString &out, QString *error) const
{
    const QString shownPath = QDir::toNativeSeparators(m_path);
    if (depth > maxInterpolationDepth) {
        if (error) {
            *error = QCoreApplication::translate(
                         "retort::ProjectConfig",
                         "%1: the value of '%2' in section [%3] nests %(...)s references too "
                         "deeply (is one referring to itself?).")
                         .arg(shownPath, option, section);
        }
        return false;
    }
    while (!rest.isEmpty()) {
        const qsizetype percent = rest.indexOf(u'%');
        if (percent < 0) {
            out += rest;
            return true;
        }
        out += rest.left(percent);
        rest = rest.mid(percent);
        const QChar next = rest.size() > 1 ? rest.at(1) : QChar();
        if (next == u'%') {
            out += u'%';
            rest = rest.mid(2);
            continue;
        }
        if (next != u'(') {
            if (error) {
                *error = QCoreApplication::translate(
                             "retort::ProjectConfig",
                             "%1: the value of '%2' in section [%3] has a '%' that is not "
                             "followed by '%' or '(' (write %% for a percent sign): %4")
                             .arg(shownPath, option, section, rest);
            }
            return false;
        }
        // `%(name)s`: a name of at least one character, then `)s`.
        const qsizetype closing = rest.indexOf(u')', 2);
        if (closing <= 2 || closing + 1 >= rest.size() || rest.at(closing + 1) != u's') {
            if (error) {
                *error = QCoreApplication::translate(
                             "retort::ProjectConfig",
                             "%1: the value of '%2' in section [%3] has a malformed %(name)s "
                             "reference: %4")
                             .arg(shownPath, option, section, rest);
            }
            return false;
        }
        const QString name = rest.mid(2, closing - 2).toLower();
        rest = rest.mid(closing + 2);
        bool isHere = false;
        const QString value = rawValue(section, name, &isHere);
        if (value.isNull()) {
            if (error) {
                *error = QCoreApplication::translate(
                             "retort::ProjectConfig",
                             "%1: the value of '%2' in section [%3] uses %(%4)s, which is not "
                             "defined.")
                             .arg(shownPath, option, section, name);
            }
            return false;
        }
        if (!isHere && value.contains(u'%')) {
            if (!interpolate(section, option, value, depth + 1, out, error))
                return false;
        } else {
            out += value;
        }
    }
    return true;
}

QString IniFile::value(const QString &section, const QString &key, QString *error) const
{
    if (error)
        error->clear();
    if (section != defaultSectionName && !hasSection(section))
        return {};
    const QString option = key.toLower();
    bool isHere = false;
    const QString raw = rawValue(section, option, &isHere);
    if (raw.isNull() || isHere)
        return raw;
    QString out = u""_s;
    if (!interpolate(section, option, raw, 1, out, error))
        return {};
    return out;
}

// ---------------------------------------------------------------------------
// splitVersionLocations

QStringList splitVersionLocations(const QString &value, const QString &separatorSetting,
                                  QString *error, const QString &separatorKey)
{
    if (error)
        error->clear();
    QStringList pieces;
    bool stripPieces = true;
    if (separatorSetting.isNull()) {
        // Legacy rule from before path separators existed: commas and/or spaces.
        static const QRegularExpression legacySeparator(u", *| +"_s);
        pieces = value.split(legacySeparator);
        stripPieces = false;
    } else {
        QString separator;
        if (separatorSetting == u"space"_s)
            separator = u" "_s;
        else if (separatorSetting == u"newline"_s)
            separator = u"\n"_s;
        else if (separatorSetting == u"os"_s)
            separator = QDir::listSeparator();
        else if (separatorSetting == u":"_s || separatorSetting == u";"_s)
            separator = separatorSetting;
        if (separator.isEmpty()) {
            if (error) {
                // Alembic's texts, verbatim: 1.8 for version_path_separator (which
                // nevertheless accepts "newline" like later versions), 1.16 for
                // path_separator.
                const QString expected = separatorKey == u"version_path_separator"_s
                                             ? u"'space', 'os', ':', ';'"_s
                                             : u"'space', 'newline', 'os', ':', ';'"_s;
                *error = u"'"_s + separatorSetting + u"' is not a valid value for "_s +
                         separatorKey + u"; expected "_s + expected;
            }
            return {};
        }
        pieces = value.split(separator);
    }
    // Alembic keeps empty pieces (which os.path.abspath turns into the working
    // directory); a location nobody meant to write is dropped instead.
    QStringList locations;
    for (const QString &piece : std::as_const(pieces)) {
        const QString location = stripPieces ? piece.trimmed() : piece;
        if (!location.isEmpty())
            locations.append(location);
    }
    return locations;
}

// ---------------------------------------------------------------------------
// ProjectConfig::discover

ProjectConfig::Result ProjectConfig::discover(const Options &options)
{
    const QString workingDirectory =
        options.workingDirectory.isEmpty()
            ? QDir::currentPath()
            : absolutePath(QDir::currentPath(), options.workingDirectory);
    Result result;
    ProjectConfig &config = result.config;
    auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };
    if (!options.versionTable.isEmpty())
        config.versionTable = options.versionTable;

    // Which alembic.ini, if any.
    QString iniAsGiven;
    QString iniPath;
    bool flaskMigrateLayout = false;
    if (!options.configFile.isEmpty()) {
        iniAsGiven = options.configFile;
        iniPath = absolutePath(workingDirectory, options.configFile);
    } else if (options.scriptsDir.isEmpty()) {
        const QString topLevel = workingDirectory + u"/alembic.ini"_s;
        const QString flaskMigrate = workingDirectory + u"/migrations/alembic.ini"_s;
        if (QFileInfo(topLevel).isFile()) {
            iniAsGiven = u"alembic.ini"_s;
            iniPath = topLevel;
        } else if (QFileInfo(flaskMigrate).isFile()) {
            iniAsGiven = u"migrations/alembic.ini"_s;
            iniPath = flaskMigrate;
            flaskMigrateLayout = true;
        } else {
            return fail(
                QCoreApplication::translate("retort::ProjectConfig",
                                            "No alembic.ini in %1; use -c FILE or --scripts DIR")
                    .arg(QDir::toNativeSeparators(workingDirectory)));
        }
    }

    IniFile ini;
    if (!iniPath.isEmpty()) {
        // configparser silently skips a file it cannot open, so Alembic reports
        // a missing, unreadable or section-less file all the same way.
        const QFileInfo iniInfo(iniPath);
        if (!iniInfo.isFile() || !iniInfo.isReadable())
            return fail(alembicNoConfigFileError(iniAsGiven));
        QString error;
        ini = IniFile::load(iniPath, &error);
        if (!error.isEmpty())
            return fail(error);
        if (!ini.hasSection(alembicSection))
            return fail(alembicNoConfigFileError(iniAsGiven));
        config.iniPath = iniPath;
    }
    auto mainOption = [&ini](const QString &key, QString *error) {
        return ini.value(alembicSection, key, error);
    };

    QString error;
    if (!options.scriptsDir.isEmpty()) {
        error = applyScriptsDirectory(options.scriptsDir, workingDirectory, config);
        if (!error.isEmpty())
            return fail(error);
    } else {
        const QString scriptLocation = mainOption(u"script_location"_s, &error);
        if (!error.isEmpty())
            return fail(error);
        if (scriptLocation.isNull()) {
            // Flask-Migrate's migrations/alembic.ini has no script_location: the
            // folder holding it is the script directory (Flask-Migrate sets it in code).
            const QString iniFolder = QFileInfo(iniPath).absolutePath();
            const bool looksLikeScriptDirectory = isDirectory(iniFolder + u"/versions"_s) &&
                                                  QFileInfo::exists(iniFolder + u"/env.py"_s);
            if (!flaskMigrateLayout && !looksLikeScriptDirectory) {
                // Alembic's text, verbatim.
                return fail(u"No 'script_location' key found in configuration."_s);
            }
            config.scriptLocation = iniFolder;
        } else {
            if (isPackageResource(scriptLocation))
                return fail(packageResourceError(u"script_location"_s, scriptLocation));
            // Like Alembic: relative to the working directory, not to the ini.
            config.scriptLocation = absolutePath(workingDirectory, scriptLocation);
            if (scriptLocation.isEmpty() || !QFileInfo::exists(config.scriptLocation)) {
                // Alembic's text (ScriptDirectory.__init__), verbatim.
                return fail(u"Path doesn't exist: "_s + pythonRepr(config.scriptLocation) +
                            u".  Please use the 'init' command to create a new scripts folder."_s);
            }
        }

        const QString versionLocations = mainOption(u"version_locations"_s, &error);
        if (!error.isEmpty())
            return fail(error);
        if (versionLocations.isEmpty()) {
            config.versionLocations = {config.scriptLocation + u"/versions"_s};
        } else {
            // Newer Alembic reads path_separator first, then the deprecated
            // version_path_separator.
            QString separatorKey = u"path_separator"_s;
            QString separator = mainOption(separatorKey, &error);
            if (error.isEmpty() && separator.isNull()) {
                separatorKey = u"version_path_separator"_s;
                separator = mainOption(separatorKey, &error);
            }
            if (!error.isEmpty())
                return fail(error);
            const QStringList locations =
                splitVersionLocations(versionLocations, separator, &error, separatorKey);
            if (!error.isEmpty())
                return fail(error);
            for (const QString &location : locations) {
                if (isPackageResource(location))
                    return fail(packageResourceError(u"version_locations"_s, location));
                config.versionLocations.append(absolutePath(workingDirectory, location));
            }
        }
    }

    if (!config.iniPath.isEmpty()) {
        // Alembic compares with "true" exactly; "yes", "1" or "True" leave it off.
        config.recursiveVersionLocations =
            mainOption(u"recursive_version_locations"_s, &error) == u"true"_s;
        if (!error.isEmpty())
            return fail(error);
        const QString url = mainOption(u"sqlalchemy.url"_s, &error);
        if (!error.isEmpty())
            return fail(error);
        if (!url.isNull()) {
            config.sqlalchemyUrl = url;
            config.databasePath = sqliteDatabasePath(url, workingDirectory);
        }
    }

    if (!options.databaseFile.isEmpty())
        config.databasePath = absolutePath(workingDirectory, options.databaseFile);
    return result;
}

} // namespace retort
