#include "revisiondetails.h"

#include "codeview.h"
#include "historymodel.h"
#include "messagebar.h"
#include "projectsession.h"
#include "sqlpreview.h"

#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    label->setMinimumWidth(40);
    return label;
}

QLabel *fieldLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QWidget *sqlPage(QWidget *parent, MessageBar **message, CodeView **view)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->setSpacing(6);
    *message = new MessageBar(page);
    *view = new CodeView(page);
    (*view)->setLanguage(CodeView::Language::Sql);
    layout->addWidget(*message);
    layout->addWidget(*view, 1);
    layout->addStretch(0); // takes the room when there is no SQL to show
    return page;
}

} // namespace

RevisionDetails::RevisionDetails(QWidget *parent) : QWidget(parent)
{
    m_stack = new QStackedWidget(this);
    m_placeholder = new QLabel(m_stack);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_placeholder);

    auto *page = new QWidget(m_stack);
    m_title = new QLabel(page);
    m_title->setObjectName(u"revisionTitle"_s);
    QFont titleFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state = new QLabel(page);
    m_state->setObjectName(u"revisionState"_s);
    m_message = new QLabel(page);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont messageFont = m_message->font();
    messageFont.setPointSizeF(messageFont.pointSizeF() * 1.08);
    m_message->setFont(messageFont);

    m_form = new QFormLayout;
    m_form->setContentsMargins(0, 4, 0, 0);
    m_form->setHorizontalSpacing(14);
    m_form->setVerticalSpacing(5);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    auto addRow = [&](QLabel *&label, QLabel *&value) {
        label = fieldLabel(page);
        value = valueLabel(page);
        m_form->addRow(label, value);
        connect(value, &QLabel::linkActivated, this, [this](const QString &link) {
            if (link.startsWith(u"rev:"_s) && m_snapshot)
                emit revisionActivated(m_snapshot->project.graph.indexOf(link.mid(4)));
            else
                QDesktopServices::openUrl(QUrl(link));
        });
    };
    addRow(m_parentsLabel, m_parents);
    addRow(m_childrenLabel, m_children);
    addRow(m_labelsLabel, m_labels);
    addRow(m_dependsLabel, m_depends);
    addRow(m_dateLabel, m_date);
    addRow(m_fileLabel, m_file);
    m_problems = new MessageBar(page);
    m_problems->setKind(MessageBar::Kind::Warning);

    m_tabs = new QTabWidget(page);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(sqlPage(m_tabs, &m_upgradeMessage, &m_upgrade), QString());
    m_tabs->addTab(sqlPage(m_tabs, &m_downgradeMessage, &m_downgrade), QString());
    m_source = new CodeView(m_tabs);
    m_source->setLanguage(CodeView::Language::Python);
    m_tabs->addTab(m_source, QString());

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    titleRow->addWidget(m_title);
    titleRow->addWidget(m_state);
    titleRow->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(12, 10, 12, 0);
    layout->setSpacing(6);
    layout->addLayout(titleRow);
    layout->addWidget(m_message);
    layout->addLayout(m_form);
    layout->addWidget(m_problems);
    layout->addSpacing(4);
    layout->addWidget(m_tabs, 1);
    m_stack->addWidget(page);

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    retranslateUi();
}

void RevisionDetails::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    m_revision = -1;
    showRevision(-1);
}

QString RevisionDetails::revisionLinks(const QList<int> &revisions) const
{
    QStringList links;
    for (int r : revisions) {
        const QString id = m_snapshot->project.graph.node(r).id.toHtmlEscaped();
        links.append(u"<a href=\"rev:%1\"><code>%1</code></a>"_s.arg(id));
    }
    return links.join(u", "_s);
}

