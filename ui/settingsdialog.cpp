#include "settingsdialog.h"

#include "alembicrenderer.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace retort::ui {

SettingsDialog::SettingsDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"settingsDialog"_s);
    m_languageLabel = new QLabel(this);
    m_language = new QComboBox(this);
    m_language->addItem(QString(), QString());
    // Language names are written in their own language.
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Español"_s, u"es"_s);
    m_languageLabel->setBuddy(m_language);

    m_themeLabel = new QLabel(this);
    m_theme = new QComboBox(this);
    for (int i = 0; i < 3; ++i)
        m_theme->addItem(QString());
    m_themeLabel->setBuddy(m_theme);

    m_backupLabel = new QLabel(this);
    m_backup = new QLineEdit(this);
    m_backupBrowse = new QPushButton(this);
    m_backupLabel->setBuddy(m_backup);
    auto *backupRow = new QHBoxLayout;
    backupRow->addWidget(m_backup, 1);
    backupRow->addWidget(m_backupBrowse);

    m_pythonLabel = new QLabel(this);
    m_python = new QLineEdit(this);
    m_pythonBrowse = new QPushButton(this);
    m_pythonLabel->setBuddy(m_python);
    auto *pythonRow = new QHBoxLayout;
    pythonRow->addWidget(m_python, 1);
    pythonRow->addWidget(m_pythonBrowse);
    m_pythonNote = new QLabel(this);
    m_pythonNote->setWordWrap(true);
    m_pythonNote->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(m_languageLabel, m_language);
    form->addRow(m_themeLabel, m_theme);
    form->addRow(m_backupLabel, backupRow);
    form->addRow(m_pythonLabel, pythonRow);
    form->addRow(QString(), m_pythonNote);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_backupBrowse, &QPushButton::clicked, this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("Backup Folder"), m_backup->text());
        if (!folder.isEmpty())
            m_backup->setText(QDir::toNativeSeparators(folder));
    });
    connect(m_pythonBrowse, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Python Interpreter"), m_python->text());
        if (!file.isEmpty())
            m_python->setText(QDir::toNativeSeparators(file));
    });

    retranslateUi();
    load();
    resize(std::max(sizeHint().width(), 560), sizeHint().height());
}

void SettingsDialog::load()
{
    m_language->setCurrentIndex(std::max(0, m_language->findData(AppSettings::language())));
    m_theme->setCurrentIndex(int(AppSettings::theme()));
    m_backup->setText(QDir::toNativeSeparators(AppSettings::backupFolder()));
    m_python->setText(QDir::toNativeSeparators(AppSettings::pythonInterpreter()));
}

void SettingsDialog::save() const
{
    AppSettings::setLanguage(language());
    AppSettings::setTheme(theme());
    AppSettings::setBackupFolder(backupFolder());
    AppSettings::setPythonInterpreter(pythonInterpreter());
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

AppSettings::Theme SettingsDialog::theme() const
{
    return AppSettings::Theme(std::clamp(m_theme->currentIndex(), 0, 2));
}

QString SettingsDialog::backupFolder() const
{
    return QDir::fromNativeSeparators(m_backup->text().trimmed());
}

QString SettingsDialog::pythonInterpreter() const
{
    return QDir::fromNativeSeparators(m_python->text().trimmed());
}

void SettingsDialog::retranslateUi()
{
    setWindowTitle(tr("Retort Settings"));
    m_languageLabel->setText(tr("&Language:"));
    m_language->setItemText(0, tr("System default"));
    m_themeLabel->setText(tr("&Theme:"));
    m_theme->setItemText(int(AppSettings::Theme::System), tr("System"));
    m_theme->setItemText(int(AppSettings::Theme::Light), tr("Light"));
    m_theme->setItemText(int(AppSettings::Theme::Dark), tr("Dark"));
    m_backupLabel->setText(tr("&Backup folder:"));
    m_backup->setToolTip(tr("Every upgrade, downgrade, stamp or repair first copies the "
                            "database here."));
    m_backupBrowse->setText(tr("Browse…"));
    m_pythonLabel->setText(tr("&Python interpreter:"));
    m_pythonBrowse->setText(tr("Browse…"));
    m_python->setPlaceholderText(
        tr("Automatic: %1, the first that can import Alembic")
            .arg(AlembicRenderer::automaticCandidates().join(tr(" or "))));
    m_pythonNote->setText(tr("Used only by the optional Alembic renderer, for revisions the "
                             "built-in translator cannot turn into SQL. Retort never runs a "
                             "project's code to read or preview it. Leave it empty to let "
                             "Retort choose; \"%1\" turns the renderer off.")
                              .arg(AlembicRenderer::disabledKeyword()));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

} // namespace retort::ui
