package library

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"cable/articles"
	"cable/crash"
	"cable/extract"
)

// A file named on the command line ("cable read page.html", "cable
// notes.txt") need not be an article: a page saved from a browser or a
// text is read as "cable import" would write it, converted in memory and
// never saved, so that what is shown is the article, not the page's CSS
// and scripts. Anything else that is plainly no article (a .json, a .pdf,
// a binary without an extension) is refused, saying what cable reads,
// rather than shown as Markdown.

// readableKinds says what cable reads, for the message that refuses a file.
const readableKinds = "cable reads articles in Markdown (.md, .markdown), and web pages (.html, .htm) and text (.txt), which it converts as \"cable import\" does"

// sniffSize is how much of a file without an extension is looked at to
// tell text from a binary or a web page, as http.DetectContentType does.
const sniffSize = 512

// CheckReadable is nil when cable can read the file at path as an article,
// by its name (and, for a name without an extension, its first bytes), and
// otherwise an error that names the file and says what cable reads. It is
// asked before a file named on the command line is opened; a file that
// cannot be opened at all is left for the reading to report.
func CheckReadable(path string) error {
	if filepath.Ext(path) != "" {
		return checkReadable(path, nil)
	}
	// Looked at before it is opened: opening a named pipe with no writer
	// would wait for ever.
	if info, err := os.Stat(path); err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, sniffSize)
	n, _ := io.ReadFull(f, head)
	return checkReadable(path, head[:n])
}

// checkReadable decides from a file's name, and for a name without an
// extension from the first bytes of its contents (head), whether cable
// reads it.
func checkReadable(path string, head []byte) error {
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case articles.IsArticleFile(path) || extract.Converts(path):
		return nil
	case documentKind(path) != "":
		// A report or a book is converted once, with its layout worked
		// out, and kept: it is imported, not read in passing.
		return &articles.Error{File: path, Msg: fmt.Sprintf("is a %s file: \"cable import %s\" makes an article of it, then it opens from the library", strings.TrimPrefix(ext, "."), path)}
	case ext != "" && ext != ".":
		return &articles.Error{File: path, Msg: fmt.Sprintf("cannot read %s files: %s", ext, readableKinds)}
	case looksBinary(head):
		return &articles.Error{File: path, Msg: "is not a text file: " + readableKinds}
	case looksLikeHTML(head):
		return &articles.Error{File: path, Msg: "is a web page without .html in its name: " + readableKinds}
	}
	return nil
}

// looksBinary says whether the start of a file is not text: it holds a
// NUL byte or is not UTF-8 (a character cut at the end of head aside).
func looksBinary(head []byte) bool {
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	for len(head) > 0 {
		r, size := utf8.DecodeRune(head)
		if r == utf8.RuneError && size <= 1 {
			return len(head) >= utf8.UTFMax || utf8.FullRune(head)
		}
		head = head[size:]
	}
	return false
}

// looksLikeHTML says whether a text starts as a web page does.
func looksLikeHTML(head []byte) bool {
	s := strings.ToLower(strings.TrimLeft(strings.TrimPrefix(string(head), "\ufeff"), " \t\r\n"))
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html")
}

// parseArticle parses the bytes of a file as cable reads it: Markdown as
// it is, a page or a text converted as "cable import" converts it. A
// converted article's problems are a converter's, and are refused as the
// import refuses them; a file that is no article is refused (see
// checkReadable).
func parseArticle(path string, data []byte, id string) (*articles.Article, error) {
	head := data[:min(len(data), sniffSize)]
	if err := checkReadable(path, head); err != nil {
		return nil, err
	}
	if extract.Converts(path) {
		c, err := extract.Article(path, data)
		if err != nil {
			return nil, err
		}
		data = c.Markdown
	}
	return articles.Parse(path, data, id)
}

// ReadArticle reads and parses the article file at path, as parseArticle
// says, writing nothing. A panic while doing so is reported to r and
// becomes the file's error.
func ReadArticle(r *crash.Reporter, path string) (*articles.Article, error) {
	return crash.File(r, path, func() (*articles.Article, error) {
		data, err := readArticleFile(path)
		if err != nil {
			return nil, err
		}
		return parseArticle(path, data, articles.Slug(filepath.Base(path)))
	})
}

// readArticleFile reads a whole article file, refusing directories,
// devices and pipes (opening a FIFO blocks) and anything over
// articles.MaxSize before reading it.
func readArticleFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &articles.Error{File: path, Msg: articles.DescribeOpenError(err)}
	}
	switch {
	case info.IsDir():
		return nil, &articles.Error{File: path, Msg: "is a directory, not an article file"}
	case !info.Mode().IsRegular():
		return nil, &articles.Error{File: path, Msg: "is not a regular file"}
	case info.Size() > articles.MaxSize:
		return nil, &articles.Error{File: path, Msg: fmt.Sprintf("is %d MiB; articles larger than %d MiB are not read", info.Size()>>20, articles.MaxSize>>20)}
	}
	return readWhole(path, "it is not read")
}

// CheckText refuses, on the way in, bytes that are no article's text, for
// the reason reading them would give: a NUL byte, which no text holds
// (an image, an archive or a program renamed .md). A page in UTF-16,
// which holds NUL bytes and says so with its byte-order mark, is text.
// name is the file or address the bytes came from.
func CheckText(name string, data []byte) error {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return nil
	}
	i := bytes.IndexByte(data, 0)
	if i < 0 {
		return nil
	}
	return &articles.Error{File: name, Line: bytes.Count(data[:i], []byte{'\n'}) + 1, Msg: articles.BinaryMsg}
}
