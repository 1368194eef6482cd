#include "schemamodel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHash>
#include <QPalette>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace retort::ui {

struct SchemaModel::Node
{
    Kind kind = Kind::Group;
    Group group = Group::Tables; // for groups
    State state = State::Same;
    QString name;
    QString table;            // the table it belongs to (a table's own name for a table)
    QString type;             // a column's declared type
    QString details;          // facts in SQL's words (not translated)
    QString sql;              // CREATE statement, when there is one
    QString expected, actual; // the two definitions of a changed object
    bool unique = false;      // an index
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
    Node *addGroup(Group g)
    {
        auto node = std::make_unique<Node>();
        node->kind = Kind::Group;
        node->group = g;
        node->state = state == State::Missing ? State::Missing : State::Same;
        node->table = table;
        return add(std::move(node));
    }
};

namespace {

using Node = SchemaModel::Node;
using Kind = SchemaModel::Kind;
using State = SchemaModel::State;
using Group = SchemaModel::Group;
using Object = SchemaDifference::Object;
using Change = SchemaDifference::Change;

QString parenthesised(const QStringList &names)
{
    return u'(' + names.join(u", "_s) + u')';
}

// How a difference is found again from the object it is about.
QString differenceKey(Object object, const QString &table, const QString &name)
{
    const bool inTable = object == Object::Column || object == Object::UniqueConstraint ||
                         object == Object::ForeignKey;
    return QString::number(int(object)) + u'\x1f' + (inTable ? table.toLower() : QString()) +
           u'\x1f' + name.toLower();
}

QString columnDetails(const SchemaColumn &column)
{
    QStringList facts;
    if (column.primaryKey > 0)
        facts.append(u"PRIMARY KEY"_s);
    if (column.notNull)
        facts.append(u"NOT NULL"_s);
    if (column.defaultValue)
        facts.append(u"DEFAULT "_s + *column.defaultValue);
    if (column.hidden >= 2)
        facts.append(u"GENERATED"_s);
    return facts.join(u"  ·  "_s);
}

QString foreignKeyTarget(const SchemaForeignKey &fk)
{
    QString text = u"→ "_s + fk.referredTable;
    if (!fk.referredColumns.isEmpty())
        text += u' ' + parenthesised(fk.referredColumns);
    if (!fk.onDelete.isEmpty() && fk.onDelete != u"NO ACTION"_s)
        text += u"  ON DELETE "_s + fk.onDelete;
    if (!fk.onUpdate.isEmpty() && fk.onUpdate != u"NO ACTION"_s)
        text += u"  ON UPDATE "_s + fk.onUpdate;
    return text;
}

// What is said of a table holds for what it holds (an extra table's columns are extra too).
void markSubtree(Node *node, State state)
{
    for (const auto &child : node->children) {
        if (child->state == State::Same)
            child->state = state;
        markSubtree(child.get(), state);
    }
}

QString collapsed(const QString &sql)
{
    return sql.simplified();
}

// Marks an object with what the comparison says about it.
class Marker
{
public:
    explicit Marker(const SchemaDiff *differences)
    {
        if (!differences)
            return;
        for (const SchemaDifference &d : differences->differences)
            m_differences.insert(differenceKey(d.object, d.table, d.name), &d);
    }
    void mark(Node *node, Object object, const QString &table, const QString &name) const
    {
        const SchemaDifference *d = m_differences.value(differenceKey(object, table, name));
        if (!d)
            return;
        node->state = d->change == Change::Missing ? State::Missing
                      : d->change == Change::Extra ? State::Extra
                                                   : State::Changed;
        node->expected = d->expected;
        node->actual = d->actual;
    }
    QList<const SchemaDifference *> missing(Object object, const QString &table = {}) const
    {
        QList<const SchemaDifference *> found;
        for (const SchemaDifference *d : m_differences)
            if (d->object == object && d->change == Change::Missing &&
                (table.isNull() || d->table.compare(table, Qt::CaseInsensitive) == 0))
                found.append(d);
        std::sort(found.begin(), found.end(), [](const auto *a, const auto *b) {
            return a->name.compare(b->name, Qt::CaseInsensitive) < 0;
        });
        return found;
    }

private:
    QHash<QString, const SchemaDifference *> m_differences;
};

std::unique_ptr<Node> columnNode(const SchemaTable &table, const SchemaColumn &column)
{
    auto node = std::make_unique<Node>();
    node->kind = Kind::Column;
    node->name = column.name;
    node->table = table.name;
    node->type = column.type;
    node->details = columnDetails(column);
    return node;
}

std::unique_ptr<Node> uniqueNode(const SchemaTable &table, const QStringList &columns)
{
    auto node = std::make_unique<Node>();
    node->kind = Kind::UniqueConstraint;
    node->name = parenthesised(columns);
    node->table = table.name;
    return node;
}

std::unique_ptr<Node> foreignKeyNode(const SchemaTable &table, const SchemaForeignKey &fk)
{
    auto node = std::make_unique<Node>();
    node->kind = Kind::ForeignKey;
    node->name = parenthesised(fk.columns);
    node->table = table.name;
    node->details = foreignKeyTarget(fk);
    return node;
}

std::unique_ptr<Node> indexNode(const SchemaIndex &index)
{
    auto node = std::make_unique<Node>();
    node->kind = Kind::Index;
    node->name = index.name;
    node->table = index.table;
    node->unique = index.unique;
    node->details = parenthesised(index.columns);
    if (index.partial)
        node->details += u"  WHERE …"_s;
    node->sql = index.sql;
    return node;
}

std::unique_ptr<Node> definitionNode(Kind kind, const SchemaDefinition &definition)
{
    auto node = std::make_unique<Node>();
    node->kind = kind;
    node->name = definition.name;
    node->table = definition.table;
    node->sql = definition.sql;
    if (kind == Kind::Trigger)
        node->details = u"ON "_s + definition.table;
    return node;
}

} // namespace

