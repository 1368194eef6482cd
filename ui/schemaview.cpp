#include "schemaview.h"

#include "appsettings.h"
#include "codeview.h"
#include "expectedschema.h"
#include "jobrunner.h"
#include "messagebar.h"
#include "paddeddelegate.h"
#include "projectsession.h"
#include "schemamodel.h"
#include "schemasnapshot.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

// What the reading job hands back: the database's schema and, when asked,
// the expected one and how they differ.
struct SchemaView::Comparison
{
    bool compared = false;
    SchemaSnapshot actual;
    SchemaSnapshot expected;
    SchemaDiff differences;
    bool uncertain = false;
    QString uncertainReason;
    QString error; // translated
};

SchemaView::SchemaView(QWidget *parent) : QWidget(parent)
{
    m_jobs = new JobRunner(this);
    m_model = new SchemaModel(this);
    m_summary = new MessageBar(this);
    m_summary->setObjectName(u"schemaSummary"_s);
    m_compare = new QCheckBox(this);
    m_compare->setObjectName(u"schemaCompare"_s);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"schemaTree"_s);
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(new PaddedDelegate(m_tree));
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(SchemaModel::NameColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(SchemaModel::TypeColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(SchemaModel::DetailsColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(SchemaModel::ComparisonColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->resizeSection(SchemaModel::NameColumn, 240);
    m_tree->header()->resizeSection(SchemaModel::TypeColumn, 130);
    m_tree->setColumnHidden(SchemaModel::ComparisonColumn, true);

    m_sql = new CodeView(this);
    m_sql->setObjectName(u"schemaSql"_s);
    m_sql->setLanguage(CodeView::Language::Sql);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_sql);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    top->addWidget(m_summary, 1);
    top->addWidget(m_compare);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(m_compare, &QCheckBox::toggled, this, [this](bool on) {
        m_tree->setColumnHidden(SchemaModel::ComparisonColumn, !on);
        m_stale = true;
        if (m_active && isVisible())
            refresh();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { showSelected(); });
    retranslateUi();
    showEmpty({}, false);
}

void SchemaView::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot)
{
    m_snapshot = std::move(snapshot);
    m_stale = true;
    if (m_active && isVisible())
        refresh();
}

void SchemaView::setActive(bool active)
{
    m_active = active;
    if (m_active && m_stale && isVisible())
        refresh();
}

void SchemaView::setComparing(bool comparing)
{
    m_compare->setChecked(comparing);
}

bool SchemaView::isComparing() const
{
    return m_compare->isChecked();
}

bool SchemaView::isBusy() const
{
    return m_job != 0;
}

void SchemaView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && m_active)
        refresh();
}

void SchemaView::refresh()
{
    m_stale = false;
    m_job = 0; // a comparison still running is no longer wanted
    const SessionSnapshot *s = m_snapshot.get();
    if (!s || s->databasePath.isEmpty()) {
        showEmpty({}, false);
        return;
    }
    if (!s->table.readable()) {
        showEmpty(s->table.error, true);
        return;
    }
    startReading(isComparing());
}

void SchemaView::showEmpty(const QString &why, bool error)
{
    m_model->clear();
    m_sql->setCode({});
    m_shown = Shown::Empty;
    m_emptyReason = why;
    m_emptyIsError = error;
    updateSummary();
    emit loaded();
}

void SchemaView::showPlain(const Comparison &read)
{
    if (!read.error.isEmpty()) {
        showEmpty(read.error, true);
        return;
    }
    const Selected before = selected();
    m_model->setSchema(read.actual);
    m_indexCount = int(read.actual.indexes().size());
    m_viewCount = int(read.actual.views().size());
    m_triggerCount = int(read.actual.triggers().size());
    m_shown = Shown::Schema;
    m_tree->expand(m_model->index(0, 0));
    select(before);
    updateSummary();
    showSelected();
    emit loaded();
}

