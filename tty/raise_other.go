//go:build !unix

package tty

import "os"

// raise ends cable as sig would have: without kill(2), by exiting.
func raise(os.Signal) { os.Exit(1) }
