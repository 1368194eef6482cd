#pragma once

#include "revisionfile.h"

#include <QByteArray>
#include <QString>

namespace retort {

// Reads the module-level header of an Alembic revision file without running it:
// the module docstring and the assignments (plain `x = ...` or annotated
// `x: T = ...`) of `revision`, `down_revision`, `branch_labels`, `depends_on`.
//
// Understands Python's lexical rules as far as a header needs them: single,
// double and triple quoted strings with prefixes (r, u, b, R, U, B and
// combinations), escape sequences, implicit concatenation of adjacent strings,
// comments, explicit (`\`) and implicit (brackets) line continuations, PEP 263
// encoding cookies, tuples, lists and None. Any other value (a name, a call,
// an f-string, arithmetic) is reported as "not a literal" with its line.
// Tokenizer-level errors anywhere in the file (unterminated string, unbalanced
// brackets) are reported as syntax errors with their line.
//
// When `revision` is absent the legacy rule applies: a file name matching
// `([a-f0-9]+)\.py$` gives the id; otherwise Alembic's message
// "Could not determine revision id from filename <name>. ..." is the problem.
// A missing `down_revision` is a problem too (Alembic would fail on it).
class PythonLiteralParser
{
public:
    // `path` is used for messages and the legacy id rule; `source` is the raw file.
    static RevisionFile parse(const QString &path, const QByteArray &source);
    static RevisionFile parseFile(const QString &path); // reads the file; I/O errors become problems
};

} // namespace retort
