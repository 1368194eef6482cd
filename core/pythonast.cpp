#include "pythonast.h"

#include <QCoreApplication>
#include <QSet>

#include <vector>

namespace retort {

using namespace Qt::StringLiterals;

namespace {

// ---------------------------------------------------------------------------
// Tokenizer: Python's lexical rules, as far as a revision file needs them.
// ---------------------------------------------------------------------------

struct Token
{
    enum class Type
    {
        Name,
        Number,
        String,
        Op,
        Newline,
        Indent,
        Dedent,
        End
    };
    Type type = Type::End;
    QString text; // Name / Number / Op: as written; String: decoded value
    int line = 0;
    bool fString = false;
    bool bytes = false;
};

struct LexError
{
    int line = 0;
    QString message;
};

bool isIdentifierStart(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_';
    return c.isLetter();
}

bool isIdentifierChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 128)
        return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
               u == '_';
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing ||
           c.category() == QChar::Mark_SpacingCombining;
}

int hexValue(QChar c)
{
    if (c >= u'0' && c <= u'9')
        return c.unicode() - '0';
    if (c >= u'a' && c <= u'f')
        return c.unicode() - 'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c.unicode() - 'A' + 10;
    return -1;
}

class Tokenizer
{
public:
    explicit Tokenizer(const QString &source) : m_src(source) {}

    std::vector<Token> run()
    {
        m_tokens.reserve(size_t(m_src.size() / 6));
        if (m_src.startsWith(QChar(0xFEFF))) // a UTF-8 byte order mark, decoded
            m_pos = 1;
        while (m_pos < m_src.size()) {
            if (m_atLineStart && m_depth == 0) {
                if (!handleIndentation())
                    continue;
            }
            const QChar c = m_src[m_pos];
            if (c == u' ' || c == u'\t' || c == u'\f') {
                ++m_pos;
            } else if (c == u'#') {
                skipComment();
            } else if (c == u'\\' && isNewlineAt(m_pos + 1)) {
                ++m_pos;
                consumeNewline();
            } else if (c == u'\n' || c == u'\r') {
                consumeNewline();
                if (m_depth == 0) {
                    push(Token::Type::Newline, QString());
                    m_atLineStart = true;
                }
            } else if (isIdentifierStart(c)) {
                readNameOrString();
            } else if (c.isDigit() ||
                       (c == u'.' && m_pos + 1 < m_src.size() && m_src[m_pos + 1].isDigit())) {
                readNumber();
            } else if (c == u'\'' || c == u'"') {
                readString(QString());
            } else {
                readOperator();
            }
        }
        if (m_depth > 0)
            throw LexError{m_line,
                           QCoreApplication::translate("retort::SqlTranslator",
                                                       "unexpected end of file inside brackets")};
        if (!m_tokens.empty() && m_tokens.back().type != Token::Type::Newline &&
            m_tokens.back().type != Token::Type::Dedent)
            push(Token::Type::Newline, QString());
        while (m_indents.size() > 1) {
            m_indents.pop_back();
            push(Token::Type::Dedent, QString());
        }
        push(Token::Type::End, QString());
        return std::move(m_tokens);
    }

private:
    void push(Token::Type type, const QString &text, bool fString = false, bool bytes = false)
    {
        m_tokens.push_back(Token{type, text, m_tokenLine ? m_tokenLine : m_line, fString, bytes});
        m_tokenLine = 0;
    }

    bool isNewlineAt(qsizetype pos) const
    {
        return pos < m_src.size() && (m_src[pos] == u'\n' || m_src[pos] == u'\r');
    }

