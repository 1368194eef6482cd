#include "backupsdialog.h"

#include "backgroundtask.h"
#include "backuplistmodel.h"
#include "messagebar.h"
#include "paddeddelegate.h"
#include "sessionlog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace retort::ui {

BackupsDialog::BackupsDialog(const QString &databasePath, const QString &backupFolder,
                             SessionLog *log, QWidget *parent)
    : QDialog(parent), m_database(databasePath), m_folder(backupFolder), m_log(log)
{
    setObjectName(u"backupsDialog"_s);
    setSizeGripEnabled(true);

    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_model = new BackupListModel(this);
    m_view = new QTreeView(this);
    m_view->setObjectName(u"backupList"_s);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new PaddedDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(BackupListModel::TimeColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(BackupListModel::SizeColumn,
                                           QHeaderView::ResizeToContents);

    m_confirm = new MessageBar(this);
    m_confirm->setObjectName(u"restoreConfirmation"_s);
    m_confirm->setKind(MessageBar::Kind::Warning);
    m_confirmRestore = new QAction(this);
    m_cancelRestore = new QAction(this);
    m_confirm->setActions({m_confirmRestore, m_cancelRestore});
    m_confirm->hide();
    m_result = new MessageBar(this);
    m_result->setObjectName(u"backupResult"_s);
    m_result->hide();

    m_backUpNow = new QPushButton(this);
    m_backUpNow->setObjectName(u"backUpNow"_s);
    m_restore = new QPushButton(this);
    m_restore->setObjectName(u"restoreBackup"_s);
    auto *actionsRow = new QHBoxLayout;
    actionsRow->addWidget(m_backUpNow);
    actionsRow->addWidget(m_restore);
    actionsRow->addStretch(1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_close = m_buttons->button(QDialogButtonBox::Close);
    for (QPushButton *button : {m_backUpNow, m_restore, m_close})
        button->setAutoDefault(false);

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addLayout(actionsRow);
    layout->addWidget(m_confirm);
    layout->addWidget(m_result);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &BackupsDialog::reject);
    connect(m_backUpNow, &QPushButton::clicked, this, &BackupsDialog::backUpNow);
    connect(m_restore, &QPushButton::clicked, this, &BackupsDialog::askRestore);
    connect(m_confirmRestore, &QAction::triggered, this, &BackupsDialog::restoreSelected);
    connect(m_cancelRestore, &QAction::triggered, this, [this] {
        m_pendingRestore.clear();
        m_confirm->hide();
        updateButtons();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        // A confirmation is about one file; choosing another asks again.
        m_pendingRestore.clear();
        m_confirm->hide();
        updateButtons();
    });

    refresh();
    retranslateUi();
    resize(820, 480);
}

QStringList BackupsDialog::folders() const
{
    const QString beside = QFileInfo(m_database).absolutePath();
    QStringList result{m_folder.isEmpty() ? beside : QDir::cleanPath(m_folder)};
    // Backups made by the command line (beside the database by default) too.
    if (!result.contains(QDir::cleanPath(beside)))
        result.append(QDir::cleanPath(beside));
    return result;
}

void BackupsDialog::refresh()
{
    const QString selected = selectedFile();
    QList<BackupInfo> all;
    for (const QString &folder : folders())
        for (const BackupInfo &info : Backup::list(m_database, folder))
            if (std::none_of(all.cbegin(), all.cend(),
                             [&](const BackupInfo &b) { return b.file == info.file; }))
                all.append(info);
    std::stable_sort(all.begin(), all.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.time != b.time ? a.time > b.time : a.file > b.file;
    });
    m_model->setBackups(all);
    const int row = std::max(m_model->rowOf(selected), 0);
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    updateSummary();
    updateButtons();
}

QString BackupsDialog::selectedFile() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? m_model->pathAt(current.row()) : QString();
}

void BackupsDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateButtons();
}

void BackupsDialog::updateButtons()
{
    const bool databaseThere = QFileInfo(m_database).isFile();
    m_backUpNow->setEnabled(!m_busy && databaseThere);
    m_restore->setEnabled(!m_busy && !selectedFile().isEmpty() && m_confirm->isHidden());
    m_confirmRestore->setEnabled(!m_busy);
    m_cancelRestore->setEnabled(!m_busy);
    m_close->setEnabled(!m_busy);
}

void BackupsDialog::updateSummary()
{
    const QStringList searched = folders();
    const QString where = searched.size() > 1
                              ? tr("Backups are looked for in %1 and beside the database.")
                                    .arg(QDir::toNativeSeparators(searched.first()))
                              : tr("Backups are looked for beside the database.");
    m_summary->setText(tr("Database: %1").arg(QDir::toNativeSeparators(m_database)) + u'\n' +
                       where);
}

