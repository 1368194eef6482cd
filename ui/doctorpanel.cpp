#include "doctorpanel.h"

#include "appsettings.h"
#include "codeview.h"
#include "differencesmodel.h"
#include "findingsmodel.h"
#include "jobrunner.h"
#include "messagebar.h"
#include "paddeddelegate.h"
#include "projectsession.h"
#include "sessionlog.h"
#include "sqlrenderer.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QLabel *sectionTitle(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

// The statements as the command line and the logs print them (Alembic's offline layout).
QStringList displayed(const QStringList &statements)
{
    QStringList shown;
    for (const QString &statement : statements)
        shown.append(SqlRenderer::offlineText(statement));
    return shown;
}

// Rows as tall as their wrapped text in one column: QTreeView asks the
// delegate for a row's height without the column's width, so it never wraps.
class WrappingDelegate : public PaddedDelegate
{
public:
    WrappingDelegate(QTreeView *view, int column)
        : PaddedDelegate(view), m_view(view), m_column(column)
    {
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = PaddedDelegate::sizeHint(option, index);
        const int width = m_view->columnWidth(m_column) - 12;
        if (index.column() != m_column || width <= 0)
            return size;
        const QRect text = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, index.data().toString());
        size.setHeight(std::max(size.height(), text.height() + 10));
        return size;
    }

private:
    QTreeView *m_view;
    int m_column;
};

// As tall as its text (up to `maximum` lines): short SQL does not leave a
// large empty box; long SQL scrolls.
void fitToLines(CodeView *view, int maximum)
{
    const int lines = std::clamp(view->document()->lineCount() + 1, 3, maximum);
    view->setFixedHeight(lines * view->fontMetrics().lineSpacing() + 2 * view->frameWidth() + 12);
}

QString bulleted(const QStringList &lines)
{
    QStringList out;
    for (const QString &line : lines)
        out.append(u"•  "_s + QString(line).replace(u"\n"_s, u"\n    "_s));
    return out.join(u'\n');
}

// Identifies what a report is about: a new database or project starts afresh.
QString identityOf(const SessionSnapshot *s)
{
    if (!s)
        return {};
    return s->databasePath + u'\n' + s->project.config.iniPath + u'\n' +
           s->project.config.versionLocations.join(u'\n');
}

} // namespace

DoctorPanel::DoctorPanel(SessionLog *log, QWidget *parent) : QDialog(parent), m_log(log)
{
    setObjectName(u"doctorPanel"_s);
    setModal(false);
    setSizeGripEnabled(true);
    m_jobs = new JobRunner(this);
    m_findings = new FindingsModel(this);
    m_differences = new DifferencesModel(this);

    m_heading = new QLabel(this);
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_summary = new MessageBar(this);
    m_summary->setObjectName(u"doctorSummary"_s);

    m_pages = new QStackedWidget(this);

    // Message: why there is nothing to diagnose, or why it failed.
    auto *messagePage = new QWidget(m_pages);
    m_message = new MessageBar(messagePage);
    auto *messageLayout = new QVBoxLayout(messagePage);
    messageLayout->setContentsMargins(0, 0, 0, 0);
    messageLayout->addWidget(m_message);
    messageLayout->addStretch(1);
    m_pages->addWidget(messagePage);

    // Busy: a diagnosis, a plan or a repair is running.
    auto *busyPage = new QWidget(m_pages);
    m_busyLabel = new QLabel(busyPage);
    m_busyLabel->setAlignment(Qt::AlignCenter);
    m_busyBar = new QProgressBar(busyPage);
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(360);
    auto *busyLayout = new QVBoxLayout(busyPage);
    busyLayout->addStretch(1);
    busyLayout->addWidget(m_busyLabel);
    busyLayout->addWidget(m_busyBar, 0, Qt::AlignHCenter);
    busyLayout->addStretch(2);
    m_pages->addWidget(busyPage);

    // Healthy: nothing to do.
    auto *healthyPage = new QWidget(m_pages);
    m_healthyTitle = new QLabel(healthyPage);
    m_healthyTitle->setObjectName(u"doctorHealthy"_s);
    m_healthyTitle->setAlignment(Qt::AlignCenter);
    QFont healthyFont = m_healthyTitle->font();
    healthyFont.setPointSizeF(healthyFont.pointSizeF() * 1.6);
    healthyFont.setBold(true);
    m_healthyTitle->setFont(healthyFont);
    updateHealthyColour();
    m_healthyText = wrappingLabel(healthyPage);
    m_healthyText->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    auto *healthyLayout = new QVBoxLayout(healthyPage);
    healthyLayout->setContentsMargins(120, 0, 120, 0);
    healthyLayout->addStretch(1);
    healthyLayout->addWidget(m_healthyTitle);
    healthyLayout->addSpacing(8);
    healthyLayout->addWidget(m_healthyText);
    healthyLayout->addStretch(2);
    m_pages->addWidget(healthyPage);

    m_pages->addWidget(createFindingsPage());
    m_pages->addWidget(createPlanPage());
    m_pages->addWidget(createResultPage());

    m_diagnoseButton = new QPushButton(this);
    m_diagnoseButton->setObjectName(u"doctorDiagnose"_s);
    m_repairAllButton = new QPushButton(this);
    m_repairAllButton->setObjectName(u"doctorRepairAll"_s);
    m_closeButton = new QPushButton(this);
    m_closeButton->setAutoDefault(false);
    connect(m_diagnoseButton, &QPushButton::clicked, this, &DoctorPanel::diagnose);
    connect(m_repairAllButton, &QPushButton::clicked, this, [this] { planRepair(u"all"_s); });
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::close);
    for (QPushButton *button : {m_diagnoseButton, m_repairAllButton})
        button->setAutoDefault(false);

    // One row of buttons for every page; each page shows its own.
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_diagnoseButton);
    buttons->addStretch(1);
    buttons->addWidget(m_repairAllButton);
    buttons->addWidget(m_backButton);
    buttons->addWidget(m_applyButton);
    buttons->addWidget(m_doneButton);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addWidget(m_pages, 1);
    layout->addLayout(buttons);

    resize(1120, 720);
    retranslateUi();
    showMessage({}, false);
}

