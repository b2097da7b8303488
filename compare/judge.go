package compare

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck/extract"
)

// Entry is one claim with what independence needs.
type Entry struct {
	Claim     extract.Claim
	Source    string // the outlet ("AFP", "Sputnik")
	Published string // YYYY-MM-DD or ""
	CopyOf    string // id of the article this claim's article copies ("" if independent)
	Seq       uint64 // the article's arrival order in its collection, to tell which of two copies came first (0 if unknown)
	// Story is the story the claim's article is filed under within its
	// collection (see [Stories]), "" when not known. It keeps claims that
	// are only comparable within their story ([StoryScoped]) apart from
	// other stories'.
	Story string
	// Fold is set on an entry that stands for several folded ones (see
	// [FoldGroup]).
	Fold *Fold `json:",omitempty"`
}

// Status is the outcome of judging one group of comparable claims.
type Status string

// The statuses a [Verdict] can have.
const (
	// Agree: at least two independent outlets, and no two claims from
	// different voices contradict each other for the same time.
	Agree Status = "agree"
	// Conflict: two voices give figures or dates that cannot both be true
	// for the same time.
	Conflict Status = "conflict"
	// SingleSource: one independent outlet (with any copies of it) states
	// the fact, and no claimants within it contradict each other.
	SingleSource Status = "single-source"
)

// Camp is a set of mutually consistent claims within a verdict and the
// sources that make them.
type Camp struct {
	Claims   []string `json:"claims"`
	Sources  []string `json:"sources"`
	Unlisted int      `json:"unlisted,omitempty"` // claims of folded entries not listed in Claims
}

// Verdict is the judgement on one group of comparable claims.
type Verdict struct {
	ID        string   `json:"id"` // "v-" and 12 hex digits of the SHA-256 of Key: the same across runs
	Key       string   `json:"-"`  // the group key
	Subject   string   `json:"subject"`
	Story     string   `json:"story,omitempty"` // for a group of story-scoped claims: the story within the collection
	Attribute string   `json:"attribute"`
	Status    Status   `json:"status"`
	Sources   []string `json:"sources"` // sorted, distinct
	Claims    []string `json:"claims"`  // claim ids, sorted
	// Unlisted counts the claims of a folded group (see [FoldGroup]) that
	// Claims leaves out; 0 when every claim is listed.
	Unlisted int    `json:"unlisted,omitempty"`
	Camps    []Camp `json:"camps"`  // in ascending order of value
	Reason   string `json:"reason"` // one line naming sources and values as written
}

// verdictID is derived from the key alone so that a verdict keeps its id as
// claims join the group.
func verdictID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "v-" + hex.EncodeToString(sum[:6])
}

// member is an entry with everything Judge derives from it.
type member struct {
	Entry
	// source is who reports it: the entry's Source, or, for a folded entry,
	// one of the sources it stands for (Fold.From): a folded entry becomes
	// one member for each, alike but for source, outlet and origin.
	source string
	id     string // the claim's id, or for a folded entry's member the least id among its source's claims (FoldSource.First)
	dup    bool   // a folded entry's member after its first: its claims are counted with the first's
	val    interval
	asOf   interval
	origin string // the article that leads this one's set of copies (itself if none)
	outlet string // independence: origin outlet, "s:"+source or "a:"+article
	voice  string // outlet plus the claimant, when the writer names one
	// qualifier narrows what is counted ("monthly", "new"): figures only
	// conflict when it is the same, since 5,000 new users do not contradict
	// 40 million users.
	qualifier string
	text      string // the value as written, quoted, with its claimant
	when      string // the time a figure refers to, for reasons that need it
	camp      int
}

