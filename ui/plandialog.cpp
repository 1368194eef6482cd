#include "plandialog.h"

#include "backgroundtask.h"
#include "codeview.h"
#include "messagebar.h"
#include "migrationrun.h"
#include "paddeddelegate.h"
#include "planstepsmodel.h"
#include "projectsession.h"
#include "sessionlog.h"
#include "sqlrenderer.h"

#include <QCheckBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

constexpr int kReplanDelayMilliseconds = 300;
constexpr int kClockIntervalMilliseconds = 200;

MigrationPlan::Kind planKind(PlanDialog::Operation operation)
{
    switch (operation) {
    case PlanDialog::Operation::Upgrade:
        return MigrationPlan::Kind::Upgrade;
    case PlanDialog::Operation::Downgrade:
        return MigrationPlan::Kind::Downgrade;
    case PlanDialog::Operation::Stamp:
        return MigrationPlan::Kind::Stamp;
    }
    return MigrationPlan::Kind::Upgrade;
}

} // namespace

PlanDialog::PlanDialog(std::shared_ptr<const SessionSnapshot> snapshot, Operation operation,
                       const QString &target, const QString &backupFolder,
                       const AlembicRenderer::Settings &renderer, SessionLog *log, QWidget *parent)
    : QDialog(parent), m_snapshot(std::move(snapshot)), m_operation(operation),
      m_backupFolder(backupFolder), m_renderer(renderer), m_log(log),
      m_preview(std::make_shared<PlanPreview>())
{
    setObjectName(u"planDialog"_s);
    setSizeGripEnabled(true);

    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_database = new QLabel(this);
    m_database->setForegroundRole(QPalette::PlaceholderText);
    m_database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_database->setWordWrap(true);

    m_targetLabel = new QLabel(this);
    m_target = new QComboBox(this);
    m_target->setObjectName(u"planTarget"_s);
    m_target->setEditable(true);
    m_target->setInsertPolicy(QComboBox::NoInsert);
    m_target->setMinimumContentsLength(24);
    m_target->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_targetLabel->setBuddy(m_target);
    QStringList symbols;
    switch (m_operation) {
    case Operation::Upgrade:
        symbols = {u"heads"_s, u"head"_s, u"+1"_s};
        break;
    case Operation::Downgrade:
        symbols = {u"-1"_s, u"base"_s};
        break;
    case Operation::Stamp:
        symbols = {u"heads"_s, u"head"_s, u"base"_s};
        break;
    }
    m_target->addItems(symbols);
    if (m_snapshot && m_snapshot->hasProject) {
        const RevisionGraph &graph = m_snapshot->project.graph;
        for (int revision : m_snapshot->order) {
            const RevisionGraph::Node &node = graph.node(revision);
            m_target->addItem(node.id);
            m_target->setItemData(m_target->count() - 1, node.file.doc().simplified(),
                                  Qt::ToolTipRole);
        }
    }
    m_target->setEditText(target);
    m_purge = new QCheckBox(this);
    m_purge->setVisible(m_operation == Operation::Stamp);

    auto *targetRow = new QHBoxLayout;
    targetRow->setSpacing(8);
    targetRow->addWidget(m_targetLabel);
    targetRow->addWidget(m_target);
    targetRow->addSpacing(8);
    targetRow->addWidget(m_purge);
    targetRow->addStretch(1);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorBar = new MessageBar(this);
    m_errorBar->setObjectName(u"planErrors"_s);
    m_errorBar->setKind(MessageBar::Kind::Error);
    m_errorBar->hide();
    m_warningBar = new MessageBar(this);
    m_warningBar->setObjectName(u"planWarnings"_s);
    m_warningBar->setKind(MessageBar::Kind::Warning);
    m_warningBar->hide();
    m_renderBar = new MessageBar(this);
    m_renderBar->setObjectName(u"planRendering"_s);
    m_renderBar->setKind(MessageBar::Kind::Information);
    m_renderBar->hide();

    m_model = new PlanStepsModel(this);
    m_steps = new QTreeView(this);
    m_steps->setObjectName(u"planSteps"_s);
    m_steps->setModel(m_model);
    m_steps->setItemDelegate(new PaddedDelegate(m_steps));
    m_steps->setRootIsDecorated(false);
    m_steps->setUniformRowHeights(true);
    m_steps->setAllColumnsShowFocus(true);
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    m_steps->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_steps->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_steps->header();
    header->setStretchLastSection(false);
    for (int column = 0; column < PlanStepsModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PlanStepsModel::MessageColumn, QHeaderView::Stretch);
    // Nothing to say about the steps' progress before the run.
    m_steps->setColumnHidden(PlanStepsModel::StateColumn, true);

    auto *sqlPane = new QWidget(this);
    m_sqlCaption = new QLabel(sqlPane);
    m_sqlCaption->setWordWrap(true);
    m_sqlCaption->setForegroundRole(QPalette::PlaceholderText);
    m_stepNotice = new MessageBar(sqlPane);
    m_stepNotice->hide();
    m_sql = new CodeView(sqlPane);
    m_sql->setObjectName(u"planSql"_s);
    m_sql->setLanguage(CodeView::Language::Sql);
    auto *sqlLayout = new QVBoxLayout(sqlPane);
    sqlLayout->setContentsMargins(0, 0, 0, 0);
    sqlLayout->setSpacing(4);
    sqlLayout->addWidget(m_sqlCaption);
    sqlLayout->addWidget(m_stepNotice);
    sqlLayout->addWidget(m_sql, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->addWidget(m_steps);
    m_splitter->addWidget(sqlPane);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });

    m_backup = new QCheckBox(this);
    m_backup->setObjectName(u"planBackup"_s);
    m_backup->setChecked(true);
    m_backupWhere = new QLabel(this);
    m_backupWhere->setForegroundRole(QPalette::PlaceholderText);
    m_backupWhere->setWordWrap(true);
    m_backupWhere->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_progressPanel = new QWidget(this);
    m_progressPanel->setObjectName(u"planProgress"_s);
    m_progressLabel = new QLabel(m_progressPanel);
    m_progressLabel->setWordWrap(true);
    m_progress = new QProgressBar(m_progressPanel);
    m_progress->setTextVisible(true);
    m_progress->setFormat(u"%v / %m"_s);
    m_elapsedLabel = new QLabel(m_progressPanel);
    m_elapsedLabel->setForegroundRole(QPalette::PlaceholderText);
    m_stop = new QPushButton(m_progressPanel);
    m_stop->setObjectName(u"planStop"_s);
    m_stop->setAutoDefault(false);
    auto *progressLayout = new QGridLayout(m_progressPanel);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->setHorizontalSpacing(10);
    progressLayout->addWidget(m_progressLabel, 0, 0, 1, 3);
    progressLayout->addWidget(m_progress, 1, 0);
    progressLayout->addWidget(m_elapsedLabel, 1, 1);
    progressLayout->addWidget(m_stop, 1, 2);
    progressLayout->setColumnStretch(0, 1);
    m_progressPanel->hide();

    m_result = new MessageBar(this);
    m_result->setObjectName(u"planResult"_s);
    m_result->hide();

    m_buttons = new QDialogButtonBox(this);
    m_runButton = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_runButton->setObjectName(u"planRun"_s);
    m_cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_close = m_buttons->addButton(QDialogButtonBox::Close);
    m_close->hide();
    // Enter in the target box must never start a write.
    for (QPushButton *button : {m_runButton, m_cancel, m_close}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_database);
    layout->addLayout(targetRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_errorBar);
    layout->addWidget(m_warningBar);
    layout->addWidget(m_renderBar);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_backup);
    layout->addWidget(m_backupWhere);
    layout->addWidget(m_progressPanel);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);

    m_replanTimer = new QTimer(this);
    m_replanTimer->setSingleShot(true);
    m_replanTimer->setInterval(kReplanDelayMilliseconds);
    m_clockTimer = new QTimer(this);
    m_clockTimer->setInterval(kClockIntervalMilliseconds);

    connect(m_replanTimer, &QTimer::timeout, this, &PlanDialog::replan);
    connect(m_clockTimer, &QTimer::timeout, this, &PlanDialog::updateProgress);
    connect(m_target, &QComboBox::currentTextChanged, this, [this] {
        if (!isRunning() && !m_finished)
            m_replanTimer->start();
    });
    connect(m_target->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (!isRunning() && !m_finished)
            replan();
    });
    connect(m_purge, &QCheckBox::toggled, this, &PlanDialog::replan);
    connect(m_backup, &QCheckBox::toggled, this, &PlanDialog::updateBackupText);
    connect(
        m_steps->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showStep(current.isValid() ? current.row() : -1); });
    connect(m_runButton, &QPushButton::clicked, this, &PlanDialog::startRun);
    connect(m_cancel, &QPushButton::clicked, this, &PlanDialog::reject);
    connect(m_close, &QPushButton::clicked, this, &PlanDialog::reject);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (!isRunning() || m_stopAsked)
            return;
        m_stopAsked = true;
        m_run->requestStop();
        if (m_log)
            m_log->info(tr("Stop requested: the run ends once the current step is done."));
        updateButtons();
        updateProgress();
    });

    retranslateUi(); // plans for the first time
    resize(1040, 720);
    m_steps->setFocus();
}

