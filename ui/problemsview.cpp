#include "problemsview.h"

#include "paddeddelegate.h"
#include "projectsession.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

ProblemsView::ProblemsView(QWidget *parent) : QWidget(parent)
{
    m_stack = new QStackedWidget(this);
    m_empty = new QLabel(m_stack);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_list = new QTreeWidget(m_stack);
    m_list->setObjectName(u"problemsList"_s);
    m_list->setColumnCount(2);
    m_list->setItemDelegate(new PaddedDelegate(m_list));
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_list);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString revision = item->data(0, Qt::UserRole).toString();
        if (!revision.isEmpty() && m_snapshot && m_snapshot->hasProject) {
            const int index = m_snapshot->project.graph.indexOf(revision);
            if (index >= 0)
                emit revisionActivated(index);
        }
    });
    retranslateUi();
}

void ProblemsView::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    m_entries.clear();
    if (m_snapshot) {
        if (!m_snapshot->hasProject) {
            m_entries.append({Source::Configuration, {}, m_snapshot->configError, {}});
            if (!m_snapshot->table.readable() && !m_snapshot->table.error.isEmpty())
                m_entries.append({Source::Status, StatusProblem::Kind::Database,
                                  m_snapshot->table.error, {}});
        } else {
            for (const QString &warning : m_snapshot->project.scanWarnings)
                m_entries.append({Source::ScanWarning, {}, warning, {}});
            for (const StatusProblem &p : m_snapshot->status.problems)
                m_entries.append({Source::Status, p.kind, p.message, p.revision});
        }
    }
    fill();
    emit countChanged(problemCount());
}

QString ProblemsView::kindText(const Entry &entry) const
{
    switch (entry.source) {
    case Source::Configuration:
        return tr("Configuration");
    case Source::ScanWarning:
        return tr("Scripts");
    case Source::Status:
        break;
    }
    switch (entry.kind) {
    case StatusProblem::Kind::Scripts:
        return tr("Scripts");
    case StatusProblem::Kind::UnknownRevision:
        return tr("Unknown revision");
    case StatusProblem::Kind::BadRow:
        return tr("Version table");
    case StatusProblem::Kind::OverlappingRows:
        return tr("Version table");
    case StatusProblem::Kind::Database:
        return tr("Database");
    }
    return {};
}

void ProblemsView::fill()
{
    m_list->clear();
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    for (const Entry &entry : std::as_const(m_entries)) {
        auto *item = new QTreeWidgetItem(m_list, {kindText(entry), entry.message});
        const bool serious = entry.source == Source::Configuration ||
                             (entry.source == Source::Status &&
                              entry.kind != StatusProblem::Kind::Scripts);
        item->setIcon(0, serious ? error : warning);
        item->setToolTip(1, entry.message);
        item->setData(0, Qt::UserRole, entry.revision);
    }
    m_stack->setCurrentWidget(m_entries.isEmpty() ? static_cast<QWidget *>(m_empty) : m_list);
}

void ProblemsView::retranslateUi()
{
    m_empty->setText(tr("No problems found."));
    m_list->setHeaderLabels({tr("Kind"), tr("Problem")});
    fill();
}

void ProblemsView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

} // namespace retort::ui
