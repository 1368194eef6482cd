#include "historyview.h"

#include "graphdelegate.h"
#include "historyfiltermodel.h"
#include "historymodel.h"
#include "icons.h"
#include "labelsdelegate.h"
#include "paddeddelegate.h"
#include "projectsession.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTreeView>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

HistoryView::HistoryView(QWidget *parent) : QWidget(parent)
{
    m_model = new HistoryModel(this);
    m_filter = new HistoryFilterModel(this);
    m_filter->setHistoryModel(m_model);

    m_filterEdit = new QLineEdit(this);
    m_filterEdit->setObjectName(u"historyFilter"_s);
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->addAction(Icons::icon(Icons::Kind::Search), QLineEdit::LeadingPosition);
    m_filterEdit->installEventFilter(this);
    m_onlyMatching = new QCheckBox(this);
    m_matchLabel = new QLabel(this);
    m_matchLabel->setForegroundRole(QPalette::PlaceholderText);

    m_view = new QTreeView(this);
    m_view->setObjectName(u"historyGraph"_s);
    m_view->setModel(m_filter);
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setFrameShape(QFrame::NoFrame);
    m_graphDelegate = new GraphDelegate(m_model, this);
    m_labelsDelegate = new LabelsDelegate(this);
    m_view->setItemDelegate(new PaddedDelegate(m_view));
    m_view->setItemDelegateForColumn(HistoryModel::GraphColumn, m_graphDelegate);
    m_view->setItemDelegateForColumn(HistoryModel::LabelsColumn, m_labelsDelegate);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionsMovable(false);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(HistoryModel::GraphColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(HistoryModel::MessageColumn, QHeaderView::Stretch);

    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(8, 6, 8, 6);
    filterRow->setSpacing(10);
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_matchLabel);
    filterRow->addWidget(m_onlyMatching);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);

    m_menu = new QMenu(this);
    m_menu->setToolTipsVisible(true);
    m_upgradeHere = m_menu->addAction(Icons::icon(Icons::Kind::Upgrade), QString());
    m_downgradeHere = m_menu->addAction(Icons::icon(Icons::Kind::Downgrade), QString());
    m_stampHere = m_menu->addAction(Icons::icon(Icons::Kind::Stamp), QString());
    connect(m_upgradeHere, &QAction::triggered, this, [this] {
        if (m_menuRevision >= 0)
            emit upgradeRequested(m_menuRevision);
    });
    connect(m_downgradeHere, &QAction::triggered, this, [this] {
        if (m_menuRevision >= 0)
            emit downgradeRequested(m_menuRevision);
    });
    connect(m_stampHere, &QAction::triggered, this, [this] {
        if (m_menuRevision >= 0)
            emit stampRequested(m_menuRevision);
    });
    m_menu->addSeparator();
    m_copyId = m_menu->addAction(Icons::icon(Icons::Kind::Copy), QString());
    m_openFile = m_menu->addAction(Icons::icon(Icons::Kind::OpenFile), QString());

    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &HistoryFilterModel::setFilterText);
    connect(m_onlyMatching, &QCheckBox::toggled, m_filter, &HistoryFilterModel::setShowOnlyMatches);
    connect(m_filter, &HistoryFilterModel::filterChanged, this, [this] {
        updateMatchLabel();
        m_view->viewport()->update();
        if (m_filter->isFiltering()) {
            // Keep the selection on a matching row when there is one.
            const QModelIndex current = m_view->currentIndex();
            if (!current.isValid() || !current.data(HistoryFilterModel::MatchRole).toBool())
                selectMatch(+1);
        }
        if (m_view->currentIndex().isValid())
            m_view->scrollTo(m_view->currentIndex());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                emit currentRevisionChanged(revisionOf(current));
            });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_view->indexAt(pos);
        if (!index.isValid())
            return;
        m_view->setCurrentIndex(index);
        contextMenuFor(index)->popup(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_copyId, &QAction::triggered, this, [this] {
        const SessionSnapshot *snapshot = m_model->snapshot();
        if (snapshot && m_menuRevision >= 0)
            QGuiApplication::clipboard()->setText(snapshot->project.graph.node(m_menuRevision).id);
    });
    connect(m_openFile, &QAction::triggered, this, [this] {
        const SessionSnapshot *snapshot = m_model->snapshot();
        if (snapshot && m_menuRevision >= 0)
            QDesktopServices::openUrl(
                QUrl::fromLocalFile(snapshot->project.graph.node(m_menuRevision).file.path));
    });

    retranslateUi();
}