void RevisionDetails::showRevision(int revision)
{
    const bool valid = m_snapshot && m_snapshot->hasProject && revision >= 0 &&
                       revision < m_snapshot->project.graph.size();
    m_revision = valid ? revision : -1;
    if (!valid) {
        m_stack->setCurrentIndex(0);
        for (CodeView *view : {m_upgrade, m_downgrade, m_source})
            view->setCode({});
        return;
    }
    m_stack->setCurrentIndex(1);
    const RevisionGraph &graph = m_snapshot->project.graph;
    const RevisionGraph::Node &node = graph.node(revision);

    m_title->setText(node.id);
    QString state;
    QColor colour;
    if (m_snapshot->isCurrent(revision)) {
        state = tr("current");
        colour = QColor(0x1a, 0x9a, 0x47);
    } else if (!m_snapshot->appliedKnown) {
        state = tr("state unknown");
    } else if (m_snapshot->isApplied(revision)) {
        state = tr("applied");
        colour = QColor(0x2f, 0x6f, 0xd6);
    } else {
        state = tr("pending");
        colour = QColor(0xd3, 0x5f, 0x00);
    }
    if (node.isHead())
        state += u" · "_s + tr("head");
    m_state->setText(state);
    QPalette statePalette = palette();
    if (colour.isValid())
        statePalette.setColor(QPalette::WindowText, colour);
    m_state->setPalette(statePalette);

    const QString longDoc = node.file.longDoc();
    const QString firstParagraph = node.file.doc().simplified();
    m_message->setText(firstParagraph.isEmpty() ? tr("(no message)") : firstParagraph);

    m_parents->setText(node.downRevisions.isEmpty()
                           ? tr("none (a base revision)")
                           : revisionLinks(node.parents) +
                                 [&] {
                                     // Parents named in the file but missing from the scripts.
                                     QStringList missing;
                                     for (const QString &id : node.downRevisions)
                                         if (graph.indexOf(id) < 0)
                                             missing.append(id.toHtmlEscaped());
                                     return missing.isEmpty()
                                                ? QString()
                                                : (node.parents.isEmpty() ? QString() : u", "_s) +
                                                      tr("%1 (missing)").arg(missing.join(u", "_s));
                                 }());
    m_children->setText(node.children.isEmpty() ? tr("none (a head)")
                                                : revisionLinks(node.children));
    m_labels->setText(node.branchLabels.isEmpty() ? tr("none")
                                                  : node.branchLabels.join(u", "_s).toHtmlEscaped());
    m_depends->setText(node.dependsOn.isEmpty() ? tr("none")
                                                : node.dependsOn.join(u", "_s).toHtmlEscaped());
    const QString date = HistoryModel::createDate(node.file.docstring);
    m_date->setText(date.isEmpty() ? tr("not stated") : date.toHtmlEscaped());
    m_file->setText(u"<a href=\"%1\">%2</a>"_s.arg(
        QUrl::fromLocalFile(node.file.path).toString().toHtmlEscaped(),
        QDir::toNativeSeparators(node.file.path).toHtmlEscaped()));
    m_file->setToolTip(tr("Open the file with the default application"));
    if (longDoc != firstParagraph && !longDoc.isEmpty())
        m_message->setToolTip(longDoc);
    else
        m_message->setToolTip({});

    const QList<GraphProblem> problems = m_snapshot->problemsOf(revision);
    if (problems.isEmpty()) {
        m_problems->hide();
    } else {
        QStringList lines;
        for (const GraphProblem &p : problems)
            lines.append(p.line > 0 ? tr("Line %1: %2").arg(p.line).arg(p.message) : p.message);
        m_problems->setText(lines.join(u'\n'));
        m_problems->setKind(std::any_of(problems.begin(), problems.end(),
                                        [](const GraphProblem &p) { return p.isFatal(); })
                                ? MessageBar::Kind::Error
                                : MessageBar::Kind::Warning);
        m_problems->show();
    }

    showSql(int(SqlPreview::Direction::Upgrade), m_upgrade, m_upgradeMessage);
    showSql(int(SqlPreview::Direction::Downgrade), m_downgrade, m_downgradeMessage);

    QFile file(node.file.path);
    if (file.open(QIODevice::ReadOnly))
        m_source->setCode(QString::fromUtf8(file.readAll()));
    else
        m_source->setCode(tr("# Cannot read %1: %2").arg(node.file.path, file.errorString()));
}

void RevisionDetails::showSql(int direction, CodeView *view, MessageBar *message)
{
    const SqlPreview preview = SqlPreview::forRevision(
        m_snapshot->project, m_revision, SqlPreview::Direction(direction));
    if (!preview.available) {
        message->setKind(MessageBar::Kind::Information);
        message->setText(preview.reason);
        message->show();
        view->setCode({});
        view->hide();
        return;
    }
    const qsizetype destructive = preview.destructive.count(true);
    if (preview.statements.isEmpty()) {
        message->setKind(MessageBar::Kind::Information);
        message->setText(tr("This migration runs no SQL."));
        message->show();
    } else if (destructive > 0) {
        message->setKind(MessageBar::Kind::Warning);
        message->setText(tr("Statements that can lose data are highlighted: %1.").arg(destructive));
        message->show();
    } else {
        message->hide();
    }
    view->setStatements(preview.statements, preview.destructive);
    view->show();
}

void RevisionDetails::retranslateUi()
{
    m_placeholder->setText(tr("Select a revision in the history to see its details."));
    m_parentsLabel->setText(tr("Parents"));
    m_childrenLabel->setText(tr("Children"));
    m_labelsLabel->setText(tr("Branch labels"));
    m_dependsLabel->setText(tr("Depends on"));
    m_dateLabel->setText(tr("Created"));
    m_fileLabel->setText(tr("File"));
    m_tabs->setTabText(UpgradeTab, tr("Upgrade SQL"));
    m_tabs->setTabText(DowngradeTab, tr("Downgrade SQL"));
    m_tabs->setTabText(SourceTab, tr("Source"));
    if (m_revision >= 0)
        showRevision(m_revision);
}

void RevisionDetails::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    } else if (event->type() == QEvent::PaletteChange) {
        // Rich text keeps the link colour it was laid out with.
        for (QLabel *label : {m_parents, m_children, m_file}) {
            const QString text = label->text();
            label->clear();
            label->setText(text);
        }
        if (m_revision >= 0 && m_snapshot) {
            QPalette statePalette = palette();
            statePalette.setColor(QPalette::WindowText,
                                  m_state->palette().color(QPalette::WindowText));
            m_state->setPalette(statePalette);
        }
    }
}

} // namespace retort::ui
