package library

import (
	"io"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"cable/articles"
)

// CanonicalURL is the form of an address two articles are compared by: the
// same page reached by "HTTPS://Example.org/a/?utm_source=feed#top" and
// "https://example.org/a" is the same article. Scheme and host are lower
// case, a default port is dropped, the fragment and every utm_* parameter
// are dropped, the other parameters are sorted, and a trailing slash is
// dropped from the path. http and https are kept apart: they are the same
// page only by convention. An address that cannot be parsed is returned
// trimmed, as it is.
func CanonicalURL(address string) string {
	address = strings.TrimSpace(address)
	u, err := url.Parse(address)
	if err != nil || u.Host == "" {
		return address
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if port := u.Port(); (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		u.Host = strings.TrimSuffix(u.Host, ":"+port)
	}
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	q := u.Query()
	for k := range q {
		if strings.HasPrefix(strings.ToLower(k), "utm_") {
			q.Del(k)
		}
	}
	u.RawQuery = q.Encode() // sorted by key
	u.ForceQuery = false
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = strings.TrimRight(u.RawPath, "/")
	return u.String()
}

// metaHead is how much of a file is read for its front matter: far more
// than any front matter cable writes, a small part of most articles.
const metaHead = 8 << 10

// ArticleURLs maps the canonical address of each of the files named to
// the file, from the url in its front matter; files without one, or that
// cannot be read, are left out. Only the head of each file is read: this
// runs over the whole library before anything is fetched.
func ArticleURLs(paths []string) map[string]string {
	// Opening and reading ten thousand files is system calls, which two
	// goroutines a core overlap.
	urls := make([]string, len(paths))
	workers := min(2*runtime.GOMAXPROCS(0), len(paths))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(paths); i += workers {
				urls[i] = fileURL(paths[i])
			}
		})
	}
	wg.Wait()
	out := make(map[string]string, len(paths))
	for i, u := range urls {
		if _, taken := out[u]; u != "" && !taken {
			out[u] = paths[i]
		}
	}
	return out
}

// fileURL is the canonical url of an article file's front matter, or "".
func fileURL(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head, err := io.ReadAll(io.LimitReader(f, metaHead))
	if err != nil {
		return ""
	}
	if u, ok := quickURL(head); ok {
		return CanonicalURL(u)
	}
	m, ok := articles.ReadMeta(head)
	if !ok && len(head) == metaHead {
		// Front matter longer than the head: read the whole file.
		rest, err := io.ReadAll(io.LimitReader(f, articles.MaxSize))
		if err != nil {
			return ""
		}
		m, ok = articles.ReadMeta(append(head, rest...))
	}
	if !ok || m.URL == "" {
		return ""
	}
	return CanonicalURL(m.URL)
}

// quickURL reads the url field of front matter without a YAML parser,
// which costs ten times more than reading the file: the front matter
// cable writes, and most written by hand, has it on one line of its own,
// plain or double-quoted. ok is false when the head holds anything else
// (no closed front matter, a value in another form), for ReadMeta to
// read; ok with "" means the front matter has no url.
func quickURL(head []byte) (string, bool) {
	text := string(head)
	if !strings.HasPrefix(text, "---\n") {
		return "", false
	}
	found, value := false, ""
	for _, line := range strings.Split(text[4:], "\n") {
		if strings.TrimRight(line, " \t\r") == "---" {
			return value, true
		}
		if found || !strings.HasPrefix(line, "url:") {
			continue
		}
		found = true
		v := strings.TrimSpace(strings.TrimPrefix(line, "url:"))
		switch {
		case strings.HasPrefix(v, `"`):
			u, err := strconv.Unquote(v)
			if err != nil {
				return "", false
			}
			value = u
		case v == "" || strings.ContainsAny(v[:1], "'|>&*[{!%@`#") || strings.Contains(v, " #"):
			return "", false
		default:
			value = v
		}
	}
	return "", false
}
