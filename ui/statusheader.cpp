#include "statusheader.h"

#include "projectsession.h"
#include "thememanager.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

QColor toneColour(StatusHeader::Tone tone, bool dark)
{
    switch (tone) {
    case StatusHeader::Tone::Good:
        return dark ? QColor(0x3f, 0xc2, 0x6b) : QColor(0x1a, 0x8a, 0x40);
    case StatusHeader::Tone::Attention:
        return dark ? QColor(0xf5, 0x9e, 0x4c) : QColor(0xb8, 0x55, 0x00);
    case StatusHeader::Tone::Bad:
        return dark ? QColor(0xf0, 0x71, 0x78) : QColor(0xc0, 0x2b, 0x3a);
    case StatusHeader::Tone::Neutral:
        break;
    }
    return dark ? QColor(0xa0, 0xa4, 0xaa) : QColor(0x5f, 0x63, 0x68);
}

// A rounded, tinted label.
class BadgeLabel : public QLabel
{
public:
    BadgeLabel(const StatusHeader::Badge &badge, QWidget *parent,
               std::function<void()> activated = {})
        : QLabel(badge.text, parent), m_tone(badge.tone), m_activated(std::move(activated))
    {
        setToolTip(badge.toolTip);
        if (m_activated) {
            setCursor(Qt::PointingHandCursor);
            // Reachable without a mouse: Tab to it, Enter or Space opens the Doctor.
            setFocusPolicy(Qt::TabFocus);
            setAccessibleDescription(StatusHeader::tr("Opens the Doctor."));
            setToolTip(badge.toolTip.isEmpty()
                           ? StatusHeader::tr("Click to open the Doctor.")
                           : badge.toolTip + u'\n' + StatusHeader::tr("Click to open the Doctor."));
        }
        QFont f = font();
        f.setBold(true);
        setFont(f);
        setContentsMargins(12, 3, 12, 3);
        setAlignment(Qt::AlignCenter);
        applyColour();
    }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (m_activated && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                            event->key() == Qt::Key_Space)) {
            m_activated();
            return;
        }
        QLabel::keyPressEvent(event);
    }

    void focusInEvent(QFocusEvent *event) override
    {
        QLabel::focusInEvent(event);
        update(); // the focus ring
    }

    void focusOutEvent(QFocusEvent *event) override
    {
        QLabel::focusOutEvent(event);
        update();
    }

    void mouseReleaseEvent(QMouseEvent *event) override
    {
        QLabel::mouseReleaseEvent(event);
        if (m_activated && event->button() == Qt::LeftButton &&
            rect().contains(event->position().toPoint()))
            m_activated();
    }

    void changeEvent(QEvent *event) override
    {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::PaletteChange && !m_settingPalette)
            applyColour();
    }

    void paintEvent(QPaintEvent *event) override
    {
        {
            QPainter p(this);
            p.setRenderHint(QPainter::Antialiasing);
            const bool dark = ThemeManager::isDark(palette());
            QColor colour = toneColour(m_tone, dark);
            QColor fill = colour;
            fill.setAlphaF(dark ? 0.25f : 0.12f);
            QColor border = colour;
            border.setAlphaF(0.55f);
            // Focused (keyboard): the border in the palette's highlight, thicker.
            if (hasFocus())
                p.setPen(QPen(palette().color(QPalette::Highlight), 2));
            else
                p.setPen(QPen(border, 1));
            p.setBrush(fill);
            const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
            p.drawRoundedRect(r, r.height() / 2, r.height() / 2);
        }
        QLabel::paintEvent(event);
    }

private:
    void applyColour()
    {
        m_settingPalette = true;
        QPalette p = palette();
        p.setColor(QPalette::WindowText, toneColour(m_tone, ThemeManager::isDark(p)));
        setPalette(p);
        m_settingPalette = false;
    }

    StatusHeader::Tone m_tone;
    std::function<void()> m_activated;
    bool m_settingPalette = false;
};

