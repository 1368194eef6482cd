// Loads a generated 5000-revision Alembic project into the history model and
// paints the first screen offscreen, printing how long each part takes.
//
//   bench_graphmodel [--revisions N] [--runs N] [PROJECT_DIR]
//
// Without PROJECT_DIR the project is generated in a temporary folder with
// gen_alembic_history.py (needs /usr/bin/python3). Goal: model + first paint
// within 300 ms.

#include "historyfiltermodel.h"
#include "historymodel.h"
#include "historyview.h"
#include "mainwindow.h"
#include "languagemanager.h"
#include "projectsession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace retort;
using namespace retort::ui;

namespace {

void print(const QString &text)
{
    std::printf("%s\n", text.toLocal8Bit().constData());
    std::fflush(stdout);
}

double milliseconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"retort-bench"_s);

    int revisions = 5000;
    int runs = 3;
    QString directory;
    const QStringList args = QCoreApplication::arguments().mid(1);
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == u"--revisions"_s && i + 1 < args.size())
            revisions = args[++i].toInt();
        else if (args[i] == u"--runs"_s && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else
            directory = args[i];
    }

    QTemporaryDir temporary;
    if (directory.isEmpty()) {
        directory = temporary.path() + u"/project"_s;
        QElapsedTimer timer;
        timer.start();
        const int code = QProcess::execute(
            u"/usr/bin/python3"_s, {QStringLiteral(RETORT_GENERATOR), directory, u"--revisions"_s,
                                    QString::number(revisions)});
        if (code != 0) {
            print(u"cannot generate the project (gen_alembic_history.py exited with %1)"_s.arg(code));
            return 1;
        }
        print(u"generated %1 revisions in %2 ms (not measured below)"_s.arg(revisions).arg(
            timer.elapsed()));
    }

    ProjectSource source;
    source.workingDirectory = directory;

    double best[6] = {1e9, 1e9, 1e9, 1e9, 1e9, 1e9};
    int rows = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;

        timer.start();
        const ProjectConfig::Result config = ProjectConfig::discover(source.options());
        if (!config) {
            print(u"cannot open %1: %2"_s.arg(directory, config.error));
            return 1;
        }
        const Project project = Project::load(config.config);
        best[0] = std::min(best[0], milliseconds(timer));

        timer.restart();
        const QList<int> order = LaneLayout::historyOrder(project.graph);
        best[1] = std::min(best[1], milliseconds(timer));

        timer.restart();
        const LaneLayout lanes = LaneLayout::compute(project.graph, order);
        best[2] = std::min(best[2], milliseconds(timer));

        timer.restart();
        const auto snapshot = SessionSnapshot::load(source);
        const double snapshotMs = milliseconds(timer);
        Q_UNUSED(snapshotMs)

        // Into the graph model and on screen: what the window does after a load.
        HistoryView view;
        view.resize(1280, 800);
        view.show();
        QCoreApplication::processEvents();
        timer.restart();
        view.historyModel()->setSnapshot(snapshot);
        best[3] = std::min(best[3], milliseconds(timer));

        timer.restart();
        view.setSnapshot(snapshot); // model reset, column widths, selection
        QCoreApplication::processEvents();
        const QPixmap first = view.grab();
        best[4] = std::min(best[4], milliseconds(timer));
        rows = view.historyModel()->rowCount();

        // Scrolling: paint a screen in the middle of the history.
        timer.restart();
        view.treeView()->scrollTo(view.filterModel()->index(rows / 2, 0),
                                  QAbstractItemView::PositionAtCenter);
        const QPixmap middle = view.treeView()->viewport()->grab();
        best[5] = std::min(best[5], milliseconds(timer));
        Q_UNUSED(first)
        Q_UNUSED(middle)
    }

    print(u"rows in the history model: %1 (lanes: up to %2)"_s.arg(rows).arg(
        SessionSnapshot::load(source)->lanes.maxLanes()));
    print(u"best of %1 run(s):"_s.arg(runs));
    print(u"  parse revision files + build graph  %1 ms"_s.arg(best[0], 0, 'f', 1));
    print(u"  history order (Alembic walk)        %1 ms"_s.arg(best[1], 0, 'f', 1));
    print(u"  lane layout                         %1 ms"_s.arg(best[2], 0, 'f', 1));
    print(u"  history model reset                 %1 ms"_s.arg(best[3], 0, 'f', 1));
    print(u"  view set-up + first screen painted  %1 ms"_s.arg(best[4], 0, 'f', 1));
    print(u"  paint a screen mid-history          %1 ms"_s.arg(best[5], 0, 'f', 1));
    const double graphModel = best[1] + best[2] + best[3] + best[4];
    const double total = best[0] + graphModel;
    print(u"into the graph model and painted (order + lanes + model + first paint): %1 ms"_s.arg(
        graphModel, 0, 'f', 1));
    print(u"from the files to the first screen (all of the above): %1 ms (goal <= 300 ms: %2)"_s
              .arg(total, 0, 'f', 1)
              .arg(total <= 300 ? u"met"_s : u"NOT met"_s));
#ifndef NDEBUG
    print(u"note: this is an unoptimised build; configure with -DCMAKE_BUILD_TYPE=Release "
          "for meaningful timings"_s);
#endif
    return 0;
}
