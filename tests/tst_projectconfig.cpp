// ProjectConfig::discover, IniFile and splitVersionLocations: reading an
// Alembic project's alembic.ini as Alembic does.

#include "projectconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using retort::IniFile;
using retort::ProjectConfig;

namespace {

// `{tmp}` in test data stands for the test's temporary directory.
QString expandTmp(QString text, const QString &tmp)
{
    return text.replace(u"{tmp}"_s, tmp);
}

QStringList expandTmp(QStringList list, const QString &tmp)
{
    for (QString &text : list)
        text = expandTmp(text, tmp);
    return list;
}

// Creates files and folders under `root`: "dir/" makes a folder,
// "path=content" a file (parent folders included).
bool writeTree(const QString &root, const QStringList &entries)
{
    for (const QString &entry : entries) {
        const qsizetype equals = entry.indexOf(u'=');
        const QString relative = equals < 0 ? entry : entry.left(equals);
        const QString path = root + u'/' + relative;
        if (equals < 0) {
            if (!QDir().mkpath(path))
                return false;
            continue;
        }
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return false;
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(expandTmp(entry.mid(equals + 1), root).toUtf8());
    }
    return true;
}

// A Flask-Migrate style migrations/alembic.ini: no script_location.
const QString flaskMigrateIni = u"# A generic, single database configuration.\n\n"
                                u"[alembic]\n"
                                u"# template used to generate migration files\n"
                                u"# file_template = %%(rev)s_%%(slug)s\n\n"
                                u"# set to 'true' to run the environment during\n"
                                u"# the 'revision' command, regardless of autogenerate\n"
                                u"# revision_environment = false\n\n"
                                u"[loggers]\nkeys = root,sqlalchemy,alembic,flask_migrate\n"_s;

QString alembicIni(const QString &body)
{
    return u"alembic.ini=[alembic]\n"_s + body;
}

} // namespace

class TestProjectConfig : public QObject
{
    Q_OBJECT

private slots:
    void iniValue_data();
    void iniValue();
    void splitVersionLocations_data();
    void splitVersionLocations();
    void discover_data();
    void discover();
    void discoverUsesCurrentDirectoryByDefault();
};

