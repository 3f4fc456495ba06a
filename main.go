// Command cable is a terminal reader for long-form foreign-policy articles.
//
// Package main is commands and wiring, a file each: main.go declares the
// program, its shared flags, its exit codes and its signals; env.go
// settles the places once and is the one way to the catalog and the
// store; output.go holds what the commands print with alike, progress.go
// the line shown while a command waits on the network. Each command
// has its file, only flags, a call into a package and printing: list.go,
// read.go, validate.go, import.go, get.go, reimport.go, feeds_cmd.go,
// search.go, quotes.go, configcmd.go, highlights.go, triage.go (archive,
// unarchive, tag, untag), review.go, restore.go. tui.go starts the interactive
// reader, and is the only file that imports ui.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"cable/config"
	"cable/render"

	"github.com/spf13/cobra"
)

// version is cable's version, shown by --version.
var version = "0.2.0"

// userError is a mistake in what the user asked for: it exits 1 with one
// line on stderr and no usage text.
type userError struct{ err error }

func (e userError) Error() string { return e.err.Error() }

func userErrorf(format string, args ...any) error {
	return userError{fmt.Errorf(format, args...)}
}

// usage checks the number of a command's arguments: at least least, and
// at most most (-1: any number). Given another number, the command says
// how it is used, in one line, rather than cobra's count of arguments
// ("requires at least 1 arg(s), only received 0").
func usage(least, most int, line string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) < least || most >= 0 && len(args) > most {
			return userErrorf("usage: %s", line)
		}
		return nil
	}
}

// interruptedError is a ctrl+c: cable exits 130, as a shell expects of a
// program stopped by SIGINT.
type interruptedError struct{ error }

// interruptible is a context that ends on SIGINT or SIGTERM, so that work
// stopped with ctrl+c leaves whole articles only.
func interruptible() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func main() {
	err := newRootCommand().Execute()
	var interrupted interruptedError
	switch {
	case err == nil:
	case errors.As(err, &interrupted):
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
	// widthGiven: the width comes from --width, CABLE_WIDTH or the
	// configuration file, not the default (see config.View).
	widthGiven bool
}

func (f *viewFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.style, "style", render.StyleAuto, "auto, dark, light, notty or a Glamour JSON style's path (also CABLE_STYLE)")
	cmd.Flags().IntVar(&f.width, "width", config.DefaultWidth, "widest the text is set, in columns, 20 or more; 0: the terminal's width (also CABLE_WIDTH)")
}

// settings resolves the style and width as the configuration says: a
// flag given beats the environment, which beats the configuration file,
// which beats the defaults.
func (f viewFlags) settings(cmd *cobra.Command, cfg config.Config) (viewFlags, error) {
	var given config.Flags
	if cmd.Flags().Changed("style") {
		given.Style = &f.style
	}
	if cmd.Flags().Changed("width") {
		given.Width = &f.width
	}
	v, err := cfg.View(given, os.Getenv)
	if err != nil {
		return f, userError{err}
	}
	return viewFlags{style: v.Style, width: v.Width, widthGiven: v.WidthGiven}, nil
}

// resolve reads the configuration file and settles the style and width
// for a command, as settings says.
func (f viewFlags) resolve(cmd *cobra.Command, global *env) (viewFlags, config.Config, error) {
	cfg, err := global.loadConfig()
	if err != nil {
		return f, cfg, err
	}
	resolved, err := f.settings(cmd, cfg)
	return resolved, cfg, err
}

func newRootCommand() *cobra.Command {
	var global env
	var view viewFlags
	root := &cobra.Command{
		Use:   "cable [FILE|DIR...]",
		Short: "A terminal reader for long-form foreign-policy articles",
		Long: "cable lists the articles it ships with, those in your library directory and any\n" +
			"files or directories given, and reads them section by section. One file opens\n" +
			"straight in the reader.",
		Args:          cobra.ArbitraryArgs,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		// The places are settled once, before any command; one that
		// cannot be had is said by the command that needs it.
		PersistentPreRun: func(*cobra.Command, []string) { global.settle() },
		RunE: func(cmd *cobra.Command, args []string) error {
			resolved, cfg, err := view.resolve(cmd, &global)
			if err != nil {
				return err
			}
			return runReader(global, resolved, cfg, args)
		},
	}
	root.PersistentFlags().StringVar(&global.library, "library", "", "the library directory (default $XDG_DATA_HOME/cable/articles)")
	root.PersistentFlags().BoolVar(&global.noState, "no-state", os.Getenv("CABLE_NO_STATE") == "1", "read without reading or writing any state (also CABLE_NO_STATE=1)")
	view.register(root)
	root.AddCommand(newListCommand(&global), newReadCommand(&global), newValidateCommand(&global),
		newImportCommand(&global), newGetCommand(&global), newReimportCommand(&global),
		newFeedsCommand(&global), newSearchCommand(&global), newQuotesCommand(&global), newConfigCommand(&global),
		newHighlightsCommand(&global), newArchiveCommand(&global, true), newArchiveCommand(&global, false),
		newTagCommand(&global, true), newTagCommand(&global, false), newReviewCommand(&global),
		newRestoreCommand(&global))
	return root
}

// buildVersion tells this build of cable from any other, for the render
// cache: a new cable, or Glamour under it, may render the same Markdown
// differently, and a development build keeps the version number it was
// built from. So the executable's size and modification time go with the
// version; a new build always changes them, and a stat costs nothing.
func buildVersion() string {
	exe, err := os.Executable()
	if err != nil {
		return version
	}
	info, err := os.Stat(exe)
	if err != nil {
		return version
	}
	return fmt.Sprintf("%s+%d.%d", version, info.Size(), info.ModTime().UnixNano())
}
