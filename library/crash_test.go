//go:build unix

package library

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"cable/articles"
)

// crashDBEnv, when set, makes TestHelperProcess the child of
// TestCrashKeepsCommittedReadings: it saves readings into that database
// until it is killed.
const crashDBEnv = "CABLE_LIBRARY_CRASH_DB"

// crashReading is the i-th reading the child saves; every field depends on
// i, so that a reading torn by the crash would show.
func crashReading(i int) Reading {
	return Reading{
		Key:      fmt.Sprintf("/crash/%06d.md", i),
		Position: articles.Position{Section: i, Block: 2 * i, Offset: 3 * i},
		Progress: i % 101,
		Finished: i%7 == 0,
		LastRead: time.Unix(1_700_000_000+int64(i), 0),
	}
}

func TestHelperProcess(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("the child process of TestCrashKeepsCommittedReadings")
	}
	s, notice, err := Open(path)
	if err != nil || notice != "" {
		fmt.Printf("error: %v %s\n", err, notice)
		os.Exit(2)
	}
	readings, err := s.Readings()
	if err != nil {
		fmt.Printf("error: %v\n", err)
		os.Exit(2)
	}
	for i := len(readings); ; i++ {
		if err := s.SaveReading(crashReading(i)); err != nil {
			fmt.Printf("error: %v\n", err)
			os.Exit(2)
		}
		fmt.Printf("saved %d\n", i) // only once committed
	}
}

// A crash at any moment leaves the last committed state: a child process
// saves readings in a loop and is killed with SIGKILL in the middle of it,
// three times over; the database must then open without a notice and hold
// exactly a prefix of what was written, every reading whole, including
// every one the child had reported saved.
func TestCrashKeepsCommittedReadings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cable.db")
	confirmed := -1
	for round := range 3 {
		confirmed = max(confirmed, runAndKill(t, path, 100*(round+1)))
		s, notice, err := Open(path)
		if err != nil || notice != "" {
			t.Fatalf("round %d: after the crash, Open = %v, notice %q", round, err, notice)
		}
		readings, err := s.Readings()
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(readings) <= confirmed {
			t.Fatalf("round %d: %d readings survived; the child had confirmed %d", round, len(readings), confirmed+1)
		}
		for i := range len(readings) {
			want := crashReading(i)
			got, ok := readings[want.Key]
			if !ok {
				t.Fatalf("round %d: reading %d is missing: what survived is not a prefix", round, i)
			}
			if got.Position != want.Position || got.Progress != want.Progress || got.Finished != want.Finished || !got.LastRead.Equal(want.LastRead) {
				t.Fatalf("round %d: reading %d is %+v, want %+v", round, i, got, want)
			}
		}
	}
}

// runAndKill starts the child, lets it confirm at least until readings
// are saved, kills it mid-loop and returns the last index it confirmed.
func runAndKill(t *testing.T, path string, until int) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer cmd.Process.Signal(syscall.SIGKILL)
	last := -1
	lines := bufio.NewScanner(out)
	for last < until && lines.Scan() {
		line := lines.Text()
		if strings.HasPrefix(line, "error") {
			t.Fatalf("child: %s", line)
		}
		if n, ok := strings.CutPrefix(line, "saved "); ok {
			last, _ = strconv.Atoi(n)
		}
	}
	if last < until {
		t.Fatalf("the child stopped after confirming %d readings: %v", last+1, lines.Err())
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	return last
}
