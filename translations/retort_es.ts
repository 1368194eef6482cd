<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>CommandLine</name>
    <message>
        <source>usage: retort current [-v]

Show the current revision(s) of the database: the heads among the
rows of its version table.

  -v, --verbose   show each revision in full</source>
        <translation>uso: retort current [-v]

Muestra la revisión o revisiones actuales de la base de datos: las cabezas
de entre las filas de su tabla de versiones.

  -v, --verbose   muestra cada revisión completa</translation>
    </message>
    <message>
        <source>usage: retort heads [-v] [--resolve-dependencies]

Show the head revisions of the scripts.

  -v, --verbose              show each revision in full
  --resolve-dependencies     treat depends_on as a parent</source>
        <translation>uso: retort heads [-v] [--resolve-dependencies]

Muestra las revisiones cabeza de los scripts.

  -v, --verbose              muestra cada revisión completa
  --resolve-dependencies     trata depends_on como un padre</translation>
    </message>
    <message>
        <source>usage: retort branches [-v]

Show the branch points and the revisions they branch into.

  -v, --verbose   show each revision in full</source>
        <translation>uso: retort branches [-v]

Muestra los puntos de ramificación y las revisiones en las que se ramifican.

  -v, --verbose   muestra cada revisión completa</translation>
    </message>
    <message>
        <source>usage: retort history [-r RANGE] [-v] [-i]

List the revisions, newest first.

  -r, --rev-range RANGE     [start]:[end], [start]: or :[end]; &apos;current&apos; is allowed
  -v, --verbose             show each revision in full
  -i, --indicate-current    mark the database&apos;s current revision(s)</source>
        <translation>uso: retort history [-r RANGE] [-v] [-i]

Lista las revisiones, de la más reciente a la más antigua.

  -r, --rev-range RANGE     [start]:[end], [start]: o :[end]; se admite &apos;current&apos;
  -v, --verbose             muestra cada revisión completa
  -i, --indicate-current    marca las revisiones actuales de la base de datos</translation>
    </message>
    <message>
        <source>usage: retort show REV

Show the revision(s) REV denotes: an id or a prefix of 4+ characters,
head, heads, a branch label, label@head, current, relative -N...</source>
        <translation>uso: retort show REV

Muestra la revisión o revisiones que indica REV: un id o un prefijo de 4 o más
caracteres, head, heads, una etiqueta de rama, label@head, current, relativa -N...</translation>
    </message>
    <message>
        <source>usage: retort status

Summarise the database against its scripts: current revision(s), heads,
pending migrations and problems found.

Exit status: 0 up to date, 3 migrations pending (or no version table),
4 version table inconsistent with the scripts, 5 database unreadable.</source>
        <translation>uso: retort status

Resume el estado de la base de datos frente a sus scripts: revisiones actuales,
cabezas, migraciones pendientes y problemas encontrados.

Código de salida: 0 al día, 3 migraciones pendientes (o sin tabla de versiones),
4 tabla de versiones inconsistente con los scripts, 5 base de datos ilegible.</translation>
    </message>
    <message>
        <source>Try &apos;retort --help&apos;.</source>
        <translation>Prueba &apos;retort --help&apos;.</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>aviso: %1</translation>
    </message>
    <message>
        <source>No database: give --db FILE or set sqlalchemy.url in alembic.ini.</source>
        <translation>No hay base de datos: indica --db FILE o define sqlalchemy.url en alembic.ini.</translation>
    </message>
    <message>
        <source>Only SQLite databases are supported; sqlalchemy.url is &apos;%1&apos;. Give --db FILE.</source>
        <translation>Solo se admiten bases de datos SQLite; sqlalchemy.url es &apos;%1&apos;. Indica --db FILE.</translation>
    </message>
    <message>
        <source>warning: the version table holds a value that is not a revision id: %1</source>
        <translation>aviso: la tabla de versiones contiene un valor que no es un id de revisión: %1</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <source>Database:        %1</source>
        <translation>Base de datos:   %1</translation>
    </message>
    <message>
        <source>SQLite:          %1</source>
        <translation>SQLite:          %1</translation>
    </message>
    <message>
        <source>Scripts:         %1</source>
        <translation>Scripts:         %1</translation>
    </message>
    <message>
        <source>Revisions:       %1</source>
        <translation>Revisiones:      %1</translation>
    </message>
    <message>
        <source>Current:         no version table &apos;%1&apos; (not under Alembic yet)</source>
        <translation>Actual:          sin tabla de versiones &apos;%1&apos; (aún no gestionada con Alembic)</translation>
    </message>
    <message>
        <source>Current:         %1</source>
        <translation>Actual:          %1</translation>
    </message>
    <message>
        <source>(empty version table)</source>
        <translation>(tabla de versiones vacía)</translation>
    </message>
    <message>
        <source>Heads:           %1</source>
        <translation>Cabezas:         %1</translation>
    </message>
    <message>
        <source>State:           up to date</source>
        <translation>Estado:          al día</translation>
    </message>
    <message>
        <source>State:           pending migrations: %1</source>
        <translation>Estado:          migraciones pendientes: %1</translation>
    </message>
    <message>
        <source>State:           version table inconsistent with the scripts</source>
        <translation>Estado:          tabla de versiones inconsistente con los scripts</translation>
    </message>
    <message>
        <source>State:           database unreadable</source>
        <translation>Estado:          base de datos ilegible</translation>
    </message>
    <message>
        <source>Pending:</source>
        <translation>Pendientes:</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Problemas:</translation>
    </message>
    <message>
        <source>reason: %1</source>
        <translation>motivo: %1</translation>
    </message>
    <message>
        <source>A history range has exactly one &apos;:&apos; (got &apos;%1&apos;).</source>
        <translation>Un rango de historial lleva exactamente un &apos;:&apos; (se recibió &apos;%1&apos;).</translation>
    </message>
    <message>
        <source>option %1 needs a value</source>
        <translation>la opción %1 necesita un valor</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>opción desconocida %1</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>comando desconocido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unrecognized arguments: %1</source>
        <translation>argumentos no reconocidos: %1</translation>
    </message>
    <message>
        <source>unsupported language &apos;%1&apos; (use en or es)</source>
        <translation>idioma no admitido &apos;%1&apos; (usa en o es)</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>Ejecutando %1</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Copia de seguridad: %1</translation>
    </message>
    <message>
        <source>Integrity check: %1</source>
        <translation>Comprobación de integridad: %1</translation>
    </message>
    <message>
        <source>Foreign key violation: %1</source>
        <translation>Violación de clave foránea: %1</translation>
    </message>
    <message>
        <source>The database is at the last completed step: %1</source>
        <translation>La base de datos está en el último paso completado: %1</translation>
    </message>
    <message>
        <source>(no revision)</source>
        <translation>(sin revisión)</translation>
    </message>
    <message>
        <source>info</source>
        <translation>información</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se han encontrado problemas.</translation>
    </message>
    <message>
        <source>    Evidence:</source>
        <translation>    Evidencia:</translation>
    </message>
    <message>
        <source>    Repair (retort doctor --fix %1): %2</source>
        <translation>    Reparación (retort doctor --fix %1): %2</translation>
    </message>
    <message>
        <source>    Or (retort doctor --fix %1): %2</source>
        <translation>    O bien (retort doctor --fix %1): %2</translation>
    </message>
    <message>
        <source>      -- DESTRUCTIVE: drops a table or column that may hold data</source>
        <translation>      -- DESTRUCTIVA: elimina una tabla o columna que puede contener datos</translation>
    </message>
    <message>
        <source>Version table:   %1</source>
        <translation>Tabla de versiones: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacía)</translation>
    </message>
    <message>
        <source>Repair of %1:</source>
        <translation>Reparación de %1:</translation>
    </message>
    <message>
        <source>  -- DESTRUCTIVE: drops a table or column that may hold data</source>
        <translation>  -- DESTRUCTIVA: elimina una tabla o columna que puede contener datos</translation>
    </message>
    <message>
        <source>Nothing was written. Run again with --yes to apply.</source>
        <translation>No se ha escrito nada. Vuelve a ejecutarlo con --yes para aplicarlo.</translation>
    </message>
    <message>
        <source>Apply? A backup is taken first. [y/N] </source>
        <translation>¿Aplicar? Antes se hace una copia de seguridad. [y/N] </translation>
    </message>
    <message>
        <source>Nothing was written.</source>
        <translation>No se ha escrito nada.</translation>
    </message>
    <message>
        <source>Version table:   %1 -&gt; %2</source>
        <translation>Tabla de versiones: %1 -&gt; %2</translation>
    </message>
    <message>
        <source>After the repair:</source>
        <translation>Después de la reparación:</translation>
    </message>
    <message>
        <source>not rendered: an earlier step failed</source>
        <translation>no generado: falló un paso anterior</translation>
    </message>
    <message>
        <source>No pending migrations: the database is at the head.</source>
        <translation>No hay migraciones pendientes: la base de datos está en la cabeza.</translation>
    </message>
    <message>
        <source>Pending migrations: %1</source>
        <translation>Migraciones pendientes: %1</translation>
    </message>
    <message>
        <source>   (SQL not shown: an earlier step could not be rendered)</source>
        <translation>   (SQL no mostrado: no se pudo generar un paso anterior)</translation>
    </message>
    <message>
        <source>-- DESTRUCTIVE: the next statement can lose data</source>
        <translation>-- DESTRUCTIVA: la siguiente sentencia puede perder datos</translation>
    </message>
    <message>
        <source>-- (no SQL)</source>
        <translation>-- (sin SQL)</translation>
    </message>
    <message>
        <source>-- SQL cannot be shown: %1</source>
        <translation>-- No se puede mostrar el SQL: %1</translation>
    </message>
    <message>
        <source>No backups of %1.</source>
        <translation>No hay copias de seguridad de %1.</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Copia de seguridad creada: %1</translation>
    </message>
    <message>
        <source>Restored %1 from %2.</source>
        <translation>Se restauró %1 a partir de %2.</translation>
    </message>
    <message>
        <source>The database as it was before the restore: %1</source>
        <translation>La base de datos tal como estaba antes de restaurar: %1</translation>
    </message>
    <message>
        <source>usage: retort upgrade TARGET [--sql] [--no-backup] [--backup-dir DIR] [RENDERER]
       retort downgrade TARGET [--sql] [--no-backup] [--backup-dir DIR] [RENDERER]
       retort pending [RENDERER]

Apply (or, with --sql, print) the steps to TARGET, one transaction per step
after a backup; pending lists the steps to the heads with their SQL.

A revision the built-in translator cannot read (Python logic: if, loops,
helper functions...) is rendered by Alembic itself, in a separate process:
  --python PATH            the Python interpreter with Alembic to use (default:
                           /usr/bin/python3, or python3 from PATH, if it can
                           import alembic); &apos;none&apos; turns the renderer off
  --python-timeout SECS    stop a rendering after SECS seconds (default: 60)
Without a renderer such revisions can be stamped but not applied.</source>
        <translation>usage: retort upgrade TARGET [--sql] [--no-backup] [--backup-dir DIR] [RENDERER]
       retort downgrade TARGET [--sql] [--no-backup] [--backup-dir DIR] [RENDERER]
       retort pending [RENDERER]

Aplica (o, con --sql, imprime) los pasos hasta TARGET, una transacción por paso
tras una copia de seguridad; pending enumera los pasos hasta las cabezas con su SQL.

Una revisión que el traductor integrado no sabe leer (lógica de Python: if, bucles,
funciones auxiliares...) la genera el propio Alembic, en un proceso aparte:
  --python PATH            el intérprete de Python con Alembic que se usa (por omisión:
                           /usr/bin/python3, o python3 del PATH, si puede
                           importar alembic); &apos;none&apos; desactiva el generador
  --python-timeout SECS    detiene una generación tras SECS segundos (por omisión: 60)
Sin generador, esas revisiones se pueden sellar pero no aplicar.</translation>
    </message>
    <message>
        <source>usage: retort stamp TARGET... [--purge] [--sql] [--no-backup] [--backup-dir DIR]

Set the version table to TARGET (one or more revisions, heads, base) without
running any migration, as alembic stamp does: the rows change in one
transaction after a backup, and the change is written to the audit log.
A stamp that adds a row for a sibling branch is done, with a warning.

  --purge          delete every row first (also rows Retort cannot resolve)
  --sql            print the SQL instead of running it</source>
        <translation>uso: retort stamp TARGET... [--purge] [--sql] [--no-backup] [--backup-dir DIR]

Sella la tabla de versiones en TARGET (una o más revisiones, heads, base) sin
ejecutar ninguna migración, como alembic stamp: las filas cambian en una sola
transacción tras una copia de seguridad, y el cambio queda en el registro de
auditoría. Un sellado que añade una fila para una rama hermana (sibling) se
hace, con un aviso.

  --purge          borra antes todas las filas (también las que Retort no
                   puede resolver)
  --sql            muestra el SQL en lugar de ejecutarlo</translation>
    </message>
    <message>
        <source>usage: retort backup [--backup-dir DIR]
       retort backups [--backup-dir DIR]
       retort restore FILE [--backup-dir DIR]

backup copies the database (SQLite&apos;s online backup) to
&lt;db&gt;.&lt;YYYYmmdd_HHMMSS&gt;.bak beside it, or into DIR; backups lists those
copies, newest first; restore puts FILE back in place of the database after
backing up the current one. Every write goes to the audit log.</source>
        <translation>uso: retort backup [--backup-dir DIR]
     retort backups [--backup-dir DIR]
     retort restore FILE [--backup-dir DIR]

backup copia la base de datos (con la copia en línea de SQLite) a
&lt;db&gt;.&lt;YYYYmmdd_HHMMSS&gt;.bak junto a ella, o en DIR; backups lista esas copias,
de la más reciente a la más antigua; restore pone FILE en lugar de la base de
datos tras hacer una copia de la actual. Cada escritura queda en el registro
de auditoría.</translation>
    </message>
    <message>
        <source>usage: retort gui [DB | -c INI | --scripts DIR [--db FILE]] [--lang en|es]
       retort gui --screenshot FILE.png [--select REV] [DB | -c INI]

Open the desktop application on a database or a project (`retort` alone
or `retort shop.db` do the same); with nothing given, the last project, or
the bundled demo project the first time.
  --screenshot FILE.png   render the main window to FILE.png and exit
  --select REV            select a revision before the screenshot</source>
        <translation>uso: retort gui [DB | -c INI | --scripts DIR [--db FILE]] [--lang en|es]
     retort gui --screenshot FILE.png [--select REV] [DB | -c INI]

Abre la aplicación de escritorio con una base de datos o un proyecto (`retort`
solo o `retort tienda.db` hacen lo mismo); sin nada, el último proyecto, o la
primera vez el proyecto de demostración incluido.
  --screenshot FILE.png   guarda una captura de la ventana principal en
                          FILE.png y termina
  --select REV            selecciona una revisión antes de la captura</translation>
    </message>
    <message>
        <source>--python needs the path of a Python interpreter, or &apos;%1&apos;.</source>
        <translation>--python necesita la ruta de un intérprete de Python, o &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>--python-timeout needs a number of seconds above 0 (got &apos;%1&apos;).</source>
        <translation>--python-timeout necesita un número de segundos mayor que 0 (se recibió &apos;%1&apos;).</translation>
    </message>
    <message>
        <source>note: revision %1 is rendered by Alembic (%2)</source>
        <translation>nota: el SQL de la revisión %1 lo genera Alembic (%2)</translation>
    </message>
    <message>
        <source>Nothing was run: a revision of the plan could not be rendered by Alembic.</source>
        <translation>No se ejecutó nada: Alembic no pudo generar el SQL de una revisión del plan.</translation>
    </message>
    <message>
        <source>-- (SQL rendered by Alembic, %1)</source>
        <translation>-- (SQL generado por Alembic, %1)</translation>
    </message>
    <message>
        <source>usage: retort doctor [--fix CODE|all [--yes] [--backup-dir DIR]] [RENDERER]

Diagnose the database against its scripts: the version table&apos;s rows, the
schema each revision should leave, leftover temporary tables, integrity.
Each finding has a code, the evidence and, where possible, a repair.

  --fix CODE|all   repair one finding (CODE, or CODE:REPAIR to choose one of
                   its repairs, e.g. half-applied:complete) or all of them;
                   prints the SQL and, on a terminal, asks before writing
  --yes            apply without asking: backup, one transaction, check,
                   diagnose again, audit log
  --backup-dir DIR where the backup goes (default: beside the database)

The schema each revision should leave is computed from its SQL; a revision
the built-in translator cannot read is rendered by Alembic (RENDERER:
--python PATH|none, --python-timeout SECS, as for upgrade); without it the
schemas from that revision on are uncertain, and the findings say so.

Exit status: 0 healthy (or repaired), 1 the repair failed or there is none,
4 problems found (or left), 5 database unreadable.</source>
        <translation>uso: retort doctor [--fix CODE|all [--yes] [--backup-dir DIR]] [RENDERER]

Diagnostica la base de datos frente a sus scripts: las filas de la tabla de
versiones, el esquema que debería dejar cada revisión, tablas temporales
sobrantes, integridad. Cada hallazgo tiene un código, la evidencia y, cuando
es posible, una reparación.

  --fix CODE|all   repara un hallazgo (CODE, o CODE:REPAIR para elegir una de
                   sus reparaciones, p. ej. half-applied:complete) o todos;
                   muestra el SQL y, en un terminal, pregunta antes de escribir
  --yes            aplica sin preguntar: copia de seguridad, una transacción,
                   comprobación, nuevo diagnóstico, registro de auditoría
  --backup-dir DIR dónde se guarda la copia (por omisión: junto a la base de datos)

El esquema que debería dejar cada revisión se calcula a partir de su SQL; una
revisión que el traductor integrado no sabe leer la genera Alembic (RENDERER:
--python PATH|none, --python-timeout SECS, como en upgrade); sin generador, los
esquemas desde esa revisión son inciertos, y los hallazgos lo indican.

Código de salida: 0 sana (o reparada), 1 falló la reparación o no hay ninguna,
4 problemas encontrados (o pendientes), 5 base de datos ilegible.</translation>
    </message>
    <message>
        <source>Nothing was run: steps of the plan that cannot be applied: %1.</source>
        <translation>No se ha ejecutado nada: pasos del plan que no se pueden aplicar: %1.</translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 steps applied.</source>
        <translation>Detenido: pasos aplicados %1 de %2.</translation>
    </message>
    <message>
        <source>Applied in one transaction (statements: %1).</source>
        <translation>Aplicado en una sola transacción (sentencias: %1).</translation>
    </message>
    <message>
        <source>gui opens the desktop application, which has no --json output</source>
        <translation>gui abre la aplicación de escritorio, que no tiene salida --json</translation>
    </message>
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
  pending                           the steps to the heads, with their SQL
  upgrade TARGET [--sql]            apply (or print) migrations: a backup first,
  downgrade TARGET [--sql]          one transaction per step, checks after
  stamp TARGET... [--purge] [--sql] set the version table without migrating
  backup | backups | restore FILE   take, list and restore database backups
  doctor [--fix CODE|all]           diagnose and repair a broken database
  integrity                         SQLite&apos;s integrity and foreign key checks
  schema                            the database&apos;s tables, indexes, views, triggers
  gui [DB | -c INI]                 the desktop application (also with no command)

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
        <translation>uso: retort [-c alembic.ini] [--db FILE] [--scripts DIR] [--version-table NAME]
            [--json] [--lang en|es] COMMAND [options]

