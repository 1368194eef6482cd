#pragma once

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace retort::ui {

// Runs `work` on a thread of its own and hands its result to `done` on the
// thread of `context` (the GUI's), unless `context` is gone by then. Used
// for backups and restores, which copy a whole database file.
template <typename Result>
void runInBackground(QObject *context, std::function<Result()> work,
                     std::function<void(const Result &)> done)
{
    auto result = std::make_shared<Result>();
    QThread *thread = QThread::create([result, work = std::move(work)] { *result = work(); });
    QObject::connect(thread, &QThread::finished, context,
                     [result, done = std::move(done)] { done(*result); });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace retort::ui
