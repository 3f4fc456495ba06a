package library

import (
	"database/sql"
	"fmt"
)

// schemaVersion is the schema this cable writes, kept in PRAGMA
// user_version. A database with a higher version was written by a newer
// cable and is not touched.
const schemaVersion = 7

// migrations[i] takes the schema from version i to version i+1. Each runs
// in the same transaction as the version change, so a database is never
// left half-migrated.
var migrations = []string{schemaV1, schemaV2, schemaV3, schemaV4, schemaV5, schemaV6, schemaV7}

// schemaV1 is the first schema.
//
// docs is the index: one row per article source, keyed by its identity
// (the file's absolute path, or "bundled:"+ID). It holds what the library
// list needs (the summary; in columns since schemaV2) and what Sync needs to tell a changed
// file from an unchanged one without reading it (size, mtime, hash).
//
// blocks is the full-text index, one row per paragraph-like block so that a
// hit has a place. Its rowid is doc<<blockBits | n, so that an article's
// rows are one rowid range, found and deleted without a scan. text is the
// block's text with its letters outside ASCII folded (see fold); orig is the text as written when that changed anything, else NULL.
// Prefixes of two and three characters are indexed, because those are what
// a search typed letter by letter starts with, and the most costly to find
// otherwise (every word starting "th"); it makes the index about half as
// large again and indexing a sixth slower.
//
// readings, bookmarks and quotes are the reader's own state. They refer to
// articles by key but not through a foreign key: they outlive the file, so
// that an article that comes back (a directory remounted, a file restored)
// finds its place again, and a quote stays citable.
// tokenizer is how the full-text index cuts text into words; Search
// highlights with the same.
const tokenizer = "porter unicode61 remove_diacritics 2"

const schemaV1 = `
CREATE TABLE docs (
	doc      INTEGER PRIMARY KEY AUTOINCREMENT,
	key      TEXT    NOT NULL UNIQUE,
	id       TEXT    NOT NULL,
	size     INTEGER NOT NULL,
	mtime_ns INTEGER NOT NULL,
	hash     TEXT    NOT NULL,
	added_ns INTEGER NOT NULL,
	summary  TEXT    NOT NULL,
	error    TEXT    NOT NULL DEFAULT ''
);
CREATE VIRTUAL TABLE blocks USING fts5(
	text, orig UNINDEXED, section UNINDEXED, block UNINDEXED,
	prefix = '2 3',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE meta (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
CREATE TABLE readings (
	key          TEXT    PRIMARY KEY,
	pos_section  INTEGER NOT NULL,
	pos_block    INTEGER NOT NULL,
	pos_offset   INTEGER NOT NULL,
	progress     INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
	finished     INTEGER NOT NULL CHECK (finished IN (0, 1)),
	last_read_ns INTEGER NOT NULL
);
CREATE INDEX readings_last_read ON readings (last_read_ns);
CREATE TABLE bookmarks (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	key         TEXT    NOT NULL,
	pos_section INTEGER NOT NULL,
	pos_block   INTEGER NOT NULL,
	pos_offset  INTEGER NOT NULL,
	label       TEXT    NOT NULL,
	excerpt     TEXT    NOT NULL,
	created_ns  INTEGER NOT NULL
);
CREATE INDEX bookmarks_key ON bookmarks (key);
CREATE TABLE quotes (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	key           TEXT    NOT NULL,
	article_id    TEXT    NOT NULL,
	title         TEXT    NOT NULL,
	author        TEXT    NOT NULL,
	source        TEXT    NOT NULL,
	published     TEXT    NOT NULL,
	url           TEXT    NOT NULL,
	section_title TEXT    NOT NULL,
	text          TEXT    NOT NULL,
	pos_section   INTEGER NOT NULL,
	pos_block     INTEGER NOT NULL,
	pos_offset    INTEGER NOT NULL,
	created_ns    INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX quotes_key ON quotes (key);
`

// schemaV2 keeps each article's summary in columns of its own instead of
// one JSON text (but for Minutes, which follow from Words), so that listing the library is a plain read with nothing
// to decode (see loadRows). The lists, section titles and topics, are kept
// as their items each followed by listEnd (see joinList). Rows are
// converted in place, keeping their doc numbers and IDs; a row whose JSON
// cannot be read is marked changed (no hash, no trusted mtime), so that
// the next Sync parses its file again. The reader's tables are not
// touched.
const schemaV2 = `
ALTER TABLE docs ADD COLUMN title        TEXT    NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN author       TEXT    NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN source       TEXT    NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN published    TEXT    NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN words        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE docs ADD COLUMN editors_note INTEGER NOT NULL DEFAULT 0;
ALTER TABLE docs ADD COLUMN sections     TEXT    NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN topics       TEXT    NOT NULL DEFAULT '';
UPDATE docs SET
	title        = coalesce(json_extract(summary, '$.title'), ''),
	author       = coalesce(json_extract(summary, '$.author'), ''),
	source       = coalesce(json_extract(summary, '$.source'), ''),
	published    = coalesce(json_extract(summary, '$.published'), ''),
	words        = coalesce(json_extract(summary, '$.words'), 0),
	editors_note = coalesce(json_extract(summary, '$.editors_note'), 0),
	sections     = coalesce((SELECT group_concat(value || char(31), '' ORDER BY key) FROM json_each(summary, '$.sections')), ''),
	topics       = coalesce((SELECT group_concat(value || char(31), '' ORDER BY key) FROM json_each(summary, '$.topics')), '')
WHERE CASE WHEN json_valid(summary) THEN json_type(summary) = 'object' ELSE 0 END;
UPDATE docs SET hash = '', mtime_ns = 0 WHERE NOT CASE WHEN json_valid(summary) THEN json_type(summary) = 'object' ELSE 0 END;
ALTER TABLE docs DROP COLUMN summary;
`