HistoryView::~HistoryView() = default;

void HistoryView::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    QString selectedId;
    if (const SessionSnapshot *previous = m_model->snapshot()) {
        const int revision = currentRevision();
        if (revision >= 0 && previous->hasProject)
            selectedId = previous->project.graph.node(revision).id;
    }
    const bool sameProject = m_model->snapshot() && snapshot &&
                             m_model->snapshot()->source == snapshot->source;
    m_model->setSnapshot(snapshot);
    updateColumnWidths();
    updateMatchLabel();

    int select = -1;
    if (snapshot && snapshot->hasProject) {
        if (sameProject && !selectedId.isEmpty())
            select = snapshot->project.graph.indexOf(selectedId);
        if (select < 0 && !snapshot->status.current.isEmpty())
            select = snapshot->status.current.first();
        if (select < 0 && !snapshot->order.isEmpty())
            select = snapshot->order.first();
    }
    if (select >= 0)
        selectRevision(select);
    else
        emit currentRevisionChanged(-1);
}

int HistoryView::revisionOf(const QModelIndex &index) const
{
    return index.isValid() ? index.data(HistoryModel::RevisionRole).toInt() : -1;
}

int HistoryView::currentRevision() const
{
    return revisionOf(m_view->currentIndex());
}

void HistoryView::selectRevision(int revision)
{
    const QModelIndex source = m_model->indexOfRevision(revision, HistoryModel::RevisionColumn);
    QModelIndex index = m_filter->mapFromSource(source);
    if (!index.isValid() && source.isValid() && m_filter->showOnlyMatches()) {
        m_onlyMatching->setChecked(false);
        index = m_filter->mapFromSource(source);
    }
    if (!index.isValid())
        return;
    if (index.row() == m_view->currentIndex().row() && m_view->currentIndex().isValid()) {
        emit currentRevisionChanged(revision);
    } else {
        m_view->selectionModel()->setCurrentIndex(
            index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    }
    m_view->scrollTo(index, QAbstractItemView::EnsureVisible);
}

void HistoryView::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

QMenu *HistoryView::contextMenuFor(const QModelIndex &index)
{
    m_menuRevision = revisionOf(index);
    const SessionSnapshot *snapshot = m_model->snapshot();
    const bool valid = snapshot && m_menuRevision >= 0;
    m_copyId->setEnabled(valid);
    // Offered where they mean something; the plan dialog has the last word.
    const bool writable = valid && !snapshot->databasePath.isEmpty() && snapshot->table.readable();
    m_upgradeHere->setEnabled(writable && !snapshot->isApplied(m_menuRevision));
    m_downgradeHere->setEnabled(writable && snapshot->isApplied(m_menuRevision) &&
                                !snapshot->isCurrent(m_menuRevision));
    m_stampHere->setEnabled(writable);
    m_openFile->setEnabled(valid && !snapshot->project.graph.node(m_menuRevision).file.path.isEmpty());
    return m_menu;
}

void HistoryView::selectMatch(int step)
{
    const int rows = m_filter->rowCount();
    if (rows == 0 || m_filter->matchCount() == 0)
        return;
    const QModelIndex current = m_view->currentIndex();
    int row = current.isValid() ? current.row() : (step > 0 ? -1 : rows);
    for (int i = 0; i < rows; ++i) {
        row = (row + step + rows) % rows;
        const QModelIndex candidate = m_filter->index(row, HistoryModel::RevisionColumn);
        if (candidate.data(HistoryFilterModel::MatchRole).toBool()) {
            m_view->selectionModel()->setCurrentIndex(
                candidate, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(candidate);
            return;
        }
    }
}

bool HistoryView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filterEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            selectMatch(key->modifiers() & Qt::ShiftModifier ? -1 : +1);
            return true;
        case Qt::Key_Escape:
            if (!m_filterEdit->text().isEmpty()) {
                m_filterEdit->clear();
                return true;
            }
            m_view->setFocus(Qt::OtherFocusReason);
            return true;
        case Qt::Key_Down:
        case Qt::Key_Up:
        case Qt::Key_PageDown:
        case Qt::Key_PageUp:
            m_view->setFocus(Qt::OtherFocusReason);
            QCoreApplication::sendEvent(m_view, event);
            return true;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HistoryView::updateColumnWidths()
{
    QHeaderView *header = m_view->header();
    const QFontMetrics metrics(m_view->font());
    const int padding = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1) + 12;
    auto headerWidth = [&](int column) {
        return QFontMetrics(header->font())
                   .horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) +
               padding + 8;
    };
    header->resizeSection(HistoryModel::GraphColumn,
                          std::max(GraphDelegate::columnWidth(metrics, m_model->lanes().maxLanes()),
                                   headerWidth(HistoryModel::GraphColumn)));

    // Ids are monospace: the longest one's length is enough.
    const QFontMetrics mono(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    qsizetype longestId = 12;
    int labelsWidth = 0;
    const SessionSnapshot *snapshot = m_model->snapshot();
    if (snapshot && snapshot->hasProject) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const int revision = m_model->revisionAt(row);
            const RevisionGraph::Node &node = snapshot->project.graph.node(revision);
            longestId = std::max(longestId, node.id.size());
            QStringList pills;
            if (snapshot->isCurrent(revision))
                pills.append(LabelsDelegate::tr("current"));
            if (node.isHead())
                pills.append(LabelsDelegate::tr("head"));
            pills += HistoryModel::shownLabels(node);
            if (!pills.isEmpty())
                labelsWidth = std::max(labelsWidth, LabelsDelegate::pillsWidth(metrics, pills));
        }
    }
    header->resizeSection(HistoryModel::RevisionColumn,
                          std::max(int(mono.horizontalAdvance(QString(std::min<qsizetype>(longestId, 40), u'0'))) +
                                       padding,
                                   headerWidth(HistoryModel::RevisionColumn)));
    header->resizeSection(HistoryModel::LabelsColumn,
                          std::clamp(labelsWidth + 8, headerWidth(HistoryModel::LabelsColumn), 360));
    header->resizeSection(HistoryModel::DateColumn,
                          std::max(metrics.horizontalAdvance(u"2025-12-31 23:59"_s) + padding,
                                   headerWidth(HistoryModel::DateColumn)));
}

