// yaml.go holds the one YAML reader of cable, over go-yaml: it reads a
// YAML text that is part of a file (an article's front matter, the whole
// configuration file) into mappings of fields, and reports every mistake
// as an Error naming the file's own line, "path:line: message". Package
// config reads its file through it too.

package articles

import (
	"errors"
	"fmt"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// YAMLText is a YAML text read from a file: Path names the file and
// FirstLine is the file's line the text starts on (1 for a whole file),
// so that every line it reports is a line of the file.
type YAMLText struct {
	Path      string
	FirstLine int
	// RepeatsAllowed lets a mapping give a key twice, so that the caller
	// can report the repeat with both lines; otherwise a repeated key is
	// a YAML error.
	RepeatsAllowed bool
}

// YAMLField is one "name: value" of a YAML mapping.
type YAMLField = ast.MappingValueNode

// Documents parses data, the text, and returns the body of each of its
// documents (nil for an empty one). A text that is not YAML is an Error
// on the line go-yaml names: "path:line: not valid YAML: message".
func (y YAMLText) Documents(data []byte) ([]ast.Node, *Error) {
	var opts []parser.Option
	if y.RepeatsAllowed {
		opts = append(opts, parser.AllowDuplicateMapKey())
	}
	file, err := parser.ParseBytes(data, 0, opts...)
	if err != nil {
		line, msg := yamlErrorPlace(err)
		return nil, y.Errorf(y.FirstLine+line-1, "not valid YAML: %s", msg)
	}
	bodies := make([]ast.Node, len(file.Docs))
	for i, d := range file.Docs {
		bodies[i] = d.Body
	}
	return bodies, nil
}

// Line is the line of the file a node of the text starts on.
func (y YAMLText) Line(n ast.Node) int {
	return y.FirstLine + n.GetToken().Position.Line - 1
}

// Errorf is a mistake on a line of the file.
func (y YAMLText) Errorf(line int, format string, args ...any) *Error {
	return &Error{File: y.Path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// YAMLMapping returns the fields of a YAML mapping node, in the order
// they are written; ok is false when the node is not a mapping.
func YAMLMapping(n ast.Node) (fields []*YAMLField, ok bool) {
	switch n := n.(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

// yamlErrorPlace pulls the line (within the YAML text) and a short message
// out of a go-yaml error, whose own formatting spans several lines.
func yamlErrorPlace(err error) (int, string) {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		return max(ye.GetToken().Position.Line, 1), ye.GetMessage()
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return 1, msg
}
