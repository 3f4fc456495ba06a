// Command screenshots makes the README's pictures of cable from the real
// program: it builds cable, runs it in a detached tmux session of a fixed
// size for each picture, presses keys as a reader would, waits until the
// screen shows what the picture is of, captures the screen with its
// colours (tmux capture-pane -e) and draws the capture as an SVG picture
// of a dark terminal (svg.go).
//
// Run it from the repository's root:
//
//	go run ./scripts/screenshots [-out docs/screenshots] [-bin PATH] [-only library,search]
//
// It writes library.svg, reader-toc.svg, search.svg, names.svg and
// editors-note.svg to -out (by default docs/screenshots in the module's
// root). -bin uses a cable binary already built instead of building one.
// It needs tmux. It takes about ten seconds: the build, then one or two
// seconds a picture. It writes nothing but the pictures, and leaves no
// tmux server behind.
//
// The pictures do not depend on the machine they are made on, as far as
// cable allows: every scene runs over a new, empty home ($HOME and the
// XDG directories in a temporary directory, so a fresh start with only the
// bundled articles, and never the user's state), in a clean environment
// (no NO_COLOR, CABLE_* or TMUX from the caller), with --style dark, on a
// tmux server of its own (-L) started with no configuration but ours:
// TERM=tmux-256color and COLORTERM=truecolor, from which cable's colour
// detection (termenv) takes true colour, and no status bar, so that the
// pane is the whole cols×rows window.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

const (
	// pollInterval is how often the screen is read while waiting.
	pollInterval = 50 * time.Millisecond
	// settleTime is how long the screen must stay the same before it is
	// captured, so that a picture is never taken half-drawn.
	settleTime = 400 * time.Millisecond
	// session is the tmux session's name on each scene's own server.
	session = "cable"
)

// The bundled article the pictures show, and what its screens say.
const (
	article    = "How Deep Are Azerbaijan-Israel Relations?"
	guide      = "Reading with cable"
	libraryBar = "│ " // the mark of the selected entry of the library
)

// step is one thing a reader does in a scene: press a key (a single
// character is typed literally; anything longer is a tmux key name such
// as Enter or Escape), then wait until the screen shows want, or until
// ready accepts it. A step may only wait, with no key.
type step struct {
	key   string
	want  string
	ready func(rows []string) bool
	// about says what ready waits for, for the error when it never comes.
	about string
	// do, when set, replaces key and want: it drives the terminal itself.
	do func(t *terminal) error
}

func press(key, want string) step { return step{key: key, want: want} }
func wait(want string) step       { return step{want: want} }

// typeText types text a character at a time, waiting after each for the
// prompt to show what has been typed so far: Bubble Tea reads characters
// that arrive together as one key.
func typeText(prompt, text string) []step {
	var steps []step
	for i := range text {
		steps = append(steps, press(text[i:i+1], prompt+text[:i+1]))
	}
	return steps
}

// openArticle selects the article in the library and opens it. The
// library lists the newest first, and which that is may change, so it
// reads the screen: it goes to the top (g) and down (j) until the
// article is the selected entry, then presses enter.
func openArticle(title string) step {
	return step{do: func(t *terminal) error {
		if _, err := t.waitFor(title, nil, "the library listing "+strconv.Quote(title)); err != nil {
			return err
		}
		selected := func(rows []string) bool {
			return slices.ContainsFunc(rows, func(r string) bool { return strings.HasPrefix(strings.TrimSpace(r), libraryBar+title) })
		}
		if err := t.send("g"); err != nil {
			return err
		}
		for i := 0; ; i++ {
			rows, err := t.settled()
			if err != nil {
				return err
			}
			if selected(rows) {
				break
			}
			if i == 20 {
				return fmt.Errorf("%q is never the selected entry of the library:\n%s", title, dump(rows))
			}
			if err := t.send("j"); err != nil {
				return err
			}
		}
		if err := t.send("Enter"); err != nil {
			return err
		}
		_, err := t.waitFor("§1/", nil, "the article open at its first section")
		return err
	}}
}

// scene is one picture: the terminal's size, the arguments cable is
// started with and what the reader does before the picture is taken.
type scene struct {
	name       string // the file's name, without .svg
	title      string // what the picture shows, its accessible name
	cols, rows int
	steps      []step
}

