package fetch

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// slots bound the requests under way: perHost to any one host, total in
// all. Each is a semaphore, a buffered channel holding a token per
// request; a host's channel is made when the host is first asked for.
type slots struct {
	perHost int
	total   chan struct{}

	mu    sync.Mutex
	hosts map[string]chan struct{}
}

func newSlots(perHost, total int) *slots {
	return &slots{perHost: perHost, total: make(chan struct{}, total), hosts: map[string]chan struct{}{}}
}

// acquire waits for a slot for host and one in all, in that order: a
// request waiting for its busy host holds none of the slots other hosts
// could use. release gives both back.
func (s *slots) acquire(ctx context.Context, host string) (release func(), err error) {
	s.mu.Lock()
	h, ok := s.hosts[host]
	if !ok {
		h = make(chan struct{}, s.perHost)
		s.hosts[host] = h
	}
	s.mu.Unlock()
	select {
	case h <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	select {
	case s.total <- struct{}{}:
	case <-ctx.Done():
		<-h
		return nil, ctx.Err()
	}
	return func() { <-s.total; <-h }, nil
}

// retryAfter reads a Retry-After header: a number of seconds, or an HTTP
// date, which is measured from now. ok is false when there is no header
// or it is neither; a date in the past is no wait.
func retryAfter(header string, now time.Time) (wait time.Duration, ok bool) {
	header = strings.TrimSpace(header)
	if header == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(header, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// A number of seconds beyond any sane wait is still one: kept
		// from overflowing, it is refused as too long.
		return time.Duration(min(secs, 1<<31)) * time.Second, true
	}
	when, err := http.ParseTime(header)
	if err != nil {
		return 0, false
	}
	return max(when.Sub(now), 0), true
}
