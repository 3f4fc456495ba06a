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
	values map[int]figure
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
		{name: "floor: cable --version, pipe", floor: true},
		{name: "cable read of that article again (render cache)"},
		{name: "cable list"},
		{name: "cable search ceasefire"},
	}
	for _, r := range rows {
		r.values = map[int]figure{}
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
		for i, f := range medians {
			rows[3+i].values[n] = f
		}
		for _, r := range rows {
			fmt.Fprintf(os.Stderr, "%d\t%s\t%.1f ms\t%.1f ms CPU\n", n, r.name, r.values[n].wall, r.values[n].cpu)
		}
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

var (
	frameMedian = regexp.MustCompile(`first frame median ([0-9.]+) ms`)
	frameCPU    = regexp.MustCompile(`CPU time to the first frame median ([0-9.]+) ms`)
)

// frame is the median time to the first frame of cable with args, in a
// pseudo-terminal, and the CPU time it took, from firstframe.py; marker
// is the text that marks it ("": any text).
func (b *bench) frame(home, marker string, args ...string) (figure, error) {
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
		return figure{}, fmt.Errorf("firstframe %s: %w\n%s", strings.Join(args, " "), err, out.String())
	}
	m, cpu := frameMedian.FindStringSubmatch(out.String()), frameCPU.FindStringSubmatch(out.String())
	if m == nil || cpu == nil {
		return figure{}, fmt.Errorf("firstframe %s printed no median:\n%s", strings.Join(args, " "), out.String())
	}
	var f figure
	f.wall, _ = strconv.ParseFloat(m[1], 64)
	f.cpu, _ = strconv.ParseFloat(cpu[1], 64)
	return f, nil
}

// figure is a row's median at one size: wall time and CPU time, in ms.
type figure struct{ wall, cpu float64 }

// interleaved runs each command of cmds once in turn, b.runs times after
// one round not counted, with output to a pipe, and returns each one's
// median wall time in milliseconds: taking turns keeps a drift in the
// machine's speed from favouring one.
func (b *bench) interleaved(home string, cmds [][]string) ([]figure, error) {
	times := make([][]float64, len(cmds))
	cpus := make([][]float64, len(cmds))
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
				cpus[i] = append(cpus[i], float64((c.ProcessState.UserTime()+c.ProcessState.SystemTime()).Microseconds())/1000)
			}
		}
	}
	medians := make([]figure, len(cmds))
	for i := range times {
		medians[i] = figure{wall: median(times[i]), cpu: median(cpus[i])}
	}
	return medians, nil
}

func median(list []float64) float64 {
	slices.Sort(list)
	return list[len(list)/2]
}

// printTable prints the rows as two Markdown tables, wall time and CPU
// time: a column a size, the floor's rows as they are and the others
// with their difference from the floor of their kind (for CPU time, the
// floor through a pipe: --version in a terminal has exited before its
// time can be read), and the ratio of 50,000 to 10,000. On a machine
// shared with other work the CPU time moves much less than the wall time.
func printTable(w io.Writer, rows []*row, sizes []int, runs int) {
	ratio := slices.Contains(sizes, 10000) && slices.Contains(sizes, 50000)
	for _, kind := range []string{"wall", "CPU"} {
		pick := func(f figure) float64 {
			if kind == "CPU" {
				return f.cpu
			}
			return f.wall
		}
		fmt.Fprintf(w, "\n%s time, whole process, medians of %d warm runs, ms (+ over the floor)\n\n", kind, runs)
		head, rule := "| work |", "| --- |"
		for _, n := range sizes {
			head += fmt.Sprintf(" %d |", n)
			rule += " --- |"
		}
		if ratio {
			head += " 50,000 / 10,000 |"
			rule += " --- |"
		}
		fmt.Fprintln(w, head)
		fmt.Fprintln(w, rule)
		var floor *row
		for _, r := range rows {
			if r.floor && kind == "CPU" && !strings.Contains(r.name, "pipe") {
				continue
			}
			if r.floor {
				floor = r
			}
			if floor == nil { // CPU: the pipe's floor, which comes later
				floor = rows[slices.IndexFunc(rows, func(r *row) bool { return r.floor && strings.Contains(r.name, "pipe") })]
			}
			line := "| " + r.name + " |"
			for _, n := range sizes {
				v := pick(r.values[n])
				if r.floor {
					line += fmt.Sprintf(" %.0f |", v)
				} else {
					line += fmt.Sprintf(" %.0f (+%.0f) |", v, v-pick(floor.values[n]))
				}
			}
			if ratio {
				line += fmt.Sprintf(" %.2f× |", pick(r.values[50000])/pick(r.values[10000]))
			}
			fmt.Fprintln(w, line)
		}
	}
}
