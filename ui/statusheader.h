#pragma once

#include <QFrame>

#include <memory>

class QHBoxLayout;
class QLabel;

namespace retort::ui {

struct SessionSnapshot;

// The band above the history: which database, its SQLite version, the
// current revision(s), the heads, and badges saying where it stands (up to
// date, N pending, unknown revision, multiple heads, not under Alembic,
// scripts with problems).
class StatusHeader : public QFrame
{
    Q_OBJECT

public:
    enum class Tone { Neutral, Good, Attention, Bad };
    struct Badge
    {
        QString text;
        Tone tone = Tone::Neutral;
        QString toolTip;
        bool opensDoctor = false; // a problem the doctor diagnoses: a click opens it
    };

    explicit StatusHeader(QWidget *parent = nullptr);

    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot);

    // The badges for a snapshot, most important first (public for tests).
    static QList<Badge> badgesFor(const SessionSnapshot *snapshot);
    QStringList badgeTexts() const;
    QList<QLabel *> badgeLabels() const { return m_badges; }

    QLabel *databaseName() const { return m_name; }
    QLabel *currentValue() const { return m_current; }
    QLabel *headsValue() const { return m_heads; }

signals:
    // A badge naming a problem was clicked.
    void doctorRequested();

protected:
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    QString idList(const QList<int> &revisions, const QString &empty) const;

    std::shared_ptr<const SessionSnapshot> m_snapshot;
    QLabel *m_name = nullptr;
    QLabel *m_path = nullptr;
    QLabel *m_currentLabel = nullptr, *m_current = nullptr;
    QLabel *m_headsLabel = nullptr, *m_heads = nullptr;
    QLabel *m_projectLabel = nullptr, *m_project = nullptr;
    QHBoxLayout *m_badgeLayout = nullptr;
    QList<QLabel *> m_badges;
};

} // namespace retort::ui
