package pdf_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"cable/pdf"
)

// Reports written in the tests with fpdf, shaped as think-tank reports
// are: a cover, a contents page, numbered chapters with sub-headings, a
// running head and page numbers, footnotes, a chapter in two columns, a
// table, a word hyphenated at a line's end, and ligatures.

func TestMain(m *testing.M) {
	// The compiled engine is kept between test runs, as cable keeps it.
	pdf.UseCache(filepath.Join(os.TempDir(), "cable-test-pdfium"))
	os.Exit(m.Run())
}

type testNote struct {
	after string // the word its marker follows
	text  string
}

type testPara struct {
	text string
	note *testNote
}

type testSection struct {
	title string
	paras []testPara
}

type testChapter struct {
	title     string
	paras     []testPara
	subs      []testSection
	columns   []string // a chapter set in two columns, instead of paras
	table     [][]string
	hyphen    [2]string // a paragraph's lines, the first ending in a hyphenated word
	hyphenate bool
}

type testReport struct {
	title, author, org string
	chapters           []testChapter
	metadata           bool   // title and author in the PDF's metadata too
	protect            bool   // copying and printing forbidden, no password to open it
	summary            string // a paragraph of prose on the cover, under the institute
}

var vocabulary = strings.Fields(`sanctions deterrence alliance treaty ministers envoy corridor pipeline border
garrison ceasefire mandate referendum coalition parliament embassy summit negotiation reserves tariffs
exports frigates militia insurgency doctrine sovereignty recognition financial conflict flows official
fleet influence efficient defence bargain credible escalation neighbours governance leverage partners
energy markets uranium enrichment inspectors observers refugees diplomacy accession enlargement
capitals ambitions rivalry pressure guarantees commitments`)

func sentence(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.Intn(len(vocabulary))]
	}
	w[0] = strings.ToUpper(w[0][:1]) + w[0][1:]
	return strings.Join(w, " ") + "."
}

func paragraph(r *rand.Rand, sentences int) string {
	var s []string
	for range sentences {
		s = append(s, sentence(r, 8+r.Intn(8)))
	}
	return strings.Join(s, " ")
}

// newReport writes the text of a report of n chapters.
func newReport(n int, seed int64) testReport {
	r := rand.New(rand.NewSource(seed))
	rep := testReport{title: "The Long Peace and Its Enemies", author: "Anna Keller and Tomas Berg", org: "Institute for Strategic Studies, Report Twelve"}
	names := []string{"Armies and Borders", "Money and Trade", "Two Views of the Alliance", "Energy and Leverage", "Refugees and Borders", "Conclusions"}
	notes := 0
	for c := 0; c < n; c++ {
		ch := testChapter{title: fmt.Sprintf("%d. %s", c+1, names[c%len(names)])}
		if c >= len(names) {
			ch.title = fmt.Sprintf("%d. %s %d", c+1, names[c%len(names)], c/len(names)+1)
		}
		if c%6 == 2 {
			for range 6 {
				ch.columns = append(ch.columns, paragraph(r, 3))
			}
			rep.chapters = append(rep.chapters, ch)
			continue
		}
		for p := range 3 {
			para := testPara{text: paragraph(r, 5)}
			if p == 1 {
				notes++
				words := strings.Fields(para.text)
				para.note = &testNote{after: words[12], text: fmt.Sprintf("Note %d: %s", notes, sentence(r, 10))}
			}
			ch.paras = append(ch.paras, para)
		}
		for s := range 2 {
			sec := testSection{title: fmt.Sprintf("%d.%d %s", c+1, s+1, strings.Title(vocabulary[r.Intn(len(vocabulary))])+" and "+strings.Title(vocabulary[r.Intn(len(vocabulary))]))}
			for p := range 2 {
				para := testPara{text: paragraph(r, 4)}
				if p == 0 && s == 1 {
					notes++
					words := strings.Fields(para.text)
					para.note = &testNote{after: words[20], text: fmt.Sprintf("Note %d: %s", notes, sentence(r, 12))}
				}
				sec.paras = append(sec.paras, para)
			}
			ch.subs = append(ch.subs, sec)
		}
		if c%6 == 1 {
			ch.table = [][]string{{"Country", "Troops", "Budget"}, {"Poland", "12000", "31"}, {"Estonia", "4100", "2"}, {"Lithuania", "5300", "3"}}
		}
		if c%6 == 0 {
			ch.hyphenate = true
		}
		rep.chapters = append(rep.chapters, ch)
	}
	rep.chapters[0].paras[0].text = "The ofﬁcial ﬂows of ﬁnancial aid grew. " + rep.chapters[0].paras[0].text
	return rep
}