// Reading a schema of hundreds of tables takes a noticeable moment, and the
// expected schemas of a long history longer: both happen off the GUI thread.
void SchemaView::startReading(bool compare)
{
    if (compare) {
        m_shown = Shown::Comparing;
        updateSummary();
    }
    const std::shared_ptr<const SessionSnapshot> snapshot = m_snapshot;
    m_job = m_jobs->run<Comparison>(
        [snapshot, compare, renderer = AlembicRenderer(AppSettings::rendererSettings())] {
            Comparison c;
            c.compared = compare;
            // The version table is part of the database as it is; only the
            // comparison leaves it out (the expected schemas do not hold it).
            const SchemaSnapshot::ReadResult read = SchemaSnapshot::readFile(
                snapshot->databasePath,
                compare ? snapshot->project.config.versionTable : QString());
            if (!read) {
                c.error = read.error;
                return c;
            }
            c.actual = read.snapshot;
            if (!compare)
                return c;
            if (!snapshot->hasProject) {
                c.error = tr("Without migration scripts there is no expected schema.");
                return c;
            }
            if (snapshot->status.current.isEmpty()) {
                c.error = tr("The database has no current revision, so no schema is expected "
                             "of it yet.");
                return c;
            }
            const auto expected = ExpectedSchemas::forProject(snapshot->project, &renderer);
            if (!expected->available()) {
                c.error = expected->error();
                return c;
            }
            const ExpectedSchemas::State state = expected->stateFor(snapshot->status.current);
            if (!state) {
                c.error = state.error;
                return c;
            }
            c.expected = state.snapshot;
            c.uncertain = state.uncertain;
            c.uncertainReason = state.uncertainReason;
            c.differences = SchemaSnapshot::compare(state.snapshot, read.snapshot);
            return c;
        },
        [this](int job, const Comparison &result) {
            if (job != m_job)
                return;
            m_job = 0;
            if (result.compared)
                showComparison(result);
            else
                showPlain(result);
        });
}

void SchemaView::showComparison(const Comparison &comparison)
{
    if (!comparison.error.isEmpty()) {
        showEmpty(comparison.error, true);
        return;
    }
    const Selected before = selected();
    m_model->setComparison(comparison.actual, comparison.expected, comparison.differences);
    m_indexCount = int(comparison.actual.indexes().size());
    m_viewCount = int(comparison.actual.views().size());
    m_triggerCount = int(comparison.actual.triggers().size());
    QStringList ids;
    for (int revision : m_snapshot->status.current)
        ids.append(m_snapshot->project.graph.node(revision).id);
    m_comparedAt = ids.join(u", "_s);
    m_uncertain = comparison.uncertain;
    m_uncertainReason = comparison.uncertainReason;
    m_shown = Shown::Comparison;
    // Open the tables with differences, so they are seen at once.
    const QModelIndex tables = m_model->index(0, 0);
    m_tree->expand(tables);
    for (int row = 0; row < m_model->rowCount(tables); ++row) {
        const QModelIndex table = m_model->index(row, 0, tables);
        std::function<bool(const QModelIndex &)> differs = [&](const QModelIndex &index) {
            if (index.data(SchemaModel::StateRole).toInt() != int(SchemaModel::State::Same))
                return true;
            for (int r = 0; r < m_model->rowCount(index); ++r)
                if (differs(m_model->index(r, 0, index)))
                    return true;
            return false;
        };
        if (differs(table) &&
            table.data(SchemaModel::StateRole).toInt() == int(SchemaModel::State::Same))
            m_tree->expand(table);
    }
    select(before);
    updateSummary();
    showSelected();
    emit loaded();
}

SchemaView::Selected SchemaView::selected() const
{
    const QModelIndex current = m_tree->currentIndex().siblingAtColumn(0);
    if (!current.isValid())
        return {};
    return {current.data(SchemaModel::TableRole).toString(),
            current.data(SchemaModel::KindRole).toInt(),
            current.data(SchemaModel::ObjectNameRole).toString()};
}

