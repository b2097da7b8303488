// Package corpusgen writes synthetic news articles for benchmarks and load
// tests: about 3 KB each, with front matter, page clutter, hedged and exact
// figures, dated events, attributions and quotes, several outlets per story
// (agreeing and conflicting) and some syndicated copies. The text comes from
// its own templates and invented names; it is deterministic for a seed.
package corpusgen

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Article is one generated article: a file name and its text, front matter
// included, ready for extract.ParseArticle.
type Article struct {
	Name   string
	Text   string
	Story  int    // index of the story it reports
	CopyOf string // Name of the article it copies, for syndicated copies
}

// Options tunes Generate. The zero value is seed 1, six articles per story
// and one article in ten a syndicated copy.
type Options struct {
	Seed     uint64
	PerStory int     // articles per story; 0 means 6
	CopyRate float64 // share of articles that copy another of their story; <0 means none, 0 means 0.1
	Size     int     // target body size in bytes; 0 means 3000
}

func (o *Options) setDefaults() {
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.PerStory <= 0 {
		o.PerStory = 6
	}
	if o.CopyRate == 0 {
		o.CopyRate = 0.1
	}
	if o.Size <= 0 {
		o.Size = 3000
	}
}

// Generate returns n articles. Every body differs from every other except
// that a copy shares most of its original's sentences.
func Generate(n int, opts Options) []Article {
	opts.setDefaults()
	r := rand.New(rand.NewPCG(opts.Seed, 0x63726f7373))
	var out []Article
	for story := 0; len(out) < n; story++ {
		s := newStory(r, story)
		var written []Article
		var bodies []string
		for i := 0; i < opts.PerStory && len(out) < n; i++ {
			outlet := s.outlets[i%len(s.outlets)]
			pub := s.date.AddDate(0, 0, r.IntN(3))
			var a Article
			if len(written) > 0 && r.Float64() < opts.CopyRate {
				j := r.IntN(len(written))
				body := syndicate(r, bodies[j], written[j].Name)
				a = article(fmt.Sprintf("%s-%05d-%d.txt", slug(outlet), story, i), outlet+" (via "+sourceOf(written[j])+")", pub, s.headline(r), body)
				a.CopyOf = written[j].Name
			} else {
				body := s.write(r, outlet, pub, opts.Size)
				a = article(fmt.Sprintf("%s-%05d-%d.txt", slug(outlet), story, i), outlet, pub, s.headline(r), body)
			}
			a.Story = story
			written = append(written, a)
			bodies = append(bodies, bodyOf(a.Text))
			out = append(out, a)
		}
	}
	return out
}

func article(name, source string, pub time.Time, title, body string) Article {
	text := fmt.Sprintf("---\nsource: %s\npublished: %s\ntitle: %s\n---\n%s", source, pub.Format(time.DateOnly), title, body)
	return Article{Name: name, Text: text}
}

func bodyOf(text string) string {
	if i := strings.Index(text[4:], "\n---\n"); i >= 0 {
		return text[4+i+5:]
	}
	return text
}

func sourceOf(a Article) string {
	for _, line := range strings.Split(a.Text, "\n") {
		if src, ok := strings.CutPrefix(line, "source: "); ok {
			return src
		}
	}
	return a.Name
}

func slug(s string) string {
	return strings.ToLower(strings.NewReplacer(" ", "-", ".", "", "'", "").Replace(s))
}

// syndicate makes a copy of body as a partner outlet runs it: a new dateline
// and byline, one paragraph dropped, a line of its own clutter.
func syndicate(r *rand.Rand, body, from string) string {
	paras := strings.Split(body, "\n\n")
	if len(paras) > 4 {
		drop := 2 + r.IntN(len(paras)-3)
		paras = append(paras[:drop:drop], paras[drop+1:]...)
	}
	paras[0] = "Staff and agencies"
	paras = append(paras, strings.ReplaceAll(pick(r, clutterLines), "{org}", "News agency"))
	return strings.Join(paras, "\n\n")
}

// story is one news event several outlets write up.
type story struct {
	kind    *kind
	date    time.Time
	outlets []string
	vars    map[string]string
	nums    map[string]int
}

func newStory(r *rand.Rand, index int) *story {
	k := &kinds[r.IntN(len(kinds))]
	s := &story{
		kind: k,
		date: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(4*365)),
		vars: map[string]string{
			"place":    place(r),
			"region":   place(r) + " " + pick(r, regionWords),
			"official": person(r),
			"expert":   person(r),
			"witness":  person(r),
			"minister": person(r),
			"org":      place(r) + " " + pick(r, orgWords),
			"company":  place(r) + pick(r, companySuffix),
			"union":    pick(r, unionWords) + " Union of " + place(r),
			"river":    "the " + place(r) + " River",
		},
		nums: map[string]int{},
	}
	perm := r.Perm(len(outletNames))
	for _, i := range perm[:8] {
		s.outlets = append(s.outlets, outletNames[i])
	}
	for _, name := range slices.Sorted(maps.Keys(k.nums)) {
		rng := k.nums[name]
		s.nums[name] = rng[0] + r.IntN(rng[1]-rng[0]+1)
	}
	return s
}

func (s *story) headline(r *rand.Rand) string {
	return s.fill(r, pick(r, s.kind.headlines), "", time.Time{})
}