// schemaV3 keeps what the front matter says of a piece beyond its byline:
// its subtitle, its summary and the author's note, for the library entry
// and "cable list --json". They are filled as files are parsed again
// (indexVersion 4 has every file parsed).
const schemaV3 = `
ALTER TABLE docs ADD COLUMN subtitle    TEXT NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN abstract    TEXT NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN author_note TEXT NOT NULL DEFAULT '';
`

// schemaV4 follows publications. feeds holds each feed followed: name is
// what the reader calls it (and its folder's name in the library
// directory), url where it is fetched, title what it calls itself; etag and
// last_modified make the next fetch conditional, and last_update_ns and
// last_error say how the last one went. feed_entries are the entries
// already saved, by feed and GUID and by canonical address, so that an
// entry is saved once however often it is seen, and even when two feeds
// carry it; they outlive their feed, so that a feed removed and added
// again does not save its entries twice. docs gains the feed an article
// came from and whether only its summary was saved, for listings.
const schemaV4 = `
CREATE TABLE feeds (
	url            TEXT    PRIMARY KEY,
	name           TEXT    NOT NULL UNIQUE,
	title          TEXT    NOT NULL DEFAULT '',
	etag           TEXT    NOT NULL DEFAULT '',
	last_modified  TEXT    NOT NULL DEFAULT '',
	last_update_ns INTEGER NOT NULL DEFAULT 0,
	last_error     TEXT    NOT NULL DEFAULT '',
	added_ns       INTEGER NOT NULL
);
CREATE TABLE feed_entries (
	feed     TEXT    NOT NULL,
	guid     TEXT    NOT NULL,
	url      TEXT    NOT NULL,
	path     TEXT    NOT NULL,
	saved_ns INTEGER NOT NULL,
	PRIMARY KEY (feed, guid)
);
CREATE INDEX feed_entries_url ON feed_entries (url);
ALTER TABLE docs ADD COLUMN feed         TEXT    NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;
`

// schemaV5 keeps the "new" mark: fresh holds a row for each article saved
// by a feed update or by cable get and not opened since, by its key (the
// catalog's: the file's absolute path), with when it was saved. The mark
// outlives a restart, and opening the article removes the row.
const schemaV5 = `
CREATE TABLE fresh (
	key      TEXT    PRIMARY KEY,
	saved_ns INTEGER NOT NULL
);
`

// schemaV6 finds a piece saved twice and lets a summary grow up. docs
// gains the article's canonical address and its text's print
// (articles.TextPrint), each indexed, so that any way in can ask whether
// the library has the piece already (indexVersion 7 has every file parsed
// again to fill them). summaries are the articles a feed update saved as
// the feed's summary because their page could not be fetched: their page
// is tried again, at most once a day (tried_ns), for a while after they
// were saved (saved_ns), and the article replaced in place when it comes.
const schemaV6 = `
ALTER TABLE docs ADD COLUMN url   TEXT NOT NULL DEFAULT '';
ALTER TABLE docs ADD COLUMN print TEXT NOT NULL DEFAULT '';
CREATE INDEX docs_url ON docs (url) WHERE url != '';
CREATE INDEX docs_print ON docs (print) WHERE print != '';
CREATE TABLE summaries (
	path     TEXT    PRIMARY KEY,
	url      TEXT    NOT NULL,
	feed     TEXT    NOT NULL,
	saved_ns INTEGER NOT NULL,
	tried_ns INTEGER NOT NULL
);
`

