#include "pythonliteralparser.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringDecoder>
#include <QVarLengthArray>

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

namespace retort {

using namespace Qt::StringLiterals;

namespace {

// ---------------------------------------------------------------------------
// Source decoding (PEP 263)
// ---------------------------------------------------------------------------

struct SyntaxError
{
    int line = 0;
    QString message;
};

QString syntaxErrorText(const QString &detail)
{
    return QCoreApplication::translate("retort::PythonLiteralParser", "syntax error: %1")
        .arg(detail);
}

int lineOfOffset(QByteArrayView bytes, qsizetype offset)
{
    return 1 + int(std::count(bytes.begin(), bytes.begin() + offset, '\n'));
}

// Python only looks for a cookie on a line that holds nothing but a comment:
// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
std::optional<QByteArray> encodingCookie(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f'))
        ++i;
    if (i >= line.size() || line[i] != '#')
        return std::nullopt;
    const QByteArrayView comment = line.sliced(i);
    for (qsizetype at = comment.indexOf("coding"); at >= 0;
         at = comment.indexOf("coding", at + 1)) {
        qsizetype p = at + 6;
        if (p >= comment.size() || (comment[p] != ':' && comment[p] != '='))
            continue;
        ++p;
        while (p < comment.size() && (comment[p] == ' ' || comment[p] == '\t'))
            ++p;
        const qsizetype nameBegin = p;
        while (p < comment.size()) {
            const char c = comment[p];
            const bool nameChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                  (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
            if (!nameChar)
                break;
            ++p;
        }
        if (p > nameBegin)
            return comment.sliced(nameBegin, p - nameBegin).toByteArray();
    }
    return std::nullopt;
}

bool isBlankOrCommentLine(QByteArrayView line)
{
    for (const char c : line) {
        if (c == ' ' || c == '\t' || c == '\f')
            continue;
        return c == '#' || c == '\r' || c == '\n';
    }
    return true;
}

// Python's tokenizer folds the common spellings of UTF-8 and Latin-1 before
// looking the codec up (get_normal_name); anything else goes to the codec registry,
// which here is Qt's (ICU backed) converter list.
QByteArray normalEncodingName(const QByteArray &name)
{
    const QByteArray folded = name.left(12).toLower().replace('_', '-');
    if (folded == "utf-8" || folded.startsWith("utf-8-"))
        return "utf-8"_ba;
    for (const char *latin1 : {"latin-1", "iso-8859-1", "iso-latin-1"}) {
        if (folded == latin1 || folded.startsWith(QByteArray(QByteArray(latin1) + '-')))
            return "iso-8859-1"_ba;
    }
    return name;
}

// Returns the decoded text with line endings normalised to '\n', as Python's
// tokenizer sees it, or the syntax error Python would raise while decoding.
std::optional<QString> decodeSource(QByteArrayView source, std::optional<SyntaxError> &error)
{
    const bool hasBom = source.startsWith("\xEF\xBB\xBF");
    if (hasBom)
        source = source.sliced(3);

    QByteArray encoding = "utf-8"_ba;
    int cookieLine = 0;
    const qsizetype firstEnd = source.indexOf('\n');
    const QByteArrayView firstLine = firstEnd < 0 ? source : source.first(firstEnd + 1);
    if (auto cookie = encodingCookie(firstLine)) {
        encoding = normalEncodingName(*cookie);
        cookieLine = 1;
    } else if (firstEnd >= 0 && isBlankOrCommentLine(firstLine)) {
        const QByteArrayView rest = source.sliced(firstEnd + 1);
        const qsizetype secondEnd = rest.indexOf('\n');
        if (auto cookie = encodingCookie(secondEnd < 0 ? rest : rest.first(secondEnd + 1))) {
            encoding = normalEncodingName(*cookie);
            cookieLine = 2;
        }
    }

    if (hasBom && encoding != "utf-8") {
        error = SyntaxError{
            cookieLine, syntaxErrorText(QCoreApplication::translate("retort::PythonLiteralParser",
                                                                    "encoding problem: %1 with BOM")
                                            .arg(QString::fromLatin1(encoding)))};
        return std::nullopt;
    }

    QStringDecoder decoder = encoding == "utf-8"        ? QStringDecoder(QStringConverter::Utf8)
                             : encoding == "iso-8859-1" ? QStringDecoder(QStringConverter::Latin1)
                                                        : QStringDecoder(encoding.constData());
    if (!decoder.isValid()) {
        error = SyntaxError{
            cookieLine, syntaxErrorText(QCoreApplication::translate("retort::PythonLiteralParser",
                                                                    "unknown encoding: %1")
                                            .arg(QString::fromLatin1(encoding)))};
        return std::nullopt;
    }
    QString text = decoder.decode(source);
    if (decoder.hasError()) {
        // The decoder substitutes U+FFFD for what it cannot read; the first one
        // is the best guess of where the bad bytes are.
        const qsizetype bad = text.indexOf(QChar::ReplacementCharacter);
        const int line = bad < 0 ? 0 : 1 + int(text.first(bad).count(u'\n'));
        const QString detail =
            cookieLine == 0
                ? QCoreApplication::translate(
                      "retort::PythonLiteralParser",
                      "Non-UTF-8 code on line %1, but no encoding declared (see PEP 263)")
                      .arg(line)
                : QCoreApplication::translate("retort::PythonLiteralParser",
                                              "the file is not valid %1 (line %2)")
                      .arg(QString::fromLatin1(encoding))
                      .arg(line);
        error = SyntaxError{line, syntaxErrorText(detail)};
        return std::nullopt;
    }
    if (text.contains(u'\r')) {
        text.replace(u"\r\n"_s, u"\n"_s);
        text.replace(u'\r', u'\n');
    }
    return text;
}

// ---------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------

enum class TokenKind : quint8
{
    Name,
    Number,
    String,
    Operator,
    Open,
    Close
};

enum StringFlag : quint8
{
    RawString = 1,
    BytesString = 2,
    FormattedString = 4
};

struct Token
{
    TokenKind kind = TokenKind::Operator;
    quint8 stringFlags = 0;
    int line = 0;
    qsizetype begin = 0; // the whole token, prefix and quotes included
    qsizetype end = 0;
    qsizetype bodyBegin = 0; // a string's contents between the quotes
    qsizetype bodyEnd = 0;
};

bool isAsciiIdentifierChar(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_';
}

bool isIdentifierChar(QChar c)
{
    if (c.unicode() < 0x80)
        return isAsciiIdentifierChar(c.unicode());
    return c.isLetterOrNumber() || c.isMark() || c.isSurrogate();
}

bool isIdentifierStart(QChar c)
{
    if (c.unicode() < 0x80)
        return isAsciiIdentifierChar(c.unicode()) && !(c >= u'0' && c <= u'9');
    return c.isLetter() || c.isSurrogate();
}

// The characters that can change how the rest of a line is read: string quotes,
// comments, line ends, continuation backslashes and brackets.
constexpr std::array<bool, 128> structuralChars = [] {
    std::array<bool, 128> table{};
    for (const char c : {'"', '\'', '#', '\n', '\\', '(', ')', '[', ']', '{', '}'})
        table[size_t(c)] = true;
    return table;
}();

bool isStructuralChar(char16_t c)
{
    return c < 128 && structuralChars[c];
}

// Returns the string flags when `prefix` is a valid Python 3 string prefix.
std::optional<quint8> stringPrefixFlags(QStringView prefix)
{
    if (prefix.size() > 2)
        return std::nullopt;
    quint8 flags = 0;
    bool unicode = false;
    for (const QChar c : prefix) {
        quint8 flag = 0;
        switch (c.toLower().unicode()) {
        case u'r':
            flag = RawString;
            break;
        case u'b':
            flag = BytesString;
            break;
        case u'f':
            flag = FormattedString;
            break;
        case u'u':
            unicode = true;
            continue;
        default:
            return std::nullopt;
        }
        if (flags & flag)
            return std::nullopt;
        flags |= flag;
    }
    // `u` stands alone; bytes and f-strings cannot be combined.
    if (unicode && prefix.size() > 1)
        return std::nullopt;
    if ((flags & BytesString) && (flags & FormattedString))
        return std::nullopt;
    return flags;
}

// Length of the operator starting at `text` (Python's longest-match rule);
// written out by hand because this runs for every operator in the file.
qsizetype operatorLength(const char16_t *text, qsizetype available)
{
    const char16_t first = text[0];
    const char16_t second = available > 1 ? text[1] : u'\0';
    const char16_t third = available > 2 ? text[2] : u'\0';
    switch (first) {
    case u'*': // * ** *= **=
    case u'/': // / // /= //=
    case u'<': // < << <= <<=
    case u'>': // > >> >= >>=
        if (second == first)
            return third == u'=' ? 3 : 2;
        return second == u'=' ? 2 : 1;
    case u'.':
        return second == u'.' && third == u'.' ? 3 : 1;
    case u'-':
        return second == u'=' || second == u'>' ? 2 : 1;
    case u'=':
    case u'!':
    case u'+':
    case u'%':
    case u'&':
    case u'|':
    case u'^':
    case u'@':
    case u':':
        return second == u'=' ? 2 : 1;
    default:
        return 1;
    }
}

// Splits the text into tokens one logical line at a time, tracking brackets so
// that implicit continuations join physical lines. Indentation only matters as
// "does the logical line start in column 0", which is what module level means.
class Tokenizer
{
public:
    explicit Tokenizer(QStringView text) : m_text(text) {}

    // Reads the next logical line into `tokens`. Returns false at the end of the
    // text or at the first syntax error (see error()). The tokens of an indented
    // line are not kept (nobody needs them; function bodies are most of a file),
    // but the line is still tokenized to find its end and its errors.
    bool readLogicalLine(std::vector<Token> &tokens, bool &indented);
    const std::optional<SyntaxError> &error() const { return m_error; }

private:
    bool fail(int line, const QString &detail)
    {
        m_error = SyntaxError{line, syntaxErrorText(detail)};
        return false;
    }
    bool scanString(qsizetype tokenBegin, quint8 flags, std::vector<Token> &tokens);
    void startToken(qsizetype begin, bool &indented)
    {
        if (!m_lineHasTokens) {
            m_lineHasTokens = true;
            indented = begin != m_lineStart;
            m_keepTokens = !indented;
        }
    }
    void addToken(std::vector<Token> &tokens, const Token &token) const
    {
        if (m_keepTokens)
            tokens.push_back(token);
    }

    struct OpenBracket
    {
        char16_t character;
        int line;
    };

    QStringView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    qsizetype m_lineStart = 0;
    bool m_lineHasTokens = false;
    bool m_keepTokens = false;
    QVarLengthArray<OpenBracket, 16> m_brackets;
    std::optional<SyntaxError> m_error;
};

bool Tokenizer::readLogicalLine(std::vector<Token> &tokens, bool &indented)
{
    tokens.clear();
    indented = false;
    m_lineHasTokens = false;
    if (m_error)
        return false;
    const qsizetype size = m_text.size();
    const char16_t *text = m_text.utf16();
    while (true) {
        if (m_pos >= size) {
            if (!m_brackets.isEmpty()) {
                const OpenBracket &open = m_brackets.last(); // Python names the innermost
                return fail(open.line, QCoreApplication::translate("retort::PythonLiteralParser",
                                                                   "'%1' was never closed")
                                           .arg(QChar(open.character)));
            }
            return m_lineHasTokens;
        }
        if (!m_keepTokens && m_lineHasTokens) {
            // Inside an indented line only strings, comments, brackets and line
            // ends matter; everything else is skipped without making tokens.
            while (m_pos < size && !isStructuralChar(text[m_pos]))
                ++m_pos;
            if (m_pos >= size)
                continue;
        }
        const char16_t c = text[m_pos];
        switch (c) {
        case u' ':
        case u'\t':
        case u'\f':
            do {
                ++m_pos;
            } while (m_pos < size &&
                     (text[m_pos] == u' ' || text[m_pos] == u'\t' || text[m_pos] == u'\f'));
            continue;
        case u'#': {
            const qsizetype newline = m_text.indexOf(u'\n', m_pos);
            m_pos = newline < 0 ? size : newline;
            continue;
        }
        case u'\n':
            ++m_pos;
            ++m_line;
            m_lineStart = m_pos;
            if (m_brackets.isEmpty() && m_lineHasTokens)
                return true;
            continue;
        case u'\\':
            if (m_pos + 1 >= size)
                return fail(m_line, QCoreApplication::translate("retort::PythonLiteralParser",
                                                                "unexpected EOF while parsing"));
            if (text[m_pos + 1] != u'\n')
                return fail(m_line, QCoreApplication::translate(
                                        "retort::PythonLiteralParser",
                                        "unexpected character after line continuation character"));
            m_pos += 2;
            ++m_line;
            m_lineStart = m_pos;
            continue;
        case u'"':
        case u'\'':
            startToken(m_pos, indented);
            if (!scanString(m_pos, 0, tokens))
                return false;
            continue;
        case u'(':
        case u'[':
        case u'{':
            startToken(m_pos, indented);
            m_brackets.append({c, m_line});
            addToken(tokens, Token{TokenKind::Open, 0, m_line, m_pos, m_pos + 1});
            ++m_pos;
            continue;
        case u')':
        case u']':
        case u'}': {
            startToken(m_pos, indented);
            if (m_brackets.isEmpty())
                return fail(m_line, QCoreApplication::translate("retort::PythonLiteralParser",
                                                                "unmatched '%1'")
                                        .arg(QChar(c)));
            const OpenBracket open = m_brackets.last();
            m_brackets.removeLast();
            const char16_t expected = open.character == u'('   ? u')'
                                      : open.character == u'[' ? u']'
                                                               : u'}';
            if (c != expected) {
                const QString detail =
                    open.line == m_line
                        ? QCoreApplication::translate(
                              "retort::PythonLiteralParser",
                              "closing parenthesis '%1' does not match opening parenthesis '%2'")
                              .arg(QChar(c), QChar(open.character))
                        : QCoreApplication::translate("retort::PythonLiteralParser",
                                                      "closing parenthesis '%1' does not match "
                                                      "opening parenthesis '%2' on line %3")
                              .arg(QChar(c), QChar(open.character))
                              .arg(open.line);
                return fail(m_line, detail);
            }
            addToken(tokens, Token{TokenKind::Close, 0, m_line, m_pos, m_pos + 1});
            ++m_pos;
            continue;
        }
        default:
            break;
        }

        startToken(m_pos, indented);
        const qsizetype begin = m_pos;
        if (isIdentifierStart(QChar(c))) {
            ++m_pos;
            while (m_pos < size) {
                const char16_t n = text[m_pos];
                if (n < 0x80 ? !isAsciiIdentifierChar(n) : !isIdentifierChar(QChar(n)))
                    break;
                ++m_pos;
            }
            if (m_pos < size && (text[m_pos] == u'"' || text[m_pos] == u'\'')) {
                if (auto flags = stringPrefixFlags(m_text.sliced(begin, m_pos - begin))) {
                    if (!scanString(begin, *flags, tokens))
                        return false;
                    continue;
                }
            }
            addToken(tokens, Token{TokenKind::Name, 0, m_line, begin, m_pos});
            continue;
        }
        const bool startsNumber =
            (c >= u'0' && c <= u'9') ||
            (c == u'.' && m_pos + 1 < size && text[m_pos + 1] >= u'0' && text[m_pos + 1] <= u'9');
        if (startsNumber) {
            const bool hexadecimal = c == u'0' && m_pos + 1 < size &&
                                     (text[m_pos + 1] == u'x' || text[m_pos + 1] == u'X');
            ++m_pos;
            while (m_pos < size) {
                const char16_t n = text[m_pos];
                if (isAsciiIdentifierChar(n) || n == u'.') {
                    ++m_pos;
                } else if ((n == u'+' || n == u'-') && !hexadecimal &&
                           (text[m_pos - 1] == u'e' || text[m_pos - 1] == u'E')) {
                    ++m_pos; // exponent sign
                } else {
                    break;
                }
            }
            addToken(tokens, Token{TokenKind::Number, 0, m_line, begin, m_pos});
            continue;
        }
        m_pos += operatorLength(text + m_pos, size - m_pos);
        addToken(tokens, Token{TokenKind::Operator, 0, m_line, begin, m_pos});
    }
}

bool Tokenizer::scanString(qsizetype tokenBegin, quint8 flags, std::vector<Token> &tokens)
{
    const qsizetype size = m_text.size();
    const char16_t *text = m_text.utf16();
    const char16_t quote = text[m_pos];
    const int startLine = m_line;
    const bool triple = m_pos + 2 < size && text[m_pos + 1] == quote && text[m_pos + 2] == quote;
    m_pos += triple ? 3 : 1;
    const qsizetype bodyBegin = m_pos;
    while (true) {
        // Most of a string is plain text: only the quote, a backslash and a line
        // end need a closer look.
        while (m_pos < size && text[m_pos] != quote && text[m_pos] != u'\\' && text[m_pos] != u'\n')
            ++m_pos;
        if (m_pos >= size) {
            return fail(
                startLine,
                triple ? QCoreApplication::translate("retort::PythonLiteralParser",
                                                     "unterminated triple-quoted string literal")
                       : QCoreApplication::translate("retort::PythonLiteralParser",
                                                     "unterminated string literal"));
        }
        const char16_t c = text[m_pos];
        if (c == u'\\') {
            // Even in raw strings a backslash keeps the next character (a quote
            // or a newline) from ending the literal.
            if (m_pos + 1 < size && text[m_pos + 1] == u'\n')
                ++m_line;
            m_pos += 2;
            continue;
        }
        if (c == u'\n') {
            if (!triple)
                return fail(startLine, QCoreApplication::translate("retort::PythonLiteralParser",
                                                                   "unterminated string literal"));
            ++m_line;
        } else if (c == quote && (!triple || (m_pos + 2 < size && text[m_pos + 1] == quote &&
                                              text[m_pos + 2] == quote))) {
            const qsizetype bodyEnd = m_pos;
            m_pos += triple ? 3 : 1;
            addToken(tokens, Token{TokenKind::String, flags, startLine, tokenBegin, m_pos,
                                   bodyBegin, bodyEnd});
            return true;
        }
        ++m_pos;
    }
}

// ---------------------------------------------------------------------------
// String literal values
// ---------------------------------------------------------------------------

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

// Applies Python's escape sequences of a (non-bytes) str literal. `\N{name}` is
// kept as written: resolving Unicode character names would need the whole
// name table, and no revision header uses them.
bool unescape(QStringView body, QString &out, QString &error)
{
    if (!body.contains(u'\\')) {
        out = body.toString();
        return true;
    }
    out.clear();
    out.reserve(body.size());
    const qsizetype size = body.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = body[i];
        if (c != u'\\' || i + 1 >= size) {
            out.append(c);
            continue;
        }
        const QChar e = body[++i];
        switch (e.unicode()) {
        case u'\n':
            break; // backslash-newline continues the literal on the next line
        case u'\\':
        case u'\'':
        case u'"':
            out.append(e);
            break;
        case u'a':
            out.append(u'\a');
            break;
        case u'b':
            out.append(u'\b');
            break;
        case u'f':
            out.append(u'\f');
            break;
        case u'n':
            out.append(u'\n');
            break;
        case u'r':
            out.append(u'\r');
            break;
        case u't':
            out.append(u'\t');
            break;
        case u'v':
            out.append(u'\v');
            break;
        case u'0':
        case u'1':
        case u'2':
        case u'3':
        case u'4':
        case u'5':
        case u'6':
        case u'7': {
            uint value = e.unicode() - u'0';
            for (int digits = 1;
                 digits < 3 && i + 1 < size && body[i + 1] >= u'0' && body[i + 1] <= u'7'; ++digits)
                value = value * 8 + (body[++i].unicode() - u'0');
            out.append(QChar(char16_t(value)));
            break;
        }
        case u'x':
        case u'u':
        case u'U': {
            const int digits = e == u'x' ? 2 : e == u'u' ? 4 : 8;
            char32_t value = 0;
            for (int d = 0; d < digits; ++d) {
                const int h = i + 1 < size ? hexValue(body[i + 1]) : -1;
                if (h < 0) {
                    error = QCoreApplication::translate("retort::PythonLiteralParser",
                                                        "truncated \\%1 escape in a string")
                                .arg(e);
                    return false;
                }
                value = value * 16 + char32_t(h);
                ++i;
            }
            if (value > 0x10FFFF) {
                error = QCoreApplication::translate("retort::PythonLiteralParser",
                                                    "illegal Unicode character in a string");
                return false;
            }
            const char32_t ucs4[] = {value};
            out.append(QString::fromUcs4(ucs4, 1));
            break;
        }
        default:
            // Unknown escapes (and \N{...}) keep their backslash, as in Python.
            out.append(u'\\');
            out.append(e);
            break;
        }
    }
    return true;
}

// ---------------------------------------------------------------------------
// Literal values
// ---------------------------------------------------------------------------

struct LiteralValue
{
    enum class Kind
    {
        Str,
        Bytes,
        None,
        Tuple,
        List
    };
    Kind kind = Kind::None;
    QString text;              // Str
    QList<LiteralValue> items; // Tuple, List
};

QString describeKind(const LiteralValue &value)
{
    switch (value.kind) {
    case LiteralValue::Kind::Str:
        return QCoreApplication::translate("retort::PythonLiteralParser", "a string");
    case LiteralValue::Kind::Bytes:
        return QCoreApplication::translate("retort::PythonLiteralParser", "a bytes literal");
    case LiteralValue::Kind::None:
        return u"None"_s;
    case LiteralValue::Kind::Tuple:
        return QCoreApplication::translate("retort::PythonLiteralParser", "a tuple");
    case LiteralValue::Kind::List:
        return QCoreApplication::translate("retort::PythonLiteralParser", "a list");
    }
    return {};
}

bool isKeyword(QStringView name)
{
    static constexpr std::array<QStringView, 20> keywords = {
        u"and",  u"as",     u"assert", u"async",  u"await", u"del",  u"for",
        u"from", u"global", u"if",     u"import", u"in",    u"is",   u"lambda",
        u"not",  u"or",     u"pass",   u"return", u"while", u"yield"};
    return std::find(keywords.begin(), keywords.end(), name) != keywords.end();
}

// Reads a literal made of strings, None, tuples and lists from a token range,
// the only values a revision header may use. Anything else is described in
// `found` so the problem can say what was there instead.
class LiteralReader
{
public:
    LiteralReader(QStringView text, const Token *begin, const Token *end)
        : m_text(text), m_pos(begin), m_end(end)
    {
    }

