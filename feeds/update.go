package feeds

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"time"

	"cable/articles"
	"cable/fetch"
	"cable/ingest"
	"cable/library"
)

// feedAccept is the Accept header of a feed request.
const feedAccept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"

// maxParallel is how many feeds are fetched at once; the client limits
// requests per host on its own.
const maxParallel = 8

// Updater fetches feeds and saves their new entries.
type Updater struct {
	Client *fetch.Client
	Store  *library.Store
	// Dir is the library directory; each feed's articles go into a
	// folder of it named after the feed.
	Dir string
	// Saver saves the articles; nil makes one for Dir and Store that
	// knows only what this updater saves.
	Saver *ingest.Saver
	once  sync.Once
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Result is how the update of one feed went.
type Result struct {
	Feed library.Feed
	// Saved are the paths of the articles saved, in the order saved.
	Saved []string
	// Summaries counts those of them that are only the feed's summary,
	// their page not fetched: tried again by later updates.
	Summaries int
	// Skipped are the entries that could not be saved, with why; they are
	// tried again at the next update.
	Skipped []error
	// NotModified is a 304: the feed has not changed.
	NotModified bool
	// Err is why the feed could not be updated at all.
	Err error
}

// Line is the result in one line, as "cable feeds update" prints it:
// "Foreign Affairs: 3 new".
func (r Result) Line() string {
	if r.Err != nil {
		return r.Feed.Label() + ": " + r.Err.Error()
	}
	s := fmt.Sprintf("%s: %d new", r.Feed.Label(), len(r.Saved))
	if r.Summaries > 0 {
		s += fmt.Sprintf(" (%d only a summary; its page is tried again daily)", r.Summaries)
	}
	if len(r.Skipped) > 0 {
		s += fmt.Sprintf(", %d could not be saved (%s)", len(r.Skipped), firstLine(r.Skipped[0].Error()))
	}
	return s
}

// Events are what Update says while it works; each may be nil. They are
// called one at a time.
type Events struct {
	// Started is called first, with how many feeds are updated (by
	// Worker.Run, which lists them).
	Started func(feeds int)
	// Saved is called after each article is saved, with its path.
	Saved func(f library.Feed, path string)
	// Done is called when a feed is finished.
	Done func(Result)
	// Grown is called when an article saved as a summary has become the
	// whole article, its page fetched at last, with its path.
	Grown func(path string)
}

func (u *Updater) now() time.Time {
	if u.Now != nil {
		return u.Now()
	}
	return time.Now()
}

// Update fetches the feeds, several at once, and saves every new entry of
// each. It returns a result per feed, in the order given. A cancelled
// context stops every feed after the article being saved: nothing is half
// written, and a feed stopped midway keeps no validators, so that the next
// update reads it whole again.
func (u *Updater) Update(ctx context.Context, list []library.Feed, ev Events) []Result {
	results := make([]Result, len(list))
	var mu sync.Mutex // one event at a time
	locked := func(f func()) {
		mu.Lock()
		defer mu.Unlock()
		f()
	}
	sem := make(chan struct{}, maxParallel)
	var wg sync.WaitGroup
	for i, f := range list {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
				results[i] = Result{Feed: f, Err: ctx.Err()}
				if ev.Done != nil {
					locked(func() { ev.Done(results[i]) })
				}
				return
			}
			onSaved := func(path string) {
				if ev.Saved != nil {
					locked(func() { ev.Saved(f, path) })
				}
			}
			results[i] = u.updateFeed(ctx, f, onSaved)
			if ev.Done != nil {
				locked(func() { ev.Done(results[i]) })
			}
		}()
	}
	wg.Wait()
	if ctx.Err() == nil {
		u.growSummaries(ctx, func(path string) {
			if ev.Grown != nil {
				ev.Grown(path)
			}
		})
	}
	return results
}

// Summaries are tried again at most once a day, for two weeks after they
// were saved.
const (
	summaryRetryEvery  = 24 * time.Hour
	summaryRetryWithin = 14 * 24 * time.Hour
)

// growSummaries fetches again the page of every article saved as a
// summary that is due a try, and replaces the summary, in place, with the
// whole article when the page comes. A page that fails again is tried
// at a later update.
func (u *Updater) growSummaries(ctx context.Context, grown func(path string)) {
	due, err := u.Store.SummariesDue(u.now(), summaryRetryEvery, summaryRetryWithin)
	if err != nil {
		return
	}
	for _, p := range due {
		if ctx.Err() != nil {
			return
		}
		if u.growSummary(ctx, p) {
			grown(p.Path)
		} else if ctx.Err() == nil {
			_ = u.Store.SummaryTried(p.Path, u.now())
		}
	}
}

// growSummary tries the page of one summary, and reports whether the
// summary became the whole article.
func (u *Updater) growSummary(ctx context.Context, p library.PendingSummary) bool {
	current, err := os.ReadFile(p.Path)
	if err != nil {
		_ = u.Store.ForgetSummary(p.Path) // the article is gone
		return false
	}
	m, ok := articles.ReadMeta(current)
	if !ok || !m.SummaryOnly {
		_ = u.Store.ForgetSummary(p.Path) // no longer a summary
		return false
	}
	in, err := u.saver().Fetch(ctx, p.URL)
	if err != nil {
		return false
	}
	m.SummaryOnly = false
	in.Source.Meta, in.Replace = &m, p.Path
	saved, err := u.saver().Save(in)
	return err == nil && saved.Grown
}

