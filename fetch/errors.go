package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"syscall"
	"time"
)

// ErrUnreachable is what errors.Is finds in an error that says the network
// or the host cannot be reached at all: no network, a name that does not
// resolve, a connection refused. Commands tell the reader they are offline
// by it.
var ErrUnreachable = errors.New("cannot be reached")

// Error is why a fetch failed, in one line that names the address: what
// Get returns.
type Error struct {
	URL string
	// Status is the HTTP status the server answered, or 0 when there was
	// no answer.
	Status int
	Msg    string
	// Err is the underlying error, for errors.Is; its text is already in
	// Msg, in plainer words.
	Err error

	retry       bool // worth trying again
	unreachable bool // the network or the host cannot be reached
}

func (e *Error) Error() string { return e.URL + ": " + e.Msg }

// Unwrap gives errors.Is the cause, and ErrUnreachable when the network
// or host could not be reached.
func (e *Error) Unwrap() []error {
	var out []error
	if e.Err != nil {
		out = append(out, e.Err)
	}
	if e.unreachable {
		out = append(out, ErrUnreachable)
	}
	return out
}

// networkError describes a request that got no answer, in words a reader
// can act on, rather than Go's "Get "…": dial tcp …: connect: …". Not
// being able to reach the network or the host at all is not retried: it
// is what being offline looks like, and saying so at once is worth more
// than three tries. A timeout or a dropped connection is.
func networkError(address string, err error, timeout time.Duration) *Error {
	e := &Error{URL: address, Err: err}
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, errTooManyRedirects):
		e.Msg = fmt.Sprintf("more than %d redirects; not followed further", maxRedirects)
	case isSchemeError(err):
		e.Msg = "redirected to an address that is not http or https; not followed"
	case errors.Is(err, context.Canceled):
		e.Msg = "cancelled"
	case errors.As(err, &dnsErr):
		e.Msg = fmt.Sprintf("cannot look up %s: no network, or no such host", dnsErr.Name)
		e.unreachable = true
	case errors.Is(err, syscall.ENETUNREACH):
		e.Msg = "the network is unreachable: are you offline?"
		e.unreachable = true
	case errors.Is(err, syscall.EHOSTUNREACH):
		e.Msg = "the host is unreachable: are you offline?"
		e.unreachable = true
	case errors.Is(err, syscall.ECONNREFUSED):
		e.Msg = "the connection was refused: the server is down, or you are offline"
		e.unreachable = true
	case isTimeout(err):
		e.Msg = fmt.Sprintf("no answer within %s; gave up", timeout)
		e.retry = true
	default:
		e.Msg = "the connection failed: " + unquoteURLError(err)
		e.retry = true
	}
	return e
}

// bodyError describes a body that could not be read to its end.
func bodyError(address string, err error, timeout time.Duration) *Error {
	e := &Error{URL: address, Err: err, retry: true}
	if isTimeout(err) {
		e.Msg = fmt.Sprintf("the server stopped sending; gave up after %s", timeout)
	} else {
		e.Msg = "the page could not be read to its end: " + unquoteURLError(err)
	}
	return e
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) ||
		(errors.As(err, &ne) && ne.Timeout())
}

func isSchemeError(err error) bool {
	var se schemeError
	return errors.As(err, &se)
}

// unquoteURLError is the cause of a *url.Error without Go's
// "Get "address":" before it: the address is said once, first.
func unquoteURLError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err.Error()
	}
	return err.Error()
}
