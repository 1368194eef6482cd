#include "auditlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace retort {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QJsonObject stepToJson(const AuditStep &step)
{
    QJsonObject object{
        {u"revision"_s, step.revision},
        {u"direction"_s, step.direction},
        {u"from"_s, toArray(step.fromRevisions)},
        {u"to"_s, toArray(step.toRevisions)},
        {u"versionChanges"_s, toArray(step.versionChanges)},
        {u"statements"_s, toArray(step.statements)},
        {u"outcome"_s, step.outcome},
    };
    if (step.omittedStatements > 0)
        object.insert(u"omittedStatements"_s, step.omittedStatements);
    return object;
}

AuditStep stepFromJson(const QJsonObject &object)
{
    AuditStep step;
    step.revision = object.value(u"revision"_s).toString();
    step.direction = object.value(u"direction"_s).toString();
    step.fromRevisions = toStringList(object.value(u"from"_s));
    step.toRevisions = toStringList(object.value(u"to"_s));
    step.versionChanges = toStringList(object.value(u"versionChanges"_s));
    step.statements = toStringList(object.value(u"statements"_s));
    step.omittedStatements = object.value(u"omittedStatements"_s).toInt();
    step.outcome = object.value(u"outcome"_s).toString();
    return step;
}

bool endsWithNewline(QFile &file)
{
    if (file.size() == 0)
        return true;
    if (!file.seek(file.size() - 1))
        return true;
    char last = '\n';
    return !file.getChar(&last) || last == '\n';
}

} // namespace

QString AuditEntry::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok:
        return u"ok"_s;
    case Outcome::Failed:
        return u"failed"_s;
    case Outcome::Stopped:
        return u"stopped"_s;
    }
    return {};
}

QJsonObject AuditEntry::toJson() const
{
    QJsonArray stepArray;
    for (const AuditStep &step : steps)
        stepArray.append(stepToJson(step));
    return QJsonObject{
        {u"time"_s, time.toUTC().toString(Qt::ISODateWithMs)},
        {u"action"_s, action},
        {u"database"_s, database},
        {u"target"_s, target},
        {u"rowsBefore"_s, toArray(rowsBefore)},
        {u"rowsAfter"_s, toArray(rowsAfter)},
        {u"stepCount"_s, stepCount},
        {u"steps"_s, stepArray},
        {u"backupFile"_s, backupFile},
        {u"outcome"_s, outcomeName(outcome)},
        {u"error"_s, error},
        {u"integrity"_s, toArray(integrity)},
        {u"foreignKeyViolations"_s, toArray(foreignKeyViolations)},
        {u"retortVersion"_s, retortVersion},
    };
}

AuditEntry AuditEntry::fromJson(const QJsonObject &object)
{
    AuditEntry entry;
    entry.time = QDateTime::fromString(object.value(u"time"_s).toString(), Qt::ISODateWithMs);
    entry.action = object.value(u"action"_s).toString();
    entry.database = object.value(u"database"_s).toString();
    entry.target = object.value(u"target"_s).toString();
    entry.rowsBefore = toStringList(object.value(u"rowsBefore"_s));
    entry.rowsAfter = toStringList(object.value(u"rowsAfter"_s));
    entry.stepCount = object.value(u"stepCount"_s).toInt();
    const QJsonArray stepArray = object.value(u"steps"_s).toArray();
    for (const QJsonValue &step : stepArray)
        entry.steps.append(stepFromJson(step.toObject()));
    entry.backupFile = object.value(u"backupFile"_s).toString();
    const QString outcome = object.value(u"outcome"_s).toString();
    entry.outcome = outcome == u"ok"_s        ? Outcome::Ok
                    : outcome == u"stopped"_s ? Outcome::Stopped
                                              : Outcome::Failed;
    entry.error = object.value(u"error"_s).toString();
    entry.integrity = toStringList(object.value(u"integrity"_s));
    entry.foreignKeyViolations = toStringList(object.value(u"foreignKeyViolations"_s));
    entry.retortVersion = object.value(u"retortVersion"_s).toString();
    return entry;
}

QString AuditLog::pathFor(const QString &databasePath)
{
    return QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath()) + u".retort-audit.jsonl"_s;
}

QString AuditLog::retortVersion()
{
    return QStringLiteral(RETORT_CORE_VERSION);
}

AuditLog::AppendResult AuditLog::append(const QString &databasePath, const AuditEntry &entry)
{
    AuditEntry stamped = entry;
    if (!stamped.time.isValid())
        stamped.time = QDateTime::currentDateTimeUtc();
    if (stamped.retortVersion.isEmpty())
        stamped.retortVersion = retortVersion();
    if (stamped.database.isEmpty())
        stamped.database = QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath());

    const QString path = pathFor(databasePath);
    AppendResult result;
    QFile file(path);
    // Append mode: every write lands at the end, whoever else appends too.
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append)) {
        result.error =
            QCoreApplication::translate("retort::AuditLog", "Cannot write the audit log %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    QByteArray line = QJsonDocument(stamped.toJson()).toJson(QJsonDocument::Compact);
    line.append('\n');
    // A line cut short by a crash stays as it is; the new entry starts on a line of its own.
    if (!endsWithNewline(file))
        line.prepend('\n');
    if (file.write(line) != line.size() || !file.flush()) {
        result.error =
            QCoreApplication::translate("retort::AuditLog", "Cannot write the audit log %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
#ifdef Q_OS_UNIX
    ::fsync(file.handle());
#endif
    return result;
}

AuditLog::ReadResult AuditLog::read(const QString &databasePath)
{
    ReadResult result;
    const QString path = pathFor(databasePath);
    QFile file(path);
    if (!file.exists())
        return result;
    if (!file.open(QIODevice::ReadOnly)) {
        result.error =
            QCoreApplication::translate("retort::AuditLog", "Cannot read the audit log %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString());
        return result;
    }
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError || !document.isObject()) {
            result.malformedLines.append(lineNumber);
            continue;
        }
        result.entries.append(AuditEntry::fromJson(document.object()));
    }
    return result;
}

} // namespace retort
