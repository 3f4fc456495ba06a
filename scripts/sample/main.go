// Command sample writes a generated article of realistic shape to
// standard output, for timing cable against other readers on the same
// text: go run ./scripts/sample -words 50000 > long.md
package main

import (
	"flag"
	"os"

	"cable/articles"
)

func main() {
	words := flag.Int("words", 10000, "about how many words")
	seed := flag.Uint64("seed", 1, "the same seed gives the same article")
	flag.Parse()
	os.Stdout.Write(articles.SampleArticle(*words, *seed))
}
