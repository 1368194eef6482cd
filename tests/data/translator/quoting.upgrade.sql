CREATE TABLE "order" (
    id INTEGER NOT NULL, 
    "select" VARCHAR(10), 
    "Total" NUMERIC(10, 2), 
    "line item" INTEGER, 
    "1st" INTEGER, 
    CONSTRAINT "PK_Order" PRIMARY KEY (id), 
    UNIQUE ("Total")
);

CREATE INDEX "ix_order_line item" ON "order" ("line item");

CREATE INDEX "Ix_Order_Select" ON "order" ("select", "Total");

CREATE TABLE _alembic_tmp_order (
    id INTEGER NOT NULL, 
    "group" INTEGER, 
    "Total" NUMERIC(10, 2), 
    "line item" INTEGER, 
    PRIMARY KEY (id), 
    UNIQUE ("Total")
);

INSERT INTO _alembic_tmp_order (id, "group", "Total", "line item") SELECT "order".id, CAST("order"."select" AS INTEGER) AS "select", "order"."Total", "order"."line item" 
FROM "order";

DROP TABLE "order";

ALTER TABLE _alembic_tmp_order RENAME TO "order";

CREATE INDEX "ix_order_line item" ON "order" ("line item");

CREATE INDEX "Ix_Order_Select" ON "order" ("group", "Total");

