// Package export writes the reader's highlights where a reader writes:
// Markdown for a notes app (one document per article, with YAML front
// matter), CSV in Readwise's import columns, JSON with everything, and
// citations as BibTeX and CSL-JSON for a reference manager. It formats
// only: the command gathers the articles and their highlights from the
// library and says where the output goes. It knows nothing of screens.
//
// export.go holds the articles as exported and how they are gathered;
// markdown.go, csv.go, json.go, bibtex.go and csl.go one format each;
// dir.go writes Markdown files into a folder without losing what the
// reader wrote in them.
package export

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"cable/library"
)

// Article is one article with its highlights, as exported.
type Article struct {
	// ID is the article's ID, as "cable list" shows it.
	ID        string
	Key       string
	Title     string
	Author    string
	Source    string
	URL       string
	Published string // YYYY-MM-DD, or less, or ""
	Tags      []string
	// Kind is the CSL type: KindMagazine, KindNewspaper, KindReport or
	// KindBook.
	Kind string
	// Accessed is when the reader read it: its first highlight, or when
	// it came into the library.
	Accessed time.Time
	// Highlights in the order of the text.
	Highlights []library.Highlight
	// NotFound holds the IDs of highlights whose passage is no longer in
	// the article's text.
	NotFound map[string]bool
	// Places name where each highlight (by ID) stands in the article's
	// text as it is now, as the reader names it ("§3.2 ¶1"); a highlight
	// without one is named by where it was made (see Place).
	Places map[string]string
}

// Place names where a highlight of this article is: as the reader names
// it in the text as it is now, or where it was made.
func (a Article) Place(h library.Highlight) string {
	if p, ok := a.Places[h.ID]; ok {
		return p
	}
	return Place(h)
}

// The CSL types an article can be cited as.
const (
	KindMagazine  = "article-magazine"
	KindNewspaper = "article-newspaper"
	KindReport    = "report"
	KindBook      = "book"
)

// Formats are the formats Write knows, the first the default.
var Formats = []string{"md", "csv", "json", "bibtex", "csl-json"}

// Write writes articles in a format to w.
func Write(w io.Writer, format string, arts []Article) error {
	switch format {
	case "md":
		return WriteMarkdown(w, arts)
	case "csv":
		return WriteCSV(w, arts)
	case "json":
		return WriteJSON(w, arts)
	case "bibtex":
		return WriteBibTeX(w, arts)
	case "csl-json":
		return WriteCSL(w, arts)
	}
	return fmt.Errorf("no export format %q: %s", format, strings.Join(Formats, ", "))
}

// Gather groups highlights by article, taking what is known of each
// article from its highlights (the citation each keeps): the articles
// with the newest highlight first, each one's highlights in the order of
// the text. The caller may then fill in what the library knows better.
func Gather(hs []library.Highlight) []Article {
	byKey := map[string]*Article{}
	var order []string
	newest := map[string]time.Time{}
	for _, h := range hs {
		a, ok := byKey[h.Key]
		if !ok {
			a = &Article{ID: h.ArticleID, Key: h.Key, Title: h.Title, Author: h.Author, Source: h.Source,
				URL: h.URL, Published: h.Published, Accessed: h.Created}
			byKey[h.Key] = a
			order = append(order, h.Key)
		}
		a.Highlights = append(a.Highlights, h)
		if h.Created.Before(a.Accessed) {
			a.Accessed = h.Created
		}
		if h.Created.After(newest[h.Key]) {
			newest[h.Key] = h.Created
		}
	}
	out := make([]Article, 0, len(order))
	for _, key := range order {
		a := byKey[key]
		sort.SliceStable(a.Highlights, func(i, j int) bool { return textOrder(a.Highlights[i], a.Highlights[j]) })
		a.Kind = KindOf(a.Source)
		out = append(out, *a)
	}
	sort.SliceStable(out, func(i, j int) bool { return newest[out[i].Key].After(newest[out[j].Key]) })
	return out
}

func textOrder(a, b library.Highlight) bool {
	x, y := a.Anchor, b.Anchor
	if x.Section != y.Section {
		return x.Section < y.Section
	}
	if x.Block != y.Block {
		return x.Block < y.Block
	}
	return x.Start < y.Start
}

// Place names where a highlight was made, by its section and block: "§3
// ¶2", or "§3" for the start of a section. It knows nothing of the
// article's sub-sections or paragraph numbers; Article.Place does.
func Place(h library.Highlight) string {
	if h.Anchor.Block == 0 {
		return fmt.Sprintf("§%d", h.Anchor.Section+1)
	}
	return fmt.Sprintf("§%d ¶%d", h.Anchor.Section+1, h.Anchor.Block)
}

// KindOf is the CSL type of a piece from its publication's name, which is
// what an article's front matter says of it: a newspaper by the words
// newspapers go by, a report by those of the institutes, centres and
// offices that publish reports, and a magazine (the journals, reviews and
// online publications cable's readers read most) otherwise.
func KindOf(source string) string {
	s := " " + strings.ToLower(source) + " "
	for _, w := range newspaperWords {
		if strings.Contains(s, w) {
			return KindNewspaper
		}
	}
	for _, w := range reportWords {
		if strings.Contains(s, w) {
			return KindReport
		}
	}
	return KindMagazine
}

var newspaperWords = []string{" times ", " post ", " herald ", " tribune ", " gazette ", " telegraph ", " guardian ",
	" daily ", " le monde ", " die zeit ", " frankfurter ", " haaretz ", " asahi ", " newspaper ", "wall street journal",
	" chronicle ", " observer ", " independent ", " globe ", " mail "}

var reportWords = []string{"institute", "institution", " center ", " centre ", " council ", " foundation ",
	" rand ", " office ", " commission ", " crisis group ", " service ", " agency ", " ministry ", " department ",
	" sipri ", " iiss ", " chatham house ", " brookings ", " carnegie ", " csis ", " think tank "}