void TestProjectConfig::iniValue_data()
{
    QTest::addColumn<QString>("ini");
    QTest::addColumn<QString>("section");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("present");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("errorContains"); // from load or from value

    const QString section = u"alembic"_s;
    QTest::newRow("plain value") << u"[alembic]\nscript_location = migrations\n"_s << section
                                 << u"script_location"_s << true << u"migrations"_s << QString();
    QTest::newRow("keys are case-insensitive")
        << u"[alembic]\nScript_Location = migrations\n"_s << section << u"SCRIPT_location"_s << true
        << u"migrations"_s << QString();
    QTest::newRow("section names are case-sensitive")
        << u"[Alembic]\nscript_location = migrations\n"_s << section << u"script_location"_s
        << false << QString() << QString();
    QTest::newRow("colon delimiter, value stripped")
        << u"[alembic]\nscript_location:    migrations   \n"_s << section << u"script_location"_s
        << true << u"migrations"_s << QString();
    QTest::newRow("first delimiter splits")
        << u"[alembic]\nsqlalchemy.url = sqlite:///a=b.db\n"_s << section << u"sqlalchemy.url"_s
        << true << u"sqlite:///a=b.db"_s << QString();
    QTest::newRow("empty value") << u"[alembic]\nversion_locations =\n"_s << section
                                 << u"version_locations"_s << true << u""_s << QString();
    QTest::newRow("inline comment is part of the value")
        << u"[alembic]\nscript_location = migrations # where they live\n"_s << section
        << u"script_location"_s << true << u"migrations # where they live"_s << QString();
    QTest::newRow("comment lines are skipped")
        << u"# top\n[alembic]\n; note\n  # indented note\nscript_location = m\n"_s << section
        << u"script_location"_s << true << u"m"_s << QString();
    QTest::newRow("missing key") << u"[alembic]\nscript_location = m\n"_s << section
                                 << u"version_locations"_s << false << QString() << QString();
    QTest::newRow("missing section") << u"[other]\nscript_location = m\n"_s << section
                                     << u"script_location"_s << false << QString() << QString();
    QTest::newRow("multi-line value keeps inner blank lines, drops trailing ones")
        << u"[alembic]\nversion_locations =\n    a\n\n    b\n    # skipped\n    c\n\n\nnext = 1\n"_s
        << section << u"version_locations"_s << true << u"\na\n\nb\nc"_s << QString();
    QTest::newRow("a less indented line ends the value")
        << u"[alembic]\n  first = 1\n    more\n  second = 2\n"_s << section << u"first"_s << true
        << u"1\nmore"_s << QString();
    QTest::newRow("here is the ini's folder")
        << u"[alembic]\nscript_location = %(here)s/mig\n"_s << section << u"script_location"_s
        << true << u"{tmp}/mig"_s << QString();
    QTest::newRow("here is a value of its own")
        << u"[alembic]\nx = 1\n"_s << section << u"here"_s << true << u"{tmp}"_s << QString();
    QTest::newRow("double percent is a percent sign")
        << u"[alembic]\nfile_template = %%(rev)s_%%(slug)s\n"_s << section << u"file_template"_s
        << true << u"%(rev)s_%(slug)s"_s << QString();
    QTest::newRow("reference to a key of the section")
        << u"[alembic]\nbase = /srv/app\nscript_location = %(BASE)s/migrations\n"_s << section
        << u"script_location"_s << true << u"/srv/app/migrations"_s << QString();
    QTest::newRow("DEFAULT values are seen by every section")
        << u"[DEFAULT]\nroot = /srv\n[alembic]\nscript_location = %(root)s/m\n"_s << section
        << u"script_location"_s << true << u"/srv/m"_s << QString();
    QTest::newRow("DEFAULT key read through a section")
        << u"[DEFAULT]\nroot = /srv\n[alembic]\n"_s << section << u"root"_s << true << u"/srv"_s
        << QString();
    QTest::newRow("nested references") << u"[alembic]\na = %(here)s\nb = %(a)s/x\nc = %(b)s/y\n"_s
                                       << section << u"c"_s << true << u"{tmp}/x/y"_s << QString();
    QTest::newRow("DEFAULT can override here")
        << u"[DEFAULT]\nhere = /elsewhere\n[alembic]\nscript_location = %(here)s/m\n"_s << section
        << u"script_location"_s << true << u"/elsewhere/m"_s << QString();
    QTest::newRow("undefined reference")
        << u"[alembic]\nscript_location = %(nowhere)s/m\n"_s << section << u"script_location"_s
        << false << QString() << u"uses %(nowhere)s, which is not defined"_s;
    QTest::newRow("lone percent sign")
        << u"[alembic]\nsqlalchemy.url = sqlite:///100%.db\n"_s << section << u"sqlalchemy.url"_s
        << false << QString() << u"not followed by '%' or '('"_s;
    QTest::newRow("unfinished reference")
        << u"[alembic]\nscript_location = %(here/m\n"_s << section << u"script_location"_s << false
        << QString() << u"malformed %(name)s reference"_s;
    QTest::newRow("self reference") << u"[alembic]\na = %(a)s\n"_s << section << u"a"_s << false
                                    << QString() << u"too deeply"_s;
    QTest::newRow("byte order mark and CRLF")
        << u"\uFEFF[alembic]\r\nscript_location = m\r\nversion_locations = v\r\n"_s << section
        << u"version_locations"_s << true << u"v"_s << QString();
    QTest::newRow("text before the first section")
        << u"script_location = m\n[alembic]\n"_s << section << u"script_location"_s << false
        << QString() << u"line 1: text before the first [section] header"_s;
    QTest::newRow("section twice")
        << u"[alembic]\na = 1\n\n[alembic]\nb = 2\n"_s << section << u"a"_s << false << QString()
        << u"line 4: section [alembic] appears twice"_s;
    QTest::newRow("option twice") << u"[alembic]\na = 1\nA = 2\n"_s << section << u"a"_s << false
                                  << QString()
                                  << u"line 3: option 'a' in section [alembic] is already set"_s;
    QTest::newRow("line without delimiter")
        << u"[alembic]\na = 1\njust words\n"_s << section << u"a"_s << false << QString()
        << u"line 3: expected 'key = value'"_s;
}

void TestProjectConfig::iniValue()
{
    QFETCH(QString, ini);
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(bool, present);
    QFETCH(QString, expected);
    QFETCH(QString, errorContains);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString tmp = QDir::cleanPath(directory.path());
    const QString path = tmp + u"/alembic.ini"_s;
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(ini.toUtf8());
    }

    QString error = u"not cleared"_s;
    const IniFile iniFile = IniFile::load(path, &error);
    QString value;
    if (error.isEmpty())
        value = iniFile.value(section, key, &error);

    if (errorContains.isEmpty()) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY2(error.contains(errorContains), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
    }
    QCOMPARE(!value.isNull(), present);
    QCOMPARE(value, expandTmp(expected, tmp));
}