PlanDialog::~PlanDialog()
{
    // Waits for a run still going (the window is closing): a step is never cut.
    delete m_run;
    m_run = nullptr;
}

QString PlanDialog::target() const
{
    return m_target->currentText().trimmed();
}

void PlanDialog::setTarget(const QString &target)
{
    if (isRunning() || m_finished)
        return;
    m_target->setEditText(target);
    replan();
}

bool PlanDialog::isRunning() const
{
    return m_run && m_run->isRunning();
}

QStringList PlanDialog::targets() const
{
    const QString text = target();
    if (text.isEmpty())
        return {};
    if (m_operation != Operation::Stamp)
        return {text};
    // `stamp` takes several revisions (one per branch).
    static const QRegularExpression separators(u"[\\s,]+"_s);
    return text.split(separators, Qt::SkipEmptyParts);
}

void PlanDialog::replan()
{
    m_replanTimer->stop();
    if (isRunning() || m_finished)
        return;
    ++m_generation;
    m_rendering = false;
    const AlembicRenderer turnedOff(m_renderer);
    PlanPreview preview;
    PlanPreview::Request request;
    request.kind = planKind(m_operation);
    request.targets = targets();
    request.purge = m_operation == Operation::Stamp && m_purge->isChecked();
    preview.request = request;
    if (!m_snapshot) {
        preview.error = tr("No project is open.");
    } else if (!m_snapshot->hasProject) {
        preview.error = m_snapshot->configError;
    } else if (m_snapshot->databasePath.isEmpty()) {
        preview.error = m_snapshot->table.error;
    } else if (turnedOff.isDisabled()) {
        // Says that the renderer is off; no process is started.
        preview = PlanPreview::make(m_snapshot->project, m_snapshot->table, request, &turnedOff);
    } else {
        // Without the renderer first: milliseconds, and the whole plan when
        // every revision can be translated.
        preview = PlanPreview::make(m_snapshot->project, m_snapshot->table, request);
        if (preview && preview.needsRenderer()) {
            // Alembic renders the rest in separate processes, off this thread.
            m_rendering = true;
            const int generation = m_generation;
            const std::shared_ptr<const SessionSnapshot> snapshot = m_snapshot;
            const AlembicRenderer::Settings settings = m_renderer;
            runInBackground<PlanPreview>(
                this,
                [snapshot, request, settings] {
                    const AlembicRenderer renderer(settings);
                    return PlanPreview::make(snapshot->project, snapshot->table, request,
                                             &renderer);
                },
                [this, generation](const PlanPreview &rendered) {
                    if (generation != m_generation || isRunning() || m_finished)
                        return;
                    m_rendering = false;
                    showPreview(rendered);
                });
        }
    }
    showPreview(std::move(preview));
}

