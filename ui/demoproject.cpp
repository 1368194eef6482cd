#include "demoproject.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace retort::ui {

namespace {

const QString kResourceRoot = u":/demo"_s;

} // namespace

QString DemoProject::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo"_s;
}

QString DemoProject::configFile()
{
    return directory() + u"/alembic.ini"_s;
}

bool DemoProject::exists()
{
    return QFileInfo(configFile()).isFile();
}

bool DemoProject::ensure(QString *error)
{
    if (exists())
        return true;
    const QString target = directory();
    QDirIterator it(kResourceRoot, QDir::Files, QDirIterator::Subdirectories);
    int copied = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString relative = source.mid(kResourceRoot.size() + 1);
        const QString destination = target + u'/' + relative;
        if (!QDir().mkpath(QFileInfo(destination).absolutePath())) {
            if (error)
                *error = tr("Cannot create the folder %1.")
                             .arg(QDir::toNativeSeparators(QFileInfo(destination).absolutePath()));
            return false;
        }
        QFile::remove(destination);
        if (!QFile::copy(source, destination)) {
            if (error)
                *error = tr("Cannot copy the demo project to %1.")
                             .arg(QDir::toNativeSeparators(destination));
            return false;
        }
        // Resource files are read-only; the copy is the user's to change.
        QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner |
                                               QFile::ReadGroup | QFile::ReadOther);
        ++copied;
    }
    if (copied == 0 || !exists()) {
        if (error)
            *error = tr("The demo project is missing from this build of Retort.");
        return false;
    }
    return true;
}

bool DemoProject::reset(QString *error)
{
    QDir dir(directory());
    if (dir.exists() && !dir.removeRecursively()) {
        if (error)
            *error = tr("Cannot remove the old demo project in %1.")
                         .arg(QDir::toNativeSeparators(directory()));
        return false;
    }
    return ensure(error);
}

} // namespace retort::ui
