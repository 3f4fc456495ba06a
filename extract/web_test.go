package extract_test

import (
	"strings"
	"testing"

	"cable/articles"
	"cable/extract"

	"golang.org/x/net/html/charset"
)

func TestKindOf(t *testing.T) {
	tests := []struct {
		contentType, address, body string
		want                       string // "" for an error
	}{
		{"text/html; charset=utf-8", "https://a.org/x", "", extract.KindHTML},
		{"application/xhtml+xml", "https://a.org/x", "", extract.KindHTML},
		{"text/markdown", "https://a.org/x", "", extract.KindMarkdown},
		{"text/x-markdown; charset=utf-8", "https://a.org/x", "", extract.KindMarkdown},
		{"text/plain", "https://a.org/notes.md", "", extract.KindMarkdown},
		{"text/plain", "https://a.org/notes.MARKDOWN?x=1", "", extract.KindMarkdown},
		{"text/plain", "https://a.org/notes.txt", "", extract.KindText},
		{"text/plain", "https://a.org/notes", "", extract.KindText},
		{"", "https://a.org/essay.htm", "", extract.KindHTML},
		{"application/octet-stream", "https://a.org/essay.md", "", extract.KindMarkdown},
		{"", "https://a.org/essay", "<!DOCTYPE html><html><p>x", extract.KindHTML},
		{"", "https://a.org/essay", "Just text.", extract.KindText},
		{"", "https://a.org/essay", "%PDF-1.7\n", ""},
		{"application/pdf", "https://a.org/paper.pdf", "", ""},
		{"image/png", "https://a.org/paper.html", "", ""},
		{"application/rss+xml", "https://a.org/feed", "", ""},
	}
	for _, tt := range tests {
		got, err := extract.KindOf(tt.contentType, tt.address, []byte(tt.body))
		if got != tt.want || (err != nil) != (tt.want == "") {
			t.Errorf("KindOf(%q, %q) = %q, %v; want %q", tt.contentType, tt.address, got, err, tt.want)
		}
		if err != nil && !strings.HasPrefix(err.Error(), tt.address+": ") {
			t.Errorf("error %q does not name the address", err)
		}
	}
}

const webPage = `<!DOCTYPE html><html lang="en"><head><title>Sanctions and their limits</title></head>
<body><article><h1>Sanctions and their limits</h1>
<p>Sanctions are the tool of first resort in foreign policy, and their record is mixed at best, as the
cases of Iran, Russia and Venezuela show in different ways over two decades of use.</p>
<p>See <a href="/notes/more.html">the longer note</a> and the <a href="https://other.org/x">other study</a>
for the numbers behind this claim, which are disputed among economists who study the matter closely.</p>
</article></body></html>`

func parseWeb(t *testing.T, c extract.Converted) *articles.Article {
	t.Helper()
	a, err := articles.Parse("got.md", c.Markdown, "got")
	if err != nil || len(a.Warnings) > 0 {
		t.Fatalf("the article does not parse cleanly: %v %v\n%s", err, a.Warnings, c.Markdown)
	}
	return a
}

// A fetched page without a canonical address takes the one it was
// fetched from, and its relative links are resolved against it rather
// than dropped.
func TestWebPageTakesItsAddress(t *testing.T) {
	c, err := extract.Web("https://think.example/2026/sanctions", extract.KindHTML, []byte(webPage))
	if err != nil {
		t.Fatal(err)
	}
	a := parseWeb(t, c)
	if a.Meta.URL != "https://think.example/2026/sanctions" || a.Meta.Title != "Sanctions and their limits" {
		t.Errorf("url %q, title %q", a.Meta.URL, a.Meta.Title)
	}
	if !strings.Contains(string(c.Markdown), "(https://think.example/notes/more.html)") {
		t.Errorf("the relative link is not resolved against the address:\n%s", c.Markdown)
	}
}

