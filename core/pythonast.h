#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace retort {

struct PyExpr;
using PyExprPtr = std::shared_ptr<const PyExpr>;

struct PyKeyword
{
    QString name;
    PyExprPtr value;
};

// One expression of the subset of Python that migration bodies use. Anything
// outside it (operators, subscripts, comprehensions, lambdas, f-strings, ...)
// is kept as an Unsupported node saying what it is, so that the translator can
// report it with its line only when it matters.
struct PyExpr
{
    enum class Kind
    {
        Name,      // text = identifier
        Attribute, // base.text
        Call,      // base(items..., keywords...)
        String,    // text = the decoded value (implicit concatenation applied)
        Bytes,     // text = the decoded value, as Latin-1
        Integer,   // text = decimal digits, with a leading '-' when negative
        Float,     // number = the value
        True,
        False,
        None,
        List,        // items
        Tuple,       // items
        Dict,        // items = keys, values = values
        Unsupported, // text = what it is (translated, for the user)
    };
    Kind kind = Kind::None;
    int line = 0;
    QString text;
    double number = 0;
    PyExprPtr base;
    QList<PyExprPtr> items;
    QList<PyExprPtr> values;
    QList<PyKeyword> keywords;

    // "sa.Column" for a chain of names and attributes, an empty string otherwise.
    QString dottedName() const;
    // The first Unsupported node inside this expression (depth first), or null.
    const PyExpr *firstUnsupported() const;
};

// One statement of a function body.
struct PyStatement
{
    enum class Kind
    {
        Expression, // expression (a call, or a docstring)
        Assignment, // target = expression
        With,       // with expression [as target]: body
        Pass,
        Import,      // bindings
        Unsupported, // description says which construct
    };
    Kind kind = Kind::Pass;
    int line = 0;
    PyExprPtr expression;
    QString target;
    QList<PyStatement> body;
    QString description;
    QList<QPair<QString, QString>> bindings; // local name -> qualified module path
};

struct PyFunction
{
    QString name;
    int line = 0;
    QList<PyStatement> body;
};

// A revision file read statically: the names its imports bind at module level
// and the bodies of its module-level `upgrade` and `downgrade` functions. The
// whole file is tokenized, so a lexical error anywhere (an unterminated string,
// unbalanced brackets, bad indentation) makes the module invalid.
class PythonModule
{
public:
    // Parses the bodies of `functions` only (all of `upgrade` and `downgrade` by
    // default); the whole file is still tokenized.
    static PythonModule parse(const QString &source,
                              const QStringList &functions = {QStringLiteral("upgrade"),
                                                              QStringLiteral("downgrade")});

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // translated
    int errorLine() const { return m_errorLine; }

    // Module-level imports: `import sqlalchemy as sa` binds "sa" to "sqlalchemy",
    // `from alembic import op` binds "op" to "alembic.op", `import a.b` binds "a" to "a".
    const QHash<QString, QString> &imports() const { return m_imports; }
    // A module-level function named `upgrade` or `downgrade` (the last definition wins,
    // as in Python), or null.
    const PyFunction *function(const QString &name) const;

private:
    friend class PythonModuleParser;
    QString m_error;
    int m_errorLine = 0;
    QHash<QString, QString> m_imports;
    QList<PyFunction> m_functions;
};

} // namespace retort
