//go:build unix

package tty

import (
	"os"
	"syscall"
)

// raise sends sig to cable itself, which its default action then ends.
func raise(sig os.Signal) {
	if n, ok := sig.(syscall.Signal); ok {
		_ = syscall.Kill(os.Getpid(), n)
	}
}