void PlanDialog::showPreview(PlanPreview preview)
{
    m_preview = std::make_shared<const PlanPreview>(std::move(preview));
    m_model->setPreview(m_snapshot, m_preview);
    updateSummary();
    updateNotices();
    updateButtons();
    if (m_model->rowCount() > 0)
        m_steps->setCurrentIndex(m_model->index(0, 0));
    else
        showStep(-1);
    fitStepsToRows();
    emit planned();
}

void PlanDialog::fitStepsToRows()
{
    // The list as tall as its steps (3 to 10 rows), the SQL gets the rest.
    if (m_splitterMoved)
        return;
    const int rowHeight =
        m_model->rowCount() > 0 ? m_steps->sizeHintForRow(0) : m_steps->fontMetrics().height() + 8;
    const int rows = std::clamp(m_model->rowCount(), 3, 10);
    const int wanted =
        m_steps->header()->sizeHint().height() + rows * rowHeight + 2 * m_steps->frameWidth() + 2;
    const QList<int> sizes = m_splitter->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (total > wanted * 2)
        m_splitter->setSizes({wanted, total - wanted});
}

QString PlanDialog::rowsText(const QStringList &rows) const
{
    return rows.isEmpty() ? tr("(no revision)") : rows.join(u", "_s);
}

void PlanDialog::updateSummary()
{
    const PlanPreview &p = *m_preview;
    if (!p) {
        m_summary->clear();
        m_summary->hide();
        return;
    }
    m_summary->show();
    const int steps = int(p.steps.size());
    if (p.changesNothing()) {
        m_summary->setText(
            tr("Nothing to do: the database is already at %1.").arg(rowsText(p.plan.rowsBefore)));
    } else if (steps == 0) {
        m_summary->setText(tr("No migration runs; only the version table changes, from %1 to %2.")
                               .arg(rowsText(p.plan.rowsBefore), rowsText(p.plan.rowsAfter)));
    } else {
        m_summary->setText(tr("Steps: %1, from %2 to %3, each in a transaction of its own.")
                               .arg(steps)
                               .arg(rowsText(p.plan.rowsBefore), rowsText(p.plan.rowsAfter)));
    }
}

