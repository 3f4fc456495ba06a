// Command scale-bench times cable as a whole process at the sizes feeds
// bring a library to: 2 articles (the bundled ones), 10,000 and 50,000.
// For each size it times, against the floor (cable --version) measured in
// the same run:
//
//   - launch to the library's first frame, in a pseudo-terminal of 120×40
//     (scripts/firstframe/firstframe.py, whose floor is --version there);
//   - launch to the first text of a 50,000-word article, and "cable read"
//     of that article again, from the render cache;
//   - cable list, and cable search ceasefire, their output to a pipe.
//
// It prints the median of each row in milliseconds, the floor's, and the
// ratio of the 50,000 column to the 10,000 one. The libraries are made by
// the generator the library's tests use (TestWriteGeneratedLibrary), once,
// below -work, and each has its own XDG directories there, indexed by a
// first cable list before anything is timed, so every timed run is warm.
//
//	go run ./scripts/scale-bench                       # all sizes, 7 runs
//	go run ./scripts/scale-bench -sizes 2,10000 -runs 11
//	go run ./scripts/scale-bench -bin /tmp/cable-old   # an older build
//
// It is not part of go test: indexing 50,000 articles from nothing takes
// minutes on two cores.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	work := flag.String("work", filepath.Join(os.TempDir(), "cable-scale-bench"), "where the libraries, homes and binary are kept between runs")
	bin := flag.String("bin", "", "the cable binary to time (default: built from this tree into -work)")
	sizes := flag.String("sizes", "2,10000,50000", "library sizes, comma-separated; 2 is the bundled articles alone")
	runs := flag.Int("runs", 7, "timed runs of each row (the median is printed)")
	flag.Parse()
	if err := run(*work, *bin, *sizes, *runs); err != nil {
		fmt.Fprintln(os.Stderr, "scale-bench:", err)
		os.Exit(1)
	}
}

// bench is one run of the script: where things are, and the figures.
type bench struct {
	work, bin, repo string
	runs            int
	long            string // the 50,000-word article
	longTitle       string
}

// row is one line of the table: a name and a median a size.
type row struct {
	name   string
	floor  bool // a floor row: no goal of its own
	values map[int]float64
}

func run(work, bin, sizeList string, runs int) error {
	repo, err := os.Getwd()
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(repo, "scripts", "firstframe", "firstframe.py")); err != nil {
		return fmt.Errorf("run from the repository's root: %w", err)
	}
	var sizes []int
	for _, f := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 2 {
			return fmt.Errorf("-sizes: %q is no size of 2 or more", f)
		}
		sizes = append(sizes, n)
	}
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	b := &bench{work: work, bin: bin, repo: repo, runs: runs}
	if b.bin == "" {
		b.bin = filepath.Join(work, "cable")
		if err := b.cmd("go", "build", "-o", b.bin, ".").Run(); err != nil {
			return fmt.Errorf("building cable: %w", err)
		}
	}
	if err := b.longArticle(); err != nil {
		return err
	}
	rows := []*row{
		{name: "floor: cable --version, pty", floor: true},
		{name: "launch → library's first frame (tmux-size pty 120×40)"},
		{name: "launch → first text of a 50k-word article"},
		{name: "cable read of that article again (render cache)"},
		{name: "floor: cable --version, pipe", floor: true},
		{name: "cable list"},
		{name: "cable search ceasefire"},
	}
	for _, r := range rows {
		r.values = map[int]float64{}
	}
	for _, n := range sizes {
		lib, err := b.library(n)
		if err != nil {
			return err
		}
		home := filepath.Join(work, fmt.Sprintf("home-%d", n))
		if err := b.warm(home, lib); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "timing %d articles…\n", n)
		libArgs := []string{"--library", lib}
		if rows[0].values[n], err = b.frame(home, "", "--version"); err != nil {
			return err
		}
		if rows[1].values[n], err = b.frame(home, "", libArgs...); err != nil {
			return err
		}
		if rows[2].values[n], err = b.frame(home, b.longTitle, append(libArgs, b.long)...); err != nil {
			return err
		}
		cmds := [][]string{
			{"--version"},
			append(slices.Clone(libArgs), "read", "--style", "dark", b.long),
			append(slices.Clone(libArgs), "list"),
			append(slices.Clone(libArgs), "search", "ceasefire"),
		}
		medians, err := b.interleaved(home, cmds)
		if err != nil {
			return err
		}
		rows[4].values[n], rows[3].values[n], rows[5].values[n], rows[6].values[n] = medians[0], medians[1], medians[2], medians[3]
	}
	printTable(os.Stdout, rows, sizes, runs)
	return nil
}

