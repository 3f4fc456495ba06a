//go:build unix

package ui

import (
	"syscall"
	"testing"
)

// reportCPU starts counting the process's CPU time (every thread, the
// collector's too) and returns what reports it, a key's worth, as
// "cpu-ns/op": on a machine shared with other work, the wall time of a
// key (ns/op) is more the others' than the key's.
func reportCPU(b *testing.B) func() {
	start := processCPU()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(processCPU()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

func processCPU() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
