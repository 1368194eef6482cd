#pragma once

#include "alembicrenderer.h"
#include "projectconfig.h"
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
#include <optional>
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
    // This revision's own SQL came from the Alembic renderer (the translator
    // cannot read it).
    bool renderedByAlembic = false;
};

// Expected schemas for every revision of a project, computed by replaying the
// translated SQL of each revision from base on in-memory databases, in
// upgrade order: a revision with one parent starts from its parent's schema;
// a merge (or a revision with dependencies) starts from its richest parent and
// applies what `upgrade` would run from there. Each replay is read back as a
// SchemaSnapshot; unchanged tables are shared between snapshots.
//
// A revision the translator cannot read is rendered by the Alembic renderer
// when one is given (from the schema replayed so far, as `upgrade` would
// render it); without one, or when it fails, the schemas from that revision on
// are uncertain.
//
// Value object: once computed it is immutable (apart from internal memos
// guarded by a mutex) and may be shared between threads.
class ExpectedSchemas
{
    Q_DECLARE_TR_FUNCTIONS(retort::ExpectedSchemas)

public:
    // Computes, or returns from a process-wide cache keyed on the revision
    // files' paths, sizes and modification times (any change recomputes) and
    // on the renderer's interpreter. `renderer` may be null (untranslatable
    // revisions make the schemas after them uncertain); it is copied.
    static std::shared_ptr<const ExpectedSchemas>
    forProject(const Project &project, const AlembicRenderer *renderer = nullptr);
    // Always computes.
    static std::shared_ptr<const ExpectedSchemas>
    compute(const Project &project, const AlembicRenderer *renderer = nullptr);
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

    // How many revisions were rendered by Alembic (each once per starting schema).
    int renderingCount() const;

private:
    ExpectedSchemas() = default;
    void computeAll(const Project &project);
    // The schema after one revision's upgrade on `state`; *failure (translated)
    // says why the result is not certain.
    SchemaSnapshot advance(const SchemaSnapshot &state, int revision, SchemaReader &reader,
                           QString *failure) const;
    // The Alembic renderer's upgrade SQL of an untranslatable revision on a
    // database holding `schema`, rendered once per (revision, schema).
    AlembicRenderer::Result renderUpgrade(int revision, const SchemaSnapshot &schema) const;
    // Why a revision has no SQL: untranslatable and not rendered (translated).
    QString whyNoSql(int revision, const AlembicRenderer::Result &rendering) const;

    QString m_error;
    RevisionGraph m_graph;
    std::vector<RevisionSchema> m_schemas;
    std::vector<Translation> m_translations;
    QList<int> m_order;
    QHash<int, int> m_position;
    SchemaSnapshot m_empty;
    double m_computeMs = 0;
    std::optional<AlembicRenderer> m_renderer;
    ProjectConfig m_config; // for the renderer: alembic.ini and the project's folder

    mutable QMutex m_memoMutex;
    mutable QHash<QString, State> m_stateMemo;
    mutable QHash<QByteArray, AlembicRenderer::Result> m_renderMemo;
};

} // namespace retort
