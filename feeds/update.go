package feeds

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"cable/articles"
	"cable/fetch"
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
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Result is how the update of one feed went.
type Result struct {
	Feed library.Feed
	// Saved are the paths of the articles saved, in the order saved.
	Saved []string
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
	if len(r.Skipped) > 0 {
		s += fmt.Sprintf(", %d could not be saved (%s)", len(r.Skipped), firstLine(r.Skipped[0].Error()))
	}
	return s
}

// Events are what Update says while it works; each may be nil. They are
// called one at a time.
type Events struct {
	// Saved is called after each article is saved, with its path.
	Saved func(f library.Feed, path string)
	// Done is called when a feed is finished.
	Done func(Result)
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
	return results
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
	r.Saved, r.Skipped, err = u.saveEntries(ctx, r.Feed, parsed, onSaved)
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
func (u *Updater) saveEntries(ctx context.Context, f library.Feed, p *Parsed, onSaved func(string)) (saved []string, skipped []error, err error) {
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
		path, err := u.saveEntry(ctx, f, e)
		// An article saved and recorded as the context was cancelled is
		// saved all the same: it is told before the update stops.
		if err == nil && path != "" {
			saved = append(saved, path)
			u.Store.MarkNew(path) // new until opened; a mark not kept loses nothing saved
			onSaved(path)
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

// saveEntry makes one entry into an article and writes it, unless its
// page turns out to be one saved already under another address. It
// returns the path written, or "" when nothing was.
func (u *Updater) saveEntry(ctx context.Context, f library.Feed, e Entry) (string, error) {
	a, err := entryArticle(ctx, u.Client, f.Label(), e)
	if err != nil {
		return "", err
	}
	if a.url != "" && a.url != e.Link {
		seen, err := u.Store.EntrySeen(f.URL, "", a.url)
		if err != nil {
			return "", err
		}
		if seen {
			return "", u.Store.RecordEntry(f.URL, entryKey(e), e.Link, "")
		}
	}
	path, err := library.SaveFile(filepath.Join(u.Dir, f.Name), library.SafeFileName(a.title), a.markdown)
	if err != nil {
		return "", err
	}
	url := a.url
	if url == "" {
		url = e.Link
	}
	if err := u.Store.RecordEntry(f.URL, entryKey(e), url, path); err != nil {
		// An article saved but not recorded would be saved a second
		// time, as name-2.md, by the next update: it is taken back, and
		// saved then.
		os.Remove(path)
		return "", err
	}
	if a.url != e.Link && e.Link != "" {
		// Both addresses are the entry's: a second feed may carry either.
		_ = u.Store.RecordEntry(f.URL, "link:"+e.Link, e.Link, path)
	}
	return path, nil
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
