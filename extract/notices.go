// notices.go holds the site's own short notices that stand inside an
// article's block, by the shapes sites give them: what a reader must do
// to comment, invitations to share or rate the article, sign-up, app and
// membership promotions, asks for support, placeholders for content a
// script would load, the site's disclaimers, and a blog's filing line in
// German ("Erstellt am … und abgelegt unter …").

package extract

import (
	"cable/internal/lazyre"
	"strings"
	"unicode/utf8"
)

// noticeStart matches the notices by how they open, on the block's
// text in lower case: a login prompt, a comment or rating counter, a
// share prompt, a promotion, a placeholder for content a script would
// load, a disclaimer or citation, a German blog's filing line.
var noticeStart = lazyre.New(`^(?:` +
	`(sie sind|du bist) (aktuell |derzeit )?nicht (eingeloggt|angemeldet)` +
	`|(keine|no|noch keine) (kommentare|comments|bewertungen|reviews)\b|kommentare insgesamt\b` +
	`|(den )?(artikel|beitrag|post) (gefallen|teilen|weiterempfehlen)\b|(like|share) (this|the) (article|post|story)\b` +
	`|(hat|hat dir|hat ihnen) (dir |ihnen )?(der|dieser) (artikel|beitrag) gefallen` +
	`|never miss\b|(get|download) (the latest|our|the) .{0,60}\bapp\b|help us (continue|keep|to)\b` +
	`|(support|unterstützen sie) (our|unseren|unsere) (journalism|work|journalismus|arbeit)` +
	`|(werden sie|werde) (mitglied|abonnent)|jetzt (neu|abonnieren|bestellen)!` +
	`|externer inhalt$|(klicken sie|klicke) .{0,60}(um|to) .{0,60}(inhalt|content)\b.{0,40}(zu )?laden|(inhalt|content) (laden|load)$` +
	`|\(?alle angaben ohne gewähr\)?\.?$|suggested\s+citation\b|zitiervorschlag\b|materiał chroniony prawem autorskim` +
	`|(note: )?the advertising disclaimer\b` +
	`|(erstellt|veröffentlicht|geschrieben) am .{0,60}\b(und )?abgelegt unter\b)`)

// noticeInside are the notices found anywhere in a block's text, each
// looked for only when its keyword is there (the text in lower case).
var noticeInside = []struct {
	keyword string
	re      *lazyre.Regexp
}{
	{"komment", lazyre.New(`(eingeloggt|angemeldet|registriert)\b.{0,60}\bkommentar|\bkommentar\w*\b.{0,60}\b(eingeloggt|angemeldet|registrier)`)},
	{"comment", lazyre.New(`(logged in|log in|sign in|registered)\b.{0,60}\bcomment|\bcomment\w*\b.{0,60}\b(logged in|log in|sign in|register)`)},
	{"komentarz", lazyre.New(`zalogowan.{0,60}komentarz|komentarz.{0,60}zalogowan`)},
	{"newsletter", lazyre.New(`\b(sign(ing)? up|subscribe|abonnieren|anmelden|registrieren|zapisz się)\b.{0,50}\bnewsletter|\bnewsletter\b.{0,50}\b(sign(ing)? up|subscribe|abonnieren|anmelden|abonnier)`)},
	{"teilen", lazyre.New(`vergiss nicht,? (ihn |es )?zu teilen`)},
	{"app", lazyre.New(`\bwith the [\p{L} ]{1,30} app\.?$`)},
	{"support", lazyre.New(`(consider|please) support(ing)? (our|us|independent)`)},
	{"digital!", lazyre.New(`\bjetzt auch digital!`)},
	{"meinung", lazyre.New(`(gibt|geben) (die|ausschließlich die) meinung (des|der) (autors|autorin|verfasser)`)},
	{"views expressed", lazyre.New(`\bviews expressed (here |in this article )?are (those|the author)`)},
	{"und wurde unter", lazyre.New(`wurde .{0,80}veröffentlicht und wurde unter\b`)},
}

// isNotice reports a block whose whole text is one of the site's
// notices (see noticeStart and noticeInside).
func isNotice(t string) bool {
	if utf8.RuneCountInString(t) > 160 {
		return false
	}
	t = strings.ToLower(t)
	if noticeStart.MatchString(t) {
		return true
	}
	for _, n := range noticeInside {
		if strings.Contains(t, n.keyword) && n.re.MatchString(t) {
			return true
		}
	}
	return false
}

// tailLeads head what closes an article beyond a press release's
// boilerplate (see pressTailLeads): the author's box, the press contact
// in other words, and a box of further information or sources, each a
// heading of its own with at most a third of the article after it.
var tailLeads = lazyre.New(`(?i)^(über (den autor|die autorin|die autoren|die autorinnen)|zum autor|zur autorin|autor(in|en|innen)?|von|the author|about the authors|sobre el autor|o autorze|ansprechpartner(in)?( (zum thema|für (die )?medien|für die presse))?|kontakt( für (die )?(presse|medien))?|weitere informationen|mehr informationen|zusatzinformationen|quellenangaben|quellen)\s*:?$`)