void TestProjectConfig::splitVersionLocations_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("separatorSet");
    QTest::addColumn<QString>("separator");
    QTest::addColumn<QString>("separatorKey");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("error");

    const QString pathSeparator = u"path_separator"_s;
    const QString versionPathSeparator = u"version_path_separator"_s;
    QTest::newRow("legacy: spaces") << u"/a /b  /c"_s << false << QString() << pathSeparator
                                    << QStringList{u"/a"_s, u"/b"_s, u"/c"_s} << QString();
    QTest::newRow("legacy: commas with optional spaces")
        << u"/a,/b, /c ,/d"_s << false << QString() << pathSeparator
        << QStringList{u"/a"_s, u"/b"_s, u"/c"_s, u"/d"_s} << QString();
    QTest::newRow("legacy: colons do not split")
        << u"/a:/b"_s << false << QString() << pathSeparator << QStringList{u"/a:/b"_s}
        << QString();
    QTest::newRow("space") << u"/a /b"_s << true << u"space"_s << pathSeparator
                           << QStringList{u"/a"_s, u"/b"_s} << QString();
    QTest::newRow("space keeps commas") << u"/a,b /c"_s << true << u"space"_s << pathSeparator
                                        << QStringList{u"/a,b"_s, u"/c"_s} << QString();
    QTest::newRow("newline, pieces stripped")
        << u"\n /foo  \n/bar  "_s << true << u"newline"_s << pathSeparator
        << QStringList{u"/foo"_s, u"/bar"_s} << QString();
    QTest::newRow("os") << u"/Project A"_s + QDir::listSeparator() + u"/Project B"_s << true
                        << u"os"_s << pathSeparator << QStringList{u"/Project A"_s, u"/Project B"_s}
                        << QString();
    QTest::newRow("colon") << u"/Project A:/Project B:"_s << true << u":"_s << pathSeparator
                           << QStringList{u"/Project A"_s, u"/Project B"_s} << QString();
    QTest::newRow("semicolon") << u"C:\\A;C:\\B"_s << true << u";"_s << versionPathSeparator
                               << QStringList{u"C:\\A"_s, u"C:\\B"_s} << QString();
    QTest::newRow("version_path_separator accepts newline")
        << u"/a\n/b"_s << true << u"newline"_s << versionPathSeparator
        << QStringList{u"/a"_s, u"/b"_s} << QString();
    QTest::newRow("invalid path_separator")
        << u"/foo|/bar"_s << true << u"|"_s << pathSeparator << QStringList{}
        << u"'|' is not a valid value for path_separator; "
           u"expected 'space', 'newline', 'os', ':', ';'"_s;
    QTest::newRow("invalid version_path_separator")
        << u"/foo|/bar"_s << true << u"x"_s << versionPathSeparator << QStringList{}
        << u"'x' is not a valid value for version_path_separator; "
           u"expected 'space', 'os', ':', ';'"_s;
    QTest::newRow("empty separator is invalid")
        << u"/foo"_s << true << u""_s << pathSeparator << QStringList{}
        << u"'' is not a valid value for path_separator; "
           u"expected 'space', 'newline', 'os', ':', ';'"_s;
}

void TestProjectConfig::splitVersionLocations()
{
    QFETCH(QString, value);
    QFETCH(bool, separatorSet);
    QFETCH(QString, separator);
    QFETCH(QString, separatorKey);
    QFETCH(QStringList, expected);
    QFETCH(QString, error);

    const QString separatorSetting =
        separatorSet ? (separator.isNull() ? u""_s : separator) : QString();
    QString actualError = u"not cleared"_s;
    const QStringList locations =
        retort::splitVersionLocations(value, separatorSetting, &actualError, separatorKey);
    QCOMPARE(actualError, error);
    QCOMPARE(locations, expected);
}