// Judge decides one group of comparable entries, all of which should have
// the same [Key] (Judge takes subject and attribute from the first entry by
// claim id). The verdict does not depend on the order of entries, and the
// work is proportional to the group alone: O(n log n), where a folded
// entry counts once for each of its sources, plus, when there is more than
// one camp, interval checks for each pair of distinct statements (value,
// time and qualifier).
//
// A status of [Conflict] needs two voices whose intervals are disjoint, whose
// as-of times overlap and whose qualifiers are the same; figures for
// different times are a change, and differently qualified figures count
// different things, both noted in the reason. Otherwise one independent
// outlet is [SingleSource] and two or more [Agree].
func Judge(entries []Entry) Verdict {
	if len(entries) == 0 {
		return Verdict{}
	}
	ms := members(entries)
	key := GroupKey(ms[0].Entry)
	subject, attribute, about := topic(ms[0].Claim)
	v := Verdict{
		ID:        verdictID(key),
		Key:       key,
		Subject:   subject,
		Story:     storyOf(ms[0].Entry),
		Attribute: attribute,
		Sources:   distinct(ms, func(m *member) string { return m.source }),
	}
	v.Claims, v.Unlisted = claimIDs(ms)
	camps := campsOf(ms)
	for _, c := range camps {
		camp := Camp{Sources: distinct(c, func(m *member) string { return m.source })}
		camp.Claims, camp.Unlisted = claimIDs(c)
		v.Camps = append(v.Camps, camp)
	}

	f := findings(ms, len(camps))
	outlets := distinct(ms, func(m *member) string { return m.outlet })
	switch {
	case f.conflict:
		v.Status = Conflict
	case len(outlets) == 1:
		v.Status = SingleSource
	default:
		v.Status = Agree
	}
	v.Reason = reason(v.Status, about, ms, camps, f)
	return v
}

