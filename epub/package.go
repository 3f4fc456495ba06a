package epub

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html/charset"
)

// Limits on what an EPUB may hold, so that a zip bomb or a book of
// millions of files cannot fill memory: no entry is read past maxEntry
// bytes, and the entries read together stay under maxTotal.
const (
	maxEntry   = 32 << 20
	maxTotal   = 128 << 20
	maxEntries = 20_000
	maxSpine   = 5_000
)

// book is an opened EPUB: its files by name, and what its package
// document says of it.
type book struct {
	files map[string]*zip.File
	read  int64 // bytes read so far, against maxTotal

	meta     metadata
	spine    []string          // the reading order: paths of XHTML documents
	navPath  string            // the EPUB 3 navigation document, or ""
	ncxPath  string            // the EPUB 2 NCX, or ""
	titles   map[string]string // a document's title in the contents, by path
	contents []string          // the documents the contents name, in its order
}

type metadata struct {
	Title     []string `xml:"metadata>title"`
	Creator   []string `xml:"metadata>creator"`
	Publisher []string `xml:"metadata>publisher"`
	Date      []string `xml:"metadata>date"`
	Language  []string `xml:"metadata>language"`
}

// opf is the package document, as much of it as is used.
type opf struct {
	metadata
	Items []struct {
		ID         string `xml:"id,attr"`
		Href       string `xml:"href,attr"`
		MediaType  string `xml:"media-type,attr"`
		Properties string `xml:"properties,attr"`
	} `xml:"manifest>item"`
	Spine struct {
		Toc   string `xml:"toc,attr"`
		Items []struct {
			IDRef string `xml:"idref,attr"`
		} `xml:"itemref"`
	} `xml:"spine"`
}

// open reads an EPUB's container and package document.
func open(data []byte) (*book, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, errors.New("is not an EPUB: it is no zip archive (" + err.Error() + ")")
	}
	if len(zr.File) > maxEntries {
		return nil, fmt.Errorf("is not an EPUB cable can read: it holds %d files", len(zr.File))
	}
	b := &book{files: map[string]*zip.File{}, titles: map[string]string{}}
	for _, f := range zr.File {
		if _, dup := b.files[f.Name]; !dup {
			b.files[f.Name] = f
		}
	}
	if err := b.checkDRM(); err != nil {
		return nil, err
	}
	container, err := b.file("META-INF/container.xml")
	if err != nil {
		return nil, errors.New("is not an EPUB: " + err.Error())
	}
	var c struct {
		Rootfiles []struct {
			Path string `xml:"full-path,attr"`
			Type string `xml:"media-type,attr"`
		} `xml:"rootfiles>rootfile"`
	}
	if err := decodeXML(container, &c); err != nil || len(c.Rootfiles) == 0 {
		return nil, errors.New("is not an EPUB: META-INF/container.xml names no package document")
	}
	opfPath := c.Rootfiles[0].Path
	raw, err := b.file(opfPath)
	if err != nil {
		return nil, errors.New("is not an EPUB cable can read: " + err.Error())
	}
	var p opf
	if err := decodeXML(raw, &p); err != nil {
		return nil, fmt.Errorf("is not an EPUB cable can read: its package document %s is not XML (%v)", opfPath, err)
	}
	b.meta = p.metadata
	dir := path.Dir(opfPath)
	byID := map[string]string{}
	for _, it := range p.Items {
		full := resolve(dir, it.Href)
		byID[it.ID] = full
		if strings.Contains(" "+it.Properties+" ", " nav ") {
			b.navPath = full
		}
		if it.ID == p.Spine.Toc || (b.ncxPath == "" && it.MediaType == "application/x-dtbncx+xml") {
			b.ncxPath = full
		}
		if mt := it.MediaType; byID[it.ID] != "" && mt != "" && !isDocument(mt) {
			byID[it.ID] = "" // not a document: no chapter
		}
	}
	for _, ref := range p.Spine.Items {
		if full := byID[ref.IDRef]; full != "" && full != b.navPath && len(b.spine) < maxSpine {
			b.spine = append(b.spine, full)
		}
	}
	if len(b.spine) == 0 {
		return nil, errors.New("is not an EPUB cable can read: its spine names no chapters")
	}
	b.readContents()
	return b, nil
}

func isDocument(mediaType string) bool {
	return mediaType == "application/xhtml+xml" || mediaType == "text/html" || mediaType == "application/x-dtbook+xml"
}