DoctorPanel::~DoctorPanel() = default;

QWidget *DoctorPanel::createFindingsPage()
{
    auto *page = new QWidget(m_pages);
    m_findingsView = new QTreeView(page);
    m_findingsView->setObjectName(u"doctorFindings"_s);
    m_findingsView->setModel(m_findings);
    m_findingsView->setItemDelegate(
        new WrappingDelegate(m_findingsView, FindingsModel::TitleColumn));
    m_findingsView->setRootIsDecorated(false);
    m_findingsView->setWordWrap(true); // titles are sentences
    m_findingsView->setAllColumnsShowFocus(true);
    m_findingsView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_findingsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_findingsView->header()->setStretchLastSection(true);
    m_findingsView->header()->setSectionResizeMode(FindingsModel::SeverityColumn,
                                                   QHeaderView::ResizeToContents);
    m_findingsView->header()->setSectionResizeMode(FindingsModel::CodeColumn,
                                                   QHeaderView::ResizeToContents);
    m_findingsView->setMinimumWidth(300);
    m_findingsView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Row heights follow the title column's width, which changes whenever the
    // columns sized to their contents do: lay the rows out again after that.
    connect(m_findingsView->header(), &QHeaderView::sectionResized, m_findingsView,
            [this] { QTimer::singleShot(0, m_findingsView, &QTreeView::doItemsLayout); });

    auto *detail = new QWidget;
    m_title = new QLabel(detail);
    m_title->setObjectName(u"doctorFindingTitle"_s);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_meta = new QLabel(detail);
    m_meta->setForegroundRole(QPalette::PlaceholderText);
    m_explanation = wrappingLabel(detail);
    m_explanation->setObjectName(u"doctorExplanation"_s);
    m_evidenceTitle = sectionTitle(detail);
    m_evidence = wrappingLabel(detail);
    m_differencesView = new QTreeView(detail);
    m_differencesView->setObjectName(u"doctorDifferences"_s);
    m_differencesView->setModel(m_differences);
    m_differencesView->setItemDelegate(new PaddedDelegate(m_differencesView));
    m_differencesView->setRootIsDecorated(false);
    m_differencesView->setUniformRowHeights(true);
    m_differencesView->setAllColumnsShowFocus(true);
    m_differencesView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_differencesView->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_differencesView->header()->setStretchLastSection(true);
    m_differencesView->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_fixTitle = sectionTitle(detail);
    m_repairChoice = new QComboBox(detail);
    m_repairChoice->setObjectName(u"doctorRepairChoice"_s);
    m_fixDescription = wrappingLabel(detail);
    m_fixWarning = new MessageBar(detail);
    m_fixSql = new CodeView(detail);
    m_fixSql->setObjectName(u"doctorFixSql"_s);
    m_fixSql->setLanguage(CodeView::Language::Sql);
    m_fixSql->setMinimumHeight(90);
    m_fixSql->setFrameShape(QFrame::StyledPanel);
    m_backupNote = wrappingLabel(detail);
    m_backupNote->setForegroundRole(QPalette::PlaceholderText);
    m_repairButton = new QPushButton(detail);
    m_repairButton->setObjectName(u"doctorRepair"_s);
    m_repairButton->setAutoDefault(false);
    m_findingsError = new MessageBar(detail);
    m_findingsError->setObjectName(u"doctorFindingsError"_s);
    m_findingsError->hide();

    auto *repairRow = new QHBoxLayout;
    repairRow->addWidget(m_repairButton);
    repairRow->addStretch(1);

    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(12, 4, 12, 8);
    detailLayout->setSpacing(6);
    detailLayout->addWidget(m_findingsError);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_meta);
    detailLayout->addSpacing(4);
    detailLayout->addWidget(m_explanation);
    detailLayout->addSpacing(6);
    detailLayout->addWidget(m_evidenceTitle);
    detailLayout->addWidget(m_evidence);
    detailLayout->addWidget(m_differencesView);
    detailLayout->addSpacing(6);
    detailLayout->addWidget(m_fixTitle);
    detailLayout->addWidget(m_repairChoice, 0, Qt::AlignLeft);
    detailLayout->addWidget(m_fixDescription);
    detailLayout->addWidget(m_fixWarning);
    detailLayout->addWidget(m_fixSql);
    detailLayout->addWidget(m_backupNote);
    detailLayout->addLayout(repairRow);
    detailLayout->addStretch(1);

    m_detailScroll = new QScrollArea(page);
    m_detailScroll->setWidget(detail);
    m_detailScroll->setWidgetResizable(true);
    m_detailScroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->addWidget(m_findingsView);
    splitter->addWidget(m_detailScroll);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({340, 760});

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_findingsView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showFinding(current.isValid() ? current.row() : -1);
            });
    connect(m_repairChoice, &QComboBox::currentIndexChanged, this, [this] { showRepairChoice(); });
    connect(m_repairButton, &QPushButton::clicked, this, [this] {
        const Diagnosis *d = m_findings->diagnosis(m_findingsView->currentIndex().row());
        if (!d || d->repairs.isEmpty())
            return;
        const int choice = std::max(0, m_repairChoice->currentIndex());
        // The first repair is the one the code alone asks for.
        planRepair(choice == 0 ? d->code : d->code + u':' + d->repairs[choice].key);
    });
    return page;
}

