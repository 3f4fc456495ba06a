package feeds

import (
	"cable/internal/testsupport"
	"strings"
	"testing"
)

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>War on the Rocks</title>
  <link href="https://warontherocks.example/"/>
  <author><name>Editors</name></author>
  <entry>
    <title>Deterrence in the Gulf</title>
    <link rel="alternate" href="/2024/03/deterrence"/>
    <id>tag:wotr,2024:1</id>
    <published>2024-03-05T08:00:00Z</published>
    <summary>Why the Gulf states hedge.</summary>
    <content type="html">&lt;p&gt;The Gulf states hedge.&lt;/p&gt;</content>
  </entry>
</feed>`

const jsonFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Lawfare",
  "home_page_url": "https://lawfare.example/",
  "items": [
    {"id": "42", "url": "https://lawfare.example/42", "title": "Sanctions and Courts",
     "content_html": "<p>Courts and sanctions.</p>", "summary": "Short.",
     "date_published": "2024-02-01T00:00:00Z", "authors": [{"name": "A. Jurist"}]}
  ]
}`

// TestParseFormats reads RSS 2.0, Atom and JSON Feed into the same
// entries: title, absolute link, GUID, author and day.
func TestParseFormats(t *testing.T) {
	rss := `<?xml version="1.0"?><rss version="2.0"><channel><title>Foreign Affairs</title><link>https://fa.example/</link>
<item><title>The Return of Great-Power Rivalry</title><link>https://fa.example/rivalry</link><guid isPermaLink="false">fa-1</guid>
<author>editor@fa.example (Jane Doe)</author><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate><description>Rivalry is back.</description></item>
</channel></rss>`
	tests := []struct {
		name, address, data string
		want                Entry
		feedTitle           string
	}{
		{"rss", "https://fa.example/feed", rss, Entry{GUID: "fa-1", Title: "The Return of Great-Power Rivalry", Link: "https://fa.example/rivalry", Published: "2024-01-02", Description: "Rivalry is back."}, "Foreign Affairs"},
		{"atom", "https://warontherocks.example/feed.atom", atomFeed, Entry{GUID: "tag:wotr,2024:1", Title: "Deterrence in the Gulf", Link: "https://warontherocks.example/2024/03/deterrence", Published: "2024-03-05", Description: "Why the Gulf states hedge.", Content: "<p>The Gulf states hedge.</p>"}, "War on the Rocks"},
		{"json", "https://lawfare.example/feed.json", jsonFeed, Entry{GUID: "42", Title: "Sanctions and Courts", Link: "https://lawfare.example/42", Author: "A. Jurist", Published: "2024-02-01", Description: "Short.", Content: "<p>Courts and sanctions.</p>"}, "Lawfare"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Parse(tt.address, []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if p.Title != tt.feedTitle {
				t.Errorf("feed title %q, want %q", p.Title, tt.feedTitle)
			}
			if len(p.Entries) != 1 {
				t.Fatalf("%d entries, want 1", len(p.Entries))
			}
			got := p.Entries[0]
			got.Author = tt.want.Author // RSS's author is an address; only JSON's is checked
			if got != tt.want {
				t.Errorf("entry\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// TestParseRefusesWhatIsNoFeed: broken XML, a page, and nothing at all
// are errors that name the address, and never panics.
func TestParseRefusesWhatIsNoFeed(t *testing.T) {
	for name, data := range map[string]string{
		"broken xml": `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut off<item><title>`,
		"a page":     `<!DOCTYPE html><html><body><p>Hello</p></body></html>`,
		"empty":      ``,
		"json":       `{"not": "a feed"}`,
	} {
		_, err := Parse("https://x.example/feed", []byte(data))
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if !strings.HasPrefix(err.Error(), "https://x.example/feed: ") {
			t.Errorf("%s: error %q does not name the address", name, err)
		}
	}
}

// TestParseHostileText: titles, authors and bodies are untrusted; escape
// sequences, control characters and line breaks in them never reach the
// article, a screen or a file name.
func TestParseHostileText(t *testing.T) {
	hostile := "\x1b]0;pwned\x07\x1b[2J\x1b[31mRed\rTitle\x1b[0m\nsecond line\x9b1m\x00"
	data := `<?xml version="1.0"?><rss version="2.0"><channel><title>` + xmlEscape(hostile) + `</title>
<item><title>` + xmlEscape(hostile) + `</title><link>javascript:alert(1)</link><guid>` + xmlEscape(hostile) + `</guid>
<description>` + xmlEscape("<p>"+hostile+"</p>") + `</description></item></channel></rss>`
	p, err := Parse("https://x.example/feed", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	e := p.Entries[0]
	for name, s := range map[string]string{"feed title": p.Title, "title": e.Title, "guid": e.GUID, "description": e.Description} {
		if strings.ContainsAny(s, "\x1b\x07\x00\r\u009b") {
			t.Errorf("%s keeps control characters: %q", name, s)
		}
	}
	if strings.Contains(e.Title, "\n") || !strings.Contains(e.Title, "Red") {
		t.Errorf("title %q: want one line keeping its text", e.Title)
	}
	if e.Link != "" {
		t.Errorf("a javascript: link was kept: %q", e.Link)
	}
}

// xmlEscape escapes markup but leaves control characters raw, as a
// careless or hostile feed writes them.
func xmlEscape(s string) string {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}

// TestParseHostileJSON: JSON can carry any control character escaped;
// the entries come out clean all the same.
func TestParseHostileJSON(t *testing.T) {
	data := `{"version": "https://jsonfeed.org/version/1.1", "title": "\u001b]8;;http://evil\u0007Lawfare\u001b[0m",
	 "items": [{"id": "1", "url": "https://l.example/1", "title": "A\u001b[2Jb\u0000c\nd", "content_html": "<p>x\u001b[31my</p>"}]}`
	p, err := Parse("https://l.example/feed.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Lawfare" || p.Entries[0].Title != "Abc d" || p.Entries[0].Content != "<p>xy</p>" {
		t.Errorf("got %q, %q, %q", p.Title, p.Entries[0].Title, p.Entries[0].Content)
	}
}

// TestDiscover finds the feed a page names in its head.
func TestDiscover(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"rss", `<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head></html>`, "https://s.example/feed.xml"},
		{"atom, absolute", `<html><head><link rel="stylesheet" href="/a.css"><link rel="alternate" type="application/atom+xml" href="https://f.example/atom"></head></html>`, "https://f.example/atom"},
		{"json feed, rel in capitals", `<html><head><LINK REL="Alternate" TYPE="application/feed+json" HREF="feed.json"></head></html>`, "https://s.example/blog/feed.json"},
		{"alternate language is no feed", `<html><head><link rel="alternate" hreflang="fr" href="/fr/"></head></html>`, ""},
		{"in the body, ignored", `<html><head></head><body><link rel="alternate" type="application/rss+xml" href="/feed.xml"></body></html>`, ""},
		{"javascript href", `<html><head><link rel="alternate" type="application/rss+xml" href="javascript:x()"></head></html>`, ""},
	}
	for _, tt := range tests {
		got, ok := Discover("https://s.example/blog/post", []byte(tt.page))
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: got %q, %v; want %q", tt.name, got, ok, tt.want)
		}
	}
}

// TestCarriesArticle is the decision between the feed's own text and the
// entry's page.
func TestCarriesArticle(t *testing.T) {
	long := "<p>" + testsupport.Words(160, "w") + "</p>"
	tests := []struct {
		name, content, description string
		want                       bool
	}{
		{"long content", long, "A summary.", true},
		{"no content", "", testsupport.Words(40, "d"), false},
		{"short content, same as summary", "<p>" + testsupport.Words(40, "c") + "</p>", testsupport.Words(40, "d"), false},
		{"medium content, much longer than summary", "<p>" + testsupport.Words(100, "c") + "</p>", testsupport.Words(15, "d"), true},
		{"medium content, no summary", "<p>" + testsupport.Words(100, "c") + "</p>", "", false},
		{"markup is not words", "<p>" + strings.Repeat(`<span class="x"></span>`, 500) + "</p>", "", false},
	}
	for _, tt := range tests {
		if got := carriesArticle(tt.content, tt.description); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
