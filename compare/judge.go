package compare

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"math"
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
	// Parts, when set, are the verdicts of a group whose figures hold for
	// times far apart, one for each stretch of time (see [Judge]); the
	// verdict itself then sums them up: in conflict if a part is.
	Parts []Verdict `json:"parts,omitempty"`
}

// Flat returns the verdicts v stands for: its parts, or v itself.
func (v Verdict) Flat() []Verdict {
	if len(v.Parts) > 0 {
		return v.Parts
	}
	return []Verdict{v}
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
	// stated is set when the writer said when the figure holds ("on
	// Monday"); a figure without it holds some time up to its publication.
	stated bool
	// revision is set when the writer says the figure corrects an earlier
	// one (extract.Claim.Revision).
	revision bool
	camp     int
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
	parts := timeSlices(ms)
	if len(parts) < 2 {
		return judgeMembers(key, key, ms)
	}
	// The group holds figures for times far apart: each stretch of time
	// is a verdict of its own (a timeline of the figure), so that two
	// outlets agree only on the same figure for the same time, and a
	// conflict on Sunday's count does not set Tuesday's and Sunday's
	// figures against each other. The group's own verdict sums its parts
	// up: in conflict if one is, else agreed if one is.
	v := judgeMembers(key, key, ms)
	v.Status = SingleSource
	for _, part := range parts {
		p := judgeMembers(key, key+"@"+part[0].id, part)
		switch {
		case p.Status == Conflict:
			v.Status = Conflict
		case p.Status == Agree && v.Status != Conflict:
			v.Status = Agree
		}
		v.Parts = append(v.Parts, p)
	}
	return v
}