Inspecciona bases de datos SQLite cuyo esquema se gestiona con migraciones
de Alembic. Los archivos de revisión se leen, nunca se ejecutan.

Comandos (salida de Alembic):
  current [-v]                      las revisiones actuales de la base de datos
  heads [-v] [--resolve-dependencies]  las revisiones cabeza de los scripts
  branches [-v]                     los puntos de ramificación
  history [-r RANGE] [-v] [-i]      las revisiones, de la más reciente a la más
                                    antigua
  show REV                          los detalles de una revisión

Comandos de Retort:
  status                            base de datos, revisión actual, cabezas,
                                    migraciones pendientes y problemas en una
                                    sola pantalla
  pending                           los pasos hasta las cabezas, con su SQL
  upgrade TARGET [--sql]            aplica (o muestra) migraciones: primero una
  downgrade TARGET [--sql]          copia de seguridad, una transacción por paso
                                    y comprobaciones al final
  stamp TARGET... [--purge] [--sql] sella la tabla de versiones sin migrar
  backup | backups | restore FILE   crea, lista y restaura copias de seguridad
  doctor [--fix CODE|all]           diagnostica y repara una base de datos rota
  integrity                         comprobaciones de integridad y de claves
                                    foráneas de SQLite
  schema                            tablas, índices, vistas y disparadores de la
                                    base de datos
  gui [DB | -c INI]                 la aplicación de escritorio (también sin
                                    comando)

Opciones globales:
  -c, --config FILE      alembic.ini que se lee (por defecto: ./alembic.ini, o
                         ./migrations/alembic.ini con Flask-Migrate)
  --scripts DIR          un directorio de scripts (con versions/) o directamente
                         un directorio de versiones
  --db FILE              la base de datos SQLite (por defecto: sqlalchemy.url
                         del ini)
  --version-table NAME   la tabla de versiones (por defecto: alembic_version)
  --json                 salida legible por máquina (ver README, &quot;JSON output&quot;)
  --lang en|es           idioma de los mensajes propios de Retort
  -h, --help             esta ayuda; tras un comando, la ayuda de ese comando
  --version              la versión de Retort

Código de salida: 0 correcto, 1 falló la operación, 2 error de uso,
3 migraciones pendientes, 4 tabla de versiones inconsistente con los scripts,
5 base de datos ilegible o bloqueada, 255 fallo al estilo de Alembic
(&quot;FAILED: ...&quot; en la salida estándar).</translation>
    </message>
    <message>
        <source>usage: retort integrity [--db FILE | -c INI]
       retort schema [--db FILE | -c INI]

integrity runs SQLite&apos;s PRAGMA integrity_check and foreign_key_check on the
database; schema prints its tables (columns, unique and foreign keys),
indexes, views and triggers. Both open the file read-only and need no
migration scripts: --db FILE is enough.

Exit status: 0 sound (integrity) or printed (schema), 4 integrity problems
found, 5 database unreadable.</source>
        <translation>uso: retort integrity [--db FILE | -c INI]
     retort schema [--db FILE | -c INI]

integrity ejecuta PRAGMA integrity_check y foreign_key_check de SQLite sobre la
base de datos; schema muestra sus tablas (columnas, claves únicas y foráneas),
índices, vistas y disparadores. Ambos abren el archivo en solo lectura y no
necesitan scripts de migración: basta con --db FILE.

Código de salida: 0 sana (integrity) o mostrado (schema), 4 problemas de
integridad encontrados, 5 base de datos ilegible.</translation>
    </message>
    <message>
        <source>Database:          %1</source>
        <translation>Base de datos:     %1</translation>
    </message>
    <message>
        <source>Integrity check:   %1</source>
        <translation>Integridad:        %1</translation>
    </message>
    <message>
        <source>Foreign key check: ok</source>
        <translation>Claves foráneas:   ok</translation>
    </message>
    <message>
        <source>Foreign key check: rows that refer to rows that do not exist:</source>
        <translation>Claves foráneas:   filas que hacen referencia a filas que no existen:</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>(no tables)</source>
        <translation>(sin tablas)</translation>
    </message>
    <message>
        <source>table %1</source>
        <translation>tabla %1</translation>
    </message>
    <message>
        <source>index %1 %2</source>
        <translation>índice %1 %2</translation>
    </message>
    <message>
        <source>view %1</source>
        <translation>vista %1</translation>
    </message>
    <message>
        <source>trigger %1 on %2</source>
        <translation>disparador %1 en %2</translation>
    </message>
    <message>
        <source>%1 needs a database: give --db FILE, or -c alembic.ini with a SQLite sqlalchemy.url.</source>
        <translation>%1 necesita una base de datos: indica --db FILE, o -c alembic.ini con un sqlalchemy.url de SQLite.</translation>
    </message>
</context>
<context>
    <name>retort::AlembicRenderer</name>
    <message>
        <source>cannot start the Python interpreter %1: %2</source>
        <translation>no se puede iniciar el intérprete de Python %1: %2</translation>
    </message>
    <message>
        <source>Alembic did not finish within %1 s (%2); it was stopped.</source>
        <translation>Alembic no terminó en %1 s (%2); se detuvo.</translation>
    </message>
    <message>
        <source>the Python process %1 failed: %2</source>
        <translation>el proceso de Python %1 falló: %2</translation>
    </message>
    <message>
        <source>the Python process %1 ended without an answer (exit code %2)%3</source>
        <translation>el proceso de Python %1 terminó sin respuesta (código de salida %2)%3</translation>
    </message>
    <message>
        <source>%1 cannot import Alembic: %2</source>
        <translation>%1 no puede importar Alembic: %2</translation>
    </message>
    <message>
        <source>the Alembic renderer is turned off (--python %1)</source>
        <translation>el generador de Alembic está desactivado (--python %1)</translation>
    </message>
    <message>
        <source>no Python with Alembic was found (%1)</source>
        <translation>no se encontró ningún Python con Alembic (%1)</translation>
    </message>
    <message>
        <source>the answer of the Alembic renderer is not JSON (%1): %2</source>
        <translation>la respuesta del generador de Alembic no es JSON (%1): %2</translation>
    </message>
    <message>
        <source>the revision file does not import (%1): %2</source>
        <translation>el archivo de la revisión no se puede importar (%1): %2</translation>
    </message>
    <message>
        <source>%1() raised an exception (%2): %3</source>
        <translation>%1() lanzó una excepción (%2): %3</translation>
    </message>
    <message>
        <source>the Alembic renderer failed: %1</source>
        <translation>el generador de Alembic falló: %1</translation>
    </message>
</context>
<context>
    <name>retort::AuditLog</name>
    <message>
        <source>Cannot write the audit log %1: %2</source>
        <translation>No se puede escribir el registro de auditoría %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the audit log %1: %2</source>
        <translation>No se puede leer el registro de auditoría %1: %2</translation>
    </message>
</context>
<context>
    <name>retort::Backup</name>
    <message>
        <source>Cannot create the backup %1: %2</source>
        <translation>No se puede crear la copia de seguridad %1: %2</translation>
    </message>
    <message>
        <source>Cannot find a free backup name in %1.</source>
        <translation>No se encuentra un nombre libre para la copia de seguridad en %1.</translation>
    </message>
    <message>
        <source>%1 is locked by another program (%2); nothing was changed. Try again when it has finished.</source>
        <translation>Otro programa tiene bloqueado %1 (%2); no se ha cambiado nada. Vuelve a intentarlo cuando termine.</translation>
    </message>
    <message>
        <source>%1 is not a usable SQLite database: %2.</source>
        <translation>%1 no es una base de datos SQLite utilizable: %2.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>No se puede leer %1: %2.</translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation>La base de datos %1 no existe.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 no es un archivo regular.</translation>
    </message>
    <message>
        <source>Cannot create the backup folder %1.</source>
        <translation>No se puede crear la carpeta de copias de seguridad %1.</translation>
    </message>
    <message>
        <source>Cannot create the backup %1: %2.</source>
        <translation>No se puede crear la copia de seguridad %1: %2.</translation>
    </message>
    <message>
        <source>Cannot back up %1: it is locked by another program (%2).</source>
        <translation>No se puede hacer la copia de seguridad de %1: otro programa lo tiene bloqueado (%2).</translation>
    </message>
    <message>
        <source>Cannot back up %1 to %2: %3.</source>
        <translation>No se puede hacer la copia de seguridad de %1 en %2: %3.</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2.</source>
        <translation>No se puede renombrar %1 a %2.</translation>
    </message>
    <message>
        <source>Cannot restore %1 onto itself.</source>
        <translation>No se puede restaurar %1 sobre sí mismo.</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>La copia de seguridad %1 no existe.</translation>
    </message>
    <message>
        <source>The backup %1 is not an SQLite database: %2; nothing was restored.</source>
        <translation>La copia de seguridad %1 no es una base de datos SQLite: %2; no se ha restaurado nada.</translation>
    </message>
    <message>
        <source>Cannot read the backup %1: %2; nothing was restored.</source>
        <translation>No se puede leer la copia de seguridad %1: %2; no se ha restaurado nada.</translation>
    </message>
    <message>
        <source>The backup %1 fails SQLite&apos;s integrity check (%2); nothing was restored.</source>
        <translation>La copia de seguridad %1 no supera la comprobación de integridad de SQLite (%2); no se ha restaurado nada.</translation>
    </message>
    <message>
        <source>Nothing was restored: the current database could not be backed up first. %1</source>
        <translation>No se ha restaurado nada: antes no se pudo hacer una copia de seguridad de la base de datos actual. %1</translation>
    </message>
    <message>
        <source>Restoring %1 into %2 failed: %3. The database as it was is in %4.</source>
        <translation>Falló la restauración de %1 en %2: %3. La base de datos, tal como estaba, se encuentra en %4.</translation>
    </message>
    <message>
        <source>Nothing was restored: %1 could not be moved aside. %2</source>
        <translation>No se ha restaurado nada: no se pudo apartar %1. %2</translation>
    </message>
    <message>
        <source>Nothing was restored: %1 could not be moved to %2.</source>
        <translation>No se ha restaurado nada: no se pudo mover %1 a %2.</translation>
    </message>
    <message>
        <source>Cannot create %1: %2.</source>
        <translation>No se puede crear %1: %2.</translation>
    </message>
    <message>
        <source>Restoring %1 into %2 failed: %3.</source>
        <translation>Falló la restauración de %1 en %2: %3.</translation>
    </message>
    <message>
        <source>The restored database %1 could not be checked: %2.</source>
        <translation>No se pudo comprobar la base de datos restaurada %1: %2.</translation>
    </message>
    <message>
        <source>The restored database %1 fails SQLite&apos;s integrity check: %2. The database as it was is in %3.</source>
        <translation>La base de datos restaurada %1 no supera la comprobación de integridad de SQLite: %2. La base de datos, tal como estaba, se encuentra en %3.</translation>
    </message>
