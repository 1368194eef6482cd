#pragma once

#include <QPlainTextEdit>

namespace KSyntaxHighlighting {
class SyntaxHighlighter;
}

namespace retort::ui {

// Read-only, monospace source or SQL. Highlighted with KSyntaxHighlighting
// ("SQL", "Python") when Retort is built with it, plain text otherwise; the
// colour theme follows the palette and the text is rehighlighted only when
// the palette turns from light to dark or back.
class CodeView : public QPlainTextEdit
{
    Q_OBJECT

public:
    enum class Language { Plain, Sql, Python };

    explicit CodeView(QWidget *parent = nullptr);
    ~CodeView() override;

    void setLanguage(Language language);
    Language language() const { return m_language; }

    void setCode(const QString &code);
    // Statements each followed by ";" and a blank line; the destructive ones
    // (dropping tables or columns, deleting rows) get a tinted background.
    void setStatements(const QStringList &statements, const QList<bool> &destructive = {});

    static bool highlightingAvailable();
    // The name of the active highlighting definition, empty for plain text.
    QString definitionName() const;
    int destructiveBlockCount() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme(bool force);
    void updateMarks();

    Language m_language = Language::Plain;
    KSyntaxHighlighting::SyntaxHighlighter *m_highlighter = nullptr;
    bool m_dark = false;
    bool m_themeApplied = false;
    QList<QPair<int, int>> m_destructive; // block ranges [first, last]
};

} // namespace retort::ui
