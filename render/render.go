package render

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"cable/articles"
	"cable/crash"

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
	// Links says how links show in the text: clean (the default),
	// numbered or inline.
	Links LinkMode
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
	// markers[i][j] are the link numbers shown in block j of section i,
	// which its text (and so a Position's offset) does not hold: they are
	// stepped over when an offset is mapped to a line and back. Nil unless
	// links are numbered.
	markers [][][]linkNumber
	// links are where the links' texts stand, line by line, to be made
	// hyperlinks; in line order. Nil with links inline, whose addresses
	// are in the text.
	links []linkSpan
	// Partial is set on a first paint: only the sections on screen are
	// rendered, the others stand as one line with their title until the
	// whole rendering arrives.
	Partial bool
}

// Article renders every section of a on its own, in parallel across the
// machine's cores, and joins them with one blank line between sections.
// Each section's heading lands exactly on SectionStart.
func Article(a *articles.Article, opts Options) (*Document, error) {
	rendered := make([]renderedSection, len(a.Sections))
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
	rendered := make([]renderedSection, len(a.Sections))
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
		below := len(rendered[i].lines)
		if i == start {
			below -= rendered[i].linesBefore(pos)
		}
		need -= below + 1
	}
	for i := range rendered {
		if rendered[i].lines == nil {
			rendered[i].lines = []string{"  " + a.SectionTitle(i) + " …"}
		}
	}
	doc := assemble(a, opts, rendered)
	doc.Partial = true
	return doc, nil
}

// linesBefore is how many of a section's rendered lines come before pos.
func (r renderedSection) linesBefore(pos articles.Position) int {
	if pos.Block <= 0 || pos.Block >= len(r.blocks) || !r.blocks[pos.Block].found {
		return 0
	}
	return r.blocks[pos.Block].line
}

// guardedSection renders section i of a. A panic on the way is reported
// and the section becomes one line saying so (broken is then set), so that
// one odd section never takes the article, or cable, down with it.
func guardedSection(r *renderer, a *articles.Article, i int, reports *crash.Reporter) (section renderedSection, broken bool, err error) {
	section, err = crash.File(reports, a.Origin, func() (renderedSection, error) {
		return renderMarked(r, a.SectionMarkdown(i), linkBase(a, i))
	})
	var fe *crash.FileError
	if errors.As(err, &fe) {
		return renderedSection{lines: []string{"  " + a.SectionTitle(i), "", "  " + sectionFailure(fe)}}, true, nil
	}
	return section, false, err
}

// sectionFailure is the line a section that could not be rendered shows.
func sectionFailure(fe *crash.FileError) string {
	if fe.Report == "" {
		return "[cable could not show this section (internal error: " + fe.Panic + ")]"
	}
	return "[cable could not show this section (internal error); a report was written to " + fe.Report + "]"
}

// renderedSection is a section's rendered lines, its text without white
// space (only its length is kept) and where each line starts in it, and
// where each of its blocks starts; blocks is nil when that is not known.
type renderedSection struct {
	lines    []string
	lineFlat []int
	flatLen  int
	blocks   []place
	links    []linkSpan
}

// renderSection renders one section's Markdown and trims the blank lines
// Glamour puts around a document, so that the heading is the first line.
func renderSection(r *renderer, md string) ([]string, error) {
	section, err := renderLines(r, md, 0, false)
	return section.lines, err
}

// renderMarked renders one section as renderSection does and places its
// blocks; base is how many links of the article come before the section.
func renderMarked(r *renderer, md string, base int) (renderedSection, error) {
	return renderLines(r, md, base, true)
}

func renderLines(r *renderer, md string, base int, marked bool) (renderedSection, error) {
	if panicOnText != "" && strings.Contains(md, panicOnText) {
		panic("render: a section holding " + panicOnText + " panics, as this build asks")
	}
	out, blocks, spots, links, err := r.render(md, base, marked)
	if err != nil {
		return renderedSection{}, err
	}
	lines := strings.Split(out, "\n")
	first := 0
	for first < len(lines) && isBlank(lines[first]) {
		first++
	}
	lines = lines[first:]
	for len(lines) > 0 && isBlank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	section := renderedSection{lines: lines}
	if !marked {
		return section, nil
	}
	for _, l := range links {
		if l.line -= first; l.line >= 0 && l.line < len(lines) {
			section.links = append(section.links, l)
		}
	}
	for i := range spots {
		if spots[i].line -= first; spots[i].line < 0 || spots[i].line >= len(lines) {
			blocks = nil // a mark on a blank line: cannot be
		}
	}
	text, lineFlat := flatten(lines)
	section.lineFlat, section.flatLen = lineFlat, len(text)
	section.blocks = placeBlocks(lines, text, lineFlat, blocks, spots)
	return section, nil
}

func isBlank(line string) bool { return strings.TrimSpace(ansi.Strip(line)) == "" }

// assemble joins rendered sections into one document and places every
// section and block on its lines.
func assemble(a *articles.Article, opts Options, sections []renderedSection) *Document {
	d := &Document{Options: opts}
	flat := 0
	for i, sec := range sections {
		if i > 0 {
			d.Lines = append(d.Lines, "")
			d.lineFlat = append(d.lineFlat, flat)
		}
		start := len(d.Lines)
		d.SectionStart = append(d.SectionStart, start)
		d.Lines = append(d.Lines, sec.lines...)
		if sec.lineFlat == nil { // a section standing as one line
			text, lineFlat := flatten(sec.lines)
			sec.lineFlat, sec.flatLen = lineFlat, len(text)
		}
		for _, l := range sec.links {
			l.line += start
			d.links = append(d.links, l)
		}
		for _, ls := range sec.lineFlat {
			d.lineFlat = append(d.lineFlat, flat+ls)
		}
		blocks := a.Sections[i].Blocks
		found := make([]int, len(blocks))
		lineOfBlock := make([]int, len(blocks))
		for j := range blocks {
			var p place
			if len(sec.blocks) == len(blocks) {
				p = sec.blocks[j]
			}
			switch {
			case p.found:
				lineOfBlock[j], found[j] = start+p.line, flat+p.flat
			case j > 0:
				lineOfBlock[j], found[j] = lineOfBlock[j-1], -1 // not placed: with the block before
			default:
				lineOfBlock[j], found[j] = start, -1
			}
		}
		d.BlockStart = append(d.BlockStart, lineOfBlock)
		d.blockFlat = append(d.blockFlat, found)
		flat += sec.flatLen
	}
	d.markers = linkMarkers(a, opts.Links)
	return d
}