QWidget *DoctorPanel::createPlanPage()
{
    auto *page = new QWidget(m_pages);
    m_planTitle = sectionTitle(page);
    QFont font = m_planTitle->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_planTitle->setFont(font);
    m_planIntro = wrappingLabel(page);
    m_planSteps = wrappingLabel(page);
    m_planWarning = new MessageBar(page);
    m_planSql = new CodeView(page);
    m_planSql->setObjectName(u"doctorPlanSql"_s);
    m_planSql->setLanguage(CodeView::Language::Sql);
    m_planSql->setFrameShape(QFrame::StyledPanel);
    m_planAfter = wrappingLabel(page);
    m_backButton = new QPushButton(this);
    m_backButton->setAutoDefault(false);
    m_applyButton = new QPushButton(this);
    m_applyButton->setObjectName(u"doctorApply"_s);
    m_applyButton->setAutoDefault(false);
    connect(m_backButton, &QPushButton::clicked, this, [this] { showReport(); });
    connect(m_applyButton, &QPushButton::clicked, this, &DoctorPanel::applyPlan);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_planTitle);
    layout->addWidget(m_planIntro);
    layout->addWidget(m_planSteps);
    layout->addWidget(m_planWarning);
    layout->addWidget(m_planSql);
    layout->addWidget(m_planAfter);
    layout->addStretch(1);
    return page;
}

QWidget *DoctorPanel::createResultPage()
{
    auto *page = new QWidget(m_pages);
    m_resultBar = new MessageBar(page);
    m_resultBar->setObjectName(u"doctorResult"_s);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    grid->setVerticalSpacing(6);
    for (int column = 0; column < 2; ++column) {
        m_resultHeaders[column] = sectionTitle(page);
        grid->addWidget(m_resultHeaders[column], 0, column + 1);
    }
    for (int row = 0; row < 3; ++row) {
        m_resultCaptions[row] = new QLabel(page);
        m_resultCaptions[row]->setForegroundRole(QPalette::PlaceholderText);
        m_resultCaptions[row]->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_resultBefore[row] = wrappingLabel(page);
        m_resultAfter[row] = wrappingLabel(page);
        grid->addWidget(m_resultCaptions[row], row + 1, 0);
        grid->addWidget(m_resultBefore[row], row + 1, 1);
        grid->addWidget(m_resultAfter[row], row + 1, 2);
    }
    grid->setColumnMinimumWidth(1, 280);
    grid->setColumnMinimumWidth(2, 280);
    grid->setColumnStretch(3, 1);

    m_resultBackup = wrappingLabel(page);
    m_resultSqlTitle = sectionTitle(page);
    m_resultSql = new CodeView(page);
    m_resultSql->setLanguage(CodeView::Language::Sql);
    m_resultSql->setFrameShape(QFrame::StyledPanel);
    m_doneButton = new QPushButton(this);
    m_doneButton->setObjectName(u"doctorDone"_s);
    m_doneButton->setAutoDefault(false);
    connect(m_doneButton, &QPushButton::clicked, this, [this] { showReport(); });

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_resultBar);
    layout->addLayout(grid);
    layout->addWidget(m_resultBackup);
    layout->addWidget(m_resultSqlTitle);
    layout->addWidget(m_resultSql);
    layout->addStretch(1);
    return page;
}

