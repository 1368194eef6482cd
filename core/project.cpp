#include "project.h"

#include "revisionresolver.h"
#include "revisionscanner.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort {

Project Project::load(const ProjectConfig &config)
{
    Project project;
    project.config = config;
    RevisionScanner::Result scan =
        RevisionScanner::scan(config.versionLocations, config.recursiveVersionLocations);
    project.files = std::move(scan.files);
    project.scanWarnings = std::move(scan.warnings);
    project.graph = RevisionGraph::build(project.files);
    return project;
}

int StatusReport::exitCode() const
{
    switch (state) {
    case State::UpToDate:
        return 0;
    case State::Pending:
    case State::NotUnderAlembic:
        return 3;
    case State::Inconsistent:
        return 4;
    case State::Unreadable:
        return 5;
    }
    return 5;
}

QString StatusReport::stateKey(State state)
{
    switch (state) {
    case State::UpToDate:
        return u"up_to_date"_s;
    case State::Pending:
        return u"pending"_s;
    case State::NotUnderAlembic:
        return u"not_under_alembic"_s;
    case State::Inconsistent:
        return u"inconsistent"_s;
    case State::Unreadable:
        return u"unreadable"_s;
    }
    return {};
}

namespace {

// Gives lupdate a context for the free functions below.
struct StatusText
{
    Q_DECLARE_TR_FUNCTIONS(retort::Status)
};

// Why a stored id matches no revision, in the words a support person needs.
QString explainUnknownRow(const Project &project, const QString &row)
{
    for (const RevisionFile &file : project.files) {
        if (file.revision == row && !file.usable())
            return StatusText::tr("Can't locate revision identified by '%1': the file that defines it (%2) "
                      "could not be read.")
                .arg(row, file.path);
    }
    for (const GraphProblem &p : project.graph.problems())
        if (p.revisions.contains(row) && p.isFatal())
            return StatusText::tr("Can't locate revision identified by '%1': %2").arg(row, p.message);
    return StatusText::tr("Can't locate revision identified by '%1': no revision file defines it (was the "
              "file deleted, or does the database come from another branch of the code?).")
        .arg(row);
}

} // namespace

StatusReport computeStatus(const Project &project, const VersionTableState &table)
{
    StatusReport report;
    report.table = table;
    const RevisionGraph &graph = project.graph;
    report.heads = graph.heads();

    for (const GraphProblem &p : graph.problems()) {
        const QString where = p.path.isEmpty() ? QString()
                              : p.line > 0     ? u" (%1:%2)"_s.arg(p.path).arg(p.line)
                                               : u" (%1)"_s.arg(p.path);
        report.problems.append({StatusProblem::Kind::Scripts, p.message + where, {}});
    }

    if (!table.readable()) {
        report.state = StatusReport::State::Unreadable;
        report.problems.append({StatusProblem::Kind::Database, table.error, {}});
        return report;
    }

    RevisionResolver resolver(graph);
    // A revision file that cannot be read, or a parent that does not exist,
    // makes every answer about the history uncertain: not a state to call healthy.
    bool inconsistent = false;
    for (const GraphProblem &p : graph.problems())
        if (p.isFatal() || p.kind == GraphProblem::Kind::UnreadableFile ||
            p.kind == GraphProblem::Kind::MissingParent)
            inconsistent = true;
    QStringList knownRows;
    for (const QString &row : table.rows) {
        if (graph.indexOf(row) < 0) {
            report.problems.append(
                {StatusProblem::Kind::UnknownRevision, explainUnknownRow(project, row), row});
            inconsistent = true;
        } else {
            knownRows.append(row);
        }
    }
    for (const QString &bad : table.badValues) {
        report.problems.append({StatusProblem::Kind::BadRow,
                                StatusText::tr("The version table holds a value that is not a revision id: %1")
                                    .arg(bad),
                                {}});
        inconsistent = true;
    }
    // An ancestor stored beside its descendant: Alembic refuses to migrate from there.
    for (const QString &a : knownRows) {
        const std::vector<bool> below = graph.reachable({graph.indexOf(a)},
                                                        RevisionGraph::Direction::Ancestors,
                                                        RevisionGraph::Edges::WithDependencies);
        for (const QString &b : knownRows) {
            if (a != b && below[size_t(graph.indexOf(b))]) {
                report.problems.append(
                    {StatusProblem::Kind::OverlappingRows,
                     StatusText::tr("The version table holds both %1 and its ancestor %2.").arg(a, b), b});
                inconsistent = true;
            }
        }
    }
    if (const auto current = resolver.allCurrent(knownRows))
        report.current = current.value;

    if (inconsistent) {
        report.state = StatusReport::State::Inconsistent;
        return report;
    }
    const auto pending = resolver.iterate(RevisionSpec::of(u"heads"_s),
                                          RevisionSpec::ofTuple(knownRows), true, false, true, false);
    if (pending) {
        // The walk lists newest first; upgrades run oldest first.
        report.pending = pending.value;
        std::reverse(report.pending.begin(), report.pending.end());
    }
    if (table.status == VersionTableState::Status::NoTable)
        report.state = StatusReport::State::NotUnderAlembic;
    else
        report.state = report.pending.isEmpty() ? StatusReport::State::UpToDate
                                                : StatusReport::State::Pending;
    return report;
}

} // namespace retort