func (b *bench) cmd(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Dir = b.repo
	c.Stdout, c.Stderr = os.Stderr, os.Stderr
	return c
}

// library is the directory of a library of n articles: an empty one for
// 2 (cable lists its two bundled articles), a generated one otherwise.
func (b *bench) library(n int) (string, error) {
	dir := filepath.Join(b.work, fmt.Sprintf("lib-%d", n))
	if n == 2 {
		return dir, os.MkdirAll(dir, 0o755)
	}
	done := filepath.Join(dir, ".generated")
	if _, err := os.Stat(done); err == nil {
		return dir, nil
	}
	fmt.Fprintf(os.Stderr, "generating %d articles in %s…\n", n, dir)
	os.RemoveAll(dir)
	c := b.cmd("go", "test", "./library", "-run", "^TestWriteGeneratedLibrary$", "-count=1")
	c.Env = append(os.Environ(), "CABLE_GEN_DIR="+dir, "CABLE_GEN_N="+strconv.Itoa(n))
	if err := c.Run(); err != nil {
		return "", fmt.Errorf("generating the library: %w", err)
	}
	return dir, os.WriteFile(done, nil, 0o644)
}

// longArticle writes the 50,000-word article, once.
func (b *bench) longArticle() error {
	b.long = filepath.Join(b.work, "long-50k.md")
	if _, err := os.Stat(b.long); err != nil {
		var out bytes.Buffer
		c := b.cmd("go", "run", "./scripts/sample", "-words", "50000")
		c.Stdout = &out
		if err := c.Run(); err != nil {
			return fmt.Errorf("writing the long article: %w", err)
		}
		if err := os.WriteFile(b.long, out.Bytes(), 0o644); err != nil {
			return err
		}
	}
	data, err := os.ReadFile(b.long)
	if err != nil {
		return err
	}
	m := regexp.MustCompile(`(?m)^title: *"?([^"\n]+)"?$`).FindSubmatch(data)
	if m == nil {
		return fmt.Errorf("%s: no title in the front matter", b.long)
	}
	b.longTitle = strings.Fields(string(m[1]))[0]
	return nil
}

// env is the environment of a run in home: its XDG directories.
func env(home string) []string {
	e := os.Environ()
	for _, name := range []string{"STATE", "DATA", "CONFIG", "CACHE"} {
		e = append(e, "XDG_"+name+"_HOME="+filepath.Join(home, strings.ToLower(name)))
	}
	return append(e, "CABLE_NO_STATE=")
}

// warm indexes lib in home, once, and fills the render cache; then, each
// time, lists it with the binary timed, which brings an index made by
// another build up to this one's.
func (b *bench) warm(home, lib string) error {
	steps := [][]string{{"--library", lib, "list"}}
	if _, err := os.Stat(filepath.Join(home, ".warm")); err != nil {
		fmt.Fprintf(os.Stderr, "indexing %s (the first start)…\n", lib)
		steps = append(steps, []string{"--library", lib, "read", "--style", "dark", b.long})
	}
	for _, args := range steps {
		c := exec.Command(b.bin, args...)
		c.Env = env(home)
		c.Stdout, c.Stderr = io.Discard, os.Stderr
		if err := c.Run(); err != nil {
			return fmt.Errorf("%s %s: %w", b.bin, strings.Join(args, " "), err)
		}
	}
	return os.WriteFile(filepath.Join(home, ".warm"), nil, 0o644)
}

