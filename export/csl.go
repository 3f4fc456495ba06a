package export

import (
	"encoding/json"
	"io"
	"time"
)

// cslItem is an item of CSL-JSON, the citation format of Zotero, Mendeley
// and pandoc's citeproc.
type cslItem struct {
	ID             string    `json:"id"`
	Type           string    `json:"type"`
	Title          string    `json:"title,omitempty"`
	Author         []cslName `json:"author,omitempty"`
	ContainerTitle string    `json:"container-title,omitempty"`
	Publisher      string    `json:"publisher,omitempty"`
	Issued         *cslDate  `json:"issued,omitempty"`
	Accessed       *cslDate  `json:"accessed,omitempty"`
	URL            string    `json:"URL,omitempty"`
	Keyword        string    `json:"keyword,omitempty"`
}

type cslName struct {
	Family  string `json:"family,omitempty"`
	Given   string `json:"given,omitempty"`
	Literal string `json:"literal,omitempty"`
}

type cslDate struct {
	DateParts [][]int `json:"date-parts"`
}

// WriteCSL writes one CSL-JSON item per article, as an array: its type
// (article-magazine, article-newspaper, report or book), title, authors,
// publication (the container, or a report's or book's publisher), date, address,
// the day it was read, and its tags as keywords. The IDs are the BibTeX
// export's keys.
func WriteCSL(w io.Writer, arts []Article) error {
	items := make([]cslItem, 0, len(arts))
	for i, key := range citeKeys(arts) {
		a := arts[i]
		kind := a.Kind
		if kind == "" {
			kind = KindOf(a.Source)
		}
		item := cslItem{ID: key, Type: kind, Title: oneLine(a.Title), URL: a.URL}
		for _, p := range people(a.Author) {
			item.Author = append(item.Author, cslName(p))
		}
		if kind == KindReport || kind == KindBook {
			item.Publisher = a.Source
		} else {
			item.ContainerTitle = a.Source
		}
		if parts := dateParts(a.Published); len(parts) > 0 {
			item.Issued = &cslDate{DateParts: [][]int{parts}}
		}
		if !a.Accessed.IsZero() {
			t := a.Accessed.In(time.UTC)
			item.Accessed = &cslDate{DateParts: [][]int{{t.Year(), int(t.Month()), t.Day()}}}
		}
		for j, tag := range a.Tags {
			if j > 0 {
				item.Keyword += ", "
			}
			item.Keyword += tag
		}
		items = append(items, item)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(items)
}