    std::optional<LiteralValue> read()
    {
        if (m_pos == m_end) {
            found = QCoreApplication::translate("retort::PythonLiteralParser", "no value");
            return std::nullopt;
        }
        LiteralValue value;
        bool isTuple = false;
        if (!readList(value, isTuple))
            return std::nullopt;
        if (m_pos != m_end) {
            describeUnexpected();
            return std::nullopt;
        }
        return value;
    }

    QString found;                          // set when the value is not a literal
    std::optional<SyntaxError> syntaxError; // set when a string cannot be decoded

private:
    QStringView textOf(const Token *token) const
    {
        return m_text.sliced(token->begin, token->end - token->begin);
    }
    bool isOperator(const Token *token, char16_t op) const
    {
        return token != m_end && token->kind == TokenKind::Operator &&
               token->end - token->begin == 1 && m_text[token->begin] == op;
    }
    bool atListEnd() const { return m_pos == m_end || m_pos->kind == TokenKind::Close; }

    // item (',' item)* ','?  — a tuple as soon as there is one comma.
    bool readList(LiteralValue &out, bool &isTuple)
    {
        LiteralValue first;
        if (!readItem(first))
            return false;
        if (!isOperator(m_pos, u',')) {
            out = std::move(first);
            isTuple = false;
            return true;
        }
        isTuple = true;
        out = LiteralValue{LiteralValue::Kind::Tuple, {}, {std::move(first)}};
        while (isOperator(m_pos, u',')) {
            ++m_pos;
            if (atListEnd())
                break;
            LiteralValue item;
            if (!readItem(item))
                return false;
            out.items.append(std::move(item));
        }
        return true;
    }