// schemaV7 keeps the reader's desk: highlights with their notes, the
// reader's own tags, and the articles put aside. Every row has a stable
// ID (16 random hexadecimal digits, see NewID), not a row number, and the
// time of its last change; deleting one sets its deleted_ns rather than
// removing the row, so that a record merged from another machine one day
// can tell "deleted here" from "never seen". A highlight keeps its
// passage by place (section, block, byte offsets into the block's text,
// through, the blocks after the first it runs over, and the reading
// offset pos_offset) and by words (exact, prefix, suffix:
// see articles.Anchor), and copies what citing it needs, as quotes did.
// reviews and reviewed_ns are how often and when "cable review" showed it.
//
// The quotes become highlights, keeping their row numbers (which "cable
// quotes" never showed, but a caller of AddQuote has) and their times;
// their offsets in their blocks were never kept, so start and end are 0
// and the passage is found in its block by its words. The quotes table is
// left as it was, read by nothing: a migration destroys nothing.
const schemaV7 = `
CREATE TABLE highlights (
	id            TEXT    PRIMARY KEY,
	key           TEXT    NOT NULL,
	article_id    TEXT    NOT NULL,
	title         TEXT    NOT NULL,
	author        TEXT    NOT NULL,
	source        TEXT    NOT NULL,
	published     TEXT    NOT NULL,
	url           TEXT    NOT NULL,
	section_title TEXT    NOT NULL,
	exact         TEXT    NOT NULL,
	prefix        TEXT    NOT NULL,
	suffix        TEXT    NOT NULL,
	pos_section   INTEGER NOT NULL,
	pos_block     INTEGER NOT NULL,
	start         INTEGER NOT NULL,
	through       INTEGER NOT NULL DEFAULT 0,
	"end"         INTEGER NOT NULL,
	pos_offset    INTEGER NOT NULL,
	note          TEXT    NOT NULL DEFAULT '',
	created_ns    INTEGER NOT NULL,
	changed_ns    INTEGER NOT NULL,
	deleted_ns    INTEGER NOT NULL DEFAULT 0,
	reviews       INTEGER NOT NULL DEFAULT 0,
	reviewed_ns   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX highlights_key ON highlights (key);
CREATE INDEX highlights_created ON highlights (created_ns);
INSERT INTO highlights (rowid, id, key, article_id, title, author, source, published, url, section_title,
	exact, prefix, suffix, pos_section, pos_block, start, "end", pos_offset, created_ns, changed_ns)
SELECT id, lower(hex(randomblob(8))), key, article_id, title, author, source, published, url, section_title,
	text, '', '', pos_section, pos_block, 0, 0, pos_offset, created_ns, created_ns
FROM quotes ORDER BY id;
CREATE TABLE tags (
	id         TEXT    PRIMARY KEY,
	key        TEXT    NOT NULL,
	tag        TEXT    NOT NULL COLLATE NOCASE,
	changed_ns INTEGER NOT NULL,
	deleted_ns INTEGER NOT NULL DEFAULT 0,
	UNIQUE (key, tag)
);
CREATE INDEX tags_tag ON tags (tag);
CREATE TABLE archive (
	id         TEXT    PRIMARY KEY,
	key        TEXT    NOT NULL UNIQUE,
	changed_ns INTEGER NOT NULL,
	deleted_ns INTEGER NOT NULL DEFAULT 0
);
`

// tables are the tables every cable database has, with the schema version
// that made each; a database that claims a version but lacks one of its
// tables is not used.
var tables = []struct {
	name  string
	since int
}{
	{"docs", 1}, {"blocks", 1}, {"meta", 1}, {"readings", 1}, {"bookmarks", 1}, {"quotes", 1},
	{"feeds", 4}, {"feed_entries", 4}, {"fresh", 5}, {"summaries", 6},
	{"highlights", 7}, {"tags", 7}, {"archive", 7},
}

// prepareSchema makes sure db holds the current schema, creating or
// migrating it in one transaction. The common case, a database already up
// to date, only reads, so that opening never waits for another process's
// write lock.
func prepareSchema(db *sql.DB) error {
	v, err := userVersion(db)
	if err != nil {
		return err
	}
	if v == schemaVersion {
		return checkTables(db, v)
	}
	if err := checkVersion(db, v); err != nil {
		return err
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Another process may have created the schema since the version was
	// read; the write lock is held now, so read it again.
	if v, err = userVersion(tx); err != nil {
		return err
	}
	if err := checkVersion(tx, v); err != nil {
		return err
	}
	if v > 0 {
		// An older cable's database that lacks a table is damaged, not
		// to be migrated.
		if err := checkTables(tx, v); err != nil {
			return err
		}
	}
	for ; v < schemaVersion; v++ {
		if _, err := tx.Exec(migrations[v]); err != nil {
			return fmt.Errorf("creating schema version %d: %w", v+1, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
		return err
	}
	return tx.Commit()
}

type queryer interface {
	QueryRow(query string, args ...any) *sql.Row
}

func userVersion(q queryer) (int, error) {
	var v int
	if err := q.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return 0, err
	}
	return v, nil
}

// checkVersion refuses a database from a newer cable, and a version-0 file
// that already holds tables: some other program's database, which a new
// schema must not be mixed into.
func checkVersion(q queryer, v int) error {
	if v > schemaVersion {
		return &unusableError{reason: fmt.Sprintf("was written by a newer cable (schema %d; this one knows %d)", v, schemaVersion)}
	}
	if v > 0 {
		return nil
	}
	var n int
	if err := q.QueryRow("SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return &unusableError{reason: "is not a cable database"}
	}
	return nil
}

func checkTables(q queryer, version int) error {
	for _, t := range tables {
		if t.since > version {
			continue
		}
		name := t.name
		var n int
		err := q.QueryRow("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", name).Scan(&n)
		if err != nil {
			return err
		}
		if n == 0 {
			return &unusableError{reason: fmt.Sprintf("has no %q table", name)}
		}
	}
	return nil
}
