package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// waits records the waits a client asks for between attempts, and waits
// for none of them, so that retry tests neither sleep nor read the clock.
type waits struct {
	mu   sync.Mutex
	list []time.Duration
}

func (w *waits) wait(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.list = append(w.list, d)
	return ctx.Err()
}

func (w *waits) got() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.list...)
}

// testClient is a client for a test server: short timeouts, waits
// recorded rather than waited.
func testClient(w *waits) *Client {
	return New(Options{Version: "1.2.3", Timeout: 2 * time.Second, ConnectTimeout: time.Second, Wait: w.wait})
}

func get(t *testing.T, c *Client, url string) (*Response, error) {
	t.Helper()
	resp, err := c.Get(context.Background(), Request{URL: url})
	if err != nil && strings.Contains(err.Error(), "\n") {
		t.Errorf("error is more than one line: %q", err)
	}
	if err != nil && !strings.HasPrefix(err.Error(), url+": ") {
		t.Errorf("error %q does not start with the address", err)
	}
	return resp, err
}

func TestUserAgentNamesCableAndVersion(t *testing.T) {
	var ua string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ua = r.Header.Get("User-Agent")
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	resp, err := get(t, testClient(&waits{}), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "ok" || !strings.HasPrefix(ua, "cable/1.2.3 ") {
		t.Errorf("body %q, User-Agent %q", resp.Body, ua)
	}
}

// A server that sends its headers and then nothing is cut off when the
// whole-response timeout runs out, and tried again twice.
func TestStalledServerIsCutOff(t *testing.T) {
	stop := make(chan struct{})
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		fmt.Fprint(w, "<html><body>")
		w.(http.Flusher).Flush()
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(stop)
	w := &waits{}
	c := New(Options{Timeout: 100 * time.Millisecond, Wait: w.wait, Backoff: time.Millisecond})
	_, err := get(t, c, srv.URL)
	if err == nil || !strings.Contains(err.Error(), "stopped sending") {
		t.Fatalf("error %v, want the server to be said to have stopped sending", err)
	}
	if n := requests.Load(); n != 3 {
		t.Errorf("%d requests, want 3 (two retries)", n)
	}
	if got := w.got(); len(got) != 2 || got[0] != time.Millisecond || got[1] != 2*time.Millisecond {
		t.Errorf("waits %v, want [1ms 2ms]", got)
	}
}

func TestServerThatNeverAnswersIsCutOff(t *testing.T) {
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-stop:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(stop)
	c := New(Options{Timeout: 100 * time.Millisecond, Wait: (&waits{}).wait})
	_, err := get(t, c, srv.URL)
	if err == nil || !strings.Contains(err.Error(), "no answer within 100ms") {
		t.Fatalf("error %v, want no answer within 100ms", err)
	}
}

func TestEndlessRedirectChainStops(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := requests.Add(1)
		http.Redirect(w, r, "/hop/"+strconv.Itoa(int(n)), http.StatusFound)
	}))
	defer srv.Close()
	_, err := get(t, testClient(&waits{}), srv.URL)
	if err == nil || !strings.Contains(err.Error(), "more than 10 redirects") {
		t.Fatalf("error %v, want more than 10 redirects", err)
	}
	if n := requests.Load(); n != 11 {
		t.Errorf("%d requests, want 11: the first and 10 redirects, not retried", n)
	}
}

func TestTenRedirectsAreFollowed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/"))
		if n < 10 {
			http.Redirect(w, r, "/"+strconv.Itoa(n+1), http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, "arrived")
	}))
	defer srv.Close()
	resp, err := get(t, testClient(&waits{}), srv.URL+"/0")
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "arrived" || resp.URL != srv.URL+"/10" {
		t.Errorf("body %q from %s", resp.Body, resp.URL)
	}
}

func TestRedirectToAnotherSchemeIsRefused(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "file:///etc/passwd")
		w.WriteHeader(http.StatusFound)
	}))
	defer srv.Close()
	_, err := get(t, testClient(&waits{}), srv.URL)
	if err == nil || !strings.Contains(err.Error(), "not http or https") {
		t.Fatalf("error %v", err)
	}
}

