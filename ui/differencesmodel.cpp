#include "differencesmodel.h"

#include <QBrush>
#include <QColor>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace retort::ui {

DifferencesModel::DifferencesModel(QObject *parent) : QAbstractTableModel(parent) {}

void DifferencesModel::setDifferences(const QList<AttributedDifference> &differences)
{
    beginResetModel();
    m_differences = differences;
    endResetModel();
}

void DifferencesModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_differences.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString DifferencesModel::objectText(const SchemaDifference &d)
{
    using Object = SchemaDifference::Object;
    switch (d.object) {
    case Object::Table:
        return tr("table %1").arg(d.name);
    case Object::Column:
        return tr("column %1.%2").arg(d.table, d.name);
    case Object::Index:
        return tr("index %1").arg(d.name);
    case Object::UniqueConstraint:
        return tr("unique %1 of %2").arg(d.name, d.table);
    case Object::ForeignKey:
        return tr("foreign key of %1").arg(d.table);
    case Object::View:
        return tr("view %1").arg(d.name);
    case Object::Trigger:
        return tr("trigger %1").arg(d.name);
    }
    return d.name;
}

QString DifferencesModel::changeText(SchemaDifference::Change change)
{
    switch (change) {
    case SchemaDifference::Change::Missing:
        return tr("missing");
    case SchemaDifference::Change::Extra:
        return tr("not expected");
    case SchemaDifference::Change::Changed:
        return tr("different");
    }
    return {};
}

QString DifferencesModel::revisionText(const AttributedDifference &d)
{
    switch (d.role) {
    case AttributedDifference::Role::CreatedBy:
        return tr("made by %1").arg(d.revision);
    case AttributedDifference::Role::PendingIn:
        return tr("made by %1 (pending)").arg(d.revision);
    case AttributedDifference::Role::RemovedBy:
        return tr("removed by %1").arg(d.revision);
    case AttributedDifference::Role::NoRevision:
        return tr("no migration");
    }
    return {};
}

int DifferencesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_differences.size());
}

int DifferencesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DifferencesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_differences.size())
        return {};
    const AttributedDifference &a = m_differences[index.row()];
    const SchemaDifference &d = a.difference;
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ObjectColumn:
            return objectText(d);
        case ChangeColumn:
            return changeText(d.change);
        case ExpectedColumn:
            return d.expected.isEmpty() ? u"—"_s : d.expected;
        case ActualColumn:
            return d.actual.isEmpty() ? u"—"_s : d.actual;
        case RevisionColumn:
            return revisionText(a);
        }
        return {};
    case Qt::ToolTipRole:
        return a.describe();
    case Qt::FontRole:
        return index.column() == ExpectedColumn || index.column() == ActualColumn
                   ? QVariant(QFontDatabase::systemFont(QFontDatabase::FixedFont))
                   : QVariant();
    case Qt::ForegroundRole:
        if ((index.column() == ExpectedColumn && d.expected.isEmpty()) ||
            (index.column() == ActualColumn && d.actual.isEmpty()))
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        if (index.column() == ChangeColumn)
            return QBrush(d.change == SchemaDifference::Change::Missing
                              ? (dark ? QColor(0xf0, 0x71, 0x78) : QColor(0xc0, 0x2b, 0x3a))
                          : d.change == SchemaDifference::Change::Extra
                              ? (dark ? QColor(0xf5, 0x9e, 0x4c) : QColor(0xb8, 0x55, 0x00))
                              : (dark ? QColor(0xd6, 0xa8, 0xf5) : QColor(0x7a, 0x3d, 0xb8)));
        return {};
    case ChangeRole:
        return int(d.change);
    case RevisionIdRole:
        return a.revision;
    default:
        return {};
    }
}

QVariant DifferencesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ObjectColumn:
        return tr("Object");
    case ChangeColumn:
        return tr("Difference");
    case ExpectedColumn:
        return tr("Expected");
    case ActualColumn:
        return tr("In the database");
    case RevisionColumn:
        return tr("Migration");
    }
    return {};
}

} // namespace retort::ui
