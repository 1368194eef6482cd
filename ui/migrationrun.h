#pragma once

#include "alembicrenderer.h"
#include "executor.h"
#include "migrationplan.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QThread;

namespace retort::ui {

struct SessionSnapshot;

// One upgrade, downgrade or stamp applied by the core's executor on a thread
// of its own, so the window stays responsive. The executor opens its own
// connection there; its signals arrive here queued, in order. A stop request
// is honoured between two steps.
class MigrationRun : public QObject
{
    Q_OBJECT

public:
    // The snapshot keeps the project (and so the step renderer's revisions)
    // alive for as long as the run needs them.
    // `renderer`: how revisions the translator cannot read are rendered.
    MigrationRun(std::shared_ptr<const SessionSnapshot> snapshot, MigrationPlan plan,
                 ExecutionOptions options, AlembicRenderer::Settings renderer,
                 QObject *parent = nullptr);
    // Waits for the thread: a run is never abandoned half way.
    ~MigrationRun() override;

    void start();
    void requestStop();
    bool isRunning() const { return m_running; }
    bool stopRequested() const;
    qint64 elapsedMilliseconds() const;

    // The executor itself: its signals are emitted on the run's thread.
    MigrationExecutor *executor() const { return m_executor.get(); }
    const MigrationPlan &plan() const { return m_plan; }
    const ExecutionReport &report() const { return m_report; }

signals:
    void started(int stepCount);
    void stepStarted(int index, int count, const QString &description);
    void stepFinished(int index, bool ok);
    // After the thread has ended.
    void finished(const retort::ExecutionReport &report);

private:
    std::shared_ptr<const SessionSnapshot> m_snapshot;
    MigrationPlan m_plan;
    ExecutionOptions m_options;
    AlembicRenderer::Settings m_renderer;
    std::unique_ptr<MigrationExecutor> m_executor;
    QThread *m_thread = nullptr;
    ExecutionReport m_report;
    QElapsedTimer m_clock;
    qint64 m_elapsed = 0;
    bool m_running = false;
};

} // namespace retort::ui
