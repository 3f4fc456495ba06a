package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

// import.go declares "cable import": files saved through the saving
// pipeline.

func newImportCommand(global *env) *cobra.Command {
	var into string
	var again bool
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Turn saved web pages, PDF reports, EPUB books, text and Markdown into articles in your library",
		Long: "import converts .html/.htm pages saved from a browser, .pdf reports, .epub books,\n" +
			".txt text and .md files\n" +
			"(and a file without an extension, as Markdown, as \"cable read\" reads it)\n" +
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
		Args: usage(1, -1, "cable import PATH... (pages saved from a browser, PDFs, EPUBs, texts, Markdown files, or directories of them)"),
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
			done, err := global.newSaver(cat, dir, again, nil).Import(args, global.crashReporter())
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
