#pragma once

#include "backup.h"

#include <QDialog>

class QAction;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace retort::ui {

class BackupListModel;
class MessageBar;
class SessionLog;

// The backups of the open database (in the backup folder and beside the
// database): take one now, or put one back. A restore is confirmed inline and
// first backs up the database as it is, as `retort restore` does. Copies run
// on a worker thread; outcomes are shown here and written to the log.
class BackupsDialog : public QDialog
{
    Q_OBJECT

public:
    // `backupFolder` empty: beside the database.
    BackupsDialog(const QString &databasePath, const QString &backupFolder, SessionLog *log,
                  QWidget *parent = nullptr);

    void refresh();
    void backUpNow();
    // Asks to confirm putting back the selected backup.
    void askRestore();
    bool isBusy() const { return m_busy; }

    BackupListModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QPushButton *backUpButton() const { return m_backUpNow; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *closeButton() const { return m_close; }
    MessageBar *confirmBar() const { return m_confirm; }
    QAction *confirmRestoreAction() const { return m_confirmRestore; }
    QAction *cancelRestoreAction() const { return m_cancelRestore; }
    MessageBar *resultBar() const { return m_result; }
    QLabel *summaryLabel() const { return m_summary; }

public slots:
    void reject() override;

signals:
    // A restore replaced the database's content.
    void databaseChanged();
    // A backup or restore finished (whatever its outcome).
    void operationFinished(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void restoreSelected();
    void setBusy(bool busy);
    void updateButtons();
    void updateSummary();
    void retranslateUi();
    void showOutcome(bool ok, const QString &text);
    QString selectedFile() const;
    QStringList folders() const;

    QString m_database;
    QString m_folder;
    SessionLog *m_log = nullptr;
    bool m_busy = false;
    QString m_pendingRestore; // the file the confirmation is about

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    BackupListModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    MessageBar *m_confirm = nullptr;
    QAction *m_confirmRestore = nullptr;
    QAction *m_cancelRestore = nullptr;
    MessageBar *m_result = nullptr;
    QPushButton *m_backUpNow = nullptr;
    QPushButton *m_restore = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace retort::ui
