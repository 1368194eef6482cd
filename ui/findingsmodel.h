#pragma once

#include "doctor.h"

#include <QAbstractTableModel>
#include <QList>

namespace retort::ui {

// The doctor's findings, one row each, most serious first as the core orders
// them: severity, code, title.
class FindingsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        SeverityColumn,
        CodeColumn,
        TitleColumn,
        ColumnCount
    };
    enum Role
    {
        CodeRole = Qt::UserRole + 1, // the stable code ("unknown-revision", ...)
        SeverityRole,                // Diagnosis::Severity, as int
        RepairableRole,              // the finding has a repair
    };

    explicit FindingsModel(QObject *parent = nullptr);

    void setDiagnoses(const QList<Diagnosis> &diagnoses);
    const QList<Diagnosis> &diagnoses() const { return m_diagnoses; }
    const Diagnosis *diagnosis(int row) const;
    int rowOf(const QString &code) const;

    static QString severityText(Diagnosis::Severity severity);
    static QColor severityColour(Diagnosis::Severity severity, bool dark);
    // Header and severity words are translated: views call this on a language change.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Diagnosis> m_diagnoses;
};

} // namespace retort::ui