// --- state -------------------------------------------------------------------

void DoctorPanel::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    const QString identity = identityOf(snapshot.get());
    m_snapshot = std::move(snapshot);
    if (identity != m_identity) {
        // Another database or project: what was found no longer applies.
        m_identity = identity;
        m_haveReport = false;
        m_report = {};
        m_selectedCode.clear();
        m_job = 0;
        m_work = Work::None;
        m_stale = true;
        if (isVisible())
            diagnose();
        return;
    }
    // The same database, read again (perhaps after a repair of ours): a plan
    // or a result on screen stays; a diagnosis on screen is redone.
    m_stale = true;
    const Page shown = page();
    if (isVisible() && m_work == Work::None &&
        (shown == Page::Findings || shown == Page::Healthy || shown == Page::Message))
        diagnose();
}

bool DoctorPanel::isBusy() const
{
    return m_work != Work::None;
}

DoctorPanel::Page DoctorPanel::page() const
{
    return Page(m_pages->currentIndex());
}

void DoctorPanel::setPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    const bool findings = page == Page::Findings;
    m_repairAllButton->setVisible(findings);
    m_backButton->setVisible(page == Page::Plan);
    m_applyButton->setVisible(page == Page::Plan);
    m_doneButton->setVisible(page == Page::Result);
    m_diagnoseButton->setVisible(page != Page::Plan);
    bool repairable = false;
    for (const Diagnosis &d : m_findings->diagnoses())
        repairable = repairable || !d.repairs.isEmpty();
    m_repairAllButton->setEnabled(findings && repairable);
    m_diagnoseButton->setEnabled(page != Page::Busy && m_snapshot && m_snapshot->hasProject &&
                                 !m_snapshot->databasePath.isEmpty());
}

QString DoctorPanel::backupFolder() const
{
    return AppSettings::backupFolder();
}

QString DoctorPanel::databaseName() const
{
    return m_snapshot ? QFileInfo(m_snapshot->databasePath).fileName() : QString();
}

QString DoctorPanel::revisionText(int revision) const
{
    if (revision < 0)
        return tr("the empty schema (before the first migration)");
    if (!m_snapshot || revision >= m_snapshot->project.graph.size())
        return QString::number(revision);
    const RevisionGraph::Node &node = m_snapshot->project.graph.node(revision);
    const QString doc = node.file.doc().section(u'\n', 0, 0).trimmed();
    return doc.isEmpty() ? node.id : u"%1 (%2)"_s.arg(node.id, doc);
}

QString DoctorPanel::rowsText(const QStringList &rows) const
{
    return rows.isEmpty() ? tr("(empty)") : rows.join(u", "_s);
}

QString DoctorPanel::codesText(const DoctorReport &report) const
{
    if (!report.readable)
        return tr("(not examined)");
    return report.diagnoses.isEmpty() ? tr("none") : report.codes().join(u", "_s);
}

// --- diagnosis -----------------------------------------------------------------

