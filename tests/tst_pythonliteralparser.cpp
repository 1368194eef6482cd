// PythonLiteralParser: reading an Alembic revision file's header (docstring,
// revision, down_revision, branch_labels, depends_on) without running it.

#include "pythonliteralparser.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using retort::FileProblem;
using retort::PythonLiteralParser;
using retort::RevisionFile;

namespace {

// One expected problem: its line and text fragments its reason must contain.
struct ExpectedProblem
{
    int line = 0;
    QStringList fragments;
};

QString describe(const QList<FileProblem> &problems)
{
    QStringList lines;
    for (const FileProblem &problem : problems)
        lines.append(u"line %1: %2"_s.arg(problem.line).arg(problem.reason));
    return lines.join(u"; "_s);
}

const QString python = u"/usr/bin/python3"_s;

// Imports each revision file with Python itself (that is what Alembic does) and
// prints what Python sees, so the static reading can be compared with it.
const QString importScript = uR"py(
import importlib.util, json, os, sys
sys.dont_write_bytecode = True
result = {}
directory = sys.argv[1]
def doc_as_written(path, module):
    # Python 3.13's compiler cleans docstrings (tabs expanded to spaces, common
    # indentation removed; CPython gh-81283). Retort reads them as the reference,
    # Alembic 1.8.1 on Python 3.11, shows them: as written. So from 3.13 on the
    # docstring is taken from Python's own parser, before the compiler cleans it.
    if sys.version_info >= (3, 13) and module.__doc__ is not None:
        import ast
        with open(path, "rb") as f:
            return ast.get_docstring(ast.parse(f.read()), clean=False) or ""
    return module.__doc__ or ""
for name in sorted(os.listdir(directory)):
    if not name.endswith(".py"):
        continue
    spec = importlib.util.spec_from_file_location("rev_" + str(len(result)), os.path.join(directory, name))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    def as_list(value):
        if value is None:
            return []
        if isinstance(value, str):
            return [value] if value else []
        return list(value)
    result[name] = {
        "revision": module.revision,
        "down_revision": as_list(module.down_revision),
        "branch_labels": as_list(getattr(module, "branch_labels", None)),
        "depends_on": as_list(getattr(module, "depends_on", None)),
        "doc": doc_as_written(os.path.join(directory, name), module),
    }
print(json.dumps(result))
)py"_s;

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

// Runs importScript on `directory` and checks every .py file in it against the parser.
void compareWithPython(const QString &directory, int expectedFileCount)
{
    if (!QFileInfo::exists(python))
        QFAIL("/usr/bin/python3 is required by this test");
    QProcess process;
    process.start(python, {u"-c"_s, importScript, directory});
    QVERIFY2(process.waitForFinished(60000), "python did not finish");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    const QJsonObject expected = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    QCOMPARE(expected.size(), expectedFileCount);

    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QString path = directory + u'/' + it.key();
        const QJsonObject fromPython = it.value().toObject();
        const RevisionFile file = PythonLiteralParser::parseFile(path);
        QVERIFY2(file.problems.isEmpty(), qPrintable(it.key() + u": "_s + describe(file.problems)));
        QCOMPARE(file.revision, fromPython[u"revision"].toString());
        QCOMPARE(file.downRevisions, toStringList(fromPython[u"down_revision"]));
        QCOMPARE(file.branchLabels, toStringList(fromPython[u"branch_labels"]));
        QCOMPARE(file.dependsOn, toStringList(fromPython[u"depends_on"]));
        QCOMPARE(file.docstring, fromPython[u"doc"].toString());
    }
}

} // namespace

Q_DECLARE_METATYPE(ExpectedProblem)

class TestPythonLiteralParser : public QObject
{
    Q_OBJECT

private slots:
    void fields_data();
    void fields();
    void docstring_data();
    void docstring();
    void problems_data();
    void problems();
    void alembicMessages_data();
    void alembicMessages();
    void parseFileReadsTheFile();
    void parseFileReportsIoErrors();
    void agreesWithPythonOnFixtures();
    void agreesWithPythonOnGeneratedHistory();
};

// Files whose header is valid: the fields read, and no problem.
void TestPythonLiteralParser::fields_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<int>("revisionLine");
    QTest::addColumn<QStringList>("downRevisions");
    QTest::addColumn<QStringList>("branchLabels");
    QTest::addColumn<QStringList>("dependsOn");

    const QString name = u"x_rev.py"_s;
    const QStringList none;

    // String forms.
    QTest::newRow("double quoted") << name << R"(revision = "ab12"
