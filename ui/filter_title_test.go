package ui

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"runtime"
	"strconv"
	"testing"
	"time"

	"cable/library"
	"cable/render"

	"github.com/charmbracelet/bubbles/list"
)

// TestFilterTitleCountsWhatTheListShows: the count in a filtered list's
// title, kept between the messages that cannot change the matches, is
// the count of the rows shown after every step: letters typed and taken
// back, the filter applied, dropped and set again, and the items set
// again (a sync's new list) while a filter is set.
func TestFilterTitleCountsWhatTheListShows(t *testing.T) {
	entries := make([]library.Entry, 60)
	words := []string{"sanctions", "ceasefire", "corridor", "strait", "summit"}
	for i := range entries {
		key := fmt.Sprintf("/lib/article-%02d.md", i)
		entries[i] = library.Entry{Key: key, Source: library.SourceLibrary, Added: time.Date(2026, 1, 1, i, 0, 0, 0, time.UTC)}
		s := &entries[i].Summary
		s.ID, s.Origin = fmt.Sprintf("article-%02d", i), key
		s.Title = fmt.Sprintf("The %s and the %s", words[i%5], words[(i/5)%5])
	}
	ctx := testContext(render.StyleDark, 100, 30)
	ctx.Catalog = &library.Catalog{Entries: entries}
	m := startModel(t, ctx)
	count := regexp.MustCompile(`cable · ([0-9]+) of ([0-9]+) articles`)
	check := func(step string) {
		t.Helper()
		l := &m.library.list
		if l.FilterState() == list.Unfiltered {
			return
		}
		shown := 0
		for _, it := range l.VisibleItems() {
			if _, resumed := it.(continueItem); !resumed {
				shown++
			}
		}
		got := count.FindStringSubmatch(l.Title)
		if got == nil || got[1] != strconv.Itoa(shown) || got[2] != strconv.Itoa(len(m.ctx.Catalog.Entries)) {
			t.Errorf("after %s the title reads %q; the list shows %d of %d", step, l.Title, shown, len(m.ctx.Catalog.Entries))
		}
	}
	step := func(k string) {
		t.Helper()
		next, cmd := press(t, m, k)
		m = settle(t, next, cmd)
		check(k)
	}
	for _, k := range []string{"/", "s", "t", "backspace", "u", "backspace", "backspace", "c", "o", "enter", "esc", "/", "s", "a"} {
		step(k)
	}
	// A sync's list while the filter is set: fewer articles, other titles.
	m.ctx.Catalog.Entries = entries[:37]
	m.library.refresh()
	check("the items set again")
	for _, k := range []string{"backspace", "esc", "/", "c"} {
		step(k)
	}
	// And any sequence of them.
	r := rand.New(rand.NewPCG(1, 2))
	keys := []string{"/", "s", "t", "a", "c", "o", " ", "backspace", "backspace", "enter", "esc", "j"}
	for range 300 {
		if r.IntN(20) == 0 {
			m.ctx.Catalog.Entries = entries[:10+r.IntN(50)]
			m.library.refresh()
			check("the items set again")
			continue
		}
		step(keys[r.IntN(len(keys))])
	}
}

// TestFilterTitleDoesNotCopyTheMatches: the title is set after every
// message; while the matches stay as they are, setting it copies none of
// them (the list's VisibleItems copies them all: 5,000 here, 80 KB).
func TestFilterTitleDoesNotCopyTheMatches(t *testing.T) {
	entries := make([]library.Entry, 5000)
	for i := range entries {
		key := fmt.Sprintf("/lib/article-%04d.md", i)
		entries[i] = library.Entry{Key: key, Source: library.SourceLibrary}
		entries[i].Summary.ID, entries[i].Summary.Origin, entries[i].Summary.Title = fmt.Sprintf("article-%04d", i), key, "The summit"
	}
	ctx := testContext(render.StyleDark, 100, 30)
	ctx.Catalog = &library.Catalog{Entries: entries}
	m := startModel(t, ctx)
	for _, k := range []string{"/", "s", "enter"} {
		next, cmd := press(t, m, k)
		m = settle(t, next, cmd)
	}
	if l := m.library.list; l.FilterState() != list.FilterApplied || len(l.VisibleItems()) != len(entries) {
		t.Fatalf("the filter is %v and shows %d", l.FilterState(), len(l.VisibleItems()))
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 100 {
		m.library.setTitle()
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 256<<10 {
		t.Errorf("setting the title 100 times allocated %d bytes", n)
	}
}