QLabel *caption(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *value(QWidget *parent, bool monospace)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    if (monospace)
        label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return label;
}

} // namespace

StatusHeader::StatusHeader(QWidget *parent) : QFrame(parent)
{
    setObjectName(u"statusHeader"_s);
    setAutoFillBackground(false);

    m_name = new QLabel(this);
    m_name->setObjectName(u"databaseName"_s);
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.35);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_path = new QLabel(this);
    m_path->setForegroundRole(QPalette::PlaceholderText);
    m_path->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_currentLabel = caption(this);
    m_current = value(this, true);
    m_current->setObjectName(u"currentRevisions"_s);
    m_headsLabel = caption(this);
    m_heads = value(this, true);
    m_heads->setObjectName(u"headRevisions"_s);
    m_projectLabel = caption(this);
    m_project = value(this, false);
    m_project->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_badgeLayout = new QHBoxLayout;
    m_badgeLayout->setSpacing(6);

    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    top->addWidget(m_name);
    top->addWidget(m_path, 1, Qt::AlignBottom);
    top->addLayout(m_badgeLayout);

    auto *facts = new QHBoxLayout;
    facts->setSpacing(6);
    facts->addWidget(m_currentLabel);
    facts->addWidget(m_current);
    facts->addSpacing(22);
    facts->addWidget(m_headsLabel);
    facts->addWidget(m_heads);
    facts->addSpacing(22);
    facts->addWidget(m_projectLabel);
    facts->addWidget(m_project, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addLayout(facts);

    retranslateUi();
}

void StatusHeader::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const QPalette pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(rect().bottomLeft(), rect().bottomRight());
    QFrame::paintEvent(event);
}

void StatusHeader::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    refresh();
}

QList<StatusHeader::Badge> StatusHeader::badgesFor(const SessionSnapshot *s)
{
    QList<Badge> badges;
    if (!s) {
        badges.append({tr("nothing open"), Tone::Neutral, {}});
        return badges;
    }
    if (!s->hasProject) {
        badges.append({tr("no migration scripts"), Tone::Bad, s->configError});
        return badges;
    }
    const StatusReport &status = s->status;
    const RevisionGraph &graph = s->project.graph;
    bool scriptsBadge = !graph.problems().isEmpty() || !s->project.scanWarnings.isEmpty();
    switch (status.state) {
    case StatusReport::State::UpToDate:
        badges.append({tr("up to date"), Tone::Good,
                       tr("The database is at the heads of the scripts.")});
        break;
    case StatusReport::State::Pending:
        badges.append({tr("%n pending", nullptr, int(status.pending.size())), Tone::Attention,
                       tr("Migrations not applied yet: %1.").arg(status.pending.size())});
        break;
    case StatusReport::State::NotUnderAlembic:
        badges.append({tr("not under Alembic"), Tone::Attention,
                       tr("The database has no %1 table.").arg(s->project.config.versionTable),
                       true});
        break;
    case StatusReport::State::Unreadable:
        badges.append({s->databasePath.isEmpty() ? tr("no database") : tr("database unreadable"),
                       Tone::Bad, s->table.error});
        break;
    case StatusReport::State::Inconsistent: {
        const bool unknown = std::any_of(status.problems.begin(), status.problems.end(),
                                         [](const StatusProblem &p) {
                                             return p.kind == StatusProblem::Kind::UnknownRevision;
                                         });
        if (unknown) {
            badges.append({tr("unknown revision"), Tone::Bad,
                           tr("The version table names a revision no script defines."), true});
        } else if (graph.hasFatalProblem()) {
            badges.append(
                {tr("scripts have problems"), Tone::Bad, graph.firstFatalMessage(), true});
            scriptsBadge = false;
        } else {
            badges.append({tr("version table inconsistent"), Tone::Bad,
                           tr("The rows of the version table contradict each other."), true});
        }
        break;
    }
    }
    if (status.heads.size() > 1)
        badges.append({tr("multiple heads"), Tone::Attention,
                       tr("The scripts have %n heads; `upgrade head` is ambiguous.", nullptr,
                          int(status.heads.size()))});
    if (scriptsBadge)
        badges.append({tr("scripts have problems"), Tone::Attention,
                       tr("Some revision files could not be used; see Problems."), true});
    return badges;
}