// source is the report's text as the article should hold it: the cover's
// last line, the chapters, the tables, the notes.
func (rep testReport) source() string {
	var b strings.Builder
	b.WriteString(rep.org + "\n")
	if rep.summary != "" {
		b.WriteString(rep.summary + "\n")
	}
	for _, ch := range rep.chapters {
		b.WriteString(ch.title + "\n")
		for _, p := range ch.paras {
			b.WriteString(p.text + "\n")
		}
		for _, c := range ch.columns {
			b.WriteString(c + "\n")
		}
		if ch.hyphenate {
			b.WriteString("Credible deterrence is costly to build.\n")
		}
		for _, row := range ch.table {
			b.WriteString(strings.Join(row, " ") + "\n")
		}
		for _, s := range ch.subs {
			b.WriteString(s.title + "\n")
			for _, p := range s.paras {
				b.WriteString(p.text + "\n")
			}
		}
	}
	for _, n := range rep.notes() {
		b.WriteString(n.text + "\n")
	}
	return strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl").Replace(b.String())
}

// paragraphs are the report's paragraphs of text, as they should read.
func (rep testReport) paragraphs() []string {
	var out []string
	for _, ch := range rep.chapters {
		for _, p := range ch.paras {
			out = append(out, p.text)
		}
		out = append(out, ch.columns...)
		for _, s := range ch.subs {
			for _, p := range s.paras {
				out = append(out, p.text)
			}
		}
	}
	for i, p := range out {
		out[i] = strings.NewReplacer("ﬁ", "fi", "ﬂ", "fl").Replace(p)
	}
	return out
}

func (rep testReport) notes() []testNote {
	var out []testNote
	for _, ch := range rep.chapters {
		for _, p := range ch.paras {
			if p.note != nil {
				out = append(out, *p.note)
			}
		}
		for _, s := range ch.subs {
			for _, p := range s.paras {
				if p.note != nil {
					out = append(out, *p.note)
				}
			}
		}
	}
	return out
}

var fontDir = sync.OnceValue(func() string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "codeberg.org/go-pdf/fpdf").Output()
	if err != nil {
		panic(err)
	}
	return filepath.Join(strings.TrimSpace(string(out)), "font")
})

