// Command cable is a terminal reader for long-form foreign-policy articles.
// This file only declares the commands and their flags; the work is done
// by the articles and ui packages.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"cable/articles"
	"cable/ui"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// version is cable's version, shown by --version.
var version = "0.1.0"

// userError is a mistake in what the user asked for: it exits 1 with one
// line on stderr and no usage text.
type userError struct{ err error }

func (e userError) Error() string { return e.err.Error() }

func userErrorf(format string, args ...any) error {
	return userError{fmt.Errorf(format, args...)}
}

func main() {
	err := newRootCommand().Execute()
	switch {
	case err == nil:
	case errors.Is(err, tea.ErrInterrupted):
		os.Exit(130)
	default:
		fmt.Fprintln(os.Stderr, "cable:", err)
		os.Exit(1)
	}
}

// viewFlags are the flags shared by the reader and "cable read".
type viewFlags struct {
	style string
	width int
}

func (f *viewFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.style, "style", envOr("CABLE_STYLE", ui.StyleAuto), "auto, dark, light or notty")
	cmd.Flags().IntVar(&f.width, "width", 80, "widest the text is set, in columns (0: the terminal's width)")
}

func newRootCommand() *cobra.Command {
	var flags viewFlags
	root := &cobra.Command{
		Use:   "cable [FILE|DIR...]",
		Short: "A terminal reader for long-form foreign-policy articles",
		Long: "cable lists the articles it ships with and any files or directories given, and\n" +
			"reads them section by section. One file opens straight in the reader.",
		Args:          cobra.ArbitraryArgs,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReader(args, flags)
		},
	}
	flags.register(root)
	root.AddCommand(newListCommand(), newReadCommand(), newValidateCommand())
	return root
}

// runReader loads the articles and starts the interactive reader.
func runReader(paths []string, flags viewFlags) error {
	all, extra, err := loadArticles(paths)
	if err != nil {
		return err
	}
	if !term.IsTerminal(int(os.Stdout.Fd())) || !term.IsTerminal(int(os.Stdin.Fd())) {
		return userErrorf("the reader needs a terminal; use \"cable read ID\" to print an article")
	}
	theme, err := ui.ResolveStyle(flags.style, os.Stdout, true)
	if err != nil {
		return userError{err}
	}
	ctx := ui.NewContext(theme, ui.ColorProfile(theme, os.Stdout), flags.width)
	var open *articles.Article
	if len(paths) == 1 && len(extra) == 1 && !isDir(paths[0]) {
		open = extra[0]
	}
	return ui.Run(ctx, all, open, os.Stdin, os.Stdout)
}

// loadArticles returns the bundled articles followed by those at paths,
// each with a unique ID, and separately those from paths. A path that
// cannot be read at all is an error; broken files inside a directory are
// reported on stderr and skipped.
func loadArticles(paths []string) (all, extra []*articles.Article, err error) {
	all, err = articles.Bundle()
	if err != nil {
		return nil, nil, fmt.Errorf("the bundled articles are broken: %w", err)
	}
	if len(paths) > 0 {
		var loadErr error
		extra, loadErr = articles.LoadPaths(paths)
		if loadErr != nil {
			if len(extra) == 0 {
				return nil, nil, userError{loadErr}
			}
			fmt.Fprintln(os.Stderr, loadErr)
		}
		all = append(all, extra...)
	}
	articles.UniqueIDs(all)
	return all, extra, nil
}

func newListCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list [FILE|DIR...]",
		Short: "List the articles: id, title, author, words, minutes",
		RunE: func(cmd *cobra.Command, args []string) error {
			all, _, err := loadArticles(args)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), all)
			}
			return writeTable(cmd.OutOrStdout(), all)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print a JSON array of objects")
	return cmd
}

func writeJSON(w io.Writer, all []*articles.Article) error {
	out := make([]articles.Summary, len(all))
	for i, a := range all {
		out[i] = a.Summarise()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeTable(w io.Writer, all []*articles.Article) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTITLE\tAUTHOR\tWORDS\tMIN")
	for _, a := range all {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\n", a.ID, a.Meta.Title, a.Meta.Author, a.Words(), a.Minutes())
	}
	return tw.Flush()
}

func newReadCommand() *cobra.Command {
	var flags viewFlags
	var section string
	var note bool
	cmd := &cobra.Command{
		Use:   "read ID|PATH",
		Short: "Print an article rendered for the terminal, like glow",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := findArticle(args[0])
			if err != nil {
				return err
			}
			opts, err := printOptions(a, flags, section, note)
			if err != nil {
				return err
			}
			return ui.Print(cmd.OutOrStdout(), a, opts)
		},
	}
	flags.register(cmd)
	cmd.Flags().StringVar(&section, "section", "", "print only this section: its number or title")
	cmd.Flags().BoolVar(&note, "editors-note", false, "print only the editor's note")
	return cmd
}

// findArticle takes a path to a file, or else the ID of a bundled article.
func findArticle(arg string) (*articles.Article, error) {
	if _, err := os.Stat(arg); err == nil {
		list, err := articles.LoadPaths([]string{arg})
		if err != nil {
			return nil, userError{err}
		}
		if len(list) != 1 {
			return nil, userErrorf("%s: give one article file, not a directory", arg)
		}
		return list[0], nil
	}
	all, _, err := loadArticles(nil)
	if err != nil {
		return nil, err
	}
	if a, ok := articles.Find(all, arg); ok {
		return a, nil
	}
	return nil, userErrorf("no article %q: \"cable list\" shows the IDs", arg)
}

// printOptions resolves "cable read"'s flags. Output that is not a
// terminal gets the notty style unless another is asked for.
func printOptions(a *articles.Article, flags viewFlags, section string, note bool) (ui.PrintOptions, error) {
	isTTY := term.IsTerminal(int(os.Stdout.Fd()))
	theme, err := ui.ResolveStyle(flags.style, os.Stdout, isTTY)
	if err != nil {
		return ui.PrintOptions{}, userError{err}
	}
	width := flags.width
	if isTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			width = ui.TextWidth(w, width)
		}
	}
	opts := ui.PrintOptions{
		Render:  ui.RenderOptions{Width: width, Style: theme, Profile: ui.ColorProfile(theme, os.Stdout)},
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

func newValidateCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check article files: print path:line: message for each problem",
		Long: "validate checks article files and the article files in directories. It prints\n" +
			"each problem as path:line: message, then a summary, and exits 1 if any file\n" +
			"has a problem, warnings included.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			reports := articles.Validate(args)
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
			fmt.Fprintf(w, "%s (warning)\n", e)
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

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

func envOr(name, fallback string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return fallback
}
