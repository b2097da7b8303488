package compare

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/extract"
)

// Stories: a long-lived collection receives articles on many unrelated
// stories, and figures that belong to a story as a whole ("12 people died")
// are only comparable within it. An article is filed under a story by the
// names it shares with the story's earlier articles.
const (
	// storySubject is the subject extract gives figures and events that
	// belong to the story as a whole rather than to a named thing.
	storySubject = "story"
	// FirstStory is the id of a collection's first story. Its groups keep
	// the plain key, so a collection holding one story (every verify run)
	// has the same groups and verdict ids as before stories existed.
	FirstStory = "1"
	// MaxEntities bounds the names an article is filed by: its most
	// frequent ones, so that a long article costs no more to file.
	MaxEntities = 24
	// JoinScore is the weighted number of shared names from which an
	// article joins a story (see [MatchStory]): three names no other story
	// has, or more names that other stories share too. Two outlets on one
	// flood share the river, the province, the towns and the officials;
	// two unrelated stories share at most a common first name or two.
	JoinScore = 3.0
	// MinJoinScore is the least score that joins an article with fewer
	// than five names: two thirds of its names, and at least two.
	MinJoinScore = 2.0
	// RareEntity is how many stories a name may be listed under and still
	// count in full; beyond it a name counts less, in proportion.
	RareEntity = 4
	// CommonEntity is how many stories a name may be listed under before it
	// stops counting: by then it says nothing about which story it is.
	CommonEntity = 32
)

// Entities returns the names an article is filed by: the words of proper
// names in its title and text (its body, or failing that its claims'
// sentences, see [ClaimText]), folded to lower case, most frequent first, at
// most [MaxEntities]. A word counts when the text capitalises it where a
// sentence does not force it (after the first word of a sentence; a first
// word only when the text also uses it mid-sentence), is not one of the
// generic words of institutions and calendars ("Province", "Police",
// "Monday") and is not a word of the article's own source or of a byline,
// which name the outlet and its staff rather than the news.
func Entities(title, source, text string) []string {
	own := make(map[string]bool)
	for _, w := range words(source) {
		own[strings.ToLower(w.text)] = true
	}
	type use struct{ initial, inner int }
	uses := make(map[string]*use)
	var buf []word // one line's words, reused line after line
	note := func(text string, titleCase bool) {
		buf = appendWords(buf[:0], text)
		for i, w := range buf {
			if !w.capital {
				continue
			}
			k := strings.ToLower(w.text)
			if own[k] || genericNames[k] || utf8.RuneCountInString(k) < 3 {
				continue
			}
			u := uses[k]
			if u == nil {
				u = &use{}
				uses[k] = u
			}
			if i == 0 || w.initial || titleCase {
				u.initial++
			} else {
				u.inner++
			}
		}
	}
	note(title, isTitleCase(title))
	for line := range strings.Lines(text) {
		if !byline(line) {
			note(line, false)
		}
	}
	type counted struct {
		name string
		n    int
	}
	var out []counted
	for k, u := range uses {
		if u.inner > 0 {
			out = append(out, counted{k, u.inner + u.initial})
		}
	}
	slices.SortFunc(out, func(a, b counted) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.name, b.name)) })
	names := make([]string, 0, min(len(out), MaxEntities))
	for _, c := range out[:min(len(out), MaxEntities)] {
		names = append(names, c.name)
	}
	slices.Sort(names)
	return names
}

// byline reports whether a line only names the writer ("By Sanne Okafor,
// Political Editor"): a name of the outlet's staff, not of the news.
func byline(line string) bool {
	rest, ok := strings.CutPrefix(strings.TrimSpace(line), "By ")
	return ok && len(rest) < 80 && !strings.ContainsAny(rest, ".!?")
}

