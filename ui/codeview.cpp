#include "codeview.h"

#include "thememanager.h"

#include <QEvent>
#include <QFontDatabase>
#include <QTextBlock>

#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#endif

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
// One repository for the whole application (loading definitions is not free).
KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}
#endif

} // namespace

CodeView::CodeView(QWidget *parent) : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    setFont(font);
    setTabStopDistance(QFontMetricsF(font).horizontalAdvance(u' ') * 4);
    setFrameShape(QFrame::NoFrame);
    m_dark = ThemeManager::isDark(palette());
}

CodeView::~CodeView() = default;

bool CodeView::highlightingAvailable()
{
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    return true;
#else
    return false;
#endif
}

QString CodeView::definitionName() const
{
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    if (m_highlighter)
        return m_highlighter->definition().name();
#endif
    return {};
}

void CodeView::setLanguage(Language language)
{
    if (language == m_language && (m_highlighter || language == Language::Plain))
        return;
    m_language = language;
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    if (language == Language::Plain) {
        delete m_highlighter;
        m_highlighter = nullptr;
        return;
    }
    if (!m_highlighter)
        m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document());
    m_highlighter->setDefinition(
        repository().definitionForName(language == Language::Sql ? u"SQL"_s : u"Python"_s));
    applyTheme(true);
#endif
}

void CodeView::setCode(const QString &code)
{
    m_destructive.clear();
    setPlainText(code);
    updateMarks();
}

void CodeView::setStatements(const QStringList &statements, const QList<bool> &destructive)
{
    QString text;
    QList<QPair<int, int>> ranges;
    int line = 0;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QString statement = statements[i].trimmed() + u';';
        const int lines = int(statement.count(u'\n')) + 1;
        if (i < destructive.size() && destructive[i])
            ranges.append({line, line + lines - 1});
        text += statement + u"\n\n"_s;
        line += lines + 1;
    }
    setPlainText(text);
    m_destructive = ranges;
    updateMarks();
}

int CodeView::destructiveBlockCount() const
{
    return int(m_destructive.size());
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme(false);
        updateMarks();
    }
}

void CodeView::applyTheme(bool force)
{
    const bool dark = ThemeManager::isDark(palette());
    if (!force && m_themeApplied && dark == m_dark)
        return;
    m_dark = dark;
#ifdef RETORT_HAVE_KSYNTAXHIGHLIGHTING
    if (!m_highlighter)
        return;
    m_themeApplied = true;
    m_highlighter->setTheme(repository().defaultTheme(
        dark ? KSyntaxHighlighting::Repository::DarkTheme
             : KSyntaxHighlighting::Repository::LightTheme));
    m_highlighter->rehighlight();
#endif
}

void CodeView::updateMarks()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!m_destructive.isEmpty()) {
        QColor tint(0xda, 0x44, 0x53);
        tint.setAlphaF(ThemeManager::isDark(palette()) ? 0.30f : 0.14f);
        for (const auto &[first, last] : std::as_const(m_destructive)) {
            for (int line = first; line <= last; ++line) {
                QTextEdit::ExtraSelection selection;
                selection.cursor = QTextCursor(document()->findBlockByNumber(line));
                selection.format.setBackground(tint);
                selection.format.setProperty(QTextFormat::FullWidthSelection, true);
                selections.append(selection);
            }
        }
    }
    setExtraSelections(selections);
}

} // namespace retort::ui