down_revision = "cd34"
)"_ba << u"ab12"_s << 1 << QStringList{u"cd34"_s}
                                   << none << none;
    QTest::newRow("single quoted") << name << "revision = 'ab12'\ndown_revision = 'cd34'\n"_ba
                                   << u"ab12"_s << 1 << QStringList{u"cd34"_s} << none << none;
    QTest::newRow("triple double quoted")
        << name << "revision = \"\"\"ab12\"\"\"\ndown_revision = None\n"_ba << u"ab12"_s << 1
        << none << none << none;
    QTest::newRow("triple single quoted")
        << name << "revision = '''ab12'''\ndown_revision = None\n"_ba << u"ab12"_s << 1 << none
        << none << none;
    QTest::newRow("raw string keeps backslashes") << name << R"(revision = r"ab\x41\n"
down_revision = None
)"_ba << uR"(ab\x41\n)"_s << 1 << none << none << none;
    QTest::newRow("escapes are decoded") << name << R"(revision = "ab\x41\u00e9\101\\"
down_revision = None
)"_ba << u"abAéA\\"_s << 1 << none << none
                                         << none;
    QTest::newRow("u and R prefixes") << name << R"(revision = u"ab12"
down_revision = R"cd\34"
)"_ba << u"ab12"_s << 1 << QStringList{uR"(cd\34)"_s}
                                      << none << none;
    QTest::newRow("implicit concatenation")
        << name << "revision = \"ab\" 'cd' \"\"\"ef\"\"\"\ndown_revision = None\n"_ba << u"abcdef"_s
        << 1 << none << none << none;
    QTest::newRow("concatenation across lines in parentheses")
        << name
        << "revision = (\n    \"ab\"  # first half\n    \"cd\"\n)\ndown_revision = None\n"_ba
        << u"abcd"_s << 1 << none << none << none;
    QTest::newRow("backslash-newline inside a string")
        << name << "revision = 'ab\\\ncd'\ndown_revision = None\n"_ba << u"abcd"_s << 1 << none
        << none << none;
    QTest::newRow("string containing a hash and a quote")
        << name << "revision = \"a#b'c\"  # 'comment \" with quotes\ndown_revision = None\n"_ba
        << u"a#b'c"_s << 1 << none << none << none;

    // Annotated assignments, as newer Alembic templates write them.
    QTest::newRow("annotated str") << name << R"(revision: str = "ab12"
down_revision: Union[str, None] = None
)"_ba << u"ab12"_s << 1 << none << none
                                   << none;
    QTest::newRow("annotated union of sequence with tuple") << name << R"(revision: str = "ab12"