void DoctorPanel::diagnose()
{
    m_stale = false;
    const std::shared_ptr<const SessionSnapshot> snapshot = m_snapshot;
    if (!snapshot) {
        showMessage({}, false);
        return;
    }
    if (!snapshot->hasProject) {
        showMessage(tr("The doctor compares a database with its migration scripts, and no "
                       "scripts were found: %1")
                        .arg(snapshot->configError),
                    true);
        return;
    }
    if (snapshot->databasePath.isEmpty()) {
        showMessage(tr("No database is open. Open one to diagnose it."), false);
        return;
    }
    m_work = Work::Diagnosis;
    m_findingsError->hide();
    showBusy(tr("Diagnosing %1…").arg(databaseName()));
    m_job = m_jobs->run<DoctorReport>(
        [snapshot, renderer = AlembicRenderer(AppSettings::rendererSettings())] {
            return Doctor::diagnose(snapshot->project, snapshot->databasePath, &renderer);
        },
        [this](int job, const DoctorReport &report) {
            if (job != m_job)
                return;
            m_work = Work::None;
            m_report = report;
            m_haveReport = true;
            if (!report.readable)
                m_log->error(tr("Doctor: %1").arg(report.error));
            else if (report.diagnoses.isEmpty())
                m_log->info(tr("Doctor: no problems found in %1 (%2 ms).")
                                .arg(databaseName())
                                .arg(qRound(report.milliseconds)));
            else
                m_log->append(report.healthy() ? SessionLog::Level::Info
                                               : SessionLog::Level::Warning,
                              report.diagnoses.isEmpty()
                                  ? tr("Doctor: no findings in %1 (%2 ms).")
                                        .arg(databaseName())
                                        .arg(qRound(report.milliseconds))
                                  : tr("Doctor: findings in %1: %2 (%3 ms).")
                                        .arg(databaseName(), report.codes().join(u", "_s))
                                        .arg(qRound(report.milliseconds)));
            showReport();
            emit diagnosed();
        });
}

void DoctorPanel::showBusy(const QString &text)
{
    m_busyLabel->setText(text);
    setPage(Page::Busy);
}

void DoctorPanel::showMessage(const QString &text, bool error)
{
    m_messageText = text;
    m_messageIsError = error;
    m_message->setKind(error ? MessageBar::Kind::Error : MessageBar::Kind::Information);
    m_message->setText(text.isEmpty() ? tr("Open a project and its database to diagnose them.")
                                      : text);
    m_findings->setDiagnoses({});
    setPage(Page::Message);
    updateSummary();
}

void DoctorPanel::showReport()
{
    if (!m_haveReport) {
        diagnose();
        return;
    }
    if (!m_report.readable) {
        showMessage(m_report.error, true);
        return;
    }
    m_findings->setDiagnoses(m_report.diagnoses);
    QTimer::singleShot(0, m_findingsView, &QTreeView::doItemsLayout);
    if (m_report.diagnoses.isEmpty()) {
        m_healthyText->setText(
            tr("The version table (%1), the schema and SQLite's own checks agree with the "
               "migration scripts.")
                .arg(!m_report.hasVersionTable ? tr("none") : rowsText(m_report.rows)));
        setPage(Page::Healthy);
        updateSummary();
        return;
    }
    setPage(Page::Findings);
    int row = m_findings->rowOf(m_selectedCode);
    if (row < 0)
        row = 0;
    m_findingsView->setCurrentIndex(m_findings->index(row, 0));
    showFinding(row);
    updateSummary();
}

void DoctorPanel::updateSummary()
{
    m_heading->setText(m_snapshot && !m_snapshot->databasePath.isEmpty()
                           ? tr("Doctor — %1").arg(databaseName())
                           : tr("Doctor"));
    const Page shown = page();
    if (!m_haveReport || !m_report.readable || shown == Page::Message || shown == Page::Busy ||
        shown == Page::Plan || shown == Page::Result) {
        m_summary->hide();
        return;
    }
    m_summary->show();
    const QString rows = !m_report.hasVersionTable
                             ? tr("no version table")
                             : tr("version table: %1").arg(rowsText(m_report.rows));
    if (m_report.diagnoses.isEmpty()) {
        m_summary->setKind(MessageBar::Kind::Positive);
        m_summary->setText(tr("No problems found  ·  %1  ·  diagnosed in %2 ms.")
                               .arg(rows)
                               .arg(qRound(m_report.milliseconds)));
        return;
    }
    bool errors = false;
    for (const Diagnosis &d : m_report.diagnoses)
        errors = errors || d.severity == Diagnosis::Severity::Error;
    m_summary->setKind(errors               ? MessageBar::Kind::Error
                       : m_report.healthy() ? MessageBar::Kind::Information
                                            : MessageBar::Kind::Warning);
    m_summary->setText(tr("Findings: %1  ·  %2  ·  diagnosed in %3 ms. Select one to see its "
                          "evidence and the repair Retort proposes.")
                           .arg(m_report.diagnoses.size())
                           .arg(rows)
                           .arg(qRound(m_report.milliseconds)));
}

void DoctorPanel::selectFinding(const QString &code)
{
    const int row = m_findings->rowOf(code);
    if (row >= 0)
        m_findingsView->setCurrentIndex(m_findings->index(row, 0));
}

