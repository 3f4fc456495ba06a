// Command cable is a terminal reader for long-form foreign-policy articles.
// main.go declares the program and its shared flags and opens the
// catalog; commands.go declares the commands that print, which go
// through the articles, library, render and config packages; tui.go
// starts the interactive reader, and is the only file that imports ui.
package main

import (
	"errors"
	"fmt"
	"os"

	"cable/articles"
	"cable/config"
	"cable/crash"
	"cable/library"
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

// globalFlags are the flags every command takes: where the library is and
// whether to keep state.
type globalFlags struct {
	library string
	noState bool
}

// viewFlags are the flags shared by the reader and "cable read".
type viewFlags struct {
	style string
	width int
}

func (f *viewFlags) register(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.style, "style", render.StyleAuto, "auto, dark, light, notty or a Glamour JSON style's path (also CABLE_STYLE)")
	cmd.Flags().IntVar(&f.width, "width", config.DefaultWidth, "widest the text is set, in columns; 0: the terminal's width (also CABLE_WIDTH)")
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
	return viewFlags{style: v.Style, width: v.Width}, nil
}

// resolve reads the configuration file and settles the style and width
// for a command, as settings says.
func (f viewFlags) resolve(cmd *cobra.Command) (viewFlags, config.Config, error) {
	cfg, err := loadConfig()
	if err != nil {
		return f, cfg, err
	}
	resolved, err := f.settings(cmd, cfg)
	return resolved, cfg, err
}

// loadConfig reads the configuration file; a broken one stops cable with
// the file and line, before any screen is drawn.
func loadConfig() (config.Config, error) {
	path, err := config.DefaultPath()
	if err != nil {
		return config.Config{}, err
	}
	cfg, err := config.Load(path, keymaps())
	if err != nil {
		return cfg, userError{err}
	}
	return cfg, nil
}

func newRootCommand() *cobra.Command {
	var global globalFlags
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
		RunE: func(cmd *cobra.Command, args []string) error {
			resolved, cfg, err := view.resolve(cmd)
			if err != nil {
				return err
			}
			return runReader(global, resolved, cfg, args)
		},
	}
	root.PersistentFlags().StringVar(&global.library, "library", "", "the library directory (default $XDG_DATA_HOME/cable/articles)")
	root.PersistentFlags().BoolVar(&global.noState, "no-state", os.Getenv("CABLE_NO_STATE") == "1", "read without reading or writing any state (also CABLE_NO_STATE=1)")
	view.register(root)
	root.AddCommand(newListCommand(&global), newReadCommand(&global), newValidateCommand(),
		newImportCommand(&global), newGetCommand(&global), newReimportCommand(&global),
		newFeedsCommand(&global), newSearchCommand(&global), newQuotesCommand(&global), newConfigCommand())
	return root
}

// openCatalog lists the bundled articles, the library directory and the
// files and directories given, through the index unless state is off. A
// problem with the database is left in the catalog's Warning, and reading
// goes on from the files. A name that is no file may be an article's ID,
// as "cable read" takes it.
func openCatalog(global globalFlags, paths []string) (*library.Catalog, error) {
	bundle, err := articles.Bundle()
	if err != nil {
		return nil, fmt.Errorf("the bundled articles are broken: %w", err)
	}
	opts := library.Options{Sources: library.Sources{Bundle: bundle}, Crash: crashReporter()}
	var ids []string
	for _, p := range paths {
		info, err := os.Stat(p)
		switch {
		case err != nil:
			ids = append(ids, p)
		case info.IsDir():
			opts.Dirs = append(opts.Dirs, p)
		default:
			opts.Files = append(opts.Files, p)
		}
	}
	// Without its directory the library still lists the bundled
	// articles and the files given; the reason is said once.
	if dir, err := libraryDir(global); err != nil {
		fmt.Fprintln(os.Stderr, "cable:", err)
	} else if dir != "" {
		opts.Dirs = append(opts.Dirs, dir)
	}
	if !global.noState {
		if opts.DBPath, err = library.DefaultDBPath(); err != nil {
			fmt.Fprintln(os.Stderr, "cable:", err)
		}
	}
	cat, err := library.OpenCatalog(opts)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if _, ok := cat.Find(id); !ok {
			cat.Close()
			return nil, userErrorf("%s: no such file, directory or article", id)
		}
	}
	return cat, nil
}

// libraryDir is the library directory: --library, or the default one,
// created if need be. Every command that reads or saves articles finds it
// here.
func libraryDir(global globalFlags) (string, error) {
	if global.library != "" {
		return global.library, nil
	}
	return library.DefaultArticlesDir()
}

// crashReporter writes crash reports beside the database, in
// $XDG_STATE_HOME/cable, whether or not state is kept: a report is no
// reading state, and the reader needs it to tell us what went wrong.
func crashReporter() *crash.Reporter {
	return &crash.Reporter{Dir: library.CrashDir(), Version: version}
}

func isDir(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// renderCache is where the reader and "cable read" keep renderings
// between runs, or nil when state is off.
func renderCache(global globalFlags) *render.Cache {
	if global.noState {
		return nil
	}
	return render.OpenCache(render.DefaultCacheDir(), render.DefaultCacheMaxBytes, buildVersion())
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