void HistoryView::updateMatchLabel()
{
    if (!m_filter->isFiltering()) {
        m_matchLabel->clear();
        m_matchLabel->hide();
        return;
    }
    m_matchLabel->setText(
        tr("%1 of %2").arg(m_filter->matchCount()).arg(m_model->rowCount()));
    m_matchLabel->show();
}

void HistoryView::retranslateUi()
{
    m_filterEdit->setPlaceholderText(tr("Filter by revision, message or label"));
    m_filterEdit->setToolTip(
        tr("Enter: next match · Shift+Enter: previous match · Esc: clear the filter"));
    m_onlyMatching->setText(tr("Only matching"));
    m_onlyMatching->setToolTip(tr("Hide the revisions that do not match (the graph then shows "
                                  "only the revisions, without lines)"));
    m_upgradeHere->setText(tr("Upgrade to Here…"));
    m_upgradeHere->setToolTip(tr("Plan an upgrade of the database up to this revision"));
    m_downgradeHere->setText(tr("Downgrade to Here…"));
    m_downgradeHere->setToolTip(
        tr("Plan a downgrade of the database to this revision (the later ones are undone)"));
    m_stampHere->setText(tr("Stamp Here…"));
    m_stampHere->setToolTip(
        tr("Plan setting the version table to this revision without running migrations"));
    m_copyId->setText(tr("Copy Revision ID"));
    m_openFile->setText(tr("Open Revision File"));
    m_model->retranslate();
    updateMatchLabel();
    updateColumnWidths();
    m_view->viewport()->update();
}

void HistoryView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

} // namespace retort::ui
