// Small Alembic projects written on the fly for the plan preview and the GUI
// write-path suites.

#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace writefixtures {

using namespace Qt::StringLiterals;

// "items" with two rows of the same name, so that a unique index on it fails
// on the live database but not on an empty copy of its schema.
inline const QString kItems = u"a1a1a1a1a1a1"_s;
// Adds a column, a table, then the unique index: its third statement fails.
inline const QString kTags = u"b2b2b2b2b2b2"_s;
// Reads the connection: not translatable.
inline const QString kBind = u"c3c3c3c3c3c3"_s;

inline bool writeFile(const QString &path, const QString &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(text.toUtf8()) >= 0;
}

inline QString revisionFile(const QString &id, const QString &down, const QString &doc,
                            const QString &upgrade, const QString &downgrade)
{
    return u"\"\"\"%3\n\nRevision ID: %1\nRevises: %2\n\"\"\"\n"
           u"from alembic import op\nimport sqlalchemy as sa\n\n"
           u"revision = '%1'\ndown_revision = %4\nbranch_labels = None\ndepends_on = None\n\n\n"
           u"def upgrade():\n%5\n\n\ndef downgrade():\n%6\n"_s.arg(
               id, down, doc, down.isEmpty() ? u"None"_s : u"'%1'"_s.arg(down), upgrade, downgrade);
}

inline QString itemsRevision()
{
    return revisionFile(
        kItems, {}, u"create items"_s,
        u"    op.create_table('items', sa.Column('id', sa.Integer(), nullable=False),\n"
        u"                    sa.Column('name', sa.String(length=50), nullable=True),\n"
        u"                    sa.PrimaryKeyConstraint('id'))\n"
        u"    op.execute(\"INSERT INTO items (name) VALUES ('pen')\")\n"
        u"    op.execute(\"INSERT INTO items (name) VALUES ('pen')\")"_s,
        u"    op.drop_table('items')"_s);
}

inline QString tagsRevision()
{
    return revisionFile(
        kTags, kItems, u"tags and a unique name"_s,
        u"    op.add_column('items', sa.Column('note', sa.Text(), nullable=True))\n"
        u"    op.create_table('tags', sa.Column('id', sa.Integer(), nullable=False),\n"
        u"                    sa.PrimaryKeyConstraint('id'))\n"
        u"    op.create_index('ix_items_name', 'items', ['name'], unique=True)"_s,
        u"    op.drop_index('ix_items_name', table_name='items')\n"
        u"    op.drop_table('tags')\n"
        u"    with op.batch_alter_table('items') as batch_op:\n"
        u"        batch_op.drop_column('note')"_s);
}

inline QString bindRevision(const QString &down)
{
    return revisionFile(kBind, down, u"reads the connection"_s,
                        u"    bind = op.get_bind()\n    op.create_table('t', sa.Column('id', "
                        u"sa.Integer(), nullable=False), sa.PrimaryKeyConstraint('id'))"_s,
                        u"    op.drop_table('t')"_s);
}

// alembic.ini with script_location beside it and `database` as its URL.
inline bool makeProject(const QString &dir, const QList<std::pair<QString, QString>> &revisions,
                        const QString &database = u"app.db"_s)
{
    const QString ini = u"[alembic]\nscript_location = %(here)s/alembic\n"
                        u"sqlalchemy.url = sqlite:///%(here)s/"_s +
                        database + u"\n"_s;
    if (!writeFile(dir + u"/alembic.ini"_s, ini))
        return false;
    if (!writeFile(dir + u"/alembic/env.py"_s, u"# not run by Retort\n"_s))
        return false;
    QDir().mkpath(dir + u"/alembic/versions"_s);
    for (const auto &[name, content] : revisions)
        if (!writeFile(dir + u"/alembic/versions/"_s + name, content))
            return false;
    return true;
}

inline QList<std::pair<QString, QString>> itemsAndTags()
{
    return {{kItems + u"_create_items.py"_s, itemsRevision()},
            {kTags + u"_tags.py"_s, tagsRevision()}};
}

} // namespace writefixtures