QStringList StatusHeader::badgeTexts() const
{
    QStringList texts;
    for (const QLabel *badge : m_badges)
        texts.append(badge->text());
    return texts;
}

QString StatusHeader::idList(const QList<int> &revisions, const QString &empty) const
{
    if (revisions.isEmpty())
        return empty;
    QStringList ids;
    const int shown = 3;
    for (qsizetype i = 0; i < revisions.size() && i < shown; ++i)
        ids.append(m_snapshot->project.graph.node(revisions[i]).id);
    QString text = ids.join(u", "_s);
    if (revisions.size() > shown)
        text += u' ' + tr("(+%n more)", nullptr, int(revisions.size() - shown));
    return text;
}

void StatusHeader::refresh()
{
    qDeleteAll(m_badges);
    m_badges.clear();
    for (const Badge &badge : badgesFor(m_snapshot.get())) {
        auto *label = new BadgeLabel(badge, this,
                                     badge.opensDoctor
                                         ? std::function<void()>([this] { emit doctorRequested(); })
                                         : std::function<void()>());
        m_badgeLayout->addWidget(label);
        m_badges.append(label);
    }

    const SessionSnapshot *s = m_snapshot.get();
    if (!s) {
        m_name->setText(tr("No project open"));
        m_path->clear();
        m_current->setText(u"—"_s);
        m_heads->setText(u"—"_s);
        m_project->setText(u"—"_s);
        QFrame::update();
        return;
    }
    if (s->databasePath.isEmpty()) {
        m_name->setText(tr("No database"));
        m_path->clear();
    } else {
        m_name->setText(QFileInfo(s->databasePath).fileName());
        QString path = QDir::toNativeSeparators(s->databasePath);
        if (!s->table.sqliteVersion.isEmpty())
            path += u"  ·  "_s + tr("SQLite %1").arg(s->table.sqliteVersion);
        m_path->setText(path);
        m_path->setToolTip(QDir::toNativeSeparators(s->databasePath));
    }
    if (!s->hasProject) {
        m_current->setText(s->table.rows.isEmpty() ? u"—"_s : s->table.rows.join(u", "_s));
        m_heads->setText(u"—"_s);
        m_project->setText(tr("not found"));
        m_project->setToolTip(s->configError);
        QFrame::update();
        return;
    }
    QString current;
    if (!s->table.readable())
        current = tr("unknown");
    else if (s->table.status == VersionTableState::Status::NoTable)
        current = tr("none (no version table)");
    else if (s->status.current.isEmpty() && s->table.rows.isEmpty())
        current = tr("none (empty version table)");
    else if (s->status.current.isEmpty())
        current = s->table.rows.join(u", "_s);
    else
        current = idList(s->status.current, {});
    m_current->setText(current);
    m_heads->setText(idList(s->status.heads, tr("none")));
    const ProjectConfig &config = s->project.config;
    const QString project = !config.iniPath.isEmpty() ? config.iniPath
                            : !config.scriptLocation.isEmpty()
                                ? config.scriptLocation
                                : config.versionLocations.value(0);
    m_project->setText(QDir::toNativeSeparators(project));
    m_project->setToolTip(QDir::toNativeSeparators(project));
    QFrame::update();
}

void StatusHeader::retranslateUi()
{
    m_currentLabel->setText(tr("Current:"));
    m_headsLabel->setText(tr("Heads:"));
    m_projectLabel->setText(tr("Project:"));
    refresh();
}

void StatusHeader::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

} // namespace retort::ui
