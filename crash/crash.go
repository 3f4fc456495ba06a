// Package crash turns a panic into a report on disk and an error a person
// can act on. cable reads files it did not write: one odd file must never
// stop the rest, so wherever one file's content is handled away from the
// screen (indexing, rendering, importing, reading the render cache), the
// work runs under File, and a panic becomes an error for that file alone.
//
// A report holds the panic, the stack, cable's version and the file's path
// and size, never its contents: the reader may send it to us, and their
// files are theirs.
package crash

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"
)

// Reporter writes crash reports. The zero value, and a nil *Reporter,
// write none: the panic still becomes an error, which then says no report
// was written.
type Reporter struct {
	// Dir is where reports go, as crash-DATE.txt; "" writes none.
	Dir string
	// Version names the build in every report.
	Version string
}

// FileError is what a panic while handling one file becomes.
type FileError struct {
	// Path is the file; it may be a name such as "bundled:ID".
	Path string
	// Panic is the panic's value, as text.
	Panic string
	// Report is the report's path, or "" when none could be written.
	Report string
}

func (e *FileError) Error() string { return e.Path + ": " + e.Reason() }

// Reason is the error without the file's path: what a list of errors
// that names each file says of this one.
func (e *FileError) Reason() string {
	if e.Report == "" {
		return fmt.Sprintf("cable could not read this file (internal error: %s)", e.Panic)
	}
	return "cable could not read this file (internal error); a report was written to " + e.Report
}

// File runs f for the file at path and returns what it returns; a panic in
// f is recovered, reported, and returned as a *FileError with T's zero
// value. It is the one place cable recovers from a panic in work on one
// file, so every such place reports the same way.
func File[T any](r *Reporter, path string, f func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			var zero T
			v, err = zero, r.fileError(path, p, debug.Stack())
		}
	}()
	return f()
}

// Do is File for work that returns only an error.
func Do(r *Reporter, path string, f func() error) error {
	_, err := File(r, path, func() (struct{}, error) { return struct{}{}, f() })
	return err
}

func (r *Reporter) fileError(path string, p any, stack []byte) *FileError {
	e := &FileError{Path: path, Panic: fmt.Sprint(p)}
	size := "unknown (not a file on disk)"
	if info, err := os.Stat(path); err == nil {
		size = fmt.Sprintf("%d bytes", info.Size())
	}
	e.Report = r.Write(p, stack, "file: "+path, "size: "+size)
	return e
}

// Write writes a report of the panic p with its stack and the given
// lines of context, and returns the report's path, or "" when no report
// could be written (no directory, or the disk refused).
func (r *Reporter) Write(p any, stack []byte, context ...string) string {
	if r == nil || r.Dir == "" {
		return ""
	}
	var b []byte
	b = fmt.Appendf(b, "cable crashed: %v\n\nversion: %s\n", p, r.Version)
	for _, line := range context {
		b = fmt.Appendf(b, "%s\n", line)
	}
	b = fmt.Appendf(b, "\n%s", stack)
	if err := os.MkdirAll(r.Dir, 0o700); err != nil {
		return ""
	}
	// Two reports in the same millisecond (two workers on two bad files)
	// must not overwrite each other: the name is taken exclusively.
	stamp := time.Now().Format("20060102-150405.000")
	for n := 0; n < 100; n++ {
		name := filepath.Join(r.Dir, "crash-"+stamp+".txt")
		if n > 0 {
			name = filepath.Join(r.Dir, fmt.Sprintf("crash-%s-%d.txt", stamp, n))
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if os.IsExist(err) {
			continue
		}
		if err != nil {
			return ""
		}
		_, werr := f.Write(b)
		if cerr := f.Close(); werr != nil || cerr != nil {
			return ""
		}
		return name
	}
	return ""
}