// ClaimText joins the distinct sentences of claims, one per line, for
// [Entities] when an article's body is not at hand.
func ClaimText(claims []extract.Claim) string {
	var b strings.Builder
	seen := make(map[string]bool)
	for _, c := range claims {
		if !seen[c.Sentence] {
			seen[c.Sentence] = true
			b.WriteString(c.Sentence)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// word is one word of a text and whether it starts with a capital, and
// whether it starts a sentence or a quotation.
type word struct {
	text             string
	capital, initial bool
}

// words splits text into words of letters and digits; an apostrophe ends a
// word ("Oskel's" is "Oskel") and a hyphen splits one.
func words(text string) []word { return appendWords(nil, text) }

// appendWords is words appending to out.
func appendWords(out []word, text string) []word {
	initial := true
	start := -1
	skip := false // inside the tail after an apostrophe
	flush := func(end int) {
		if start >= 0 {
			w := text[start:end]
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsLetter(r) {
				out = append(out, word{text: w, capital: unicode.IsUpper(r), initial: initial})
			}
			initial = false
		}
		start = -1
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if start < 0 && !skip {
				start = i
			}
		case r == '\'' || r == '’':
			flush(i)
			skip = true
			continue
		default:
			flush(i)
			switch r {
			case '.', '!', '?', ':', '"', '“', '”', '—', '(', '\n':
				initial = true
			}
		}
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			skip = false
		}
	}
	flush(len(text))
	return out
}

// isTitleCase reports whether most longer words of a headline are
// capitalised, so that a capital there says nothing.
func isTitleCase(title string) bool {
	n, caps := 0, 0
	for _, w := range words(title) {
		if utf8.RuneCountInString(w.text) < 4 {
			continue
		}
		n++
		if w.capital {
			caps++
		}
	}
	return n > 0 && caps*3 > n*2
}

// genericNames are capitalised words that name a kind of thing rather than
// a particular one: calendars, titles, institutions, parts of places. They
// recur in unrelated stories, so they never file an article.
var genericNames = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`
		january february march april may june july august september october november december
		monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
		the and but for yet nor with from into after before while when where what which who how
		this that these those there here then they their them she her his him its our you your
		one two three four five six seven eight nine ten first second third last next new old
		said says according also more most some many all any both each other such only
		mr mrs ms dr prof sir lord lady president prime minister ministers secretary governor mayor
		chief director spokesman spokeswoman spokesperson general colonel captain officer officers
		chairman chairwoman chair head leader leaders king queen prince princess pope
		national international federal state states central regional provincial local municipal
		united civil public royal democratic republican people peoples popular
		north south east west northern southern eastern western upper lower greater
		province county valley district region city town village river lake mount mountain
		island islands bay sea ocean coast port street road square bridge station airport
		ministry department office agency authority authorities council committee commission
		union unions university institute college school hospital court police army navy
		government parliament senate congress assembly party cabinet administration
		company corporation group bank fund foundation association federation society
		red cross water energy motors networks steel protection chamber commerce service
		services news press times post herald tribune courier gazette wire media
		inc ltd plc corp co
		officials official residents locals workers employees staff members firefighters rescuers
		experts analysts witnesses organisers organizers protesters farmers marchers strikers crowd
		fire smoke flood floods storm rain rainfall weather emergency damage power traffic
		education health schools
		covid coronavirus internet`) {
		m[w] = true
	}
	return m
}()