void PlanDialog::updateNotices()
{
    const PlanPreview &p = *m_preview;
    m_renderBar->setVisible(m_rendering);
    if (m_rendering)
        m_renderBar->setText(tr("Alembic is rendering the revisions the built-in translator "
                                "cannot read, running their Python in a separate process…"));
    if (!p) {
        m_errorBar->setText(tr("This plan cannot be made: %1").arg(p.error));
        m_errorBar->show();
    } else if (!p.blockers.isEmpty() && !m_rendering) {
        m_errorBar->setText(
            tr("Nothing can run: steps of this plan that cannot be applied: %1. Retort reads "
               "revision files without running them; these need the Alembic renderer (the "
               "Python interpreter in Settings).")
                .arg(p.blockers.size()) +
            u"\n"_s + p.blockers.join(u"\n"_s));
        m_errorBar->show();
    } else {
        m_errorBar->hide();
    }

    QStringList warnings = p.plan.warnings;
    for (qsizetype i = 0; i < p.steps.size(); ++i) {
        // A statement that fails on a copy of the schema will very likely fail for real.
        if (!p.steps[i].sqlError.isEmpty() && (i == 0 || p.steps[i - 1].sqlError.isEmpty()))
            warnings.append(tr("Step %1 will probably fail, as it does on a copy of the "
                               "database's schema: %2")
                                .arg(i + 1)
                                .arg(p.steps[i].sqlError));
    }
    const int destructive = p.destructiveCount();
    if (destructive > 0)
        warnings.append(tr("Statements that can lose data (dropped tables or columns): %1. They "
                           "are highlighted in the SQL.")
                            .arg(destructive));
    if (!p.error.isEmpty() || warnings.isEmpty()) {
        m_warningBar->hide();
    } else {
        m_warningBar->setText(warnings.join(u"\n"_s));
        m_warningBar->show();
    }
}