down_revision: Union[str, Sequence[str], None] = ("a1", "b2")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = "c3"
)"_ba << u"ab12"_s << 1 << QStringList{u"a1"_s, u"b2"_s} << none
                                                            << QStringList{u"c3"_s};

    // Tuples, lists and None.
    QTest::newRow("tuple without parentheses")
        << name << "revision = 'ab12'\ndown_revision = 'a1', 'b2'\n"_ba << u"ab12"_s << 1
        << QStringList{u"a1"_s, u"b2"_s} << none << none;
    QTest::newRow("tuple with trailing comma")
        << name << "revision = 'ab12'\ndown_revision = ('a1', 'b2',)\n"_ba << u"ab12"_s << 1
        << QStringList{u"a1"_s, u"b2"_s} << none << none;
    QTest::newRow("one-element tuple without parentheses")
        << name << "revision = 'ab12'\ndown_revision = 'a1',\n"_ba << u"ab12"_s << 1
        << QStringList{u"a1"_s} << none << none;
    QTest::newRow("list") << name << "revision = 'ab12'\ndown_revision = ['a1', 'b2']\n"_ba
                          << u"ab12"_s << 1 << QStringList{u"a1"_s, u"b2"_s} << none << none;
    QTest::newRow("empty tuple is None") << name << "revision = 'ab12'\ndown_revision = ()\n"_ba
                                         << u"ab12"_s << 1 << none << none << none;
    QTest::newRow("empty list is None") << name << "revision = 'ab12'\ndown_revision = []\n"_ba
                                        << u"ab12"_s << 1 << none << none << none;
    QTest::newRow("empty string is None") << name << "revision = 'ab12'\ndown_revision = ''\n"_ba
                                          << u"ab12"_s << 1 << none << none << none;
    QTest::newRow("parenthesised string is a string")
        << name << "revision = ('ab12')\ndown_revision = (('a1'))\n"_ba << u"ab12"_s << 1
        << QStringList{u"a1"_s} << none << none;
    QTest::newRow("comments between values")
        << name
        << "revision = 'ab12'\ndown_revision = (  # parents\n    'a1',  # main line\n"
           "    # the side branch:\n    'b2'\n)  # merge\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s, u"b2"_s} << none << none;
    QTest::newRow("implicit continuation in brackets")
        << name << "revision = 'ab12'\ndown_revision = [\n\n'a1'\n,\n   'b2'\n    ]\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s, u"b2"_s} << none << none;
    QTest::newRow("backslash line continuations")
        << name << "revision \\\n    = \\\n    'ab12'\ndown_revision = 'a1', \\\n 'b2'\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s, u"b2"_s} << none << none;
    QTest::newRow("branch_labels and depends_on")
        << name
        << "revision = 'ab12'\ndown_revision = None\nbranch_labels = ('shop', 'web')\n"
           "depends_on = ['cd34', 'accounts']\n"_ba
        << u"ab12"_s << 1 << none << QStringList{u"shop"_s, u"web"_s}
        << QStringList{u"cd34"_s, u"accounts"_s};
    QTest::newRow("branch_labels as a string")
        << name << "revision = 'ab12'\ndown_revision = None\nbranch_labels = 'shop'\n"_ba
        << u"ab12"_s << 1 << none << QStringList{u"shop"_s} << none;
    QTest::newRow("branch_labels and depends_on None")
        << name
        << "revision = 'ab12'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n"_ba
        << u"ab12"_s << 1 << none << none << none;

    // Statement structure.
    QTest::newRow("semicolon separated statements")
        << name << "import os; revision = 'ab12'; down_revision = 'a1'\n"_ba << u"ab12"_s << 1
        << QStringList{u"a1"_s} << none << none;
    QTest::newRow("chained assignment")
        << name << "revision = 'ab12'\ndown_revision = depends_on = 'a1'\n"_ba << u"ab12"_s << 1
        << QStringList{u"a1"_s} << none << QStringList{u"a1"_s};
    QTest::newRow("tuple unpacking")
        << name << "revision, down_revision = 'ab12', ('a1', 'b2')\n"_ba << u"ab12"_s << 1
        << QStringList{u"a1"_s, u"b2"_s} << none << none;
    QTest::newRow("last assignment wins")
        << name
        << "revision = 'old1'\ndown_revision = 'a1'\n\nrevision = 'ab12'\ndown_revision = None\n"_ba
        << u"ab12"_s << 4 << none << none << none;
    QTest::newRow("last assignment wins over a non-literal")
        << name
        << "revision = make_id()\ndown_revision = parent\nrevision = 'ab12'\ndown_revision = 'a1'\n"_ba
        << u"ab12"_s << 3 << QStringList{u"a1"_s} << none << none;
    QTest::newRow("assignment inside def is ignored")
        << name
        << "revision = 'ab12'\ndown_revision = 'a1'\n\ndef upgrade():\n    revision = 'zzz'\n"
           "    down_revision = compute()\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s} << none << none;
    QTest::newRow("assignment inside class and if is ignored")
        << name
        << "revision = 'ab12'\ndown_revision = 'a1'\nclass Config:\n    revision = 'no'\n"
           "if True:\n    down_revision = 'no'\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s} << none << none;
    QTest::newRow("one-line compound statement is ignored")
        << name
        << "revision = 'ab12'\ndown_revision = 'a1'\nif False: revision = 'no'\n"
           "def f(): down_revision = 'no'\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s} << none << none;
    QTest::newRow("assignment text inside a triple-quoted string is ignored")
        << name
        << "revision = 'ab12'\ndown_revision = 'a1'\n\ndef upgrade():\n    op.execute(\"\"\"\n"
           "revision = 'zzz'\ndown_revision = None\n\"\"\")\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s} << none << none;
    QTest::newRow("keyword arguments are not assignments")
        << name
        << "revision = 'ab12'\ndown_revision = 'a1'\nop.f(revision='zzz',\ndown_revision=None)\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s} << none << none;
    QTest::newRow("CRLF line endings")
        << name << "revision = 'ab12'\r\ndown_revision = (\r\n  'a1',\r\n  'b2')\r\n"_ba
        << u"ab12"_s << 1 << QStringList{u"a1"_s, u"b2"_s} << none << none;
    QTest::newRow("UTF-8 BOM is skipped")
        << name << "\xEF\xBB\xBFrevision = 'ab12'\ndown_revision = None\n"_ba << u"ab12"_s << 1
        << none << none << none;
    QTest::newRow("no newline at end of file")
        << name << "revision = 'ab12'\ndown_revision = 'a1'"_ba << u"ab12"_s << 1
        << QStringList{u"a1"_s} << none << none;

    // Alembic 0.1 files: no `revision`, the id is the file name.
    QTest::newRow("legacy hex file name gives the id")
        << u"abc123.py"_s << "down_revision = None\n"_ba << u"abc123"_s << 0 << none << none
        << none;
    QTest::newRow("revision variable beats the legacy file name")
        << u"abc123.py"_s << "revision = 'ab12'\ndown_revision = None\n"_ba << u"ab12"_s << 1
        << none << none << none;
}