func TestWebPageKeepsItsCanonicalAddress(t *testing.T) {
	page := strings.Replace(webPage, "<head>", `<head><link rel="canonical" href="https://think.example/sanctions">`, 1)
	c, err := extract.Web("https://think.example/sanctions?utm_source=feed", extract.KindHTML, []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if a := parseWeb(t, c); a.Meta.URL != "https://think.example/sanctions" {
		t.Errorf("url %q, want the canonical one", a.Meta.URL)
	}
}

func TestWebMarkdownAndTextTakeTheirAddress(t *testing.T) {
	tests := []struct {
		kind, body, wantURL, wantTitle string
	}{
		{extract.KindMarkdown, "# Deterrence\n\nA paragraph about deterrence.\n", "https://a.org/d.md", "Deterrence"},
		{extract.KindMarkdown, "---\ntitle: \"Given\"\n---\n\nText.\n", "https://a.org/d.md", "Given"},
		{extract.KindMarkdown, "---\ntitle: Given\nurl: https://b.org/own\n---\n\nText.\n", "https://b.org/own", "Given"},
		{extract.KindMarkdown, "---\ntitle: Given\nsummary: |\n  two\n  lines\n---\n\nText.\n", "https://a.org/d.md", "Given"},
		{extract.KindText, "Deterrence\n\nA paragraph about deterrence.\n", "https://a.org/d.md", "Deterrence"},
	}
	for _, tt := range tests {
		c, err := extract.Web("https://a.org/d.md", tt.kind, []byte(tt.body))
		if err != nil {
			t.Errorf("%q: %v", tt.body, err)
			continue
		}
		if a := parseWeb(t, c); a.Meta.URL != tt.wantURL || a.Meta.Title != tt.wantTitle {
			t.Errorf("%q: url %q, title %q; want %q, %q", tt.body, a.Meta.URL, a.Meta.Title, tt.wantURL, tt.wantTitle)
		}
	}
}

func TestWebErrorsNameTheAddress(t *testing.T) {
	for _, tt := range []struct{ kind, body string }{
		{extract.KindHTML, "<html><body><form><input></form></body></html>"},
		{extract.KindText, "   \n"},
		{extract.KindMarkdown, ""},
	} {
		_, err := extract.Web("https://a.org/empty", tt.kind, []byte(tt.body))
		if err == nil || !strings.HasPrefix(err.Error(), "https://a.org/empty: ") {
			t.Errorf("%s %q: error %v, want one naming the address", tt.kind, tt.body, err)
		}
	}
}

// FuzzWeb feeds arbitrary bodies, of every kind a server may claim, to
// the path "cable get" takes: KindOf and then Web. Each either fails with
// an error naming the address, or gives an article that parses, with the
// address it came from, or the page's own, as its url.
func FuzzWeb(f *testing.F) {
	fuzzSeeds(f, 40, fixture("news-page.html"), fixture("minimal-page.html"), fixture("hard-wrapped.txt"), fixture("with-front-matter.md"))
	f.Add([]byte(webPage))
	const address = "https://fuzz.example/a/page"
	types := []string{"text/html", "text/markdown", "text/plain", "", "application/octet-stream"}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, contentType := range types {
			kind, err := extract.KindOf(contentType, address, data)
			if err == nil {
				var c extract.Converted
				c, err = extract.Web(address, kind, data)
				if err == nil {
					a, perr := articles.Parse("fuzz.md", c.Markdown, "fuzz")
					if perr != nil {
						t.Fatalf("%s as %s: the article does not parse: %v\n%s", contentType, kind, perr, c.Markdown)
					}
					if a.Meta.URL == "" {
						t.Fatalf("%s as %s: no url in\n%s", contentType, kind, c.Markdown)
					}
				}
			}
			if err != nil && (!strings.HasPrefix(err.Error(), address+":") || strings.Contains(err.Error(), "internal error")) {
				t.Fatalf("%s: unexpected error: %v", contentType, err)
			}
		}
	})
}

// A page in another charset than UTF-8, which says so only in its
// Content-Type, is decoded by that charset.
func TestWebTypedDecodesTheHeadersCharset(t *testing.T) {
	enc, _ := charset.Lookup("windows-1251")
	page := "<html><head><title>Санкции и их пределы</title></head><body><article><h1>Санкции и их пределы</h1>" +
		"<p>" + strings.Repeat("Санкции остаются первым инструментом внешней политики. ", 8) + "</p></article></body></html>"
	data, err := enc.NewEncoder().Bytes([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	c, err := extract.WebTyped("https://ru.example/sanctions", "text/html; charset=windows-1251", extract.KindHTML, data)
	if err != nil {
		t.Fatal(err)
	}
	if a := parseWeb(t, c); a.Meta.Title != "Санкции и их пределы" {
		t.Errorf("title %q", a.Meta.Title)
	}
	plain, err := enc.NewEncoder().Bytes([]byte("Пределы санкций\n\nСанкции остаются первым инструментом.\n"))
	if err != nil {
		t.Fatal(err)
	}
	c, err = extract.WebTyped("https://ru.example/notes.txt", "text/plain; charset=windows-1251", extract.KindText, plain)
	if err != nil {
		t.Fatal(err)
	}
	if a := parseWeb(t, c); a.Meta.Title != "Пределы санкций" {
		t.Errorf("text title %q", a.Meta.Title)
	}
}
