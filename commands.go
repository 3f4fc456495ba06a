package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"cable/articles"
	"cable/config"
	"cable/crash"
	"cable/library"
	"cable/render"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// commandCatalog opens the catalog for a command, saying any warning on
// stderr, where a script's output stays clean of it.
func commandCatalog(cmd *cobra.Command, global *env, paths []string) (*library.Catalog, error) {
	cat, err := global.openCatalog(paths)
	if err != nil {
		return nil, err
	}
	if cat.Warning != "" {
		fmt.Fprintln(cmd.ErrOrStderr(), "cable:", cat.Warning)
	}
	return cat, nil
}

func newListCommand(global *env) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [FILE|DIR...]",
		Short: "List the articles: id, title, author, words, minutes, progress",
		RunE: func(cmd *cobra.Command, args []string) error {
			// Nearly everything list allocates stays in use until it
			// exits, so collecting early finds little garbage: listing
			// 10,000 articles took six collections with the default and
			// takes three at 400, an eighth less CPU time, for 5 MB more
			// at the peak (62 MB).
			debug.SetGCPercent(400)
			cat, err := global.commandCatalog(cmd, args)
			if err != nil {
				return err
			}
			defer cat.Close()
			cfg, err := global.loadConfig()
			if err != nil {
				return err
			}
			listed := listing(cat, cfg.WordsPerMinute)
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), listed)
			}
			// A broken file is listed as such; why it is broken goes to
			// stderr, a line per problem, and the listing goes on.
			for _, a := range listed {
				if a.Error != "" {
					fmt.Fprintln(cmd.ErrOrStderr(), a.Error)
				}
			}
			return writeTable(cmd.OutOrStdout(), listed)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of objects")
	return cmd
}

// listedArticle is one article as "cable list --json" prints it.
type listedArticle struct {
	articles.Summary
	Progress int        `json:"progress"`
	Finished bool       `json:"finished"`
	LastRead *time.Time `json:"last_read"`
	// New is set for an article saved by a feed update or cable get and
	// not opened since.
	New   bool   `json:"new"`
	Error string `json:"error,omitempty"`
}

