package pdf_test

import (
	"math/rand"
	"regexp"
	"strings"
	"testing"

	"cable/articles"
	"cable/pdf"
)

var wordRE = regexp.MustCompile(`[\p{L}\p{N}]+`)

func words(s string) map[string]int {
	out := map[string]int{}
	for _, w := range wordRE.FindAllString(strings.ToLower(s), -1) {
		out[w]++
	}
	return out
}

// recallPrecision of got's words against want's, as multisets.
func recallPrecision(want, got map[string]int) (float64, float64) {
	common, nw, ng := 0, 0, 0
	for w, n := range want {
		common += min(n, got[w])
		nw += n
	}
	for _, n := range got {
		ng += n
	}
	return float64(common) / float64(max(nw, 1)), float64(common) / float64(max(ng, 1))
}

var markerRE = regexp.MustCompile(`\[\d+\]`)

func TestConvertReport(t *testing.T) {
	tests := []struct {
		name     string
		chapters int
		metadata bool
		summary  bool
	}{
		{"a report of six chapters, title from its cover", 6, false, false},
		{"a report of three chapters, title in its metadata", 3, true, false},
		{"a report whose contents run over two pages", 15, false, false},
		{"a report with a summary on its cover", 4, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := newReport(tt.chapters, int64(tt.chapters))
			rep.metadata = tt.metadata
			if tt.summary {
				rep.summary = paragraph(rand.New(rand.NewSource(1)), 4)
			}
			c, err := pdf.Convert("report.pdf", rep.write(t), nil)
			if err != nil {
				t.Fatal(err)
			}
			a, err := articles.Parse("report.pdf", c.Markdown, "report")
			if err != nil {
				t.Fatal(err)
			}
			if a.Meta.Title != rep.title || a.Meta.Author != rep.author {
				t.Errorf("title %q, author %q; want %q, %q", a.Meta.Title, a.Meta.Author, rep.title, rep.author)
			}
			// The cover's short lines are the subtitle, not an "Opening"
			// numbered before the first chapter; prose stays the lede.
			lede := a.Sections[0].Kind == articles.Lede
			switch {
			case rep.summary == "" && (a.Meta.Subtitle != rep.org || lede):
				t.Errorf("subtitle %q, an opening section %v; want %q and none", a.Meta.Subtitle, lede, rep.org)
			case rep.summary != "" && (a.Meta.Subtitle != "" || !lede):
				t.Errorf("subtitle %q, an opening section %v; want none and one", a.Meta.Subtitle, lede)
			}
			var text strings.Builder
			text.WriteString(a.Meta.Subtitle + "\n")
			var wantSections, wantSubs, gotSections, gotSubs []string
			for _, ch := range rep.chapters {
				wantSections = append(wantSections, ch.title)
				for _, s := range ch.subs {
					wantSubs = append(wantSubs, s.title)
				}
			}
			for _, s := range a.Sections {
				if s.Kind == articles.Notes {
					continue
				}
				if s.Kind == articles.Body {
					gotSections = append(gotSections, s.Title)
				}
				for i, b := range s.Blocks {
					if b.Heading == 3 {
						gotSubs = append(gotSubs, b.Text)
					}
					if i > 0 || s.Kind == articles.Lede {
						text.WriteString(markerRE.ReplaceAllString(b.Text, " ") + "\n")
					} else {
						text.WriteString(s.Title + "\n")
					}
				}
			}
			if strings.Join(gotSections, " | ") != strings.Join(wantSections, " | ") {
				t.Errorf("sections:\n got %q\nwant %q", gotSections, wantSections)
			}
			if strings.Join(gotSubs, " | ") != strings.Join(wantSubs, " | ") {
				t.Errorf("sub-sections:\n got %q\nwant %q", gotSubs, wantSubs)
			}
			for _, furniture := range []string{"ISS Report", "Page ", "Contents", "....."} {
				if strings.Contains(text.String(), furniture) {
					t.Errorf("%q is in the text", furniture)
				}
			}
			notes := rep.notes()
			if len(a.Footnotes) != len(notes) {
				t.Errorf("%d footnotes, want %d", len(a.Footnotes), len(notes))
			}
			for i, n := range notes {
				if i >= len(a.Footnotes) {
					break
				}
				f := a.Footnotes[i]
				text.WriteString(f.Text + "\n")
				if f.Text != n.text || len(f.Refs) != 1 {
					t.Errorf("note %d = %q with %d markers, want %q", f.Number, f.Text, len(f.Refs), n.text)
					continue
				}
				block := strings.Join(strings.Fields(a.Sections[f.Refs[0].Section].Blocks[f.Refs[0].Block].Text), "")
				if before := block[:f.Refs[0].Offset]; !strings.HasSuffix(before, n.after) {
					t.Errorf("note %d is marked after %q, want after %q", f.Number, before[max(0, len(before)-20):], n.after)
				}
			}
			// Each paragraph is one, across lines, columns and pages.
			blocks := map[string]bool{}
			for _, s := range a.Sections {
				for _, b := range s.Blocks {
					blocks[strings.Join(strings.Fields(markerRE.ReplaceAllString(b.Text, "")), " ")] = true
				}
			}
			whole := 0
			paras := rep.paragraphs()
			for _, p := range paras {
				if blocks[p] {
					whole++
				} else {
					t.Logf("paragraph not whole: %.60q", p)
				}
			}
			if whole < len(paras) {
				t.Errorf("%d of %d paragraphs whole", whole, len(paras))
			}
			recall, precision := recallPrecision(words(rep.source()), words(text.String()))
			if recall < 0.99 || precision < 0.98 {
				t.Errorf("word recall %.4f, precision %.4f", recall, precision)
			}
			if t.Failed() {
				t.Logf("%s", c.Markdown)
			}
		})
	}
}