</context>
<context>
    <name>retort::Doctor</name>
    <message>
        <source>%1 row %2 refers to a missing row of %3</source>
        <translation>la fila %2 de %1 hace referencia a una fila inexistente de %3</translation>
    </message>
    <message>
        <source>Cannot create a scratch database.</source>
        <translation>No se puede crear una base de datos temporal.</translation>
    </message>
    <message>
        <source>cannot rebuild table %1 from its definition</source>
        <translation>no se puede reconstruir la tabla %1 a partir de su definición</translation>
    </message>
    <message>
        <source>the empty schema (no revision)</source>
        <translation>el esquema vacío (ninguna revisión)</translation>
    </message>
    <message>
        <source>A revision file cannot be read</source>
        <translation>No se puede leer un archivo de revisión</translation>
    </message>
    <message>
        <source>%1: %2. Neither Alembic nor Retort can load this file, so its revision is missing from the history; revisions that follow it cannot be reached.</source>
        <translation>%1: %2. Ni Alembic ni Retort pueden cargar este archivo, así que su revisión falta en el historial; las revisiones que la siguen no son alcanzables.</translation>
    </message>
    <message>
        <source>A revision names a parent that does not exist</source>
        <translation>Una revisión indica un padre que no existe</translation>
    </message>
    <message>
        <source>%1. Alembic stops with an error on this history. Restore the missing revision file or correct down_revision.</source>
        <translation>%1. Alembic se detiene con un error en este historial. Restaura el archivo de revisión que falta o corrige down_revision.</translation>
    </message>
    <message>
        <source>The revisions form a cycle</source>
        <translation>Las revisiones forman un ciclo</translation>
    </message>
    <message>
        <source>%1. Alembic refuses to work with this history until the cycle is broken in down_revision or depends_on.</source>
        <translation>%1. Alembic se niega a trabajar con este historial hasta que se rompa el ciclo en down_revision o depends_on.</translation>
    </message>
    <message>
        <source>Two files define the same revision</source>
        <translation>Dos archivos definen la misma revisión</translation>
    </message>
    <message>
        <source>%1: Alembic uses the file it reads last and ignores the other. Remove or renumber one of them.</source>
        <translation>%1: Alembic usa el último archivo que lee e ignora el otro. Elimina o renumera uno de ellos.</translation>
    </message>
    <message>
        <source>A branch label is used twice</source>
        <translation>Una etiqueta de rama se usa dos veces</translation>
    </message>
    <message>
        <source>%1. Alembic refuses to work with this history until one of the labels is renamed.</source>
        <translation>%1. Alembic se niega a trabajar con este historial hasta que se renombre una de las etiquetas.</translation>
    </message>
    <message>
        <source>The version table holds values that are not revision ids</source>
        <translation>La tabla de versiones contiene valores que no son identificadores de revisión</translation>
    </message>
    <message>
        <source>Rows of %1 hold %2. Alembic cannot work with such rows; they were not written by Alembic and mean nothing, so they can be deleted.</source>
        <translation>Las filas de %1 contienen %2. Alembic no puede trabajar con esas filas; no las escribió Alembic y no significan nada, así que se pueden eliminar.</translation>
    </message>
    <message>
        <source>Delete the rows that are not revision ids.</source>
        <translation>Elimina las filas que no son identificadores de revisión.</translation>
    </message>
    <message>
        <source>A temporary table of a failed batch migration is left behind</source>
        <translation>Queda una tabla temporal de una migración batch fallida</translation>
    </message>
    <message>
        <source>%1 is the copy Alembic makes while it rebuilds table %2 in a batch operation. It is left only when the rebuild failed half-way (Alembic does not run migrations in a transaction on SQLite). The next attempt fails with &quot;table %1 already exists&quot;. %3</source>
        <translation>%1 es la copia que hace Alembic mientras reconstruye la tabla %2 en una operación batch. Solo queda cuando la reconstrucción falló a medias (Alembic no ejecuta las migraciones en una transacción en SQLite). El siguiente intento falla con &quot;table %1 already exists&quot;. %3</translation>
    </message>
    <message>
        <source>Table %1 itself is still there, so the copy can be dropped.</source>
        <translation>La propia tabla %1 sigue existiendo, así que se puede eliminar la copia.</translation>
    </message>
    <message>
        <source>Table %1 itself is missing: the copy may hold its only data; look at it before dropping it.</source>
        <translation>Falta la propia tabla %1: la copia puede contener sus únicos datos; revísala antes de eliminarla.</translation>
    </message>
    <message>
        <source>Drop the leftover table %1.</source>
        <translation>Elimina la tabla sobrante %1.</translation>
    </message>
    <message>
        <source>Remove every row from %1 (stamp base).</source>
        <translation>Elimina todas las filas de %1 (stamp base).</translation>
    </message>
    <message>
        <source>Stamp %1: the version table will hold %2.</source>
        <translation>Sella %1: la tabla de versiones contendrá %2.</translation>
    </message>
    <message>
        <source>plus the first %1 of the %2 statements of %3</source>
        <translation>más las primeras %1 de las %2 sentencias de %3</translation>
    </message>
    <message>
        <source>The schema is exactly that of %1.</source>
        <translation>El esquema es exactamente el de %1.</translation>
    </message>
    <message>
        <source>The schema is that of %1, %2.</source>
        <translation>El esquema es el de %1, %2.</translation>
    </message>
    <message>
        <source>Revisions with the same schema: %1. The oldest is chosen; later ones will run again on upgrade.</source>
        <translation>Revisiones con el mismo esquema: %1. Se elige la más antigua; las posteriores se volverán a ejecutar con upgrade.</translation>
    </message>
    <message>
        <source>No revision&apos;s schema matches; the nearest: %1.</source>
        <translation>El esquema no coincide con el de ninguna revisión; el más cercano: %1.</translation>
    </message>
    <message>
        <source>The database has tables but no version table</source>
        <translation>La base de datos tiene tablas pero no tabla de versiones</translation>
    </message>
    <message>
        <source>The version table is empty but the database has tables</source>
        <translation>La tabla de versiones está vacía pero la base de datos tiene tablas</translation>
    </message>
    <message>
        <source>Alembic takes such a database for an empty one: `upgrade` would try to create tables that exist and fail.</source>
        <translation>Alembic toma una base de datos así por vacía: `upgrade` intentaría crear tablas que ya existen y fallaría.</translation>
    </message>
    <message>
        <source>There is no %1 table (a database from before Alembic, or the table was dropped). %2</source>
        <translation>No hay tabla %1 (una base de datos anterior a Alembic, o se eliminó la tabla). %2</translation>
    </message>
    <message>
        <source>%1 has no rows. %2</source>
        <translation>%1 no tiene filas. %2</translation>
    </message>
    <message>
        <source>Create the version table %1 and stamp %2.</source>
        <translation>Crea la tabla de versiones %1 y sella %2.</translation>
    </message>
    <message>
        <source>Stamp %1.</source>
        <translation>Sella %1.</translation>
    </message>
    <message>
        <source>The version table names a revision the scripts do not have</source>
        <translation>La tabla de versiones indica una revisión que los scripts no tienen</translation>
    </message>
    <message>
        <source>no revision file defines %1: was the file deleted, or does the database come from another branch of the code?</source>
        <translation>ningún archivo de revisión define %1: ¿se eliminó el archivo, o la base de datos procede de otra rama del código?</translation>
    </message>
    <message>
        <source>the file that defines %1 (%2) cannot be read</source>
        <translation>no se puede leer el archivo que define %1 (%2)</translation>
    </message>
    <message>
        <source>%1 is left out of the history: %2</source>
        <translation>%1 queda fuera del historial: %2</translation>
    </message>
    <message>
        <source>Alembic fails with &quot;Can&apos;t locate revision identified by &apos;%1&apos;&quot;: %2.</source>
        <translation>Alembic falla con &quot;Can&apos;t locate revision identified by &apos;%1&apos;&quot;: %2.</translation>
    </message>
    <message>
        <source>Replace %1 with %2, the revision the schema matches.</source>
        <translation>Sustituye %1 por %2, la revisión con la que coincide el esquema.</translation>
    </message>
    <message>
        <source>Delete %1: the schema is empty.</source>
        <translation>Elimina %1: el esquema está vacío.</translation>
    </message>
    <message>
        <source>The other rows (%1) account for the whole schema.</source>
        <translation>Las demás filas (%1) explican todo el esquema.</translation>
    </message>
    <message>
        <source>Delete %1 from the version table.</source>
        <translation>Elimina %1 de la tabla de versiones.</translation>
    </message>
    <message>
        <source>The version table holds a revision and its ancestor</source>
        <translation>La tabla de versiones contiene una revisión y su ancestro</translation>
    </message>
    <message>
        <source>%1 is an ancestor of %2; both are stored. Alembic fails with &quot;Requested revision overlaps with other requested revisions&quot;. A descendant implies its ancestors, so the ancestor rows can go.</source>
        <translation>%1 es ancestro de %2; ambas están guardadas. Alembic falla con &quot;Requested revision overlaps with other requested revisions&quot;. Un descendiente implica a sus ancestros, así que las filas de los ancestros se pueden quitar.</translation>
    </message>
    <message>
        <source>The schema matches %1 exactly.</source>
        <translation>El esquema coincide exactamente con %1.</translation>
    </message>
    <message>
        <source>The schema does not match %1 either; look at the other findings after this repair.</source>
        <translation>El esquema tampoco coincide con %1; revisa los demás hallazgos después de esta reparación.</translation>
    </message>
    <message>
        <source>Delete the ancestor rows %1.</source>
        <translation>Elimina las filas de ancestros %1.</translation>
    </message>
    <message>
        <source>The schema cannot be checked against the scripts</source>
        <translation>No se puede comprobar el esquema frente a los scripts</translation>
    </message>
    <message>
        <source>Retort cannot tell what schema the current revision should have: %1. The differences below may be what that revision does.</source>
        <translation>Retort no puede saber qué esquema debería tener la revisión actual: %1. Las diferencias siguientes pueden ser lo que hace esa revisión.</translation>
    </message>
    <message>
        <source>The version table has a row for a branch the schema does not have</source>
        <translation>La tabla de versiones tiene una fila para una rama que el esquema no tiene</translation>
    </message>
    <message>
        <source>%1 is stored beside %2, but none of the changes of %1&apos;s branch are in the database: the schema is exactly that of %2. This happens when a revision of a sibling branch is stamped by mistake (`alembic stamp` adds a row for a branch that is not yet represented).</source>
        <translation>%1 está guardada junto a %2, pero ninguno de los cambios de la rama de %1 está en la base de datos: el esquema es exactamente el de %2. Esto ocurre cuando se sella por error una revisión de una rama hermana (`alembic stamp` añade una fila para una rama que aún no está representada).</translation>
    </message>
    <message>
        <source>Delete the row %1.</source>
        <translation>Elimina la fila %1.</translation>
    </message>
    <message>
        <source>Revision %1 was applied only in part</source>
        <translation>La revisión %1 solo se aplicó en parte</translation>
    </message>
    <message>
        <source>The database has the first %1 of the %2 statements of %3, but the version table still says %4. Alembic runs migrations on SQLite without a transaction, so a migration that fails half-way leaves its first changes behind; running it again fails (e.g. &quot;table already exists&quot;).</source>
        <translation>La base de datos tiene las primeras %1 de las %2 sentencias de %3, pero la tabla de versiones sigue indicando %4. Alembic ejecuta las migraciones en SQLite sin transacción, así que una migración que falla a medias deja aplicados sus primeros cambios; volver a ejecutarla falla (p. ej. &quot;table already exists&quot;).</translation>
    </message>
    <message>
        <source>no revision</source>
        <translation>ninguna revisión</translation>
    </message>
    <message>
        <source>ran: %1</source>
        <translation>se ejecutó: %1</translation>
    </message>
    <message>
        <source>did not run: %1</source>
        <translation>no se ejecutó: %1</translation>
    </message>
    <message>
        <source>Undo what ran of %1, so that the schema is again that of %2 and `upgrade` can run it afresh.</source>
        <translation>Deshaz lo que se ejecutó de %1, para que el esquema vuelva a ser el de %2 y `upgrade` pueda ejecutarla de nuevo.</translation>
    </message>
    <message>
        <source>the empty database</source>
        <translation>la base de datos vacía</translation>
    </message>
    <message>
        <source>Undoing it is not possible automatically: %1</source>
        <translation>No es posible deshacerla automáticamente: %1</translation>
    </message>
    <message>
        <source>the result would differ</source>
        <translation>el resultado sería distinto</translation>
    </message>
    <message>
        <source>Completing it is not possible automatically: %1</source>
        <translation>No es posible completarla automáticamente: %1</translation>
    </message>
    <message>
        <source>(and part of %1)</source>
        <translation>(y parte de %1)</translation>
    </message>
    <message>
        <source>The version table is ahead of the schema</source>
        <translation>La tabla de versiones va por delante del esquema</translation>
    </message>
    <message>
        <source>The version table says %1, but the schema is that of %2%3, an earlier revision: the migrations in between are recorded as applied although their changes are not in the database (typically `alembic stamp head` after a failed upgrade). Code expecting them fails with errors such as &quot;no such column&quot;. Stamping back to %2 lets `upgrade` run them.</source>
        <translation>La tabla de versiones indica %1, pero el esquema es el de %2%3, una revisión anterior: las migraciones intermedias constan como aplicadas aunque sus cambios no están en la base de datos (normalmente por un `alembic stamp head` tras un upgrade fallido). El código que cuenta con ellas falla con errores como &quot;no such column&quot;. Sellar de nuevo %2 permite que `upgrade` las ejecute.</translation>
    </message>
    <message>
        <source>The schema is ahead of the version table</source>
        <translation>El esquema va por delante de la tabla de versiones</translation>
    </message>
    <message>
        <source>The schema already has the changes up to %2%3, but the version table says %1: `upgrade` would run them again and fail with errors such as &quot;duplicate column name&quot; or &quot;table already exists&quot;. Stamping %2 records them as applied.</source>
        <translation>El esquema ya tiene los cambios hasta %2%3, pero la tabla de versiones indica %1: `upgrade` los volvería a ejecutar y fallaría con errores como &quot;duplicate column name&quot; o &quot;table already exists&quot;. Sellar %2 los registra como aplicados.</translation>
    </message>
    <message>
        <source>The schema differs from what %1 should have</source>
        <translation>El esquema difiere del que debería tener %1</translation>
    </message>
    <message>
        <source>an empty database</source>
        <translation>una base de datos vacía</translation>
    </message>
    <message>
        <source>Re-create what is missing or different, as the revisions that made it define it (data of rebuilt tables is copied; extra objects are left alone).</source>
        <translation>Vuelve a crear lo que falta o es distinto, tal como lo definen las revisiones que lo crearon (los datos de las tablas reconstruidas se copian; los objetos sobrantes no se tocan).</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check fails</source>
        <translation>Falla la comprobación de integridad de SQLite</translation>
    </message>
    <message>
        <source>PRAGMA integrity_check reports damage in the database file. Retort does not repair it: restore a backup, or recover the data with the sqlite3 shell&apos;s .recover command into a new file.</source>
        <translation>PRAGMA integrity_check informa de daños en el archivo de base de datos. Retort no lo repara: restaura una copia de seguridad, o recupera los datos en un archivo nuevo con el comando .recover del shell sqlite3.</translation>
    </message>
    <message>
        <source>Rows refer to rows that do not exist</source>
        <translation>Hay filas que hacen referencia a filas que no existen</translation>
    </message>
    <message>
        <source>No database: give --db FILE or set sqlalchemy.url in alembic.ini.</source>
        <translation>No hay base de datos: indica --db FILE o define sqlalchemy.url en alembic.ini.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 — made by revision %2</source>
        <translation>%1 — creado por la revisión %2</translation>
    </message>
    <message>
        <source>%1 — made by pending revision %2</source>
        <translation>%1 — creado por la revisión pendiente %2</translation>
    </message>
    <message>
        <source>%1 — removed by revision %2</source>
        <translation>%1 — eliminado por la revisión %2</translation>
    </message>
    <message>
        <source>%1 — no revision makes it</source>
        <translation>%1 — ninguna revisión lo crea</translation>
    </message>
    <message>
        <source>Nothing to repair: no finding has the code &apos;%1&apos; (found: %2).</source>
        <translation>Nada que reparar: ningún hallazgo tiene el código &apos;%1&apos; (encontrados: %2).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Cannot copy the schema to plan the repair: %1</source>
        <translation>No se puede copiar el esquema para planificar la reparación: %1</translation>
    </message>
    <message>
        <source>The repair of &apos;%1&apos; fails on a copy of the schema: %2</source>
        <translation>La reparación de &apos;%1&apos; falla en una copia del esquema: %2</translation>
    </message>
    <message>
        <source>No automatic repair for &apos;%1&apos;: %2</source>
        <translation>No hay reparación automática para &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>none of the findings has one</source>
        <translation>ninguno de los hallazgos tiene una</translation>
    </message>
    <message>
        <source>Cannot write to %1: it is read-only.</source>
        <translation>No se puede escribir en %1: es de solo lectura.</translation>
    </message>
    <message>
        <source>%1 changed while it was being diagnosed; nothing was written. Diagnose again.</source>
        <translation>%1 cambió mientras se diagnosticaba; no se ha escrito nada. Vuelve a diagnosticarla.</translation>
    </message>
    <message>
        <source>Nothing was written because the backup failed: %1</source>
        <translation>No se ha escrito nada porque falló la copia de seguridad: %1</translation>
    </message>
    <message>
        <source>not allowed in a repair</source>
        <translation>no permitido en una reparación</translation>
    </message>
    <message>
        <source>The repair failed and was rolled back; nothing was changed.
Statement: %1
SQLite: %2</source>
        <translation>La reparación falló y se revirtió; no se ha cambiado nada.
Sentencia: %1
SQLite: %2</translation>
    </message>
    <message>
        <source>The repair could not be committed: %1</source>
        <translation>No se pudo confirmar la reparación: %1</translation>
    </message>
    <message>
        <source>%1 (differences: %2)</source>
        <translation>%1 (diferencias: %2)</translation>
    </message>
    <message>
        <source>Table %1 looks like a version table (it holds %2): if it is this project&apos;s, give --version-table %1.</source>
        <translation>La tabla %1 parece una tabla de versiones (contiene %2): si es la de este proyecto, indica --version-table %1.</translation>
    </message>
    <message>
        <source>no rows</source>
        <translation>ninguna fila</translation>
    </message>
    <message>
        <source>Statements %1 to %2 change rows only; whether they ran cannot be told from the schema. They are taken as run and not repeated.</source>
        <translation>Las sentencias %1 a %2 solo cambian filas; el esquema no permite saber si se ejecutaron. Se dan por ejecutadas y no se repiten.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no repair &apos;%2&apos; (it has: %3).</source>
        <translation>&apos;%1&apos; no tiene la reparación &apos;%2&apos; (tiene: %3).</translation>
    </message>
    <message>
        <source>The integrity check could not run: %1</source>
        <translation>No se pudo ejecutar la comprobación de integridad: %1</translation>
    </message>
    <message>
        <source>%1 is sound: SQLite&apos;s integrity check passes and every foreign key points to an existing row.</source>
        <translation>%1 está en buen estado: la comprobación de integridad de SQLite es correcta y todas las claves foráneas apuntan a filas que existen.</translation>
    </message>
    <message>
        <source>%1 has problems: %2.</source>
        <translation>%1 tiene problemas: %2.</translation>
    </message>
    <message>
        <source>No database is open.</source>
        <translation>No hay ninguna base de datos abierta.</translation>
    </message>
    <message>
        <source>Cannot check %1: %2</source>
        <translation>No se puede comprobar %1: %2</translation>
    </message>
    <message>
        <source>Run the rest of %2 (statements left: %1) and record %2 as applied.</source>
        <translation>Ejecuta lo que falta de %2 (sentencias pendientes: %1) y registra %2 como aplicada.</translation>
    </message>
    <message>
        <source>Differences between the database and the schema the scripts build up to %2: %1. Code that needs a missing object fails with errors such as &quot;no such column&quot;; a migration that creates an object already there fails with &quot;duplicate column name&quot; or &quot;already exists&quot;.</source>
        <translation>Diferencias entre la base de datos y el esquema que construyen los scripts hasta %2: %1. El código que necesita un objeto que falta falla con errores como &quot;no such column&quot;; una migración que crea un objeto que ya existe falla con &quot;duplicate column name&quot; o &quot;already exists&quot;.</translation>
    </message>
    <message>
        <source>PRAGMA foreign_key_check finds rows whose foreign key points nowhere (%1). The data needs fixing by someone who knows it; a migration that rebuilds these tables with foreign keys on would fail.</source>
        <translation>PRAGMA foreign_key_check encuentra filas cuya clave foránea no apunta a nada (%1). Los datos debe corregirlos alguien que los conozca; una migración que reconstruya estas tablas con las claves foráneas activadas fallaría.</translation>
    </message>
    <message numerus="yes">
        <source>the integrity check reports problems: %n</source>
        <translation>
            <numerusform>la comprobación de integridad informa de %n problema</numerusform>
            <numerusform>la comprobación de integridad informa de %n problemas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>rows that refer to rows that do not exist: %n</source>
        <translation>
            <numerusform>%n fila hace referencia a filas que no existen</numerusform>
            <numerusform>%n filas hacen referencia a filas que no existen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::ExpectedSchemas</name>
    <message>
        <source>Cannot create a scratch database.</source>
        <translation>No se puede crear una base de datos temporal.</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>no se puede leer %1: %2</translation>
    </message>
    <message>
        <source>revision %1 cannot be translated to SQL (%2): %3</source>
        <translation>la revisión %1 no se puede traducir a SQL (%2): %3</translation>
    </message>
    <message>
        <source>revision %1: %2</source>
        <translation>revisión %1: %2</translation>
    </message>
    <message>
        <source>revision %1: a statement fails on the schema replayed so far: %2
%3</source>
        <translation>revisión %1: una sentencia falla sobre el esquema reproducido hasta ahora: %2
%3</translation>
    </message>
    <message>
        <source>the schema before %1 cannot be rebuilt: %2</source>
        <translation>no se puede reconstruir el esquema anterior a %1: %2</translation>
    </message>
    <message>
        <source>the replayed schema cannot be read: %1</source>
        <translation>no se puede leer el esquema reproducido: %1</translation>
    </message>
    <message>
        <source>The history cannot be replayed: %1</source>
        <translation>No se puede reproducir el historial: %1</translation>
    </message>
    <message>
        <source>revision %1 refers to a revision that is not present</source>
        <translation>la revisión %1 hace referencia a una revisión que no está presente</translation>
    </message>
    <message>
        <source>not a revision of the scripts</source>
        <translation>no es una revisión de los scripts</translation>
    </message>
    <message>
        <source>the schema cannot be rebuilt: %1</source>
        <translation>no se puede reconstruir el esquema: %1</translation>
    </message>
    <message>
        <source>revision %1: the statement fails: %2
%3</source>
        <translation>revisión %1: la sentencia falla: %2
%3</translation>
    </message>
    <message>
        <source>revision %1: a statement rendered by Alembic fails on the schema replayed so far: %2
%3</source>
        <translation>revisión %1: una sentencia generada por Alembic falla sobre el esquema reproducido hasta ahora: %2
%3</translation>
    </message>
    <message>
        <source>%1; the Alembic renderer cannot render it either: %2</source>
        <translation>%1; el generador de Alembic tampoco puede generarla: %2</translation>
    </message>
</context>
<context>
    <name>retort::GuiRequest</name>
    <message>
        <source>retort: option %1 needs a value</source>
        <translation>retort: la opción %1 necesita un valor</translation>
    </message>
    <message>
        <source>retort: unknown option %1</source>
        <translation>retort: opción desconocida %1</translation>
    </message>
    <message>
        <source>retort gui: one database, folder or alembic.ini at a time</source>
        <translation>retort gui: solo una base de datos, carpeta o alembic.ini a la vez</translation>
    </message>
    <message>
        <source>retort: unsupported language &apos;%1&apos; (use en or es)</source>
        <translation>retort: idioma no admitido &apos;%1&apos; (usa en o es)</translation>
    </message>
    <message>
        <source>retort: unsupported theme &apos;%1&apos; (use system, light or dark)</source>
        <translation>retort: tema no admitido &apos;%1&apos; (usa system, light o dark)</translation>
    </message>
    <message>
        <source>retort gui: %1 does not exist</source>
        <translation>retort gui: %1 no existe</translation>
    </message>
    <message>
        <source>retort: the window cannot be shown on the &apos;%1&apos; platform; give a command (see retort --help) or --screenshot FILE.png</source>
        <translation>retort: no se puede mostrar la ventana en la plataforma &apos;%1&apos;; indica un comando (consulta retort --help) o --screenshot FILE.png</translation>
    </message>
    <message>
        <source>retort: no display to show the window on (DISPLAY and WAYLAND_DISPLAY are not set); give a command (see retort --help)</source>
        <translation>retort: no hay pantalla donde mostrar la ventana (DISPLAY y WAYLAND_DISPLAY no están definidas); indica un comando (consulta retort --help)</translation>
    </message>
    <message>
        <source>retort: the desktop application is not installed: %1 is missing (every other command works)</source>
        <translation>retort: la aplicación de escritorio no está instalada: falta %1 (el resto de comandos funcionan)</translation>
    </message>
    <message>
        <source>retort: cannot start the desktop application %1: %2</source>
        <translation>retort: no se puede iniciar la aplicación de escritorio %1: %2</translation>
    </message>