// listing is every article of the catalog with how far it has been read,
// its reading time at wpm words a minute (the default when 0).
func listing(cat *library.Catalog, wpm int) []listedArticle {
	var readings map[string]library.Reading
	var fresh map[string]bool
	if cat.Store != nil {
		readings, _ = cat.Store.Readings()
		fresh, _ = cat.Store.NewKeys()
	}
	out := make([]listedArticle, len(cat.Entries))
	for i, e := range cat.Entries {
		a := listedArticle{Summary: e.Summary, Error: e.Error, New: fresh[e.Key]}
		a.Minutes = articles.MinutesAt(a.Words, wpm)
		if a.Sections == nil {
			a.Sections = []string{}
		}
		if r, ok := readings[e.Key]; ok {
			a.Progress, a.Finished = r.Progress, r.Finished
			if !r.LastRead.IsZero() {
				a.LastRead = &r.LastRead
			}
		}
		out[i] = a
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeTable prints the list as aligned columns, padded by the cells
// each cell takes on screen: a title in Chinese or Japanese takes two a
// character, which a tab writer, counting characters, would misalign.
// Output is buffered: unbuffered, 10,000 articles took 100,000 write
// calls.
func writeTable(w io.Writer, list []listedArticle) error {
	rows := make([][6]string, 0, len(list)+1)
	rows = append(rows, [6]string{"ID", "TITLE", "AUTHOR", "WORDS", "MIN", "READ"})
	for _, a := range list {
		read := ""
		switch {
		case a.Error != "":
			read = "broken"
		case a.Finished:
			read = "finished"
		case a.LastRead != nil:
			read = strconv.Itoa(a.Progress) + "%"
		case a.New:
			read = "new"
		}
		rows = append(rows, [6]string{a.ID, a.Title, a.Author, strconv.Itoa(a.Words), strconv.Itoa(a.Minutes), read})
	}
	buf := bufio.NewWriter(w)
	for _, line := range tableLines(rows) {
		buf.WriteString(line)
		buf.WriteByte('\n')
	}
	return buf.Flush()
}

// tableLines lays rows out in columns two spaces apart, each as wide as
// its widest cell in display cells; the last column is not padded.
func tableLines(rows [][6]string) []string {
	var widths [6]int
	cells := make([][6]int, len(rows))
	for r, row := range rows {
		for c, cell := range row {
			cells[r][c] = ansi.StringWidth(cell)
			widths[c] = max(widths[c], cells[r][c])
		}
	}
	lines := make([]string, len(rows))
	var b strings.Builder
	for r, row := range rows {
		b.Reset()
		for c, cell := range row {
			b.WriteString(cell)
			if c < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[c]-cells[r][c]+2))
			}
		}
		lines[r] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

func newReadCommand(global *env) *cobra.Command {
	var view viewFlags
	var section, links string
	var note bool
	cmd := &cobra.Command{
		Use:   "read ID|PATH",
		Short: "Print an article rendered for the terminal, like glow",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := findArticle(cmd, args[0], global)
			if err != nil {
				return err
			}
			resolved, cfg, err := view.resolve(cmd, global)
			if err != nil {
				return err
			}
			opts, err := printOptions(a, resolved, section, note, cmd.Flags().Changed("style"), global.crashReporter())
			if err != nil {
				return err
			}
			if opts.Render.Links, err = printLinkMode(cfg, links, cmd.Flags().Changed("links"), term.IsTerminal(int(os.Stdout.Fd()))); err != nil {
				return err
			}
			// As in the reader, a JSON style file is never cached: it can
			// change under the same path.
			if !render.IsStyleFile(opts.Render.Style) {
				opts.Cache = global.renderCache()
			}
			return render.Print(cmd.OutOrStdout(), a, opts)
		},
	}
	view.register(cmd)
	cmd.Flags().StringVar(&section, "section", "", "print only this section: its number or title")
	cmd.Flags().BoolVar(&note, "editors-note", false, "print only the editor's note")
	cmd.Flags().StringVar(&links, "links", "", "links in the text: clean, numbered (each section's addresses listed after it) or inline; numbered by default to a file or pipe")
	return cmd
}

// printLinkMode is how "cable read" shows links: as --links says, else, to
// a file or a pipe, numbered with each section's addresses listed after
// it, so that the text stands alone without the reader's L; else, to a
// terminal, as the configuration says.
func printLinkMode(cfg config.Config, flag string, given, isTTY bool) (render.LinkMode, error) {
	switch {
	case given:
		m, err := render.ParseLinkMode(flag)
		if err != nil {
			return m, userErrorf("--links: %v", err)
		}
		return m, nil
	case !isTTY:
		return render.LinksNumbered, nil
	}
	return cfg.LinkMode(), nil
}

// findArticle takes a path to a file, or else the ID of an article in the
// catalog. A file is read directly: printing one needs no index. A page or
// a text is converted as "cable import" would, without saving anything,
// and a file that is no article is refused. An ID is looked up in the
// same catalog "cable list" and the library screen show, through the
// index when there is one, since only the index remembers the ID a moved
// file kept.
func findArticle(cmd *cobra.Command, arg string, global *env) (*articles.Article, error) {
	if info, err := os.Stat(arg); err == nil {
		if info.IsDir() {
			return nil, userErrorf("%s: give one article file, not a directory", arg)
		}
		if err := library.CheckReadable(arg); err != nil {
			return nil, userError{err}
		}
		a, err := library.ReadArticle(global.crashReporter(), arg)
		if err != nil {
			return nil, userError{err}
		}
		return a, nil
	}
	cat, err := global.commandCatalog(cmd, nil)
	if err != nil {
		return nil, err
	}
	defer cat.Close()
	e, ok := cat.Find(arg)
	if !ok {
		return nil, userErrorf("no article %q: \"cable list\" shows the IDs", arg)
	}
	a, err := cat.Article(e)
	if err != nil {
		return nil, userError{err}
	}
	return a, nil
}

