package library

import (
	"context"
	"database/sql"
	"fmt"
)

// stream.go reads a long run of rows through a page cache that does not
// grow: a read of every row of a table meets each page once, so keeping
// them is no use, and SQLite's cache, allocated a page at a time, spends
// as much freeing its pages when the database is closed as reading them.

// streamCachePages is the page cache of a connection while it streams:
// enough for a B-tree's path from its root, and its overflow pages.
const streamCachePages = 32

// streaming runs f on a connection of its own whose page cache is held at
// streamCachePages, and gives the connection back with the cache it had.
func (s *Store) streaming(f func(c *sql.Conn) error) error {
	ctx := context.Background()
	c, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("library: reading the index: %w", err)
	}
	defer c.Close()
	var size int64
	if err := c.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&size); err != nil {
		return fmt.Errorf("library: reading the index: %w", err)
	}
	if _, err := c.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", streamCachePages)); err != nil {
		return fmt.Errorf("library: reading the index: %w", err)
	}
	err = f(c)
	if _, rerr := c.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", size)); rerr != nil && err == nil {
		err = fmt.Errorf("library: reading the index: %w", rerr)
	}
	return err
}