void PlanDialog::updateBackupText()
{
    if (!m_backup->isChecked()) {
        m_backupWhere->setText(
            tr("No backup will be made: only a downgrade or your own copy can undo the changes."));
        return;
    }
    const QString database = m_snapshot ? m_snapshot->databasePath : QString();
    const QString folder =
        m_backupFolder.isEmpty() ? QFileInfo(database).absolutePath() : m_backupFolder;
    m_backupWhere->setText(
        tr("A copy of %1 is written to %2 before the first change (name.date_time.bak).")
            .arg(QFileInfo(database).fileName(), QDir::toNativeSeparators(folder)));
}

void PlanDialog::updateButtons()
{
    const bool running = isRunning();
    const bool idle = !running && !m_finished;
    m_target->setEnabled(idle);
    m_purge->setEnabled(idle);
    m_backup->setEnabled(idle);
    // Afterwards the result names the backup file.
    m_backup->setVisible(!m_finished);
    m_backupWhere->setVisible(!m_finished);
    m_runButton->setVisible(!m_finished);
    m_runButton->setEnabled(idle && !m_rendering && m_preview->runnable());
    QString why;
    if (idle && m_rendering) {
        why = tr("Waiting for Alembic to render the plan.");
    } else if (idle && !m_preview->runnable()) {
        if (!m_preview->error.isEmpty())
            why = m_preview->error;
        else if (!m_preview->blockers.isEmpty())
            why = m_preview->blockers.first();
        else if (m_preview->changesNothing())
            why = tr("Nothing to do.");
    }
    m_runButton->setToolTip(why);
    m_cancel->setVisible(!m_finished);
    m_cancel->setEnabled(!running);
    m_cancel->setToolTip(running ? tr("Stop the run first; it ends after the current step.")
                                 : QString());
    m_close->setVisible(m_finished);
    m_stop->setEnabled(running && !m_stopAsked);
    m_stop->setVisible(!m_finished);
}

void PlanDialog::showStep(int row)
{
    const PlanPreview &p = *m_preview;
    if (row < 0 || row >= p.steps.size()) {
        m_sqlCaption->setText(p.setupStatements.isEmpty() ? tr("SQL") : tr("SQL before any step"));
        m_sql->setStatements(p.setupStatements);
        m_stepNotice->hide();
        return;
    }
    const PlanStep &step = p.plan.steps.at(row);
    const PlanPreview::Step &shown = p.steps.at(row);
    m_sqlCaption->setText(
        tr("SQL of step %1 (one transaction): %2").arg(row + 1).arg(step.logLine()));

    QStringList statements;
    QList<bool> destructive;
    if (row == 0) {
        for (const QString &setup : p.setupStatements) {
            statements.append(setup);
            destructive.append(false);
        }
    }
    for (const RenderedStatement &statement : shown.statements) {
        statements.append(SqlRenderer::offlineText(statement.sql));
        destructive.append(statement.destructive);
    }
    for (const QString &version : shown.versionStatements) {
        statements.append(version);
        destructive.append(false);
    }
    m_sql->setStatements(statements, destructive);

    if (!shown.blocker.isEmpty()) {
        m_stepNotice->setKind(MessageBar::Kind::Error);
        m_stepNotice->setText(shown.blocker);
    } else if (!shown.sqlError.isEmpty()) {
        m_stepNotice->setKind(MessageBar::Kind::Warning);
        m_stepNotice->setText(
            tr("Not all of this step's SQL can be shown: %1").arg(shown.sqlError));
    } else if (shown.destructiveCount() > 0) {
        m_stepNotice->setKind(MessageBar::Kind::Warning);
        m_stepNotice->setText(
            tr("Statements that can lose data are highlighted: %1.").arg(shown.destructiveCount()));
    } else if (shown.renderedByAlembic) {
        m_stepNotice->setKind(MessageBar::Kind::Information);
        m_stepNotice->setText(tr("Rendered by Alembic: this revision's Python was run in a "
                                 "separate process to produce its SQL."));
    } else if (step.kind == PlanStep::Kind::Stamp) {
        m_stepNotice->setKind(MessageBar::Kind::Information);
        m_stepNotice->setText(tr("A stamp runs no migration: only the version table changes."));
    } else if (!shown.warnings.isEmpty()) {
        m_stepNotice->setKind(MessageBar::Kind::Information);
        m_stepNotice->setText(shown.warnings.join(u"\n"_s));
    } else {
        m_stepNotice->hide();
        return;
    }
    m_stepNotice->show();
}

