package ingest

import (
	"context"
	"errors"

	"cable/articles"
	"cable/crash"
	"cable/extract"
	"cable/fetch"
	"cable/library"
)

// Web pages: what "cable get" and a feed's entries fetch.

// Client is the client the Saver fetches pages with: a feed update
// fetches its feeds with the same, so that one set of limits per host
// holds for both.
func (s *Saver) Client() *fetch.Client { return s.client }

// Fetch fetches the page at address and makes it an Input: its bytes,
// what they are (a page, Markdown or text, a PDF or an EPUB; anything
// else is refused) and
// the address they came from after redirects. meta, when not nil, is what
// a feed said of the page.
func (s *Saver) Fetch(ctx context.Context, address string) (Input, error) {
	req := fetch.Request{URL: address, Accept: fetch.AcceptPages}
	if s.opts.Progress != nil {
		req.Progress = func(n int64) { s.opts.Progress(address, n) }
	}
	resp, err := s.Client().Get(ctx, req)
	if err != nil {
		return Input{}, err
	}
	if resp.NotModified || len(resp.Body) == 0 {
		return Input{}, &articles.Error{File: address, Msg: "the page came back empty"}
	}
	kind := library.DocumentKindOf(resp.ContentType, resp.URL, resp.Body)
	if kind == "" {
		if kind, err = extract.KindOf(resp.ContentType, resp.URL, resp.Body); err != nil {
			return Input{}, err
		}
	}
	return Input{
		Name:      address,
		Source:    library.KeptSource{URL: resp.URL, Kind: kind, ContentType: resp.ContentType},
		Body:      resp.Body,
		Addresses: []string{address},
	}, nil
}

// Got is what became of one address given to Get.
type Got struct {
	Address string
	Saved
	Err error
}

// Get fetches every address and saves its article, marked new. The pages
// are asked for at once, and the client keeps to its limits per host and
// in all; they are saved in the order given, so that what is said and the
// "-2" names do not depend on which server answered first. An address the
// library has (the whole article, not a summary) is not fetched. A
// cancelled context stops it before the next save: the results say what
// was saved until then.
func (s *Saver) Get(ctx context.Context, addresses []string) []Got {
	type fetched struct {
		in  Input
		err error
	}
	pages := make([]chan fetched, len(addresses))
	for i, address := range addresses {
		pages[i] = make(chan fetched, 1)
		if _, ok := s.Known(address); ok {
			continue
		}
		go func() {
			in, err := s.Fetch(ctx, address)
			pages[i] <- fetched{in, err}
		}()
	}
	var out []Got
	for i, address := range addresses {
		if key, ok := s.Known(address); ok {
			out = append(out, Got{Address: address, Saved: Saved{Path: key, Already: true}})
			continue
		}
		page := <-pages[i]
		if ctx.Err() != nil {
			break
		}
		g := Got{Address: address, Err: page.err}
		if g.Err == nil {
			page.in.New = true
			g.Saved, g.Err = s.Save(page.in)
		}
		out = append(out, g)
	}
	return out
}

// Describe makes an error of a way in one line that names what failed:
// the file or address, or the address a fetch failed at.
func Describe(name string, err error) *articles.Error {
	var ae *articles.Error
	if errors.As(err, &ae) {
		return ae
	}
	var fe *fetch.Error
	if errors.As(err, &fe) {
		return &articles.Error{File: fe.URL, Msg: fe.Msg}
	}
	var ce *crash.FileError
	if errors.As(err, &ce) {
		return &articles.Error{File: ce.Path, Msg: ce.Reason()}
	}
	return &articles.Error{File: name, Msg: err.Error()}
}
