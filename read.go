package main

import (
	"os"

	"cable/articles"
	"cable/config"
	"cable/crash"
	"cable/library"
	"cable/render"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// read.go declares "cable read": an article, or a section of it, printed
// without the reader.

func newReadCommand(global *env) *cobra.Command {
	var view viewFlags
	var section, links string
	var note bool
	cmd := &cobra.Command{
		Use:   "read ID|PATH",
		Short: "Print an article rendered for the terminal, like glow",
		Args:  usage(1, 1, `cable read ID|PATH (one article: its ID, as "cable list" shows it, or its file)`),
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
	cmd.Flags().StringVar(&section, "section", "", "print only this section: its number or title, or a sub-section by its number (3.2)")
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
	// The article is looked for in the index, its file unchanged, before
	// the index is brought up to date with every file.
	cat, err := global.lookupCatalog(cmd)
	if err != nil {
		return nil, err
	}
	defer cat.Close()
	e, ok := cat.Find(arg)
	if !ok && cat.Partial && cat.Synced() == nil {
		e, ok = cat.Find(arg)
	}
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
		part, err := a.FindPart(section)
		if err != nil {
			return opts, userError{err}
		}
		opts.Section = part.Section
		if part.From > 0 || part.To < len(a.Sections[part.Section].Blocks) {
			opts.From, opts.To = part.From, part.To
		}
	}
	return opts, nil
}
