#include "alembicformat.h"

using namespace Qt::StringLiterals;

namespace retort {

namespace {
const QString kCommaSeparator = u", "_s;
}

QString AlembicFormat::formatDownRevision(int revision) const
{
    const auto &node = m_graph.node(revision);
    return node.downRevisions.isEmpty() ? u"<base>"_s : node.downRevisions.join(kCommaSeparator);
}

QString AlembicFormat::headOnly(int revision, const Options &o) const
{
    const auto &node = m_graph.node(revision);
    QString text = node.id;
    if (o.includeParents) {
        if (!node.dependsOn.isEmpty())
            text = formatDownRevision(revision) + u" ("_s + node.dependsOn.join(kCommaSeparator) +
                   u") -> "_s + text;
        else
            text = formatDownRevision(revision) + u" -> "_s + text;
    }
    if (o.includeBranches && !node.branchLabels.isEmpty())
        text += u" ("_s + node.branchLabels.join(kCommaSeparator) + u")"_s;
    // head indicators are always on in Alembic's cmd_format
    if (node.isRealHead())
        text += u" (head)"_s;
    if (node.isHead() && !node.isRealHead())
        text += u" (effective head)"_s;
    if (o.current)
        text += u" (current)"_s;
    if (o.treeIndicators) {
        if (node.isBranchPoint())
            text += u" (branchpoint)"_s;
        if (node.isMergePoint())
            text += u" (mergepoint)"_s;
    }
    if (o.includeDoc)
        text += u", "_s + node.file.doc();
    return text;
}

QString AlembicFormat::logEntry(int revision, bool current) const
{
    const auto &node = m_graph.node(revision);
    QString entry = u"Rev: "_s + node.id;
    if (node.isHead())
        entry += u" (head)"_s;
    if (node.isBranchPoint())
        entry += u" (branchpoint)"_s;
    if (node.isMergePoint())
        entry += u" (mergepoint)"_s;
    if (current)
        entry += u" (current)"_s;
    entry += u"\n"_s;
    entry += (node.isMergePoint() ? u"Merges: "_s : u"Parent: "_s) + formatDownRevision(revision) +
             u"\n"_s;
    if (!node.dependsOn.isEmpty())
        entry += u"Also depends on: "_s + node.dependsOn.join(kCommaSeparator) + u"\n"_s;
    if (node.isBranchPoint()) {
        QStringList children;
        for (int c : node.children)
            children.append(m_graph.node(c).id);
        entry += u"Branches into: "_s + children.join(kCommaSeparator) + u"\n"_s;
    }
    if (!node.branchLabels.isEmpty())
        entry += u"Branch names: "_s + node.branchLabels.join(kCommaSeparator) + u"\n"_s;
    entry += u"Path: "_s + node.file.path + u"\n"_s;
    QStringList indented;
    for (const QString &line : pythonSplitLines(node.file.longDoc()))
        indented.append(u"    "_s + line);
    entry += u"\n"_s + indented.join(u"\n"_s) + u"\n"_s;
    return entry;
}

QString AlembicFormat::cmdFormat(int revision, const Options &options) const
{
    return options.verbose ? logEntry(revision, options.current) : headOnly(revision, options);
}

QStringList AlembicFormat::pythonSplitLines(const QString &text)
{
    QStringList lines;
    qsizetype start = 0;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        const bool isBreak = c == u'\n' || c == u'\r' || c == 0x0b || c == 0x0c || c == 0x1c ||
                             c == 0x1d || c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
        if (!isBreak)
            continue;
        lines.append(text.mid(start, i - start));
        if (c == u'\r' && i + 1 < n && text[i + 1] == u'\n')
            ++i;
        start = i + 1;
    }
    if (start < n)
        lines.append(text.mid(start));
    return lines;
}

} // namespace retort
