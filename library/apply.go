package library

import (
	"database/sql"
	"path/filepath"
	"runtime"
	"sync"

	"cable/articles"
	"cable/crash"
)

// batchRows is how many rows (full-text rows, mostly) one transaction of a
// Sync writes at most, give or take an article: enough to make commits
// cheap, few enough that another process waiting for the write lock waits
// a fraction of a second, well inside busy_timeout.
const batchRows = 4000

// batcher groups a Sync's writes into short transactions. The first error
// sticks: later writes are dropped and flush returns it.
type batcher struct {
	s      *Store
	writes []write
	weight int
	err    error
}

func (b *batcher) add(weight int, wr write) {
	if b.err != nil {
		return
	}
	b.writes = append(b.writes, wr)
	b.weight += weight
	if b.weight >= batchRows {
		b.flush()
	}
}

// flush commits the writes queued: every rows step, then every deletes
// step, then every inserts step (see write).
func (b *batcher) flush() error {
	if b.err != nil || len(b.writes) == 0 {
		return b.err
	}
	writes := b.writes
	b.writes, b.weight = nil, 0
	b.err = b.s.write("updating the index", func(tx *sql.Tx) error {
		// The rows change: the listing made of them is dropped with
		// the change (listing.go).
		if _, err := tx.Exec(dropListing); err != nil {
			return err
		}
		w := &txw{tx: tx}
		steps := []func(write) func(*txw) error{
			func(wr write) func(*txw) error { return wr.rows },
			func(wr write) func(*txw) error { return wr.deletes },
			func(wr write) func(*txw) error { return wr.inserts },
		}
		for _, step := range steps {
			for _, wr := range writes {
				if f := step(wr); f != nil {
					if err := f(w); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	return b.err
}

// apply writes what the plan found: rows of vanished files dropped, moved
// files re-keyed, changed and new files parsed and indexed.
func (p *plan) apply() error {
	b := &batcher{s: p.s}
	for _, r := range p.sortedRows() {
		b.add(64, deleteDoc(r.key))
		p.stats.Removed++
	}
	for _, it := range p.bundled {
		p.applyBundled(it, b)
	}
	var jobs []*item
	for _, it := range p.files {
		if it.problem {
			continue
		}
		if it.failed {
			p.applyFailed(it, b)
			continue
		}
		if it.renamedFrom != "" {
			p.applyRename(it, b)
		} else if !it.read && !p.applyKeep(it, b) {
			it.read, it.mustParse = true, true
		}
		if it.read {
			jobs = append(jobs, it)
		}
	}
	if err := p.parseAll(jobs, b); err != nil {
		return err
	}
	return b.flush()
}

func (p *plan) applyBundled(it *item, b *batcher) {
	a := it.article
	it.summary = a.Summarise()
	it.summary.ID, it.summary.Origin = it.id, articles.BundleOrigin
	fp := fingerprint(a, it.summary)
	if r := it.row; r != nil && r.hash == fp && !p.force {
		p.stats.Unchanged++
		return
	}
	rec := &docRecord{key: it.key, id: it.id, size: -1, hash: fp, added: p.now, summary: it.summary, blocks: blocksOf(a)}
	b.add(len(rec.blocks), writeDoc(rec))
	p.stats.Parsed++
}

// applyFailed records a file that cannot be read, so that the index and
// the list agree, unless the index says so already.
func (p *plan) applyFailed(it *item, b *batcher) {
	it.summary = brokenSummary(it.key, it.id, filepath.Base(it.key))
	if r := it.row; r != nil && r.hash == "" && r.errText == it.errText && r.id == it.id &&
		r.size == it.size && r.mtime == it.mtime {
		return
	}
	rec := &docRecord{key: it.key, id: it.id, size: it.size, mtime: it.mtime, added: p.now, summary: it.summary, errText: it.errText}
	b.add(1, writeDoc(rec))
}

// applyRename moves an indexed article to its new path.
func (p *plan) applyRename(it *item, b *batcher) {
	r := it.row
	it.hash, it.errText = r.hash, r.errText
	if !decodeSummary(r, it) {
		it.summary = brokenSummary(it.key, it.id, filepath.Base(it.key))
		it.read, it.mustParse = true, true
	}
	rec := &docRecord{key: it.key, id: it.id, size: it.size, mtime: it.mtime, summary: it.summary}
	b.add(8, renameDoc(r.key, rec))
	if !it.read {
		p.stats.Unchanged++
	}
}

// applyKeep takes an unchanged file's entry from the index, and records a
// new ID if it has one. It returns false when the row cannot be used and
// the file must be parsed after all.
func (p *plan) applyKeep(it *item, b *batcher) bool {
	r := it.row
	if !decodeSummary(r, it) {
		return false
	}
	it.hash, it.errText = r.hash, r.errText
	if r.id != it.id {
		b.add(1, updateDoc("UPDATE docs SET id = ? WHERE key = ?", it.id, it.key))
	}
	p.stats.Unchanged++
	return true
}

// decodeSummary sets it.summary from the row, under the item's ID and
// path; false when the row's summary could not be decoded.
func decodeSummary(r *row, it *item) bool {
	if !r.summaryOK {
		return false
	}
	it.summary = r.summary
	it.summary.ID, it.summary.Origin = it.id, it.key
	return true
}

// outcome is what a worker made of one file: a record to write, or the
// news that its content is what the index has (touched).
type outcome struct {
	it      *item
	rec     *docRecord
	touched bool
}

// parseAll reads, hashes and parses files on every core while this
// goroutine writes the results, so that the CPU-bound parsing and the
// single writer overlap. Only a batch of records is held at a time.
func (p *plan) parseAll(jobs []*item, b *batcher) error {
	if len(jobs) == 0 {
		return nil
	}
	next := make(chan *item)
	done := make(chan outcome)
	quit := make(chan struct{})
	go func() {
		defer close(next)
		for _, it := range jobs {
			select {
			case next <- it:
			case <-quit:
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				select {
				case done <- p.process(it):
				case <-quit:
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	for o := range done {
		if b.err == nil {
			p.record(o, b)
			if b.err != nil {
				close(quit)
			}
		}
	}
	return b.err
}

// process reads one file and, unless its hash shows it unchanged, parses
// it. It runs on a worker goroutine and touches only its own item. A panic
// on the way makes the file a broken entry, with the report's path in its
// error; its record keeps no hash nor time, so the next Sync reads it
// again (a newer cable may read it).
func (p *plan) process(it *item) outcome {
	o, err := crash.File(p.crash, it.key, func() (outcome, error) { return p.processFile(it), nil })
	if err == nil {
		return o
	}
	it.parsed, it.hash, it.mtime = true, "", 0
	it.errText = err.Error()
	it.summary = brokenSummary(it.key, it.id, filepath.Base(it.key))
	return outcome{it: it, rec: &docRecord{key: it.key, id: it.id, size: it.size, added: p.now, summary: it.summary, errText: it.errText}}
}

func (p *plan) processFile(it *item) outcome {
	data, hash, err := p.s.readFile(it.key)
	if err != nil {
		it.fail(err.Error())
		it.mtime = 0 // try again next time
		it.summary = brokenSummary(it.key, it.id, filepath.Base(it.key))
		return outcome{it: it, rec: &docRecord{key: it.key, id: it.id, size: it.size, added: p.now, summary: it.summary, errText: it.errText}}
	}
	it.hash = hash
	if r := it.row; r != nil && !it.mustParse && !p.force && hash == r.hash && decodeSummary(r, it) {
		it.errText = r.errText
		return outcome{it: it, touched: true}
	}
	it.parsed = true
	rec := &docRecord{key: it.key, id: it.id, size: it.size, mtime: it.mtime, hash: hash, added: p.now}
	a, err := parseArticle(it.key, data, it.id)
	if err != nil {
		it.errText = err.Error()
		it.summary = brokenSummary(it.key, it.id, filepath.Base(it.key))
	} else {
		it.errText = ""
		it.summary = a.Summarise()
		rec.blocks = blocksOf(a)
	}
	rec.summary, rec.errText = it.summary, it.errText
	return outcome{it: it, rec: rec}
}

// record queues the write of one worker's outcome.
func (p *plan) record(o outcome, b *batcher) {
	it := o.it
	if o.touched {
		b.add(1, updateDoc("UPDATE docs SET id = ?, size = ?, mtime_ns = ? WHERE key = ?", it.id, it.size, it.mtime, it.key))
		p.stats.Unchanged++
		return
	}
	b.add(len(o.rec.blocks)+1, writeDoc(o.rec))
	if it.parsed {
		p.stats.Parsed++
	}
}

// entries lists the result of a Sync: bundled articles in bundle order,
// then files and listing problems by path.
func (p *plan) entries() []Entry {
	out := make([]Entry, 0, len(p.bundled)+len(p.files))
	for _, list := range [][]*item{p.bundled, p.files} {
		for _, it := range list {
			out = append(out, p.entry(it))
		}
	}
	return out
}

func (p *plan) entry(it *item) Entry {
	e := Entry{Key: it.key, Summary: it.summary, Error: it.errText, Source: it.source, Hash: it.hash}
	switch {
	case it.problem:
		e.Summary = brokenSummary(it.key, it.id, filepath.Base(it.key))
	case it.row != nil:
		e.Added = fromNanos(it.row.added)
	default:
		e.Added = fromNanos(p.now)
	}
	if it.source == SourceBundled {
		e.Hash = ""
	}
	if e.Error != "" {
		p.stats.Broken++
	}
	return e
}
