package extract

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Block is one line of an article body, the unit page clutter comes in: a
// caption, a button label, a teaser headline. Clutter, when set, says why the
// block is not article text.
type Block struct {
	Start, End int // byte offsets of the trimmed line in the body
	Clutter    string
}

var (
	// Lines that open like page furniture.
	furniturePrefix = regexp.MustCompile(`(?i)^(read more|related|see also|also read|more on this|subscribe|sign up|sign in|log in|follow us|share( this)?|advertisement|comments?\b|photo( credit)?:|image:|credit:|file photo|cookies?\b|we use cookies|by continuing|click here|watch:|listen:|most read|trending|newsletter|getty images|reuters/|© )`)
	// Captions and credits inside a line.
	captionMark = regexp.MustCompile(`(?i)(©|\bphoto: |\bphotograph: |\bphoto by\b|\(photo\b|\bphoto/|\bimage: |\bpictured\b|^in this (photo|file photo|image|picture)\b|\bcredit: )`)
	// A gallery's picture counter ("3 of 12") opening a caption, or an
	// agency's credit glued to the photographer ("AGENCY/Jane Doe").
	galleryMark = regexp.MustCompile(`^\d{1,3} of \d{1,3}\s|\b\p{Lu}{2,}/\p{Lu}\p{Ll}`)
	// Appeals for money or sign-ups, whose prices are the outlet's own.
	appealMark = regexp.MustCompile(`(?i)^since you're here\b|^support (us|our)\b|\b(it only takes a minute|make a (one-off )?contribution|become a (member|subscriber|supporter)|donate now)\b`)
	// A trailing " - Outlet Name" credit, as photo captions carry.
	creditTail = regexp.MustCompile(`\s[-–—]\s(\p{Lu}[\p{L}.]*\s?){1,4}$`)
	// A line that heads a list of links to other stories.
	listHeader = regexp.MustCompile(`(?i)^(read more|related( news| stories| articles| content)?|see also|also read|more (from|on)\b.*|more stories|most (read|popular|viewed|shared)|trending( now| news)?|recommended( for you)?|you may also like|top stories|latest news)\W*$`)
	uiWords    = regexp.MustCompile(`(?i)\b(log in|register|sign up|subscribe|newsletter|retry|can't connect|loading|loader|cookie|comments?|chats?|newsfeed)\b`)
)

// appeal reports whether line asks the reader for money or a sign-up. The
// words appealMark needs are looked for first: the expression costs far
// more than the few lines that have them.
func appeal(line string) bool {
	l := strings.ToLower(line)
	if !strings.Contains(l, "minute") && !strings.Contains(l, "contribution") && !strings.Contains(l, "become a") &&
		!strings.Contains(l, "donate") && !strings.HasPrefix(l, "since you") && !strings.HasPrefix(l, "support ") {
		return false
	}
	return appealMark.MatchString(line)
}

// Blocks cuts body into lines and marks those that are page clutter rather
// than article text. It never drops a block, so offsets stay aligned.
func Blocks(body string) []Block {
	var blocks []Block
	off := 0
	// Under a list header, lines that do not end as prose are links to
	// other stories, however long their headline.
	inList := false
	for off < len(body) {
		line, _, found := strings.Cut(body[off:], "\n")
		lineStart := off
		off += len(line)
		if found {
			off++
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			continue
		}
		start := lineStart + strings.Index(line, trimmed)
		reason := clutterReason(trimmed)
		switch {
		case listHeader.MatchString(trimmed):
			inList = true
		case inList && reason == "" && !endsSentence(trimmed):
			reason = "headline or teaser"
		case !endsSentence(trimmed):
		default:
			inList = false
		}
		blocks = append(blocks, Block{Start: start, End: start + len(trimmed), Clutter: reason})
	}
	if len(blocks) == 1 && (blocks[0].Clutter == "headline or teaser" || blocks[0].Clutter == "fragment") {
		// A body of one line is the article, stop or no stop ("Telegram
		// has 40 million users in Russia"): it has no page around it for
		// a teaser to sit in.
		blocks[0].Clutter = ""
	}
	return blocks
}

// clutterReason says why a line is page clutter, or "" if it reads as article
// text.
func clutterReason(line string) string {
	words := 0
	for range strings.FieldsSeq(line) {
		words++
	}
	switch {
	case otherScript(line):
		return "line in another script"
	case mayBeCaption(line) && captionMark.MatchString(line):
		return "photo caption or credit"
	case furniturePrefix.MatchString(line):
		return "page furniture"
	case appeal(line):
		return "appeal for money or sign-ups"
	case words <= 2 && !endsSentence(line):
		return "fragment"
	}
	if endsSentence(line) {
		return ""
	}
	switch {
	case galleryMark.MatchString(line):
		return "photo caption or credit"
	case strings.ContainsAny(line, "-–—") && creditTail.MatchString(line):
		return "photo caption or credit"
	case uiWords.MatchString(line) && words < 12:
		return "page furniture"
	case titleCase(line):
		return "headline or teaser"
	case words < 8:
		return "fragment"
	case words <= 14 && !sentencePunct(line):
		// Sentence-case headlines and teasers ("Ferry fares to rise 8%
		// from July 1") carry no full stop; prose paragraphs that lost
		// theirs are longer or hold more than one sentence.
		return "headline or teaser"
	}
	return ""
}

// sentencePunct reports whether line holds a mark that ends a sentence, not
// counting decimal points ("0.3%") and a list item's number ("2. ").
func sentencePunct(line string) bool {
	i := 0
	for i < len(line) && '0' <= line[i] && line[i] <= '9' {
		i++
	}
	if i > 0 && strings.HasPrefix(line[i:], ". ") {
		line = line[i+2:]
	}
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '!', '?':
			return true
		case '.':
			if i == 0 || i+1 == len(line) || !isDigit(line[i-1]) || !isDigit(line[i+1]) {
				return true
			}
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// mayBeCaption reports whether line holds a word every captionMark needs;
// most lines do not, and the regexp is slow.
func mayBeCaption(line string) bool {
	// strings.ToLower(line), rune by rune as it does, without a copy on the
	// heap for most lines.
	var buf [1024]byte
	l := buf[:0]
	for _, r := range line {
		l = utf8.AppendRune(l, unicode.ToLower(r))
	}
	for _, w := range captionWords {
		if bytes.Contains(l, w) {
			return true
		}
	}
	return false
}

var captionWords = [][]byte{[]byte("©"), []byte("photo"), []byte("image"), []byte("picture"), []byte("credit")}

// endsSentence reports whether a line ends as prose does.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, `"'’”»)]`)
	return strings.HasSuffix(line, ".") || strings.HasSuffix(line, "!") || strings.HasSuffix(line, "?") || strings.HasSuffix(line, ":")
}

// titleCase reports whether most longer words of line are capitalised, as
// in headlines and teasers.
func titleCase(line string) bool {
	var long, upper int
	for w := range strings.FieldsSeq(line) {
		w = strings.Trim(w, `"'‘’“”(),.:;`)
		if len([]rune(w)) < 4 {
			continue
		}
		long++
		r := []rune(w)[0]
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	return long >= 2 && upper*10 >= long*7
}

// otherScript reports whether most letters of a line are outside the Latin
// script: a UI string or a line for another audience.
func otherScript(line string) bool {
	var letters, latin int
	for i, r := range line {
		if r < utf8.RuneSelf {
			// ASCII letters are all Latin; unicode.Is is a table search.
			if c := line[i] | 0x20; 'a' <= c && c <= 'z' {
				letters++
				latin++
			}
			continue
		}
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	return letters > 0 && latin*2 < letters
}
