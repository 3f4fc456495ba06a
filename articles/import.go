package articles

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// importer turns the bytes of one file into an article in cable's format
// and the article's title. file names the input in errors.
type importer func(file string, data []byte) (md []byte, title string, err error)

// importers maps each extension cable can import (in lower case) to its
// importer.
var importers = map[string]importer{
	".txt":      importText,
	".html":     importHTML,
	".htm":      importHTML,
	".md":       importMarkdown,
	".markdown": importMarkdown,
}

// importableKinds is how error messages name the extensions above.
const importableKinds = "html, htm, txt, md and markdown can be"

// ImportFile converts one file into an article in cable's format: Markdown
// with front matter. It returns the article's text and a file name for it
// (a safe slug of the title + ".md"). Every article it returns parses with
// Parse without errors or warnings, so that an import never produces a file
// that cable then complains about; errors name the file, and the line where
// there is one.
func ImportFile(path string) (md []byte, name string, err error) {
	ext := strings.ToLower(filepath.Ext(path))
	convert, ok := importers[ext]
	if !ok {
		return nil, "", unsupportedError(path, ext)
	}
	data, err := readImportFile(path)
	if err != nil {
		return nil, "", err
	}
	md, title, err := convert(path, data)
	if err != nil {
		return nil, "", err
	}
	if err := verifyImport(path, md); err != nil {
		return nil, "", err
	}
	return md, SafeFileName(title), nil
}

// unsupportedError says which extensions can be imported, so that the
// reader knows what to convert the file to.
func unsupportedError(path, ext string) error {
	if ext == "" || ext == "." {
		return &Error{File: path, Msg: "cannot import a file without an extension (" + importableKinds + ")"}
	}
	return &Error{File: path, Msg: fmt.Sprintf("cannot import %s files (%s)", ext, importableKinds)}
}

// readImportFile reads a file to import, refusing directories, devices,
// pipes and anything over MaxSize before reading it, so that a stray disk
// image or a FIFO cannot fill memory or hang the import.
func readImportFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &Error{File: path, Msg: describeOpenError(err)}
	}
	if err := checkImportable(info); err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: describeOpenError(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, &Error{File: path, Msg: "cannot be read: " + err.Error()}
	}
	if len(data) > MaxSize {
		return nil, &Error{File: path, Msg: fmt.Sprintf("is larger than %d MiB; files that large are not imported", MaxSize>>20)}
	}
	return data, nil
}

// checkImportable refuses what must not be opened or read whole: a
// directory, a device or pipe (opening a FIFO blocks), an oversized file.
func checkImportable(info fs.FileInfo) error {
	switch {
	case info.IsDir():
		return errors.New("is a directory, not a file to import")
	case !info.Mode().IsRegular():
		return errors.New("is not a regular file")
	case info.Size() > MaxSize:
		return fmt.Errorf("is %d MiB; files larger than %d MiB are not imported", info.Size()>>20, MaxSize>>20)
	}
	return nil
}

// verifyImport parses a converted article as cable will read it. A
// converter that produced something cable would reject or warn about has a
// bug; the file is refused rather than written.
func verifyImport(file string, md []byte) error {
	a, err := Parse(file, md, "import")
	if err == nil && len(a.Warnings) > 0 {
		err = a.Warnings
	}
	if err == nil {
		return nil
	}
	first, _, _ := strings.Cut(err.Error(), "\n")
	return &Error{File: file, Msg: "could not be converted into a valid article (" + first + ")"}
}

// Import converts every path and writes the results into dir (created if
// missing, mode 0o755; files 0o644). It never overwrites an existing file:
// "name.md" taken → "name-2.md", "name-3.md"… (create with O_EXCL so a
// race cannot overwrite either). It returns the paths it wrote, in the
// order of paths, and an error naming every input that failed (the others
// are still imported). A path that is a directory imports the .html, .htm,
// .txt, .md and .markdown files inside it.
func Import(paths []string, dir string) (written []string, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, &Error{File: dir, Msg: "cannot create the directory: " + describeOpenError(err)}
	}
	files, errs := expandImportPaths(paths, dir)
	for _, file := range files {
		out, err := importInto(dir, file)
		if err != nil {
			errs = appendErrors(errs, err)
			continue
		}
		written = append(written, out)
	}
	if len(errs) > 0 {
		return written, errs
	}
	return written, nil
}

// importInto imports one file into dir and returns the path it wrote.
func importInto(dir, file string) (string, error) {
	md, name, err := ImportFile(file)
	if err != nil {
		return "", err
	}
	out, err := writeUnique(dir, name, md)
	if err != nil {
		return "", &Error{File: file, Msg: err.Error()}
	}
	return out, nil
}