void TestPythonLiteralParser::fields()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, source);
    QFETCH(QString, revision);
    QFETCH(int, revisionLine);
    QFETCH(QStringList, downRevisions);
    QFETCH(QStringList, branchLabels);
    QFETCH(QStringList, dependsOn);

    const QString path = u"/project/versions/"_s + fileName;
    const RevisionFile file = PythonLiteralParser::parse(path, source);
    QVERIFY2(file.problems.isEmpty(), qPrintable(describe(file.problems)));
    QVERIFY(file.usable());
    QCOMPARE(file.path, path);
    QCOMPARE(file.revision, revision);
    QCOMPARE(file.revisionLine, revisionLine);
    QCOMPARE(file.downRevisions, downRevisions);
    QCOMPARE(file.branchLabels, branchLabels);
    QCOMPARE(file.dependsOn, dependsOn);
}

void TestPythonLiteralParser::docstring_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QString>("docstring");

    const QByteArray header = "revision = 'ab12'\ndown_revision = None\n"_ba;

    QTest::newRow("triple-quoted module docstring")
        << "\"\"\"Add a column\n\nRevision ID: ab12\nRevises:\n\"\"\"\n"_ba + header
        << u"Add a column\n\nRevision ID: ab12\nRevises:\n"_s;
    QTest::newRow("single-quoted docstring") << "'short'\n"_ba + header << u"short"_s;
    QTest::newRow("after comments, blank lines and a shebang")
        << "#!/usr/bin/env python\n\n# a comment\n\n\"\"\"The doc\"\"\"\n"_ba + header
        << u"The doc"_s;
    QTest::newRow("latin-1 encoding cookie")
        << "# -*- coding: latin-1 -*-\n\"\"\"Caf\xe9 na\xefve \xf1\"\"\"\n"_ba + header
        << u"Café naïve ñ"_s;
    QTest::newRow("cp1252 cookie on the second line")
        << "#!/usr/bin/python\n# vim: set fileencoding=cp1252 :\n\"\"\"Price \x80 5\"\"\"\n"_ba +
               header
        << u"Price € 5"_s;
    QTest::newRow("cookie on line 2 ignored after code on line 1")
        << "'''Caf\xc3\xa9'''\n# coding: latin-1\n"_ba + header << u"Café"_s;
    QTest::newRow("UTF-8 docstring") << "\"\"\"Añadir columna «email» — ✓\"\"\"\n"_ba + header
                                     << u"Añadir columna «email» — ✓"_s;
    QTest::newRow("UTF-8 BOM before the docstring")
        << "\xEF\xBB\xBF\"\"\"Doc\"\"\"\n"_ba + header << u"Doc"_s;
    QTest::newRow("escape sequences")
        << R"("""Tab\there\nnew \\ \' \" \x41 \u00e9 \101 \q""")"_ba + "\n"_ba + header
        << u"Tab\there\nnew \\ ' \" A é A \\q"_s;
    QTest::newRow("backslash-newline continues the line")
        << "\"\"\"one \\\ntwo\"\"\"\n"_ba + header << u"one two"_s;
    QTest::newRow("raw docstring keeps backslashes")
        << R"(r"""C:\path\new""")"_ba + "\n"_ba + header << uR"(C:\path\new)"_s;
    QTest::newRow("named escapes are kept as written")
        << R"("""a \N{EM DASH} b""")"_ba + "\n"_ba + header << uR"(a \N{EM DASH} b)"_s;
    QTest::newRow("implicitly concatenated docstring")
        << "(\"\"\"First\"\"\"\n \" second\")\n"_ba + header << u"First second"_s;
    QTest::newRow("docstring followed by a semicolon")
        << "'''Doc'''; import os\n"_ba + header << u"Doc"_s;
    QTest::newRow("CRLF becomes LF") << "\"\"\"a\r\nb\rc\"\"\"\r\n"_ba + header << u"a\nb\nc"_s;
    QTest::newRow("bytes is not a docstring") << "b'''Doc'''\n"_ba + header << QString();
    QTest::newRow("f-string is not a docstring") << "f'''Doc'''\n"_ba + header << QString();
    QTest::newRow("string after code is not a docstring")
        << "import os\n'''Doc'''\n"_ba + header << QString();
    QTest::newRow("expression is not a docstring")
        << "'''Doc'''.strip()\n"_ba + header << QString();
    QTest::newRow("tuple is not a docstring") << "'Doc', 'more'\n"_ba + header << QString();
    QTest::newRow("no docstring") << header << QString();
}

void TestPythonLiteralParser::docstring()
{
    QFETCH(QByteArray, source);
    QFETCH(QString, docstring);

    const RevisionFile file = PythonLiteralParser::parse(u"/v/ab12_doc.py"_s, source);
    QVERIFY2(file.problems.isEmpty(), qPrintable(describe(file.problems)));
    QCOMPARE(file.revision, u"ab12"_s);
    QCOMPARE(file.docstring, docstring);
}

// Files Alembic could not load (or would load wrongly): each problem with its
// line and what its reason must say.
void TestPythonLiteralParser::problems_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QList<ExpectedProblem>>("expected");

    const QString name = u"x_rev.py"_s;
    const auto one = [](int line, QStringList fragments) {
        return QList<ExpectedProblem>{ExpectedProblem{line, std::move(fragments)}};
    };

    // Values that are not literals, for each field.
    QTest::newRow("revision is a name")
        << name << "revision = rev_id\ndown_revision = None\n"_ba
        << one(1, {u"revision is not a literal"_s, u"a name 'rev_id'"_s});
    QTest::newRow("revision is a call")
        << name << "revision = uuid4().hex\ndown_revision = None\n"_ba
        << one(1, {u"revision is not a literal"_s, u"a call to 'uuid4'"_s});
    QTest::newRow("revision is an f-string")
        << name << "revision = f'{base}1'\ndown_revision = None\n"_ba
        << one(1, {u"revision is not a literal"_s, u"f-string"_s});
    QTest::newRow("revision is imported")
        << name << "from .ids import revision\ndown_revision = None\n"_ba
        << one(1, {u"revision is not a literal"_s, u"import"_s});
    QTest::newRow("revision is changed by augmented assignment")
        << name << "revision = 'ab'\nrevision += 'cd'\ndown_revision = None\n"_ba
        << one(2, {u"revision is not a literal"_s, u"+="_s});
    QTest::newRow("down_revision is a name")
        << name << "revision = 'ab12'\ndown_revision = foo\n"_ba
        << one(2, {u"down_revision is not a literal"_s, u"a name 'foo'"_s});
    QTest::newRow("down_revision is arithmetic")
        << name << "revision = 'ab12'\ndown_revision = 'a' + 'b'\n"_ba
        << one(2, {u"down_revision is not a literal"_s, u"'+'"_s});
    QTest::newRow("down_revision is a subscript")
        << name << "revision = 'ab12'\ndown_revision = PARENTS[0]\n"_ba
        << one(2, {u"down_revision is not a literal"_s, u"subscript"_s});
    QTest::newRow("down_revision is a conditional expression")
        << name << "revision = 'ab12'\ndown_revision = 'a' if X else None\n"_ba
        << one(2, {u"down_revision is not a literal"_s, u"conditional"_s});
    QTest::newRow("down_revision value on a continuation line")
        << name << "revision = 'ab12'\ndown_revision = \\\n    parent_of('ab12')\n"_ba
        << one(3, {u"down_revision is not a literal"_s, u"parent_of"_s});
    QTest::newRow("down_revision tuple containing a name")
        << name << "revision = 'ab12'\ndown_revision = ('a1', other)\n"_ba
        << one(2, {u"down_revision is not a literal"_s, u"'other'"_s});
    QTest::newRow("branch_labels is a number")
        << name << "revision = 'ab12'\ndown_revision = None\nbranch_labels = 42\n"_ba
        << one(3, {u"branch_labels is not a literal"_s, u"'42'"_s});
    QTest::newRow("branch_labels is a set")
        << name << "revision = 'ab12'\ndown_revision = None\nbranch_labels = {'shop'}\n"_ba
        << one(3, {u"branch_labels is not a literal"_s, u"set"_s});
    QTest::newRow("depends_on is True")
        << name << "revision = 'ab12'\ndown_revision = None\ndepends_on = True\n"_ba
        << one(3, {u"depends_on is not a literal"_s, u"'True'"_s});
    QTest::newRow("depends_on is a call inside a list")
        << name
        << "revision = 'ab12'\ndown_revision = None\ndepends_on = [\n    'a1',\n    dep()]\n"_ba
        << one(3, {u"depends_on is not a literal"_s, u"'dep'"_s});
    QTest::newRow("last assignment wins even when it is not a literal")
        << name << "revision = 'ab12'\ndown_revision = 'a1'\ndown_revision = choose()\n"_ba
        << one(3, {u"down_revision is not a literal"_s, u"'choose'"_s});

    // Literals of the wrong type.
    QTest::newRow("revision is None") << name << "revision = None\ndown_revision = None\n"_ba
                                      << one(1, {u"revision must be a string"_s, u"None"_s});
    QTest::newRow("revision is a tuple")
        << name << "revision = ('ab', 'cd')\ndown_revision = None\n"_ba
        << one(1, {u"revision must be a string"_s, u"tuple"_s});
    QTest::newRow("revision is a list") << name << "revision = ['ab12']\ndown_revision = None\n"_ba
                                        << one(1, {u"revision must be a string"_s, u"list"_s});
    QTest::newRow("revision is bytes") << name << "revision = b'ab12'\ndown_revision = None\n"_ba
                                       << one(1, {u"revision must be a string"_s, u"bytes"_s});
    QTest::newRow("revision is an empty string")
        << name << "revision = ''\ndown_revision = None\n"_ba
        << one(1, {u"revision"_s, u"empty string"_s});
    QTest::newRow("down_revision is bytes")
        << name << "revision = 'ab12'\ndown_revision = b'a1'\n"_ba
        << one(2, {u"down_revision must be"_s, u"bytes"_s});
    QTest::newRow("down_revision tuple containing None")
        << name << "revision = 'ab12'\ndown_revision = ('a1', None)\n"_ba
        << one(2, {u"down_revision must be"_s, u"containing None"_s});
    QTest::newRow("down_revision nested tuple")
        << name << "revision = 'ab12'\ndown_revision = ('a1', ('b2', 'c3'))\n"_ba
        << one(2, {u"down_revision must be"_s, u"containing a tuple"_s});
    QTest::newRow("down_revision tuple containing an empty string")
        << name << "revision = 'ab12'\ndown_revision = ('a1', '')\n"_ba
        << one(2, {u"down_revision"_s, u"empty string"_s});
    QTest::newRow("depends_on is bytes in a tuple")
        << name << "revision = 'ab12'\ndown_revision = None\ndepends_on = (b'a1',)\n"_ba
        << one(3, {u"depends_on must be"_s, u"bytes"_s});

    // Missing fields.
    QTest::newRow("missing down_revision")
        << name << "revision = 'ab12'\n"_ba << one(0, {u"down_revision is not set"_s});
    QTest::newRow("annotation without a value binds nothing")
        << name << "revision = 'ab12'\ndown_revision: Optional[str]\n"_ba
        << one(0, {u"down_revision is not set"_s});
    QTest::newRow("del unbinds")
        << name << "revision = 'ab12'\ndown_revision = None\ndel down_revision\n"_ba
        << one(0, {u"down_revision is not set"_s});
    QTest::newRow("assignment only inside a function")
        << name << "revision = 'ab12'\ndef f():\n    down_revision = None\n"_ba
        << one(0, {u"down_revision is not set"_s});
    QTest::newRow("missing revision and down_revision, legacy name")
        << u"abc123.py"_s << "import os\n"_ba << one(0, {u"down_revision is not set"_s});

    // Tokenizer-level syntax errors, anywhere in the file.
    QTest::newRow("unterminated string")
        << name << "revision = 'ab12'\ndown_revision = None\nx = 'oops\ny = 1\n"_ba
        << one(3, {u"syntax error"_s, u"unterminated string"_s});
    QTest::newRow("unterminated string in a function body")
        << name
        << "revision = 'ab12'\ndown_revision = None\ndef upgrade():\n    op.execute(\"DROP)\n"_ba
        << one(4, {u"syntax error"_s, u"unterminated string"_s});
    QTest::newRow("unterminated triple-quoted string")
        << name << "revision = 'ab12'\ndown_revision = None\ns = '''start\n\nmore\n"_ba
        << one(3, {u"syntax error"_s, u"unterminated triple-quoted string"_s});
    QTest::newRow("unterminated docstring")
        << name << "\"\"\"Doc\nrevision = 'ab12'\ndown_revision = None\n"_ba
        << one(1, {u"syntax error"_s, u"unterminated triple-quoted string"_s});
    QTest::newRow("unmatched closing bracket")
        << name << "revision = 'ab12'\ndown_revision = None\nx = 1)\n"_ba
        << one(3, {u"syntax error"_s, u"unmatched ')'"_s});
    QTest::newRow("mismatched brackets")
        << name << "revision = 'ab12'\ndown_revision = ('a1',\n  'b2']\n"_ba
        << one(3, {u"syntax error"_s, u"']' does not match"_s, u"'('"_s});
    QTest::newRow("bracket never closed")
        << name << "revision = 'ab12'\ndown_revision = None\ndef upgrade():\n    op.f(\n\n"_ba
        << one(4, {u"syntax error"_s, u"'(' was never closed"_s});
    QTest::newRow("innermost unclosed bracket is reported")
        << name << "revision = 'ab12'\ndown_revision = None\nx = (1,\n  [2,\n"_ba
        << one(4, {u"syntax error"_s, u"'[' was never closed"_s});
    QTest::newRow("unclosed bracket in a function body")
        << name << "revision = 'ab12'\ndown_revision = None\ndef f():\n    x = {1: [2,\n    3}\n"_ba
        << one(5, {u"syntax error"_s, u"'}' does not match"_s, u"'[' on line 4"_s});
    QTest::newRow("unterminated string after an identifier in a function body")
        << name << "revision = 'ab12'\ndown_revision = None\ndef f():\n    x = rb'abc\n"_ba
        << one(4, {u"syntax error"_s, u"unterminated string"_s});
    QTest::newRow("character after line continuation")
        << name << "revision = 'ab12' \\ # no\ndown_revision = None\n"_ba
        << one(1, {u"syntax error"_s, u"continuation"_s});
    QTest::newRow("truncated hex escape in a value")
        << name << "revision = 'ab\\x4'\ndown_revision = None\n"_ba
        << one(1, {u"syntax error"_s, u"\\x"_s});
    QTest::newRow("bytes and str mixed")
        << name << "revision = 'ab' b'12'\ndown_revision = None\n"_ba
        << one(1, {u"syntax error"_s, u"bytes"_s});
    QTest::newRow("invalid UTF-8 without a cookie")
        << name << "revision = 'ab12'\ndown_revision = None\n# caf\xe9\n"_ba
        << one(3, {u"syntax error"_s, u"UTF-8"_s});
    QTest::newRow("unknown encoding")
        << name << "# coding: klingon\nrevision = 'ab12'\ndown_revision = None\n"_ba
        << one(1, {u"syntax error"_s, u"klingon"_s});
    QTest::newRow("BOM with a latin-1 cookie")
        << name << "\xEF\xBB\xBF# coding: latin-1\nrevision = 'ab12'\ndown_revision = None\n"_ba
        << one(1, {u"syntax error"_s, u"BOM"_s});
    QTest::newRow("null byte") << name << "revision = 'ab12'\ndown_revision = None\nx = 1\0\n"_ba
                               << one(3, {u"syntax error"_s, u"null"_s});
}

void TestPythonLiteralParser::problems()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, source);
    QFETCH(QList<ExpectedProblem>, expected);

    const QString path = u"/project/versions/"_s + fileName;
    const RevisionFile file = PythonLiteralParser::parse(path, source);
    QVERIFY(!file.usable());
    QCOMPARE(file.problems.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const FileProblem &problem = file.problems.at(i);
        QCOMPARE(problem.path, path);
        QCOMPARE(problem.line, expected.at(i).line);
        for (const QString &fragment : expected.at(i).fragments)
            QVERIFY2(problem.reason.contains(fragment),
                     qPrintable(u"'%1' does not contain '%2'"_s.arg(problem.reason, fragment)));
    }
}

// Messages Alembic itself prints, kept verbatim.
void TestPythonLiteralParser::alembicMessages_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("reason");

    const QString missing =
        u"Could not determine revision id from filename %1. Be sure the 'revision' variable is "
        u"declared inside the script (please see 'Upgrading from Alembic 0.1 to 0.2' in the "
        u"documentation)."_s;
    QTest::newRow("missing revision, slug in the file name")
        << u"abc_x.py"_s << "down_revision = None\n"_ba << 0 << missing.arg(u"abc_x.py"_s);
    QTest::newRow("missing revision, upper-case hex file name")
        << u"ABC123.py"_s << "down_revision = None\n"_ba << 0 << missing.arg(u"ABC123.py"_s);
    QTest::newRow("missing revision, only assigned in a function")
        << u"1234_add.py"_s << "down_revision = None\ndef f():\n    revision = 'ab'\n"_ba << 0
        << missing.arg(u"1234_add.py"_s);
    QTest::newRow("illegal dash")
        << u"x_rev.py"_s << "revision = 'ab-12'\ndown_revision = None\n"_ba << 1
        << u"Character(s) '-' not allowed in revision identifier 'ab-12'"_s;
    QTest::newRow("illegal at sign")
        << u"x_rev.py"_s << "down_revision = None\nrevision = 'head@ab'\n"_ba << 2
        << u"Character(s) '@' not allowed in revision identifier 'head@ab'"_s;
    QTest::newRow("all illegal characters, sorted")
        << u"x_rev.py"_s << "revision = 'a@b+c-d@'\ndown_revision = None\n"_ba << 1
        << u"Character(s) '+, -, @' not allowed in revision identifier 'a@b+c-d@'"_s;
}

void TestPythonLiteralParser::alembicMessages()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, source);
    QFETCH(int, line);
    QFETCH(QString, reason);

    const RevisionFile file =
        PythonLiteralParser::parse(u"/project/versions/"_s + fileName, source);
    QCOMPARE(file.problems.size(), 1);
    QCOMPARE(file.problems.first().line, line);
    QCOMPARE(file.problems.first().reason, reason);
    QVERIFY(!file.usable());
}

void TestPythonLiteralParser::parseFileReadsTheFile()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"ab12_add.py"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# -*- coding: latin-1 -*-\n\"\"\"Caf\xe9\"\"\"\nrevision = 'ab12'\ndown_revision = "
               "'a1'\n");
    file.close();

    const RevisionFile revision = PythonLiteralParser::parseFile(path);
    QVERIFY2(revision.problems.isEmpty(), qPrintable(describe(revision.problems)));
    QCOMPARE(revision.path, path);
    QCOMPARE(revision.revision, u"ab12"_s);
    QCOMPARE(revision.revisionLine, 3);
    QCOMPARE(revision.downRevisions, QStringList{u"a1"_s});
    QCOMPARE(revision.docstring, u"Café"_s);
    QCOMPARE(revision.doc(), u"Café"_s);
}

void TestPythonLiteralParser::parseFileReportsIoErrors()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString path = directory.filePath(u"ab12_missing.py"_s);
    const RevisionFile revision = PythonLiteralParser::parseFile(path);
    QCOMPARE(revision.path, path);
    QCOMPARE(revision.problems.size(), 1);
    QVERIFY(!revision.usable());
    const QString reason = revision.problems.first().reason;
    QVERIFY2(reason.contains(path), qPrintable(reason));
    QVERIFY2(reason.contains(u"No such file"_s, Qt::CaseInsensitive), qPrintable(reason));
}

// Hand-written files with the awkward forms, checked against what Python reads.
void TestPythonLiteralParser::agreesWithPythonOnFixtures()
{
    const QString fixtures = QStringLiteral(RETORT_TEST_DATA) + u"/parser/python_agreement"_s;
    const int count = QDir(fixtures).entryList({u"*.py"_s}, QDir::Files).size();
    QVERIFY(count >= 10);
    compareWithPython(fixtures, count);
}

// The synthetic history the benchmarks use, every file checked against Python.
void TestPythonLiteralParser::agreesWithPythonOnGeneratedHistory()
{
    if (!QFileInfo::exists(python))
        QFAIL("/usr/bin/python3 is required by this test");
    QString generator =
        QStringLiteral(RETORT_SOURCE_DIR) + u"/tests/conformance/gen_alembic_history.py"_s;
    if (!QFileInfo::exists(generator))
        generator = u"/work/shared/tools/gen_alembic_history.py"_s;
    if (!QFileInfo::exists(generator))
        QSKIP("gen_alembic_history.py is not available");

    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QProcess process;
    process.start(python, {generator, directory.path(), u"--revisions"_s, u"60"_s});
    QVERIFY2(process.waitForFinished(60000), "generator did not finish");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAllStandardError().constData());
    compareWithPython(directory.filePath(u"alembic/versions"_s), 60);
}

QTEST_GUILESS_MAIN(TestPythonLiteralParser)
#include "tst_pythonliteralparser.moc"