SchemaModel::SchemaModel(QObject *parent) : QAbstractItemModel(parent), m_root(new Node) {}

SchemaModel::~SchemaModel() = default;

void SchemaModel::setSchema(const SchemaSnapshot &actual)
{
    beginResetModel();
    m_comparing = false;
    build(actual, nullptr, nullptr);
    endResetModel();
}

void SchemaModel::setComparison(const SchemaSnapshot &actual, const SchemaSnapshot &expected,
                                const SchemaDiff &differences)
{
    beginResetModel();
    m_comparing = true;
    build(actual, &expected, &differences);
    endResetModel();
}

void SchemaModel::clear()
{
    beginResetModel();
    m_root = std::make_unique<Node>();
    m_comparing = false;
    m_tableCount = 0;
    m_differenceCount = 0;
    endResetModel();
}

void SchemaModel::build(const SchemaSnapshot &actual, const SchemaSnapshot *expected,
                        const SchemaDiff *differences)
{
    m_root = std::make_unique<Node>();
    m_differenceCount = differences ? differences->size() : 0;
    const Marker marker(differences);

    // Every table, in name order: the database's, and the expected ones it lacks.
    QMap<QString, std::pair<const SchemaTable *, bool>> tables; // lower name → (table, missing)
    for (const auto &table : actual.tables())
        tables.insert(table->name.toLower(), {table.get(), false});
    if (expected)
        for (const SchemaDifference *d : marker.missing(Object::Table))
            if (const SchemaTable *t = expected->table(d->name))
                tables.insert(t->name.toLower(), {t, true});
    m_tableCount = int(tables.size());

    // Indexes by table, the expected ones the database lacks included.
    QMap<QString, QList<std::pair<const SchemaIndex *, bool>>> indexes;
    for (const auto &index : actual.indexes())
        indexes[index->table.toLower()].append({index.get(), false});
    if (expected)
        for (const SchemaDifference *d : marker.missing(Object::Index))
            if (const SchemaIndex *i = expected->index(d->name))
                indexes[i->table.toLower()].append({i, true});
    for (auto &list : indexes)
        std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
            return a.first->name.compare(b.first->name, Qt::CaseInsensitive) < 0;
        });

    Node *tablesGroup = m_root->addGroup(Group::Tables);
    for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
        const SchemaTable &table = *it.value().first;
        const bool missing = it.value().second;
        auto tableNode = std::make_unique<Node>();
        tableNode->kind = Kind::Table;
        tableNode->name = table.name;
        tableNode->table = table.name;
        tableNode->sql = table.sql;
        marker.mark(tableNode.get(), Object::Table, table.name, table.name);
        if (missing)
            tableNode->state = State::Missing;
        Node *node = tablesGroup->add(std::move(tableNode));

        // Columns in table order; those the database lacks after them.
        for (const SchemaColumn &column : table.columns) {
            Node *c = node->add(columnNode(table, column));
            if (missing)
                c->state = State::Missing;
            else
                marker.mark(c, Object::Column, table.name, column.name);
        }
        const SchemaTable *expectedTable =
            expected && !missing ? expected->table(table.name) : nullptr;
        if (expectedTable)
            for (const SchemaDifference *d : marker.missing(Object::Column, table.name))
                if (const SchemaColumn *column = expectedTable->column(d->name))
                    node->add(columnNode(*expectedTable, *column))->state = State::Missing;

        std::vector<std::unique_ptr<Node>> uniques;
        for (const QStringList &columns : table.uniqueConstraints) {
            auto u = uniqueNode(table, columns);
            if (missing)
                u->state = State::Missing;
            else
                marker.mark(u.get(), Object::UniqueConstraint, table.name, u->name);
            uniques.push_back(std::move(u));
        }
        if (expectedTable)
            for (const QStringList &columns : expectedTable->uniqueConstraints) {
                auto u = uniqueNode(*expectedTable, columns);
                marker.mark(u.get(), Object::UniqueConstraint, table.name, u->name);
                if (u->state == State::Missing)
                    uniques.push_back(std::move(u));
            }
        if (!uniques.empty()) {
            Node *group = node->addGroup(Group::UniqueConstraints);
            for (auto &u : uniques)
                group->add(std::move(u));
        }

        std::vector<std::unique_ptr<Node>> keys;
        for (const SchemaForeignKey &fk : table.foreignKeys) {
            auto k = foreignKeyNode(table, fk);
            if (missing)
                k->state = State::Missing;
            else
                marker.mark(k.get(), Object::ForeignKey, table.name, fk.describe());
            keys.push_back(std::move(k));
        }
        if (expectedTable)
            for (const SchemaForeignKey &fk : expectedTable->foreignKeys) {
                auto k = foreignKeyNode(*expectedTable, fk);
                marker.mark(k.get(), Object::ForeignKey, table.name, fk.describe());
                if (k->state == State::Missing)
                    keys.push_back(std::move(k));
            }
        if (!keys.empty()) {
            Node *group = node->addGroup(Group::ForeignKeys);
            for (auto &k : keys)
                group->add(std::move(k));
        }

        const auto tableIndexes = indexes.value(it.key());
        if (!tableIndexes.isEmpty()) {
            Node *group = node->addGroup(Group::Indexes);
            for (const auto &[index, indexMissing] : tableIndexes) {
                Node *i = group->add(indexNode(*index));
                marker.mark(i, Object::Index, index->table, index->name);
                if (indexMissing || missing)
                    i->state = State::Missing;
            }
        }
        if (node->state == State::Extra)
            markSubtree(node, State::Extra);
    }

    for (const auto &[group, kind, object] :
         {std::tuple{Group::Views, Kind::View, Object::View},
          std::tuple{Group::Triggers, Kind::Trigger, Object::Trigger}}) {
        const SchemaSnapshot::Definitions &present =
            group == Group::Views ? actual.views() : actual.triggers();
        QMap<QString, std::pair<const SchemaDefinition *, bool>> definitions;
        for (const auto &d : present)
            definitions.insert(d->name.toLower(), {d.get(), false});
        if (expected) {
            const SchemaSnapshot::Definitions &wanted =
                group == Group::Views ? expected->views() : expected->triggers();
            for (const SchemaDifference *d : marker.missing(object)) {
                const auto found = wanted.constFind(d->name.toLower());
                if (found != wanted.cend())
                    definitions.insert(d->name.toLower(), {found.value().get(), true});
            }
        }
        Node *groupNode = m_root->addGroup(group);
        for (const auto &[definition, definitionMissing] : definitions) {
            Node *n = groupNode->add(definitionNode(kind, *definition));
            marker.mark(n, object, definition->table, definition->name);
            if (definitionMissing)
                n->state = State::Missing;
        }
    }
}

