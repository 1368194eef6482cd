#include "findingsmodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QIcon>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

// A dot in the severity's colour: seen at a glance, and the word beside it
// says it for those who cannot tell the colours apart.
QIcon severityIcon(Diagnosis::Severity severity)
{
    const qreal ratio = qApp ? qApp->devicePixelRatio() : 1.0;
    QPixmap pixmap(QSize(12, 12) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(FindingsModel::severityColour(severity, darkPalette()));
    p.drawEllipse(QRectF(1, 1, 10, 10));
    return QIcon(pixmap);
}

} // namespace

FindingsModel::FindingsModel(QObject *parent) : QAbstractTableModel(parent) {}

void FindingsModel::setDiagnoses(const QList<Diagnosis> &diagnoses)
{
    beginResetModel();
    m_diagnoses = diagnoses;
    endResetModel();
}

const Diagnosis *FindingsModel::diagnosis(int row) const
{
    return row >= 0 && row < m_diagnoses.size() ? &m_diagnoses[row] : nullptr;
}

int FindingsModel::rowOf(const QString &code) const
{
    for (qsizetype row = 0; row < m_diagnoses.size(); ++row)
        if (m_diagnoses[row].code == code)
            return int(row);
    return -1;
}

QString FindingsModel::severityText(Diagnosis::Severity severity)
{
    switch (severity) {
    case Diagnosis::Severity::Info:
        return tr("note");
    case Diagnosis::Severity::Warning:
        return tr("warning");
    case Diagnosis::Severity::Error:
        return tr("error");
    }
    return {};
}

QColor FindingsModel::severityColour(Diagnosis::Severity severity, bool dark)
{
    switch (severity) {
    case Diagnosis::Severity::Info:
        return dark ? QColor(0x6c, 0xa8, 0xf0) : QColor(0x1f, 0x5f, 0xb8);
    case Diagnosis::Severity::Warning:
        return dark ? QColor(0xf5, 0x9e, 0x4c) : QColor(0xb8, 0x55, 0x00);
    case Diagnosis::Severity::Error:
        return dark ? QColor(0xf0, 0x71, 0x78) : QColor(0xc0, 0x2b, 0x3a);
    }
    return {};
}

void FindingsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_diagnoses.isEmpty())
        emit dataChanged(index(0, SeverityColumn), index(rowCount() - 1, SeverityColumn));
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diagnoses.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    const Diagnosis *d = index.isValid() ? diagnosis(index.row()) : nullptr;
    if (!d)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityText(d->severity);
        case CodeColumn:
            return d->code;
        case TitleColumn:
            return d->title;
        }
        return {};
    case Qt::ToolTipRole:
        return d->explanation;
    case Qt::DecorationRole:
        return index.column() == SeverityColumn ? QVariant(severityIcon(d->severity)) : QVariant();
    case Qt::ForegroundRole:
        return index.column() == SeverityColumn
                   ? QVariant(QBrush(severityColour(d->severity, darkPalette())))
                   : QVariant();
    case Qt::FontRole:
        return index.column() == CodeColumn
                   ? QVariant(QFontDatabase::systemFont(QFontDatabase::FixedFont))
                   : QVariant();
    case CodeRole:
        return d->code;
    case SeverityRole:
        return int(d->severity);
    case RepairableRole:
        return !d->repairs.isEmpty();
    default:
        return {};
    }
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case CodeColumn:
        return tr("Code");
    case TitleColumn:
        return tr("Finding");
    }
    return {};
}

} // namespace retort::ui
