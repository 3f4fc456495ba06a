// Package fetch is cable's one HTTP client: every page, feed and article
// cable downloads goes through a Client, so that every request is polite
// (a User-Agent naming cable, limits per host and in all, conditional
// requests) and every response is bounded (timeouts, redirects, size).
// It knows nothing of articles or feeds: bytes come back, callers decide.
package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// MaxBody is the most a response may hold once decompressed: 16 MiB,
// far beyond any article page or feed, small enough that a hostile server
// cannot fill memory.
const MaxBody = 16 << 20

// maxRedirects is how many redirects one request follows: enough for
// http → https → www → the article, never an endless chain.
const maxRedirects = 10

// maxRetries is how many times a failed request is tried again.
const maxRetries = 2

// Request is one thing to fetch. ETag and LastModified, when set, make the
// request conditional: an unchanged resource comes back as NotModified.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	// Accept is the Accept header; empty means any.
	Accept string
	// Progress, when not nil, is told how many bytes of the body have
	// been read, as they arrive: what a command shows while a slow page
	// comes in.
	Progress func(received int64)
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

// Client fetches. Its zero value is not usable: make one with New. A
// Client is safe for use by many goroutines at once, and must be shared
// by them: the limits on requests at a time are the Client's.
type Client struct {
	http      *http.Client
	userAgent string
	opts      Options
	slots     *slots
}

// Options set a Client up; zero fields take the defaults.
type Options struct {
	// Version goes into the User-Agent: "cable/VERSION (…)".
	Version string
	// Timeout bounds a whole request, body included: a server that sends
	// its headers and then stalls is cut off when it runs out. Default 60 s.
	Timeout time.Duration
	// ConnectTimeout bounds opening the connection (the TCP dial; the TLS
	// handshake has the same bound). Default 15 s.
	ConnectTimeout time.Duration
	// Transport replaces the default transport (tests point it at a
	// server of their own; nothing else should need it). ConnectTimeout
	// is then the transport's business.
	Transport http.RoundTripper

	// PerHost and Total are how many requests may be under way at once
	// to one host, and in all. Defaults 2 and 8.
	PerHost, Total int
	// Backoff is the wait before the first retry of a failed request;
	// each retry waits twice as long as the one before. Default 1 s.
	Backoff time.Duration
	// MaxRetryAfter is the longest a 429 or 503's Retry-After is obeyed:
	// a server that asks for a longer wait is not retried, and the error
	// says how long it asked for. Default 60 s.
	MaxRetryAfter time.Duration
	// Wait waits d or until ctx is done, between attempts. nil waits on
	// a timer; tests put a recorder here, so that they neither sleep nor
	// depend on the clock.
	Wait func(ctx context.Context, d time.Duration) error
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = 60 * time.Second
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 15 * time.Second
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	if o.PerHost <= 0 {
		o.PerHost = 2
	}
	if o.Total <= 0 {
		o.Total = 8
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 60 * time.Second
	}
	if o.Wait == nil {
		o.Wait = sleep
	}
	return o
}

// New makes a Client.
func New(o Options) *Client {
	o = o.withDefaults()
	transport := o.Transport
	if transport == nil {
		dialer := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}
		transport = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           dialer.DialContext,
			TLSHandshakeTimeout:   o.ConnectTimeout,
			ForceAttemptHTTP2:     true,
			MaxIdleConns:          o.Total,
			MaxIdleConnsPerHost:   o.PerHost,
			IdleConnTimeout:       90 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	c := &http.Client{Transport: transport}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) > maxRedirects {
			return errTooManyRedirects
		}
		return checkScheme(req.URL)
	}
	return &Client{
		http:      c,
		userAgent: "cable/" + o.Version + " (terminal reader; offline reading)",
		opts:      o,
		slots:     newSlots(o.PerHost, o.Total),
	}
}

var errTooManyRedirects = fmt.Errorf("more than %d redirects", maxRedirects)

// Get fetches r.URL. A status other than 2xx or 304 is an error that names
// the address and the status. A dropped connection, a timeout or a 5xx
// is tried again at most twice, waiting longer each time; a refused
// connection, a failed DNS lookup or an unreachable network is not (that
// is being offline, which a few seconds do not mend). A 429 or 503 waits
// as its Retry-After says. Every error is an *Error: one line that names
// the address.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	// An address typed without its scheme ("127.0.0.1:8799/page",
	// "localhost:8080/x") fails to parse, or parses as a scheme of its
	// own; either way what it lacks is http:// or https://.
	if !strings.Contains(r.URL, "://") && !hasScheme(r.URL) {
		return nil, &Error{URL: r.URL, Msg: schemeError{}.Error()}
	}
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, &Error{URL: r.URL, Msg: "not an address: " + unquoteURLError(err)}
	}
	if err := checkScheme(u); err != nil {
		return nil, &Error{URL: r.URL, Msg: err.Error()}
	}
	if u.Host == "" {
		return nil, &Error{URL: r.URL, Msg: "not an address: it names no host"}
	}
	backoff := c.opts.Backoff
	for attempt := 0; ; attempt++ {
		resp, wait, err := c.attempt(ctx, r, u)
		if err == nil {
			return resp, nil
		}
		var e *Error
		if !errors.As(err, &e) || !e.retry || attempt == maxRetries || ctx.Err() != nil {
			return nil, err
		}
		if wait == 0 {
			wait = backoff
			backoff *= 2
		}
		if werr := c.opts.Wait(ctx, wait); werr != nil {
			return nil, err
		}
	}
}

