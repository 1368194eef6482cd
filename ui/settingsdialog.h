#pragma once

#include "appsettings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace retort::ui {

// Retort's preferences: language, theme, where backups go, and the Python
// interpreter for the optional Alembic renderer. Read from and saved to
// AppSettings; the caller applies language and theme after accept().
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    void load();
    void save() const;

    QString language() const;
    AppSettings::Theme theme() const;
    QString backupFolder() const;
    QString pythonInterpreter() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_languageLabel = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_themeLabel = nullptr;
    QComboBox *m_theme = nullptr;
    QLabel *m_backupLabel = nullptr;
    QLineEdit *m_backup = nullptr;
    QPushButton *m_backupBrowse = nullptr;
    QLabel *m_pythonLabel = nullptr;
    QLineEdit *m_python = nullptr;
    QPushButton *m_pythonBrowse = nullptr;
    QLabel *m_pythonNote = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace retort::ui
