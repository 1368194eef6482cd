#pragma once

#include "migrationops.h"

#include <QList>
#include <QString>

namespace retort {

// The result of reading one migration function.
struct Translation
{
    bool translatable = false;
    QString reason; // why not (translated), empty when translatable
    int line = 0;   // where the construct that stops the translation is (1-based)
    QList<MigrationOp> ops;

    explicit operator bool() const { return translatable; }
};

// Reads the `upgrade()` or `downgrade()` body of a revision file statically and
// turns its `op.*` calls into MigrationOps, without running any Python.
//
// The subset understood is what `alembic revision --autogenerate` writes, plus
// `op.execute` and `op.bulk_insert`: calls of `op.*` with `sa.*` (and `sqlite.*`,
// `sqlmodel.*`) constructs as arguments, simple assignments (`t = sa.table(...)`),
// `with op.batch_alter_table(...) as batch_op:` blocks, `pass`, docstrings and
// comments. Anything else — control flow, `op.get_bind()`, helper functions,
// unknown names or types, f-strings, operators — makes the revision not
// translatable, with the reason and its line; so does anything Alembic 1.8.1
// itself would refuse on SQLite (e.g. constraint changes outside a batch). A
// revision is never half translated: when `translatable` is false, `ops` is empty.
class SqlTranslator
{
public:
    enum class Direction
    {
        Upgrade,
        Downgrade
    };

    // `source` is the whole revision file.
    static Translation translate(const QString &source, Direction direction);
};

} // namespace retort