// attempt makes one request, holding a slot for its host and one in all
// while it runs, so that waiting to retry holds none. wait is what a 429
// or 503 asked for (0 when it said nothing).
func (c *Client) attempt(ctx context.Context, r Request, u *url.URL) (*Response, time.Duration, error) {
	release, err := c.slots.acquire(ctx, strings.ToLower(u.Host))
	if err != nil {
		return nil, 0, &Error{URL: r.URL, Msg: "cancelled", Err: err}
	}
	defer release()
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, 0, &Error{URL: r.URL, Msg: err.Error()}
	}
	c.setHeaders(req, r)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, 0, networkError(r.URL, err, c.opts.Timeout)
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
		return out, 0, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		wait, err := c.statusError(r.URL, resp)
		return nil, wait, err
	}
	if r.Progress != nil {
		resp.Body = &counting{ReadCloser: resp.Body, progress: r.Progress}
	}
	body, err := readBody(r.URL, resp, c.opts.Timeout)
	if err != nil {
		return nil, 0, err
	}
	out.Body = body
	return out, 0, nil
}

func (c *Client) setHeaders(req *http.Request, r Request) {
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
}

// statusError describes a response that is no success. A 429 or 503 is
// retried after its Retry-After, unless that is longer than the client
// will wait; any other 5xx is retried with backoff; a 4xx is the
// request's fault and is not.
func (c *Client) statusError(address string, resp *http.Response) (time.Duration, error) {
	e := &Error{URL: address, Status: resp.StatusCode, Msg: "the server answered " + resp.Status}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		wait, ok := retryAfter(resp.Header.Get("Retry-After"), time.Now())
		if ok && wait > c.opts.MaxRetryAfter {
			e.Msg += fmt.Sprintf(" and asks to wait %s; try again later", wait.Round(time.Second))
			return 0, e
		}
		e.retry = true
		return wait, e
	case resp.StatusCode >= 500:
		e.retry = true
	}
	return 0, e
}

// counting tells its progress how many bytes were read through it.
type counting struct {
	io.ReadCloser
	progress func(int64)
	n        int64
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	if n > 0 {
		c.n += int64(n)
		c.progress(c.n)
	}
	return n, err
}

// readBody reads a successful response's body, decompressed, refusing
// one that says or turns out to be larger than MaxBody without reading
// further. Go's transport decompresses a gzip body it asked for; one that
// comes compressed anyway is decompressed here, so the cap always counts
// what the body inflates to.
func readBody(address string, resp *http.Response, timeout time.Duration) ([]byte, error) {
	tooLarge := &Error{URL: address, Msg: fmt.Sprintf("larger than %d MiB; not fetched", MaxBody>>20)}
	if resp.ContentLength > MaxBody && !resp.Uncompressed && resp.Header.Get("Content-Encoding") == "" {
		return nil, tooLarge
	}
	var body io.Reader = resp.Body
	if !resp.Uncompressed && strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, &Error{URL: address, Msg: "the compressed body is broken: " + err.Error()}
		}
		defer zr.Close()
		body = zr
	}
	data, err := io.ReadAll(io.LimitReader(body, MaxBody+1))
	if err != nil {
		return nil, bodyError(address, err, timeout)
	}
	if len(data) > MaxBody {
		return nil, tooLarge
	}
	return data, nil
}

// AcceptPages is the Accept header of a request for an article's page,
// by "cable get" and by a feed's entry: a web page first, then Markdown
// and plain text (which get saves as they are), then anything, which the
// caller judges by its Content-Type.
const AcceptPages = "text/html,application/xhtml+xml,text/markdown;q=0.9,text/plain;q=0.8,*/*;q=0.5"

// checkScheme lets only http and https through: a feed may not point cable
// at a file on the reader's disk.
func checkScheme(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return schemeError{u.Scheme}
	}
	return nil
}

// hasScheme reports whether address starts with a scheme of the kind
// written without "//" (file:, mailto:, data:), which is refused by name;
// a host and port ("localhost:8080") is not one.
func hasScheme(address string) bool {
	scheme, rest, ok := strings.Cut(address, ":")
	if !ok || scheme == "" || strings.ContainsAny(scheme, "./") {
		return false
	}
	// "host:8080/path": what follows the colon is a port.
	port, _, _ := strings.Cut(rest, "/")
	for _, c := range port {
		if c < '0' || c > '9' {
			return true
		}
	}
	return port == ""
}

// schemeError is an address that is neither http nor https.
type schemeError struct{ scheme string }

func (e schemeError) Error() string {
	if e.scheme == "" {
		return "not an address: it should start with http:// or https://"
	}
	return fmt.Sprintf("only http and https addresses are fetched, not %q", e.scheme+":")
}

// sleep waits d, or less if ctx is done first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