void DoctorPanel::showFinding(int row)
{
    const Diagnosis *d = m_findings->diagnosis(row);
    if (!d) {
        m_title->clear();
        m_meta->clear();
        m_explanation->clear();
        m_evidenceTitle->hide();
        m_evidence->hide();
        m_differencesView->hide();
        m_differences->setDifferences({});
        m_fixTitle->hide();
        m_repairChoice->hide();
        m_fixDescription->hide();
        m_fixWarning->hide();
        m_fixSql->hide();
        m_backupNote->hide();
        m_repairButton->hide();
        return;
    }
    m_selectedCode = d->code;
    m_title->setText(d->title);
    m_meta->setText(FindingsModel::severityText(d->severity) + u"  ·  "_s + d->code);
    m_explanation->setText(d->explanation);

    QStringList evidence = d->details;
    if (!d->rows.isEmpty())
        evidence.append(tr("Version table rows concerned: %1").arg(d->rows.join(u", "_s)));
    if (!d->revisions.isEmpty())
        evidence.append(tr("Revisions concerned: %1").arg(d->revisions.join(u", "_s)));
    // The revisions the schema was matched against are named in the details.
    if (d->uncertain)
        evidence.append(tr("The expected schema involved is a best effort: a revision on the "
                           "way could not be translated to SQL."));
    m_evidenceTitle->setVisible(!evidence.isEmpty() || !d->differences.isEmpty());
    m_evidence->setVisible(!evidence.isEmpty());
    m_evidence->setText(bulleted(evidence));

    m_differences->setDifferences(d->differences);
    m_differencesView->setVisible(!d->differences.isEmpty());
    if (!d->differences.isEmpty()) {
        // As tall as its rows (up to ten), so the page scrolls as one.
        const int rows = std::min<int>(int(d->differences.size()), 10);
        const int rowHeight = m_differencesView->sizeHintForRow(0);
        m_differencesView->setFixedHeight(m_differencesView->header()->sizeHint().height() +
                                          rows * std::max(rowHeight, 18) + 6);
    }

    m_fixTitle->show();
    m_repairChoice->blockSignals(true);
    m_repairChoice->clear();
    for (const Repair &repair : d->repairs)
        m_repairChoice->addItem(repair.description);
    m_repairChoice->setCurrentIndex(d->repairs.isEmpty() ? -1 : 0);
    m_repairChoice->blockSignals(false);
    m_repairChoice->setVisible(d->repairs.size() > 1);
    showRepairChoice();
}

void DoctorPanel::showRepairChoice()
{
    const Diagnosis *d = m_findings->diagnosis(m_findingsView->currentIndex().row());
    if (!d)
        return;
    if (d->repairs.isEmpty()) {
        m_fixDescription->setText(tr("Retort has no automatic repair for this finding; the "
                                     "explanation above says what to do."));
        m_fixDescription->show();
        m_fixWarning->hide();
        m_fixSql->hide();
        m_backupNote->hide();
        m_repairButton->hide();
        return;
    }
    const int choice = std::clamp(m_repairChoice->currentIndex(), 0, int(d->repairs.size()) - 1);
    const Repair &repair = d->repairs[choice];
    m_fixDescription->setText(repair.description);
    m_fixDescription->setVisible(d->repairs.size() == 1);
    m_fixWarning->setKind(MessageBar::Kind::Warning);
    m_fixWarning->setText(tr("This repair drops a table or a column that may hold data."));
    m_fixWarning->setVisible(repair.destructive);
    m_fixSql->setStatements(displayed(repair.statements),
                            QList<bool>(repair.statements.size(), repair.destructive));
    m_fixSql->show();
    fitToLines(m_fixSql, 16);
    m_backupNote->setText(tr("Nothing is written until you confirm. Then a backup of %1 is "
                             "written to %2 first, and the statements run in one transaction.")
                              .arg(databaseName(), QDir::toNativeSeparators(backupFolder())));
    m_backupNote->show();
    m_repairButton->show();
}

// --- repair --------------------------------------------------------------------

void DoctorPanel::planRepair(const QString &code)
{
    const std::shared_ptr<const SessionSnapshot> snapshot = m_snapshot;
    if (!snapshot || !snapshot->hasProject || snapshot->databasePath.isEmpty() || isBusy())
        return;
    m_planCode = code;
    m_work = Work::Plan;
    m_findingsError->hide();
    showBusy(tr("Planning the repair on a copy of the schema…"));
    RepairOptions options;
    options.dryRun = true;
    options.backupFolder = backupFolder();
    m_job = m_jobs->run<RepairReport>(
        [snapshot, code, options, renderer = AlembicRenderer(AppSettings::rendererSettings())] {
            RepairOptions withRenderer = options;
            withRenderer.renderer = &renderer;
            return Doctor::repair(snapshot->project, snapshot->databasePath, code, withRenderer);
        },
        [this](int job, const RepairReport &plan) {
            if (job != m_job)
                return;
            m_work = Work::None;
            m_plan = plan;
            if (!plan.ok) {
                // Back to the findings, with why there is no plan.
                showReport();
                m_findingsError->setKind(MessageBar::Kind::Error);
                m_findingsError->setText(plan.error);
                m_findingsError->show();
                m_log->warning(tr("Doctor: no repair planned: %1").arg(plan.error));
                emit planned();
                return;
            }
            showPlan();
            emit planned();
        });
}