    void consumeNewline()
    {
        if (m_src[m_pos] == u'\r' && m_pos + 1 < m_src.size() && m_src[m_pos + 1] == u'\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }

    void skipComment()
    {
        while (m_pos < m_src.size() && m_src[m_pos] != u'\n' && m_src[m_pos] != u'\r')
            ++m_pos;
    }

    // Returns false when the line was blank (nothing to tokenize on it).
    bool handleIndentation()
    {
        int column = 0;
        while (m_pos < m_src.size()) {
            const QChar c = m_src[m_pos];
            if (c == u' ')
                ++column;
            else if (c == u'\t')
                column = (column / 8 + 1) * 8;
            else if (c == u'\f')
                column = 0;
            else
                break;
            ++m_pos;
        }
        if (m_pos >= m_src.size())
            return false;
        const QChar c = m_src[m_pos];
        if (c == u'#') {
            skipComment();
            return false;
        }
        if (c == u'\n' || c == u'\r') {
            consumeNewline();
            return false;
        }
        if (c == u'\\' && isNewlineAt(m_pos + 1)) {
            // A continuation right after the indentation: the line goes on below.
            ++m_pos;
            consumeNewline();
            return false;
        }
        m_atLineStart = false;
        if (column > m_indents.back()) {
            m_indents.push_back(column);
            push(Token::Type::Indent, QString());
        } else {
            while (column < m_indents.back()) {
                m_indents.pop_back();
                push(Token::Type::Dedent, QString());
            }
            if (column != m_indents.back())
                throw LexError{m_line, QCoreApplication::translate(
                                           "retort::SqlTranslator",
                                           "unindent does not match any outer indentation level")};
        }
        return true;
    }

    void readNameOrString()
    {
        const qsizetype begin = m_pos;
        while (m_pos < m_src.size() && isIdentifierChar(m_src[m_pos]))
            ++m_pos;
        // Token texts point into the source (no copy); the parser copies what it keeps.
        const QString word = QString::fromRawData(m_src.constData() + begin, m_pos - begin);
        if (m_pos < m_src.size() && (m_src[m_pos] == u'\'' || m_src[m_pos] == u'"') &&
            word.size() <= 2) {
            const QString lower = word.toLower();
            static const QStringList prefixes = {u"r"_s,  u"u"_s,  u"b"_s,  u"f"_s,
                                                 u"br"_s, u"rb"_s, u"fr"_s, u"rf"_s};
            if (prefixes.contains(lower)) {
                readString(lower);
                return;
            }
        }
        push(Token::Type::Name, word);
    }

    void readNumber()
    {
        const qsizetype begin = m_pos;
        const bool decimal = !(m_src[m_pos] == u'0' && m_pos + 1 < m_src.size() &&
                               QStringView(u"xXoObB").contains(m_src[m_pos + 1]));
        while (m_pos < m_src.size()) {
            const QChar c = m_src[m_pos];
            if (c.isLetterOrNumber() || c == u'_' || c == u'.') {
                ++m_pos;
                if (decimal && (c == u'e' || c == u'E') && m_pos < m_src.size() &&
                    (m_src[m_pos] == u'+' || m_src[m_pos] == u'-'))
                    ++m_pos;
            } else {
                break;
            }
        }
        push(Token::Type::Number, QString::fromRawData(m_src.constData() + begin, m_pos - begin));
    }

    void readString(const QString &prefix)
    {
        const bool raw = prefix.contains(u'r');
        const bool bytes = prefix.contains(u'b');
        const bool fString = prefix.contains(u'f');
        const int startLine = m_line;
        const QChar quote = m_src[m_pos];
        const bool triple =
            m_pos + 2 < m_src.size() && m_src[m_pos + 1] == quote && m_src[m_pos + 2] == quote;
        m_pos += triple ? 3 : 1;
        if (!triple) {
            // Most strings have no escapes: take them in one piece.
            qsizetype end = m_pos;
            while (end < m_src.size() && m_src[end] != quote && m_src[end] != u'\\' &&
                   m_src[end] != u'\n' && m_src[end] != u'\r')
                ++end;
            if (end < m_src.size() && m_src[end] == quote) {
                const QString value = m_src.mid(m_pos, end - m_pos);
                m_pos = end + 1;
                m_tokenLine = startLine;
                push(Token::Type::String, value, fString, bytes);
                return;
            }
        }
        QString value;
        for (;;) {
            if (m_pos >= m_src.size())
                throw LexError{startLine,
                               QCoreApplication::translate("retort::SqlTranslator",
                                                           "unterminated string literal")};
            const QChar c = m_src[m_pos];
            if (c == quote) {
                if (!triple) {
                    ++m_pos;
                    break;
                }
                if (m_pos + 2 < m_src.size() && m_src[m_pos + 1] == quote &&
                    m_src[m_pos + 2] == quote) {
                    m_pos += 3;
                    break;
                }
                value += c;
                ++m_pos;
            } else if (c == u'\n' || c == u'\r') {
                if (!triple)
                    throw LexError{startLine,
                                   QCoreApplication::translate("retort::SqlTranslator",
                                                               "unterminated string literal")};
                consumeNewline();
                value += u'\n';
            } else if (c == u'\\') {
                readEscape(value, raw, bytes, startLine);
            } else {
                value += c;
                ++m_pos;
            }
        }
        m_tokenLine = startLine;
        push(Token::Type::String, value, fString, bytes);
    }

    void readEscape(QString &value, bool raw, bool bytes, int startLine)
    {
        ++m_pos; // the backslash
        if (m_pos >= m_src.size())
            throw LexError{startLine, QCoreApplication::translate("retort::SqlTranslator",
                                                                  "unterminated string literal")};
        const QChar c = m_src[m_pos];
        if (c == u'\n' || c == u'\r') {
            if (raw)
                value += u'\\', value += u'\n';
            consumeNewline();
            return;
        }
        if (raw) {
            // In a raw string a backslash only keeps the next character from ending it.
            value += u'\\';
            value += c;
            ++m_pos;
            return;
        }
        ++m_pos;
        switch (c.unicode()) {
        case '\\':
            value += u'\\';
            return;
        case '\'':
            value += u'\'';
            return;
        case '"':
            value += u'"';
            return;
        case 'a':
            value += QChar(7);
            return;
        case 'b':
            value += QChar(8);
            return;
        case 'f':
            value += QChar(12);
            return;
        case 'n':
            value += QChar(10);
            return;
        case 'r':
            value += QChar(13);
            return;
        case 't':
            value += QChar(9);
            return;
        case 'v':
            value += QChar(11);
            return;
        default:
            break;
        }
        if (c >= u'0' && c <= u'7') {
            int code = c.unicode() - '0';
            for (int i = 0;
                 i < 2 && m_pos < m_src.size() && m_src[m_pos] >= u'0' && m_src[m_pos] <= u'7';
                 ++i, ++m_pos)
                code = code * 8 + (m_src[m_pos].unicode() - '0');
            value += QChar(code);
            return;
        }
        int digits = 0;
        if (c == u'x')
            digits = 2;
        else if (c == u'u' && !bytes)
            digits = 4;
        else if (c == u'U' && !bytes)
            digits = 8;
        if (digits > 0) {
            uint code = 0;
            for (int i = 0; i < digits; ++i, ++m_pos) {
                const int v = m_pos < m_src.size() ? hexValue(m_src[m_pos]) : -1;
                if (v < 0)
                    throw LexError{m_line,
                                   QCoreApplication::translate("retort::SqlTranslator",
                                                               "truncated \\%1 escape in a string")
                                       .arg(c)};
                code = code * 16 + uint(v);
            }
            if (code > 0x10FFFF)
                throw LexError{m_line,
                               QCoreApplication::translate("retort::SqlTranslator",
                                                           "invalid \\U escape in a string")};
            value += QString::fromUcs4(reinterpret_cast<const char32_t *>(&code), 1);
            return;
        }
        if (c == u'N' && !bytes)
            throw LexError{m_line,
                           QCoreApplication::translate("retort::SqlTranslator",
                                                       "\\N{...} escapes are not supported")};
        value += u'\\';
        value += c;
    }

    void readOperator()
    {
        auto at = [&](qsizetype offset) -> char16_t {
            return m_pos + offset < m_src.size() ? m_src[m_pos + offset].unicode() : u'\0';
        };
        const char16_t c = at(0);
        const char16_t c1 = at(1);
        const char16_t c2 = at(2);
        int length = 1;
        if ((c == u'.' && c1 == u'.' && c2 == u'.') ||
            (c2 == u'=' && c == c1 && (c == u'*' || c == u'/' || c == u'>' || c == u'<')))
            length = 3;
        else if ((c1 == u'=' && QStringView(u"=!<>:+-*/%&|^@").contains(QChar(c))) ||
                 (c == c1 && (c == u'*' || c == u'/' || c == u'<' || c == u'>')) ||
                 (c == u'-' && c1 == u'>') || (c == u'<' && c1 == u'>'))
            length = 2;
        if (length == 1) {
            if (c == u'(' || c == u'[' || c == u'{') {
                ++m_depth;
            } else if (c == u')' || c == u']' || c == u'}') {
                if (m_depth == 0)
                    throw LexError{m_line, QCoreApplication::translate("retort::SqlTranslator",
                                                                       "unmatched '%1'")
                                               .arg(QChar(c))};
                --m_depth;
            } else if (!QStringView(u"+-*/%@&|^~<>=.,:;!").contains(QChar(c))) {
                throw LexError{m_line, QCoreApplication::translate("retort::SqlTranslator",
                                                                   "invalid character '%1'")
                                           .arg(QChar(c))};
            }
        }
        push(Token::Type::Op, QString::fromRawData(m_src.constData() + m_pos, length));
        m_pos += length;
    }

    const QString &m_src;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_tokenLine = 0; // start line of a multi-line token
    int m_depth = 0;
    bool m_atLineStart = true;
    std::vector<int> m_indents{0};
    std::vector<Token> m_tokens;
};

} // namespace

// ---------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------

QString PyExpr::dottedName() const
{
    if (kind == Kind::Name)
        return text;
    if (kind == Kind::Attribute && base) {
        const QString prefix = base->dottedName();
        return prefix.isEmpty() ? QString() : prefix + u'.' + text;
    }
    return QString();
}

const PyExpr *PyExpr::firstUnsupported() const
{
    if (kind == Kind::Unsupported)
        return this;
    if (base) {
        if (const PyExpr *found = base->firstUnsupported())
            return found;
    }
    for (const PyExprPtr &item : items) {
        if (const PyExpr *found = item->firstUnsupported())
            return found;
    }
    for (const PyExprPtr &value : values) {
        if (const PyExpr *found = value->firstUnsupported())
            return found;
    }
    for (const PyKeyword &keyword : keywords) {
        if (const PyExpr *found = keyword.value->firstUnsupported())
            return found;
    }
    return nullptr;
}

const PyFunction *PythonModule::function(const QString &name) const
{
    for (auto it = m_functions.crbegin(); it != m_functions.crend(); ++it) {
        if (it->name == name)
            return &*it;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------

namespace {

// Thrown inside a statement; the statement becomes Unsupported.
struct StatementError
{
    int line = 0;
    QString description;
};

// A deep copy of a token's text, which points into the source being parsed.
QString own(const QString &text)
{
    return QString(text.constData(), text.size());
}

bool isKeyword(const QString &word)
{
    static const QSet<QString> keywords = {
        u"False"_s,  u"None"_s,     u"True"_s,  u"and"_s,    u"as"_s,       u"assert"_s,
        u"async"_s,  u"await"_s,    u"break"_s, u"class"_s,  u"continue"_s, u"def"_s,
        u"del"_s,    u"elif"_s,     u"else"_s,  u"except"_s, u"finally"_s,  u"for"_s,
        u"from"_s,   u"global"_s,   u"if"_s,    u"import"_s, u"in"_s,       u"is"_s,
        u"lambda"_s, u"nonlocal"_s, u"not"_s,   u"or"_s,     u"pass"_s,     u"raise"_s,
        u"return"_s, u"try"_s,      u"while"_s, u"with"_s,   u"yield"_s};
    return keywords.contains(word);
}

} // namespace

class PythonModuleParser
{
public:
    PythonModuleParser(std::vector<Token> tokens, PythonModule &module,
                       const QStringList &functions)
        : m_tokens(std::move(tokens)), m_module(module), m_functions(functions)
    {
    }

    void parseModule()
    {
        while (!at(Token::Type::End)) {
            if (at(Token::Type::Newline) || at(Token::Type::Indent) || at(Token::Type::Dedent)) {
                ++m_pos;
                continue;
            }
            if (atName(u"import") || atName(u"from")) {
                const int start = m_pos;
                try {
                    const auto bindings = parseImport();
                    for (const auto &[name, path] : bindings)
                        m_module.m_imports.insert(name, path);
                } catch (const StatementError &) {
                    m_pos = start;
                    skipStatement();
                }
                continue;
            }
            if (atName(u"def")) {
                parseModuleFunction();
                continue;
            }
            skipStatement();
        }
    }

private:
    // --- token helpers ---------------------------------------------------

    const Token &peek(int ahead = 0) const
    {
        const size_t index = size_t(m_pos + ahead);
        return index < m_tokens.size() ? m_tokens[index] : m_tokens.back();
    }
    bool at(Token::Type type) const { return peek().type == type; }
    bool atOp(QStringView op) const { return peek().type == Token::Type::Op && peek().text == op; }
    bool atName(QStringView name) const
    {
        return peek().type == Token::Type::Name && peek().text == name;
    }
    const Token &next()
    {
        const Token &token = peek();
        if (m_pos < int(m_tokens.size()) - 1)
            ++m_pos;
        return token;
    }

    [[noreturn]] void fail(const QString &description) const
    {
        throw StatementError{peek().line, description};
    }

    void expectOp(QStringView op)
    {
        if (!atOp(op))
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "syntax not understood near '%1'")
                     .arg(describe(peek())));
        ++m_pos;
    }

    static QString describe(const Token &token)
    {
        switch (token.type) {
        case Token::Type::Newline:
            return QCoreApplication::translate("retort::SqlTranslator", "end of line");
        case Token::Type::Indent:
        case Token::Type::Dedent:
            return QCoreApplication::translate("retort::SqlTranslator", "indentation");
        case Token::Type::End:
            return QCoreApplication::translate("retort::SqlTranslator", "end of file");
        case Token::Type::String:
            return QCoreApplication::translate("retort::SqlTranslator", "string");
        default:
            return token.text;
        }
    }

    // Skips the rest of a logical line, and the indented block that follows it.
    void skipStatement()
    {
        while (!at(Token::Type::End) && !at(Token::Type::Newline))
            ++m_pos;
        if (at(Token::Type::Newline))
            ++m_pos;
        if (at(Token::Type::Indent))
            skipBlock();
    }

    void skipBlock()
    {
        int depth = 0;
        do {
            if (at(Token::Type::Indent))
                ++depth;
            else if (at(Token::Type::Dedent))
                --depth;
            else if (at(Token::Type::End))
                return;
            ++m_pos;
        } while (depth > 0);
    }

    // --- module level ----------------------------------------------------

    void parseModuleFunction()
    {
        const int line = peek().line;
        ++m_pos; // def
        if (!at(Token::Type::Name)) {
            skipStatement();
            return;
        }
        const QString name = own(next().text);
        // The parameter list and any annotation: up to the ':' ending the header.
        int depth = 0;
        while (!at(Token::Type::End) && !at(Token::Type::Newline) && !(depth == 0 && atOp(u":"))) {
            if (atOp(u"(") || atOp(u"[") || atOp(u"{"))
                ++depth;
            else if (atOp(u")") || atOp(u"]") || atOp(u"}"))
                --depth;
            ++m_pos;
        }
        if (!atOp(u":")) {
            skipStatement();
            return;
        }
        ++m_pos;
        const bool wanted = m_functions.contains(name);
        if (!wanted) {
            skipStatement();
            return;
        }
        PyFunction function;
        function.name = name;
        function.line = line;
        function.body = parseSuite();
        m_module.m_functions.append(function);
    }

    // --- statements ------------------------------------------------------

    // After a ':' — either an indented block or simple statements on the same line.
    QList<PyStatement> parseSuite()
    {
        QList<PyStatement> body;
        if (!at(Token::Type::Newline)) {
            parseSimpleStatements(body);
            return body;
        }
        ++m_pos;
        if (!at(Token::Type::Indent)) {
            PyStatement bad;
            bad.kind = PyStatement::Kind::Unsupported;
            bad.line = peek().line;
            bad.description =
                QCoreApplication::translate("retort::SqlTranslator", "expected an indented block");
            body.append(bad);
            return body;
        }
        ++m_pos;
        while (!at(Token::Type::Dedent) && !at(Token::Type::End)) {
            if (at(Token::Type::Newline)) {
                ++m_pos;
                continue;
            }
            parseStatement(body);
        }
        if (at(Token::Type::Dedent))
            ++m_pos;
        return body;
    }

    void parseStatement(QList<PyStatement> &body)
    {
        if (atName(u"with")) {
            const int start = m_pos;
            try {
                body.append(parseWith());
            } catch (const StatementError &error) {
                m_pos = start;
                skipStatement();
                body.append(unsupported(error));
            }
            return;
        }
        static const QSet<QString> compound = {u"if"_s,    u"elif"_s,  u"else"_s,   u"for"_s,
                                               u"while"_s, u"try"_s,   u"except"_s, u"finally"_s,
                                               u"def"_s,   u"class"_s, u"async"_s,  u"match"_s};
        if (at(Token::Type::Name) && compound.contains(peek().text) &&
            (peek().text != u"match" || peek(1).type == Token::Type::Name)) {
            PyStatement bad;
            bad.kind = PyStatement::Kind::Unsupported;
            bad.line = peek().line;
            bad.description = QCoreApplication::translate("retort::SqlTranslator", "'%1' statement")
                                  .arg(peek().text);
            skipStatement();
            body.append(bad);
            return;
        }
        if (atOp(u"@")) {
            PyStatement bad;
            bad.kind = PyStatement::Kind::Unsupported;
            bad.line = peek().line;
            bad.description = QCoreApplication::translate("retort::SqlTranslator", "decorator");
            skipStatement();
            body.append(bad);
            return;
        }
        parseSimpleStatements(body);
    }

    // simple_stmt (';' simple_stmt)* NEWLINE
    void parseSimpleStatements(QList<PyStatement> &body)
    {
        for (;;) {
            const int start = m_pos;
            try {
                body.append(parseSimpleStatement());
            } catch (const StatementError &error) {
                m_pos = start;
                while (!at(Token::Type::End) && !at(Token::Type::Newline))
                    ++m_pos;
                body.append(unsupported(error));
            }
            if (atOp(u";")) {
                ++m_pos;
                if (at(Token::Type::Newline) || at(Token::Type::End))
                    break;
                continue;
            }
            break;
        }
        if (at(Token::Type::Newline))
            ++m_pos;
        else if (!at(Token::Type::End)) {
            PyStatement bad;
            bad.kind = PyStatement::Kind::Unsupported;
            bad.line = peek().line;
            bad.description = QCoreApplication::translate("retort::SqlTranslator",
                                                          "syntax not understood near '%1'")
                                  .arg(describe(peek()));
            body.append(bad);
            skipStatement();
        }
    }

    static PyStatement unsupported(const StatementError &error)
    {
        PyStatement bad;
        bad.kind = PyStatement::Kind::Unsupported;
        bad.line = error.line;
        bad.description = error.description;
        return bad;
    }

    PyStatement parseSimpleStatement()
    {
        PyStatement statement;
        statement.line = peek().line;
        if (atName(u"pass")) {
            ++m_pos;
            statement.kind = PyStatement::Kind::Pass;
            return statement;
        }
        if (atName(u"import") || atName(u"from")) {
            statement.kind = PyStatement::Kind::Import;
            statement.bindings = parseImport();
            return statement;
        }
        static const QSet<QString> simpleKeywords = {
            u"return"_s, u"raise"_s, u"global"_s,   u"nonlocal"_s, u"del"_s,  u"assert"_s,
            u"yield"_s,  u"break"_s, u"continue"_s, u"await"_s,    u"print"_s};
        if (at(Token::Type::Name) && simpleKeywords.contains(peek().text) &&
            (peek().text != u"print" || peek(1).type == Token::Type::Name ||
             peek(1).type == Token::Type::String))
            fail(QCoreApplication::translate("retort::SqlTranslator", "'%1' statement")
                     .arg(peek().text));

        PyExprPtr expression = parseExpressionList();
        if (atOp(u"=")) {
            ++m_pos;
            if (expression->kind != PyExpr::Kind::Name)
                throw StatementError{
                    statement.line,
                    QCoreApplication::translate("retort::SqlTranslator",
                                                "assignment to something other than a name")};
            PyExprPtr value = parseExpressionList();
            if (atOp(u"="))
                fail(QCoreApplication::translate("retort::SqlTranslator", "chained assignment"));
            statement.kind = PyStatement::Kind::Assignment;
            statement.target = expression->text;
            statement.expression = value;
            return statement;
        }
        if (atOp(u":"))
            fail(QCoreApplication::translate("retort::SqlTranslator", "annotated assignment"));
        if (peek().type == Token::Type::Op && peek().text.size() >= 2 &&
            peek().text.endsWith(u'=') && peek().text != u"==" && peek().text != u"!=" &&
            peek().text != u"<=" && peek().text != u">=")
            fail(QCoreApplication::translate("retort::SqlTranslator", "augmented assignment '%1'")
                     .arg(peek().text));
        statement.kind = PyStatement::Kind::Expression;
        statement.expression = expression;
        return statement;
    }

    PyStatement parseWith()
    {
        PyStatement statement;
        statement.kind = PyStatement::Kind::With;
        statement.line = peek().line;
        ++m_pos; // with
        statement.expression = parseExpression();
        if (atName(u"as")) {
            ++m_pos;
            if (!at(Token::Type::Name) || isKeyword(peek().text))
                fail(QCoreApplication::translate("retort::SqlTranslator",
                                                 "'with ... as' target that is not a name"));
            statement.target = own(next().text);
        }
        if (atOp(u","))
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "'with' statement with several context managers"));
        expectOp(u":");
        statement.body = parseSuite();
        return statement;
    }

    QList<QPair<QString, QString>> parseImport()
    {
        QList<QPair<QString, QString>> bindings;
        if (atName(u"import")) {
            ++m_pos;
            for (;;) {
                const QString path = parseDottedName();
                if (atName(u"as")) {
                    ++m_pos;
                    if (!at(Token::Type::Name))
                        fail(QCoreApplication::translate("retort::SqlTranslator",
                                                         "syntax not understood near '%1'")
                                 .arg(describe(peek())));
                    bindings.append({own(next().text), path});
                } else {
                    const QString first = path.section(u'.', 0, 0);
                    bindings.append({own(first), own(first)});
                }
                if (!atOp(u","))
                    break;
                ++m_pos;
            }
            return bindings;
        }
        ++m_pos; // from
        QString module;
        while (atOp(u".") || atOp(u"...")) {
            module += own(next().text);
        }
        if (!atName(u"import"))
            module += parseDottedName();
        if (!atName(u"import"))
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "syntax not understood near '%1'")
                     .arg(describe(peek())));
        ++m_pos;
        const bool parenthesized = atOp(u"(");
        if (parenthesized)
            ++m_pos;
        if (atOp(u"*"))
            fail(QCoreApplication::translate("retort::SqlTranslator", "'from ... import *'"));
        for (;;) {
            if (parenthesized && atOp(u")"))
                break;
            if (!at(Token::Type::Name))
                fail(QCoreApplication::translate("retort::SqlTranslator",
                                                 "syntax not understood near '%1'")
                         .arg(describe(peek())));
            const QString name = own(next().text);
            QString local = name;
            if (atName(u"as")) {
                ++m_pos;
                if (!at(Token::Type::Name))
                    fail(QCoreApplication::translate("retort::SqlTranslator",
                                                     "syntax not understood near '%1'")
                             .arg(describe(peek())));
                local = own(next().text);
            }
            bindings.append({local, module + u'.' + name});
            if (!atOp(u","))
                break;
            ++m_pos;
        }
        if (parenthesized)
            expectOp(u")");
        return bindings;
    }

    QString parseDottedName()
    {
        if (!at(Token::Type::Name))
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "syntax not understood near '%1'")
                     .arg(describe(peek())));
        QString path = own(next().text);
        while (atOp(u".")) {
            ++m_pos;
            if (!at(Token::Type::Name))
                fail(QCoreApplication::translate("retort::SqlTranslator",
                                                 "syntax not understood near '%1'")
                         .arg(describe(peek())));
            path += u'.' + next().text;
        }
        return path;
    }

    // --- expressions -----------------------------------------------------

    static std::shared_ptr<PyExpr> make(PyExpr::Kind kind, int line)
    {
        auto expr = std::make_shared<PyExpr>();
        expr->kind = kind;
        expr->line = line;
        return expr;
    }

    static PyExprPtr unsupportedExpr(int line, const QString &what)
    {
        auto expr = make(PyExpr::Kind::Unsupported, line);
        expr->text = what;
        return expr;
    }

    // An expression, or a bare tuple `a, b` (as in `x = 1, 2`).
    PyExprPtr parseExpressionList()
    {
        const int line = peek().line;
        PyExprPtr first = parseExpression();
        if (!atOp(u","))
            return first;
        auto tuple = make(PyExpr::Kind::Tuple, line);
        tuple->items.append(first);
        while (atOp(u",")) {
            ++m_pos;
            if (at(Token::Type::Newline) || atOp(u"=") || atOp(u";") || at(Token::Type::End))
                break;
            tuple->items.append(parseExpression());
        }
        return tuple;
    }

    PyExprPtr parseExpression()
    {
        const int line = peek().line;
        if (atName(u"lambda")) {
            ++m_pos;
            // The parameters end at the first ':' outside brackets; the body follows.
            skipExpression();
            if (atOp(u":")) {
                ++m_pos;
                skipExpression();
            }
            return unsupportedExpr(line,
                                   QCoreApplication::translate("retort::SqlTranslator", "lambda"));
        }
        if (atName(u"not")) {
            skipExpression();
            return unsupportedExpr(
                line, QCoreApplication::translate("retort::SqlTranslator", "'not' operator"));
        }
        if (atName(u"yield") || atName(u"await")) {
            const QString word = peek().text;
            skipExpression();
            return unsupportedExpr(
                line,
                QCoreApplication::translate("retort::SqlTranslator", "'%1' expression").arg(word));
        }
        PyExprPtr expr = parseUnary();
        // Anything that continues the expression is outside the subset.
        static const QSet<QString> binaryOps = {u"+"_s,  u"-"_s,  u"*"_s, u"/"_s,  u"//"_s, u"%"_s,
                                                u"**"_s, u"@"_s,  u"|"_s, u"&"_s,  u"^"_s,  u"<<"_s,
                                                u">>"_s, u"<"_s,  u">"_s, u"=="_s, u"!="_s, u"<="_s,
                                                u">="_s, u":="_s, u"<>"_s};
        QString op;
        if (peek().type == Token::Type::Op && binaryOps.contains(peek().text))
            op = peek().text;
        else if (at(Token::Type::Name) &&
                 (peek().text == u"and" || peek().text == u"or" || peek().text == u"in" ||
                  peek().text == u"is" || peek().text == u"not" || peek().text == u"if"))
            op = peek().text;
        if (!op.isEmpty()) {
            skipExpression();
            if (op == u"if")
                return unsupportedExpr(line, QCoreApplication::translate("retort::SqlTranslator",
                                                                         "conditional expression"));
            return unsupportedExpr(
                line,
                QCoreApplication::translate("retort::SqlTranslator", "'%1' operator").arg(op));
        }
        return expr;
    }

    // Skips to the end of the current expression: the next ',' ')' ']' '}' ':' '='
    // or end of line at the current bracket depth.
    void skipExpression()
    {
        int depth = 0;
        while (!at(Token::Type::End)) {
            const Token &token = peek();
            if (token.type == Token::Type::Newline && depth == 0)
                return;
            if (token.type == Token::Type::Op) {
                if (token.text == u"(" || token.text == u"[" || token.text == u"{") {
                    ++depth;
                } else if (token.text == u")" || token.text == u"]" || token.text == u"}") {
                    if (depth == 0)
                        return;
                    --depth;
                } else if (depth == 0 && (token.text == u"," || token.text == u"=" ||
                                          token.text == u";" || token.text == u":")) {
                    return;
                }
            }
            ++m_pos;
        }
    }

    PyExprPtr parseUnary()
    {
        if (atOp(u"-") || atOp(u"+") || atOp(u"~")) {
            const Token sign = next();
            PyExprPtr operand = parseUnary();
            if (sign.text != u"~" &&
                (operand->kind == PyExpr::Kind::Integer || operand->kind == PyExpr::Kind::Float)) {
                if (sign.text == u"+")
                    return operand;
                auto negated = std::make_shared<PyExpr>(*operand);
                if (operand->kind == PyExpr::Kind::Integer)
                    negated->text = operand->text.startsWith(u'-') ? operand->text.mid(1)
                                                                   : u'-' + operand->text;
                else
                    negated->number = -operand->number;
                return negated;
            }
            return unsupportedExpr(sign.line, QCoreApplication::translate("retort::SqlTranslator",
                                                                          "unary '%1' operator")
                                                  .arg(sign.text));
        }
        return parsePostfix();
    }

    PyExprPtr parsePostfix()
    {
        PyExprPtr expr = parseAtom();
        for (;;) {
            const int line = peek().line;
            if (atOp(u".")) {
                ++m_pos;
                if (!at(Token::Type::Name))
                    fail(QCoreApplication::translate("retort::SqlTranslator",
                                                     "syntax not understood near '%1'")
                             .arg(describe(peek())));
                auto attribute = make(PyExpr::Kind::Attribute, line);
                attribute->base = expr;
                attribute->text = own(next().text);
                expr = attribute;
            } else if (atOp(u"(")) {
                expr = parseCall(expr);
            } else if (atOp(u"[")) {
                skipBracketed();
                expr = unsupportedExpr(
                    line, QCoreApplication::translate("retort::SqlTranslator", "subscript"));
            } else {
                return expr;
            }
        }
    }

    void skipBracketed()
    {
        int depth = 0;
        do {
            if (atOp(u"(") || atOp(u"[") || atOp(u"{"))
                ++depth;
            else if (atOp(u")") || atOp(u"]") || atOp(u"}"))
                --depth;
            else if (at(Token::Type::End))
                return;
            ++m_pos;
        } while (depth > 0);
    }

    PyExprPtr parseCall(const PyExprPtr &callee)
    {
        auto call = make(PyExpr::Kind::Call, peek().line);
        call->base = callee;
        ++m_pos; // (
        while (!atOp(u")")) {
            if (atOp(u"*") || atOp(u"**")) {
                const int line = peek().line;
                const QString star = peek().text;
                ++m_pos;
                parseExpression();
                call->items.append(
                    unsupportedExpr(line, QCoreApplication::translate("retort::SqlTranslator",
                                                                      "'%1' argument unpacking")
                                              .arg(star)));
            } else if (at(Token::Type::Name) && peek(1).type == Token::Type::Op &&
                       peek(1).text == u"=") {
                const QString name = own(next().text);
                ++m_pos; // =
                call->keywords.append({name, parseExpression()});
            } else {
                const int line = peek().line;
                PyExprPtr argument = parseExpression();
                if (atName(u"for")) {
                    skipComprehension();
                    argument =
                        unsupportedExpr(line, QCoreApplication::translate("retort::SqlTranslator",
                                                                          "generator expression"));
                }
                if (!call->keywords.isEmpty())
                    fail(QCoreApplication::translate("retort::SqlTranslator",
                                                     "positional argument after keyword argument"));
                call->items.append(argument);
            }
            if (atOp(u","))
                ++m_pos;
            else if (!atOp(u")"))
                fail(QCoreApplication::translate("retort::SqlTranslator",
                                                 "syntax not understood near '%1'")
                         .arg(describe(peek())));
        }
        ++m_pos; // )
        return call;
    }

    // Skips the `for ... in ... [if ...]` part of a comprehension, up to its closing bracket.
    void skipComprehension()
    {
        int depth = 0;
        while (!at(Token::Type::End)) {
            if (atOp(u"(") || atOp(u"[") || atOp(u"{")) {
                ++depth;
            } else if (atOp(u")") || atOp(u"]") || atOp(u"}")) {
                if (depth == 0)
                    return;
                --depth;
            }
            ++m_pos;
        }
    }

    PyExprPtr parseAtom()
    {
        const Token &token = peek();
        const int line = token.line;
        switch (token.type) {
        case Token::Type::Name: {
            if (token.text == u"True" || token.text == u"False" || token.text == u"None") {
                ++m_pos;
                return make(token.text == u"True"    ? PyExpr::Kind::True
                            : token.text == u"False" ? PyExpr::Kind::False
                                                     : PyExpr::Kind::None,
                            line);
            }
            if (isKeyword(token.text))
                fail(QCoreApplication::translate("retort::SqlTranslator",
                                                 "syntax not understood near '%1'")
                         .arg(token.text));
            ++m_pos;
            auto name = make(PyExpr::Kind::Name, line);
            name->text = own(token.text);
            return name;
        }
        case Token::Type::Number:
            return parseNumber();
        case Token::Type::String:
            return parseStrings();
        case Token::Type::Op:
            if (token.text == u"(")
                return parseParenthesized();
            if (token.text == u"[")
                return parseList();
            if (token.text == u"{")
                return parseDict();
            if (token.text == u"...") {
                ++m_pos;
                return unsupportedExpr(
                    line, QCoreApplication::translate("retort::SqlTranslator", "Ellipsis"));
            }
            break;
        default:
            break;
        }
        fail(QCoreApplication::translate("retort::SqlTranslator", "syntax not understood near '%1'")
                 .arg(describe(token)));
    }

    PyExprPtr parseNumber()
    {
        const Token token = next();
        QString text = own(token.text);
        text.remove(u'_');
        const QString lower = text.toLower();
        if (lower.endsWith(u'j'))
            return unsupportedExpr(
                token.line, QCoreApplication::translate("retort::SqlTranslator", "complex number"));
        bool ok = false;
        if (lower.startsWith(u"0x") || lower.startsWith(u"0o") || lower.startsWith(u"0b")) {
            const int base = lower[1] == u'x' ? 16 : lower[1] == u'o' ? 8 : 2;
            const qulonglong value = lower.mid(2).toULongLong(&ok, base);
            if (!ok)
                return unsupportedExpr(
                    token.line, QCoreApplication::translate("retort::SqlTranslator", "number '%1'")
                                    .arg(token.text));
            auto expr = make(PyExpr::Kind::Integer, token.line);
            expr->text = QString::number(value);
            return expr;
        }
        if (lower.contains(u'.') || lower.contains(u'e')) {
            const double value = lower.toDouble(&ok);
            if (!ok)
                return unsupportedExpr(
                    token.line, QCoreApplication::translate("retort::SqlTranslator", "number '%1'")
                                    .arg(token.text));
            auto expr = make(PyExpr::Kind::Float, token.line);
            expr->number = value;
            expr->text = own(token.text);
            return expr;
        }
        for (const QChar c : lower) {
            if (!c.isDigit())
                return unsupportedExpr(
                    token.line, QCoreApplication::translate("retort::SqlTranslator", "number '%1'")
                                    .arg(token.text));
        }
        // Python ints are unbounded: keep the digits, without leading zeros.
        qsizetype firstNonZero = 0;
        while (firstNonZero < lower.size() - 1 && lower[firstNonZero] == u'0')
            ++firstNonZero;
        auto expr = make(PyExpr::Kind::Integer, token.line);
        expr->text = lower.mid(firstNonZero);
        return expr;
    }

    PyExprPtr parseStrings()
    {
        const int line = peek().line;
        QString value;
        bool anyFString = false;
        bool anyBytes = false;
        bool anyText = false;
        while (at(Token::Type::String)) {
            const Token &token = next();
            anyFString = anyFString || token.fString;
            (token.bytes ? anyBytes : anyText) = true;
            value += token.text;
        }
        if (anyFString)
            return unsupportedExpr(
                line, QCoreApplication::translate("retort::SqlTranslator", "f-string"));
        if (anyBytes && anyText)
            fail(QCoreApplication::translate("retort::SqlTranslator",
                                             "cannot mix bytes and nonbytes literals"));
        auto expr = make(anyBytes ? PyExpr::Kind::Bytes : PyExpr::Kind::String, line);
        expr->text = value;
        return expr;
    }

    PyExprPtr parseParenthesized()
    {
        const int line = peek().line;
        ++m_pos; // (
        if (atOp(u")")) {
            ++m_pos;
            return make(PyExpr::Kind::Tuple, line);
        }
        PyExprPtr first = parseExpression();
        if (atName(u"for")) {
            skipComprehension();
            expectOp(u")");
            return unsupportedExpr(
                line, QCoreApplication::translate("retort::SqlTranslator", "generator expression"));
        }
        if (atOp(u")")) {
            ++m_pos;
            return first;
        }
        auto tuple = make(PyExpr::Kind::Tuple, line);
        tuple->items.append(first);
        while (atOp(u",")) {
            ++m_pos;
            if (atOp(u")"))
                break;
            tuple->items.append(parseExpression());
        }
        expectOp(u")");
        return tuple;
    }

    PyExprPtr parseList()
    {
        auto list = make(PyExpr::Kind::List, peek().line);
        ++m_pos; // [
        while (!atOp(u"]")) {
            list->items.append(parseExpression());
            if (atName(u"for")) {
                skipComprehension();
                expectOp(u"]");
                return unsupportedExpr(
                    list->line,
                    QCoreApplication::translate("retort::SqlTranslator", "list comprehension"));
            }
            if (atOp(u","))
                ++m_pos;
            else if (!atOp(u"]"))
                fail(QCoreApplication::translate("retort::SqlTranslator",
                                                 "syntax not understood near '%1'")
                         .arg(describe(peek())));
        }
        ++m_pos; // ]
        return list;
    }

    PyExprPtr parseDict()
    {
        auto dict = make(PyExpr::Kind::Dict, peek().line);
        ++m_pos; // {
        while (!atOp(u"}")) {
            if (atOp(u"**")) {
                skipBracketedUntilClose();
                return unsupportedExpr(dict->line,
                                       QCoreApplication::translate("retort::SqlTranslator",
                                                                   "'**' dictionary unpacking"));
            }
            PyExprPtr key = parseExpression();
            if (!atOp(u":")) {
                skipBracketedUntilClose();
                return unsupportedExpr(dict->line, QCoreApplication::translate(
                                                       "retort::SqlTranslator", "set display"));
            }
            ++m_pos;
            PyExprPtr value = parseExpression();
            if (atName(u"for")) {
                skipComprehension();
                expectOp(u"}");
                return unsupportedExpr(dict->line,
                                       QCoreApplication::translate("retort::SqlTranslator",
                                                                   "dictionary comprehension"));
            }
            dict->items.append(key);
            dict->values.append(value);
            if (atOp(u","))
                ++m_pos;
            else if (!atOp(u"}"))
                fail(QCoreApplication::translate("retort::SqlTranslator",
                                                 "syntax not understood near '%1'")
                         .arg(describe(peek())));
        }
        ++m_pos; // }
        return dict;
    }

    // Skips to just after the '}' closing the current display.
    void skipBracketedUntilClose()
    {
        int depth = 0;
        while (!at(Token::Type::End)) {
            if (atOp(u"(") || atOp(u"[") || atOp(u"{")) {
                ++depth;
            } else if (atOp(u")") || atOp(u"]") || atOp(u"}")) {
                if (depth == 0) {
                    ++m_pos;
                    return;
                }
                --depth;
            }
            ++m_pos;
        }
    }

    std::vector<Token> m_tokens;
    PythonModule &m_module;
    QStringList m_functions;
    int m_pos = 0;
};

PythonModule PythonModule::parse(const QString &source, const QStringList &functions)
{
    PythonModule module;
    std::vector<Token> tokens;
    try {
        tokens = Tokenizer(source).run();
    } catch (const LexError &error) {
        module.m_error = error.message;
        module.m_errorLine = error.line;
        return module;
    }
    PythonModuleParser parser(std::move(tokens), module, functions);
    parser.parseModule();
    return module;
}

} // namespace retort
