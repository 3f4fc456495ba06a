//go:build cablepanic

package render

// panicOnText makes rendering a section that holds it panic, in a build
// with the cablepanic tag, so that the end-to-end tests can show that one
// section's panic leaves the rest of the article, and cable, standing.
const panicOnText = "panics-when-rendered"
