#pragma once

#include <QList>
#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace retort::ui {

// Runs long work of the core (a diagnosis, a repair, an integrity check, the
// expected schemas of a long history) off the GUI thread, one QThread per
// job, and hands each result back on the GUI thread with the job's id, so a
// caller can drop results it no longer wants (the project changed meanwhile).
//
// The work must only use what it captures by value: the runner is owned by
// the widget that asked, and when that widget goes the runner waits for the
// jobs still running and drops their results, so `done` never runs on a
// widget that is gone.
class JobRunner : public QObject
{
    Q_OBJECT

public:
    explicit JobRunner(QObject *parent = nullptr) : QObject(parent) {}
    ~JobRunner() override
    {
        for (QThread *thread : std::as_const(m_threads)) {
            thread->wait();
            delete thread;
        }
    }

    // Returns the job's id (> 0).
    template <typename Result>
    int run(std::function<Result()> work, std::function<void(int job, const Result &)> done)
    {
        const int job = m_nextJob++;
        auto result = std::make_shared<Result>();
        QThread *thread = QThread::create([result, work = std::move(work)] { *result = work(); });
        m_threads.append(thread);
        connect(thread, &QThread::finished, this,
                [this, thread, job, result, done = std::move(done)] {
                    m_threads.removeOne(thread);
                    thread->deleteLater();
                    done(job, *result);
                    if (m_threads.isEmpty())
                        emit idle();
                });
        thread->start();
        return job;
    }

    bool isBusy() const { return !m_threads.isEmpty(); }

signals:
    // The last job running has finished (after its `done` ran).
    void idle();

private:
    int m_nextJob = 1;
    QList<QThread *> m_threads;
};

} // namespace retort::ui