void PlanDialog::startRun()
{
    if (!m_preview->runnable() || m_rendering || m_run || m_finished || !m_snapshot)
        return;
    ExecutionOptions options;
    options.backup = m_backup->isChecked();
    options.backupFolder = m_backupFolder;
    options.versionTable = m_snapshot->project.config.versionTable;
    m_run = new MigrationRun(m_snapshot, m_preview->plan, options, m_renderer, this);
    connect(m_run, &MigrationRun::stepStarted, this, &PlanDialog::onStepStarted);
    connect(m_run, &MigrationRun::stepFinished, this, &PlanDialog::onStepFinished);
    connect(m_run, &MigrationRun::finished, this, &PlanDialog::onFinished);

    const int count = int(m_preview->steps.size());
    if (m_log) {
        const QString database = QDir::toNativeSeparators(m_snapshot->databasePath);
        QString text;
        switch (m_operation) {
        case Operation::Upgrade:
            text = tr("Upgrading %1 to %2 (steps: %3).");
            break;
        case Operation::Downgrade:
            text = tr("Downgrading %1 to %2 (steps: %3).");
            break;
        case Operation::Stamp:
            text = tr("Stamping %1 with %2 (steps: %3).");
            break;
        }
        m_log->info(text.arg(database, m_preview->plan.target).arg(count));
        if (!options.backup)
            m_log->warning(tr("No backup: turned off for this run."));
    }
    m_progress->setRange(0, std::max(count, 1));
    m_progress->setValue(0);
    m_steps->setColumnHidden(PlanStepsModel::StateColumn, false);
    m_progressPanel->show();
    m_result->hide();
    m_run->start();
    m_clockTimer->start();
    updateButtons();
    updateProgress();
    emit runStarted();
}

void PlanDialog::onStepStarted(int index, int count, const QString &description)
{
    m_currentStep = index;
    m_currentDescription = description;
    m_model->setState(index, PlanStepsModel::State::Running);
    // The SQL shown is the step that runs.
    m_steps->setCurrentIndex(m_model->index(index, 0));
    m_steps->scrollTo(m_model->index(index, 0));
    if (m_log)
        m_log->info(tr("Step %1 of %2: %3").arg(index + 1).arg(count).arg(description));
    updateProgress();
}

void PlanDialog::onStepFinished(int index, bool ok)
{
    m_model->setState(index, ok ? PlanStepsModel::State::Done : PlanStepsModel::State::Failed);
    if (ok)
        m_progress->setValue(index + 1);
    updateProgress();
}

void PlanDialog::onFinished(const ExecutionReport &report)
{
    m_report = report;
    m_finished = true;
    m_clockTimer->stop();
    // The report is authoritative for where each step ended.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (row < report.stepsCompleted)
            m_model->setState(row, PlanStepsModel::State::Done);
        else if (row == report.failedStep)
            m_model->setState(row, PlanStepsModel::State::Failed);
    }
    m_model->markRemainingNotRun();
    m_progress->setValue(m_model->rowCount() == 0 ? (report.ok ? 1 : 0) : report.stepsCompleted);
    if (report.failedStep >= 0)
        m_steps->setCurrentIndex(m_model->index(report.failedStep, 0));
    updateProgress();
    showResult();
    logResult(report);
    updateButtons();
    m_close->setFocus();
    emit runFinished(report);
}

