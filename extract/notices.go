// notices.go holds the site's own short notices that stand inside an
// article's block, by the shapes sites give them: what a reader must do
// to comment, invitations to share or rate the article, sign-up, app and
// membership promotions, asks for support, placeholders for content a
// script would load, the site's disclaimers, and a blog's filing line in
// German ("Erstellt am … und abgelegt unter …").

package extract

import (
	"regexp"
	"unicode/utf8"
)

// noticeLine matches a short block that is one of the site's notices.
// Each alternative is a shape, not a sentence of one site: a comment
// that needs a login, a share or rate prompt, a newsletter or app
// promotion, an ask for support, an external content placeholder, a
// disclaimer of the author's opinion or of liability, a suggested
// citation.
var noticeLine = regexp.MustCompile(`(?i)` +
	// comments that need a login or registration, and comment counters
	`(eingeloggt|angemeldet|registriert|logged in|log in|sign in|zalogowan)\b.{0,60}\b(kommentar|comment|komentarz)` +
	`|\b(kommentar|comment|komentarz)\w*\b.{0,60}\b(eingeloggt|angemeldet|logged in|log in|sign in|zalogowan|registrier)` +
	`|^(sie sind|du bist) (aktuell |derzeit )?nicht (eingeloggt|angemeldet)` +
	`|^(keine|no|noch keine) (kommentare|comments|bewertungen|reviews)\b|^kommentare insgesamt\b` +
	// share and rate prompts
	`|^(den )?(artikel|beitrag|post) (gefallen|teilen|weiterempfehlen)\b|vergiss nicht,? (ihn |es )?zu teilen|^(like|share) (this|the) (article|post|story)\b` +
	`|^(hat|hat dir|hat ihnen) (dir |ihnen )?(der|dieser) (artikel|beitrag) gefallen` +
	// sign-up, app and membership promotions, and asks for support
	`|\b(sign(ing)? up|subscribe|abonnieren|anmelden|registrieren|zapisz się)\b.{0,50}\bnewsletter|\bnewsletter\b.{0,50}\b(sign(ing)? up|subscribe|abonnieren|anmelden|abonnier)` +
	`|^never miss\b|^(get|download) (the latest|our|the) .{0,60}\bapp\b|\bwith the [\p{L} ]{1,30} app\.?$` +
	`|(consider|please) support(ing)? (our|us|independent)|^help us (continue|keep|to)\b|^(support|unterstützen sie) (our|unseren|unsere) (journalism|work|journalismus|arbeit)` +
	`|^(werden sie|werde) (mitglied|abonnent)|^jetzt (neu|abonnieren|bestellen)!|\bjetzt auch digital!` +
	// content a script would load
	`|^externer inhalt$|^(klicken sie|klicke) .{0,60}(um|to) .{0,60}(inhalt|content)\b.{0,40}(zu )?laden|^(inhalt|content) (laden|load)$` +
	// disclaimers and citations
	`|(gibt|geben) (die|ausschließlich die) meinung (des|der) (autors|autorin|verfasser)|\bviews expressed (here |in this article )?are (those|the author)` +
	`|^\(?alle angaben ohne gewähr\)?\.?$|^suggested\s+citation\b|^zitiervorschlag\b|^materiał chroniony prawem autorskim` +
	`|^(note: )?the advertising disclaimer\b` +
	// a German blog's filing line
	`|^(erstellt|veröffentlicht|geschrieben) am .{0,60}\b(und )?abgelegt unter\b|wurde .{0,80}veröffentlicht und wurde unter\b`)

// isNotice reports a block whose whole text is one of the site's
// notices (see noticeLine).
func isNotice(t string) bool {
	return utf8.RuneCountInString(t) <= 160 && noticeLine.MatchString(t)
}

// tailLeads head what closes an article beyond a press release's
// boilerplate (see pressTailLeads): the author's box, the press contact
// in other words, and a box of further information or sources, each a
// heading of its own with at most a third of the article after it.
var tailLeads = regexp.MustCompile(`(?i)^(über (den autor|die autorin|die autoren|die autorinnen)|zum autor|zur autorin|autor(in|en|innen)?|von|the author|about the authors|sobre el autor|o autorze|ansprechpartner(in)?( (zum thema|für (die )?medien|für die presse))?|kontakt( für (die )?(presse|medien))?|weitere informationen|mehr informationen|zusatzinformationen|quellenangaben|quellen)\s*:?$`)