// write is one outlet's article on the story, about size bytes of body.
func (s *story) write(r *rand.Rand, outlet string, pub time.Time, size int) string {
	var b strings.Builder
	b.WriteString(strings.ToUpper(s.vars["place"]) + ", " + pub.Format("January 2") + " (" + outlet + ")\n\n")
	b.WriteString("By " + person(r) + "\n\n")
	facts := r.Perm(len(s.kind.facts))
	quotes := r.Perm(len(quoteSentences))
	clutterAt := 2 + r.IntN(4)
	para := 0
	for b.Len() < size {
		var sents []string
		for range 2 + r.IntN(2) {
			switch {
			case len(facts) > 0 && r.IntN(3) > 0:
				sents = append(sents, reword(r, s.fill(r, s.kind.facts[facts[0]], outlet, pub)))
				facts = facts[1:]
			case len(quotes) > 0 && r.IntN(5) == 0:
				sents = append(sents, s.fill(r, quoteSentences[quotes[0]], outlet, pub))
				quotes = quotes[1:]
			default:
				bg := pick(r, backgroundWho) + " " + pick(r, backgroundVerb) + " " + pick(r, backgroundWhat) + pick(r, backgroundWhere) + "."
				sents = append(sents, s.fill(r, bg, outlet, pub))
			}
		}
		b.WriteString(strings.Join(sents, " ") + "\n\n")
		para++
		if para == clutterAt {
			b.WriteString(s.fill(r, pick(r, clutterLines), outlet, pub) + "\n\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// fill replaces {var} with the story's names, {n:name} with a figure as this
// outlet reports it, {d:offset} with a date relative to the event and {w:...}
// with a weekday or relative day as seen from pub.
func (s *story) fill(r *rand.Rand, tmpl, outlet string, pub time.Time) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			out := b.String()
			if out != "" && out[0] >= 'a' && out[0] <= 'z' {
				out = strings.ToUpper(out[:1]) + out[1:]
			}
			return out
		}
		j := strings.IndexByte(tmpl[i:], '}') + i
		b.WriteString(tmpl[:i])
		key := tmpl[i+1 : j]
		tmpl = tmpl[j+1:]
		switch {
		case strings.HasPrefix(key, "n:"):
			b.WriteString(s.figure(r, key[2:], outlet))
		case strings.HasPrefix(key, "d:"):
			var days int
			fmt.Sscanf(key[2:], "%d", &days)
			d := s.date.AddDate(0, 0, days)
			if pub.IsZero() || r.IntN(2) == 0 || pub.Sub(d) > 6*24*time.Hour || d.Sub(pub) > 6*24*time.Hour {
				b.WriteString(d.Format("January 2"))
			} else {
				b.WriteString(d.Weekday().String())
			}
		case key == "year":
			b.WriteString(fmt.Sprint(s.date.Year() - 1 - r.IntN(5)))
		default:
			b.WriteString(s.vars[key])
		}
	}
}

// figure writes a story's number the way one outlet does: most agree,
// some hedge, and one outlet in four has its own, different count.
func (s *story) figure(r *rand.Rand, name, outlet string) string {
	v := s.nums[name]
	if len(outlet)%4 == 0 && r.IntN(2) == 0 {
		v = v * 3 / 2
	}
	unit := s.kind.units[name]
	hedge, num := "", formatNum(r, v)
	switch r.IntN(6) {
	case 0:
		hedge, num = "more than ", formatNum(r, round(v))
	case 1:
		hedge, num = "about ", formatNum(r, round(v))
	case 2:
		hedge, num = "nearly ", formatNum(r, round(v)+round(v)/10)
	}
	switch unit {
	case "%":
		return fmt.Sprintf("%d percent", v%100)
	case "$":
		return hedge + "$" + num + " million"
	case "":
		return hedge + num
	}
	return hedge + num + " " + unit
}

// reword swaps about half the words that have synonyms.
func reword(r *rand.Rand, sentence string) string {
	words := strings.Split(sentence, " ")
	for i, w := range words {
		if alts, ok := synonyms[w]; ok && r.IntN(2) == 0 {
			words[i] = pick(r, alts)
		}
	}
	return strings.Join(words, " ")
}

func round(v int) int {
	switch {
	case v >= 10000:
		return v / 1000 * 1000
	case v >= 1000:
		return v / 100 * 100
	case v >= 100:
		return v / 10 * 10
	}
	return v
}

func formatNum(r *rand.Rand, v int) string {
	switch {
	case v >= 1000000 && v%100000 == 0:
		return fmt.Sprintf("%.1f million", float64(v)/1e6)
	case v < 10 && r.IntN(2) == 0:
		return numberWords[v]
	case v >= 1000:
		s := fmt.Sprint(v)
		var out []string
		for len(s) > 3 {
			out = append([]string{s[len(s)-3:]}, out...)
			s = s[:len(s)-3]
		}
		return strings.Join(append([]string{s}, out...), ",")
	}
	return fmt.Sprint(v)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// place invents a place name from syllables, so no real place is named.
func place(r *rand.Rand) string {
	n := 2 + r.IntN(2)
	var b strings.Builder
	for i := range n {
		syl := pick(r, syllables)
		if i == 0 {
			syl = strings.ToUpper(syl[:1]) + syl[1:]
		}
		b.WriteString(syl)
	}
	return b.String()
}

func person(r *rand.Rand) string {
	return pick(r, firstNames) + " " + place(r)
}
