package prosetag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// proseWords cuts text into words as prose's tokenizer does (iterTokenizer
// in prose: quotes made straight, then each run of non-space split by
// doSplit), without its allocation of a token and a lower-cased copy per
// step or a regular expression per step. The words are prose's
// (TestWordsMatchProse, FuzzWordsMatchProse).
func proseWords(text string) []prose.Token {
	clean := text
	if strings.IndexByte(text, 0xE2) >= 0 || strings.Contains(text, "&rsquo;") {
		clean = proseQuotes.Replace(text) // which copies even when it replaces nothing
	}
	toks := make([]prose.Token, 0, len(clean)/5+1)
	// prose's loop, quirks kept: a span starts after a single space but
	// on any other space character, and spans of spaces split to nothing.
	white := false
	start, index := 0, 0
	for index < len(clean) {
		r, size := utf8.DecodeRuneInString(clean[index:])
		if index == 0 {
			white = unicode.IsSpace(r)
		}
		if unicode.IsSpace(r) != white {
			if start < index {
				toks = splitWord(clean[start:index], toks)
			}
			if r == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index {
		toks = splitWord(clean[start:index], toks)
	}
	return toks
}

// proseQuotes is prose's sanitizer.
var proseQuotes = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// splitWord appends the tokens of one run of non-space to toks as prose's
// doSplit does: prefixes off the front, clitics ('ll, 's, 're, 'm, n't)
// split off, suffixes off the back, each step while the run shrinks. A
// suffix is one byte, and only the front moves otherwise, so the suffixes
// are the run's tail.
func splitWord(word string, toks []prose.Token) []prose.Token {
	add := func(s string) {
		if strings.TrimSpace(s) != "" {
			toks = append(toks, prose.Token{Text: s})
		}
	}
	tail := len(word)
	token := word
	last := 0
	for token != "" && utf8.RuneCountInString(token) != last {
		if proseSpecial(token) {
			add(token)
			break
		}
		last = utf8.RuneCountInString(token)
		if len(token) > 1 && strings.IndexByte(`$("[`, token[0]) >= 0 {
			add(token[:1])
			token = token[1:]
		} else if idx := cliticIndex(token); idx > -1 {
			add(token[:idx])
			token = token[idx:]
		} else if len(token) > 1 && strings.IndexByte(`,)"]!;.?:'`, token[len(token)-1]) >= 0 {
			token = token[:len(token)-1]
			tail--
		} else {
			add(token)
		}
	}
	for i := tail; i < len(word); i++ {
		toks = append(toks, prose.Token{Text: word[i : i+1]})
	}
	return toks
}

// cliticIndex is where prose's doSplit cuts a clitic from token, or -1:
// the first of "'ll", "'s", "'re", "'m" found in the lower-cased token,
// else "n't" (hasAnyIndex in prose, which finds it in the lower-cased copy
// and cuts the token itself there). Each holds an apostrophe, which
// lower-casing neither makes nor takes away.
func cliticIndex(token string) int {
	if strings.IndexByte(token, '\'') < 0 {
		return -1
	}
	lower := strings.ToLower(token)
	for _, c := range [...]string{"'ll", "'s", "'re", "'m"} {
		if idx := strings.Index(lower, c); idx >= 0 && len(lower) > len(c) {
			return idx
		}
	}
	if idx := strings.Index(lower, "n't"); idx >= 0 && len(lower) > len("n't") {
		return idx
	}
	return -1
}

// proseSpecial is prose's isSpecial: an emoticon from its list, or a token
// its internalRE matches, ^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$
// (initials such as "U.S.", abbreviations such as "Mr." and "Inc.").
func proseSpecial(token string) bool {
	if proseEmoticons[token] {
		return true
	}
	n := len(token)
	letter := func(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
	if n >= 4 && n%2 == 0 {
		initials := true
		for i := 0; i < n && initials; i += 2 {
			initials = letter(token[i]) && token[i+1] == '.'
		}
		if initials {
			return true
		}
	}
	if (n == 3 || n == 4) && 'A' <= token[0] && token[0] <= 'Z' && token[n-1] == '.' {
		for i := 1; i < n-1; i++ {
			if token[i] < 'a' || token[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

// proseEmoticons is prose's list of emoticons (tokenize.go in prose),
// which it keeps whole.
var proseEmoticons = map[string]bool{
	"(-8": true, "(-;": true, "(-_-)": true, "(._.)": true, "(:": true, "(=": true, "(o:": true,
	"(¬_¬)": true, "(ಠ_ಠ)": true, "(╯°□°）╯︵┻━┻": true, "-__-": true, "8-)": true, "8-D": true,
	"8D": true, ":(": true, ":((": true, ":(((": true, ":()": true, ":)))": true, ":-)": true,
	":-))": true, ":-)))": true, ":-*": true, ":-/": true, ":-X": true, ":-]": true, ":-o": true,
	":-p": true, ":-x": true, ":-|": true, ":-}": true, ":0": true, ":3": true, ":P": true,
	":]": true, ":`(": true, ":`)": true, ":`-(": true, ":o": true, ":o)": true, "=(": true,
	"=)": true, "=D": true, "=|": true, "@_@": true, "O.o": true, "O_o": true, "V_V": true,
	"XDD": true, "[-:": true, "^___^": true, "o_0": true, "o_O": true, "o_o": true, "v_v": true,
	"xD": true, "xDD": true, "¯\\(ツ)/¯": true,
}