var scenes = []scene{
	{
		name:  "library",
		title: "cable's library: the bundled articles, the first selected",
		cols:  100, rows: 12,
		steps: []step{wait(article), wait(guide), wait("enter open")},
	},
	{
		name:  "reader-toc",
		title: "cable reading “" + article + "”, the contents beside the text, the section at the top highlighted",
		cols:  140, rows: 40,
		steps: []step{
			openArticle(article),
			press("T", "Contents"),
			press("]", "§2/8 A periphery strategy"),
			press("]", "§3/8 Wary of provoking Iran"),
		},
	},
	{
		name:  "search",
		title: "cable searching an article for “Karabakh”: every match highlighted, the current one in orange",
		cols:  100, rows: 30,
		steps: slices.Concat(
			[]step{openArticle(article), press("/", "/")},
			typeText("/", "Karabakh"),
			[]step{
				press("Enter", "match 1/"),
				press("n", "match 2/"),
			},
		),
	},
	{
		name:  "names",
		title: "cable's names index: the places, people and organisations an article mentions, most mentioned first",
		cols:  100, rows: 30,
		steps: []step{
			openArticle(article),
			press("i", "Names in this article"),
		},
	},
	{
		name:  "editors-note",
		title: "cable showing an article's editor’s note: who the author is",
		// 16 rows at least: shorter, the reader drops the blank line under
		// its header.
		cols: 100, rows: 16,
		steps: []step{
			openArticle(article),
			press("e", "Eldar Mamedov is a political adviser"),
		},
	},
}

func main() {
	out := flag.String("out", "", "the directory the pictures are written to (default: docs/screenshots in the module's root)")
	bin := flag.String("bin", "", "a cable binary to run instead of building one")
	only := flag.String("only", "", "comma-separated names of the pictures to make (default: all): "+sceneNames())
	timeout := flag.Duration("timeout", 15*time.Second, "how long to wait for each screen")
	keepANSI := flag.Bool("ansi", false, "also write each raw capture, with its escape sequences, as NAME.ansi")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./scripts/screenshots [flags]\n\nMakes the README's pictures of cable by running it in tmux.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*out, *bin, *only, *timeout, *keepANSI); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func sceneNames() string {
	var names []string
	for _, s := range scenes {
		names = append(names, s.name)
	}
	return strings.Join(names, ", ")
}

func run(out, bin, only string, timeout time.Duration, keepANSI bool) error {
	start := time.Now()
	chosen := scenes
	if only != "" {
		chosen = nil
		for _, name := range strings.Split(only, ",") {
			i := slices.IndexFunc(scenes, func(s scene) bool { return s.name == strings.TrimSpace(name) })
			if i < 0 {
				return fmt.Errorf("no picture named %q; there are %s", name, sceneNames())
			}
			chosen = append(chosen, scenes[i])
		}
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		return errors.New("tmux is needed to run cable in a terminal of a fixed size, and is not installed")
	}
	tmp, err := os.MkdirTemp("", "cable-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	if out == "" || bin == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		if out == "" {
			out = filepath.Join(root, "docs", "screenshots")
		}
		if bin == "" {
			bin = filepath.Join(tmp, "cable")
			fmt.Fprintf(os.Stderr, "building cable... ")
			build := exec.Command("go", "build", "-o", bin, ".")
			build.Dir = root
			if output, err := build.CombinedOutput(); err != nil {
				return fmt.Errorf("go build: %v\n%s", err, output)
			}
			fmt.Fprintf(os.Stderr, "%.1fs\n", time.Since(start).Seconds())
		}
	}
	if bin, err = filepath.Abs(bin); err != nil {
		return err
	}
	if info, err := os.Stat(bin); err != nil {
		return err
	} else if info.IsDir() || info.Mode()&0o111 == 0 {
		return fmt.Errorf("%s is not a program", bin)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}

	var failed []string
	for _, sc := range chosen {
		began := time.Now()
		capture, err := shoot(sc, bin, tmp, timeout)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", sc.name, err)
			failed = append(failed, sc.name)
			continue
		}
		svg := Parse(capture, sc.cols, sc.rows).SVG(DarkTheme, sc.title)
		path := filepath.Join(out, sc.name+".svg")
		if err := os.WriteFile(path, []byte(svg), 0o644); err != nil {
			return err
		}
		if keepANSI {
			if err := os.WriteFile(filepath.Join(out, sc.name+".ansi"), []byte(capture), 0o644); err != nil {
				return err
			}
		}
		if wd, err := os.Getwd(); err == nil {
			if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
				path = rel
			}
		}
		fmt.Fprintf(os.Stderr, "%-36s %3d×%-3d %.1fs\n", path, sc.cols, sc.rows, time.Since(began).Seconds())
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d pictures failed: %s", len(failed), len(chosen), strings.Join(failed, ", "))
	}
	fmt.Fprintf(os.Stderr, "done in %.1fs\n", time.Since(start).Seconds())
	return nil
}

// moduleRoot is the directory of the go.mod of the module being worked
// in, which must be cable's.
func moduleRoot() (string, error) {
	output, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(output))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("run this from inside the cable module (go.mod not found)")
	}
	return filepath.Dir(gomod), nil
}