SchemaModel::Node *SchemaModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex SchemaModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *p = nodeOf(parent);
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex SchemaModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *node = nodeOf(child);
    Node *p = node->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int SchemaModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int SchemaModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QModelIndex SchemaModel::tableIndex(const QString &name) const
{
    if (m_root->children.empty())
        return {};
    const Node *tables = m_root->children.front().get();
    for (const auto &child : tables->children)
        if (child->name.compare(name, Qt::CaseInsensitive) == 0)
            return createIndex(child->row, 0, child.get());
    return {};
}

QString SchemaModel::typeText(const Node &node) const
{
    switch (node.kind) {
    case Kind::Group:
        return {};
    case Kind::Table:
        return tr("table");
    case Kind::Column:
        return node.type;
    case Kind::UniqueConstraint:
        return tr("unique");
    case Kind::ForeignKey:
        return tr("foreign key");
    case Kind::Index:
        return node.unique ? tr("unique index") : tr("index");
    case Kind::View:
        return tr("view");
    case Kind::Trigger:
        return tr("trigger");
    }
    return {};
}

QString SchemaModel::detailsText(const Node &node) const
{
    return node.details;
}

QString SchemaModel::stateText(State state) const
{
    switch (state) {
    case State::Same:
        return {};
    case State::Missing:
        return tr("missing");
    case State::Extra:
        return tr("not expected");
    case State::Changed:
        return tr("different");
    }
    return {};
}

