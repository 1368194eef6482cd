<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CommandLine</name>
    <message>
        <source>usage: retort [-c alembic.ini] [--db FILE] [--scripts DIR] [--version-table NAME]
              [--json] [--lang en|es] COMMAND [options]

Inspect SQLite databases whose schema is managed by Alembic migrations.
Revision files are read, never executed.

Commands (Alembic&apos;s output):
  current [-v]                      the database&apos;s current revision(s)
  heads [-v] [--resolve-dependencies]  the head revisions of the scripts
  branches [-v]                     the branch points
  history [-r RANGE] [-v] [-i]      the revisions, newest first
  show REV                          the details of a revision

Retort&apos;s commands:
  status                            database, current revision, heads, pending
                                    migrations and problems in one screen

Global options:
  -c, --config FILE      alembic.ini to read (default: ./alembic.ini, or
                         ./migrations/alembic.ini for Flask-Migrate)
  --scripts DIR          a script directory (with versions/) or a versions directory
  --db FILE              the SQLite database (default: sqlalchemy.url of the ini)
  --version-table NAME   the version table (default: alembic_version)
  --json                 machine-readable output (see README, &quot;JSON output&quot;)
  --lang en|es           language of Retort&apos;s own messages
  -h, --help             this help, or a command&apos;s help after the command
  --version              Retort&apos;s version

Exit status: 0 ok, 1 operation failed, 2 usage error, 3 pending migrations,
4 version table inconsistent with the scripts, 5 database unreadable or locked,
255 an Alembic-style failure (&quot;FAILED: ...&quot; on standard output).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retort current [-v]

Show the current revision(s) of the database: the heads among the
rows of its version table.

  -v, --verbose   show each revision in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retort heads [-v] [--resolve-dependencies]

Show the head revisions of the scripts.

  -v, --verbose              show each revision in full
  --resolve-dependencies     treat depends_on as a parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retort branches [-v]

Show the branch points and the revisions they branch into.

  -v, --verbose   show each revision in full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retort history [-r RANGE] [-v] [-i]

List the revisions, newest first.

  -r, --rev-range RANGE     [start]:[end], [start]: or :[end]; &apos;current&apos; is allowed
  -v, --verbose             show each revision in full
  -i, --indicate-current    mark the database&apos;s current revision(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retort show REV

Show the revision(s) REV denotes: an id or a prefix of 4+ characters,
head, heads, a branch label, label@head, current, relative -N...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: retort status

Summarise the database against its scripts: current revision(s), heads,
pending migrations and problems found.

Exit status: 0 up to date, 3 migrations pending (or no version table),
4 version table inconsistent with the scripts, 5 database unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort: option %1 needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort: unknown option %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;retort --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort: unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retort: unsupported language &apos;%1&apos; (use en or es)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No database: give --db FILE or set sqlalchemy.url in alembic.ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only SQLite databases are supported; sqlalchemy.url is &apos;%1&apos;. Give --db FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning: the version table holds a value that is not a revision id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:        %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite:          %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scripts:         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisions:       %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current:         no version table &apos;%1&apos; (not under Alembic yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current:         %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty version table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads:           %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:           up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:           pending migrations: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:           version table inconsistent with the scripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:           database unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A history range has exactly one &apos;:&apos; (got &apos;%1&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort</name>
    <message>
        <source>Can&apos;t locate revision identified by &apos;%1&apos;: the file that defines it (%2) could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t locate revision identified by &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can&apos;t locate revision identified by &apos;%1&apos;: no revision file defines it (was the file deleted, or does the database come from another branch of the code?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version table holds a value that is not a revision id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The version table holds both %1 and its ancestor %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::ProjectConfig</name>
    <message>
        <source>%1 = %2 names a Python package resource; Retort reads only directory paths. Write the folder&apos;s path instead (for example with %(here)s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scripts directory %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scripts directory %1 is not a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is neither an Alembic script directory (it has no versions folder) nor a folder of revision files (it has no .py files).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: section [%3] appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: text before the first [section] header: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: expected &apos;key = value&apos; or a [section] header: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: option &apos;%3&apos; in section [%4] is already set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; in section [%3] nests %(...)s references too deeply (is one referring to itself?).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; in section [%3] has a &apos;%&apos; that is not followed by &apos;%&apos; or &apos;(&apos; (write %% for a percent sign): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; in section [%3] has a malformed %(name)s reference: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; in section [%3] uses %(%4)s, which is not defined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alembic.ini in %1; use -c FILE or --scripts DIR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::PythonLiteralParser</name>
    <message>
        <source>syntax error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encoding problem: %1 with BOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown encoding: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-UTF-8 code on line %1, but no encoding declared (see PEP 263)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is not valid %1 (line %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; was never closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected EOF while parsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected character after line continuation character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unmatched &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos; on line %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated triple-quoted string literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unterminated string literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>truncated \%1 escape in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>illegal Unicode character in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bytes literal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tuple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an incomplete expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a dict or set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an expression starting with &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an f-string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot mix bytes and nonbytes literals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the constant &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a call to &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a subscript of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an attribute of &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a subscript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an attribute access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a conditional expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a comprehension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an expression with &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an augmented assignment &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unpacking of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a literal (found %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a string, a tuple or list of strings, or None (found %2 containing %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 contains an empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must be a string, a tuple or list of strings, or None (found %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source code cannot contain null bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision must be a string (found %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision is an empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down_revision is not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RevisionGraph</name>
    <message>
        <source>No revision identifier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::RevisionScanner</name>
    <message>
        <source>Version location %1 does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version location %1 is not a directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>retort::VersionTable</name>
    <message>
        <source>empty string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blob (1 byte)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blob (%1 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>integer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>real %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Another program is writing to it; try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a usable SQLite database: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2. A program writing to it stopped in the middle of a transaction and left %3 behind; opening the database once with write access (for example with sqlite3) rolls that transaction back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table %1 in %2 has no version_num column, so it is not an Alembic version table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a directory; give the path of the SQLite database file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: permission denied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