    // An atom that must be followed by a comma, a closing bracket or the end.
    bool readItem(LiteralValue &out)
    {
        if (!readAtom(out))
            return false;
        if (m_pos != m_end && !isOperator(m_pos, u',') && m_pos->kind != TokenKind::Close) {
            describeUnexpected();
            return false;
        }
        return true;
    }

    bool readAtom(LiteralValue &out)
    {
        if (m_pos == m_end) {
            found = QCoreApplication::translate("retort::PythonLiteralParser",
                                                "an incomplete expression");
            return false;
        }
        const Token *token = m_pos;
        switch (token->kind) {
        case TokenKind::String:
            return readStrings(out);
        case TokenKind::Name:
            if (textOf(token) == u"None") {
                ++m_pos;
                out = LiteralValue{};
                return true;
            }
            describeName(token);
            return false;
        case TokenKind::Number:
            found = QCoreApplication::translate("retort::PythonLiteralParser", "a number '%1'")
                        .arg(textOf(token));
            return false;
        case TokenKind::Open: {
            const QChar bracket = m_text[token->begin];
            if (bracket == u'{') {
                found = QCoreApplication::translate("retort::PythonLiteralParser", "a dict or set");
                return false;
            }
            ++m_pos;
            const bool isList = bracket == u'[';
            if (m_pos != m_end && m_pos->kind == TokenKind::Close) {
                ++m_pos;
                out = LiteralValue{
                    isList ? LiteralValue::Kind::List : LiteralValue::Kind::Tuple, {}, {}};
                return true;
            }
            LiteralValue inner;
            bool isTuple = false;
            if (!readList(inner, isTuple))
                return false;
            if (m_pos == m_end || m_pos->kind != TokenKind::Close) {
                describeUnexpected();
                return false;
            }
            ++m_pos;
            if (isList) {
                out = LiteralValue{LiteralValue::Kind::List, {}, {}};
                if (isTuple)
                    out.items = std::move(inner.items);
                else
                    out.items.append(std::move(inner));
            } else {
                out = std::move(inner); // parentheses only group unless a comma made a tuple
            }
            return true;
        }
        case TokenKind::Close:
        case TokenKind::Operator:
            found = QCoreApplication::translate("retort::PythonLiteralParser",
                                                "an expression starting with '%1'")
                        .arg(textOf(token));
            return false;
        }
        return false;
    }

