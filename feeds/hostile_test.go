package feeds

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"cable/internal/testsupport"
	"cable/library"
)

// TestUpdateHostileEntry: a feed whose titles and text carry escape
// sequences, control characters, a path and markup is saved as a clean
// article under a safe name inside its feed's folder.
func TestUpdateHostileEntry(t *testing.T) {
	s := testsupport.NewSite(t)
	title := "\x1b]0;owned\x07../../\x1b[2JEvil\rTitle\x1b[0m"
	body := "<p>" + testsupport.Words(200, "x") + "\x1b[31m<script>alert(1)</script></p>"
	s.Set("/feed.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>`+xmlEscape("../\x1b[31mHostile Feed")+`</title>
<item><title>`+xmlEscape(title)+`</title><link>`+s.Link("/evil")+`</link><guid>1</guid><description>`+xmlEscape(body)+`</description></item></channel></rss>`)
	u := testUpdater(t)
	f := follow(t, u, s.Link("/feed.xml"))
	if f.Name != "hostile-feed" || f.Title != "../Hostile Feed" {
		t.Errorf("feed stored as %+v", f)
	}
	res := u.Update(context.Background(), []library.Feed{f}, Events{})
	if res[0].Err != nil || len(res[0].Saved) != 1 {
		t.Fatalf("%+v", res[0])
	}
	path := res[0].Saved[0]
	if filepath.Dir(path) != filepath.Join(u.Dir, "hostile-feed") || filepath.Base(path) != "eviltitle.md" {
		t.Errorf("saved as %s", path)
	}
	text := readFile(t, path)
	if strings.ContainsAny(text, "\x1b\x07\r") || strings.Contains(text, "alert(1)") {
		t.Errorf("the article keeps what it must not:\n%q", text)
	}
	a := parseSaved(t, path)
	if a.Meta.Title != "../../EvilTitle" {
		t.Errorf("title %q", a.Meta.Title)
	}
}
