#include "pendingview.h"

#include "codeview.h"
#include "messagebar.h"
#include "paddeddelegate.h"
#include "pendingmodel.h"
#include "projectsession.h"

#include <QEvent>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

PendingView::PendingView(QWidget *parent) : QWidget(parent)
{
    m_model = new PendingModel(this);
    m_summary = new MessageBar(this);

    m_steps = new QTreeView(this);
    m_steps->setObjectName(u"pendingSteps"_s);
    m_steps->setModel(m_model);
    m_steps->setItemDelegate(new PaddedDelegate(m_steps));
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setAllColumnsShowFocus(true);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->header()->setStretchLastSection(false);
    m_steps->header()->setSectionResizeMode(PendingModel::StepColumn,
                                            QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(PendingModel::RevisionColumn,
                                            QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(PendingModel::MessageColumn, QHeaderView::Stretch);
    m_steps->header()->setSectionResizeMode(PendingModel::SqlColumn,
                                            QHeaderView::ResizeToContents);

    auto *sqlPane = new QWidget(this);
    m_stepMessage = new MessageBar(sqlPane);
    m_sql = new CodeView(sqlPane);
    m_sql->setLanguage(CodeView::Language::Sql);
    auto *sqlLayout = new QVBoxLayout(sqlPane);
    sqlLayout->setContentsMargins(0, 0, 0, 0);
    sqlLayout->setSpacing(4);
    sqlLayout->addWidget(m_stepMessage);
    sqlLayout->addWidget(m_sql, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_steps);
    splitter->addWidget(sqlPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    connect(m_steps->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showStep(current.isValid() ? current.row() : -1); });
    connect(m_steps, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        emit revisionActivated(m_model->revisionAt(index.row()));
    });
    retranslateUi();
}

void PendingView::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    m_model->setSnapshot(m_snapshot);
    updateSummary();
    if (m_model->rowCount() > 0)
        m_steps->setCurrentIndex(m_model->index(0, 0));
    else
        showStep(-1);
}

void PendingView::showStep(int row)
{
    if (row < 0) {
        m_stepMessage->hide();
        m_sql->setCode({});
        m_sql->setEnabled(false);
        return;
    }
    m_sql->setEnabled(true);
    const SqlPreview &preview = m_model->preview(row);
    if (!preview.available) {
        m_stepMessage->setKind(MessageBar::Kind::Information);
        m_stepMessage->setText(preview.reason);
        m_stepMessage->show();
        m_sql->setCode({});
        return;
    }
    const qsizetype destructive = preview.destructive.count(true);
    if (destructive > 0) {
        m_stepMessage->setKind(MessageBar::Kind::Warning);
        m_stepMessage->setText(tr("Statements that can lose data are highlighted: %1.").arg(destructive));
        m_stepMessage->show();
    } else if (preview.statements.isEmpty()) {
        m_stepMessage->setKind(MessageBar::Kind::Information);
        m_stepMessage->setText(tr("This migration runs no SQL."));
        m_stepMessage->show();
    } else {
        m_stepMessage->hide();
    }
    m_sql->setStatements(preview.statements, preview.destructive);
}

void PendingView::updateSummary()
{
    if (!m_snapshot || !m_snapshot->hasProject) {
        m_summary->setKind(MessageBar::Kind::Information);
        m_summary->setText(tr("Open a project to see its pending migrations."));
        return;
    }
    const StatusReport &status = m_snapshot->status;
    const qsizetype steps = status.pending.size();
    switch (status.state) {
    case StatusReport::State::UpToDate:
        m_summary->setKind(MessageBar::Kind::Positive);
        m_summary->setText(tr("The database is up to date: there is nothing to upgrade."));
        break;
    case StatusReport::State::Pending:
        m_summary->setKind(MessageBar::Kind::Warning);
        m_summary->setText(tr("An upgrade to the heads runs the migrations below, in this order."));
        break;
    case StatusReport::State::NotUnderAlembic:
        m_summary->setKind(MessageBar::Kind::Warning);
        m_summary->setText(tr("The database has no version table: an upgrade would run every "
                              "migration (%1), starting from an empty history.")
                               .arg(steps));
        break;
    case StatusReport::State::Inconsistent:
        m_summary->setKind(MessageBar::Kind::Error);
        m_summary->setText(tr("The version table does not match the scripts, so Retort cannot "
                              "tell what an upgrade would run. See Problems."));
        break;
    case StatusReport::State::Unreadable:
        m_summary->setKind(MessageBar::Kind::Error);
        m_summary->setText(tr("The database could not be read, so nothing can be planned."));
        break;
    }
}

void PendingView::retranslateUi()
{
    m_model->retranslate();
    updateSummary();
    const QModelIndex current = m_steps->currentIndex();
    showStep(current.isValid() ? current.row() : -1);
}

void PendingView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

} // namespace retort::ui
