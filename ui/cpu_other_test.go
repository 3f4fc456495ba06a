//go:build !unix

package ui

import "testing"

// reportCPU reports nothing where the process's CPU time is not had.
func reportCPU(b *testing.B) func() { return func() {} }