// write sets the report down as a PDF.
func (rep testReport) write(t testing.TB) []byte {
	f := fpdf.New("P", "mm", "A4", fontDir())
	f.AddUTF8Font("dejavu", "", "DejaVuSansCondensed.ttf")
	f.AddUTF8Font("dejavu", "B", "DejaVuSansCondensed-Bold.ttf")
	f.SetMargins(20, 20, 20)
	f.SetAutoPageBreak(true, 50)
	if rep.protect {
		f.SetProtection(0, "", "owner")
	}
	if rep.metadata {
		f.SetTitle(rep.title, true)
		f.SetAuthor(rep.author, true)
	}
	pageNotes := map[int][]string{}
	number := 0
	f.SetHeaderFunc(func() {
		if f.PageNo() == 1 {
			return
		}
		f.SetFont("dejavu", "", 8)
		f.SetXY(20, 8)
		f.CellFormat(0, 4, "ISS Report 12 · The Long Peace", "", 0, "R", false, 0, "")
		f.SetXY(20, 20)
	})
	f.SetFooterFunc(func() {
		if f.PageNo() == 1 {
			return
		}
		if notes := pageNotes[f.PageNo()]; len(notes) > 0 {
			f.SetY(-45)
			f.Line(20, f.GetY(), 80, f.GetY())
			f.SetY(-44)
			f.SetFont("dejavu", "", 8)
			for _, n := range notes {
				f.MultiCell(0, 3.5, n, "", "L", false)
			}
		}
		f.SetFont("dejavu", "", 8)
		f.SetXY(20, -12)
		f.CellFormat(0, 4, fmt.Sprintf("Page %d", f.PageNo()), "", 0, "C", false, 0, "")
	})
	body := func() { f.SetFont("dejavu", "", 11) }
	para := func(p testPara) {
		body()
		text := p.text
		if p.note != nil {
			before, after, _ := strings.Cut(text, " "+p.note.after+" ")
			f.Write(5.5, before+" "+p.note.after)
			number++
			f.SubWrite(5.5, fmt.Sprint(number), 7, 4, 0, "")
			pageNotes[f.PageNo()] = append(pageNotes[f.PageNo()], fmt.Sprintf("%d %s", number, p.note.text))
			body()
			text = " " + after
		}
		f.Write(5.5, text)
		f.Ln(9)
	}
	heading := func(text string, size float64) {
		f.SetFont("dejavu", "B", size)
		f.MultiCell(0, size*0.5, text, "", "L", false)
		f.Ln(3)
	}
	// The cover.
	f.AddPage()
	f.SetY(80)
	heading(rep.title, 26)
	f.SetFont("dejavu", "", 14)
	f.MultiCell(0, 7, "By "+rep.author, "", "L", false)
	f.Ln(20)
	body()
	f.MultiCell(0, 6, rep.org, "", "L", false)
	if rep.summary != "" {
		f.Ln(6)
		f.MultiCell(0, 6, rep.summary, "", "L", false)
	}
	// The contents.
	f.AddPage()
	heading("Contents", 18)
	body()
	for i, ch := range rep.chapters {
		f.CellFormat(150, 6, ch.title+" "+strings.Repeat(".", 30), "", 0, "L", false, 0, "")
		f.CellFormat(0, 6, fmt.Sprint(3+i*2), "", 1, "R", false, 0, "")
		for _, s := range ch.subs {
			f.CellFormat(150, 6, "    "+s.title, "", 0, "L", false, 0, "")
			f.CellFormat(0, 6, fmt.Sprint(3+i*2), "", 1, "R", false, 0, "")
		}
	}
	for _, ch := range rep.chapters {
		f.AddPage()
		heading(ch.title, 18)
		for _, p := range ch.paras {
			para(p)
		}
		if len(ch.columns) > 0 {
			// The text runs down the left column and on at the top of
			// the right one, a paragraph split between them as it falls.
			body()
			var lines []string // "" between paragraphs
			for _, c := range ch.columns {
				lines = append(append(lines, f.SplitText(c, 80)...), "")
			}
			top, x, y := f.GetY(), 20.0, f.GetY()
			for i, l := range lines {
				if i == len(lines)/2 && x == 20 {
					x, y = 110, top
					if l == "" {
						continue
					}
				}
				if l == "" {
					y += 4
					continue
				}
				f.SetXY(x, y)
				f.CellFormat(80, 5.5, l, "", 0, "L", false, 0, "")
				y += 5.5
			}
			f.SetXY(20, max(y, f.GetY())+6)
		}
		if ch.hyphenate {
			body()
			f.CellFormat(0, 5.5, "Credible deter-", "", 1, "L", false, 0, "")
			f.CellFormat(0, 5.5, "rence is costly to build.", "", 1, "L", false, 0, "")
			f.Ln(4)
		}
		if ch.table != nil {
			for i, row := range ch.table {
				if i == 0 {
					f.SetFont("dejavu", "B", 11)
				} else {
					body()
				}
				for _, c := range row {
					f.CellFormat(45, 7, c, "1", 0, "L", false, 0, "")
				}
				f.Ln(-1)
			}
			f.Ln(5)
		}
		for _, s := range ch.subs {
			heading(s.title, 13)
			for _, p := range s.paras {
				para(p)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// scanned is a PDF of two pages that are pictures only.
func scanned(t testing.TB) []byte {
	img := image.NewGray(image.Rect(0, 0, 200, 280))
	for i := range img.Pix {
		img.Pix[i] = uint8(200 + i%50)
	}
	img.Set(10, 10, color.Black)
	var pic bytes.Buffer
	png.Encode(&pic, img)
	f := fpdf.New("P", "mm", "A4", "")
	f.RegisterImageOptionsReader("page", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(pic.Bytes()))
	for range 2 {
		f.AddPage()
		f.ImageOptions("page", 0, 0, 210, 297, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// protected is a report that opens only with a password.
func protected(t testing.TB) []byte {
	f := fpdf.New("P", "mm", "A4", "")
	f.SetProtection(fpdf.CnProtectPrint, "reader", "owner")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.MultiCell(0, 6, paragraph(rand.New(rand.NewSource(1)), 6), "", "L", false)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
