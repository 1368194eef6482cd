#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QToolButton;

namespace retort::ui {

// An inline message (Retort shows errors where they happen, not in modal
// boxes): a tinted band with a text, and optionally buttons for the actions
// that fix it.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Positive, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void setKind(Kind kind);
    Kind kind() const { return m_kind; }
    void setText(const QString &text);
    QString text() const;
    void setDetails(const QString &details); // tooltip
    // Buttons shown at the right; the actions stay owned by the caller.
    void setActions(const QList<QAction *> &actions);

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void updateColours();

    Kind m_kind = Kind::Information;
    QColor m_tint, m_accent;
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QHBoxLayout *m_layout = nullptr;
    QList<QToolButton *> m_buttons;
};

} // namespace retort::ui