</context>
<context>
    <name>retort::MigrationExecutor</name>
    <message>
        <source>Upgrading to %1 failed: %2</source>
        <translation>No se pudo actualizar a %1: %2</translation>
    </message>
    <message>
        <source>Downgrading %1 failed: %2</source>
        <translation>No se pudo revertir %1: %2</translation>
    </message>
    <message>
        <source>Stamping %1 failed: %2</source>
        <translation>No se pudo sellar %1: %2</translation>
    </message>
    <message>
        <source>no version row</source>
        <translation>no hay fila de versión</translation>
    </message>
    <message>
        <source>a migration may not begin, commit or roll back a transaction; each step runs in a transaction of its own</source>
        <translation>una migración no puede iniciar, confirmar ni deshacer una transacción; cada paso se ejecuta en su propia transacción</translation>
    </message>
    <message>
        <source>an earlier statement of this step failed</source>
        <translation>falló una sentencia anterior de este paso</translation>
    </message>
    <message>
        <source>%1 is locked by another program (%2); nothing was changed. Try again when it has finished.</source>
        <translation>Otro programa tiene bloqueado %1 (%2); no se ha cambiado nada. Vuelve a intentarlo cuando termine.</translation>
    </message>
    <message>
        <source>%1 is locked by another program (%2); try again when it has finished.</source>
        <translation>Otro programa tiene bloqueado %1 (%2); vuelve a intentarlo cuando termine.</translation>
    </message>
    <message>
        <source>The database %1 does not exist; nothing was created.</source>
        <translation>La base de datos %1 no existe; no se ha creado nada.</translation>
    </message>
    <message>
        <source>%1 is not a database file.</source>
        <translation>%1 no es un archivo de base de datos.</translation>
    </message>
    <message>
        <source>Cannot write to %1: the file or its folder is read-only.</source>
        <translation>No se puede escribir en %1: el archivo o su carpeta son de solo lectura.</translation>
    </message>
    <message>
        <source>%1 is not a usable SQLite database: %2.</source>
        <translation>%1 no es una base de datos SQLite utilizable: %2.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2.</source>
        <translation>No se puede abrir %1: %2.</translation>
    </message>
    <message>
        <source>Cannot write to %1: SQLite opened it read-only.</source>
        <translation>No se puede escribir en %1: SQLite lo abrió en modo de solo lectura.</translation>
    </message>
    <message>
        <source>Cannot read the version table %1 in %2: %3.</source>
        <translation>No se puede leer la tabla de versiones %1 en %2: %3.</translation>
    </message>
    <message>
        <source>The version table of %1 changed since the plan was made (planned from: %2; now: %3). Nothing was written; plan again.</source>
        <translation>La tabla de versiones de %1 ha cambiado desde que se hizo el plan (planificado desde: %2; ahora: %3). No se ha escrito nada; vuelve a planificar.</translation>
    </message>
    <message>
        <source>Cannot start a transaction on %1: %2.</source>
        <translation>No se puede iniciar una transacción en %1: %2.</translation>
    </message>
    <message>
        <source>Nothing was written because the backup failed: %1</source>
        <translation>No se ha escrito nada porque falló la copia de seguridad: %1</translation>
    </message>
    <message>
        <source>Preparing the version table failed: %1
Statement: %2</source>
        <translation>Falló la preparación de la tabla de versiones: %1
Sentencia: %2</translation>
    </message>
    <message>
        <source>Preparing the version table failed: %1</source>
        <translation>Falló la preparación de la tabla de versiones: %1</translation>
    </message>
    <message>
        <source>The step was rolled back; the database is as the previous step left it (version table: %1).</source>
        <translation>Se deshizo el paso; la base de datos queda como la dejó el paso anterior (tabla de versiones: %1).</translation>
    </message>
    <message>
        <source>Statement: %1</source>
        <translation>Sentencia: %1</translation>
    </message>
    <message>
        <source>no SQL was given for this revision</source>
        <translation>no se indicó ningún SQL para esta revisión</translation>
    </message>
    <message>
        <source>the step runner failed unexpectedly</source>
        <translation>el ejecutor de pasos falló de forma inesperada</translation>
    </message>
    <message>
        <source>its transaction ended before the commit</source>
        <translation>su transacción terminó antes de confirmarse</translation>
    </message>
    <message>
        <source>%1 row %2 refers to a missing row of %3 (foreign key %4)</source>
        <translation>la fila %2 de %1 hace referencia a una fila inexistente de %3 (clave foránea %4)</translation>
    </message>
</context>
<context>
    <name>retort::MigrationPlanner</name>
    <message>
        <source>Stamping %1 adds a second row beside %2, a revision of a sibling branch: the database will then claim both branches are applied.</source>
        <translation>Sellar %1 añade una segunda fila junto a %2, una revisión de una rama hermana: la base de datos indicará entonces que ambas ramas están aplicadas.</translation>
    </message>
</context>
<context>
    <name>retort::PlanPreview</name>
    <message>
        <source>The database could not be read.</source>
        <translation>No se pudo leer la base de datos.</translation>
    </message>
    <message>
        <source>No target revision given.</source>
        <translation>No se indicó ninguna revisión de destino.</translation>
    </message>
    <message>
        <source>Not shown: the SQL of step %1 could not be shown, and this step depends on it.</source>
        <translation>No se muestra: el SQL del paso %1 no se pudo mostrar y este paso depende de él.</translation>
    </message>
