// Package fetch is cable's one HTTP client: every page, feed and article
// cable downloads goes through a Client, so that every request is polite
// (a User-Agent naming cable, limits per host and in all, conditional
// requests) and every response is bounded (timeouts, redirects, size).
// It knows nothing of articles or feeds: bytes come back, callers decide.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// MaxBody is the most a response may hold once decompressed: 16 MiB,
// far beyond any article page or feed, small enough that a hostile server
// cannot fill memory.
const MaxBody = 16 << 20

// Request is one thing to fetch. ETag and LastModified, when set, make the
// request conditional: an unchanged resource comes back as NotModified.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	// Accept is the Accept header; empty means any.
	Accept string
}

// Response is a fetched resource.
type Response struct {
	// URL is where the body came from, after redirects.
	URL          string
	Status       int
	NotModified  bool // a 304: Body is empty, keep what you have
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// Client fetches. Its zero value is not usable: make one with New.
type Client struct {
	http      *http.Client
	userAgent string
}

// Options set a Client up; zero fields take the defaults.
type Options struct {
	// Version goes into the User-Agent: "cable/VERSION (+https://…)".
	Version string
	// Timeout bounds a whole request, body included.
	Timeout time.Duration
	// Transport replaces the default transport (tests point it at a
	// server of their own; nothing else should need it).
	Transport http.RoundTripper
}

// New makes a Client.
func New(o Options) *Client {
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	c := &http.Client{Timeout: o.Timeout, Transport: o.Transport}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= 10 {
			return errors.New("more than 10 redirects")
		}
		return checkScheme(req.URL)
	}
	return &Client{http: c, userAgent: "cable/" + o.Version + " (terminal reader; offline reading)"}
}

// Get fetches r.URL. A status other than 2xx or 304 is an error that names
// the address and the status.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("%s: not an address: %w", r.URL, err)
	}
	if err := checkScheme(u); err != nil {
		return nil, fmt.Errorf("%s: %w", r.URL, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.URL, err)
	}
	req.Header.Set("User-Agent", c.userAgent)
	if r.Accept != "" {
		req.Header.Set("Accept", r.Accept)
	}
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.URL, err)
	}
	defer resp.Body.Close()
	out := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	if resp.StatusCode == http.StatusNotModified {
		out.NotModified = true
		return out, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, fmt.Errorf("%s: the server answered %s", r.URL, resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.URL, err)
	}
	if len(body) > MaxBody {
		return nil, fmt.Errorf("%s: larger than %d MiB; not fetched", r.URL, MaxBody>>20)
	}
	out.Body = body
	return out, nil
}

// checkScheme lets only http and https through: a feed may not point cable
// at a file on the reader's disk.
func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("only http and https addresses are fetched, not %q", u.Scheme+":")
	}
	return nil
}