void DoctorPanel::showPlan()
{
    const RepairReport &plan = m_plan;
    m_planTitle->setText(m_planCode == u"all"_s ? tr("Repair all: the plan")
                                                : tr("Repair %1: the plan").arg(m_planCode));
    m_planIntro->setText(
        tr("Confirming backs up %1 to %2, then runs the statements below in one "
           "transaction: if one fails, nothing is changed. Then SQLite's integrity is checked, "
           "the database is diagnosed again, and the repair is written to the audit log.")
            .arg(databaseName(), QDir::toNativeSeparators(backupFolder())));
    QStringList steps;
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        steps.append(
            u"%1. %2 — %3"_s.arg(i + 1).arg(plan.steps[i].code, plan.steps[i].description));
    m_planSteps->setText(steps.join(u'\n'));
    m_planWarning->setKind(MessageBar::Kind::Warning);
    m_planWarning->setText(tr("This plan drops a table or a column that may hold data. The "
                              "backup keeps it."));
    m_planWarning->setVisible(plan.destructive);
    QList<bool> destructive;
    QStringList statements;
    for (const RepairReport::Step &step : plan.steps) {
        const bool drops = std::any_of(plan.before.diagnoses.cbegin(), plan.before.diagnoses.cend(),
                                       [&](const Diagnosis &d) {
                                           for (const Repair &r : d.repairs)
                                               if (d.code == step.code && r.key == step.repair)
                                                   return r.destructive;
                                           return false;
                                       });
        for (const QString &statement : step.statements) {
            statements.append(statement);
            destructive.append(drops);
        }
    }
    m_planSql->setStatements(displayed(statements), destructive);
    fitToLines(m_planSql, 24);
    QString after = tr("Version table afterwards: %1 → %2")
                        .arg(rowsText(plan.rowsBefore), rowsText(plan.rowsAfter));
    after += u'\n';
    after += plan.after.diagnoses.isEmpty()
                 ? tr("Expected afterwards: no findings.")
                 : tr("Expected afterwards, still: %1").arg(plan.after.codes().join(u", "_s));
    m_planAfter->setText(after);
    setPage(Page::Plan);
    // Not on Apply: a write is confirmed by a click (or Alt+A), not by a stray Enter.
    m_planSql->setFocus();
}

void DoctorPanel::applyPlan()
{
    const std::shared_ptr<const SessionSnapshot> snapshot = m_snapshot;
    if (page() != Page::Plan || !m_plan.ok || !snapshot || isBusy())
        return;
    const QString code = m_planCode;
    m_work = Work::Repair;
    showBusy(tr("Backing up %1 and repairing it…").arg(databaseName()));
    RepairOptions options;
    options.backupFolder = backupFolder();
    m_job = m_jobs->run<RepairReport>(
        [snapshot, code, options, renderer = AlembicRenderer(AppSettings::rendererSettings())] {
            RepairOptions withRenderer = options;
            withRenderer.renderer = &renderer;
            return Doctor::repair(snapshot->project, snapshot->databasePath, code, withRenderer);
        },
        [this](int job, const RepairReport &repair) {
            if (job != m_job)
                return;
            m_work = Work::None;
            m_repair = repair;
            if (repair.after.readable) {
                // The re-diagnosis is the report from now on.
                m_report = repair.after;
                m_haveReport = true;
            }
            if (repair.ok)
                m_log->info(tr("Doctor: repaired %1 (%2) in one transaction (statements: %n), "
                               "backup %3; findings afterwards: %4.",
                               nullptr, int(repair.statements.size()))
                                .arg(databaseName(), repair.code,
                                     QDir::toNativeSeparators(repair.backupFile),
                                     codesText(repair.after)));
            else
                m_log->error(
                    tr("Doctor: the repair of %1 failed: %2").arg(databaseName(), repair.error));
            if (!repair.auditLogError.isEmpty())
                m_log->warning(repair.auditLogError);
            showResult();
            if (repair.ok)
                emit databaseChanged();
            emit repairFinished(repair.ok);
        });
}