func TestOnlyHTTPAndHTTPS(t *testing.T) {
	for u, want := range map[string]string{
		"file:///etc/passwd":  `only http and https addresses are fetched, not "file:"`,
		"ftp://example.org/x": `only http and https addresses are fetched, not "ftp:"`,
		"http://":             "not an address: it names no host",
		"example.org/essay":   "not an address: it should start with http:// or https://",
		// Typed without the scheme: a host and port is no scheme.
		"127.0.0.1:8799/page.html":   "not an address: it should start with http:// or https://",
		"localhost:8080/page":        "not an address: it should start with http:// or https://",
		"example.org:443":            "not an address: it should start with http:// or https://",
		"mailto:someone@example.org": `only http and https addresses are fetched, not "mailto:"`,
	} {
		_, err := get(t, testClient(&waits{}), u)
		if err == nil || err.Error() != u+": "+want {
			t.Errorf("%s: error %v, want %q", u, err, want)
		}
	}
}

// gzipped is n zero bytes, gzip-compressed: a few kilobytes that inflate
// to n.
func gzipped(t *testing.T, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	chunk := make([]byte, 1<<20)
	for n > 0 {
		k := min(n, len(chunk))
		if _, err := zw.Write(chunk[:k]); err != nil {
			t.Fatal(err)
		}
		n -= k
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A gzip bomb: a small compressed body that inflates past the cap is
// refused, whether Go's transport inflates it (it asked for gzip) or the
// client does (a transport that did not ask, and a server that sent it
// anyway).
func TestGzipBombIsCappedAfterDecompression(t *testing.T) {
	bomb := gzipped(t, MaxBody+1<<20)
	if len(bomb) > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed; it should be small", len(bomb))
	}
	small := gzipped(t, 1000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/small" {
			w.Write(small)
			return
		}
		w.Write(bomb)
	}))
	defer srv.Close()
	for _, disable := range []bool{false, true} {
		c := New(Options{Transport: &http.Transport{DisableCompression: disable}, Wait: (&waits{}).wait})
		_, err := get(t, c, srv.URL+"/bomb")
		if err == nil || !strings.Contains(err.Error(), "larger than 16 MiB") {
			t.Errorf("DisableCompression %v: error %v, want larger than 16 MiB", disable, err)
		}
		resp, err := get(t, c, srv.URL+"/small")
		if err != nil || len(resp.Body) != 1000 {
			t.Errorf("DisableCompression %v: a small gzip body: %v", disable, err)
		}
	}
}

// A response that declares 2 GB is refused on its headers, before any of
// its body is read: the server here sends a little and then waits for the
// client to go, so a client that read on would time out instead.
func TestDeclared2GBResponseIsRefusedUnread(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(2<<30))
		w.Write(bytes.Repeat([]byte("a"), 1024))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	}))
	defer srv.Close()
	_, err := get(t, testClient(&waits{}), srv.URL)
	if err == nil || !strings.Contains(err.Error(), "larger than 16 MiB") {
		t.Errorf("error %v, want larger than 16 MiB", err)
	}
}

