//go:build cablepanic

package articles

// panicOnName makes Parse panic on a file whose name holds it, in a build
// with the cablepanic tag. The end-to-end tests build cable so, to prove
// that a panic while one file is handled stops nothing else, without
// depending on a real bug that will one day be fixed.
const panicOnName = "panics-when-parsed"
