package library

import (
	"io"
	"net/url"
	"os"
	"strings"

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
const metaHead = 64 << 10

// ArticleURLs maps the canonical address of each of the files named to
// the file, from the url in its front matter; files without one, or that
// cannot be read, are left out. Only the head of each file is read: this
// runs over the whole library before anything is fetched.
func ArticleURLs(paths []string) map[string]string {
	out := make(map[string]string, len(paths))
	for _, p := range paths {
		if u := fileURL(p); u != "" {
			if _, taken := out[u]; !taken {
				out[u] = p
			}
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
