package pdf_test

import (
	"strings"
	"testing"
	"time"

	"cable/articles"
	"cable/pdf"
)

// FuzzImportPDF: whatever the bytes, converting them ends within its time
// limit, with an article that parses or an error naming the file.
func FuzzImportPDF(f *testing.F) {
	f.Add(newReport(2, 1).write(f))
	f.Add(scanned(f))
	f.Add(protected(f))
	f.Add([]byte("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := pdf.ConvertWithin("fuzz.pdf", data, nil, 10*time.Second)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.pdf: ") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if _, err := articles.Parse("fuzz.pdf", c.Markdown, "fuzz"); err != nil {
			t.Fatalf("converted article does not parse: %v", err)
		}
		if strings.ContainsAny(string(c.Markdown), "\ue032\ue033\x1b") {
			t.Fatalf("stand-in or escape left in the article:\n%q", c.Markdown)
		}
	})
}
