//go:build !linux

package library

// statter asks for files' sizes and times by path, with os.Stat; on
// Linux it asks by name within the directory.
type statter struct{}

func (statter) stat(path string) (fileStat, error) { return osStat(path) }

func (statter) close() {}
