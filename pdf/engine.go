package pdf

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// The engine is PDFium compiled to WebAssembly, run by wazero: no cgo, so
// cable stays one static binary. It is started when the first PDF is
// read, never before, and compiling it takes seconds, so the compiled
// code is kept on disk (UseCache) for the next run.

// memoryPages caps the engine's memory, in WebAssembly pages of 64 KiB:
// 384 MiB.
const memoryPages = 6144

var (
	engineMu   sync.Mutex
	enginePool pdfium.Pool
	engineErr  error
	cacheDir   string
)

// UseCache names the directory the compiled engine is kept in between
// runs ("" keeps none). It is asked before the first PDF is read; later
// calls change nothing.
func UseCache(dir string) {
	engineMu.Lock()
	defer engineMu.Unlock()
	if enginePool == nil {
		cacheDir = dir
	}
}

// engine starts the engine, once.
func engine() (pdfium.Pool, error) {
	engineMu.Lock()
	defer engineMu.Unlock()
	if enginePool != nil || engineErr != nil {
		return enginePool, engineErr
	}
	rc := wazero.NewRuntimeConfig().
		WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
		WithMemoryLimitPages(memoryPages)
	if cacheDir != "" && os.MkdirAll(cacheDir, 0o755) == nil {
		if c, err := wazero.NewCompilationCacheWithDir(cacheDir); err == nil {
			rc = rc.WithCompilationCache(c)
		}
	}
	enginePool, engineErr = webassembly.Init(webassembly.Config{
		MinIdle: 0, MaxIdle: 1, MaxTotal: 1,
		RuntimeConfig: rc,
		FSConfig:      wazero.NewFSConfig(), // no files: it is given bytes
		Stdout:        io.Discard,
		Stderr:        io.Discard,
	})
	if engineErr != nil {
		engineErr = errors.New("the PDF engine could not start: " + engineErr.Error())
	}
	return enginePool, engineErr
}

// glyph is one character placed on a page, in points from the page's
// bottom left.
type glyph struct {
	r              rune
	x0, y0, x1, y1 float64
	size           float64
	bold           bool
}

// page is one page's size and characters, in the order the engine reads
// them.
type page struct {
	w, h   float64
	glyphs []glyph
}

// document is what the engine reads of a PDF.
type document struct {
	pages         []page
	title, author string // from its metadata
	maxPageGlyphs int
	totalGlyphs   int
}

// Errors a PDF is refused with.
var (
	errProtected = errors.New("is protected by a password; cable cannot open it. Import a copy without the password")
	errScanned   = errors.New("this PDF holds images of pages, not text: cable cannot read it (a scan needs OCR first, such as ocrmypdf)")
)

// maxPages is the most pages read of one PDF.
const maxPages = 5000

// read reads a PDF's characters with the engine, stopping it after limit.
func read(data []byte, limit time.Duration) (*document, error) {
	pool, err := engine()
	if err != nil {
		return nil, err
	}
	inst, err := pool.GetInstance(limit)
	if err != nil {
		return nil, fmt.Errorf("the PDF engine is busy (%v)", err)
	}
	type result struct {
		doc *document
		err error
	}
	done := make(chan result, 1)
	deadline := time.Now().Add(limit)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- result{nil, fmt.Errorf("the PDF engine failed on it (%v)", p)}
			}
		}()
		doc, err := readWith(inst, data, deadline)
		done <- result{doc, err}
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case r := <-done:
		inst.Close()
		return r.doc, r.err
	case <-timer.C:
		// The engine is not interrupted inside a call (a context
		// watched on every call costs a goroutine a character): its
		// instance is dropped, for the next PDF to have a new one, and
		// the reading stops at the next page.
		inst.Kill()
		return nil, errTooSlow(limit)
	}
}

func errTooSlow(limit time.Duration) error {
	return fmt.Errorf("took more than %s to read; cable gave up", limit)
}

// unreadable says in words why the engine could not open a PDF, without
// its internal error code.
func unreadable(err error) error {
	is := func(target error) bool {
		return errors.Is(err, target) || strings.Contains(err.Error(), target.Error())
	}
	switch {
	case is(pdferrors.ErrSecurity):
		return errors.New("is encrypted in a way PDFium cannot read")
	case is(pdferrors.ErrFormat), is(pdferrors.ErrFile), is(pdferrors.ErrPage), is(pdferrors.ErrUnknown):
		return errors.New("is damaged or cut off: PDFium cannot read it")
	}
	return errors.New("is not a PDF cable can read: PDFium cannot open it")
}

func readWith(inst pdfium.Pdfium, data []byte, deadline time.Time) (*document, error) {
	opened, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		if errors.Is(err, pdferrors.ErrPassword) || strings.Contains(err.Error(), "password") {
			return nil, errProtected
		}
		return nil, unreadable(err)
	}
	doc := opened.Document
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
	count, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return nil, unreadable(err)
	}
	out := &document{}
	for _, tag := range []string{"Title", "Author"} {
		m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc, Tag: tag})
		if err == nil && tag == "Title" {
			out.title = m.Value
		} else if err == nil {
			out.author = m.Value
		}
	}
	for i := 0; i < min(count.PageCount, maxPages); i++ {
		if time.Now().After(deadline) {
			return nil, errors.New("took too long to read")
		}
		size, err := inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: doc, Index: i})
		if err != nil {
			return nil, fmt.Errorf("page %d cannot be read (%v)", i+1, err)
		}
		text, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{
			Page:                   requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}},
			Mode:                   requests.GetPageTextStructuredModeChars,
			CollectFontInformation: true,
		})
		if err != nil {
			return nil, fmt.Errorf("page %d cannot be read (%v)", i+1, err)
		}
		p := page{w: size.Width, h: size.Height}
		for _, c := range text.Chars {
			r, ok := charRune(c.Text)
			if !ok {
				continue
			}
			g := glyph{r: r, x0: c.PointPosition.Left, x1: c.PointPosition.Right, y0: c.PointPosition.Bottom, y1: c.PointPosition.Top}
			if f := c.FontInformation; f != nil {
				g.size = f.Size
				if f.RenderedSize > 0 {
					g.size = f.RenderedSize
				}
				name := strings.ToLower(f.Name)
				g.bold = f.Weight >= 600 || strings.Contains(name, "bold") || strings.Contains(name, "black") || strings.Contains(name, "heavy")
			}
			if g.size <= 0 {
				g.size = g.y1 - g.y0
			}
			p.glyphs = append(p.glyphs, g)
		}
		out.totalGlyphs += len(p.glyphs)
		out.maxPageGlyphs = max(out.maxPageGlyphs, len(p.glyphs))
		out.pages = append(out.pages, p)
	}
	return out, nil
}

// charRune is the character the engine reports, or false for what is no
// character of the text: the line breaks it makes up (lines are found
// from where characters stand), and nothing at all. A hyphen the engine
// marks as the end of a line is a hyphen.
func charRune(s string) (rune, bool) {
	if s == "" {
		return 0, false
	}
	r := []rune(s)[0]
	switch {
	case r == 2 || r == 0xfffe || r == 0xad:
		return '-', true
	case r == '\r' || r == '\n':
		return 0, false
	case r < ' ' || r == 0xfffd || r == 0xffff:
		return 0, false
	}
	return r, true
}