// updateFeed fetches one feed and saves its new entries, then records how
// it went.
func (u *Updater) updateFeed(ctx context.Context, f library.Feed, onSaved func(string)) (r Result) {
	r.Feed = f
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Errorf("failed unexpectedly: %v", p)
		}
		// LastUpdate is the last update that worked: a failed one says
		// so in LastError and leaves the time the feed's articles are
		// from.
		r.Feed.LastError = ""
		if r.Err != nil {
			r.Feed.LastError = r.Err.Error()
		} else {
			r.Feed.LastUpdate = u.now()
		}
		if ctx.Err() == nil || r.Err == nil {
			if err := u.Store.SaveFeedState(r.Feed); err != nil && r.Err == nil {
				r.Err = err
			}
		}
	}()
	resp, err := u.Client.Get(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified, Accept: feedAccept})
	if err != nil {
		r.Err = describeFetchError(err)
		return r
	}
	if resp.NotModified {
		r.NotModified = true
		return r
	}
	parsed, err := Parse(f.URL, resp.Body)
	if err != nil {
		r.Err = err
		return r
	}
	if parsed.Title != "" {
		r.Feed.Title = parsed.Title
	}
	r.Saved, r.Skipped, err = u.saveEntries(ctx, r.Feed, parsed, func(path string, summary bool) {
		if summary {
			r.Summaries++
		}
		onSaved(path)
	})
	if err != nil {
		r.Err = err
		return r
	}
	// The validators are kept only when every entry was saved: a feed
	// with entries left to save must be read again in full.
	if len(r.Skipped) == 0 {
		r.Feed.ETag, r.Feed.LastModified = resp.ETag, resp.LastModified
	} else {
		r.Feed.ETag, r.Feed.LastModified = "", ""
	}
	return r
}

// saveEntries saves the entries of a feed not saved before, oldest first,
// so that the newest is the most recently added. A cancelled context
// stops it between two articles.
func (u *Updater) saveEntries(ctx context.Context, f library.Feed, p *Parsed, onSaved func(path string, summary bool)) (saved []string, skipped []error, err error) {
	entries := slices.Clone(p.Entries)
	slices.Reverse(entries)
	seenHere := map[string]bool{}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return saved, skipped, err
		}
		key := entryKey(e)
		if key == "" || seenHere[key] {
			continue
		}
		seenHere[key] = true
		seen, err := u.Store.EntrySeen(f.URL, e.GUID, e.Link)
		if err != nil {
			return saved, skipped, err
		}
		if seen {
			continue
		}
		path, summary, err := u.saveEntry(ctx, f, e)
		// An article saved and recorded as the context was cancelled is
		// saved all the same: it is told before the update stops.
		if err == nil && path != "" {
			saved = append(saved, path)
			onSaved(path, summary)
		}
		if ctx.Err() != nil {
			return saved, skipped, ctx.Err()
		}
		if err != nil {
			skipped = append(skipped, err)
		}
	}
	return saved, skipped, nil
}

// entryKey is what tells an entry from the others of its feed: its GUID,
// or its address.
func entryKey(e Entry) string {
	if e.GUID != "" {
		return e.GUID
	}
	return e.Link
}

// saveEntry makes one entry into an article and saves it, unless the
// library has the piece already under another address or the same text:
// the entry is then linked to that article. It returns the path written,
// or "" when nothing was, and whether it is only the feed's summary.
func (u *Updater) saveEntry(ctx context.Context, f library.Feed, e Entry) (string, bool, error) {
	a, err := u.saveArticle(ctx, f, e)
	if err != nil {
		return "", false, err
	}
	if a.Already || a.Grown {
		return "", false, u.Store.RecordEntry(f.URL, entryKey(e), e.Link, a.Path)
	}
	if err := u.Store.RecordEntry(f.URL, entryKey(e), e.Link, a.Path); err != nil {
		// An article saved but not recorded would be saved a second
		// time, as name-2.md, by the next update: it is taken back, and
		// saved then.
		u.saver().Unsave(a.Path)
		return "", false, err
	}
	return a.Path, a.SummaryOnly, nil
}

// saver is the saving pipeline the updater saves through: the one it was
// given, or one of its own for its directory and store.
func (u *Updater) saver() *ingest.Saver {
	u.once.Do(func() {
		if u.Saver == nil {
			u.Saver = ingest.New(ingest.Options{Dir: u.Dir, Store: u.Store, Client: u.Client, Now: u.Now})
		}
	})
	return u.Saver
}

// describeFetchError keeps a network error to what the reader needs: the
// address is already in the feed's name, the Go error's chain of ops is
// noise.
func describeFetchError(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var fe *fetch.Error
	if errors.As(err, &fe) && errors.Is(err, fetch.ErrUnreachable) {
		return fmt.Errorf("unreachable (%s)", fe.Msg)
	}
	return err
}

// Add follows the feed at address: a feed, or a page whose <link
// rel="alternate"> names one. It is fetched once, to know it is a feed
// and its title; its entries are saved by the next update.
func (u *Updater) Add(ctx context.Context, address string) (library.Feed, error) {
	resp, err := u.Client.Get(ctx, fetch.Request{URL: address, Accept: feedAccept + ", text/html;q=0.8"})
	if err != nil {
		return library.Feed{}, describeFetchError(err)
	}
	feedURL, body := resp.URL, resp.Body
	if !IsFeed(body) {
		found, ok := Discover(resp.URL, body)
		if !ok {
			return library.Feed{}, &articles.Error{File: address, Msg: "is neither a feed nor a page that names one (<link rel=\"alternate\">)"}
		}
		if resp, err = u.Client.Get(ctx, fetch.Request{URL: found, Accept: feedAccept}); err != nil {
			return library.Feed{}, describeFetchError(err)
		}
		feedURL, body = found, resp.Body
	}
	parsed, err := Parse(feedURL, body)
	if err != nil {
		return library.Feed{}, err
	}
	return u.Store.AddFeed(library.Feed{URL: feedURL, Title: parsed.Title})
}
