package articles

// ReadMeta reads only an article's front matter: what a listing that needs
// one field of many files (their url, to find an article by its address)
// can afford, where parsing each body would not be. ok is false when the
// file has no front matter, or one that cannot be read.
func ReadMeta(data []byte) (m Meta, ok bool) {
	p := &problems{file: "meta"}
	yamlText, _, _, found := splitFrontMatter(normalise(data, p), p)
	if !found || len(p.errors) > 0 {
		return Meta{}, false
	}
	m = parseFrontMatter(yamlText, p)
	if len(p.errors) > 0 {
		return Meta{}, false
	}
	return m, true
}
