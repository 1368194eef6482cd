#pragma once

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <memory>

namespace retort::ui {

// Threads started by runInBackground that have not finished. Quitting waits
// for them: a backup or a restore is never cut off half way by the end of the
// process, and no thread is left running while the application's globals are
// destroyed. (A preview rendering that is still running is waited for too; the
// renderer's own timeout bounds it.)
inline QList<QPointer<QThread>> &runningBackgroundThreads()
{
    static QList<QPointer<QThread>> threads;
    static const bool waitsAtQuit = [] {
        if (QCoreApplication *app = QCoreApplication::instance())
            QObject::connect(app, &QCoreApplication::aboutToQuit, app, [] {
                for (const QPointer<QThread> &thread : std::as_const(threads))
                    if (thread)
                        thread->wait();
            });
        return true;
    }();
    Q_UNUSED(waitsAtQuit)
    return threads;
}

// Runs `work` on a thread of its own and hands its result to `done` on the
// thread of `context` (the GUI's), unless `context` is gone by then. Used
// for backups and restores, which copy a whole database file, and for plan
// previews that run the Alembic renderer.
template <typename Result>
void runInBackground(QObject *context, std::function<Result()> work,
                     std::function<void(const Result &)> done)
{
    auto result = std::make_shared<Result>();
    QThread *thread = QThread::create([result, work = std::move(work)] { *result = work(); });
    QList<QPointer<QThread>> &running = runningBackgroundThreads();
    running.removeAll(nullptr);
    running.append(thread);
    QObject::connect(thread, &QThread::finished, context,
                     [result, done = std::move(done)] { done(*result); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace retort::ui