QString PlanDialog::formatElapsed(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 60)
        return tr("%1 s").arg(QLocale().toString(double(milliseconds) / 1000.0, 'f', 1));
    return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
}

void PlanDialog::updateProgress()
{
    if (!m_run)
        return;
    const int count = int(m_preview->steps.size());
    const qint64 elapsed = m_run->elapsedMilliseconds();
    m_elapsedLabel->setText(tr("Elapsed: %1").arg(formatElapsed(elapsed)));
    m_stop->setText(m_stopAsked && isRunning() ? tr("Stopping…") : tr("&Stop"));
    if (m_finished) {
        const ExecutionReport &r = m_report;
        if (r.ok)
            m_progressLabel->setText(
                tr("Finished. Steps done: %1 of %2.").arg(r.stepsCompleted).arg(r.stepCount));
        else if (r.stopped)
            m_progressLabel->setText(
                tr("Stopped. Steps done: %1 of %2.").arg(r.stepsCompleted).arg(r.stepCount));
        else
            m_progressLabel->setText(
                tr("Failed. Steps done: %1 of %2.").arg(r.stepsCompleted).arg(r.stepCount));
        return;
    }
    QString text =
        m_currentStep < 0
            ? tr("Preparing: checking the version table and backing up…")
            : tr("Step %1 of %2: %3").arg(m_currentStep + 1).arg(count).arg(m_currentDescription);
    if (m_stopAsked)
        text += u' ' + tr("(stopping once this step is done)");
    m_progressLabel->setText(text);
}

void PlanDialog::showResult()
{
    if (!m_finished)
        return;
    const ExecutionReport &r = m_report;
    QStringList lines;
    MessageBar::Kind kind = MessageBar::Kind::Positive;
    const QString elapsed = formatElapsed(m_run ? m_run->elapsedMilliseconds() : 0);
    if (r.ok) {
        switch (m_operation) {
        case Operation::Upgrade:
            lines.append(
                tr("Upgrade done in %1. Steps applied: %2.").arg(elapsed).arg(r.stepsCompleted));
            break;
        case Operation::Downgrade:
            lines.append(
                tr("Downgrade done in %1. Steps applied: %2.").arg(elapsed).arg(r.stepsCompleted));
            break;
        case Operation::Stamp:
            lines.append(tr("Stamp done in %1: no migration was run.").arg(elapsed));
            break;
        }
        lines.append(tr("The database is now at: %1").arg(rowsText(r.rowsAfter)));
    } else if (r.stopped) {
        kind = MessageBar::Kind::Warning;
        lines.append(
            tr("Stopped, as asked. Steps done: %1 of %2.").arg(r.stepsCompleted).arg(r.stepCount));
        lines.append(tr("The database is at: %1").arg(rowsText(r.rowsAfter)));
    } else {
        kind = MessageBar::Kind::Error;
        lines.append(r.error);
        if (r.stepsCompleted > 0 || r.failedStep >= 0)
            lines.append(
                tr("The database is at the last completed step: %1").arg(rowsText(r.rowsAfter)));
    }
    if (r.integrityChecked) {
        lines.append(tr("Integrity check: %1").arg(r.integrityMessages.join(u"; "_s)));
        if (!r.integrityOk())
            kind = MessageBar::Kind::Error;
    }
    if (!r.foreignKeyViolations.isEmpty()) {
        lines.append(tr("Foreign key violations: %1").arg(r.foreignKeyViolations.join(u"; "_s)));
        if (kind == MessageBar::Kind::Positive)
            kind = MessageBar::Kind::Warning;
    }
    if (!r.backupFile.isEmpty())
        lines.append(tr("Backup: %1").arg(QDir::toNativeSeparators(r.backupFile)));
    else if (!m_backup->isChecked())
        lines.append(tr("No backup was made (turned off)."));
    if (!r.auditLogError.isEmpty())
        lines.append(r.auditLogError);
    m_result->setKind(kind);
    m_result->setText(lines.join(u'\n'));
    m_result->show();
}