void DoctorPanel::showResult()
{
    const RepairReport &r = m_repair;
    if (!r.ok) {
        m_resultBar->setKind(MessageBar::Kind::Error);
        m_resultBar->setText(tr("The repair did not run: %1").arg(r.error));
    } else if (r.after.healthy()) {
        m_resultBar->setKind(MessageBar::Kind::Positive);
        m_resultBar->setText(tr("Repaired: %1 is healthy now.").arg(databaseName()));
    } else {
        m_resultBar->setKind(MessageBar::Kind::Warning);
        m_resultBar->setText(tr("Repaired, but findings remain: %1.").arg(codesText(r.after)));
    }
    m_resultHeaders[0]->setText(tr("Before"));
    m_resultHeaders[1]->setText(tr("After"));
    m_resultCaptions[0]->setText(tr("Version table"));
    m_resultCaptions[1]->setText(tr("Findings"));
    m_resultCaptions[2]->setText(tr("Integrity check"));
    m_resultBefore[0]->setText(rowsText(r.rowsBefore));
    m_resultAfter[0]->setText(rowsText(r.rowsAfter));
    m_resultBefore[1]->setText(codesText(r.before));
    m_resultAfter[1]->setText(codesText(r.after));
    m_resultBefore[2]->setText(u"—"_s);
    QStringList integrity = r.integrityMessages;
    integrity += r.foreignKeyViolations;
    m_resultAfter[2]->setText(integrity.isEmpty() ? u"—"_s : integrity.join(u'\n'));
    m_resultBackup->setText(r.backupFile.isEmpty()
                                ? tr("No backup was taken.")
                                : tr("Backup: %1").arg(QDir::toNativeSeparators(r.backupFile)));
    m_resultSqlTitle->setText(r.ok ? tr("Statements run") : tr("Statements planned"));
    m_resultSql->setStatements(displayed(r.statements));
    fitToLines(m_resultSql, 24);
    setPage(Page::Result);
    updateSummary();
    m_doneButton->setFocus();
}

// --- events ------------------------------------------------------------------

void DoctorPanel::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (m_stale && !isBusy())
        diagnose();
}

void DoctorPanel::redoInCurrentLanguage()
{
    // The core words its findings when it makes them: ask again (when next
    // shown, if hidden now).
    if (!isVisible()) {
        m_stale = m_stale || m_haveReport;
        return;
    }
    if (isBusy())
        return;
    switch (page()) {
    case Page::Findings:
    case Page::Healthy:
        diagnose();
        break;
    case Page::Message:
        if (m_snapshot)
            diagnose();
        break;
    case Page::Plan:
        planRepair(m_planCode);
        break;
    case Page::Result:
        showResult(); // what happened stays in the words it was reported in
        break;
    case Page::Busy:
        break;
    }
}

void DoctorPanel::retranslateUi()
{
    setWindowTitle(tr("Doctor — Retort"));
    m_diagnoseButton->setText(tr("&Diagnose Again"));
    m_diagnoseButton->setToolTip(tr("Read the database and the scripts again and diagnose them"));
    m_repairAllButton->setText(tr("Repair &All…"));
    m_repairAllButton->setToolTip(
        tr("Plan the repair of every finding that has one; nothing is written until you confirm"));
    m_closeButton->setText(tr("&Close"));
    m_healthyTitle->setText(tr("✓  No problems found"));
    m_evidenceTitle->setText(tr("Evidence"));
    m_fixTitle->setText(tr("Proposed repair"));
    m_repairButton->setText(tr("&Repair…"));
    m_repairButton->setToolTip(tr("Plan this repair and show it; nothing is written until you "
                                  "confirm"));
    m_backButton->setText(tr("&Back"));
    m_applyButton->setText(tr("&Apply Repair"));
    m_doneButton->setText(tr("Back to the Findings"));
    m_findings->retranslate();
    m_differences->retranslate();
    if (page() == Page::Message)
        m_message->setText(m_messageText.isEmpty()
                               ? tr("Open a project and its database to diagnose them.")
                               : m_messageText);
    updateSummary();
    const QModelIndex current = m_findingsView->currentIndex();
    if (page() == Page::Findings && current.isValid())
        showFinding(current.row());
}

void DoctorPanel::updateHealthyColour()
{
    // Green as the header's "up to date" badge, lighter on a dark palette.
    QPalette p = m_healthyTitle->palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    const QColor green = dark ? QColor(0x3f, 0xc2, 0x6b) : QColor(0x1a, 0x8a, 0x40);
    if (p.color(QPalette::WindowText) != green) {
        p.setColor(QPalette::WindowText, green);
        m_healthyTitle->setPalette(p);
    }
}

void DoctorPanel::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateHealthyColour();
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        redoInCurrentLanguage();
    }
}

} // namespace retort::ui