// printOptions resolves "cable read"'s flags. Output that is not a
// terminal gets the notty style, clean text for a file or a pipe, unless
// --style asks for another on this command line: a style set in the
// configuration or the environment is the screen's, and would put escape
// codes in every "cable read | less".
func printOptions(a *articles.Article, flags viewFlags, section string, note, styleFlag bool, crashes *crash.Reporter) (render.PrintOptions, error) {
	isTTY := term.IsTerminal(int(os.Stdout.Fd()))
	if !isTTY && !styleFlag {
		flags.style = render.StyleAuto
	}
	theme, err := render.ResolveStyle(flags.style, nil, os.Stdout, isTTY)
	if err != nil {
		return render.PrintOptions{}, userError{err}
	}
	width := flags.width
	if isTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			width = render.TextWidth(w, width)
		}
	}
	style := theme
	if render.IsStyleFile(flags.style) {
		style = flags.style
	}
	opts := render.PrintOptions{
		Render:  render.Options{Width: width, Style: style, Profile: render.ColorProfile(theme, os.Stdout), Crash: crashes},
		Section: -1,
	}
	switch {
	case note && section != "":
		return opts, userErrorf("give --section or --editors-note, not both")
	case note:
		i, ok := a.EditorsNote()
		if !ok {
			return opts, userErrorf("%s has no editor's note", a.ID)
		}
		opts.Section = i
	case section != "":
		i, err := a.FindSection(section)
		if err != nil {
			return opts, userError{err}
		}
		opts.Section = i
	}
	return opts, nil
}

func newValidateCommand(global *env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check article files: print path:line: message for each problem",
		Long: "validate checks article files and the article files in directories. It prints\n" +
			"each problem as path:line: message, then a summary, and exits 1 if any file\n" +
			"has a problem, warnings included.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			reports := articles.Validate(args, func(file string, parse func() (*articles.Article, error)) (*articles.Article, error) {
				return crash.File(global.crashReporter(), file, parse)
			})
			if summary := writeReports(cmd.OutOrStdout(), reports); summary != "" {
				return userError{errors.New(summary)}
			}
			return nil
		},
	}
}

// writeReports prints every problem found and a summary line, and returns
// the summary when there were problems.
func writeReports(w io.Writer, reports []articles.Report) string {
	var bad, errs, warns int
	for _, r := range reports {
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
		for _, e := range r.Warnings {
			fmt.Fprintln(w, e) // marked "(warning)"
		}
		errs += len(r.Errors)
		warns += len(r.Warnings)
		if len(r.Errors)+len(r.Warnings) > 0 {
			bad++
		}
	}
	summary := fmt.Sprintf("%s checked: %d valid, %d with problems (%s, %s)",
		countOf(len(reports), "file"), len(reports)-bad, bad, countOf(errs, "error"), countOf(warns, "warning"))
	if bad == 0 {
		fmt.Fprintln(w, summary)
		return ""
	}
	return summary
}

