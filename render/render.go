package render

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"cable/articles"
	"cable/crash"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// Options are what a rendering depends on: two renderings with equal
// options are the same, which is what lets the reader keep one per width.
type Options struct {
	Width   int // wrap width in columns; 0 leaves paragraphs unwrapped
	Style   string
	Profile termenv.Profile
	// JSONStyles reads Style when it is the path of a JSON style; nil
	// reads the file for every renderer.
	JSONStyles *JSONStyles
	// Crash reports a panic while a section is rendered; the section then
	// shows a line saying so, and the rest of the article reads as usual.
	// It changes nothing in a rendering that goes well.
	Crash *crash.Reporter
}

// Document is an article rendered for one set of options, kept as lines so
// that scrolling and jumping are slicing, never rendering.
type Document struct {
	Options Options
	Lines   []string
	// SectionStart[i] is the line of section i's first line: its heading,
	// or the lede's first line.
	SectionStart []int
	// BlockStart[i][j] is the first line of block j of section i.
	BlockStart [][]int
	// lineFlat[l] is where line l starts in the document's text with all
	// white space removed, and blockFlat[i][j] where block j of section i
	// was found in it. Positions are mapped through this text, which is the
	// same at every width: wrapping only moves the line breaks.
	lineFlat  []int
	blockFlat [][]int
	// Partial is set on a first paint: only the sections on screen are
	// rendered, the others stand as one line with their title until the
	// whole rendering arrives.
	Partial bool
}

// Article renders every section of a on its own, in parallel across the
// machine's cores, and joins them with one blank line between sections.
// Each section's heading lands exactly on SectionStart.
func Article(a *articles.Article, opts Options) (*Document, error) {
	rendered := make([][]string, len(a.Sections))
	errs := make([]error, len(a.Sections))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(a.Sections)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := newRenderer(opts)
			for i := range work {
				if err != nil {
					errs[i] = err
					continue
				}
				var broken bool
				rendered[i], broken, errs[i] = guardedSection(r, a, i, opts.Crash)
				if broken {
					// A renderer that panicked may be left half-way
					// through a document: the next section gets a new one.
					r, err = newRenderer(opts)
				}
			}
		}()
	}
	for i := range a.Sections {
		work <- i
	}
	close(work)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("rendering section %q: %w", a.SectionTitle(i), err)
		}
	}
	return assemble(a, opts, rendered), nil
}

// FirstScreen renders only what the first screen needs: the section of
// pos and the ones after it until height lines below pos are filled. The
// other sections stand as a line with their title, so that every position
// still has its place; the whole rendering replaces this one when it comes,
// and the reader's place, kept as a position, does not move.
func FirstScreen(a *articles.Article, opts Options, pos articles.Position, height int) (*Document, error) {
	r, err := newRenderer(opts)
	if err != nil {
		return nil, err
	}
	rendered := make([][]string, len(a.Sections))
	start := clamp(pos.Section, 0, len(a.Sections)-1)
	need := height
	for i := start; i < len(a.Sections) && need > 0; i++ {
		var broken bool
		if rendered[i], broken, err = guardedSection(r, a, i, opts.Crash); err != nil {
			return nil, fmt.Errorf("rendering section %q: %w", a.SectionTitle(i), err)
		}
		if broken {
			if r, err = newRenderer(opts); err != nil {
				return nil, err
			}
		}
		below := len(rendered[i])
		if i == start {
			below -= linesBefore(rendered[i], a.Sections[i].Blocks, pos)
		}
		need -= below + 1
	}
	for i := range rendered {
		if rendered[i] == nil {
			rendered[i] = []string{"  " + a.SectionTitle(i) + " …"}
		}
	}
	doc := assemble(a, opts, rendered)
	doc.Partial = true
	return doc, nil
}

// linesBefore is how many of a section's rendered lines come before pos.
func linesBefore(lines []string, blocks []articles.Block, pos articles.Position) int {
	if pos.Block <= 0 || pos.Block >= len(blocks) {
		return 0
	}
	text, starts := flatten(lines)
	if off := locateBlocks(text, blocks)[pos.Block]; off >= 0 {
		return lineAtOffset(starts, off)
	}
	return 0
}

// newRenderer makes a Glamour renderer. A renderer keeps a buffer and is
// not safe for concurrent use, so each worker has its own.
func newRenderer(opts Options) (*glamour.TermRenderer, error) {
	style, err := GlamourStyle(opts.Style, opts.JSONStyles)
	if err != nil {
		return nil, err
	}
	return glamour.NewTermRenderer(
		glamour.WithStyles(style),
		glamour.WithWordWrap(opts.Width),
		glamour.WithColorProfile(opts.Profile),
	)
}

// guardedSection renders section i of a. A panic on the way is reported
// and the section becomes one line saying so (broken is then set), so that
// one odd section never takes the article, or cable, down with it.
func guardedSection(r *glamour.TermRenderer, a *articles.Article, i int, reports *crash.Reporter) (lines []string, broken bool, err error) {
	lines, err = crash.File(reports, a.Origin, func() ([]string, error) {
		return renderSection(r, a.SectionMarkdown(i))
	})
	var fe *crash.FileError
	if errors.As(err, &fe) {
		return []string{"  " + a.SectionTitle(i), "", "  " + sectionFailure(fe)}, true, nil
	}
	return lines, false, err
}

// sectionFailure is the line a section that could not be rendered shows.
func sectionFailure(fe *crash.FileError) string {
	if fe.Report == "" {
		return "[cable could not show this section (internal error: " + fe.Panic + ")]"
	}
	return "[cable could not show this section (internal error); a report was written to " + fe.Report + "]"
}

// renderSection renders one section's Markdown and trims the blank lines
// Glamour puts around a document, so that the heading is the first line.
func renderSection(r *glamour.TermRenderer, md string) ([]string, error) {
	if panicOnText != "" && strings.Contains(md, panicOnText) {
		panic("render: a section holding " + panicOnText + " panics, as this build asks")
	}
	md, protected := protectText(md)
	out, err := r.Render(md)
	if err != nil {
		return nil, err
	}
	if protected {
		out = restoreText(out)
	}
	lines := strings.Split(out, "\n")
	for len(lines) > 0 && isBlank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && isBlank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return lines, nil
}

func isBlank(line string) bool { return strings.TrimSpace(ansi.Strip(line)) == "" }

// assemble joins rendered sections into one document and places every
// section and block on its lines.
func assemble(a *articles.Article, opts Options, sections [][]string) *Document {
	d := &Document{Options: opts}
	flat := 0
	for i, lines := range sections {
		if i > 0 {
			d.Lines = append(d.Lines, "")
			d.lineFlat = append(d.lineFlat, flat)
		}
		start := len(d.Lines)
		d.SectionStart = append(d.SectionStart, start)
		d.Lines = append(d.Lines, lines...)
		text, lineStarts := flatten(lines)
		for _, ls := range lineStarts {
			d.lineFlat = append(d.lineFlat, flat+ls)
		}
		blocks := a.Sections[i].Blocks
		found := locateBlocks(text, blocks)
		lineOfBlock := make([]int, len(blocks))
		for j, off := range found {
			switch {
			case off >= 0:
				lineOfBlock[j] = start + lineAtOffset(lineStarts, off)
				found[j] += flat
			case j > 0:
				lineOfBlock[j] = lineOfBlock[j-1] // not found: with the block before
			default:
				lineOfBlock[j] = start
			}
		}
		d.BlockStart = append(d.BlockStart, lineOfBlock)
		d.blockFlat = append(d.blockFlat, found)
		flat += len(text)
	}
	return d
}