void BackupsDialog::showOutcome(bool ok, const QString &text)
{
    m_result->setKind(ok ? MessageBar::Kind::Positive : MessageBar::Kind::Error);
    m_result->setText(text);
    m_result->show();
}

void BackupsDialog::backUpNow()
{
    if (m_busy)
        return;
    setBusy(true);
    m_confirm->hide();
    m_result->setKind(MessageBar::Kind::Information);
    m_result->setText(tr("Backing up %1…").arg(QDir::toNativeSeparators(m_database)));
    m_result->show();
    const QString database = m_database;
    const QString folder = m_folder;
    runInBackground<BackupResult>(
        this, [database, folder] { return Backup::create(database, folder); },
        [this](const BackupResult &made) {
            setBusy(false);
            if (made) {
                const QString text =
                    tr("Backup written: %1").arg(QDir::toNativeSeparators(made.file));
                showOutcome(true, text);
                if (m_log)
                    m_log->info(text);
            } else {
                showOutcome(false, made.error);
                if (m_log)
                    m_log->error(made.error);
            }
            refresh();
            if (made)
                m_view->setCurrentIndex(m_model->index(std::max(m_model->rowOf(made.file), 0), 0));
            emit operationFinished(bool(made));
        });
}

void BackupsDialog::askRestore()
{
    const QString file = selectedFile();
    if (m_busy || file.isEmpty())
        return;
    m_pendingRestore = file;
    m_confirm->setText(tr("Put %1 back into %2? Its current content is replaced; it is backed "
                          "up first, so this can be undone.")
                           .arg(QFileInfo(file).fileName(), QFileInfo(m_database).fileName()));
    m_confirm->show();
    m_result->hide();
    updateButtons();
}

void BackupsDialog::restoreSelected()
{
    if (m_busy || m_pendingRestore.isEmpty())
        return;
    const QString file = m_pendingRestore;
    m_pendingRestore.clear();
    m_confirm->hide();
    setBusy(true);
    m_result->setKind(MessageBar::Kind::Information);
    m_result->setText(tr("Restoring %1…").arg(QFileInfo(file).fileName()));
    m_result->show();
    if (m_log)
        m_log->info(tr("Restoring %1 from %2.")
                        .arg(QDir::toNativeSeparators(m_database), QDir::toNativeSeparators(file)));
    const QString database = m_database;
    const QString folder = m_folder;
    runInBackground<RestoreResult>(
        this, [file, database, folder] { return Backup::restore(file, database, folder); },
        [this, file](const RestoreResult &restored) {
            setBusy(false);
            if (restored) {
                const QStringList lines{
                    tr("Restored %1 from %2.")
                        .arg(QFileInfo(m_database).fileName(), QDir::toNativeSeparators(file)),
                    tr("The database as it was before the restore: %1")
                        .arg(QDir::toNativeSeparators(restored.safetyBackup)),
                    tr("Integrity check: %1").arg(restored.integrityMessages.join(u"; "_s))};
                showOutcome(restored.integrityMessages == QStringList{u"ok"_s}, lines.join(u'\n'));
                if (m_log)
                    for (const QString &line : lines)
                        m_log->info(line);
            } else {
                showOutcome(false, restored.error);
                if (m_log)
                    m_log->error(restored.error);
            }
            refresh();
            if (restored)
                emit databaseChanged();
            emit operationFinished(bool(restored));
        });
}

void BackupsDialog::reject()
{
    // The copy is on its way; closing waits for it.
    if (m_busy)
        return;
    QDialog::reject();
}

void BackupsDialog::retranslateUi()
{
    setWindowTitle(tr("Backups"));
    m_title->setText(tr("Backups of %1").arg(QFileInfo(m_database).fileName()));
    m_backUpNow->setText(tr("&Back Up Now"));
    m_backUpNow->setToolTip(tr("Copy the database as it is now (SQLite's online backup)"));
    m_restore->setText(tr("&Restore…"));
    m_restore->setToolTip(tr("Put the selected backup back into the database"));
    m_confirmRestore->setText(tr("Restore"));
    m_cancelRestore->setText(tr("Keep the Database"));
    if (!m_pendingRestore.isEmpty())
        m_confirm->setText(
            tr("Put %1 back into %2? Its current content is replaced; it is backed "
               "up first, so this can be undone.")
                .arg(QFileInfo(m_pendingRestore).fileName(), QFileInfo(m_database).fileName()));
    m_model->retranslate();
    updateSummary();
}

void BackupsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

} // namespace retort::ui
