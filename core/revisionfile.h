#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace retort {

// A problem found in one revision file: where, and why it could not be used
// (as written, the file cannot be loaded by Alembic either).
struct FileProblem
{
    QString path; // absolute path of the file
    int line = 0; // 1-based; 0 when the problem is not tied to a line
    QString reason;

    bool operator==(const FileProblem &) const = default;
};

// What Retort reads statically from one revision file. Nothing is executed.
//
// Lists are empty when the value is None (or absent, for branch_labels and
// depends_on). Alembic's `tuple_rev_as_scalar` makes a 1-tuple and a scalar
// equivalent, so a list is enough to represent every form.
struct RevisionFile
{
    QString path;           // absolute path
    QString revision;       // the `revision` value, or the legacy id from the file name
    QStringList downRevisions; // `down_revision`, in the order written
    QStringList branchLabels;  // `branch_labels`
    QStringList dependsOn;     // `depends_on`, as written (labels or ids)
    QString docstring;      // module docstring, unescaped, not stripped
    int revisionLine = 0;   // line of the `revision` assignment (0: from file name)
    QList<FileProblem> problems;

    bool operator==(const RevisionFile &) const = default;

    // A file with problems is kept out of the graph: its identity or its
    // parents are not known for certain.
    bool usable() const { return problems.isEmpty() && !revision.isEmpty(); }

    // Alembic's Script.longdoc: the docstring stripped of surrounding whitespace
    // (Python's str.strip(), whose whitespace includes \x1c-\x1f).
    QString longDoc() const
    {
        auto isPythonSpace = [](QChar c) {
            const char16_t u = c.unicode();
            return c.isSpace() || (u >= 0x1c && u <= 0x1f);
        };
        qsizetype begin = 0, end = docstring.size();
        while (begin < end && isPythonSpace(docstring[begin]))
            ++begin;
        while (end > begin && isPythonSpace(docstring[end - 1]))
            --end;
        return docstring.mid(begin, end - begin);
    }
    // Alembic's Script.doc: the first paragraph (split on the first "\n\n").
    QString doc() const
    {
        const QString l = longDoc();
        const qsizetype cut = l.indexOf(QStringLiteral("\n\n"));
        return cut < 0 ? l : l.left(cut);
    }
};

} // namespace retort