func TestRefusals(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"a scan", scanned(t), "report.pdf: this PDF holds images of pages, not text"},
		{"a password", protected(t), "report.pdf: is protected by a password"},
		{"no PDF", []byte("PK\x03\x04 a zip"), "report.pdf: is not a PDF"},
		{"a damaged PDF", []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF"), "report.pdf: is damaged or cut off: PDFium cannot read it"},
		{"a PDF cut off", cutOff(t), "report.pdf: is damaged or cut off: PDFium cannot read it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := pdf.Convert("report.pdf", tt.data, nil)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "(3:") {
				t.Errorf("error = %v, want %q…", err, tt.want)
			}
		})
	}
}

// TestLongContentsDropped: every page of a contents that runs over
// twelve pages, past the tenth page, is left out.
func TestLongContentsDropped(t *testing.T) {
	rep := newReport(155, 7)
	c, err := pdf.Convert("report.pdf", rep.write(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := articles.Parse("report.pdf", c.Markdown, "report")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(c.Markdown), "....") {
		t.Errorf("a contents entry is in the text")
	}
	var got []string
	for _, s := range a.Sections {
		if s.Kind == articles.Body {
			got = append(got, s.Title)
		}
	}
	if len(got) != len(rep.chapters) || got[0] != rep.chapters[0].title || got[len(got)-1] != rep.chapters[len(rep.chapters)-1].title {
		t.Errorf("%d sections, from %q to %q; want the %d chapters", len(got), got[0], got[len(got)-1], len(rep.chapters))
	}
}

// TestRestrictedIsRead: a PDF whose owner forbids copying, but which
// opens without a password, is read.
func TestRestrictedIsRead(t *testing.T) {
	rep := newReport(1, 3)
	rep.protect = true
	c, err := pdf.Convert("report.pdf", rep.write(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(c.Markdown), "## 1. Armies and Borders") {
		t.Errorf("the report's text is not there:\n%s", c.Markdown)
	}
}

// cutOff is a report of which only the first third was written.
func cutOff(t testing.TB) []byte {
	data := newReport(3, 1).write(t)
	return data[:len(data)/3]
}