void PlanDialog::logResult(const ExecutionReport &r)
{
    if (!m_log)
        return;
    if (r.ok)
        m_log->info(tr("Done: the database is now at %1.").arg(rowsText(r.rowsAfter)));
    else if (r.stopped)
        m_log->warning(tr("Stopped. Steps done: %1 of %2; the database is at %3.")
                           .arg(r.stepsCompleted)
                           .arg(r.stepCount)
                           .arg(rowsText(r.rowsAfter)));
    else
        m_log->error(r.error);
    if (!r.backupFile.isEmpty())
        m_log->info(tr("Backup: %1").arg(QDir::toNativeSeparators(r.backupFile)));
    if (r.integrityChecked) {
        const QString integrity = tr("Integrity check: %1").arg(r.integrityMessages.join(u"; "_s));
        if (r.integrityOk())
            m_log->info(integrity);
        else
            m_log->error(integrity);
    }
    for (const QString &violation : r.foreignKeyViolations)
        m_log->warning(tr("Foreign key violation: %1").arg(violation));
    if (!r.auditLogError.isEmpty())
        m_log->warning(r.auditLogError);
}

void PlanDialog::reject()
{
    // Closing never abandons a run: Stop ends it between steps.
    if (isRunning())
        return;
    QDialog::reject();
}

void PlanDialog::closeEvent(QCloseEvent *event)
{
    if (isRunning()) {
        event->ignore();
        return;
    }
    QDialog::closeEvent(event);
}

void PlanDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitStepsToRows(); // the splitter has its real height now
}

void PlanDialog::retranslateUi()
{
    const QString database =
        m_snapshot && !m_snapshot->databasePath.isEmpty() ? m_snapshot->databasePath : QString();
    const QString name = QFileInfo(database).fileName();
    switch (m_operation) {
    case Operation::Upgrade:
        setWindowTitle(tr("Upgrade Plan"));
        m_title->setText(tr("Upgrade %1").arg(name));
        m_runButton->setText(tr("&Upgrade"));
        break;
    case Operation::Downgrade:
        setWindowTitle(tr("Downgrade Plan"));
        m_title->setText(tr("Downgrade %1").arg(name));
        m_runButton->setText(tr("&Downgrade"));
        break;
    case Operation::Stamp:
        setWindowTitle(tr("Stamp Plan"));
        m_title->setText(tr("Stamp %1").arg(name));
        m_runButton->setText(tr("&Stamp"));
        break;
    }
    QString where = tr("Database: %1").arg(QDir::toNativeSeparators(database));
    if (m_snapshot && m_snapshot->table.readable())
        where += u"  ·  "_s + tr("Now at: %1").arg(rowsText(m_snapshot->table.rows));
    m_database->setText(where);
    m_targetLabel->setText(tr("&Target:"));
    m_target->setToolTip(tr("A revision id or prefix, a branch label, head, heads, base, or a "
                            "relative step such as -1 or +2, as Alembic takes them"));
    m_purge->setText(tr("&Purge: empty the version table first"));
    m_purge->setToolTip(tr("As alembic stamp --purge: rows that name unknown revisions do not "
                           "stand in the way"));
    m_backup->setText(tr("&Back up the database before changing it"));
    m_stop->setToolTip(
        tr("Stop once the step that is running is done (a step is never cut half way)"));
    m_model->retranslate();
    updateBackupText();
    if (!isRunning() && !m_finished) {
        replan(); // the plan's reasons and warnings come translated from the core
    } else {
        updateSummary();
        updateNotices();
        const QModelIndex current = m_steps->currentIndex();
        showStep(current.isValid() ? current.row() : -1);
    }
    updateProgress();
    showResult();
    updateButtons();
}

void PlanDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

} // namespace retort::ui
