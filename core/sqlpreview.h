#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

struct Project;
class AlembicRenderer;

// The SQL a revision would run, for the previews of the GUI (details, pending
// view). Nothing is written: the statements are rendered against a scratch
// copy of the database's schema.
struct SqlPreview
{
    Q_DECLARE_TR_FUNCTIONS(retort::SqlPreview)

public:
    enum class Direction { Upgrade, Downgrade };

    bool available = false;
    QStringList statements;  // in execution order, without the trailing ';'
    QList<bool> destructive; // per statement: it can lose data (drops, deletes)
    QString reason;          // why there is no SQL, translated; empty when available
    bool renderedByAlembic = false; // the statements come from the Alembic renderer

    explicit operator bool() const { return available; }

    // A revision the translator cannot read is rendered by `renderer` when it is
    // given and available (this runs the user's Python: seconds, not
    // milliseconds; call it off the GUI thread).
    static SqlPreview forRevision(const Project &project, int revision, Direction direction,
                                  const AlembicRenderer *renderer = nullptr);
};

} // namespace retort
