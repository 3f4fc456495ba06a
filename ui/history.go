package ui

import "cable/articles"

// jumpList is the reader's jump history, as vim keeps one: every jump
// (a section, the contents, the editor's note, a search hit, a bookmark)
// records where it left from; ctrl+o walks back through those places and
// tab (ctrl+i) forward again.
type jumpList struct {
	places []articles.Position
	// next is where the following jump is recorded; it equals len(places)
	// unless the reader has gone back.
	next int
}

// maxJumps bounds the history; the oldest places fall off first.
const maxJumps = 100

// record notes that the reader jumped away from here. Places after a
// step back are forgotten, as a new branch replaces the old one.
func (j *jumpList) record(here articles.Position) {
	j.places = append(j.places[:j.next], here)
	if len(j.places) > maxJumps {
		j.places = j.places[len(j.places)-maxJumps:]
	}
	j.next = len(j.places)
}

// back returns the place before here. The first step back also keeps
// here, so that forward can return to it.
func (j *jumpList) back(here articles.Position) (articles.Position, bool) {
	if j.next == 0 {
		return here, false
	}
	if j.next == len(j.places) {
		j.places = append(j.places, here)
	}
	j.next--
	return j.places[j.next], true
}

// forward returns the place the last back came from.
func (j *jumpList) forward() (articles.Position, bool) {
	if j.next+1 >= len(j.places) {
		return articles.Position{}, false
	}
	j.next++
	return j.places[j.next], true
}
