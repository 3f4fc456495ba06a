package articles

import (
	"reflect"
	"strings"
	"testing"
)

// sentencesOf is the text of each sentence Sentences finds.
func sentencesOf(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"blank", "   ", nil},
		{"one without a stop", "A heading without a stop", []string{"A heading without a stop"}},
		{"two", "Tehran waited. Washington did not.", []string{"Tehran waited.", "Washington did not."}},
		{"question and exclamation", "Why now? Because it could! And so it did.",
			[]string{"Why now?", "Because it could!", "And so it did."}},
		{"surrounding space", "  One.  Two.  ", []string{"One.", "Two."}},
		{"Mr. and Dr.", "Mr. Smith met Dr. Jones. They talked.", []string{"Mr. Smith met Dr. Jones.", "They talked."}},
		{"titles of office", "Gen. Milley and Sen. Risch spoke. Nothing changed.",
			[]string{"Gen. Milley and Sen. Risch spoke.", "Nothing changed."}},
		{"U.S. before a name", "The U.S. Army moved in. It stayed.", []string{"The U.S. Army moved in.", "It stayed."}},
		{"U.S. ending a sentence", "Power shifted to the U.S. The rest followed.",
			[]string{"Power shifted to the U.S.", "The rest followed."}},
		{"U.S. at the end", "It was made in the U.S.", []string{"It was made in the U.S."}},
		{"e.g. and i.e.", "Some states, e.g. Iran, resist. Others, i.e. the rest, comply.",
			[]string{"Some states, e.g. Iran, resist.", "Others, i.e. the rest, comply."}},
		{"etc. mid-sentence", "Oil, gas, etc. and much else. Then came the war.",
			[]string{"Oil, gas, etc. and much else.", "Then came the war."}},
		{"etc. at the end", "Oil, gas, etc. Then came the war.", []string{"Oil, gas, etc.", "Then came the war."}},
		{"initials", "J. R. R. Tolkien wrote it. So did C. S. Lewis.",
			[]string{"J. R. R. Tolkien wrote it.", "So did C. S. Lewis."}},
		{"decimal", "Growth was 3.5 percent. It fell.", []string{"Growth was 3.5 percent.", "It fell."}},
		{"No. before a number", "See No. 5 in the series. It helps.", []string{"See No. 5 in the series.", "It helps."}},
		{"No. as a word", "He said No. Then he left.", []string{"He said No.", "Then he left."}},
		{"page numbers", "As argued at p. 14 and pp. 20–25, it holds. Not all agree.",
			[]string{"As argued at p. 14 and pp. 20–25, it holds.", "Not all agree."}},
		{"a date", "On Jan. 6 the Capitol was stormed. Few expected it.",
			[]string{"On Jan. 6 the Capitol was stormed.", "Few expected it."}},
		{"closing quote", `He said, "We left." Then silence.`, []string{`He said, "We left."`, "Then silence."}},
		{"curly closing quote", "He said, “We left.” Then silence.", []string{"He said, “We left.”", "Then silence."}},
		{"quote then lower case", "“Where?” he asked. Nobody knew.", []string{"“Where?” he asked.", "Nobody knew."}},
		{"closing bracket", "It failed (as expected.) Then it worked.", []string{"It failed (as expected.)", "Then it worked."}},
		{"quote and bracket", `(He said "no.") Then he went.`, []string{`(He said "no.")`, "Then he went."}},
		{"single quotes", "They called it 'a reset.' It was not.", []string{"They called it 'a reset.'", "It was not."}},
		{"ellipsis", "It went on… And then it stopped.", []string{"It went on…", "And then it stopped."}},
		{"three dots", "It went on... And then it stopped.", []string{"It went on...", "And then it stopped."}},
		{"ellipsis mid-sentence", "It went on... and on.", []string{"It went on... and on."}},
		{"repeated marks", "Really?! Yes.", []string{"Really?!", "Yes."}},
		{"p.m. before a place", "At 5 p.m. Washington time it began. It ended late.",
			[]string{"At 5 p.m. Washington time it began.", "It ended late."}},
		{"a number after a stop", "The war began in 1914. 1918 ended it.", []string{"The war began in 1914.", "1918 ended it."}},
		{"a web address", "See example.com for more. Then read.", []string{"See example.com for more.", "Then read."}},
		{"CJK full stops", "我们走了。他来了！你呢？", []string{"我们走了。", "他来了！", "你呢？"}},
		{"CJK with closing bracket", "他说：「好。」然后走了。", []string{"他说：「好。」", "然后走了。"}},
		{"Japanese", "東京は晴れです。大阪は雨です。", []string{"東京は晴れです。", "大阪は雨です。"}},
		{"CJK and Latin", "北京说不。Washington said yes.", []string{"北京说不。", "Washington said yes."}},
		{"footnote marker", "It failed.[4] Then it worked.", []string{"It failed.[4]", "Then it worked."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentencesOf(tt.text)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSentenceAt(t *testing.T) {
	text := "One is here. Two is there. Three."
	tests := []struct {
		at   int
		want string
	}{
		{0, "One is here."},
		{11, "One is here."},
		{12, "Two is there."}, // the space between belongs to the next
		{13, "Two is there."},
		{30, "Three."},
		{100, "Three."},
	}
	for _, tt := range tests {
		s := SentenceAt(text, tt.at)
		if got := text[s.Start:s.End]; got != tt.want {
			t.Errorf("SentenceAt(%d) = %q, want %q", tt.at, got, tt.want)
		}
	}
	if s := SentenceAt("", 0); s != (Span{}) {
		t.Errorf("SentenceAt of no text = %v, want none", s)
	}
}

// FuzzSentences: whatever the text, the sentences are in order, within
// it, trimmed, and only white space lies between and around them.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Mr. Smith went. He came back.", "我们走了。他来了！", `He said "no." Then.`,
		"U.S. e.g. i.e. J. R. R.", "...…?!", "It failed.[4] Then.", "No. 5. p. 14."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Sentences(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("Sentences(%q): span %v after %d", text, s, prev)
			}
			if strings.TrimSpace(text[prev:s.Start]) != "" {
				t.Fatalf("Sentences(%q): text %q left out", text, text[prev:s.Start])
			}
			if got := text[s.Start:s.End]; strings.TrimSpace(got) != got {
				t.Fatalf("Sentences(%q): %q is not trimmed", text, got)
			}
			prev = s.End
		}
		if strings.TrimSpace(text[prev:]) != "" {
			t.Fatalf("Sentences(%q): text %q left out", text, text[prev:])
		}
	})
}
