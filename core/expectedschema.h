#pragma once

#include "revisiongraph.h"
#include "schemasnapshot.h"
#include "sqltranslator.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace retort {

struct Project;

// The schema a revision should leave: what `upgrade <revision>` from an empty
// database builds.
struct RevisionSchema
{
    SchemaSnapshot snapshot;
    // Some revision on the way (this one or an ancestor) cannot be translated
    // to SQL, or its SQL fails on the schema replayed so far: the snapshot is
    // a best effort, not a reference.
    bool uncertain = false;
    int uncertainSource = -1; // the revision that made it so
    QString uncertainReason;  // translated: what about that revision
};

// Expected schemas for every revision of a project, computed by replaying the
// translated SQL of each revision from base on in-memory databases, in
// upgrade order: a revision with one parent starts from its parent's schema;
// a merge (or a revision with dependencies) starts from its richest parent and
// applies what `upgrade` would run from there. Each replay is read back as a
// SchemaSnapshot; unchanged tables are shared between snapshots.
//
// Value object: once computed it is immutable (apart from internal memos
// guarded by a mutex) and may be shared between threads.
class ExpectedSchemas
{
    Q_DECLARE_TR_FUNCTIONS(retort::ExpectedSchemas)

public:
    // Computes, or returns from a process-wide cache keyed on the revision
    // files' paths, sizes and modification times (any change recomputes).
    static std::shared_ptr<const ExpectedSchemas> forProject(const Project &project);
    // Always computes.
    static std::shared_ptr<const ExpectedSchemas> compute(const Project &project);
    // Empties the cache (tests, benchmarks).
    static void clearCache();

    // Empty when every revision was replayed (perhaps uncertainly); otherwise
    // why no expected schema exists at all (e.g. a cycle in the history).
    const QString &error() const { return m_error; }
    bool available() const { return m_error.isEmpty(); }

    const RevisionGraph &graph() const { return m_graph; }
    int size() const { return int(m_schemas.size()); }
    const RevisionSchema &at(int revision) const { return m_schemas[size_t(revision)]; }
    // The order revisions were replayed in: every revision after its parents
    // and dependencies.
    const QList<int> &upgradeOrder() const { return m_order; }
    int orderOf(int revision) const { return m_position.value(revision, -1); }
    const SchemaSnapshot &empty() const { return m_empty; }

    // The revision's upgrade() as the translator reads it.
    const Translation &translation(int revision) const { return m_translations[size_t(revision)]; }

    // The schema expected with these revisions current (one per branch, as
    // the version table's rows). No revision: the empty schema.
    struct State
    {
        SchemaSnapshot snapshot;
        bool uncertain = false;
        QString uncertainReason;
        QString error; // translated; the rows do not make a state (unknown revision, ...)
        explicit operator bool() const { return error.isEmpty(); }
    };
    State stateFor(const QList<int> &revisions) const;

    // Runs one revision's upgrade statement by statement on a database holding
    // `start`, with the schema after each statement: how far a half-applied
    // migration got.
    struct StatementReplay
    {
        QStringList statements;      // rendered, in order (up to the one that failed)
        QList<bool> destructive;     // per statement
        QList<SchemaSnapshot> after; // the schema after each statement that ran
        int failedStatement = -1;    // index in `statements` of the one that failed
        QString error;               // translated: untranslatable, or what failed
        explicit operator bool() const { return error.isEmpty(); }
    };
    StatementReplay replayStatements(int revision, const SchemaSnapshot &start) const;

    // Runs statements on a scratch database holding `start` and reads the
    // result; *error (translated) names the statement that failed.
    static SchemaSnapshot apply(const SchemaSnapshot &start, const QStringList &statements,
                                QString *error);

    double computeMilliseconds() const { return m_computeMs; }

private:
    ExpectedSchemas() = default;
    void computeAll(const Project &project);

    QString m_error;
    RevisionGraph m_graph;
    std::vector<RevisionSchema> m_schemas;
    std::vector<Translation> m_translations;
    QList<int> m_order;
    QHash<int, int> m_position;
    SchemaSnapshot m_empty;
    double m_computeMs = 0;

    mutable QMutex m_memoMutex;
    mutable QHash<QString, State> m_stateMemo;
};

} // namespace retort
