package library

import "testing"

func TestQuoteMarkdown(t *testing.T) {
	tests := []struct {
		name string
		q    Quote
		want string
	}{
		{
			name: "everything known",
			q: Quote{Title: "How Deep Are Azerbaijan-Israel Relations?", Author: "Eldar Mamedov",
				Source: "The Review", Published: "2013-05-01", SectionTitle: "Arms and Karabakh",
				URL: "https://example.org/a", Text: "Thus, Israel represents an important weapons outlet."},
			want: "> Thus, Israel represents an important weapons outlet.\n\n" +
				"— Eldar Mamedov, “How Deep Are Azerbaijan-Israel Relations?”, The Review, 2013-05-01, section “Arms and Karabakh”. <https://example.org/a>\n",
		},
		{
			name: "only a title: nothing invented",
			q:    Quote{Title: "Untitled notes", Text: "One line.\nAnother line. "},
			want: "> One line.\n> Another line.\n\n— “Untitled notes”.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.q.Markdown(); got != tt.want {
				t.Errorf("Markdown() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