    // Adjacent string literals are one value ("ab" "cd" is "abcd").
    bool readStrings(LiteralValue &out)
    {
        const Token *first = m_pos;
        bool sawBytes = false;
        bool sawText = false;
        QString joined;
        for (; m_pos != m_end && m_pos->kind == TokenKind::String; ++m_pos) {
            const quint8 flags = m_pos->stringFlags;
            if (flags & FormattedString) {
                found = QCoreApplication::translate("retort::PythonLiteralParser", "an f-string");
                return false;
            }
            (flags & BytesString ? sawBytes : sawText) = true;
            if (flags & BytesString)
                continue; // bytes are never a valid header value; their contents do not matter
            const QStringView body =
                m_text.sliced(m_pos->bodyBegin, m_pos->bodyEnd - m_pos->bodyBegin);
            if (flags & RawString) {
                joined += body;
                continue;
            }
            QString value;
            QString error;
            if (!unescape(body, value, error)) {
                syntaxError = SyntaxError{m_pos->line, syntaxErrorText(error)};
                return false;
            }
            joined += value;
        }
        if (sawBytes && sawText) {
            syntaxError = SyntaxError{first->line, syntaxErrorText(QCoreApplication::translate(
                                                       "retort::PythonLiteralParser",
                                                       "cannot mix bytes and nonbytes literals"))};
            return false;
        }
        out = LiteralValue{
            sawBytes ? LiteralValue::Kind::Bytes : LiteralValue::Kind::Str, std::move(joined), {}};
        return true;
    }