// checkDRM refuses a book whose chapters are encrypted: Adobe's or
// another's DRM (META-INF/rights.xml, or an encryption.xml that
// encrypts anything but fonts, which publishers only obfuscate).
func (b *book) checkDRM() error {
	const refused = "is protected by DRM (%s); cable cannot read it. Import a copy without DRM, as the publisher or the library that lent it may offer"
	if _, ok := b.files["META-INF/rights.xml"]; ok {
		return fmt.Errorf(refused, "META-INF/rights.xml")
	}
	raw, err := b.file("META-INF/encryption.xml")
	if err != nil {
		return nil
	}
	var enc struct {
		Data []struct {
			Method struct {
				Algorithm string `xml:"Algorithm,attr"`
			} `xml:"EncryptionMethod"`
			Ref struct {
				URI string `xml:"URI,attr"`
			} `xml:"CipherData>CipherReference"`
		} `xml:"EncryptedData"`
	}
	if decodeXML(raw, &enc) != nil {
		return fmt.Errorf(refused, "META-INF/encryption.xml")
	}
	for _, d := range enc.Data {
		font := d.Method.Algorithm == "http://www.idpf.org/2008/embedding" || d.Method.Algorithm == "http://ns.adobe.com/pdf/enc#RC"
		ext := strings.ToLower(path.Ext(d.Ref.URI))
		if !font || !(ext == ".otf" || ext == ".ttf" || ext == ".woff" || ext == ".woff2") {
			return fmt.Errorf(refused, "META-INF/encryption.xml encrypts "+d.Ref.URI)
		}
	}
	return nil
}

// file reads one file of the archive, within the limits.
func (b *book) file(name string) ([]byte, error) {
	f, ok := b.files[name]
	if !ok {
		return nil, errors.New(name + " is missing")
	}
	if b.read >= maxTotal {
		return nil, errors.New("it holds more text than cable reads")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s cannot be read (%v)", name, err)
	}
	defer rc.Close()
	limit := min(int64(maxEntry), maxTotal-b.read)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	b.read += int64(len(data))
	if err != nil {
		return nil, fmt.Errorf("%s is damaged (%v)", name, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s is larger than cable reads", name)
	}
	return data, nil
}

// resolve is the path within the archive of href, relative to the
// directory dir, without its fragment.
func resolve(dir, href string) string {
	href, _, _ = strings.Cut(href, "#")
	if u, err := url.PathUnescape(href); err == nil {
		href = u
	}
	if strings.HasPrefix(href, "/") {
		return strings.TrimPrefix(path.Clean(href), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(dir, href)), "./")
}

// decodeXML reads an XML document leniently, as readers of EPUBs must:
// HTML's entities are known, and any declared charset is decoded.
func decodeXML(data []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	return d.Decode(v)
}

// readContents reads the contents, the EPUB 3 navigation document or the
// EPUB 2 NCX, into the title of each document they name: the first entry
// that leads to a document names it.
func (b *book) readContents() {
	add := func(dir, href, title string) {
		title = strings.Join(strings.Fields(title), " ")
		full := resolve(dir, href)
		if title == "" || full == "" {
			return
		}
		if _, seen := b.titles[full]; !seen {
			b.titles[full] = title
			b.contents = append(b.contents, full)
		}
	}
	if b.navPath != "" {
		if raw, err := b.file(b.navPath); err == nil {
			if doc, err := parseXHTML(raw); err == nil {
				for _, e := range navEntries(doc) {
					add(path.Dir(b.navPath), e.href, e.title)
				}
			}
		}
	}
	if len(b.titles) > 0 || b.ncxPath == "" {
		return
	}
	raw, err := b.file(b.ncxPath)
	if err != nil {
		return
	}
	var ncx struct {
		Points []navPoint `xml:"navMap>navPoint"`
	}
	if decodeXML(raw, &ncx) != nil {
		return
	}
	var walk func([]navPoint, int)
	walk = func(points []navPoint, depth int) {
		for _, p := range points {
			add(path.Dir(b.ncxPath), p.Content.Src, p.Label)
			if depth < 16 {
				walk(p.Children, depth+1)
			}
		}
	}
	walk(ncx.Points, 0)
}

type navPoint struct {
	Label   string `xml:"navLabel>text"`
	Content struct {
		Src string `xml:"src,attr"`
	} `xml:"content"`
	Children []navPoint `xml:"navPoint"`
}