void SchemaView::select(const Selected &object)
{
    const QModelIndex table = m_model->tableIndex(object.table);
    if (!table.isValid())
        return;
    QModelIndex found = table;
    if (object.kind != int(SchemaModel::Kind::Table) &&
        object.kind != int(SchemaModel::Kind::Group)) {
        // A column is the table's child; a constraint or an index a group's.
        std::function<QModelIndex(const QModelIndex &)> find = [&](const QModelIndex &parent) {
            for (int row = 0; row < m_model->rowCount(parent); ++row) {
                const QModelIndex child = m_model->index(row, 0, parent);
                if (child.data(SchemaModel::KindRole).toInt() == object.kind &&
                    child.data(SchemaModel::ObjectNameRole).toString() == object.name)
                    return child;
                if (child.data(SchemaModel::KindRole).toInt() == int(SchemaModel::Kind::Group))
                    if (const QModelIndex deeper = find(child); deeper.isValid())
                        return deeper;
            }
            return QModelIndex();
        };
        if (const QModelIndex child = find(table); child.isValid())
            found = child;
    }
    for (QModelIndex parent = found.parent(); parent.isValid(); parent = parent.parent())
        m_tree->expand(parent);
    m_tree->setCurrentIndex(found);
    m_tree->scrollTo(found);
}

void SchemaView::updateSummary()
{
    switch (m_shown) {
    case Shown::Nothing:
    case Shown::Empty:
        m_summary->setKind(m_emptyIsError ? MessageBar::Kind::Error
                                          : MessageBar::Kind::Information);
        m_summary->setText(m_emptyReason.isEmpty() ? tr("Open a database to see its schema.")
                                                   : m_emptyReason);
        return;
    case Shown::Comparing:
        m_summary->setKind(MessageBar::Kind::Information);
        m_summary->setText(tr("Computing the schema the migrations should have left…"));
        return;
    case Shown::Schema:
        m_summary->setKind(MessageBar::Kind::Information);
        m_summary->setText(tr("Tables: %1  ·  Indexes: %2  ·  Views: %3  ·  Triggers: %4")
                               .arg(m_model->tableCount())
                               .arg(m_indexCount)
                               .arg(m_viewCount)
                               .arg(m_triggerCount));
        return;
    case Shown::Comparison: {
        QString text;
        if (m_model->differenceCount() == 0) {
            m_summary->setKind(MessageBar::Kind::Positive);
            text = tr("The schema is exactly the one expected at %1.").arg(m_comparedAt);
        } else {
            m_summary->setKind(MessageBar::Kind::Warning);
            text = tr("Differences from the schema expected at %1: %2. Missing objects are in "
                      "red, unexpected ones in orange, different ones in purple.")
                       .arg(m_comparedAt)
                       .arg(m_model->differenceCount());
        }
        if (m_uncertain)
            text += u' ' + tr("The expected schema is a best effort: %1").arg(m_uncertainReason);
        m_summary->setText(text);
        return;
    }
    }
}

void SchemaView::showSelected()
{
    QModelIndex index = m_tree->currentIndex();
    const QModelIndex selected = index.siblingAtColumn(0);
    // A column or constraint shows its table's statement.
    while (index.isValid() && index.data(SchemaModel::SqlRole).toString().isEmpty())
        index = index.parent();
    QString sql = index.isValid() ? index.data(SchemaModel::SqlRole).toString() : QString();
    using State = SchemaModel::State;
    const auto state = State(selected.data(SchemaModel::StateRole).toInt());
    if (selected.isValid() && state != State::Same) {
        // The comparison's verdict, as SQL comments above the statement.
        const QString note = selected.data(Qt::ToolTipRole).toString();
        QString header;
        for (const QString &line : note.split(u'\n'))
            header += u"-- "_s + line + u'\n';
        sql = header + (sql.isEmpty() ? QString() : u"\n"_s + sql);
    }
    m_sql->setCode(sql);
}

void SchemaView::retranslateUi()
{
    m_compare->setText(tr("Compare with the expected schema"));
    m_compare->setToolTip(tr("Compare the database with the schema its migrations should have "
                             "left at the current revision"));
    m_model->retranslate();
    updateSummary();
    if (m_tree->currentIndex().isValid())
        showSelected();
}

void SchemaView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

} // namespace retort::ui