    void describeName(const Token *token)
    {
        const QStringView name = textOf(token);
        const Token *next = token + 1;
        if (name == u"True" || name == u"False" || name == u"Ellipsis") {
            found = QCoreApplication::translate("retort::PythonLiteralParser", "the constant '%1'")
                        .arg(name);
        } else if (isKeyword(name)) {
            found = QCoreApplication::translate("retort::PythonLiteralParser",
                                                "an expression starting with '%1'")
                        .arg(name);
        } else if (next != m_end && next->kind == TokenKind::Open && m_text[next->begin] == u'(') {
            found = QCoreApplication::translate("retort::PythonLiteralParser", "a call to '%1'")
                        .arg(name);
        } else if (next != m_end && next->kind == TokenKind::Open && m_text[next->begin] == u'[') {
            found =
                QCoreApplication::translate("retort::PythonLiteralParser", "a subscript of '%1'")
                    .arg(name);
        } else if (isOperator(next, u'.')) {
            found =
                QCoreApplication::translate("retort::PythonLiteralParser", "an attribute of '%1'")
                    .arg(name);
        } else {
            found =
                QCoreApplication::translate("retort::PythonLiteralParser", "a name '%1'").arg(name);
        }
    }

    // Something follows a complete literal: an operator, a call, an attribute...
    void describeUnexpected()
    {
        const Token *token = m_pos;
        if (token == m_end) {
            found = QCoreApplication::translate("retort::PythonLiteralParser",
                                                "an incomplete expression");
            return;
        }
        const QStringView text = textOf(token);
        if (token->kind == TokenKind::Open && text == u"(")
            found = QCoreApplication::translate("retort::PythonLiteralParser", "a call");
        else if (token->kind == TokenKind::Open && text == u"[")
            found = QCoreApplication::translate("retort::PythonLiteralParser", "a subscript");
        else if (token->kind == TokenKind::Operator && text == u".")
            found =
                QCoreApplication::translate("retort::PythonLiteralParser", "an attribute access");
        else if (token->kind == TokenKind::Name && text == u"if")
            found = QCoreApplication::translate("retort::PythonLiteralParser",
                                                "a conditional expression");
        else if (token->kind == TokenKind::Name && text == u"for")
            found = QCoreApplication::translate("retort::PythonLiteralParser", "a comprehension");
        else
            found = QCoreApplication::translate("retort::PythonLiteralParser",
                                                "an expression with '%1'")
                        .arg(text);
    }

    QStringView m_text;
    const Token *m_pos;
    const Token *m_end;
};

// ---------------------------------------------------------------------------
// Module-level statements
// ---------------------------------------------------------------------------

enum Field
{
    Revision,
    DownRevision,
    BranchLabels,
    DependsOn,
    FieldCount
};

constexpr std::array<QStringView, FieldCount> fieldNames = {u"revision", u"down_revision",
                                                            u"branch_labels", u"depends_on"};

// The state of one field after the statements read so far: Python keeps the
// last binding, so each new statement replaces what was there.
struct FieldBinding
{
    bool bound = false;
    int targetLine = 0;
    int valueLine = 0;
    std::optional<LiteralValue> value;
    // What the value is, when it is not a literal; empty when the value has a
    // syntax error, which is reported once for the whole file instead.
    QString found;
};

class HeaderReader
{
public:
    explicit HeaderReader(QStringView text) : m_text(text) {}

