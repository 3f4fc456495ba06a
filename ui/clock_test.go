package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TestAStatusStaysUntilItsTimeIsUp: a passing message is set with a
// timer on the context's clock; it stays while the clock has not reached
// it, however long the work around it takes, and goes when it has.
func TestAStatusStaysUntilItsTimeIsUp(t *testing.T) {
	m := openSeed(t, 100, 30)
	m, cmd := press(t, m, "w")
	m = settle(t, m, cmd)
	if !strings.HasPrefix(m.reader.status.text, "Text width:") {
		t.Fatalf("w said %q", m.reader.status.text)
	}
	if clockOf(t, m).pending() == 0 {
		t.Fatal("no timer set for the status")
	}
	m = elapse(t, m, statusDuration-time.Millisecond)
	if !strings.HasPrefix(m.reader.status.text, "Text width:") {
		t.Errorf("the status went before its time: %q", m.reader.status.text)
	}
	m = elapse(t, m, time.Millisecond)
	if m.reader.status.text != "" {
		t.Errorf("the status %q stayed after its time", m.reader.status.text)
	}
}

// TestSettleKnowsASequence: settle refuses what it cannot run in order,
// rather than dropping it.
func TestSettleKnowsASequence(t *testing.T) {
	if !isSequence(tea.Sequence(tea.Quit, tea.Quit)()) || isSequence(tea.Batch(tea.Quit, tea.Quit)()) {
		t.Error("a sequence is not told from a batch")
	}
}