void TestProjectConfig::discover_data()
{
    QTest::addColumn<QStringList>("tree");
    QTest::addColumn<QString>("workingDirectory"); // relative to {tmp}
    QTest::addColumn<QString>("configFile");
    QTest::addColumn<QString>("scriptsDir");
    QTest::addColumn<QString>("databaseFile");
    QTest::addColumn<QString>("versionTable");
    // Expectations; `{tmp}` is the temporary directory.
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("iniPath");
    QTest::addColumn<QString>("scriptLocation");
    QTest::addColumn<QStringList>("versionLocations");
    QTest::addColumn<bool>("recursive");
    QTest::addColumn<QString>("sqlalchemyUrl");
    QTest::addColumn<QString>("databasePath");
    QTest::addColumn<QString>("expectedVersionTable");

    const QString none;
    const QString defaultTable = u"alembic_version"_s;
    const QStringList migrations{u"migrations/versions/"_s, u"migrations/env.py=# env\n"_s};
    const QStringList defaultVersions{u"{tmp}/migrations/versions"_s};
    auto iniProject = [&migrations](const QString &body, const QStringList &more = {}) {
        return migrations + QStringList{alembicIni(body)} + more;
    };
    const QString basicBody =
        u"script_location = migrations\nsqlalchemy.url = sqlite:///app.db\n"_s;

    // --- alembic.ini found in the working directory
    QTest::newRow("alembic.ini in the working directory")
        << iniProject(basicBody) << none << none << none << none << none << none
        << u"{tmp}/alembic.ini"_s << u"{tmp}/migrations"_s << defaultVersions << false
        << u"sqlite:///app.db"_s << u"{tmp}/app.db"_s << defaultTable;
    // Alembic resolves script_location against the working directory, not the ini's folder.
    QTest::newRow("relative script_location is relative to the working directory")
        << QStringList{u"migrations/versions/"_s, u"conf/migrations/versions/"_s,
                       u"conf/alembic.ini=[alembic]\nscript_location = migrations\n"_s}
        << none << u"conf/alembic.ini"_s << none << none << none << none
        << u"{tmp}/conf/alembic.ini"_s << u"{tmp}/migrations"_s << defaultVersions << false << none
        << none << defaultTable;
    QTest::newRow("%(here)s is the ini's folder")
        << QStringList{u"conf/migrations/versions/"_s, u"work/"_s,
                       u"conf/alembic.ini=[alembic]\nscript_location = %(here)s/migrations\n"_s}
        << u"work"_s << u"../conf/alembic.ini"_s << none << none << none << none
        << u"{tmp}/conf/alembic.ini"_s << u"{tmp}/conf/migrations"_s
        << QStringList{u"{tmp}/conf/migrations/versions"_s} << false << none << none
        << defaultTable;
    QTest::newRow("absolute -c path")
        << iniProject(basicBody) << none << u"{tmp}/alembic.ini"_s << none << none << none << none
        << u"{tmp}/alembic.ini"_s << u"{tmp}/migrations"_s << defaultVersions << false
        << u"sqlite:///app.db"_s << u"{tmp}/app.db"_s << defaultTable;

    // --- version_locations and their separators
    QTest::newRow("version_locations, legacy separators")
        << iniProject(u"script_location = migrations\n"
                      u"version_locations = %(here)s/a %(here)s/b, %(here)s/c,%(here)s/d\n"_s)
        << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/migrations"_s
        << QStringList{u"{tmp}/a"_s, u"{tmp}/b"_s, u"{tmp}/c"_s, u"{tmp}/d"_s} << false << none
        << none << defaultTable;
    QTest::newRow("version_locations relative to the working directory")
        << QStringList{u"migrations/versions/"_s, u"work/"_s,
                       u"alembic.ini=[alembic]\nscript_location = %(here)s/migrations\n"
                       u"version_locations = extra ../more\n"_s}
        << u"work"_s << u"../alembic.ini"_s << none << none << none << none
        << u"{tmp}/alembic.ini"_s << u"{tmp}/migrations"_s
        << QStringList{u"{tmp}/work/extra"_s, u"{tmp}/more"_s} << false << none << none
        << defaultTable;
    QTest::newRow("path_separator = os")
        << iniProject(u"script_location = migrations\npath_separator = os\n"
                      u"version_locations = %(here)s/with space"_s +
                      QDir::listSeparator() + u"%(here)s/b\n"_s)
        << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/migrations"_s << QStringList{u"{tmp}/with space"_s, u"{tmp}/b"_s} << false
        << none << none << defaultTable;
    QTest::newRow("path_separator = newline")
        << iniProject(u"script_location = migrations\npath_separator = newline\n"
                      u"version_locations =\n    %(here)s/with space\n    %(here)s/b\n"_s)
        << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/migrations"_s << QStringList{u"{tmp}/with space"_s, u"{tmp}/b"_s} << false
        << none << none << defaultTable;
    QTest::newRow("path_separator = space")
        << iniProject(u"script_location = migrations\npath_separator = space\n"
                      u"version_locations = %(here)s/a,x %(here)s/b\n"_s)
        << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/migrations"_s << QStringList{u"{tmp}/a,x"_s, u"{tmp}/b"_s} << false << none
        << none << defaultTable;
    QTest::newRow("path_separator = ;")
        << iniProject(u"script_location = migrations\npath_separator = ;\n"
                      u"version_locations = %(here)s/a b;%(here)s/c\n"_s)
        << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/migrations"_s << QStringList{u"{tmp}/a b"_s, u"{tmp}/c"_s} << false << none
        << none << defaultTable;
    QTest::newRow("version_path_separator = :")
        << iniProject(u"script_location = migrations\nversion_path_separator = :\n"
                      u"version_locations = %(here)s/a b:%(here)s/c\n"_s)
        << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/migrations"_s << QStringList{u"{tmp}/a b"_s, u"{tmp}/c"_s} << false << none
        << none << defaultTable;
    QTest::newRow("path_separator wins over version_path_separator")
        << iniProject(u"script_location = migrations\npath_separator = ;\n"
                      u"version_path_separator = :\n"
                      u"version_locations = %(here)s/a:b;%(here)s/c\n"_s)
        << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/migrations"_s << QStringList{u"{tmp}/a:b"_s, u"{tmp}/c"_s} << false << none
        << none << defaultTable;
    QTest::newRow("invalid version_path_separator")
        << iniProject(u"script_location = migrations\nversion_path_separator = comma\n"
                      u"version_locations = a,b\n"_s)
        << none << none << none << none << none
        << u"'comma' is not a valid value for version_path_separator; "
           u"expected 'space', 'os', ':', ';'"_s
        << none << none << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("invalid path_separator")
        << iniProject(u"script_location = migrations\npath_separator = |\n"
                      u"version_locations = a|b\n"_s)
        << none << none << none << none << none
        << u"'|' is not a valid value for path_separator; "
           u"expected 'space', 'newline', 'os', ':', ';'"_s
        << none << none << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("separator ignored without version_locations")
        << iniProject(u"script_location = migrations\npath_separator = |\n"_s) << none << none
        << none << none << none << none << u"{tmp}/alembic.ini"_s << u"{tmp}/migrations"_s
        << defaultVersions << false << none << none << defaultTable;
    QTest::newRow("package resource in version_locations")
        << iniProject(u"script_location = migrations\nversion_locations = myapp:versions\n"_s)
        << none << none << none << none << none << u"names a Python package resource"_s << none
        << none << QStringList{} << false << none << none << defaultTable;

    // --- recursive_version_locations: Alembic compares with "true" exactly
    const QStringList recursiveOn{u"true"_s};
    for (const QString &value : {u"true"_s, u"True"_s, u"yes"_s, u"1"_s, u"on"_s, u"false"_s}) {
        QTest::addRow("recursive_version_locations = %s", qPrintable(value))
            << iniProject(u"script_location = migrations\nrecursive_version_locations = "_s +
                          value + u'\n')
            << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
            << u"{tmp}/migrations"_s << defaultVersions << (value == u"true"_s) << none << none
            << defaultTable;
    }

    // --- sqlalchemy.url
    auto urlRow = [&](const char *name, const QString &url, const QString &databasePath,
                      const QString &workingDirectory = QString()) {
        QTest::newRow(name)
            << iniProject(u"script_location = %(here)s/migrations\n"
                          u"sqlalchemy.url = "_s +
                              url + u'\n',
                          {u"work/"_s})
            << workingDirectory << (workingDirectory.isEmpty() ? QString() : u"../alembic.ini"_s)
            << none << none << none << none << u"{tmp}/alembic.ini"_s << u"{tmp}/migrations"_s
            << defaultVersions << false
            << QString(url).replace(u"%%"_s, u"%"_s).replace(u"%(here)s"_s, u"{tmp}"_s)
            << databasePath << defaultTable;
    };
    urlRow("url: absolute path (four slashes)", u"sqlite:////var/lib/app/data.db"_s,
           u"/var/lib/app/data.db"_s);
    urlRow("url: %(here)s makes it absolute", u"sqlite:///%(here)s/data/app.db"_s,
           u"{tmp}/data/app.db"_s);
    urlRow("url: relative path is relative to the working directory", u"sqlite:///data/app.db"_s,
           u"{tmp}/work/data/app.db"_s, u"work"_s);
    urlRow("url: query stripped", u"sqlite:///app.db?timeout=10"_s, u"{tmp}/app.db"_s);
    urlRow("url: driver name", u"sqlite+pysqlite:///app.db"_s, u"{tmp}/app.db"_s);
    urlRow("url: SQLite URI", u"sqlite:///file:app.db?mode=ro&uri=true"_s, u"{tmp}/app.db"_s);
    urlRow("url: file: without uri=true is a file name", u"sqlite:///file:app.db"_s,
           u"{tmp}/file:app.db"_s);
    urlRow("url: escaped percent sign", u"sqlite:///100%%.db"_s, u"{tmp}/100%.db"_s);
    urlRow("url: in memory, two slashes", u"sqlite://"_s, none);
    urlRow("url: in memory, :memory:", u"sqlite:///:memory:"_s, none);
    urlRow("url: host is not valid for SQLite", u"sqlite://host/app.db"_s, none);
    urlRow("url: PostgreSQL", u"postgresql://scott:tiger@localhost/test"_s, none);
    urlRow("url: driver://", u"driver://user:pass@localhost/dbname"_s, none);

    // --- errors in the ini
    QTest::newRow("missing script_location")
        << QStringList{alembicIni(u"sqlalchemy.url = sqlite:///app.db\n"_s)} << none << none << none
        << none << none << u"No 'script_location' key found in configuration."_s << none << none
        << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("script_location that does not exist")
        << QStringList{alembicIni(u"script_location = nope\n"_s)} << none << none << none << none
        << none
        << u"Path doesn't exist: '{tmp}/nope'.  Please use the 'init' command to create a new "
           u"scripts folder."_s
        << none << none << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("package resource in script_location")
        << QStringList{alembicIni(u"script_location = myapp:migrations\n"_s)} << none << none
        << none << none << none << u"script_location = myapp:migrations names a Python package"_s
        << none << none << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("undefined %(name)s in script_location")
        << QStringList{alembicIni(u"script_location = %(root)s/migrations\n"_s)} << none << none
        << none << none << none << u"uses %(root)s, which is not defined"_s << none << none
        << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("ini that does not parse")
        << QStringList{u"alembic.ini=script_location = migrations\n"_s} << none << none << none
        << none << none << u"line 1: text before the first [section] header"_s << none << none
        << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("missing -c file")
        << migrations << none << u"nope.ini"_s << none << none << none
        << u"No config file 'nope.ini' found, or file has no '[alembic]' section"_s << none << none
        << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("-c names a directory")
        << migrations << none << u"migrations"_s << none << none << none
        << u"No config file 'migrations' found, or file has no '[alembic]' section"_s << none
        << none << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("ini without [alembic] section")
        << (migrations + QStringList{u"other.ini=[loggers]\nkeys = root\n"_s}) << none
        << u"other.ini"_s << none << none << none
        << u"No config file 'other.ini' found, or file has no '[alembic]' section"_s << none << none
        << QStringList{} << false << none << none << defaultTable;

    // --- --scripts
    QTest::newRow("--scripts: a script directory")
        << QStringList{u"mig/versions/"_s, u"mig/env.py=# env\n"_s} << none << none << u"mig"_s
        << none << none << none << none << u"{tmp}/mig"_s << QStringList{u"{tmp}/mig/versions"_s}
        << false << none << none << defaultTable;
    QTest::newRow("--scripts: a folder of revision files")
        << QStringList{u"revs/1a2b_init.py=revision = '1a2b'\n"_s} << none << none << u"revs"_s
        << none << none << none << none << none << QStringList{u"{tmp}/revs"_s} << false << none
        << none << defaultTable;
    QTest::newRow("--scripts: an empty versions folder, parent has env.py")
        << QStringList{u"mig/versions/"_s, u"mig/env.py=# env\n"_s} << none << none
        << u"mig/versions"_s << none << none << none << none << u"{tmp}/mig"_s
        << QStringList{u"{tmp}/mig/versions"_s} << false << none << none << defaultTable;
    QTest::newRow("--scripts: absolute path")
        << QStringList{u"mig/versions/"_s} << u"mig"_s << none << u"{tmp}/mig"_s << none << none
        << none << none << u"{tmp}/mig"_s << QStringList{u"{tmp}/mig/versions"_s} << false << none
        << none << defaultTable;
    QTest::newRow("--scripts: missing directory")
        << QStringList{} << none << none << u"nowhere"_s << none << none
        << u"The scripts directory {tmp}/nowhere does not exist."_s << none << none << QStringList{}
        << false << none << none << defaultTable;
    QTest::newRow("--scripts: a file")
        << QStringList{u"notes.txt=hello\n"_s} << none << none << u"notes.txt"_s << none << none
        << u"The scripts directory {tmp}/notes.txt is not a directory."_s << none << none
        << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("--scripts: neither kind of folder")
        << QStringList{u"docs/readme.txt=hello\n"_s} << none << none << u"docs"_s << none << none
        << u"{tmp}/docs is neither an Alembic script directory"_s << none << none << QStringList{}
        << false << none << none << defaultTable;
    QTest::newRow("--scripts with -c: the ini gives the url and recursion")
        << QStringList{u"mig/versions/"_s, alembicIni(u"sqlalchemy.url = sqlite:///app.db\n"
                                                      u"recursive_version_locations = true\n"_s)}
        << none << u"alembic.ini"_s << u"mig"_s << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/mig"_s << QStringList{u"{tmp}/mig/versions"_s} << true << u"sqlite:///app.db"_s
        << u"{tmp}/app.db"_s << defaultTable;
    QTest::newRow("--scripts skips discovering alembic.ini")
        << iniProject(basicBody, {u"mig/versions/"_s}) << none << none << u"mig"_s << none << none
        << none << none << u"{tmp}/mig"_s << QStringList{u"{tmp}/mig/versions"_s} << false << none
        << none << defaultTable;

    // --- --db and --version-table
    QTest::newRow("--db overrides the url's database")
        << iniProject(u"script_location = %(here)s/migrations\n"
                      u"sqlalchemy.url = sqlite:///app.db\n"_s,
                      {u"work/"_s})
        << u"work"_s << u"../alembic.ini"_s << none << u"other.db"_s << none << none
        << u"{tmp}/alembic.ini"_s << u"{tmp}/migrations"_s << defaultVersions << false
        << u"sqlite:///app.db"_s << u"{tmp}/work/other.db"_s << defaultTable;
    QTest::newRow("--db with --scripts")
        << QStringList{u"mig/versions/"_s} << none << none << u"mig"_s << u"data/app.db"_s << none
        << none << none << u"{tmp}/mig"_s << QStringList{u"{tmp}/mig/versions"_s} << false << none
        << u"{tmp}/data/app.db"_s << defaultTable;
    QTest::newRow("--db with a non-SQLite url")
        << iniProject(u"script_location = migrations\nsqlalchemy.url = postgresql://h/db\n"_s)
        << none << none << none << u"local.db"_s << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/migrations"_s << defaultVersions << false << u"postgresql://h/db"_s
        << u"{tmp}/local.db"_s << defaultTable;
    QTest::newRow("--version-table")
        << iniProject(basicBody) << none << none << none << none << u"my_versions"_s << none
        << u"{tmp}/alembic.ini"_s << u"{tmp}/migrations"_s << defaultVersions << false
        << u"sqlite:///app.db"_s << u"{tmp}/app.db"_s << u"my_versions"_s;
    QTest::newRow("version_table in the ini is not read (env.py sets it)")
        << iniProject(basicBody + u"version_table = ignored\n"_s) << none << none << none << none
        << none << none << u"{tmp}/alembic.ini"_s << u"{tmp}/migrations"_s << defaultVersions
        << false << u"sqlite:///app.db"_s << u"{tmp}/app.db"_s << defaultTable;

    // --- Flask-Migrate
    const QStringList flask{u"migrations/versions/"_s, u"migrations/env.py=# env\n"_s,
                            u"migrations/script.py.mako=\n"_s,
                            u"migrations/alembic.ini="_s + flaskMigrateIni};
    QTest::newRow("Flask-Migrate layout discovered")
        << flask << none << none << none << none << none << none
        << u"{tmp}/migrations/alembic.ini"_s << u"{tmp}/migrations"_s << defaultVersions << false
        << none << none << defaultTable;
    QTest::newRow("Flask-Migrate layout with --db")
        << flask << none << none << none << u"instance/app.db"_s << none << none
        << u"{tmp}/migrations/alembic.ini"_s << u"{tmp}/migrations"_s << defaultVersions << false
        << none << u"{tmp}/instance/app.db"_s << defaultTable;
    QTest::newRow("Flask-Migrate ini named with -c")
        << (flask + QStringList{u"work/"_s}) << u"work"_s << u"../migrations/alembic.ini"_s << none
        << none << none << none << u"{tmp}/migrations/alembic.ini"_s << u"{tmp}/migrations"_s
        << defaultVersions << false << none << none << defaultTable;
    QTest::newRow("Flask-Migrate ini with a url")
        << QStringList{u"migrations/versions/"_s, u"migrations/env.py=# env\n"_s,
                       u"migrations/alembic.ini="_s +
                           flaskMigrateIni.section(u"[loggers]"_s, 0, 0) +
                           u"sqlalchemy.url = sqlite:///%(here)s/../app.db\n"_s}
        << none << none << none << none << none << none << u"{tmp}/migrations/alembic.ini"_s
        << u"{tmp}/migrations"_s << defaultVersions << false
        << u"sqlite:///{tmp}/migrations/../app.db"_s << u"{tmp}/app.db"_s << defaultTable;
    QTest::newRow("top-level alembic.ini preferred over migrations/alembic.ini")
        << (flask + QStringList{u"other/versions/"_s, alembicIni(u"script_location = other\n"_s)})
        << none << none << none << none << none << none << u"{tmp}/alembic.ini"_s
        << u"{tmp}/other"_s << QStringList{u"{tmp}/other/versions"_s} << false << none << none
        << defaultTable;

    // --- nothing to go on
    QTest::newRow("nothing found")
        << QStringList{u"src/app.py=print()\n"_s} << none << none << none << none << none
        << u"No alembic.ini in {tmp}; use -c FILE or --scripts DIR"_s << none << none
        << QStringList{} << false << none << none << defaultTable;
    QTest::newRow("a migrations folder without alembic.ini is not enough")
        << migrations << none << none << none << none << none
        << u"No alembic.ini in {tmp}; use -c FILE or --scripts DIR"_s << none << none
        << QStringList{} << false << none << none << defaultTable;
}

