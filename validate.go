package main

import (
	"errors"
	"fmt"
	"io"

	"cable/articles"
	"cable/crash"

	"github.com/spf13/cobra"
)

// validate.go declares "cable validate": every problem of article files.

func newValidateCommand(global *env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate PATH...",
		Short: "Check article files: print path:line: message for each problem",
		Long: "validate checks article files and the article files in directories. It prints\n" +
			"each problem as path:line: message, then a summary, and exits 1 if any file\n" +
			"has a problem, warnings included.",
		Args: usage(1, -1, "cable validate PATH... (the article files, or directories of them, to check)"),
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
