#include "migrationrun.h"

#include "projectsession.h"
#include "stepsql.h"

#include <QThread>

namespace retort::ui {

MigrationRun::MigrationRun(std::shared_ptr<const SessionSnapshot> snapshot, MigrationPlan plan,
                           ExecutionOptions options, AlembicRenderer::Settings renderer,
                           QObject *parent)
    : QObject(parent), m_snapshot(std::move(snapshot)), m_plan(std::move(plan)),
      m_options(std::move(options)), m_renderer(std::move(renderer)),
      m_executor(std::make_unique<MigrationExecutor>())
{
    // Emitted on the worker thread, delivered here queued (in order).
    connect(m_executor.get(), &MigrationExecutor::started, this, &MigrationRun::started);
    connect(m_executor.get(), &MigrationExecutor::stepStarted, this, &MigrationRun::stepStarted);
    connect(m_executor.get(), &MigrationExecutor::stepFinished, this, &MigrationRun::stepFinished);
}

MigrationRun::~MigrationRun()
{
    if (m_thread) {
        m_executor->requestStop();
        m_thread->wait();
        delete m_thread;
    }
}

void MigrationRun::start()
{
    if (m_running || m_thread)
        return;
    m_running = true;
    m_clock.start();
    m_thread = QThread::create([this] {
        // The renderer reads the live schema through the executor's own
        // connection, which belongs to this thread; the Alembic renderer's
        // processes are started from here too.
        const AlembicRenderer renderer(m_renderer);
        const StepSql stepSql(m_snapshot->project, &renderer);
        m_report = m_executor->run(m_plan, m_snapshot->databasePath, m_options, stepSql.runner());
    });
    m_thread->setObjectName(QStringLiteral("retort-migration"));
    connect(m_thread, &QThread::finished, this, [this] {
        m_elapsed = m_clock.elapsed();
        m_running = false;
        emit finished(m_report);
    });
    m_thread->start();
}

void MigrationRun::requestStop()
{
    m_executor->requestStop();
}

bool MigrationRun::stopRequested() const
{
    return m_executor->stopRequested();
}

qint64 MigrationRun::elapsedMilliseconds() const
{
    return m_running ? m_clock.elapsed() : m_elapsed;
}

} // namespace retort::ui
