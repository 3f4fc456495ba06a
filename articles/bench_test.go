package articles

import (
	"fmt"
	"testing"
)

// BenchmarkParse parses generated articles of 1k, 10k and 50k words.
func BenchmarkParse(b *testing.B) {
	for _, words := range []int{1_000, 10_000, 50_000} {
		data := SampleArticle(words, 1)
		b.Run(fmt.Sprintf("%dk", words/1000), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse("bench.md", data, "bench"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestSampleArticleParses(t *testing.T) {
	for _, words := range []int{1_000, 50_000} {
		a, err := Parse("s.md", SampleArticle(words, 7), "s")
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Words(); got < words || got > words*12/10 {
			t.Errorf("SampleArticle(%d) has %d words", words, got)
		}
		if len(a.Sections) < words/1000 || len(a.Warnings) > 0 {
			t.Errorf("SampleArticle(%d): %d sections, warnings %v", words, len(a.Sections), a.Warnings)
		}
	}
}