// A response that does not say how large it is is cut off at the cap,
// not read to its end.
func TestEndlessResponseIsCutOffAtTheCap(t *testing.T) {
	var written atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		chunk := bytes.Repeat([]byte("a"), 64<<10)
		for written.Load() < 2<<30 {
			n, err := w.Write(chunk)
			written.Add(int64(n))
			if err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	_, err := get(t, testClient(&waits{}), srv.URL)
	if err == nil || !strings.Contains(err.Error(), "larger than 16 MiB") {
		t.Errorf("error %v, want larger than 16 MiB", err)
	}
	srv.CloseClientConnections()
	if n := written.Load(); n >= 1<<30 {
		t.Errorf("the server wrote %d bytes; it should have been stopped near 16 MiB", n)
	}
}

func TestConditionalRequestGetsNotModified(t *testing.T) {
	var gotETag, gotSince string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotETag, gotSince = r.Header.Get("If-None-Match"), r.Header.Get("If-Modified-Since")
		if gotETag == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2026 15:04:05 GMT")
		fmt.Fprint(w, "feed")
	}))
	defer srv.Close()
	c := testClient(&waits{})
	first, err := get(t, c, srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if gotETag != "" || gotSince != "" || first.NotModified {
		t.Errorf("first request: If-None-Match %q, If-Modified-Since %q, NotModified %v", gotETag, gotSince, first.NotModified)
	}
	second, err := c.Get(context.Background(), Request{URL: srv.URL, ETag: first.ETag, LastModified: first.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if gotETag != `"v1"` || gotSince != "Mon, 02 Jan 2026 15:04:05 GMT" {
		t.Errorf("second request sent If-None-Match %q, If-Modified-Since %q", gotETag, gotSince)
	}
	if !second.NotModified || len(second.Body) != 0 || second.Status != http.StatusNotModified {
		t.Errorf("second response: %+v", second)
	}
}

// sequence is a server that answers each request with the next of its
// handlers, the last one from then on, and counts the requests.
type sequence struct {
	handlers []http.HandlerFunc
	count    atomic.Int32
}

func (s *sequence) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(s.count.Add(1))
	s.handlers[min(n, len(s.handlers))-1](w, r)
}

func status(code int, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(code)
		if code == http.StatusOK {
			fmt.Fprint(w, "ok")
		}
	}
}

func TestRetries(t *testing.T) {
	soon := time.Now().Add(10 * time.Second).UTC().Format(http.TimeFormat)
	hangUp := func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}
	tests := []struct {
		name      string
		handlers  []http.HandlerFunc
		wantErr   string // "" for success
		requests  int32
		waitsLow  []time.Duration
		waitsHigh []time.Duration // nil: as waitsLow
	}{
		{name: "429 with seconds", handlers: []http.HandlerFunc{status(429, "Retry-After", "3"), status(200)},
			requests: 2, waitsLow: []time.Duration{3 * time.Second}},
		{name: "503 with a date", handlers: []http.HandlerFunc{status(503, "Retry-After", soon), status(200)},
			requests: 2, waitsLow: []time.Duration{8 * time.Second}, waitsHigh: []time.Duration{10 * time.Second}},
		{name: "429 asking too long a wait", handlers: []http.HandlerFunc{status(429, "Retry-After", "120")},
			wantErr: "429 Too Many Requests and asks to wait 2m0s; try again later", requests: 1},
		{name: "503 without Retry-After backs off", handlers: []http.HandlerFunc{status(503)},
			wantErr: "the server answered 503 Service Unavailable", requests: 3, waitsLow: []time.Duration{time.Second, 2 * time.Second}},
		{name: "500 twice then success", handlers: []http.HandlerFunc{status(500), status(502), status(200)},
			requests: 3, waitsLow: []time.Duration{time.Second, 2 * time.Second}},
		{name: "404 is not retried", handlers: []http.HandlerFunc{status(404)},
			wantErr: "the server answered 404 Not Found", requests: 1},
		{name: "403 is not retried", handlers: []http.HandlerFunc{status(403)},
			wantErr: "403 Forbidden", requests: 1},
		{name: "a dropped connection is retried", handlers: []http.HandlerFunc{hangUp, status(200)},
			requests: 2, waitsLow: []time.Duration{time.Second}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seq := &sequence{handlers: tt.handlers}
			srv := httptest.NewServer(seq)
			defer srv.Close()
			w := &waits{}
			_, err := get(t, testClient(w), srv.URL)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("error %v, want %q", err, tt.wantErr)
			}
			if n := seq.count.Load(); n != tt.requests {
				t.Errorf("%d requests, want %d", n, tt.requests)
			}
			high := tt.waitsHigh
			if high == nil {
				high = tt.waitsLow
			}
			got := w.got()
			if len(got) != len(tt.waitsLow) {
				t.Fatalf("waits %v, want %v", got, tt.waitsLow)
			}
			for i := range got {
				if got[i] < tt.waitsLow[i] || got[i] > high[i] {
					t.Errorf("wait %d is %v, want %v–%v", i, got[i], tt.waitsLow[i], high[i])
				}
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC)
	tests := []struct {
		header string
		want   time.Duration
		ok     bool
	}{
		{"", 0, false},
		{"7", 7 * time.Second, true},
		{" 0 ", 0, true},
		{"-3", 0, false},
		{"soon", 0, false},
		{"Fri, 02 Jan 2026 15:05:05 GMT", time.Minute, true},
		{"Fri, 02 Jan 2026 15:00:00 GMT", 0, true},
		{"99999999999999", 1 << 31 * time.Second, true},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.header, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.header, got, ok, tt.want, tt.ok)
		}
	}
}

