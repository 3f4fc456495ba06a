package ui

import (
	"os"
	"strings"
	"testing"

	"cable/crash"

	tea "github.com/charmbracelet/bubbletea"
)

// bomb panics where it is told to.
type bomb struct{ in string }

func (b bomb) Init() tea.Cmd { return nil }
func (b bomb) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch b.in {
	case "update":
		panic("boom in update")
	case "command":
		return b, func() tea.Msg { panic("boom in command") }
	}
	return b, nil
}
func (b bomb) View() string {
	if b.in == "view" {
		panic("boom in view")
	}
	return "fine"
}

func TestPanicsBecomeReports(t *testing.T) {
	for _, where := range []string{"update", "command", "view"} {
		t.Run(where, func(t *testing.T) {
			quit := make(chan struct{}, 1)
			g := guarded{model: bomb{in: where}, box: &crashBox{reports: &crash.Reporter{Dir: t.TempDir()}, quit: func() { quit <- struct{}{} }}}
			next, cmd := g.Update(tea.KeyMsg{})
			if cmd != nil {
				if msg := cmd(); msg != nil {
					next, cmd = next.Update(msg)
				}
			}
			view := next.View()
			err := g.box.err
			if err == nil {
				t.Fatal("no crash recorded")
			}
			if where != "view" && (cmd == nil || cmd() != tea.Quit()) {
				t.Error("the program is not told to quit")
			}
			if where == "view" {
				<-quit // View cannot return a command; it asks the program to quit
				if view != "" {
					t.Errorf("view after a panic = %q", view)
				}
			}
			report, readErr := os.ReadFile(err.Report)
			if readErr != nil || !strings.Contains(string(report), "boom in "+where) || !strings.Contains(string(report), "goroutine") {
				t.Errorf("report %q: %v\n%s", err.Report, readErr, report)
			}
			if !strings.HasPrefix(err.Error(), "cable crashed; the report is in ") {
				t.Errorf("message %q", err.Error())
			}
		})
	}
}
