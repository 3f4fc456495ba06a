package ui

import (
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// The test driver. A model's commands are of two kinds: work (opening an
// article, rendering it, writing to the store), which a test waits for,
// and timers (a status message's lifetime, the save reminder, the wait
// after a resize, the spinner's frames), which a test fires when it
// chooses. Every timer is made by the context's Clock; in the tests that
// is a testClock, whose timers return at once, without a message, and
// wait in the clock until elapse moves its time past them. So settle
// never has to guess, from how long a command takes, which kind it is.

// testClock is a clock that only moves when a test says so. Its timers'
// commands note the timer and return nothing; elapse fires them.
type testClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []pendingTimer
}

// pendingTimer is a timer set and not yet fired.
type pendingTimer struct {
	at time.Time
	fn func(time.Time) tea.Msg
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)}
}

// Tick is a command that sets a timer d from the clock's time when it is
// run, as tea.Tick's starts when its command runs.
func (c *testClock) Tick(d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.timers = append(c.timers, pendingTimer{at: c.now.Add(d), fn: fn})
		return nil
	}
}

// advance moves the clock's time on by d.
func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// due takes the earliest timer whose time has come, if there is one.
func (c *testClock) due() (pendingTimer, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	i := -1
	for j, tm := range c.timers {
		if !tm.at.After(c.now) && (i < 0 || tm.at.Before(c.timers[i].at)) {
			i = j
		}
	}
	if i < 0 {
		return pendingTimer{}, false
	}
	tm := c.timers[i]
	c.timers = slices.Delete(c.timers, i, i+1)
	return tm, true
}

// pending is how many timers are set and not yet fired.
func (c *testClock) pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.timers)
}

// clockOf is the test clock of m's context.
func clockOf(t testing.TB, m Model) *testClock {
	t.Helper()
	c, ok := m.ctx.Clock.(*testClock)
	if !ok {
		t.Fatalf("the model's context has the clock %T, not a testClock: settle cannot tell its timers from work", m.ctx.Clock)
	}
	return c
}

// newTestContext is NewContext with a test clock.
func newTestContext(theme string) *Context {
	ctx := NewContext(theme, testProfile, 80)
	ctx.Clock = newTestClock()
	return ctx
}

// commandTimeout is how long settle waits for one command before it
// fails the test: far longer than any work takes, so that only a command
// that never ends (or a timer not made by the clock) reaches it.
const commandTimeout = time.Minute

// maxUpdates is how many messages settle feeds back before it fails the
// test: commands that keep answering each other never settle.
const maxUpdates = 100_000

// settle runs cmd and every command that follows from it, feeding each
// message back into the model, until no command is left. Commands run one
// at a time, in the order they were given (a batch's in its order, after
// those already waiting), so a test sees the same thing every time.
// Timers are set in the clock, not waited for; elapse fires them.
//
// until, when given, ends settling as soon as the model is as it says,
// leaving the commands still waiting unrun: a test looks at the screen
// while a feed update waits for it, and would otherwise wait forever for
// the update's next event.
func settle(t testing.TB, m Model, cmd tea.Cmd, until ...func(Model) bool) Model {
	t.Helper()
	clockOf(t, m)
	queue := []tea.Cmd{cmd}
	for updates := 0; len(queue) > 0; {
		if len(until) > 0 && until[0](m) {
			return m
		}
		next := queue[0]
		queue = queue[1:]
		if next == nil {
			continue
		}
		switch msg := runCommand(t, next).(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		case spinner.TickMsg, cursor.BlinkMsg:
			t.Fatalf("a %T came from a timer the clock did not make", msg)
		default:
			if isSequence(msg) {
				t.Fatal("a tea.Sequence: settle runs batches, not sequences")
			}
			if updates++; updates > maxUpdates {
				t.Fatalf("still settling after %d messages: commands that keep answering each other", updates)
			}
			var after tea.Cmd
			m, after = update(m, msg)
			queue = append(queue, after)
		}
	}
	if len(until) > 0 && !until[0](m) {
		t.Fatal("every command ran and the model never came to what the test waits for")
	}
	return m
}

// runCommand runs a command and returns its message, failing the test if
// it has not finished after commandTimeout.
func runCommand(t testing.TB, cmd tea.Cmd) tea.Msg {
	t.Helper()
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(commandTimeout):
		t.Fatalf("a command still ran after %v", commandTimeout)
		return nil
	}
}

// elapse moves the model's clock on by d, fires the timers whose time
// has come, earliest first, and settles what they bring about.
func elapse(t testing.TB, m Model, d time.Duration) Model {
	t.Helper()
	c := clockOf(t, m)
	c.advance(d)
	for {
		tm, ok := c.due()
		if !ok {
			return m
		}
		var cmd tea.Cmd
		m, cmd = update(m, tm.fn(tm.at))
		m = settle(t, m, cmd)
	}
}

// update gives the model one message.
func update(m Model, msg tea.Msg) (Model, tea.Cmd) {
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

// isSequence reports whether msg is what tea.Sequence's command returns,
// a list of commands of a type Bubble Tea does not export.
func isSequence(msg tea.Msg) bool {
	if _, batch := msg.(tea.BatchMsg); batch || msg == nil {
		return false
	}
	v := reflect.ValueOf(msg)
	return v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]()
}