// A closed server is what being offline looks like from here: the
// error says so, is ErrUnreachable, and is not retried.
func TestUnreachableServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	address := srv.URL + "/page"
	srv.Close()
	w := &waits{}
	_, err := get(t, testClient(w), address)
	if !errors.Is(err, ErrUnreachable) || !strings.Contains(err.Error(), "refused") {
		t.Fatalf("error %v, want a refused connection that is ErrUnreachable", err)
	}
	if got := w.got(); len(got) != 0 {
		t.Errorf("waited %v before retrying an unreachable server", got)
	}
}

func TestNetworkErrorsInPlainWords(t *testing.T) {
	const u = "https://example.org/a"
	opErr := func(errno error) error {
		return &net.OpError{Op: "dial", Net: "tcp", Err: &net.OpError{Op: "connect", Err: errno}}
	}
	tests := []struct {
		err         error
		want        string
		unreachable bool
		retry       bool
	}{
		{&net.DNSError{Err: "no such host", Name: "example.org", IsNotFound: true}, "cannot look up example.org: no network, or no such host", true, false},
		{opErr(syscall.ENETUNREACH), "the network is unreachable: are you offline?", true, false},
		{opErr(syscall.EHOSTUNREACH), "the host is unreachable", true, false},
		{opErr(syscall.ECONNREFUSED), "the connection was refused", true, false},
		{context.DeadlineExceeded, "no answer within 1s", false, true},
		{errors.New("connection reset by peer"), "the connection failed: connection reset by peer", false, true},
	}
	for _, tt := range tests {
		e := networkError(u, tt.err, time.Second)
		if !strings.HasPrefix(e.Error(), u+": "+tt.want) || errors.Is(e, ErrUnreachable) != tt.unreachable || e.retry != tt.retry {
			t.Errorf("%v: %q, unreachable %v, retry %v", tt.err, e, errors.Is(e, ErrUnreachable), e.retry)
		}
	}
}

// TestRefusedIsNotRetried: a refused connection is being offline or a
// server that is down, which the README promises is said at once rather
// than tried again.
func TestRefusedIsNotRetried(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	address := srv.URL + "/page"
	srv.Close() // nothing listens there any more
	w := &waits{}
	_, err := get(t, testClient(w), address)
	if !errors.Is(err, ErrUnreachable) {
		t.Fatalf("error %v, want one that says unreachable", err)
	}
	if len(w.list) != 0 {
		t.Errorf("waited %v before trying again, want no retry", w.list)
	}
}

// TestProgressCountsTheBody: a request's Progress is told the bytes of
// the body as they arrive, ending at the body's length.
func TestProgressCountsTheBody(t *testing.T) {
	body := strings.Repeat("x", 200_000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	var told []int64
	resp, err := testClient(&waits{}).Get(context.Background(), Request{URL: srv.URL, Progress: func(n int64) { told = append(told, n) }})
	if err != nil {
		t.Fatal(err)
	}
	if len(told) < 2 || told[len(told)-1] != int64(len(resp.Body)) || len(resp.Body) != len(body) {
		t.Fatalf("told %d times, last %v, body %d bytes", len(told), told[len(told)-1:], len(resp.Body))
	}
	for i := 1; i < len(told); i++ {
		if told[i] <= told[i-1] {
			t.Fatalf("progress went back: %v", told)
		}
	}
}