    void run();

    std::array<FieldBinding, FieldCount> fields;
    QString docstring;
    std::optional<SyntaxError> syntaxError;

private:
    QStringView textOf(const Token &token) const
    {
        return m_text.sliced(token.begin, token.end - token.begin);
    }
    bool isOperator(const Token &token, char16_t op) const
    {
        return token.kind == TokenKind::Operator && token.end - token.begin == 1 &&
               m_text[token.begin] == op;
    }
    int fieldOf(const Token &token) const
    {
        if (token.kind != TokenKind::Name)
            return -1;
        const QStringView name = textOf(token);
        for (int field = 0; field < FieldCount; ++field) {
            if (name == fieldNames[field])
                return field;
        }
        return -1;
    }
    bool isAugmentedAssignment(const Token &token) const
    {
        if (token.kind != TokenKind::Operator || token.end - token.begin < 2)
            return false;
        const QStringView op = textOf(token);
        return op.endsWith(u'=') && op != u"==" && op != u"!=" && op != u"<=" && op != u">=" &&
               op != u":=";
    }

    void processLogicalLine(const Token *begin, const Token *end);
    void processStatement(const Token *begin, const Token *end);
    void processImport(const Token *begin, const Token *end);
    void assign(int field, const Token &target, const Token *valueBegin, const Token *valueEnd);
    void bind(int field, int targetLine, int valueLine, std::optional<LiteralValue> value,
              const QString &found);
    bool unpack(const Token *targetBegin, const Token *targetEnd, const Token *valueBegin,
                const Token *valueEnd);

