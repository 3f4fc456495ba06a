// editorsnote.go holds the editor's note: finding it by its heading,
// moving it last or making it from the front matter, and adding the
// author note to it.

package articles

import (
	"strings"
	"unicode"
)

// placeEditorsNote marks the editor's note section and moves it last, or
// makes one from the front matter's editors_note field.
func placeEditorsNote(sections []Section, meta Meta, p *problems) []Section {
	note := -1
	for i := range sections {
		if sections[i].Kind == Body && IsEditorsNoteTitle(sections[i].Title) {
			if note >= 0 {
				p.errorf(sections[i].Line, "a second editor's note (the first is on line %d)", sections[note].Line)
				continue
			}
			note = i
		}
	}
	if meta.EditorsNote != "" {
		if note >= 0 {
			p.errorf(sections[note].Line, "editor's note given twice: here and in the front matter's editors_note")
			return sections
		}
		level := madeSectionLevel(sections)
		made, _ := splitSections(headingMarks(level)+"Editor's note\n\n"+meta.EditorsNote, "", meta.editorsNoteLine, level)
		made[0].Line = meta.editorsNoteLine
		for i := range made[0].Blocks {
			made[0].Blocks[i].Line = meta.editorsNoteLine
		}
		made[0].Kind = EditorsNote
		return append(sections, made[0])
	}
	if note < 0 {
		return sections
	}
	s := sections[note]
	s.Kind = EditorsNote
	out := append(append(sections[:note:note], sections[note+1:]...), s)
	return out
}

// addAuthorNote shows the front matter's author_note (in what capacity the
// author writes) where a reader looks for it, with the editor's note: as
// the note's last paragraph, or as the note itself when the article has
// none. A note that already says it (most of the author note's words are
// in it) is left as it is, rather than saying it twice.
func addAuthorNote(sections []Section, meta Meta) []Section {
	note := strings.TrimSpace(meta.AuthorNote)
	if note == "" || len(sections) == 0 {
		return sections
	}
	last := &sections[len(sections)-1]
	if last.Kind != EditorsNote {
		level := madeSectionLevel(sections)
		made, _ := splitSections(headingMarks(level)+"Editor's note\n\n"+authorNoteMarkdown(note), "", meta.authorNoteLine, level)
		made[0].Kind, made[0].Line = EditorsNote, meta.authorNoteLine
		for i := range made[0].Blocks {
			made[0].Blocks[i].Line = meta.authorNoteLine
		}
		return append(sections, made[0])
	}
	if saysAlready(sectionText(*last), note) {
		return sections
	}
	last.Markdown += "\n\n" + authorNoteMarkdown(note)
	text := "About the author: " + note
	words := countWords(text)
	last.Blocks = append(last.Blocks, Block{Text: text, Line: meta.authorNoteLine, Words: words})
	last.Words += words
	return sections
}

// authorNoteMarkdown is the paragraph that shows an author note: its text
// escaped, so that it reads exactly as written in the front matter.
func authorNoteMarkdown(note string) string {
	return "*About the author:* " + Literal(note)
}

// saysAlready reports whether text holds at least four in five of the
// words of three letters or more of what.
func saysAlready(text, what string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	have := map[string]bool{}
	for _, w := range words(text) {
		have[w] = true
	}
	found, total := 0, 0
	for _, w := range words(what) {
		if len([]rune(w)) < 3 {
			continue
		}
		total++
		if have[w] {
			found++
		}
	}
	return total > 0 && found*5 >= total*4
}

// sectionText is the text of a section's blocks, one after the other.
func sectionText(s Section) string {
	texts := make([]string, len(s.Blocks))
	for i, b := range s.Blocks {
		texts[i] = b.Text
	}
	return strings.Join(texts, " ")
}

// IsEditorsNoteTitle reports whether a heading names the editor's note:
// "Editor's note" in any case, with a straight or curly apostrophe or none,
// "Editors' note", "Note from the editor", with or without a colon.
func IsEditorsNoteTitle(title string) bool {
	if len(title) > 40 {
		return false // longer than any way of saying it; most headings are
	}
	t := strings.ToLower(strings.TrimSpace(title))
	t = strings.TrimRight(t, ": ")
	t = strings.NewReplacer("’", "", "'", "", "‘", "").Replace(t)
	switch t {
	case "editors note", "editors notes", "note from the editor", "note from the editors", "editorial note":
		return true
	}
	return false
}