// members sorts a copy of the entries into a canonical order and works out
// intervals and voices.
func members(entries []Entry) []*member {
	n := len(entries)
	for _, e := range entries {
		if e.Fold != nil && len(e.Fold.From) > 1 {
			n += len(e.Fold.From) - 1
		}
	}
	ms := make([]*member, 0, n)
	backing := make([]member, n)
	for i := range entries {
		m := &backing[len(ms)]
		m.Entry = entries[i]
		m.source, m.id = m.Source, m.Claim.ID
		c := m.Claim
		m.val, m.asOf = unbounded, unbounded
		switch {
		case c.Negated:
		case c.Value != nil:
			m.val = valueInterval(c.Value)
			// Counts that change over time are grouped by the time they
			// refer to (see Key); every other figure, and the dates of
			// events, hold whenever they are reported.
			if changesOverTime(c.Attribute) {
				if c.AsOf != nil {
					m.asOf = dateInterval(c.AsOf)
				} else {
					m.asOf = dayInterval(m.Published)
				}
			}
		case c.Date != nil:
			m.val = dateInterval(c.Date)
		}
		if c.Qualifier != "" { // most claims have none; skip normalize's builder
			m.qualifier = normalize(c.Qualifier)
		}
		m.text = render(m)
		m.when = asOfText(m)
		ms = append(ms, m)
		if m.Fold == nil {
			continue
		}
		// Resolved when folded: one member for each source.
		for j, from := range m.Fold.sources(m.Entry) {
			f := m
			if j > 0 {
				f = &backing[len(ms)]
				*f = *m
				f.dup = true
				ms = append(ms, f)
			}
			f.source, f.outlet, f.origin, f.id = from.Source, from.Outlet, m.Claim.Article, cmp.Or(from.First, m.Claim.ID)
			if from.Copy {
				f.origin = "" // not the claim's own article: a copy
			}
		}
	}
	// Ties beyond the id only matter for malformed input (one id twice),
	// but even then the verdict must not depend on input order.
	slices.SortFunc(ms, func(a, b *member) int {
		// cmp.Or evaluates every argument, so settle the usual case, distinct
		// ids, before comparing the rest.
		if c := cmp.Compare(a.id, b.id); c != 0 {
			return c
		}
		return cmp.Or(
			cmp.Compare(a.Claim.ID, b.Claim.ID),
			cmp.Compare(a.Claim.Article, b.Claim.Article),
			cmp.Compare(a.Source, b.Source),
			cmp.Compare(a.Published, b.Published),
			cmp.Compare(a.CopyOf, b.CopyOf),
			cmp.Compare(a.Seq, b.Seq),
			cmp.Compare(a.Story, b.Story),
			cmp.Compare(a.text, b.text),
			cmp.Compare(a.val.lo, b.val.lo),
			cmp.Compare(a.val.hi, b.val.hi),
			cmp.Compare(a.asOf.lo, b.asOf.lo),
			cmp.Compare(a.asOf.hi, b.asOf.hi),
			cmp.Compare(a.qualifier, b.qualifier),
			cmp.Compare(a.when, b.when),
			// Entries of mixed keys: the first one names the verdict.
			cmp.Compare(a.Claim.Subject, b.Claim.Subject),
			cmp.Compare(a.Claim.Attribute, b.Claim.Attribute),
			cmp.Compare(a.Claim.Modality, b.Claim.Modality),
			compareBool(a.Claim.Negated, b.Claim.Negated),
			compareBool(a.Claim.Value == nil, b.Claim.Value == nil),
			cmp.Compare(unit(a.Claim), unit(b.Claim)),
			// A folded entry's members.
			cmp.Compare(a.source, b.source),
			cmp.Compare(a.outlet, b.outlet),
			cmp.Compare(a.origin, b.origin),
			compareBool(a.dup, b.dup),
		)
	})

	// Articles that copy one another are one outlet's voice. Which of two
	// near-duplicates was found to copy the other depends on which reached
	// the compare stage first, so the copy links are taken as undirected and
	// each set of linked articles is led by its earliest: by publication
	// date, then arrival (Seq), then id. A set linked to an article outside
	// the group is led by that article (its least id), which only its
	// source's other claims can name.
	type article struct {
		source, published string
		seq               uint64
	}
	articles := make(map[string]article, len(ms))
	for _, m := range ms {
		if _, ok := articles[m.Claim.Article]; !ok && m.Claim.Article != "" {
			// The entry's Source, not a folded member's: the source of
			// the claim it shows.
			articles[m.Claim.Article] = article{m.Source, m.Published, m.Seq}
		}
	}
	parent := make(map[string]string)
	var find func(id string) string
	find = func(id string) string {
		p, ok := parent[id]
		if !ok || p == id {
			return id
		}
		r := find(p)
		parent[id] = r
		return r
	}
	// lead reports whether a should lead a set that also holds b.
	lead := func(a, b string) bool {
		x, xin := articles[a]
		y, yin := articles[b]
		switch {
		case xin != yin:
			return !xin // an article outside the group leads
		case !xin:
			return a < b
		case (x.published == "") != (y.published == ""):
			return x.published != ""
		case x.published != y.published:
			return x.published < y.published
		case x.seq != y.seq:
			return x.seq < y.seq
		}
		return a < b
	}
	for _, m := range ms {
		if m.CopyOf == "" || m.Claim.Article == "" || m.Fold != nil {
			continue
		}
		a, b := find(m.Claim.Article), find(m.CopyOf)
		if a == b {
			continue
		}
		if lead(a, b) {
			parent[b] = a
		} else {
			parent[a] = b
		}
	}

	for _, m := range ms {
		// A folded entry's members took origin and outlet from its
		// sources (above), as they were resolved when folded.
		if m.Fold == nil {
			m.origin = find(m.Claim.Article)
			if m.Claim.Article == "" {
				m.origin = ""
			}
			m.outlet = "s:" + m.Source
			if m.origin != "" && m.origin != m.Claim.Article {
				if a, ok := articles[m.origin]; ok {
					m.outlet = "s:" + a.source
				} else {
					m.outlet = "a:" + m.origin
				}
			}
		}
		m.voice = m.outlet
		if m.Claim.AttributedTo != nil {
			if who := normalize(*m.Claim.AttributedTo); who != "" {
				m.voice += "\x00" + who
			}
		}
	}
	return ms
}

