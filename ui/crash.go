package ui

import (
	"fmt"
	"runtime/debug"

	"cable/crash"

	tea "github.com/charmbracelet/bubbletea"
)

// A panic anywhere in cable must leave the reader with a working
// terminal, one short line saying what happened, and the full report in a
// file they can send. guarded wraps the root model so that a panic in
// Update, View or any command becomes a crashMsg: the program quits
// cleanly, restoring the terminal, and Run returns a *CrashError.

// CrashError is returned by Run after a panic. Report is the file holding
// the panic and its stack, or "" when it could not be written.
type CrashError struct {
	Panic  string
	Report string
}

func (e *CrashError) Error() string {
	if e.Report == "" {
		return fmt.Sprintf("cable crashed (%s) and could not write a report", e.Panic)
	}
	return fmt.Sprintf("cable crashed; the report is in %s", e.Report)
}

// crashMsg carries a panic from a command back to the program.
type crashMsg struct{ err *CrashError }

// crashBox is shared by every copy of the guarded model: who writes the
// reports, the crash once there is one, and how to stop the program from
// View, which cannot return a command.
type crashBox struct {
	reports *crash.Reporter
	err     *CrashError
	quit    func()
}

// guarded is the root model with every entry point protected.
type guarded struct {
	model tea.Model
	box   *crashBox
}

func (g guarded) Init() tea.Cmd {
	return g.protect(g.model.Init())
}

func (g guarded) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if c, ok := msg.(crashMsg); ok && g.box.err == nil {
		g.box.err = c.err
	}
	if g.box.err != nil {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.box.err = recordCrash(g.box.reports, r)
			m, cmd = g, tea.Quit
		}
	}()
	next, cmd := g.model.Update(msg)
	g.model = next
	return g, g.protect(cmd)
}

func (g guarded) View() (view string) {
	if g.box.err != nil {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.box.err = recordCrash(g.box.reports, r)
			view = ""
			if g.box.quit != nil {
				go g.box.quit()
			}
		}
	}()
	return g.model.View()
}

// protect wraps a command so that a panic while it runs comes back as a
// crashMsg instead of taking the process down with the terminal in raw
// mode. Batches are protected command by command.
func (g guarded) protect(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = crashMsg{err: recordCrash(g.box.reports, r)}
			}
		}()
		msg = cmd()
		if batch, ok := msg.(tea.BatchMsg); ok {
			for i, c := range batch {
				batch[i] = g.protect(c)
			}
		}
		return msg
	}
}

// recordCrash writes the panic and its stack as a crash report.
func recordCrash(reports *crash.Reporter, r any) *CrashError {
	return &CrashError{Panic: fmt.Sprint(r), Report: reports.Write(r, debug.Stack())}
}
