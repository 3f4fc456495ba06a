package library

import (
	"net/url"
	"strings"
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