// expandImportPaths replaces each directory among paths by the importable
// files below it, in lexical order, and keeps files as they are. Hidden
// files and directories, and the output directory itself, are skipped, so
// that importing a folder twice does not import the first import.
func expandImportPaths(paths []string, outDir string) ([]string, ErrorList) {
	var files []string
	var errs ErrorList
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			files = append(files, p) // ImportFile reports what is wrong
			continue
		}
		found, err := importableFilesIn(p, outDir)
		if err != nil {
			errs = append(errs, &Error{File: p, Msg: "cannot be listed: " + err.Error()})
		}
		files = append(files, found...)
	}
	return files, errs
}

// importableFilesIn lists the files below root that an importer exists
// for. Unreadable entries are skipped rather than failing the whole
// directory, as LoadPaths does when it reads one.
func importableFilesIn(root, outDir string) ([]string, error) {
	skip, _ := filepath.Abs(outDir)
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		hidden := strings.HasPrefix(d.Name(), ".") && path != root
		if d.IsDir() {
			if abs, _ := filepath.Abs(path); hidden || (abs == skip && path != root) {
				return filepath.SkipDir
			}
			return nil
		}
		if _, ok := importers[strings.ToLower(filepath.Ext(path))]; ok && !hidden && d.Type().IsRegular() {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

// writeUnique writes data to dir/name, or, when that name is taken, to
// name-2, name-3 and so on. O_EXCL makes the check and the creation one
// step, so a file that appears meanwhile is never overwritten.
func writeUnique(dir, name string, data []byte) (string, error) {
	stem := strings.TrimSuffix(name, ".md")
	for n := 1; n <= 10000; n++ {
		candidate := name
		if n > 1 {
			candidate = stem + "-" + strconv.Itoa(n) + ".md"
		}
		path := filepath.Join(dir, candidate)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("cannot create %s: %s", path, describeOpenError(err))
		}
		return path, writeAndClose(f, path, data)
	}
	return "", fmt.Errorf("cannot find a free name for %s in %s", name, dir)
}

// writeAndClose writes data to a file just created and removes the file if
// the write fails, so that a full disk leaves no half article behind.
func writeAndClose(f *os.File, path string, data []byte) error {
	_, err := f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	return nil
}

// renderArticle writes an article in cable's format: front matter with the
// fields of m that are set, in the documented order, then the body. Every
// text value is double-quoted with escapes (see yamlQuote), so a title such
// as `Iran: "maximum pressure" #2` or "null" reads back exactly as it was.
func renderArticle(m Meta, body string) []byte {
	var b strings.Builder
	b.WriteString("---\n")
	field := func(name, value string, quote bool) {
		if value = oneLine(value); value == "" {
			return
		}
		if quote {
			value = yamlQuote(value)
		}
		b.WriteString(name + ": " + value + "\n")
	}
	field("title", m.Title, true)
	field("subtitle", m.Subtitle, true)
	field("author", m.Author, true)
	field("source", m.Source, true)
	field("url", m.URL, true)
	field("published", m.Published, false)
	field("updated", m.Updated, false)
	if topics := quotedList(m.Topics); topics != "" {
		b.WriteString("topics: [" + topics + "]\n")
	}
	field("summary", m.Summary, true)
	field("language", m.Language, true)
	b.WriteString("---\n\n")
	b.WriteString(strings.Trim(body, "\n"))
	b.WriteString("\n")
	return []byte(b.String())
}

// quotedList writes the values of a YAML flow list, each quoted, leaving
// out empty ones.
func quotedList(values []string) string {
	var quoted []string
	for _, v := range values {
		if v = oneLine(v); v != "" {
			quoted = append(quoted, yamlQuote(v))
		}
	}
	return strings.Join(quoted, ", ")
}

// oneLine makes a metadata value a single trimmed line: runs of ASCII
// white space become one space. Other spaces (no-break spaces in a name)
// are typography and are kept, except at the ends, where Parse would trim
// them anyway.
func oneLine(s string) string {
	fields := strings.FieldsFunc(Clean(s), func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	})
	return strings.TrimSpace(strings.Join(fields, " "))
}

// yamlQuote writes s as a YAML double-quoted scalar. Backslash, quote and
// every character that is not visible (controls, line and paragraph
// separators, byte-order marks, non-breaking spaces) are escaped, so the
// value cannot end the line, start a comment or be read as anything but a
// string.
func yamlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == ' ' || (unicode.IsGraphic(r) && !unicode.IsSpace(r)):
			b.WriteRune(r)
		case r > 0xffff:
			fmt.Fprintf(&b, `\U%08X`, r)
		default:
			fmt.Fprintf(&b, `\u%04X`, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// normaliseText is the text of an imported file as cable will store it: no
// byte-order mark, LF line endings (a lone CR, as old Mac files have, ends
// a line too), and nothing a terminal would obey (see Clean).
func normaliseText(data []byte) string {
	s := strings.TrimPrefix(string(data), "\ufeff")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return Clean(s)
}

// quoteForMsg quotes a title for an error message, shortened so that a
// runaway first line does not flood the terminal.
func quoteForMsg(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:57]) + "..."
	}
	return strconv.Quote(s)
}
