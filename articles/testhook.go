//go:build !cablepanic

package articles

// panicOnName is empty in every build but the end-to-end tests' own; see
// testhook_panic.go.
const panicOnName = ""