    QStringView m_text;
    bool m_firstStatement = true;
};

void HeaderReader::run()
{
    Tokenizer tokenizer(m_text);
    std::vector<Token> tokens;
    tokens.reserve(64);
    bool indented = false;
    while (tokenizer.readLogicalLine(tokens, indented)) {
        // Indented lines belong to a def, class or block body: not module level.
        if (!indented)
            processLogicalLine(tokens.data(), tokens.data() + tokens.size());
        m_firstStatement = false;
    }
    if (tokenizer.error())
        syntaxError = tokenizer.error();
}

void HeaderReader::processLogicalLine(const Token *begin, const Token *end)
{
    // A compound statement's header may carry its body on the same line
    // (`if x: revision = "a"`); that body is not module level.
    static constexpr std::array<QStringView, 12> compoundKeywords = {
        u"if",  u"elif",   u"else",    u"for",  u"while", u"try",
        u"def", u"except", u"finally", u"with", u"async", u"class"};
    if (begin->kind == TokenKind::Name) {
        const QStringView keyword = textOf(*begin);
        if (std::find(compoundKeywords.begin(), compoundKeywords.end(), keyword) !=
            compoundKeywords.end()) {
            // `def revision():` and `class revision:` still rebind the name.
            if ((keyword == u"def" || keyword == u"class") && begin + 1 != end) {
                const int field = fieldOf(begin[1]);
                if (field >= 0)
                    bind(field, begin[1].line, begin[1].line, std::nullopt,
                         keyword == u"def" ? QCoreApplication::translate(
                                                 "retort::PythonLiteralParser", "a function")
                                           : QCoreApplication::translate(
                                                 "retort::PythonLiteralParser", "a class"));
            }
            return;
        }
    }
    // Simple statements separated by ';' at bracket depth 0.
    int depth = 0;
    const Token *statementBegin = begin;
    for (const Token *token = begin; token != end; ++token) {
        if (token->kind == TokenKind::Open)
            ++depth;
        else if (token->kind == TokenKind::Close)
            --depth;
        else if (depth == 0 && isOperator(*token, u';')) {
            processStatement(statementBegin, token);
            statementBegin = token + 1;
        }
    }
    processStatement(statementBegin, end);
}

void HeaderReader::processStatement(const Token *begin, const Token *end)
{
    if (begin == end)
        return;
    const bool first = m_firstStatement;
    m_firstStatement = false;

    if (first && (begin->kind == TokenKind::String || begin->kind == TokenKind::Open)) {
        // A module docstring is a first statement that is a str literal.
        bool hasAssignment = false;
        for (const Token *token = begin; token != end && !hasAssignment; ++token)
            hasAssignment = isOperator(*token, u'=');
        if (!hasAssignment) {
            LiteralReader reader(m_text, begin, end);
            const std::optional<LiteralValue> value = reader.read();
            if (value && value->kind == LiteralValue::Kind::Str)
                docstring = value->text;
            else if (reader.syntaxError && !syntaxError)
                syntaxError = reader.syntaxError;
            return;
        }
    }

    if (begin->kind == TokenKind::Name) {
        const QStringView keyword = textOf(*begin);
        if (keyword == u"import" || keyword == u"from") {
            processImport(begin, end);
            return;
        }
        if (keyword == u"del") {
            // Only a bare name in the list is unbound (`del x[revision]` is not).
            for (const Token *token = begin + 1; token != end; ++token) {
                const int field = fieldOf(*token);
                const bool previousSeparates = token == begin + 1 || isOperator(token[-1], u',');
                const bool nextSeparates = token + 1 == end || isOperator(token[1], u',');
                if (field >= 0 && previousSeparates && nextSeparates)
                    fields[field] = FieldBinding{};
            }
            return;
        }
    }

    const int leadingField = fieldOf(*begin);
    if (leadingField >= 0 && begin + 1 != end) {
        const Token &next = begin[1];
        if (isOperator(next, u':')) {
            // Annotated assignment; without a value it binds nothing.
            int depth = 0;
            for (const Token *token = begin + 2; token != end; ++token) {
                if (token->kind == TokenKind::Open)
                    ++depth;
                else if (token->kind == TokenKind::Close)
                    --depth;
                else if (depth == 0 && isOperator(*token, u'=')) {
                    assign(leadingField, *begin, token + 1, end);
                    break;
                }
            }
            return;
        }
        if (isAugmentedAssignment(next)) {
            bind(leadingField, begin->line, next.line, std::nullopt,
                 QCoreApplication::translate("retort::PythonLiteralParser",
                                             "an augmented assignment '%1'")
                     .arg(textOf(next)));
            return;
        }
    }

    // Plain (possibly chained) assignment: targets = ... = value.
    QVarLengthArray<const Token *, 4> equals;
    int depth = 0;
    for (const Token *token = begin; token != end; ++token) {
        if (token->kind == TokenKind::Open)
            ++depth;
        else if (token->kind == TokenKind::Close)
            --depth;
        else if (depth == 0 && isOperator(*token, u'='))
            equals.append(token);
    }
    if (equals.isEmpty())
        return;
    const Token *valueBegin = equals.last() + 1;
    const Token *targetBegin = begin;
    for (const Token *equal : equals) {
        if (equal - targetBegin == 1) {
            const int field = fieldOf(*targetBegin);
            if (field >= 0)
                assign(field, *targetBegin, valueBegin, end);
        } else {
            unpack(targetBegin, equal, valueBegin, end);
        }
        targetBegin = equal + 1;
    }
}

// `import a.b as revision`, `from x import revision` bind names to modules and
// objects, which are never literals.
void HeaderReader::processImport(const Token *begin, const Token *end)
{
    const Token *names = begin + 1;
    if (textOf(*begin) == u"from") {
        while (names != end && !(names->kind == TokenKind::Name && textOf(*names) == u"import"))
            ++names;
        if (names == end)
            return;
        ++names;
    }
    const Token *itemFirstName = nullptr;
    for (const Token *token = names; token != end; ++token) {
        if (token->kind == TokenKind::Name) {
            if (textOf(*token) == u"as" && token + 1 != end) {
                itemFirstName = ++token;
                continue;
            }
            if (!itemFirstName)
                itemFirstName = token;
        } else if (isOperator(*token, u',') || token->kind == TokenKind::Close) {
            if (itemFirstName) {
                const int field = fieldOf(*itemFirstName);
                if (field >= 0)
                    bind(field, itemFirstName->line, itemFirstName->line, std::nullopt,
                         QCoreApplication::translate("retort::PythonLiteralParser", "an import"));
            }
            itemFirstName = nullptr;
        }
    }
    if (itemFirstName) {
        const int field = fieldOf(*itemFirstName);
        if (field >= 0)
            bind(field, itemFirstName->line, itemFirstName->line, std::nullopt,
                 QCoreApplication::translate("retort::PythonLiteralParser", "an import"));
    }
}

void HeaderReader::assign(int field, const Token &target, const Token *valueBegin,
                          const Token *valueEnd)
{
    const int valueLine = valueBegin != valueEnd ? valueBegin->line : target.line;
    LiteralReader reader(m_text, valueBegin, valueEnd);
    std::optional<LiteralValue> value = reader.read();
    if (reader.syntaxError && !syntaxError)
        syntaxError = reader.syntaxError;
    bind(field, target.line, valueLine, std::move(value), reader.found);
}

void HeaderReader::bind(int field, int targetLine, int valueLine, std::optional<LiteralValue> value,
                        const QString &found)
{
    fields[field] = FieldBinding{true, targetLine, valueLine, std::move(value), found};
}

// `revision, down_revision = "b", "a"`: a flat list of names on the left, a
// literal sequence of the same length on the right.
bool HeaderReader::unpack(const Token *targetBegin, const Token *targetEnd, const Token *valueBegin,
                          const Token *valueEnd)
{
    if (targetBegin != targetEnd && targetBegin->kind == TokenKind::Open &&
        (targetEnd - 1)->kind == TokenKind::Close) {
        ++targetBegin;
        --targetEnd;
    }
    QVarLengthArray<const Token *, 4> names;
    bool expectName = true;
    for (const Token *token = targetBegin; token != targetEnd; ++token) {
        if (expectName && token->kind == TokenKind::Name)
            names.append(token);
        else if (expectName || !isOperator(*token, u','))
            return false; // not a flat list of names: binds none of our fields
        expectName = !expectName;
    }
    bool anyField = false;
    for (const Token *name : names)
        anyField = anyField || fieldOf(*name) >= 0;
    if (!anyField)
        return true;

    const int valueLine = valueBegin != valueEnd ? valueBegin->line : targetBegin->line;
    LiteralReader reader(m_text, valueBegin, valueEnd);
    const std::optional<LiteralValue> value = reader.read();
    if (reader.syntaxError && !syntaxError)
        syntaxError = reader.syntaxError;
    const bool sequence = value && (value->kind == LiteralValue::Kind::Tuple ||
                                    value->kind == LiteralValue::Kind::List);
    const bool matches = sequence && value->items.size() == names.size();
    for (qsizetype i = 0; i < names.size(); ++i) {
        const int field = fieldOf(*names[i]);
        if (field < 0)
            continue;
        if (matches)
            bind(field, names[i]->line, valueLine, value->items[i], QString());
        else
            bind(field, names[i]->line, valueLine, std::nullopt,
                 value ? QCoreApplication::translate("retort::PythonLiteralParser",
                                                     "an unpacking of %1")
                             .arg(describeKind(*value))
                       : reader.found);
    }
    return true;
}

// ---------------------------------------------------------------------------
// From bindings to a RevisionFile
// ---------------------------------------------------------------------------

QString notLiteralText(int field, const QString &found)
{
    return QCoreApplication::translate("retort::PythonLiteralParser",
                                       "%1 is not a literal (found %2)")
        .arg(fieldNames[field], found);
}

// Validates a down_revision / branch_labels / depends_on value: a str, a tuple
// or list of str, or None. A falsy value (None, "", ()) means "none", as
// Alembic's tuple_rev_as_scalar / to_tuple make it.
std::optional<QStringList> revisionList(int field, const LiteralValue &value, QString &problem)
{
    switch (value.kind) {
    case LiteralValue::Kind::None:
        return QStringList();
    case LiteralValue::Kind::Str:
        return value.text.isEmpty() ? QStringList() : QStringList{value.text};
    case LiteralValue::Kind::Tuple:
    case LiteralValue::Kind::List: {
        QStringList list;
        for (const LiteralValue &item : value.items) {
            if (item.kind != LiteralValue::Kind::Str) {
                problem = QCoreApplication::translate("retort::PythonLiteralParser",
                                                      "%1 must be a string, a tuple or list of "
                                                      "strings, or None (found %2 containing %3)")
                              .arg(fieldNames[field], describeKind(value), describeKind(item));
                return std::nullopt;
            }
            if (item.text.isEmpty()) {
                // An empty branch label is harmless, but an empty parent or
                // dependency id can never be found.
                if (field == BranchLabels)
                    continue;
                problem = QCoreApplication::translate("retort::PythonLiteralParser",
                                                      "%1 contains an empty string")
                              .arg(fieldNames[field]);
                return std::nullopt;
            }
            list.append(item.text);
        }
        return list;
    }
    case LiteralValue::Kind::Bytes:
        break;
    }
    problem = QCoreApplication::translate("retort::PythonLiteralParser",
                                          "%1 must be a string, a tuple or list of strings, "
                                          "or None (found %2)")
                  .arg(fieldNames[field], describeKind(value));
    return std::nullopt;
}

QString fileNameOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(u'/');
    return slash < 0 ? path : path.sliced(slash + 1);
}

// Alembic's `_legacy_rev = re.compile(r"([a-f0-9]+)\.py$")`, used with re.match.
QString legacyRevisionId(const QString &fileName)
{
    if (!fileName.endsWith(u".py"))
        return {};
    const QStringView stem = QStringView(fileName).chopped(3);
    if (stem.isEmpty())
        return {};
    for (const QChar c : stem) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return {};
    }
    return stem.toString();
}

