package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
)

// countingServer stands in for the servers of many hosts: it counts the
// requests under way, in all and to each host, and holds every one until
// released. It is a transport rather than a listening server so that the
// test runs in a synctest bubble, where "every request that can start has
// started" is a fact to wait for rather than a guess about time.
type countingServer struct {
	release chan struct{}

	mu                 sync.Mutex
	active, maxActive  int
	perHost, maxByHost map[string]int
}

func (s *countingServer) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.active++
	s.perHost[r.URL.Host]++
	s.maxActive = max(s.maxActive, s.active)
	s.maxByHost[r.URL.Host] = max(s.maxByHost[r.URL.Host], s.perHost[r.URL.Host])
	s.mu.Unlock()
	<-s.release
	s.mu.Lock()
	s.active--
	s.perHost[r.URL.Host]--
	s.mu.Unlock()
	return &http.Response{StatusCode: 200, Status: "200 OK", Body: io.NopCloser(strings.NewReader("ok")),
		Header: http.Header{}, Request: r, ContentLength: 2}, nil
}

func TestAtMostTwoPerHostAndEightInAll(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		srv := &countingServer{release: make(chan struct{}), perHost: map[string]int{}, maxByHost: map[string]int{}}
		c := New(Options{Transport: srv})
		var wg sync.WaitGroup
		errs := make(chan error, 30)
		for host := range 6 {
			for page := range 5 {
				wg.Go(func() {
					_, err := c.Get(context.Background(), Request{URL: fmt.Sprintf("http://host%d.example/%d", host, page)})
					errs <- err
				})
			}
		}
		synctest.Wait() // every request that may start has started
		srv.mu.Lock()
		active, byHost := srv.active, fmt.Sprint(srv.perHost)
		srv.mu.Unlock()
		if active != 8 {
			t.Errorf("%d requests under way (%s), want 8", active, byHost)
		}
		close(srv.release)
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Error(err)
			}
		}
		for host, n := range srv.maxByHost {
			if n > 2 {
				t.Errorf("%d requests at once to %s, want at most 2", n, host)
			}
		}
		if srv.maxActive != 8 {
			t.Errorf("at most %d requests at once, want 8", srv.maxActive)
		}
	})
}

// A request waiting for a busy host gives up when its context is done,
// and holds no slot of the total meanwhile.
func TestWaitingForAHostIsCancellable(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newSlots(1, 2)
		release, err := s.acquire(context.Background(), "a")
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() {
			_, err := s.acquire(ctx, "a")
			done <- err
		}()
		synctest.Wait()
		if n := len(s.total); n != 1 {
			t.Errorf("%d total slots taken while one request waits for its host, want 1", n)
		}
		cancel()
		if err := <-done; err == nil {
			t.Error("a cancelled wait got a slot")
		}
		release()
		if len(s.total) != 0 || len(s.hosts["a"]) != 0 {
			t.Error("slots not given back")
		}
	})
}
