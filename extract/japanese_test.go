package extract_test

import (
	"strings"
	"testing"

	"cable/extract"
)

// TestImportJapanese imports Japanese pages shaped as sites shape them:
// readings set over words as ruby (furigana) leave the text, whose words
// they would split, and Latin words inside Japanese sentences keep the
// spaces between them, whatever element or space the page sets them in.
func TestImportJapanese(t *testing.T) {
	const more = `港湾局は今年、新しい規則を発表した。港湾局は今年、新しい規則を発表した。港湾局は今年、新しい規則を発表した。`
	for _, tc := range []struct {
		name, text string
		want       []string
		lacks      []string
	}{
		{"readings over words", `<p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができました。` + more + `</p>`,
			[]string{"子どもへの虐待をなくすための法律ができました。"}, []string{"ぎゃくたい", "ほうりつ", "("}},
		{"Latin words in links and emphasis", `<p>東京港では、新しい<a href="/a">Apple</a> <a href="/b">Watch</a>と<b>Google</b> <i>Chrome</i>の広告が並んでいる。` + more + `</p>`,
			[]string{"Apple", "Watch", "Google** *Chrome"}, []string{"AppleWatch", "GoogleChrome"}},
		{"Latin words over lines and spans", "<p>横浜港の<span>New</span>\n<span>York</span>\n<span>Times</span>の記事によると、Port\nAuthority は" + more + `</p>`,
			[]string{"New York Times", "Port Authority"}, nil},
		{"Latin words with a space inside an element's end", `<p>神戸港の<strong>Super </strong>Post型と<em>Liebherr </em><em>Cranes</em>。` + more + `</p>`,
			[]string{"Super** Post", "Liebherr Cranes"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page := `<html><head><title>日本の港</title><link rel="canonical" href="https://harbour.example/jp"></head><body><article><h1>日本の港</h1>` +
				tc.text + `</article></body></html>`
			md, _, err := extract.ImportHTML("page.html", []byte(page))
			if err != nil {
				t.Fatal(err)
			}
			body := string(md)[strings.Index(string(md), "\n---\n")+5:]
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("the import lacks %q:\n%s", w, md)
				}
			}
			for _, l := range tc.lacks {
				if strings.Contains(body, l) {
					t.Errorf("the import keeps %q:\n%s", l, md)
				}
			}
		})
	}
}