var frameMedian = regexp.MustCompile(`first frame median ([0-9.]+) ms`)

// frame is the median time to the first frame of cable with args, in a
// pseudo-terminal, from firstframe.py; marker is the text that marks it
// ("": any text).
func (b *bench) frame(home, marker string, args ...string) (float64, error) {
	ff := []string{"scripts/firstframe/firstframe.py", "--runs", strconv.Itoa(b.runs), "--cols", "120", "--rows", "40",
		"--timeout", "60", "--home", home}
	if marker != "" {
		ff = append(ff, "--marker", marker)
	}
	ff = append(append(ff, b.bin, "--"), args...)
	var out bytes.Buffer
	c := b.cmd("python3", ff...)
	c.Stdout = &out
	if err := c.Run(); err != nil {
		return 0, fmt.Errorf("firstframe %s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	m := frameMedian.FindStringSubmatch(out.String())
	if m == nil {
		return 0, fmt.Errorf("firstframe %s printed no median:\n%s", strings.Join(args, " "), out.String())
	}
	return strconv.ParseFloat(m[1], 64)
}

// interleaved runs each command of cmds once in turn, b.runs times after
// one round not counted, with output to a pipe, and returns each one's
// median wall time in milliseconds: taking turns keeps a drift in the
// machine's speed from favouring one.
func (b *bench) interleaved(home string, cmds [][]string) ([]float64, error) {
	times := make([][]float64, len(cmds))
	for round := range b.runs + 1 {
		for i, args := range cmds {
			c := exec.Command(b.bin, args...)
			c.Env = env(home)
			stdout, err := c.StdoutPipe()
			if err != nil {
				return nil, err
			}
			var stderr bytes.Buffer
			c.Stderr = &stderr
			start := time.Now()
			if err := c.Start(); err != nil {
				return nil, err
			}
			io.Copy(io.Discard, stdout)
			err = c.Wait()
			elapsed := time.Since(start)
			// search finds nothing among the two bundled articles,
			// which is its exit status 1.
			if exit, ok := err.(*exec.ExitError); ok && exit.ExitCode() == 1 && slices.Contains(args, "search") {
				err = nil
			}
			if err != nil {
				return nil, fmt.Errorf("cable %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
			}
			if round > 0 {
				times[i] = append(times[i], float64(elapsed.Microseconds())/1000)
			}
		}
	}
	medians := make([]float64, len(cmds))
	for i, t := range times {
		slices.Sort(t)
		medians[i] = t[len(t)/2]
	}
	return medians, nil
}

// printTable prints the rows as a Markdown table: a column a size, the
// floor's rows as they are and the others with their difference from the
// floor of their kind, and the ratio of the largest size to 10,000.
func printTable(w io.Writer, rows []*row, sizes []int, runs int) {
	fmt.Fprintf(w, "whole process, medians of %d warm runs, ms (+ over the floor of the same kind and size)\n\n", runs)
	head := "| work |"
	rule := "| --- |"
	for _, n := range sizes {
		head += fmt.Sprintf(" %d |", n)
		rule += " --- |"
	}
	ratio := slices.Contains(sizes, 10000) && slices.Contains(sizes, 50000)
	if ratio {
		head += " 50,000 / 10,000 |"
		rule += " --- |"
	}
	fmt.Fprintln(w, head)
	fmt.Fprintln(w, rule)
	var floor *row
	for _, r := range rows {
		if r.floor {
			floor = r
		}
		line := "| " + r.name + " |"
		for _, n := range sizes {
			v := r.values[n]
			if r.floor {
				line += fmt.Sprintf(" %.0f |", v)
			} else {
				line += fmt.Sprintf(" %.0f (+%.0f) |", v, v-floor.values[n])
			}
		}
		if ratio {
			line += fmt.Sprintf(" %.2f× |", r.values[50000]/r.values[10000])
		}
		fmt.Fprintln(w, line)
	}
}