func countOf(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func newImportCommand(global *env) *cobra.Command {
	var into string
	var again bool
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Turn saved web pages, text and Markdown into articles in your library",
		Long: "import converts .html/.htm pages saved from a browser, .txt text and .md files\n" +
			"into cable articles, and writes them into the library directory (--library, or\n" +
			"the default one) or into --into.\n" +
			"It prints the path of each article written, never overwrites a file, and exits\n" +
			"1 if any input failed; the others are still imported. A piece the library has\n" +
			"already (the same address, or the same text, however it came in) is not saved\n" +
			"again: import says where it is, unless --again asks for a second copy. A\n" +
			"file that is no text (a program or an image renamed .md) is refused. A Markdown file's\n" +
			"warnings (an unknown field) are printed on stderr and do not stop it.\n" +
			"Each file imported is kept, compressed, in $XDG_DATA_HOME/cable/sources, so\n" +
			"that \"cable reimport\" can extract it again.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := into
			if dir == "" {
				var err error
				if dir, err = global.libraryDir(); err != nil {
					return err
				}
			}
			var within []string
			if into != "" {
				within = append(within, into) // looked into for pieces saved there before
			}
			cat, err := global.commandCatalog(cmd, within)
			if err != nil {
				return err
			}
			defer cat.Close()
			done, err := global.newSaver(cat, dir, again).Import(args, global.crashReporter())
			for _, s := range done.Saved {
				if s.Already {
					fmt.Fprintf(cmd.OutOrStdout(), "%s: already in the library: %s\n", s.Name, describeFound(cat, s.Path))
				} else {
					fmt.Fprintln(cmd.OutOrStdout(), s.Path)
				}
			}
			// A warning is the reader's to fix, and stops nothing: the
			// article is written, and reads as it is meanwhile.
			printWarnings(cmd.ErrOrStderr(), done.Warnings)
			if err != nil {
				return userError{err}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&into, "into", "", "the directory to write into (default: the library directory, as --library says)")
	cmd.Flags().BoolVar(&again, "again", false, "save a second copy of a piece the library has already")
	return cmd
}

func newSearchCommand(global *env) *cobra.Command {
	var asJSON bool
	var limit int
	cmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search every article; print the best passages first",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if global.noState {
				return userErrorf("search needs the library index, and --no-state turns it off")
			}
			cat, err := global.commandCatalog(cmd, nil)
			if err != nil {
				return err
			}
			defer cat.Close()
			if cat.Store == nil {
				return userErrorf("search needs the library index, which is not available")
			}
			hits, err := cat.Store.Search(strings.Join(args, " "), limit)
			if err != nil {
				return err
			}
			if asJSON {
				if err := writeJSON(cmd.OutOrStdout(), searchResults(hits)); err != nil {
					return err
				}
			} else {
				writeHits(cmd.OutOrStdout(), hits)
			}
			// As grep: nothing found is said, and is exit status 1, so
			// that a script can tell it from a passage found.
			if len(hits) == 0 {
				return userErrorf("no passage matches %q", strings.Join(args, " "))
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array, best first")
	cmd.Flags().IntVar(&limit, "limit", 20, "the most results to print")
	return cmd
}

// searchResult is one hit as "cable search --json" prints it.
type searchResult struct {
	ID           string  `json:"id"`
	Title        string  `json:"title"`
	Origin       string  `json:"origin"`
	Section      string  `json:"section"`
	SectionIndex int     `json:"section_index"`
	Block        int     `json:"block"`
	Snippet      string  `json:"snippet"`
	Rank         float64 `json:"rank"`
}

// plainSnippet marks matched words with asterisks, as in plain text mail.
var plainSnippet = strings.NewReplacer(library.SnippetStart, "*", library.SnippetEnd, "*")

func searchResults(hits []library.Hit) []searchResult {
	out := make([]searchResult, len(hits))
	for i, h := range hits {
		out[i] = searchResult{ID: h.ID, Title: h.Title, Origin: h.Origin, Section: h.SectionTitle,
			SectionIndex: h.Section + 1, Block: h.Block, Snippet: plainSnippet.Replace(h.Snippet), Rank: h.Rank}
	}
	return out
}

func writeHits(w io.Writer, hits []library.Hit) {
	for _, h := range hits {
		where := h.SectionTitle
		if where == "" {
			where = "§1"
		}
		fmt.Fprintf(w, "%s · %s (%s)\n    %s\n", h.Title, where, h.ID, plainSnippet.Replace(h.Snippet))
	}
}

func newQuotesCommand(global *env) *cobra.Command {
	var article, format string
	cmd := &cobra.Command{
		Use:   "quotes",
		Short: "Print your saved quotes, with their citations",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "md" && format != "json" {
				return userErrorf("--format is md or json, not %q", format)
			}
			if global.noState {
				return userErrorf("quotes are kept in the library database, and --no-state turns it off")
			}
			quotes, err := savedQuotes(cmd, global, article)
			if err != nil {
				return err
			}
			if err := writeQuotes(cmd.OutOrStdout(), quotes, format); err != nil {
				return err
			}
			// An article's quotes asked for and none found is said, and
			// is exit status 1, as grep finding nothing.
			if article != "" && len(quotes) == 0 {
				return userErrorf("no quotes saved from %s", article)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&article, "article", "", "only the quotes from this article (its ID)")
	cmd.Flags().StringVar(&format, "format", "md", "md (a blockquote and a citation line) or json")
	return cmd
}

// writeQuotes prints quotes as Markdown (each a blockquote and its
// citation) or as a JSON array, [] when there are none.
func writeQuotes(w io.Writer, quotes []library.Quote, format string) error {
	if format == "json" {
		return writeJSON(w, quotesJSON(quotes))
	}
	for i, q := range quotes {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprint(w, q.Markdown())
	}
	return nil
}

// savedQuotes lists the quotes kept in the database: all of them, or those
// of the article with an ID. The ID is looked up in the catalog, as
// "cable list" shows it, and the quotes found by the article's key, which
// they keep when the file moves or its ID changes; an ID that is no
// longer in the catalog finds the quotes saved under it.
func savedQuotes(cmd *cobra.Command, global *env, id string) ([]library.Quote, error) {
	if id == "" {
		store, err := global.openStore(cmd)
		if err != nil {
			return nil, err
		}
		defer store.Close()
		return store.Quotes("")
	}
	cat, err := global.commandCatalog(cmd, nil)
	if err != nil {
		return nil, err
	}
	defer cat.Close()
	if cat.Store == nil {
		return nil, userErrorf("quotes are kept in the library database, which is not available")
	}
	if e, ok := cat.Find(id); ok {
		return cat.Store.QuotesOf(e.Key)
	}
	quotes, err := cat.Store.Quotes(id)
	if err == nil && len(quotes) == 0 {
		return nil, userErrorf("no article %q: \"cable list\" shows the IDs", id)
	}
	return quotes, err
}

// quoteJSON is a quote as "cable quotes --format json" prints it.
type quoteJSON struct {
	Text      string            `json:"text"`
	Citation  string            `json:"citation"`
	ArticleID string            `json:"article_id"`
	Title     string            `json:"title"`
	Author    string            `json:"author,omitempty"`
	Source    string            `json:"source,omitempty"`
	Published string            `json:"published,omitempty"`
	URL       string            `json:"url,omitempty"`
	Section   string            `json:"section,omitempty"`
	Position  articles.Position `json:"position"`
	Saved     time.Time         `json:"saved"`
}

func quotesJSON(quotes []library.Quote) []quoteJSON {
	out := make([]quoteJSON, len(quotes))
	for i, q := range quotes {
		out[i] = quoteJSON{Text: q.Text, Citation: q.Citation(), ArticleID: q.ArticleID, Title: q.Title,
			Author: q.Author, Source: q.Source, Published: q.Published, URL: q.URL,
			Section: q.SectionTitle, Position: q.Position, Saved: q.Created}
	}
	return out
}

func newConfigCommand(global *env) *cobra.Command {
	var view viewFlags
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the configuration in effect and where its file is",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			resolved, cfg, err := view.resolve(cmd, global)
			if err != nil {
				return err
			}
			cfg.Write(cmd.OutOrStdout(), config.View{Style: resolved.style, Width: resolved.width})
			return nil
		},
	}
	view.register(cmd)
	return cmd
}
