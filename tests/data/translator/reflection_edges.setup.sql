CREATE TABLE owner (code varchar(10) primary key, label text);
CREATE TABLE legacy (
  id integer primary key,
  owner_code varchar(10) references owner on delete cascade,
  other_code varchar(10),
  qty int(11) default 10 check (qty >= 0),
  price double precision default 0.5,
  ratio real default '',
  flag bool default 1,
  stamp datetime(6) default current_timestamp,
  note text,
  weird unsigned big int,
  blobby blob,
  c varchar(5) collate nocase unique,
  constraint ck_legacy_price check (price >= 0),
  constraint "fk_other" foreign key (other_code) references "owner" (code) on update cascade deferrable initially deferred
);
CREATE INDEX ix_legacy_lower_note ON legacy (lower(note));
CREATE INDEX ix_legacy_partial ON legacy (qty) WHERE qty > 5;
CREATE UNIQUE INDEX ix_legacy_owner ON legacy (owner_code, qty);
INSERT INTO owner VALUES ('o1', 'first');
INSERT INTO legacy (id, owner_code, qty, note) VALUES (1, 'o1', 3, 'n');