// campsOf partitions the members by greedy stabbing: the lowest upper end
// among the unassigned, and every unassigned member that reaches down to it,
// make one camp. Camps come out in ascending order of value, and members keep
// canonical order within a camp.
func campsOf(ms []*member) [][]*member {
	order := slices.Clone(ms)
	slices.SortStableFunc(order, func(a, b *member) int {
		return cmp.Or(cmp.Compare(a.val.hi, b.val.hi), cmp.Compare(a.val.lo, b.val.lo))
	})
	for _, m := range ms {
		m.camp = -1
	}
	n := 0
	for k, m := range order {
		if m.camp >= 0 {
			continue
		}
		for _, o := range order[k:] {
			if o.camp < 0 && leq(o.val.lo, m.val.hi) {
				o.camp = n
			}
		}
		n++
	}
	camps := make([][]*member, n)
	for _, m := range ms {
		camps[m.camp] = append(camps[m.camp], m)
	}
	return camps
}

// finding records what the disjoint pairs of a group amount to.
type finding struct {
	conflict bool            // two voices disjoint at the same time
	changed  bool            // disjoint figures for times that do not overlap
	measures bool            // disjoint figures qualified differently
	selfDiff map[string]bool // outlets that disagree with themselves
}

func findings(ms []*member, camps int) finding {
	var f finding
	// One camp means every pair overlaps.
	if camps < 2 {
		return f
	}
	// Members that state the same value for the same time, alike
	// qualified, meet every other member alike but for their voices (a
	// folded entry is a member for each of its sources): so compare those
	// statements pairwise, each with its voices, rather than every pair of
	// members.
	type said struct {
		val, asOf interval
		qualifier string
	}
	type statement struct {
		said
		voices map[string]string // voice -> outlet
	}
	var sts []*statement
	index := make(map[said]*statement)
	for _, m := range ms {
		k := said{m.val, m.asOf, m.qualifier}
		s, ok := index[k]
		if !ok {
			s = &statement{said: k, voices: make(map[string]string, 1)}
			index[k] = s
			sts = append(sts, s)
		}
		s.voices[m.voice] = m.outlet
	}
	for i, a := range sts {
		for _, b := range sts[i+1:] {
			if a.val.overlaps(b.val) {
				continue
			}
			switch {
			case !a.asOf.overlaps(b.asOf):
				f.changed = true
				continue
			case a.qualifier != b.qualifier:
				f.measures = true
				continue
			}
			// Two voices that differ conflict; a voice in both differs
			// with itself.
			small, large := a.voices, b.voices
			if len(small) > len(large) {
				small, large = large, small
			}
			common := 0
			for v, outlet := range small {
				if _, ok := large[v]; ok {
					common++
					if f.selfDiff == nil {
						f.selfDiff = make(map[string]bool)
					}
					f.selfDiff[outlet] = true
				}
			}
			if common < len(a.voices) || common < len(b.voices) || common > 1 {
				f.conflict = true
			}
		}
	}
	return f
}

// distinct returns the sorted distinct non-empty keys of ms.
func distinct(ms []*member, key func(*member) string) []string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		if k := key(m); k != "" {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Verdicts groups the comparable entries (see [Comparable]) by [GroupKey]
// and judges each group. Verdicts are sorted by subject, attribute and id.
func Verdicts(entries []Entry) []Verdict {
	groups := make(map[string][]Entry)
	for _, e := range entries {
		if Comparable(e.Claim) {
			k := GroupKey(e)
			groups[k] = append(groups[k], e)
		}
	}
	out := make([]Verdict, 0, len(groups))
	for _, g := range groups {
		out = append(out, Judge(g))
	}
	slices.SortFunc(out, func(a, b Verdict) int {
		return cmp.Or(
			strings.Compare(a.Subject, b.Subject),
			strings.Compare(a.Attribute, b.Attribute),
			strings.Compare(a.ID, b.ID),
			strings.Compare(a.Key, b.Key),
		)
	})
	return out
}

func unit(c extract.Claim) string {
	if c.Value == nil {
		return ""
	}
	return c.Value.Unit
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
