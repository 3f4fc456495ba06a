//go:build !cablepanic

package render

// panicOnText is empty in every build but the end-to-end tests' own; see
// testhook_panic.go.
const panicOnText = ""