</context>
<context>
    <name>retort::ProjectConfig</name>
    <message>
        <source>%1 = %2 names a Python package resource; Retort reads only directory paths. Write the folder&apos;s path instead (for example with %(here)s).</source>
        <translation>%1 = %2 indica un recurso de paquete de Python; Retort solo lee rutas de directorio. Escribe en su lugar la ruta de la carpeta (por ejemplo, con %(here)s).</translation>
    </message>
    <message>
        <source>The scripts directory %1 does not exist.</source>
        <translation>El directorio de scripts %1 no existe.</translation>
    </message>
    <message>
        <source>The scripts directory %1 is not a directory.</source>
        <translation>El directorio de scripts %1 no es un directorio.</translation>
    </message>
    <message>
        <source>%1 is neither an Alembic script directory (it has no versions folder) nor a folder of revision files (it has no .py files).</source>
        <translation>%1 no es ni un directorio de scripts de Alembic (no tiene carpeta versions) ni una carpeta de archivos de revisión (no tiene archivos .py).</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1, line %2: section [%3] appears twice.</source>
        <translation>%1, línea %2: la sección [%3] aparece dos veces.</translation>
    </message>
    <message>
        <source>%1, line %2: text before the first [section] header: %3</source>
        <translation>%1, línea %2: texto antes de la primera cabecera [sección]: %3</translation>
    </message>
    <message>
        <source>%1, line %2: expected &apos;key = value&apos; or a [section] header: %3</source>
        <translation>%1, línea %2: se esperaba &apos;clave = valor&apos; o una cabecera [sección]: %3</translation>
    </message>
    <message>
        <source>%1, line %2: option &apos;%3&apos; in section [%4] is already set.</source>
        <translation>%1, línea %2: la opción &apos;%3&apos; de la sección [%4] ya está definida.</translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; in section [%3] nests %(...)s references too deeply (is one referring to itself?).</source>
        <translation>%1: el valor de &apos;%2&apos; en la sección [%3] anida referencias %(...)s a demasiada profundidad (¿alguna se refiere a sí misma?).</translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; in section [%3] has a &apos;%&apos; that is not followed by &apos;%&apos; or &apos;(&apos; (write %% for a percent sign): %4</source>
        <translation>%1: el valor de &apos;%2&apos; en la sección [%3] tiene un &apos;%&apos; que no va seguido de &apos;%&apos; ni de &apos;(&apos; (escribe %% para un signo de porcentaje): %4</translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; in section [%3] has a malformed %(name)s reference: %4</source>
        <translation>%1: el valor de &apos;%2&apos; en la sección [%3] tiene una referencia %(name)s mal formada: %4</translation>
    </message>
    <message>
        <source>%1: the value of &apos;%2&apos; in section [%3] uses %(%4)s, which is not defined.</source>
        <translation>%1: el valor de &apos;%2&apos; en la sección [%3] usa %(%4)s, que no está definido.</translation>
    </message>
    <message>
        <source>No alembic.ini in %1; use -c FILE or --scripts DIR</source>
        <translation>No hay alembic.ini en %1; usa -c FILE o --scripts DIR</translation>
    </message>
</context>
<context>
    <name>retort::PythonLiteralParser</name>
    <message>
        <source>syntax error: %1</source>
        <translation>error de sintaxis: %1</translation>
    </message>
    <message>
        <source>encoding problem: %1 with BOM</source>
        <translation>problema de codificación: %1 con BOM</translation>
    </message>
    <message>
        <source>unknown encoding: %1</source>
        <translation>codificación desconocida: %1</translation>
    </message>
    <message>
        <source>Non-UTF-8 code on line %1, but no encoding declared (see PEP 263)</source>
        <translation>Código no UTF-8 en la línea %1, pero no se ha declarado ninguna codificación (ver PEP 263)</translation>
    </message>
    <message>
        <source>the file is not valid %1 (line %2)</source>
        <translation>el archivo no es %1 válido (línea %2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; was never closed</source>
        <translation>&apos;%1&apos; nunca se cerró</translation>
    </message>
    <message>
        <source>unexpected EOF while parsing</source>
        <translation>fin de archivo inesperado durante el análisis</translation>
    </message>
    <message>
        <source>unexpected character after line continuation character</source>
        <translation>carácter inesperado después del carácter de continuación de línea</translation>
    </message>
    <message>
        <source>unmatched &apos;%1&apos;</source>
        <translation>&apos;%1&apos; sin emparejar</translation>
    </message>
    <message>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos;</source>
        <translation>el paréntesis de cierre &apos;%1&apos; no corresponde al de apertura &apos;%2&apos;</translation>
    </message>
    <message>
        <source>closing parenthesis &apos;%1&apos; does not match opening parenthesis &apos;%2&apos; on line %3</source>
        <translation>el paréntesis de cierre &apos;%1&apos; no corresponde al de apertura &apos;%2&apos; de la línea %3</translation>
    </message>
    <message>
        <source>unterminated triple-quoted string literal</source>
        <translation>literal de cadena entre comillas triples sin terminar</translation>
    </message>
    <message>
        <source>unterminated string literal</source>
        <translation>literal de cadena sin terminar</translation>
    </message>
    <message>
        <source>truncated \%1 escape in a string</source>
        <translation>secuencia de escape \%1 truncada en una cadena</translation>
    </message>
    <message>
        <source>illegal Unicode character in a string</source>
        <translation>carácter Unicode no válido en una cadena</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <source>a bytes literal</source>
        <translation>un literal de bytes</translation>
    </message>
    <message>
        <source>a tuple</source>
        <translation>una tupla</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>ningún valor</translation>
    </message>
    <message>
        <source>an incomplete expression</source>
        <translation>una expresión incompleta</translation>
    </message>
    <message>
        <source>a number &apos;%1&apos;</source>
        <translation>un número &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a dict or set</source>
        <translation>un diccionario o conjunto</translation>
    </message>
    <message>
        <source>an expression starting with &apos;%1&apos;</source>
        <translation>una expresión que empieza por &apos;%1&apos;</translation>
    </message>
    <message>
        <source>an f-string</source>
        <translation>una f-string</translation>
    </message>
    <message>
        <source>cannot mix bytes and nonbytes literals</source>
        <translation>no se pueden mezclar literales de bytes y de otro tipo</translation>
    </message>
    <message>
        <source>the constant &apos;%1&apos;</source>
        <translation>la constante &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a call to &apos;%1&apos;</source>
        <translation>una llamada a &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a subscript of &apos;%1&apos;</source>
        <translation>un subíndice de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>an attribute of &apos;%1&apos;</source>
        <translation>un atributo de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a name &apos;%1&apos;</source>
        <translation>un nombre &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a call</source>
        <translation>una llamada</translation>
    </message>
    <message>
        <source>a subscript</source>
        <translation>un subíndice</translation>
    </message>
    <message>
        <source>an attribute access</source>
        <translation>un acceso a atributo</translation>
    </message>
    <message>
        <source>a conditional expression</source>
        <translation>una expresión condicional</translation>
    </message>
    <message>
        <source>a comprehension</source>
        <translation>una comprensión</translation>
    </message>
    <message>
        <source>an expression with &apos;%1&apos;</source>
        <translation>una expresión con &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a function</source>
        <translation>una función</translation>
    </message>
    <message>
        <source>a class</source>
        <translation>una clase</translation>
    </message>
    <message>
        <source>an augmented assignment &apos;%1&apos;</source>
        <translation>una asignación aumentada &apos;%1&apos;</translation>
    </message>
    <message>
        <source>an import</source>
        <translation>una importación</translation>
    </message>
    <message>
        <source>an unpacking of %1</source>
        <translation>un desempaquetado de %1</translation>
    </message>
    <message>
        <source>%1 is not a literal (found %2)</source>
        <translation>%1 no es un literal (se encontró %2)</translation>
    </message>
    <message>
        <source>%1 must be a string, a tuple or list of strings, or None (found %2 containing %3)</source>
        <translation>%1 debe ser una cadena, una tupla o lista de cadenas, o None (se encontró %2 que contiene %3)</translation>
    </message>
    <message>
        <source>%1 contains an empty string</source>
        <translation>%1 contiene una cadena vacía</translation>
    </message>
    <message>
        <source>%1 must be a string, a tuple or list of strings, or None (found %2)</source>
        <translation>%1 debe ser una cadena, una tupla o lista de cadenas, o None (se encontró %2)</translation>
    </message>
    <message>
        <source>source code cannot contain null bytes</source>
        <translation>el código fuente no puede contener bytes nulos</translation>
    </message>
    <message>
        <source>revision must be a string (found %1)</source>
        <translation>revision debe ser una cadena (se encontró %1)</translation>
    </message>
    <message>
        <source>revision is an empty string</source>
        <translation>revision es una cadena vacía</translation>
    </message>
    <message>
        <source>down_revision is not set</source>
        <translation>down_revision no está definido</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
</context>
<context>
    <name>retort::RevisionGraph</name>
    <message>
        <source>No revision identifier</source>
        <translation>No hay identificador de revisión</translation>
    </message>
</context>
<context>
    <name>retort::RevisionScanner</name>
    <message>
        <source>Version location %1 does not exist</source>
        <translation>La ubicación de versiones %1 no existe</translation>
    </message>
    <message>
        <source>Version location %1 is not a directory</source>
        <translation>La ubicación de versiones %1 no es un directorio</translation>
    </message>
</context>
<context>
    <name>retort::SchemaSnapshot</name>
    <message>
        <source>table %1</source>
        <translation>tabla %1</translation>
    </message>
    <message>
        <source>column %1.%2</source>
        <translation>columna %1.%2</translation>
    </message>
    <message>
        <source>index %1</source>
        <translation>índice %1</translation>
    </message>
    <message>
        <source>unique constraint %1 of table %2</source>
        <translation>restricción única %1 de la tabla %2</translation>
    </message>
    <message>
        <source>foreign key %1 of table %2</source>
        <translation>clave foránea %1 de la tabla %2</translation>
    </message>
    <message>
        <source>view %1</source>
        <translation>vista %1</translation>
    </message>
    <message>
        <source>trigger %1</source>
        <translation>disparador %1</translation>
    </message>
    <message>
        <source>%1 is missing (expected: %2)</source>
        <translation>falta %1 (se esperaba: %2)</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>falta %1</translation>
    </message>
    <message>
        <source>%1 is not expected (found: %2)</source>
        <translation>%1 no se esperaba (encontrado: %2)</translation>
    </message>
    <message>
        <source>%1 is not expected</source>
        <translation>%1 no se esperaba</translation>
    </message>
    <message>
        <source>%1 differs (expected: %2; found: %3)</source>
        <translation>%1 difiere (se esperaba: %2; encontrado: %3)</translation>
    </message>
    <message>
        <source>%1 differs from what is expected</source>
        <translation>%1 difiere de lo esperado</translation>
    </message>
    <message>
        <source>The connection is not an open SQLite database.</source>
        <translation>La conexión no es una base de datos SQLite abierta.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>Cannot read the schema of %1: %2</source>
        <translation>No se puede leer el esquema de %1: %2</translation>
    </message>
</context>
<context>
    <name>retort::SqlPreview</name>
    <message>
        <source>No such revision.</source>
        <translation>No existe esa revisión.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source>Cannot create a scratch database for the preview.</source>
        <translation>No se puede crear una base de datos temporal para la vista previa.</translation>
    </message>
    <message>
        <source>%1
The Alembic renderer could not render it either: %2</source>
        <translation>%1
El generador de Alembic tampoco pudo generarlo: %2</translation>
    </message>
</context>
<context>
    <name>retort::SqlTranslator</name>
    <message>
        <source>Can&apos;t generate DDL for column &apos;%1&apos; of type NullType (its declared type is not one SQLAlchemy knows)</source>
        <translation>No se puede generar el DDL de la columna &apos;%1&apos; de tipo NullType (su tipo declarado no es ninguno que SQLAlchemy conozca)</translation>
    </message>
    <message>
        <source>the reflected type &apos;%1&apos; makes SQLAlchemy add a CHECK constraint, which is not supported</source>
        <translation>el tipo reflejado &apos;%1&apos; hace que SQLAlchemy añada una restricción CHECK, que no se admite</translation>
    </message>
    <message>
        <source>batch_alter_table: no such table: &apos;%1&apos;</source>
        <translation>batch_alter_table: no existe la tabla &apos;%1&apos;</translation>
    </message>
    <message>
        <source>table &apos;%1&apos; has a generated column &apos;%2&apos;, which the built-in translator does not rebuild</source>
        <translation>la tabla &apos;%1&apos; tiene una columna generada &apos;%2&apos;, que el traductor integrado no reconstruye</translation>
    </message>
    <message>
        <source>the expression index &apos;%1&apos; is not re-created by the table rebuild (Alembic cannot reflect it)</source>
        <translation>la reconstrucción de la tabla no vuelve a crear el índice de expresión &apos;%1&apos; (Alembic no puede reflejarlo)</translation>
    </message>
    <message>
        <source>drop_column: table &apos;%1&apos; has no column &apos;%2&apos;</source>
        <translation>drop_column: la tabla &apos;%1&apos; no tiene ninguna columna &apos;%2&apos;</translation>
    </message>
    <message>
        <source>alter_column: table &apos;%1&apos; has no column &apos;%2&apos;</source>
        <translation>alter_column: la tabla &apos;%1&apos; no tiene ninguna columna &apos;%2&apos;</translation>
    </message>
    <message>
        <source>No such index: &apos;%1&apos;</source>
        <translation>No such index: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>No such constraint: &apos;%1&apos;</source>
        <translation>No such constraint: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>create_index &apos;%1&apos;: no column with key &apos;%2&apos; in the rebuilt table (Alembic looks columns up by their name before any rename in the same batch)</source>
        <translation>create_index &apos;%1&apos;: no hay ninguna columna con clave &apos;%2&apos; en la tabla reconstruida (Alembic busca las columnas por el nombre que tenían antes de cualquier cambio de nombre en el mismo batch)</translation>
    </message>
    <message>
        <source>No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature which allows for SQLite migrations using a copy-and-move strategy.</source>
        <translation>No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature which allows for SQLite migrations using a copy-and-move strategy.</translation>
    </message>
    <message>
        <source>SQLAlchemy cannot render the value %1 as a literal for a column of type %2</source>
        <translation>SQLAlchemy no puede representar el valor %1 como literal para una columna de tipo %2</translation>
    </message>
    <message>
        <source>the file cannot be read as Python: %1</source>
        <translation>el archivo no se puede leer como Python: %1</translation>
    </message>
    <message>
        <source>the file has no %1() function</source>
        <translation>el archivo no tiene ninguna función %1()</translation>
    </message>
    <message>
        <source>unexpected end of file inside brackets</source>
        <translation>fin de archivo inesperado dentro de paréntesis o corchetes</translation>
    </message>
    <message>
        <source>unindent does not match any outer indentation level</source>
        <translation>la desindentación no coincide con ningún nivel de indentación exterior</translation>
    </message>
    <message>
        <source>unterminated string literal</source>
        <translation>literal de cadena sin terminar</translation>
    </message>
    <message>
        <source>truncated \%1 escape in a string</source>
        <translation>secuencia de escape \%1 truncada en una cadena</translation>
    </message>
    <message>
        <source>invalid \U escape in a string</source>
        <translation>escape \U no válido en una cadena</translation>
    </message>
    <message>
        <source>\N{...} escapes are not supported</source>
        <translation>no se admiten los escapes \N{...}</translation>
    </message>
    <message>
        <source>unmatched &apos;%1&apos;</source>
        <translation>&apos;%1&apos; sin emparejar</translation>
    </message>
    <message>
        <source>invalid character &apos;%1&apos;</source>
        <translation>carácter no válido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>syntax not understood near &apos;%1&apos;</source>
        <translation>no se entiende la sintaxis cerca de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>end of line</source>
        <translation>fin de línea</translation>
    </message>
    <message>
        <source>indentation</source>
        <translation>indentación</translation>
    </message>
    <message>
        <source>end of file</source>
        <translation>fin de archivo</translation>
    </message>
    <message>
        <source>string</source>
        <translation>cadena</translation>
    </message>
    <message>
        <source>expected an indented block</source>
        <translation>se esperaba un bloque indentado</translation>
    </message>
    <message>
        <source>&apos;%1&apos; statement</source>
        <translation>sentencia &apos;%1&apos;</translation>
    </message>
    <message>
        <source>decorator</source>
        <translation>decorador</translation>
    </message>
    <message>
        <source>assignment to something other than a name</source>
        <translation>asignación a algo que no es un nombre</translation>
    </message>
    <message>
        <source>chained assignment</source>
        <translation>asignación encadenada</translation>
    </message>
    <message>
        <source>annotated assignment</source>
        <translation>asignación anotada</translation>
    </message>
    <message>
        <source>augmented assignment &apos;%1&apos;</source>
        <translation>asignación aumentada &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;with ... as&apos; target that is not a name</source>
        <translation>destino de &apos;with ... as&apos; que no es un nombre</translation>
    </message>
    <message>
        <source>&apos;with&apos; statement with several context managers</source>
        <translation>sentencia &apos;with&apos; con varios gestores de contexto</translation>
    </message>
    <message>
        <source>&apos;from ... import *&apos;</source>
        <translation>&apos;from ... import *&apos;</translation>
    </message>
    <message>
        <source>lambda</source>
        <translation>lambda</translation>
    </message>
    <message>
        <source>&apos;not&apos; operator</source>
        <translation>operador &apos;not&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; expression</source>
        <translation>expresión &apos;%1&apos;</translation>
    </message>
    <message>
        <source>conditional expression</source>
        <translation>expresión condicional</translation>
    </message>
    <message>
        <source>&apos;%1&apos; operator</source>
        <translation>operador &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unary &apos;%1&apos; operator</source>
        <translation>operador unario &apos;%1&apos;</translation>
    </message>
    <message>
        <source>subscript</source>
        <translation>subíndice</translation>
    </message>
    <message>
        <source>&apos;%1&apos; argument unpacking</source>
        <translation>desempaquetado de argumentos &apos;%1&apos;</translation>
    </message>
    <message>
        <source>generator expression</source>
        <translation>expresión generadora</translation>
    </message>
    <message>
        <source>positional argument after keyword argument</source>
        <translation>argumento posicional después de un argumento por palabra clave</translation>
    </message>
    <message>
        <source>Ellipsis</source>
        <translation>Ellipsis</translation>
    </message>
    <message>
        <source>complex number</source>
        <translation>número complejo</translation>
    </message>
    <message>
        <source>number &apos;%1&apos;</source>
        <translation>número &apos;%1&apos;</translation>
    </message>
    <message>
        <source>f-string</source>
        <translation>f-string</translation>
    </message>
    <message>
        <source>cannot mix bytes and nonbytes literals</source>
        <translation>no se pueden mezclar literales de bytes y de otro tipo</translation>
    </message>
    <message>
        <source>list comprehension</source>
        <translation>comprensión de lista</translation>
    </message>
    <message>
        <source>&apos;**&apos; dictionary unpacking</source>
        <translation>desempaquetado de diccionario &apos;**&apos;</translation>
    </message>
    <message>
        <source>set display</source>
        <translation>literal de conjunto</translation>
    </message>
    <message>
        <source>dictionary comprehension</source>
        <translation>comprensión de diccionario</translation>
    </message>
    <message>
        <source>the table rebuild would copy no column</source>
        <translation>la reconstrucción de la tabla no copiaría ninguna columna</translation>
    </message>
    <message>
        <source>Alembic cannot run this on SQLite: &quot;No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature which allows for SQLite migrations using a copy-and-move strategy.&quot;</source>
        <translation>Alembic no puede ejecutar esto en SQLite: &quot;No support for ALTER of constraints in SQLite dialect. Please refer to the batch mode feature which allows for SQLite migrations using a copy-and-move strategy.&quot;</translation>
    </message>
    <message>
        <source>the SQL text has a bind parameter &apos;:%1&apos; with no value (write &apos;\:&apos; for a literal colon)</source>
        <translation>el texto SQL tiene un parámetro de enlace &apos;:%1&apos; sin valor (escribe &apos;\:&apos; para un signo de dos puntos literal)</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena</translation>
    </message>
    <message>
        <source>a bytes literal</source>
        <translation>un literal de bytes</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>a tuple</source>
        <translation>una tupla</translation>
    </message>
    <message>
        <source>a dict</source>
        <translation>un diccionario</translation>
    </message>
    <message>
        <source>a type</source>
        <translation>un tipo</translation>
    </message>
    <message>
        <source>a column</source>
        <translation>una columna</translation>
    </message>
    <message>
        <source>a ForeignKey</source>
        <translation>una ForeignKey</translation>
    </message>
    <message>
        <source>a constraint</source>
        <translation>una restricción</translation>
    </message>
    <message>
        <source>an Index</source>
        <translation>un Index</translation>
    </message>
    <message>
        <source>a text() clause</source>
        <translation>una cláusula text()</translation>
    </message>
    <message>
        <source>a SQL expression</source>
        <translation>una expresión SQL</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>una tabla</translation>
    </message>
    <message>
        <source>a MetaData</source>
        <translation>un MetaData</translation>
    </message>
    <message>
        <source>the function %1</source>
        <translation>la función %1</translation>
    </message>
    <message>
        <source>a batch operations object</source>
        <translation>un objeto de operaciones batch</translation>
    </message>
    <message>
        <source>%1 is not supported</source>
        <translation>no se admite: %1</translation>
    </message>
    <message>
        <source>a &apos;with&apos; block inside a batch_alter_table block is not supported</source>
        <translation>no se admite un bloque &apos;with&apos; dentro de un bloque batch_alter_table</translation>
    </message>
    <message>
        <source>&apos;with&apos; is only supported for op.batch_alter_table(...)</source>
        <translation>&apos;with&apos; solo se admite para op.batch_alter_table(...)</translation>
    </message>
    <message>
        <source>recreate may be one of &apos;auto&apos;, &apos;always&apos;, or &apos;never&apos;</source>
        <translation>recreate solo puede ser &apos;auto&apos;, &apos;always&apos; o &apos;never&apos;</translation>
    </message>
    <message>
        <source>batch_alter_table(%1=...) is not supported</source>
        <translation>no se admite batch_alter_table(%1=...)</translation>
    </message>
    <message>
        <source>batch_alter_table(table_args=...) is not supported</source>
        <translation>no se admite batch_alter_table(table_args=...)</translation>
    </message>
    <message>
        <source>table_kwargs must be a dict</source>
        <translation>table_kwargs debe ser un diccionario</translation>
    </message>
    <message>
        <source>table_kwargs key &apos;%1&apos; is not supported</source>
        <translation>no se admite la clave &apos;%1&apos; de table_kwargs</translation>
    </message>
    <message>
        <source>Alembic cannot run this batch: a constraint added in batch mode must have a name (&quot;Constraint must have a name&quot;); give the ForeignKey / unique constraint a name</source>
        <translation>Alembic no puede ejecutar este batch: una restricción añadida en modo batch debe tener nombre (&quot;Constraint must have a name&quot;); da un nombre a la ForeignKey / restricción unique</translation>
    </message>
    <message>
        <source>alter_column with recreate=&quot;never&quot; would emit ALTER COLUMN, which SQLite does not support</source>
        <translation>alter_column con recreate=&quot;never&quot; emitiría ALTER COLUMN, que SQLite no admite</translation>
    </message>
    <message>
        <source>Alembic cannot create the expression index &apos;%1&apos; in a batch that recreates the table</source>
        <translation>Alembic no puede crear el índice de expresión &apos;%1&apos; en un batch que recrea la tabla</translation>
    </message>
    <message>
        <source>calling the result of an expression is not supported</source>
        <translation>no se admite llamar al resultado de una expresión</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is used outside its batch_alter_table block</source>
        <translation>&apos;%1&apos; se usa fuera de su bloque batch_alter_table</translation>
    </message>
    <message>
        <source>calling &apos;%1&apos; is not supported</source>
        <translation>no se admite llamar a &apos;%1&apos;</translation>
    </message>
    <message>
        <source>unknown name &apos;%1&apos; (only op, sqlalchemy and the names the file imports from them are understood)</source>
        <translation>nombre desconocido &apos;%1&apos; (solo se entienden op, sqlalchemy y los nombres que el archivo importa de ellos)</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; of an expression is not supported</source>
        <translation>no se admite el atributo &apos;%1&apos; de una expresión</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not supported</source>
        <translation>no se admite &apos;%1&apos;</translation>
    </message>
    <message>
        <source>too many positional arguments to %1()</source>
        <translation>demasiados argumentos posicionales para %1()</translation>
    </message>
    <message>
        <source>%1() got multiple values for argument &apos;%2&apos;</source>
        <translation>%1() recibió varios valores para el argumento &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1() got an unexpected keyword argument &apos;%2&apos;</source>
        <translation>%1() recibió un argumento por palabra clave inesperado &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1(%2=...) is not supported</source>
        <translation>no se admite %1(%2=...)</translation>
    </message>
    <message>
        <source>schema=%1 is not supported (SQLite has no schemas)</source>
        <translation>no se admite schema=%1 (SQLite no tiene esquemas)</translation>
    </message>
    <message>
        <source>%1 must be a string, not %2</source>
        <translation>%1 debe ser una cadena, no %2</translation>
    </message>
    <message>
        <source>%1() is missing the argument &apos;%2&apos;</source>
        <translation>a %1() le falta el argumento &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 must be True or False, not %2</source>
        <translation>%1 debe ser True o False, no %2</translation>
    </message>
    <message>
        <source>%1 must be a list of column names, not %2</source>
        <translation>%1 debe ser una lista de nombres de columna, no %2</translation>
    </message>
    <message>
        <source>%1 must be an integer, not %2</source>
        <translation>%1 debe ser un entero, no %2</translation>
    </message>
    <message>
        <source>%1() inside an expression is not supported</source>
        <translation>no se admite %1() dentro de una expresión</translation>
    </message>
    <message>
        <source>type or construct %1 is not supported on SQLite</source>
        <translation>el tipo o construcción %1 no se admite en SQLite</translation>
    </message>
    <message>
        <source>sqlalchemy.%1 is not supported</source>
        <translation>no se admite sqlalchemy.%1</translation>
    </message>
    <message>
        <source>calling %1() is not supported</source>
        <translation>no se admite llamar a %1()</translation>
    </message>
    <message>
        <source>Boolean(create_constraint=True) is not supported</source>
        <translation>no se admite Boolean(create_constraint=True)</translation>
    </message>
    <message>
        <source>type %1 is not supported</source>
        <translation>no se admite el tipo %1</translation>
    </message>
    <message>
        <source>Enum values must be strings (a Python enum class is not supported), not %1</source>
        <translation>los valores de Enum deben ser cadenas (no se admite una clase enum de Python), no %1</translation>
    </message>
    <message>
        <source>Enum(create_constraint=True) is not supported</source>
        <translation>no se admite Enum(create_constraint=True)</translation>
    </message>
    <message>
        <source>Enum(%1=...) is not supported</source>
        <translation>no se admite Enum(%1=...)</translation>
    </message>
    <message>
        <source>Enum() without values is not supported</source>
        <translation>no se admite Enum() sin valores</translation>
    </message>
    <message>
        <source>a Column must have a name as its first argument</source>
        <translation>una Column debe tener un nombre como primer argumento</translation>
    </message>
    <message>
        <source>a constraint inside Column() is not supported</source>
        <translation>no se admite una restricción dentro de Column()</translation>
    </message>
    <message>
        <source>%1 as an argument of Column() is not supported</source>
        <translation>no se admite %1 como argumento de Column()</translation>
    </message>
    <message>
        <source>type_ must be a type</source>
        <translation>type_ debe ser un tipo</translation>
    </message>
    <message>
        <source>autoincrement must be True, False or &quot;auto&quot;</source>
        <translation>autoincrement debe ser True, False o &quot;auto&quot;</translation>
    </message>
    <message>
        <source>Column(%1=...) is not supported</source>
        <translation>no se admite Column(%1=...)</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; has no type</source>
        <translation>la columna &apos;%1&apos; no tiene tipo</translation>
    </message>
    <message>
        <source>server_default must be a string, sa.text() or a SQL function, not %1 (SQLAlchemy rejects it; write server_default=&quot;%2&quot; or sa.text(&quot;%2&quot;))</source>
        <translation>server_default debe ser una cadena, sa.text() o una función SQL, no %1 (SQLAlchemy lo rechaza; escribe server_default=&quot;%2&quot; o sa.text(&quot;%2&quot;))</translation>
    </message>
    <message>
        <source>Unexpected SQL phrase for %1: &apos;%2&apos;</source>
        <translation>Fragmento SQL inesperado para %1: &apos;%2&apos;</translation>
    </message>
    <message>
        <source>use_alter=True is not supported</source>
        <translation>no se admite use_alter=True</translation>
    </message>
    <message>
        <source>foreign key target &apos;%1&apos; is not of the form &apos;table.column&apos;</source>
        <translation>el destino de clave foránea &apos;%1&apos; no tiene la forma &apos;tabla.columna&apos;</translation>
    </message>
    <message>
        <source>ForeignKey() needs a target column</source>
        <translation>ForeignKey() necesita una columna de destino</translation>
    </message>
    <message>
        <source>ForeignKeyConstraint() needs columns and refcolumns</source>
        <translation>ForeignKeyConstraint() necesita columns y refcolumns</translation>
    </message>
    <message>
        <source>refcolumns must be a list</source>
        <translation>refcolumns debe ser una lista</translation>
    </message>
    <message>
        <source>ForeignKeyConstraint refers to more than one table</source>
        <translation>ForeignKeyConstraint hace referencia a más de una tabla</translation>
    </message>
    <message>
        <source>ForeignKeyConstraint needs as many refcolumns as columns</source>
        <translation>ForeignKeyConstraint necesita tantas refcolumns como columnas</translation>
    </message>
    <message>
        <source>a constraint column</source>
        <translation>una columna de restricción</translation>
    </message>
    <message>
        <source>CheckConstraint() needs a condition</source>
        <translation>CheckConstraint() necesita una condición</translation>
    </message>
    <message>
        <source>a check condition must be a string or sa.text(), not %1</source>
        <translation>una condición CHECK debe ser una cadena o sa.text(), no %1</translation>
    </message>
    <message>
        <source>an index column must be a column name or sa.text(), not %1</source>
        <translation>una columna de índice debe ser un nombre de columna o sa.text(), no %1</translation>
    </message>
    <message>
        <source>sqlite_where must be sa.text(...)</source>
        <translation>sqlite_where debe ser sa.text(...)</translation>
    </message>
    <message>
        <source>an Index must have a name as its first argument</source>
        <translation>un Index debe tener un nombre como primer argumento</translation>
    </message>
    <message>
        <source>Index(%1=...) is not supported</source>
        <translation>no se admite Index(%1=...)</translation>
    </message>
    <message>
        <source>sa.func.%1() is not supported</source>
        <translation>no se admite sa.func.%1()</translation>
    </message>
    <message>
        <source>sa.func.%1() takes no arguments here</source>
        <translation>sa.func.%1() no admite argumentos aquí</translation>
    </message>
    <message>
        <source>%1 as an argument of sa.func.%2() is not supported</source>
        <translation>no se admite %1 como argumento de sa.func.%2()</translation>
    </message>
    <message>
        <source>table(%1=...) is not supported</source>
        <translation>no se admite table(%1=...)</translation>
    </message>
    <message>
        <source>a table must have a name as its first argument</source>
        <translation>una tabla debe tener un nombre como primer argumento</translation>
    </message>
    <message>
        <source>%1 as an argument of table() is not supported</source>
        <translation>no se admite %1 como argumento de table()</translation>
    </message>
    <message>
        <source>Table(%1=...) is not supported</source>
        <translation>no se admite Table(%1=...)</translation>
    </message>
    <message>
        <source>Table() needs a name and a MetaData()</source>
        <translation>Table() necesita un nombre y un MetaData()</translation>
    </message>
    <message>
        <source>%1 as an argument of Table() is only supported in create_table</source>
        <translation>%1 como argumento de Table() solo se admite en create_table</translation>
    </message>
    <message>
        <source>alter_column outside batch_alter_table can only rename a column on SQLite (Alembic would emit ALTER COLUMN, which SQLite rejects); use op.batch_alter_table</source>
        <translation>alter_column fuera de batch_alter_table solo puede renombrar una columna en SQLite (Alembic emitiría ALTER COLUMN, que SQLite rechaza); usa op.batch_alter_table</translation>
    </message>
    <message>
        <source>op.batch_alter_table() is only supported in a &apos;with&apos; statement</source>
        <translation>op.batch_alter_table() solo se admite en una sentencia &apos;with&apos;</translation>
    </message>
    <message>
        <source>op.%1() needs a database connection (Python logic)</source>
        <translation>op.%1() necesita una conexión a la base de datos (lógica en Python)</translation>
    </message>
    <message>
        <source>op.%1() is not supported</source>
        <translation>no se admite op.%1()</translation>
    </message>
    <message>
        <source>execute() needs SQL</source>
        <translation>execute() necesita SQL</translation>
    </message>
    <message>
        <source>execute() of %1 is not supported (only SQL strings and sa.text())</source>
        <translation>no se admite execute() de %1 (solo cadenas SQL y sa.text())</translation>
    </message>
    <message>
        <source>execute() with more than one SQL statement (Python&apos;s sqlite3 runs only one at a time)</source>
        <translation>execute() con más de una sentencia SQL (el sqlite3 de Python solo ejecuta una cada vez)</translation>
    </message>
    <message>
        <source>%1() needs a sa.Column(...)</source>
        <translation>%1() necesita una sa.Column(...)</translation>
    </message>
    <message>
        <source>%1() needs the index columns</source>
        <translation>%1() necesita las columnas del índice</translation>
    </message>
    <message>
        <source>the index columns must be a list</source>
        <translation>las columnas del índice deben ser una lista</translation>
    </message>
    <message>
        <source>alter_column(%1=...) is not supported</source>
        <translation>no se admite alter_column(%1=...)</translation>
    </message>
    <message>
        <source>insert_before / insert_after are not supported</source>
        <translation>no se admiten insert_before / insert_after</translation>
    </message>
    <message>
        <source>existing_type must be a type</source>
        <translation>existing_type debe ser un tipo</translation>
    </message>
    <message>
        <source>create_table(%1=...) is not supported</source>
        <translation>no se admite create_table(%1=...)</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is given twice</source>
        <translation>la columna &apos;%1&apos; aparece dos veces</translation>
    </message>
    <message>
        <source>more than one PrimaryKeyConstraint</source>
        <translation>más de una PrimaryKeyConstraint</translation>
    </message>
    <message>
        <source>%1 as an argument of create_table() is not supported</source>
        <translation>no se admite %1 como argumento de create_table()</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not in table &apos;%2&apos;</source>
        <translation>la columna &apos;%1&apos; no está en la tabla &apos;%2&apos;</translation>
    </message>
    <message>
        <source>the PrimaryKeyConstraint and the columns marked primary_key=True disagree</source>
        <translation>la PrimaryKeyConstraint y las columnas marcadas con primary_key=True no coinciden</translation>
    </message>
    <message>
        <source>SQLite does not support autoincrement for composite primary keys</source>
        <translation>SQLite no admite autoincrement en claves primarias compuestas</translation>
    </message>
    <message>
        <source>bulk_insert() needs a table made with sa.table(...)</source>
        <translation>bulk_insert() necesita una tabla creada con sa.table(...)</translation>
    </message>
    <message>
        <source>bulk_insert() needs a list of rows (&quot;List expected&quot;)</source>
        <translation>bulk_insert() necesita una lista de filas (&quot;List expected&quot;)</translation>
    </message>
    <message>
        <source>bulk_insert() rows must be dicts (&quot;List of dictionaries expected&quot;)</source>
        <translation>las filas de bulk_insert() deben ser diccionarios (&quot;List of dictionaries expected&quot;)</translation>
    </message>
    <message>
        <source>a row key</source>
        <translation>una clave de fila</translation>
    </message>
    <message>
        <source>column &apos;%1&apos; is not in the table given to bulk_insert()</source>
        <translation>la columna &apos;%1&apos; no está en la tabla pasada a bulk_insert()</translation>
    </message>
    <message>
        <source>Alembic would fail on this row: &quot;A value is required for bind parameter &apos;%1&apos;, in parameter group %2&quot; (every row needs the keys of the first, or pass multiinsert=False)</source>
        <translation>Alembic fallaría en esta fila: &quot;A value is required for bind parameter &apos;%1&apos;, in parameter group %2&quot; (cada fila necesita las claves de la primera, o pasa multiinsert=False)</translation>
    </message>
    <message>
        <source>%1 as a bulk_insert() value is not supported (only None, booleans, numbers and strings)</source>
        <translation>no se admite %1 como valor de bulk_insert() (solo None, booleanos, números y cadenas)</translation>
    </message>
    <message>
        <source>referent_schema is not supported (SQLite has no schemas)</source>
        <translation>no se admite referent_schema (SQLite no tiene esquemas)</translation>
    </message>
    <message>
        <source>create_foreign_key() needs local_cols and remote_cols</source>
        <translation>create_foreign_key() necesita local_cols y remote_cols</translation>
    </message>
    <message>
        <source>local_cols and remote_cols differ in length</source>
        <translation>local_cols y remote_cols tienen longitudes distintas</translation>
    </message>
    <message>
        <source>%1() needs the columns</source>
        <translation>%1() necesita las columnas</translation>
    </message>
    <message>
        <source>create_check_constraint() needs a condition</source>
        <translation>create_check_constraint() necesita una condición</translation>
    </message>
    <message>
        <source>unknown constraint type &apos;%1&apos;</source>
        <translation>tipo de restricción desconocido &apos;%1&apos;</translation>
    </message>
    <message>
        <source>batch operation %1() is not supported</source>
        <translation>no se admite la operación batch %1()</translation>
    </message>
</context>
<context>
    <name>retort::Status</name>
    <message>
        <source>Can&apos;t locate revision identified by &apos;%1&apos;: the file that defines it (%2) could not be read.</source>
        <translation>No se encuentra la revisión identificada por &apos;%1&apos;: no se pudo leer el archivo que la define (%2).</translation>
    </message>
    <message>
        <source>Can&apos;t locate revision identified by &apos;%1&apos;: %2</source>
        <translation>No se encuentra la revisión identificada por &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>Can&apos;t locate revision identified by &apos;%1&apos;: no revision file defines it (was the file deleted, or does the database come from another branch of the code?).</source>
        <translation>No se encuentra la revisión identificada por &apos;%1&apos;: ningún archivo de revisión la define (¿se eliminó el archivo, o la base de datos viene de otra rama del código?).</translation>
    </message>
    <message>
        <source>The version table holds a value that is not a revision id: %1</source>
        <translation>La tabla de versiones contiene un valor que no es un id de revisión: %1</translation>
    </message>
    <message>
        <source>The version table holds both %1 and its ancestor %2.</source>
        <translation>La tabla de versiones contiene tanto %1 como su ancestro %2.</translation>
    </message>
</context>
<context>
    <name>retort::StepSql</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>Revision %1 cannot be translated to SQL (%2): %3</source>
        <translation>La revisión %1 no se puede traducir a SQL (%2): %3</translation>
    </message>
    <message>
        <source>Revision %1: %2</source>
        <translation>Revisión %1: %2</translation>
    </message>
    <message>
        <source>Revision %1: the statement fails on the schema it is rendered for: %2
%3</source>
        <translation>Revisión %1: la sentencia falla sobre el esquema para el que se generó: %2
%3</translation>
    </message>
    <message>
        <source>Cannot create a scratch database.</source>
        <translation>No se puede crear una base de datos temporal.</translation>
    </message>
    <message>
        <source>Cannot copy the schema to a scratch database: %1</source>
        <translation>No se puede copiar el esquema a una base de datos temporal: %1</translation>
    </message>
    <message>
        <source>no Alembic renderer is set up</source>
        <translation>no hay ningún generador de Alembic configurado</translation>
    </message>
    <message>
        <source>%1
It can be stamped, but applying it needs the Alembic renderer (a Python interpreter that can import Alembic: --python PATH on the command line, Python in the desktop application&apos;s settings), and %2.</source>
        <translation>%1
Se puede sellar, pero para aplicarla hace falta el generador de Alembic (un intérprete de Python que pueda importar Alembic: --python PATH en la línea de órdenes, Python en la configuración de la aplicación de escritorio), y %2.</translation>
    </message>
    <message>
        <source>Revision %1 cannot be rendered by Alembic: %2</source>
        <translation>Alembic no puede generar el SQL de la revisión %1: %2</translation>
    </message>
</context>
<context>
    <name>retort::VersionTable</name>
    <message>
        <source>empty string</source>
        <translation>cadena vacía</translation>
    </message>
    <message>
        <source>blob (1 byte)</source>
        <translation>blob (1 byte)</translation>
    </message>
    <message>
        <source>blob (%1 bytes)</source>
        <translation>blob (%1 bytes)</translation>
    </message>
    <message>
        <source>integer %1</source>
        <translation>entero %1</translation>
    </message>
    <message>
        <source>real %1</source>
        <translation>real %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Another program is writing to it; try again when it has finished.</source>
        <translation>No se puede leer %1: %2. Otro programa está escribiendo en la base de datos; vuelve a intentarlo cuando termine.</translation>
    </message>
    <message>
        <source>%1 is not a usable SQLite database: %2.</source>
        <translation>%1 no es una base de datos SQLite utilizable: %2.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. A program writing to it stopped in the middle of a transaction and left %3 behind; opening the database once with write access (for example with sqlite3) rolls that transaction back.</source>
        <translation>No se puede leer %1: %2. Un programa que escribía en la base de datos se detuvo a mitad de una transacción y dejó %3; abrir la base de datos una vez con permiso de escritura (por ejemplo, con sqlite3) deshace esa transacción.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>No se puede leer %1: %2.</translation>
    </message>
    <message>
        <source>The table %1 in %2 has no version_num column, so it is not an Alembic version table.</source>
        <translation>La tabla %1 de %2 no tiene columna version_num, así que no es una tabla de versiones de Alembic.</translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation>La base de datos %1 no existe.</translation>
    </message>
    <message>
        <source>%1 is a directory; give the path of the SQLite database file.</source>
        <translation>%1 es un directorio; indica la ruta del archivo de base de datos SQLite.</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 no es un archivo regular.</translation>
    </message>
    <message>
        <source>Cannot read %1: permission denied.</source>
        <translation>No se puede leer %1: permiso denegado.</translation>
    </message>
</context>
<context>
    <name>retort::ui::BackupListModel</name>
    <message>
        <source>Taken</source>
        <translation>Creada</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
</context>
<context>
    <name>retort::ui::BackupsDialog</name>
    <message>
        <source>Backups are looked for in %1 and beside the database.</source>
        <translation>Las copias de seguridad se buscan en %1 y junto a la base de datos.</translation>
    </message>
    <message>
        <source>Backups are looked for beside the database.</source>
        <translation>Las copias de seguridad se buscan junto a la base de datos.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Backing up %1…</source>
        <translation>Creando una copia de seguridad de %1…</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Copia de seguridad creada: %1</translation>
    </message>
    <message>
        <source>Put %1 back into %2? Its current content is replaced; it is backed up first, so this can be undone.</source>
        <translation>¿Restaurar %1 en %2? Su contenido actual se sustituye; antes se hace una copia de seguridad, así que se puede deshacer.</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>Restaurando %1…</translation>
    </message>
    <message>
        <source>Restoring %1 from %2.</source>
        <translation>Restaurando %1 a partir de %2.</translation>
    </message>
    <message>
        <source>Restored %1 from %2.</source>
        <translation>Se restauró %1 a partir de %2.</translation>
    </message>
    <message>
        <source>The database as it was before the restore: %1</source>
        <translation>La base de datos tal como estaba antes de restaurar: %1</translation>
    </message>
    <message>
        <source>Integrity check: %1</source>
        <translation>Comprobación de integridad: %1</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Backups of %1</source>
        <translation>Copias de seguridad de %1</translation>
    </message>
    <message>
        <source>&amp;Back Up Now</source>
        <translation>&amp;Crear copia ahora</translation>
    </message>
    <message>
        <source>Copy the database as it is now (SQLite&apos;s online backup)</source>
        <translation>Copiar la base de datos tal como está ahora (copia en caliente de SQLite)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurar…</translation>
    </message>
    <message>
        <source>Put the selected backup back into the database</source>
        <translation>Restaurar la copia seleccionada en la base de datos</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Keep the Database</source>
        <translation>Conservar la base de datos</translation>
    </message>
</context>
<context>
    <name>retort::ui::DemoProject</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>No se puede crear la carpeta %1.</translation>
    </message>
    <message>
        <source>Cannot copy the demo project to %1.</source>
        <translation>No se puede copiar el proyecto de demostración a %1.</translation>
    </message>
    <message>
        <source>The demo project is missing from this build of Retort.</source>
        <translation>Esta compilación de Retort no incluye el proyecto de demostración.</translation>
    </message>
    <message>
        <source>Cannot remove the old demo project in %1.</source>
        <translation>No se puede eliminar el proyecto de demostración anterior en %1.</translation>
    </message>
</context>
<context>
    <name>retort::ui::DifferencesModel</name>
    <message>
        <source>table %1</source>
        <translation>tabla %1</translation>
    </message>
    <message>
        <source>column %1.%2</source>
        <translation>columna %1.%2</translation>
    </message>
    <message>
        <source>index %1</source>
        <translation>índice %1</translation>
    </message>
    <message>
        <source>unique %1 of %2</source>
        <translation>restricción única %1 de %2</translation>
    </message>
    <message>
        <source>foreign key of %1</source>
        <translation>clave foránea de %1</translation>
    </message>
    <message>
        <source>view %1</source>
        <translation>vista %1</translation>
    </message>
    <message>
        <source>trigger %1</source>
        <translation>disparador %1</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>not expected</source>
        <translation>no esperado</translation>
    </message>
    <message>
        <source>different</source>
        <translation>distinto</translation>
    </message>
    <message>
        <source>made by %1</source>
        <translation>creado por %1</translation>
    </message>
    <message>
        <source>made by %1 (pending)</source>
        <translation>creado por %1 (pendiente)</translation>
    </message>
    <message>
        <source>removed by %1</source>
        <translation>eliminado por %1</translation>
    </message>
    <message>
        <source>no migration</source>
        <translation>ninguna migración</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>In the database</source>
        <translation>En la base de datos</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>Migración</translation>
    </message>
</context>
<context>
    <name>retort::ui::DoctorPanel</name>
    <message>
        <source>the empty schema (before the first migration)</source>
        <translation>el esquema vacío (antes de la primera migración)</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacía)</translation>
    </message>
    <message>
        <source>(not examined)</source>
        <translation>(sin examinar)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>The doctor compares a database with its migration scripts, and no scripts were found: %1</source>
        <translation>El diagnóstico compara una base de datos con sus scripts de migración, y no se encontró ningún script: %1</translation>
    </message>
    <message>
        <source>No database is open. Open one to diagnose it.</source>
        <translation>No hay ninguna base de datos abierta. Abre una para diagnosticarla.</translation>
    </message>
    <message>
        <source>Diagnosing %1…</source>
        <translation>Diagnosticando %1…</translation>
    </message>
    <message>
        <source>Doctor: %1</source>
        <translation>Diagnóstico: %1</translation>
    </message>
    <message>
        <source>Doctor: no problems found in %1 (%2 ms).</source>
        <translation>Diagnóstico: no se encontraron problemas en %1 (%2 ms).</translation>
    </message>
    <message>
        <source>Open a project and its database to diagnose them.</source>
        <translation>Abre un proyecto y su base de datos para diagnosticarlos.</translation>
    </message>
    <message>
        <source>The version table (%1), the schema and SQLite&apos;s own checks agree with the migration scripts.</source>
        <translation>La tabla de versiones (%1), el esquema y las comprobaciones propias de SQLite concuerdan con los scripts de migración.</translation>
    </message>
    <message>
        <source>Doctor — %1</source>
        <translation>Diagnóstico — %1</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>no version table</source>
        <translation>sin tabla de versiones</translation>
    </message>
    <message>
        <source>version table: %1</source>
        <translation>tabla de versiones: %1</translation>
    </message>
    <message>
        <source>No problems found  ·  %1  ·  diagnosed in %2 ms.</source>
        <translation>No se encontraron problemas  ·  %1  ·  diagnosticado en %2 ms.</translation>
    </message>
    <message>
        <source>Findings: %1  ·  %2  ·  diagnosed in %3 ms. Select one to see its evidence and the repair Retort proposes.</source>
        <translation>Hallazgos: %1  ·  %2  ·  diagnosticado en %3 ms. Selecciona uno para ver sus pruebas y la reparación que propone Retort.</translation>
    </message>
    <message>
        <source>Version table rows concerned: %1</source>
        <translation>Filas de la tabla de versiones afectadas: %1</translation>
    </message>
    <message>
        <source>Revisions concerned: %1</source>
        <translation>Revisiones afectadas: %1</translation>
    </message>
    <message>
        <source>The expected schema involved is a best effort: a revision on the way could not be translated to SQL.</source>
        <translation>El esquema esperado es aproximado: una revisión del camino no se pudo traducir a SQL.</translation>
    </message>
    <message>
        <source>Retort has no automatic repair for this finding; the explanation above says what to do.</source>
        <translation>Retort no tiene una reparación automática para este hallazgo; la explicación de arriba indica qué hacer.</translation>
    </message>
    <message>
        <source>This repair drops a table or a column that may hold data.</source>
        <translation>Esta reparación elimina una tabla o una columna que puede contener datos.</translation>
    </message>
    <message>
        <source>Nothing is written until you confirm. Then a backup of %1 is written to %2 first, and the statements run in one transaction.</source>
        <translation>No se escribe nada hasta que confirmes. Entonces primero se guarda una copia de seguridad de %1 en %2, y las sentencias se ejecutan en una sola transacción.</translation>
    </message>
    <message>
        <source>Planning the repair on a copy of the schema…</source>
        <translation>Planificando la reparación sobre una copia del esquema…</translation>
    </message>
    <message>
        <source>Doctor: no repair planned: %1</source>
        <translation>Diagnóstico: no se planificó ninguna reparación: %1</translation>
    </message>
    <message>
        <source>Repair all: the plan</source>
        <translation>Reparar todo: el plan</translation>
    </message>
    <message>
        <source>Repair %1: the plan</source>
        <translation>Reparar %1: el plan</translation>
    </message>
    <message>
        <source>This plan drops a table or a column that may hold data. The backup keeps it.</source>
        <translation>Este plan elimina una tabla o una columna que puede contener datos. La copia de seguridad los conserva.</translation>
    </message>
    <message>
        <source>Version table afterwards: %1 → %2</source>
        <translation>Tabla de versiones después: %1 → %2</translation>
    </message>
    <message>
        <source>Expected afterwards: no findings.</source>
        <translation>Previsto después: ningún hallazgo.</translation>
    </message>
    <message>
        <source>Expected afterwards, still: %1</source>
        <translation>Previsto después, todavía: %1</translation>
    </message>
    <message>
        <source>Backing up %1 and repairing it…</source>
        <translation>Guardando una copia de seguridad de %1 y reparándola…</translation>
    </message>
    <message>
        <source>Doctor: the repair of %1 failed: %2</source>
        <translation>Diagnóstico: la reparación de %1 falló: %2</translation>
    </message>
    <message>
        <source>The repair did not run: %1</source>
        <translation>La reparación no se ejecutó: %1</translation>
    </message>
    <message>
        <source>Repaired: %1 is healthy now.</source>
        <translation>Reparada: %1 ya está sana.</translation>
    </message>
    <message>
        <source>Repaired, but findings remain: %1.</source>
        <translation>Reparada, pero quedan hallazgos: %1.</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <source>Version table</source>
        <translation>Tabla de versiones</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <source>Integrity check</source>
        <translation>Comprobación de integridad</translation>
    </message>
    <message>
        <source>No backup was taken.</source>
        <translation>No se hizo copia de seguridad.</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Copia de seguridad: %1</translation>
    </message>
    <message>
        <source>Statements run</source>
        <translation>Sentencias ejecutadas</translation>
    </message>
    <message>
        <source>Statements planned</source>
        <translation>Sentencias planificadas</translation>
    </message>
    <message>
        <source>Doctor — Retort</source>
        <translation>Diagnóstico — Retort</translation>
    </message>
    <message>
        <source>&amp;Diagnose Again</source>
        <translation>&amp;Diagnosticar de nuevo</translation>
    </message>
    <message>
        <source>Read the database and the scripts again and diagnose them</source>
        <translation>Volver a leer la base de datos y los scripts y diagnosticarlos</translation>
    </message>
    <message>
        <source>Repair &amp;All…</source>
        <translation>Reparar &amp;todo…</translation>
    </message>
    <message>
        <source>Plan the repair of every finding that has one; nothing is written until you confirm</source>
        <translation>Planificar la reparación de todos los hallazgos que la tengan; no se escribe nada hasta que confirmes</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>✓  No problems found</source>
        <translation>✓  No se encontraron problemas</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Pruebas</translation>
    </message>
    <message>
        <source>Proposed repair</source>
        <translation>Reparación propuesta</translation>
    </message>
    <message>
        <source>&amp;Repair…</source>
        <translation>&amp;Reparar…</translation>
    </message>
    <message>
        <source>Plan this repair and show it; nothing is written until you confirm</source>
        <translation>Planificar esta reparación y mostrarla; no se escribe nada hasta que confirmes</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Apply Repair</source>
        <translation>&amp;Aplicar reparación</translation>
    </message>
    <message>
        <source>Back to the Findings</source>
        <translation>Volver a los hallazgos</translation>
    </message>
    <message>
        <source>Doctor: no findings in %1 (%2 ms).</source>
        <translation>Diagnóstico: sin hallazgos en %1 (%2 ms).</translation>
    </message>
    <message>
        <source>Doctor: findings in %1: %2 (%3 ms).</source>
        <translation>Diagnóstico: hallazgos en %1: %2 (%3 ms).</translation>
    </message>
    <message>
        <source>Confirming backs up %1 to %2, then runs the statements below in one transaction: if one fails, nothing is changed. Then SQLite&apos;s integrity is checked, the database is diagnosed again, and the repair is written to the audit log.</source>
        <translation>Al confirmar se guarda una copia de seguridad de %1 en %2 y luego se ejecutan las sentencias de abajo en una sola transacción: si una falla, no se cambia nada. Después se comprueba la integridad de SQLite, se vuelve a diagnosticar la base de datos y la reparación se anota en el registro de auditoría.</translation>
    </message>
    <message numerus="yes">
        <source>Doctor: repaired %1 (%2) in one transaction (statements: %n), backup %3; findings afterwards: %4.</source>
        <translation>
            <numerusform>Diagnóstico: %1 reparada (%2) en una transacción (%n sentencia), copia de seguridad %3; hallazgos después: %4.</numerusform>
            <numerusform>Diagnóstico: %1 reparada (%2) en una transacción (%n sentencias), copia de seguridad %3; hallazgos después: %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>retort::ui::FindingsModel</name>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>aviso</translation>
    </message>
    <message>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
</context>
<context>
    <name>retort::ui::GuiLauncher</name>
    <message>
        <source>retort gui: no revision &apos;%1&apos; to select</source>
        <translation>retort gui: no hay ninguna revisión &apos;%1&apos; que seleccionar</translation>
    </message>
    <message>
        <source>retort gui: cannot write %1</source>
        <translation>retort gui: no se puede escribir %1</translation>
    </message>
</context>
<context>
    <name>retort::ui::HistoryModel</name>
    <message>
        <source>Graph</source>
        <translation>Grafo</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
</context>
<context>
    <name>retort::ui::HistoryView</name>
    <message>
        <source>Filter by revision, message or label</source>
        <translation>Filtrar por revisión, mensaje o etiqueta</translation>
    </message>
    <message>
        <source>Enter: next match · Shift+Enter: previous match · Esc: clear the filter</source>
        <translation>Enter: siguiente coincidencia · Shift+Enter: coincidencia anterior · Esc: borrar el filtro</translation>
    </message>
    <message>
        <source>Only matching</source>
        <translation>Solo coincidencias</translation>
    </message>
    <message>
        <source>Hide the revisions that do not match (the graph then shows only the revisions, without lines)</source>
        <translation>Oculta las revisiones que no coinciden (el grafo muestra entonces solo las revisiones, sin líneas)</translation>
    </message>
    <message>
        <source>Copy Revision ID</source>
        <translation>Copiar ID de revisión</translation>
    </message>
    <message>
        <source>Open Revision File</source>
        <translation>Abrir archivo de revisión</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Upgrade to Here…</source>
        <translation>Actualizar hasta aquí…</translation>
    </message>
    <message>
        <source>Plan an upgrade of the database up to this revision</source>
        <translation>Planificar una actualización de la base de datos hasta esta revisión</translation>
    </message>
    <message>
        <source>Downgrade to Here…</source>
        <translation>Revertir hasta aquí…</translation>
    </message>
    <message>
        <source>Plan a downgrade of the database to this revision (the later ones are undone)</source>
        <translation>Planificar una reversión de la base de datos hasta esta revisión (se deshacen las posteriores)</translation>
    </message>
    <message>
        <source>Stamp Here…</source>
        <translation>Sellar aquí…</translation>
    </message>
    <message>
        <source>Plan setting the version table to this revision without running migrations</source>
        <translation>Planificar fijar la tabla de versiones en esta revisión sin ejecutar migraciones</translation>
    </message>
</context>
<context>
    <name>retort::ui::IntegrityChecker</name>
    <message>
        <source>Checking the integrity of %1.</source>
        <translation>Comprobando la integridad de %1.</translation>
    </message>
    <message>
        <source>Checking the integrity of %1…</source>
        <translation>Comprobando la integridad de %1…</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(y %n más)</numerusform>
            <numerusform>(y %n más)</numerusform>
        </translation>
    </message>
    <message>
        <source>Check &amp;Integrity</source>
        <translation>Comprobar &amp;integridad</translation>
    </message>
    <message>
        <source>Run SQLite&apos;s integrity and foreign key checks on the database (read-only)</source>
        <translation>Ejecutar las comprobaciones de integridad y de claves foráneas de SQLite sobre la base de datos (solo lectura)</translation>
    </message>
</context>
<context>
    <name>retort::ui::LabelsDelegate</name>
    <message>
        <source>current</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>head</source>
        <translation>cabeza</translation>
    </message>
</context>
<context>
    <name>retort::ui::MainWindow</name>
    <message>
        <source>Refreshing.</source>
        <translation>Recargando.</translation>
    </message>
    <message>
        <source>About Retort</source>
        <translation>Acerca de Retort</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;Inspect and migrate SQLite databases managed by Alembic. Revision files are read, never executed.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Retort %1&lt;/h3&gt;&lt;p&gt;Inspecciona y migra bases de datos SQLite gestionadas por Alembic. Los archivos de revisión se leen, nunca se ejecutan.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>&amp;Migrar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Open &amp;Database…</source>
        <translation>Abrir &amp;base de datos…</translation>
    </message>
    <message>
        <source>Open Database</source>
        <translation>Abrir base de datos</translation>
    </message>
    <message>
        <source>Open an SQLite database (the scripts are looked for beside it, or the open project&apos;s are used)</source>
        <translation>Abre una base de datos SQLite (los scripts se buscan junto a ella, o se usan los del proyecto abierto)</translation>
    </message>
    <message>
        <source>Open &amp;Project…</source>
        <translation>Abrir &amp;proyecto…</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>Open a project&apos;s alembic.ini</source>
        <translation>Abre el alembic.ini de un proyecto</translation>
    </message>
    <message>
        <source>Open Project &amp;Folder…</source>
        <translation>Abrir &amp;carpeta de proyecto…</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>Abrir proyecto de &amp;demostración</translation>
    </message>
    <message>
        <source>&amp;Reset Demo Project</source>
        <translation>Res&amp;tablecer proyecto de demostración</translation>
    </message>
    <message>
        <source>Replace the demo project with a fresh copy</source>
        <translation>Sustituye el proyecto de demostración por una copia nueva</translation>
    </message>
    <message>
        <source>&amp;Clear List</source>
        <translation>&amp;Vaciar lista</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Ajustes…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Recargar</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Read the database and the revision files again (F5)</source>
        <translation>Vuelve a leer la base de datos y los archivos de revisión (F5)</translation>
    </message>
    <message>
        <source>&amp;Filter History</source>
        <translation>&amp;Filtrar historial</translation>
    </message>
    <message>
        <source>Upgrade</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>&amp;Downgrade…</source>
        <translation>&amp;Revertir…</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>&amp;Stamp…</source>
        <translation>&amp;Sellar…</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Sellar</translation>
    </message>
    <message>
        <source>D&amp;octor</source>
        <translation>&amp;Diagnóstico</translation>
    </message>
    <message>
        <source>Doctor</source>
        <translation>Diagnóstico</translation>
    </message>
    <message>
        <source>&amp;About Retort</source>
        <translation>&amp;Acerca de Retort</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>Open Database…</source>
        <translation>Abrir base de datos…</translation>
    </message>
    <message>
        <source>Open Project…</source>
        <translation>Abrir proyecto…</translation>
    </message>
    <message>
        <source>Show Problems</source>
        <translation>Mostrar problemas</translation>
    </message>
    <message>
        <source>Pending Migrations</source>
        <translation>Migraciones pendientes</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problemas</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Problemas (%1)</translation>
    </message>
    <message>
        <source>No recent projects</source>
        <translation>No hay proyectos recientes</translation>
    </message>
    <message>
        <source>Retort</source>
        <translation>Retort</translation>
    </message>
    <message>
        <source>%1 — Retort</source>
        <translation>%1 — Retort</translation>
    </message>
    <message>
        <source>Watching for changes · loaded in %1 ms</source>
        <translation>Vigilando cambios · cargado en %1 ms</translation>
    </message>
    <message>
        <source>No Alembic project found: %1</source>
        <translation>No se encontró ningún proyecto de Alembic: %1</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(y %n más)</numerusform>
            <numerusform>(y %n más)</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo project was reset to its original state.</source>
        <translation>Se restableció el proyecto de demostración a su estado original.</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>Bases de datos SQLite (*.db *.sqlite *.sqlite3);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Alembic configuration (alembic.ini *.ini);;All files (*)</source>
        <translation>Configuración de Alembic (alembic.ini *.ini);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation>Abrir carpeta de proyecto</translation>
    </message>
    <message>
        <source>Revisions: %1</source>
        <translation>Revisiones: %1</translation>
    </message>
    <message>
        <source>Heads: %1</source>
        <translation>Cabezas: %1</translation>
    </message>
    <message>
        <source>Pending: %1</source>
        <translation>Pendientes: %1</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Copias de seguridad…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Plan an upgrade of the database to the heads: the steps, their SQL, the backup</source>
        <translation>Planificar una actualización de la base de datos hasta las cabezas: los pasos, su SQL, la copia de seguridad</translation>
    </message>
    <message>
        <source>Plan a downgrade of the database (one revision down unless you choose another target)</source>
        <translation>Planificar una reversión de la base de datos (una revisión atrás, salvo que elija otro destino)</translation>
    </message>
    <message>
        <source>Plan setting the version table without running migrations</source>
        <translation>Planificar fijar la tabla de versiones sin ejecutar migraciones</translation>
    </message>
    <message>
        <source>List, take and restore backups of the database</source>
        <translation>Ver, crear y restaurar copias de seguridad de la base de datos</translation>
    </message>
    <message>
        <source>Diagnose the database against its migration scripts and repair what can be repaired</source>
        <translation>Diagnosticar la base de datos frente a sus scripts de migración y reparar lo que se pueda reparar</translation>
    </message>
    <message>
        <source>Schema</source>
        <translation>Esquema</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Upgrade to Heads…</source>
        <translation>&amp;Actualizar hasta las cabezas…</translation>
    </message>
</context>
<context>
    <name>retort::ui::PendingModel</name>
    <message>
        <source>not available</source>
        <translation>no disponible</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>%1 (%2 can lose data)</source>
        <translation>%1 (%2 con posible pérdida de datos)</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Sentencias</translation>
    </message>
</context>
<context>
    <name>retort::ui::PendingView</name>
    <message>
        <source>This migration runs no SQL.</source>
        <translation>Esta migración no ejecuta SQL.</translation>
    </message>
    <message>
        <source>Open a project to see its pending migrations.</source>
        <translation>Abre un proyecto para ver sus migraciones pendientes.</translation>
    </message>
    <message>
        <source>The database is up to date: there is nothing to upgrade.</source>
        <translation>La base de datos está al día: no hay nada que actualizar.</translation>
    </message>
    <message>
        <source>The version table does not match the scripts, so Retort cannot tell what an upgrade would run. See Problems.</source>
        <translation>La tabla de versiones no coincide con los scripts, así que Retort no puede saber qué ejecutaría una actualización. Consulta Problemas.</translation>
    </message>
    <message>
        <source>The database could not be read, so nothing can be planned.</source>
        <translation>No se pudo leer la base de datos, así que no se puede planificar nada.</translation>
    </message>
    <message>
        <source>Statements that can lose data are highlighted: %1.</source>
        <translation>Se resaltan las sentencias que pueden perder datos: %1.</translation>
    </message>
    <message>
        <source>An upgrade to the heads runs the migrations below, in this order.</source>
        <translation>Una actualización a las cabezas ejecuta las migraciones siguientes, en este orden.</translation>
    </message>
    <message>
        <source>The database has no version table: an upgrade would run every migration (%1), starting from an empty history.</source>
        <translation>La base de datos no tiene tabla de versiones: una actualización ejecutaría todas las migraciones (%1), partiendo de un historial vacío.</translation>
    </message>
</context>
<context>
    <name>retort::ui::PlanDialog</name>
    <message>
        <source>Stop requested: the run ends once the current step is done.</source>
        <translation>Detención solicitada: la ejecución termina cuando acabe el paso actual.</translation>
    </message>
    <message>
        <source>No project is open.</source>
        <translation>No hay ningún proyecto abierto.</translation>
    </message>
    <message>
        <source>(no revision)</source>
        <translation>(sin revisión)</translation>
    </message>
    <message>
        <source>Nothing to do: the database is already at %1.</source>
        <translation>Nada que hacer: la base de datos ya está en %1.</translation>
    </message>
    <message>
        <source>No migration runs; only the version table changes, from %1 to %2.</source>
        <translation>No se ejecuta ninguna migración; solo cambia la tabla de versiones, de %1 a %2.</translation>
    </message>
    <message>
        <source>Steps: %1, from %2 to %3, each in a transaction of its own.</source>
        <translation>Pasos: %1, de %2 a %3, cada uno en su propia transacción.</translation>
    </message>
    <message>
        <source>Alembic is rendering the revisions the built-in translator cannot read, running their Python in a separate process…</source>
        <translation>Alembic está generando el SQL de las revisiones que el traductor integrado no puede leer, ejecutando su Python en un proceso aparte…</translation>
    </message>
    <message>
        <source>This plan cannot be made: %1</source>
        <translation>No se puede elaborar este plan: %1</translation>
    </message>
    <message>
        <source>Nothing can run: steps of this plan that cannot be applied: %1. Retort reads revision files without running them; these need the Alembic renderer (the Python interpreter in Settings).</source>
        <translation>No se puede ejecutar nada: pasos de este plan que no se pueden aplicar: %1. Retort lee los archivos de revisión sin ejecutarlos; estos necesitan el generador de SQL de Alembic (el intérprete de Python de la configuración).</translation>
    </message>
    <message>
        <source>Step %1 will probably fail, as it does on a copy of the database&apos;s schema: %2</source>
        <translation>Es probable que el paso %1 falle, como ocurre en una copia del esquema de la base de datos: %2</translation>
    </message>
    <message>
        <source>Statements that can lose data (dropped tables or columns): %1. They are highlighted in the SQL.</source>
        <translation>Sentencias que pueden perder datos (tablas o columnas eliminadas): %1. Están resaltadas en el SQL.</translation>
    </message>
    <message>
        <source>No backup will be made: only a downgrade or your own copy can undo the changes.</source>
        <translation>No se hará copia de seguridad: solo una reversión o una copia propia pueden deshacer los cambios.</translation>
    </message>
    <message>
        <source>A copy of %1 is written to %2 before the first change (name.date_time.bak).</source>
        <translation>Antes del primer cambio se escribe una copia de %1 en %2 (nombre.fecha_hora.bak).</translation>
    </message>
    <message>
        <source>Waiting for Alembic to render the plan.</source>
        <translation>Esperando a que Alembic genere el SQL del plan.</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>Nada que hacer.</translation>
    </message>
    <message>
        <source>Stop the run first; it ends after the current step.</source>
        <translation>Detenga antes la ejecución; termina tras el paso actual.</translation>
    </message>
    <message>
        <source>SQL</source>
        <translation>SQL</translation>
    </message>
    <message>
        <source>SQL before any step</source>
        <translation>SQL antes de cualquier paso</translation>
    </message>
    <message>
        <source>SQL of step %1 (one transaction): %2</source>
        <translation>SQL del paso %1 (una transacción): %2</translation>
    </message>
    <message>
        <source>Not all of this step&apos;s SQL can be shown: %1</source>
        <translation>No se puede mostrar todo el SQL de este paso: %1</translation>
    </message>
    <message>
        <source>Statements that can lose data are highlighted: %1.</source>
        <translation>Se resaltan las sentencias que pueden perder datos: %1.</translation>
    </message>
    <message>
        <source>Rendered by Alembic: this revision&apos;s Python was run in a separate process to produce its SQL.</source>
        <translation>Generado por Alembic: el Python de esta revisión se ejecutó en un proceso aparte para obtener su SQL.</translation>
    </message>
    <message>
        <source>A stamp runs no migration: only the version table changes.</source>
        <translation>Sellar no ejecuta ninguna migración: solo cambia la tabla de versiones.</translation>
    </message>
    <message>
        <source>Upgrading %1 to %2 (steps: %3).</source>
        <translation>Actualizando %1 hasta %2 (pasos: %3).</translation>
    </message>
    <message>
        <source>Downgrading %1 to %2 (steps: %3).</source>
        <translation>Revirtiendo %1 hasta %2 (pasos: %3).</translation>
    </message>
    <message>
        <source>Stamping %1 with %2 (steps: %3).</source>
        <translation>Sellando %1 con %2 (pasos: %3).</translation>
    </message>
    <message>
        <source>No backup: turned off for this run.</source>
        <translation>Sin copia de seguridad: desactivada para esta ejecución.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Paso %1 de %2: %3</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation>Transcurrido: %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Deteniendo…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>Finished. Steps done: %1 of %2.</source>
        <translation>Terminado. Pasos completados: %1 de %2.</translation>
    </message>
    <message>
        <source>Stopped. Steps done: %1 of %2.</source>
        <translation>Detenido. Pasos completados: %1 de %2.</translation>
    </message>
    <message>
        <source>Failed. Steps done: %1 of %2.</source>
        <translation>Falló. Pasos completados: %1 de %2.</translation>
    </message>
    <message>
        <source>Preparing: checking the version table and backing up…</source>
        <translation>Preparando: comprobando la tabla de versiones y haciendo la copia de seguridad…</translation>
    </message>
    <message>
        <source>(stopping once this step is done)</source>
        <translation>(se detendrá al acabar este paso)</translation>
    </message>
    <message>
        <source>Upgrade done in %1. Steps applied: %2.</source>
        <translation>Actualización hecha en %1. Pasos aplicados: %2.</translation>
    </message>
    <message>
        <source>Downgrade done in %1. Steps applied: %2.</source>
        <translation>Reversión hecha en %1. Pasos aplicados: %2.</translation>
    </message>
    <message>
        <source>Stamp done in %1: no migration was run.</source>
        <translation>Sellado hecho en %1: no se ejecutó ninguna migración.</translation>
    </message>
    <message>
        <source>The database is now at: %1</source>
        <translation>La base de datos está ahora en: %1</translation>
    </message>
    <message>
        <source>Stopped, as asked. Steps done: %1 of %2.</source>
        <translation>Detenido, como se pidió. Pasos completados: %1 de %2.</translation>
    </message>
    <message>
        <source>The database is at: %1</source>
        <translation>La base de datos está en: %1</translation>
    </message>
    <message>
        <source>The database is at the last completed step: %1</source>
        <translation>La base de datos está en el último paso completado: %1</translation>
    </message>
    <message>
        <source>Integrity check: %1</source>
        <translation>Comprobación de integridad: %1</translation>
    </message>
    <message>
        <source>Foreign key violations: %1</source>
        <translation>Violaciones de clave foránea: %1</translation>
    </message>
    <message>
        <source>Backup: %1</source>
        <translation>Copia de seguridad: %1</translation>
    </message>
    <message>
        <source>No backup was made (turned off).</source>
        <translation>No se hizo copia de seguridad (desactivada).</translation>
    </message>
    <message>
        <source>Done: the database is now at %1.</source>
        <translation>Hecho: la base de datos está ahora en %1.</translation>
    </message>
    <message>
        <source>Stopped. Steps done: %1 of %2; the database is at %3.</source>
        <translation>Detenido. Pasos completados: %1 de %2; la base de datos está en %3.</translation>
    </message>
    <message>
        <source>Foreign key violation: %1</source>
        <translation>Violación de clave foránea: %1</translation>
    </message>
    <message>
        <source>Upgrade Plan</source>
        <translation>Plan de actualización</translation>
    </message>
    <message>
        <source>Upgrade %1</source>
        <translation>Actualizar %1</translation>
    </message>
    <message>
        <source>&amp;Upgrade</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Downgrade Plan</source>
        <translation>Plan de reversión</translation>
    </message>
    <message>
        <source>Downgrade %1</source>
        <translation>Revertir %1</translation>
    </message>
    <message>
        <source>&amp;Downgrade</source>
        <translation>&amp;Revertir</translation>
    </message>
    <message>
        <source>Stamp Plan</source>
        <translation>Plan de sellado</translation>
    </message>
    <message>
        <source>Stamp %1</source>
        <translation>Sellar %1</translation>
    </message>
    <message>
        <source>&amp;Stamp</source>
        <translation>&amp;Sellar</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Base de datos: %1</translation>
    </message>
    <message>
        <source>Now at: %1</source>
        <translation>Ahora en: %1</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Destino:</translation>
    </message>
    <message>
        <source>A revision id or prefix, a branch label, head, heads, base, or a relative step such as -1 or +2, as Alembic takes them</source>
        <translation>Un id de revisión o un prefijo, una etiqueta de rama, head, heads, base o un paso relativo como -1 o +2, tal como los acepta Alembic</translation>
    </message>
    <message>
        <source>&amp;Purge: empty the version table first</source>
        <translation>&amp;Purgar: vaciar antes la tabla de versiones</translation>
    </message>
    <message>
        <source>As alembic stamp --purge: rows that name unknown revisions do not stand in the way</source>
        <translation>Como alembic stamp --purge: las filas con revisiones desconocidas no estorban</translation>
    </message>
    <message>
        <source>&amp;Back up the database before changing it</source>
        <translation>&amp;Hacer una copia de seguridad de la base de datos antes de cambiarla</translation>
    </message>
    <message>
        <source>Stop once the step that is running is done (a step is never cut half way)</source>
        <translation>Detener cuando acabe el paso en curso (un paso nunca se interrumpe a medias)</translation>
    </message>
</context>
<context>
    <name>retort::ui::PlanStepsModel</name>
    <message>
        <source>Upgrade</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Downgrade</source>
        <translation>Revertir</translation>
    </message>
    <message>
        <source>Stamp</source>
        <translation>Sellar</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>failed, rolled back</source>
        <translation>falló, deshecho</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>no ejecutado</translation>
    </message>
    <message>
        <source>(base)</source>
        <translation>(base)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>cannot be applied</source>
        <translation>no se puede aplicar</translation>
    </message>
    <message>
        <source>%1 (not all shown)</source>
        <translation>%1 (no se muestran todas)</translation>
    </message>
    <message>
        <source>%1, rendered by Alembic</source>
        <translation>%1, generado por Alembic</translation>
    </message>
    <message>
        <source>%1 (%2 can lose data), rendered by Alembic</source>
        <translation>%1 (pueden perder datos: %2), generado por Alembic</translation>
    </message>
    <message>
        <source>%1 (%2 can lose data)</source>
        <translation>%1 (pueden perder datos: %2)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Paso</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Sentencias</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>retort::ui::ProblemsView</name>
    <message>
        <source>Configuration</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <source>Scripts</source>
        <translation>Scripts</translation>
    </message>
    <message>
        <source>Unknown revision</source>
        <translation>Revisión desconocida</translation>
    </message>
    <message>
        <source>Version table</source>
        <translation>Tabla de versiones</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>No se han encontrado problemas.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
</context>
<context>
    <name>retort::ui::ProjectSession</name>
    <message>
        <source>No database: open one with File → Open Database, or set sqlalchemy.url in alembic.ini.</source>
        <translation>No hay base de datos: abre una con Archivo → Abrir base de datos, o define sqlalchemy.url en alembic.ini.</translation>
    </message>
    <message>
        <source>Only SQLite databases are supported; sqlalchemy.url is &apos;%1&apos;. Open a database file with File → Open Database.</source>
        <translation>Solo se admiten bases de datos SQLite; sqlalchemy.url es &apos;%1&apos;. Abre un archivo de base de datos con Archivo → Abrir base de datos.</translation>
    </message>
    <message>
        <source>Files changed on disk; reloading.</source>
        <translation>Archivos modificados en disco; recargando.</translation>
    </message>
    <message>
        <source>Opened %1.</source>
        <translation>Se abrió %1.</translation>
    </message>
    <message>
        <source>Revisions read: %1 (in %2 ms).</source>
        <translation>Revisiones leídas: %1 (en %2 ms).</translation>
    </message>
</context>
<context>
    <name>retort::ui::RevisionDetails</name>
    <message>
        <source>current</source>
        <translation>actual</translation>
    </message>
    <message>
        <source>state unknown</source>
        <translation>estado desconocido</translation>
    </message>
    <message>
        <source>applied</source>
        <translation>aplicada</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <source>head</source>
        <translation>cabeza</translation>
    </message>
    <message>
        <source>(no message)</source>
        <translation>(sin mensaje)</translation>
    </message>
    <message>
        <source>none (a base revision)</source>
        <translation>ninguno (revisión base)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (ausente)</translation>
    </message>
    <message>
        <source>none (a head)</source>
        <translation>ninguno (es una cabeza)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>no indicada</translation>
    </message>
    <message>
        <source>Open the file with the default application</source>
        <translation>Abre el archivo con la aplicación predeterminada</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Línea %1: %2</translation>
    </message>
    <message>
        <source># Cannot read %1: %2</source>
        <translation># No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>This migration runs no SQL.</source>
        <translation>Esta migración no ejecuta SQL.</translation>
    </message>
    <message>
        <source>Select a revision in the history to see its details.</source>
        <translation>Selecciona una revisión en el historial para ver sus detalles.</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>Padres</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Hijos</translation>
    </message>
    <message>
        <source>Branch labels</source>
        <translation>Etiquetas de rama</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>Depende de</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Fecha de creación</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Upgrade SQL</source>
        <translation>SQL de actualización</translation>
    </message>
    <message>
        <source>Downgrade SQL</source>
        <translation>SQL de reversión</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Código fuente</translation>
    </message>
    <message>
        <source>Statements that can lose data are highlighted: %1.</source>
        <translation>Se resaltan las sentencias que pueden perder datos: %1.</translation>
    </message>
</context>
<context>
    <name>retort::ui::SchemaModel</name>
    <message>
        <source>table</source>
        <translation>tabla</translation>
    </message>
    <message>
        <source>unique</source>
        <translation>única</translation>
    </message>
    <message>
        <source>foreign key</source>
        <translation>clave foránea</translation>
    </message>
    <message>
        <source>unique index</source>
        <translation>índice único</translation>
    </message>
    <message>
        <source>index</source>
        <translation>índice</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vista</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>disparador</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>not expected</source>
        <translation>no esperado</translation>
    </message>
    <message>
        <source>different</source>
        <translation>distinto</translation>
    </message>
    <message>
        <source>Expected at the current revision, but not in the database.</source>
        <translation>Esperado en la revisión actual, pero no está en la base de datos.</translation>
    </message>
    <message>
        <source>In the database, but not in the schema expected at the current revision.</source>
        <translation>Está en la base de datos, pero no en el esquema esperado en la revisión actual.</translation>
    </message>
    <message>
        <source>Expected: %1
In the database: %2</source>
        <translation>Esperado: %1
En la base de datos: %2</translation>
    </message>
    <message>
        <source>Tables (%1)</source>
        <translation>Tablas (%1)</translation>
    </message>
    <message>
        <source>Views (%1)</source>
        <translation>Vistas (%1)</translation>
    </message>
    <message>
        <source>Triggers (%1)</source>
        <translation>Disparadores (%1)</translation>
    </message>
    <message>
        <source>Indexes (%1)</source>
        <translation>Índices (%1)</translation>
    </message>
    <message>
        <source>Foreign keys (%1)</source>
        <translation>Claves foráneas (%1)</translation>
    </message>
    <message>
        <source>Unique constraints (%1)</source>
        <translation>Restricciones únicas (%1)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Compared with expected</source>
        <translation>Comparado con lo esperado</translation>
    </message>
</context>
<context>
    <name>retort::ui::SchemaView</name>
    <message>
        <source>Without migration scripts there is no expected schema.</source>
        <translation>Sin scripts de migración no hay esquema esperado.</translation>
    </message>
    <message>
        <source>The database has no current revision, so no schema is expected of it yet.</source>
        <translation>La base de datos no tiene revisión actual, así que todavía no se espera ningún esquema de ella.</translation>
    </message>
    <message>
        <source>Open a database to see its schema.</source>
        <translation>Abre una base de datos para ver su esquema.</translation>
    </message>
    <message>
        <source>Computing the schema the migrations should have left…</source>
        <translation>Calculando el esquema que deberían haber dejado las migraciones…</translation>
    </message>
    <message>
        <source>Tables: %1  ·  Indexes: %2  ·  Views: %3  ·  Triggers: %4</source>
        <translation>Tablas: %1  ·  Índices: %2  ·  Vistas: %3  ·  Disparadores: %4</translation>
    </message>
    <message>
        <source>The schema is exactly the one expected at %1.</source>
        <translation>El esquema es exactamente el esperado en %1.</translation>
    </message>
    <message>
        <source>Differences from the schema expected at %1: %2. Missing objects are in red, unexpected ones in orange, different ones in purple.</source>
        <translation>Diferencias con el esquema esperado en %1: %2. Los objetos que faltan están en rojo, los no esperados en naranja y los distintos en morado.</translation>
    </message>
    <message>
        <source>The expected schema is a best effort: %1</source>
        <translation>El esquema esperado es aproximado: %1</translation>
    </message>
    <message>
        <source>Compare with the expected schema</source>
        <translation>Comparar con el esquema esperado</translation>
    </message>
    <message>
        <source>Compare the database with the schema its migrations should have left at the current revision</source>
        <translation>Comparar la base de datos con el esquema que sus migraciones deberían haber dejado en la revisión actual</translation>
    </message>
</context>
<context>
    <name>retort::ui::SessionLog</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>retort::ui::SettingsDialog</name>
    <message>
        <source>Backup Folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source>Python Interpreter</source>
        <translation>Intérprete de Python</translation>
    </message>
    <message>
        <source>Retort Settings</source>
        <translation>Ajustes de Retort</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Predeterminado del sistema</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>&amp;Backup folder:</source>
        <translation>Carpeta de &amp;copias de seguridad:</translation>
    </message>
    <message>
        <source>Every upgrade, downgrade, stamp or repair first copies the database here.</source>
        <translation>Cada actualización, reversión, sellado o reparación copia primero aquí la base de datos.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>&amp;Python interpreter:</source>
        <translation>Intérprete de &amp;Python:</translation>
    </message>
    <message>
        <source>Automatic: %1, the first that can import Alembic</source>
        <translation>Automático: %1, el primero que pueda importar Alembic</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>Used only by the optional Alembic renderer, for revisions the built-in translator cannot turn into SQL. Retort never runs a project&apos;s code to read or preview it. Leave it empty to let Retort choose; &quot;%1&quot; turns the renderer off.</source>
        <translation>Solo lo usa el generador opcional de SQL de Alembic, para las revisiones que el traductor integrado no puede convertir en SQL. Retort nunca ejecuta el código de un proyecto para leerlo ni para previsualizarlo. Déjalo vacío para que Retort elija; &quot;%1&quot; desactiva el generador.</translation>
    </message>
</context>
<context>
    <name>retort::ui::StatusHeader</name>
    <message>
        <source>nothing open</source>
        <translation>nada abierto</translation>
    </message>
    <message>
        <source>no migration scripts</source>
        <translation>sin scripts de migración</translation>
    </message>
    <message>
        <source>up to date</source>
        <translation>al día</translation>
    </message>
    <message numerus="yes">
        <source>%n pending</source>
        <translation>
            <numerusform>%n pendiente</numerusform>
            <numerusform>%n pendientes</numerusform>
        </translation>
    </message>
    <message>
        <source>not under Alembic</source>
        <translation>no gestionada por Alembic</translation>
    </message>
    <message>
        <source>The database has no %1 table.</source>
        <translation>La base de datos no tiene la tabla %1.</translation>
    </message>
    <message>
        <source>no database</source>
        <translation>sin base de datos</translation>
    </message>
    <message>
        <source>database unreadable</source>
        <translation>base de datos ilegible</translation>
    </message>
    <message>
        <source>unknown revision</source>
        <translation>revisión desconocida</translation>
    </message>
    <message>
        <source>The version table names a revision no script defines.</source>
        <translation>La tabla de versiones indica una revisión que ningún script define.</translation>
    </message>
    <message>
        <source>scripts have problems</source>
        <translation>los scripts tienen problemas</translation>
    </message>
    <message>
        <source>version table inconsistent</source>
        <translation>tabla de versiones inconsistente</translation>
    </message>
    <message>
        <source>The rows of the version table contradict each other.</source>
        <translation>Las filas de la tabla de versiones se contradicen entre sí.</translation>
    </message>
    <message>
        <source>multiple heads</source>
        <translation>varias cabezas</translation>
    </message>
    <message numerus="yes">
        <source>The scripts have %n heads; `upgrade head` is ambiguous.</source>
        <translation>
            <numerusform>Los scripts tienen %n cabeza; `upgrade head` es ambiguo.</numerusform>
            <numerusform>Los scripts tienen %n cabezas; `upgrade head` es ambiguo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Some revision files could not be used; see Problems.</source>
        <translation>Algunos archivos de revisión no se pudieron usar; consulta Problemas.</translation>
    </message>
    <message numerus="yes">
        <source>(+%n more)</source>
        <translation>
            <numerusform>(+%n más)</numerusform>
            <numerusform>(+%n más)</numerusform>
        </translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Ningún proyecto abierto</translation>
    </message>
    <message>
        <source>No database</source>
        <translation>Sin base de datos</translation>
    </message>
    <message>
        <source>SQLite %1</source>
        <translation>SQLite %1</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>no encontrado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <source>none (no version table)</source>
        <translation>ninguna (sin tabla de versiones)</translation>
    </message>
    <message>
        <source>none (empty version table)</source>
        <translation>ninguna (tabla de versiones vacía)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Current:</source>
        <translation>Actual:</translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation>Cabezas:</translation>
    </message>
    <message>
        <source>Project:</source>
        <translation>Proyecto:</translation>
    </message>
    <message>
        <source>The database is at the heads of the scripts.</source>
        <translation>La base de datos está en las cabezas de los scripts.</translation>
    </message>
    <message>
        <source>Migrations not applied yet: %1.</source>
        <translation>Migraciones aún sin aplicar: %1.</translation>
    </message>
    <message>
        <source>Click to open the Doctor.</source>
        <translation>Haz clic para abrir el diagnóstico.</translation>
    </message>
    <message>
        <source>Opens the Doctor.</source>
        <translation>Abre el diagnóstico.</translation>
    </message>
</context>
<context>
    <name>retort::ui::WriteActions</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
</context>
</TS>