void TestProjectConfig::discover()
{
    QFETCH(QStringList, tree);
    QFETCH(QString, workingDirectory);
    QFETCH(QString, configFile);
    QFETCH(QString, scriptsDir);
    QFETCH(QString, databaseFile);
    QFETCH(QString, versionTable);
    QFETCH(QString, error);
    QFETCH(QString, iniPath);
    QFETCH(QString, scriptLocation);
    QFETCH(QStringList, versionLocations);
    QFETCH(bool, recursive);
    QFETCH(QString, sqlalchemyUrl);
    QFETCH(QString, databasePath);
    QFETCH(QString, expectedVersionTable);

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString tmp = QDir::cleanPath(directory.path());
    QVERIFY(writeTree(tmp, tree));

    ProjectConfig::Options options;
    options.workingDirectory = workingDirectory.isEmpty() ? tmp : tmp + u'/' + workingDirectory;
    options.configFile = expandTmp(configFile, tmp);
    options.scriptsDir = expandTmp(scriptsDir, tmp);
    options.databaseFile = databaseFile;
    options.versionTable = versionTable;

    const ProjectConfig::Result result = ProjectConfig::discover(options);
    const QString expectedError = expandTmp(error, tmp);
    if (expectedError.isEmpty()) {
        QVERIFY2(result, qPrintable(result.error));
    } else {
        QVERIFY(!result);
        // Alembic's own texts are compared whole; Retort's by their telling part.
        QVERIFY2(result.error == expectedError || result.error.contains(expectedError),
                 qPrintable(result.error));
        return;
    }
    const ProjectConfig &config = result.config;
    QCOMPARE(config.iniPath, expandTmp(iniPath, tmp));
    QCOMPARE(config.scriptLocation, expandTmp(scriptLocation, tmp));
    QCOMPARE(config.versionLocations, expandTmp(versionLocations, tmp));
    QCOMPARE(config.recursiveVersionLocations, recursive);
    QCOMPARE(config.sqlalchemyUrl, expandTmp(sqlalchemyUrl, tmp));
    QCOMPARE(config.databasePath, expandTmp(databasePath, tmp));
    QCOMPARE(config.versionTable, expectedVersionTable);
}

void TestProjectConfig::discoverUsesCurrentDirectoryByDefault()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString tmp = QDir::cleanPath(directory.path());
    QVERIFY(writeTree(tmp, {u"migrations/versions/"_s,
                            u"alembic.ini=[alembic]\nscript_location = migrations\n"
                            u"sqlalchemy.url = sqlite:///app.db\n"_s}));

    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(tmp));
    const ProjectConfig::Result result = ProjectConfig::discover({});
    // Compare against the current directory as the OS reports it (it may
    // resolve symbolic links in the temporary path).
    const QString current = QDir::currentPath();
    QVERIFY(QDir::setCurrent(previous));

    QVERIFY2(result, qPrintable(result.error));
    QCOMPARE(result.config.iniPath, current + u"/alembic.ini"_s);
    QCOMPARE(result.config.scriptLocation, current + u"/migrations"_s);
    QCOMPARE(result.config.versionLocations, QStringList{current + u"/migrations/versions"_s});
    QCOMPARE(result.config.databasePath, current + u"/app.db"_s);
}

QTEST_GUILESS_MAIN(TestProjectConfig)
#include "tst_projectconfig.moc"
