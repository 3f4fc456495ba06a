package extract

import "testing"

// TestConvertedArticlesMustNotWarn: an article cable converted from a
// page or a text that parses with a warning shows a converter's bug, and
// is refused; the same warning in a reader's own Markdown is not.
func TestConvertedArticlesMustNotWarn(t *testing.T) {
	md := []byte("---\ntitle: T\nautor: X\n---\n\nText.\n")
	if err := verifyImport("page.html", md, true); err == nil {
		t.Error("a converted article with a warning was accepted")
	}
	if err := verifyImport("own.md", md, false); err != nil {
		t.Errorf("a Markdown file's own warning refused it: %v", err)
	}
}
