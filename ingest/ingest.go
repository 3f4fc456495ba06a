// Package ingest brings articles into the library. Every way in ("cable
// import", "cable get", a feed update, a summary's page fetched again)
// goes through one Saver, in the same steps:
//
//	the route reads its bytes (a file, a page fetched, what a feed carries)
//	→ kind check: bytes that are no text are refused, as reading refuses them
//	→ extract: the page, text or Markdown becomes an article (library.KeptSource.Convert)
//	→ identity: the piece's canonical addresses and its text's print
//	→ look up: the library's article with any of them, if there is one
//	→ write: a new file, written whole and never over another
//	→ keep the source, compressed, with what the route knew of it
//	→ record: "new", and a summary whose page is to be tried again
//
// A piece the library has already is not saved again, whichever route
// brought it first, unless the caller asks for a second copy; a summary
// the library has is replaced, in place, by the whole article.
package ingest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"cable/articles"
	"cable/extract"
	"cable/fetch"
	"cable/library"
)

// Options say where a Saver saves and what it knows of the library.
type Options struct {
	// Dir is the library directory articles are written into (created if
	// missing).
	Dir string
	// Entries are the library's articles as the catalog lists them now:
	// what a piece is looked up in.
	Entries []library.Entry
	// Store records the "new" marks and the summaries to try again; nil
	// records nothing.
	Store *library.Store
	// Kept is where sources are kept; a zero Dir keeps none.
	Kept library.KeptSources
	// Client fetches pages; nil makes one.
	Client *fetch.Client
	// Version is cable's version, for the client's User-Agent.
	Version string
	// Again keeps a second copy of a piece the library has already.
	Again bool
	// Progress, when not nil, is told how many bytes of each page have
	// arrived, as they arrive; it is called from several goroutines.
	Progress func(address string, received int64)
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Saver saves articles into the library. It is safe for use by several
// goroutines at once: a feed update saves the entries of several feeds
// together.
type Saver struct {
	opts Options

	client *fetch.Client

	mu sync.Mutex
	// byName maps each canonical address of the library's articles, and
	// byPrint each text print, to the article's key; summary holds the
	// keys of the articles that are a feed's summary. All grow as pieces
	// are saved.
	byName  map[string]string
	byPrint map[string]string
	summary map[string]bool
}

// New makes a Saver for the library the options describe.
func New(o Options) *Saver {
	s := &Saver{opts: o, client: o.Client, byName: map[string]string{}, byPrint: map[string]string{}, summary: map[string]bool{}}
	if s.client == nil {
		s.client = fetch.New(fetch.Options{Version: o.Version})
	}
	if abs, err := filepath.Abs(o.Dir); err == nil && o.Dir != "" {
		s.opts.Dir = abs
	}
	for _, e := range o.Entries {
		if e.Error != "" {
			continue
		}
		s.remember(e.Key, []string{e.Summary.URL}, e.Summary.Print, e.Summary.SummaryOnly)
	}
	return s
}

func (s *Saver) now() time.Time {
	if s.opts.Now != nil {
		return s.opts.Now()
	}
	return time.Now()
}

// remember records the names and print of the article at key, without
// taking the place of an article recorded before under the same.
func (s *Saver) remember(key string, addresses []string, textPrint string, summaryOnly bool) {
	for _, a := range addresses {
		if name := library.CanonicalURL(a); name != "" {
			if _, taken := s.byName[name]; !taken {
				s.byName[name] = key
			}
		}
	}
	if _, taken := s.byPrint[textPrint]; textPrint != "" && !taken {
		s.byPrint[textPrint] = key
	}
	s.summary[key] = summaryOnly
}

// Known is the key of the article the library has for address, when it
// has the whole article: a summary is not known, so that its page is
// fetched again.
func (s *Saver) Known(address string) (string, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key, ok := s.byName[library.CanonicalURL(address)]
	if !ok || s.summary[key] {
		return "", false
	}
	return key, true
}

// Input is one piece brought in by a route.
type Input struct {
	// Name is what errors call the piece: the file or address given.
	Name string
	// Source is what the bytes are and what the route knew of them; its
	// Article is filled in when the piece is written.
	Source library.KeptSource
	Body   []byte
	// Addresses are more addresses the piece is known by: the one asked
	// for before redirects, a feed entry's link.
	Addresses []string
	// Folder is the folder of the library directory the article goes
	// into ("": the directory itself), such as a feed's.
	Folder string
	// New marks the article new until it is opened.
	New bool
	// Replace is the key of an article this piece replaces in place (a
	// summary growing up); "" looks the piece up as usual.
	Replace string
}

// Saved is what became of one piece.
type Saved struct {
	// Name is the piece as the route named it: the file or address.
	Name string
	// Path is the article written, replaced or found.
	Path string
	// Already says the library had the piece: nothing was written.
	Already bool
	// Grown says a summary the library had was replaced by the whole
	// article, at the same path.
	Grown bool
	// SummaryOnly says what was written is a feed's summary.
	SummaryOnly bool
	// Warnings are what did not stop the piece: a Markdown file's own
	// problems, a source that could not be kept.
	Warnings articles.ErrorList
}

// Save brings one piece into the library, in the steps the package's
// comment lists. Its errors name the piece.
func (s *Saver) Save(in Input) (Saved, error) {
	p, err := identify(in)
	if err != nil {
		return Saved{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	target := in.Replace
	if target == "" && !s.opts.Again {
		key, found := s.lookup(p.addresses, p.print)
		switch {
		case found && s.summary[key] && !p.meta.SummaryOnly:
			target = key // the summary grows up
		case found:
			return Saved{Name: in.Name, Path: key, Already: true, SummaryOnly: p.meta.SummaryOnly, Warnings: p.converted.Warnings}, nil
		}
	}
	if target != "" {
		return s.grow(in, p, target)
	}
	return s.write(in, p)
}

// piece is what the steps before the look-up make of an input: the
// article, its front matter, and what tells it from any other.
type piece struct {
	converted extract.Converted
	meta      articles.Meta
	addresses []string // every address it is known by
	print     string   // its text's print (articles.TextPrint)
}

// identify checks that the input is text, extracts its article and says
// what tells it: its addresses and its text's print.
func identify(in Input) (piece, error) {
	if err := library.CheckText(in.Name, in.Body); err != nil && !library.IsDocument(in.Source.Kind) {
		return piece{}, err
	}
	c, err := in.Source.Convert(in.Body)
	if err != nil {
		return piece{}, err
	}
	a, err := articles.Parse(in.Name, c.Markdown, "ingest")
	if err != nil {
		return piece{}, err
	}
	return piece{
		converted: c,
		meta:      a.Meta,
		addresses: append([]string{in.Source.URL, a.Meta.URL}, in.Addresses...),
		print:     a.TextPrint(),
	}, nil
}

// kept is the source to keep for the input, written as the article at
// path: a file imported is named by its absolute path, to be found again
// from anywhere.
func kept(in Input, path string) library.KeptSource {
	src := in.Source
	if abs, err := filepath.Abs(src.File); err == nil && src.File != "" {
		src.File = abs
	}
	src.Article = path
	return src
}

// write saves a new article under a free name and keeps its source.
func (s *Saver) write(in Input, p piece) (Saved, error) {
	out := Saved{Name: in.Name, SummaryOnly: p.meta.SummaryOnly, Warnings: p.converted.Warnings}
	path, err := library.SaveFile(filepath.Join(s.opts.Dir, in.Folder), library.SafeFileName(p.converted.Title), p.converted.Markdown)
	if err != nil {
		return Saved{}, &articles.Error{File: in.Name, Msg: err.Error()}
	}
	out.Path = path
	if s.opts.Kept.Dir != "" {
		if err := s.opts.Kept.Keep(kept(in, path), in.Body, p.converted.Markdown); err != nil {
			out.Warnings = append(out.Warnings, &articles.Error{File: in.Name,
				Msg: fmt.Sprintf("saved, but its source could not be kept for \"cable reimport\": %v", err), Warning: true})
		}
	}
	s.remember(path, p.addresses, p.print, p.meta.SummaryOnly)
	out.Warnings = append(out.Warnings, s.record(in, path, p.meta)...)
	return out, nil
}

// grow replaces the summary at target with the whole article, in place,
// unless the reader has edited the summary since cable wrote it.
func (s *Saver) grow(in Input, p piece, target string) (Saved, error) {
	out := Saved{Name: in.Name, Path: target, Warnings: p.converted.Warnings}
	src, md := kept(in, target), p.converted.Markdown
	if src.Meta == nil && src.Kind == extract.KindHTML && src.URL != "" {
		// A page got for a feed's summary keeps what the feed said.
		if feedSaid, ok := summaryMeta(target); ok {
			src.Meta = &feedSaid
			if again, err := src.Convert(in.Body); err == nil {
				md = again.Markdown
			}
		}
	}
	if err := s.opts.Kept.Replace(target, src, in.Body, md); err != nil {
		if !errors.Is(err, library.ErrEditedByHand) {
			return Saved{}, &articles.Error{File: in.Name, Msg: err.Error()}
		}
		out.Already = true
		out.Warnings = append(out.Warnings, &articles.Error{File: target, Msg: "is a summary edited since cable wrote it; the whole article was not written over it", Warning: true})
		return out, nil
	}
	out.Grown = true
	s.remember(target, p.addresses, p.print, false)
	out.Warnings = append(out.Warnings, s.recordGrown(target)...)
	return out, nil
}

// lookup finds the article the library has under any of the addresses or
// with the text's print.
func (s *Saver) lookup(addresses []string, textPrint string) (string, bool) {
	for _, a := range addresses {
		if key, ok := s.byName[library.CanonicalURL(a)]; ok && a != "" {
			return key, true
		}
	}
	key, ok := s.byPrint[textPrint]
	return key, ok && textPrint != ""
}

// recordGrown keeps in the store what follows from a summary grown into
// the whole article: it is no longer to be tried again, nothing of the
// new text has been read (the place stays), and it is new.
func (s *Saver) recordGrown(path string) articles.ErrorList {
	store := s.opts.Store
	if store == nil {
		return nil
	}
	var warnings articles.ErrorList
	for _, err := range []error{store.ForgetSummary(path), store.ForgetProgress(path), store.MarkNew(path)} {
		if err != nil {
			warnings = append(warnings, &articles.Error{File: path, Msg: err.Error(), Warning: true})
		}
	}
	return warnings
}

// record keeps in the store what follows from an article written: its
// "new" mark, and, for a summary, that its page is to be tried again.
func (s *Saver) record(in Input, path string, m articles.Meta) articles.ErrorList {
	store := s.opts.Store
	if store == nil {
		return nil
	}
	var warnings articles.ErrorList
	warn := func(err error) {
		if err != nil {
			warnings = append(warnings, &articles.Error{File: path, Msg: err.Error(), Warning: true})
		}
	}
	if in.New {
		warn(store.MarkNew(path))
	}
	if m.SummaryOnly && m.URL != "" {
		now := s.now()
		warn(store.RememberSummary(library.PendingSummary{Path: path, URL: m.URL, Feed: m.Feed, Saved: now}, now))
	}
	return warnings
}

// Unsave takes back an article Save has just written, whose saving could
// not be recorded: the file goes, and the Saver forgets it, so that the
// piece is saved again next time rather than found.
func (s *Saver) Unsave(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	os.Remove(path)
	for _, m := range []map[string]string{s.byName, s.byPrint} {
		for k, v := range m {
			if v == path {
				delete(m, k)
			}
		}
	}
	delete(s.summary, path)
}

// summaryMeta is the front matter of the summary at path, as what its
// feed said of the piece: the whole article takes it over.
func summaryMeta(path string) (articles.Meta, bool) {
	data, err := os.ReadFile(path)
	if err != nil {
		return articles.Meta{}, false
	}
	m, ok := articles.ReadMeta(data)
	m.SummaryOnly = false
	return m, ok && m.Feed != ""
}