// judgeMembers judges members of the group key as one verdict with the id
// of idKey.
func judgeMembers(key, idKey string, ms []*member) Verdict {
	for _, m := range ms {
		m.text = render(m) // reason adds times to it
	}
	subject, attribute, about := topic(ms[0].Claim)
	v := Verdict{
		ID:        verdictID(idKey),
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

	var f finding
	if ms[0].Claim.Date != nil && occasions(ms[0].Claim.Attribute) {
		// Two days of a repeatable event are two occasions.
		f.occasions = len(camps) > 1
	} else {
		f = findings(ms, len(camps), revisable(ms[0].Claim.Attribute))
	}
	switch {
	case f.conflict:
		v.Status = Conflict
	case corroborated(camps):
		v.Status = Agree
	default:
		// One outlet, or several whose figures differ without
		// contradicting each other (other times, other qualifiers): no
		// figure is stated by two independent outlets.
		v.Status = SingleSource
	}
	v.Reason = reason(v.Status, about, ms, camps, f)
	return v
}

// disjoint is a union-find over 0..n-1 whose every set is led by its
// least member, so the leaders do not depend on the order of unions.
type disjoint []int

func newDisjoint(n int) disjoint {
	d := make(disjoint, n)
	for i := range d {
		d[i] = i
	}
	return d
}

func (d disjoint) find(i int) int {
	for d[i] != i {
		d[i] = d[d[i]]
		i = d[i]
	}
	return i
}

func (d disjoint) union(i, j int) {
	if ri, rj := d.find(i), d.find(j); ri != rj {
		d[max(ri, rj)] = min(ri, rj)
	}
}

// corroborated reports whether some camp holds figures of two independent
// outlets: agreement is two outlets stating consistent figures, not two
// outlets in one group.
func corroborated(camps [][]*member) bool {
	for _, c := range camps {
		first := ""
		for _, m := range c {
			if first == "" {
				first = m.outlet
			} else if m.outlet != first {
				return true
			}
		}
	}
	return false
}

// timeSlices splits a group's members into the stretches of time its
// figures hold for: two members share a slice when their times overlap,
// when they state consistent bounded values (the same count reported on
// two days), or when the later revises the earlier (see [revises]); the
// slices are the connected sets of that relation, in canonical order of
// their first member. Figures that hold whenever they are reported, and
// dates, are one slice.
func timeSlices(ms []*member) [][]*member {
	if len(ms) < 2 {
		return [][]*member{ms}
	}
	dated := ms[0].Claim.Date != nil && occasions(ms[0].Claim.Attribute)
	timed := dated || changesOverTime(ms[0].Claim)
	grows := revisable(ms[0].Claim.Attribute)
	sets := newDisjoint(len(ms))
	for i, a := range ms {
		for j := i + 1; j < len(ms); j++ {
			b := ms[j]
			if a.qualifier != b.qualifier && !sameFigure(a, b) {
				// Differently qualified, different figures: different
				// things ("1,284 injured in Syria", "5,383 injured"),
				// never set against each other in one verdict.
				continue
			}
			if !timed {
				sets.union(i, j)
				continue
			}
			if dated {
				// One occasion a day: the dates themselves overlap.
				if a.val.overlaps(b.val) {
					sets.union(i, j)
				}
				continue
			}
			link := sameTime(a.asOf, b.asOf) ||
				a.val.bounded() && b.val.bounded() && a.val.overlaps(b.val) ||
				(!a.stated || !b.stated) && sameFigure(a, b) ||
				grows && a.qualifier == b.qualifier && revises(a.asOf, a.val, b.asOf, b.val, a.revision, b.revision)
			if link {
				sets.union(i, j)
			}
		}
	}
	var out [][]*member
	index := make(map[int]int)
	for i, m := range ms {
		r := sets.find(i)
		k, ok := index[r]
		if !ok {
			k = len(out)
			index[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], m)
	}
	return out
}

// sameFigure reports whether two members state the same figure: each one's
// number within the other's interval ("45" and "at least 45", "9,057" and
// "9,057 in Turkey"), so that an open bound ("more than 790") meets no
// figure it merely allows.
func sameFigure(a, b *member) bool {
	av, bv := a.Claim.Value, b.Claim.Value
	return av != nil && bv != nil && a.val.contains(bv.Number) && b.val.contains(av.Number)
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
			if _, f := lengthIn(normalize(c.Attribute)); f != 1 {
				// "31 miles" is compared in kilometres.
				m.val = interval{m.val.lo * f, m.val.hi * f}
			}
			// Counts that change over time are grouped by the time they
			// refer to (see Key); every other figure, and the dates of
			// events, hold whenever they are reported.
			if changesOverTime(c) {
				m.asOf, m.stated = asOfInterval(c.AsOf, m.Published)
				m.revision = c.Revision
				if m.revision && math.IsInf(m.val.hi, 1) {
					// "cut the toll to at least 253": a correction
					// states its new figure; its open bound does not
					// reach back to the figure it corrects.
					m.val.hi = m.val.lo
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

	assignVoices(ms)
	return ms
}

// assignVoices works out each member's origin, outlet and voice: copies
// speak with their original's outlet, and a named claimant is a voice of
// its own within its outlet.
func assignVoices(ms []*member) {
	// Articles that copy one another are one outlet's voice. Which of two
	// near-duplicates was found to copy the other depends on which reached
	// the compare stage first, so the copy links are taken as undirected and
	// each set of linked articles is led by its earliest: by publication
	// date, then the one whose source another's names ("X (via Y)" relays
	// Y), then id (never arrival, which varies from run to run). A set
	// linked to an article outside the group is led by that article (its
	// least id), which only its source's other claims can name.
	type article struct {
		source, published string
	}
	articles := make(map[string]article, len(ms))
	for _, m := range ms {
		if _, ok := articles[m.Claim.Article]; !ok && m.Claim.Article != "" {
			// The entry's Source, not a folded member's: the source of
			// the claim it shows.
			articles[m.Claim.Article] = article{m.Source, m.Published}
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
		case relays(x.source, y.source) != 0:
			return relays(x.source, y.source) < 0
		}
		// Not by arrival: the verdict is a function of the set of
		// articles, whatever order they came in.
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
	// An open bound that names a figure someone states ("up to 87
	// million" and "87 million") stands in that figure's camp, not in
	// whichever camp of smaller figures it also allows.
	anchor := make(map[*member]*member)
	for _, m := range order {
		if m.val.bounded() {
			continue
		}
		for _, b := range order {
			if b != m && b.val.bounded() && sameFigure(m, b) {
				anchor[m] = b
				break
			}
		}
	}
	n := 0
	for k, m := range order {
		if m.camp >= 0 || anchor[m] != nil {
			continue
		}
		for _, o := range order[k:] {
			if o.camp < 0 && anchor[o] == nil && leq(o.val.lo, m.val.hi) {
				o.camp = n
			}
		}
		n++
	}
	for _, m := range order {
		if b := anchor[m]; b != nil {
			m.camp = b.camp
		}
	}
	camps := make([][]*member, n)
	for _, m := range ms {
		camps[m.camp] = append(camps[m.camp], m)
	}
	return camps
}

// finding records what the disjoint pairs of a group amount to.
type finding struct {
	conflict  bool            // two voices disjoint at the same time, or a revision
	revised   bool            // a later, lower figure of a tally that only grows
	occasions bool            // different dates of an event that recurs
	changed   bool            // disjoint figures for times that do not overlap
	measures  bool            // disjoint figures qualified differently
	selfDiff  map[string]bool // outlets that disagree with themselves
}

// findings compares the members' statements pairwise. For a tally that
// only grows (grows), a figure stated for a later time that is lower than
// an earlier one revises it: a conflict, whoever says it.
func findings(ms []*member, camps int, grows bool) finding {
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
		stated    bool
		revision  bool
	}
	type statement struct {
		said
		voices map[string]string // voice -> outlet
	}
	var sts []*statement
	index := make(map[said]*statement)
	for _, m := range ms {
		k := said{m.val, m.asOf, m.qualifier, m.stated, m.revision}
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
			case !sameTime(a.asOf, b.asOf):
				if grows && a.qualifier == b.qualifier && revises(a.said.asOf, a.val, b.said.asOf, b.val, a.revision, b.revision) {
					f.revised, f.conflict = true, true
					continue
				}
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

// revises reports whether, of two figures for times that do not overlap,
// the later is lower than the earlier and its writer says it corrects an
// earlier figure (arevised, brevised: see extract.Claim.Revision). A later
// lower figure given without a word of correction may be a restated old
// one, or misread; it revises nothing.
func revises(at, av, bt, bv interval, arevised, brevised bool) bool {
	if bt.hi < at.lo { // b is the earlier
		at, av, bt, bv, brevised = bt, bv, at, av, arevised
	}
	return brevised && bv.hi < av.lo && at.hi < bt.lo
}

// sameTime reports whether two figures hold at the same time: the very
// same span; overlapping times each at most two days long ("on Tuesday",
// "late on Monday"); or a day or span inside a whole month or year the
// writer gave ("in 2017" holds in June 2017 too). A figure for "the start
// of the week" is not Wednesday's.
func sameTime(a, b interval) bool {
	const short, whole = 2, 27
	switch {
	case a == b:
		return true
	case a.hi-a.lo < short && b.hi-b.lo < short:
		return a.overlaps(b)
	case a.hi-a.lo >= whole && a.lo <= b.lo && b.hi <= a.hi:
		return true
	case b.hi-b.lo >= whole && b.lo <= a.lo && a.hi <= b.hi:
		return true
	}
	return false
}

// asOfInterval is the time a figure holds: the days the writer stated, or
// else the publication day and the day before it, since a figure reported
// without a time was given out up to a day before it was printed.
//
// A stated time after publication ("two days later", read from the wrong
// day) cannot be when a reported figure held: the figure's time is taken
// as unknown, and it is compared with no other figure for its time.
func asOfInterval(d *extract.DateValue, published string) (iv interval, stated bool) {
	if d != nil && d.Text != extract.PublicationDate {
		iv = dateInterval(d)
		if pub := dayInterval(published); math.IsInf(pub.hi, 0) || iv.lo <= pub.hi {
			return iv, true
		}
		// Misread: the figure's time is not known, and it holds at no
		// time another figure could share.
		return interval{math.NaN(), math.NaN()}, false
	}
	day := published
	if d != nil && d.Start != "" {
		day = d.Start
	}
	iv = dayInterval(day)
	return iv, false
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
// and judges each group, listing a split group's parts (see [Verdict.Flat]). Verdicts are sorted by subject, attribute and id.
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
		out = append(out, Judge(g).Flat()...)
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
