#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

struct Project;

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

    explicit operator bool() const { return available; }

    static SqlPreview forRevision(const Project &project, int revision, Direction direction);
};

} // namespace retort