// MatchStory picks the story an article with the given names joins. lists
// maps each name to the stories already filed under it (a name missing from
// lists is new). A shared name weighs 1 while it is listed under at most
// [RareEntity] stories and less beyond, in proportion, so a name many stories
// use counts little; one listed under [CommonEntity] stories counts nothing. The story with the
// highest total joins if the total reaches [JoinScore] (or, for an article
// of fewer than five names, two thirds of them and at least [MinJoinScore]); ties go to the story
// that sorts first by [compareStoryIDs]. ok is false when no story is close
// enough and the article founds one.
func MatchStory(names []string, lists map[string][]string) (story string, ok bool) {
	score := make(map[string]float64)
	for _, n := range names {
		ss := lists[n]
		if len(ss) == 0 || len(ss) >= CommonEntity {
			continue
		}
		w := min(1, float64(RareEntity)/float64(len(ss)))
		for _, s := range ss {
			score[s] += w
		}
	}
	best, bestScore := "", 0.0
	for s, v := range score {
		if v > bestScore || v == bestScore && compareStoryIDs(s, best) < 0 {
			best, bestScore = s, v
		}
	}
	// An article with few names needs fewer, but never one alone. A little
	// slack for the float sum of thirds and halves.
	need := min(JoinScore, max(MinJoinScore, float64(len(names))*2/3))
	if bestScore < need-1e-9 {
		return "", false
	}
	return best, true
}

// compareStoryIDs orders story ids, which are decimal numbers in the order
// stories were founded: shorter first, then by digits.
func compareStoryIDs(a, b string) int {
	return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b))
}

// Stories files articles into stories in memory, one at a time, as the
// compare stage does in its KV bucket: an article joins the story
// [MatchStory] picks, or founds the next. It is for batch runs and tests;
// it is not safe for concurrent use.
type Stories struct {
	lists map[string][]string
	n     int
}

// Add files an article by its names ([Entities]) and returns its story.
func (s *Stories) Add(names []string) string {
	if s.lists == nil {
		s.lists = make(map[string][]string)
	}
	story, ok := MatchStory(names, s.lists)
	if !ok {
		s.n++
		story = strconv.Itoa(s.n)
	}
	for _, n := range names {
		s.lists[n] = AddStory(s.lists[n], story)
	}
	return story
}

// AddStory returns list with story added unless it is there, keeping at
// most [CommonEntity] stories, the most recently founded.
func AddStory(list []string, story string) []string {
	if slices.Contains(list, story) {
		return list
	}
	list = append(list, story)
	slices.SortFunc(list, compareStoryIDs)
	if len(list) > CommonEntity {
		list = list[len(list)-CommonEntity:]
	}
	return list
}

// BatchStories files a batch of articles known all at once (a verify run)
// into stories, as a function of the batch alone: two articles report one
// story when they share enough names ([JoinScore] of them, or, for an
// article with fewer than five, two thirds of its names and at least
// [MinJoinScore]), and the stories are the connected sets of that
// relation. names[i] are article i's names ([Entities]) and ids[i] its id.
// The largest story is [FirstStory], the others numbered on by size, then
// by their least article id; whatever order the articles come in, each
// gets the same story.
func BatchStories(ids []string, names [][]string) []string {
	n := len(ids)
	linked := newDisjoint(n)
	sets := make([]map[string]bool, n)
	for i, ns := range names {
		sets[i] = make(map[string]bool, len(ns))
		for _, w := range ns {
			sets[i][w] = true
		}
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			shared := 0
			for w := range sets[i] {
				if sets[j][w] {
					shared++
				}
			}
			fewest := min(len(sets[i]), len(sets[j]))
			need := min(JoinScore, max(MinJoinScore, float64(fewest)*2/3))
			if float64(shared) >= need-1e-9 {
				linked.union(i, j)
			}
		}
	}
	type story struct {
		root, size int
		least      string
	}
	byRoot := make(map[int]*story)
	var order []*story
	for i := range n {
		r := linked.find(i)
		s, ok := byRoot[r]
		if !ok {
			s = &story{root: r, least: ids[i]}
			byRoot[r] = s
			order = append(order, s)
		}
		s.size++
		s.least = min(s.least, ids[i])
	}
	slices.SortFunc(order, func(a, b *story) int {
		return cmp.Or(cmp.Compare(b.size, a.size), cmp.Compare(a.least, b.least))
	})
	label := make(map[int]string, len(order))
	for k, s := range order {
		label[s.root] = strconv.Itoa(k + 1)
	}
	out := make([]string, n)
	for i := range n {
		out[i] = label[linked.find(i)]
	}
	return out
}