// Alembic's Revision.verify_rev_id.
QString illegalCharactersProblem(const QString &revision)
{
    QStringList found;
    for (const QChar c : {u'+', u'-', u'@'}) { // sorted, as Python's sorted() would
        if (revision.contains(c))
            found.append(QString(c));
    }
    if (found.isEmpty())
        return {};
    return u"Character(s) '"_s + found.join(u", "_s) + u"' not allowed in revision identifier '"_s +
           revision + u"'"_s;
}

} // namespace

RevisionFile PythonLiteralParser::parse(const QString &path, const QByteArray &source)
{
    RevisionFile result;
    result.path = path;
    auto addProblem = [&result](int line, const QString &reason) {
        result.problems.append(FileProblem{result.path, line, reason});
    };

    const QString fileName = fileNameOf(path);
    std::optional<SyntaxError> decodeError;
    if (const qsizetype nul = source.indexOf('\0'); nul >= 0) {
        decodeError = SyntaxError{
            lineOfOffset(source, nul),
            syntaxErrorText(QCoreApplication::translate("retort::PythonLiteralParser",
                                                        "source code cannot contain null bytes"))};
    }
    const std::optional<QString> text =
        decodeError ? std::nullopt : decodeSource(source, decodeError);
    if (!text) {
        addProblem(decodeError->line, decodeError->message);
        result.revision = legacyRevisionId(fileName);
        return result;
    }

    HeaderReader reader(*text);
    reader.run();
    result.docstring = reader.docstring;

    // After a syntax error the rest of the file was not read, so a field that
    // looks missing may just be further down; only the error is reported.
    const bool complete = !reader.syntaxError;
    if (reader.syntaxError)
        addProblem(reader.syntaxError->line, reader.syntaxError->message);

    const FieldBinding &revision = reader.fields[Revision];
    if (!revision.bound) {
        result.revision = legacyRevisionId(fileName);
        if (result.revision.isEmpty() && complete) {
            addProblem(0, u"Could not determine revision id from filename "_s + fileName +
                              u". Be sure the 'revision' variable is declared inside the script "
                              u"(please see 'Upgrading from Alembic 0.1 to 0.2' in the "
                              u"documentation)."_s);
        }
    } else if (!revision.value) {
        if (!revision.found.isEmpty())
            addProblem(revision.valueLine, notLiteralText(Revision, revision.found));
    } else if (revision.value->kind != LiteralValue::Kind::Str) {
        addProblem(revision.valueLine,
                   QCoreApplication::translate("retort::PythonLiteralParser",
                                               "revision must be a string (found %1)")
                       .arg(describeKind(*revision.value)));
    } else if (revision.value->text.isEmpty()) {
        addProblem(revision.valueLine, QCoreApplication::translate("retort::PythonLiteralParser",
                                                                   "revision is an empty string"));
    } else {
        result.revision = revision.value->text;
        result.revisionLine = revision.targetLine;
        const QString illegal = illegalCharactersProblem(result.revision);
        if (!illegal.isEmpty())
            addProblem(revision.valueLine, illegal);
    }

    const std::array<QStringList *, FieldCount> lists = {nullptr, &result.downRevisions,
                                                         &result.branchLabels, &result.dependsOn};
    for (int field = DownRevision; field < FieldCount; ++field) {
        const FieldBinding &binding = reader.fields[field];
        if (!binding.bound) {
            if (field == DownRevision && complete)
                addProblem(0, QCoreApplication::translate("retort::PythonLiteralParser",
                                                          "down_revision is not set"));
            continue;
        }
        if (!binding.value) {
            if (!binding.found.isEmpty())
                addProblem(binding.valueLine, notLiteralText(field, binding.found));
            continue;
        }
        QString problem;
        if (std::optional<QStringList> list = revisionList(field, *binding.value, problem))
            *lists[field] = std::move(*list);
        else
            addProblem(binding.valueLine, problem);
    }
    return result;
}

RevisionFile PythonLiteralParser::parseFile(const QString &path)
{
    const auto ioProblem = [&path](const QString &reason) {
        RevisionFile result;
        result.path = path;
        result.problems.append(FileProblem{
            path, 0,
            QCoreApplication::translate("retort::PythonLiteralParser", "Cannot read %1: %2")
                .arg(path, reason)});
        return result;
    };
#ifdef Q_OS_UNIX
    // Plain open/read: QFile asks stat() twice per file, which for thousands
    // of small revision files costs more than reading them.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioProblem(qt_error_string(errno));
    QByteArray source;
    qsizetype size = 0;
    source.resize(16 * 1024);
    for (;;) {
        if (size == source.size())
            source.resize(source.size() * 2);
        const ssize_t got = ::read(fd, source.data() + size, size_t(source.size() - size));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            const int readError = errno;
            ::close(fd);
            return ioProblem(qt_error_string(readError));
        }
        if (got == 0)
            break;
        size += got;
    }
    ::close(fd);
    source.truncate(size);
#else
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return ioProblem(file.errorString());
    const QByteArray source = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return ioProblem(file.errorString());
#endif
    return parse(path, source);
}

} // namespace retort