QString SchemaModel::toolTip(const Node &node) const
{
    switch (node.state) {
    case State::Same:
        return node.sql.isEmpty() ? QString() : collapsed(node.sql);
    case State::Missing:
        return tr("Expected at the current revision, but not in the database.");
    case State::Extra:
        return tr("In the database, but not in the schema expected at the current revision.");
    case State::Changed:
        return tr("Expected: %1\nIn the database: %2").arg(node.expected, node.actual);
    }
    return {};
}

QVariant SchemaModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = *nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            if (node.kind == Kind::Group) {
                const int count = int(node.children.size());
                switch (node.group) {
                case Group::Tables:
                    return tr("Tables (%1)").arg(count);
                case Group::Views:
                    return tr("Views (%1)").arg(count);
                case Group::Triggers:
                    return tr("Triggers (%1)").arg(count);
                case Group::Indexes:
                    return tr("Indexes (%1)").arg(count);
                case Group::ForeignKeys:
                    return tr("Foreign keys (%1)").arg(count);
                case Group::UniqueConstraints:
                    return tr("Unique constraints (%1)").arg(count);
                }
            }
            return node.name;
        case TypeColumn:
            return typeText(node);
        case DetailsColumn:
            return detailsText(node);
        case ComparisonColumn:
            return node.kind == Kind::Group ? QString() : stateText(node.state);
        }
        return {};
    case Qt::ToolTipRole:
        return toolTip(node);
    case Qt::FontRole:
        if (index.column() == TypeColumn && node.kind == Kind::Column)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        if (node.kind == Kind::Table || node.kind == Kind::Group) {
            QFont font;
            font.setBold(node.kind == Kind::Table && index.column() == NameColumn);
            font.setItalic(node.state == State::Missing);
            return font;
        }
        if (node.state == State::Missing) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ForegroundRole: {
        const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
        switch (node.state) {
        case State::Same:
            if (node.kind == Kind::Group || index.column() == DetailsColumn ||
                (index.column() == TypeColumn && node.kind != Kind::Column))
                return QGuiApplication::palette().brush(QPalette::PlaceholderText);
            return {};
        case State::Missing:
            return QBrush(dark ? QColor(0xf0, 0x71, 0x78) : QColor(0xc0, 0x2b, 0x3a));
        case State::Extra:
            return QBrush(dark ? QColor(0xf5, 0x9e, 0x4c) : QColor(0xb8, 0x55, 0x00));
        case State::Changed:
            return QBrush(dark ? QColor(0xd6, 0xa8, 0xf5) : QColor(0x7a, 0x3d, 0xb8));
        }
        return {};
    }
    case KindRole:
        return int(node.kind);
    case StateRole:
        return int(node.state);
    case SqlRole:
        return node.sql;
    case ObjectNameRole:
        return node.name;
    case TableRole:
        return node.table;
    default:
        return {};
    }
}

QVariant SchemaModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TypeColumn:
        return tr("Type");
    case DetailsColumn:
        return tr("Details");
    case ComparisonColumn:
        return tr("Compared with expected");
    }
    return {};
}

void SchemaModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    // Group titles, type and state words are translated when asked for.
    std::function<void(const QModelIndex &)> touch = [&](const QModelIndex &parent) {
        const int rows = rowCount(parent);
        if (rows == 0)
            return;
        emit dataChanged(index(0, 0, parent), index(rows - 1, ColumnCount - 1, parent));
        for (int row = 0; row < rows; ++row)
            touch(index(row, 0, parent));
    };
    touch({});
}

} // namespace retort::ui
