package compare

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// A group of one collection can grow without end: a named subject such as
// a country's population is stated again in article after article. Judging
// it costs time and state in proportion to its entries, so a group that
// lists more than FoldAbove entries is folded: all but the FoldKeep latest
// arrivals are merged into folded entries, one for each distinct way of
// stating the figure (value, time, qualifier, claimant, as written), which
// keep what judging needs: the count of entries they stand for and the
// sources that stated it. A group then holds one entry for each distinct
// statement, not one for each statement and outlet, and its cost is
// bounded by those rather than by its claims.
const (
	FoldAbove = 64
	FoldKeep  = 32
	// FoldSample is how many claim ids a folded entry keeps listed.
	FoldSample = 3
)

// Fold marks an [Entry] that stands for several earlier entries of its
// group, merged by [FoldGroup]: the same value, as-of time and qualifier,
// rendered alike, whichever outlets stated it. Its Claim is the first of
// them by id, and Source that claim's source.
type Fold struct {
	Count  int      `json:"count"`  // the entries it stands for
	Claims []string `json:"claims"` // the least claim ids among them, at most FoldSample, sorted
	// From is who its entries came from, sorted and distinct: their
	// sources, with their independence as it was resolved when they were
	// folded; their copy links are not followed again.
	From []FoldSource `json:"from,omitempty"`
	// Outlet and Copy are the one outlet of a fold stored before From was
	// (groups folded by source), whose source is the entry's Source.
	Outlet string `json:"outlet,omitempty"`
	Copy   bool   `json:"copy,omitempty"`
}

// FoldSource is one source of a folded entry's claims: its outlet
// (independence: "s:" and the original's source, or "a:" and the
// original article's id) and whether its claims are copies of another
// article.
type FoldSource struct {
	Source string `json:"source"`
	Outlet string `json:"outlet"`
	Copy   bool   `json:"copy,omitempty"`
	// First is the least claim id among its entries: where they come in
	// the group's canonical order, which orders the values a reason lists.
	First string `json:"first"`
}

// sources is who the folded entry e stands for.
func (f *Fold) sources(e Entry) []FoldSource {
	if len(f.From) > 0 {
		return f.From
	}
	return []FoldSource{{Source: e.Source, Outlet: f.Outlet, Copy: f.Copy, First: e.Claim.ID}}
}

// mergeSources is the union of two folds' sources, sorted, each with the
// least First it has in either.
func mergeSources(a, b []FoldSource) []FoldSource {
	out := append(a, b...)
	slices.SortFunc(out, func(x, y FoldSource) int {
		return cmp.Or(strings.Compare(x.Source, y.Source), strings.Compare(x.Outlet, y.Outlet),
			compareBool(x.Copy, y.Copy), strings.Compare(x.First, y.First))
	})
	return slices.CompactFunc(out, func(x, y FoldSource) bool {
		return x.Source == y.Source && x.Outlet == y.Outlet && x.Copy == y.Copy
	})
}

// FoldGroup returns the entries of a group, folded when more than
// FoldAbove are listed (see [Fold]): the entries of the FoldKeep latest
// arrivals (by Seq, then published date and claim id) stay as they are,
// with those of the articles they copy; every other listed entry is merged
// into the folded entry of its kind, or founds one. Otherwise it returns
// entries unchanged.
//
// The verdict of a folded group lists the folded entries' sampled claims
// and counts the rest as [Verdict.Unlisted]; everything else in it is what
// [Judge] gives for the entries unfolded, with one exception: an article
// that arrives after the article it copies was folded counts that
// original by its id, as it would if the original had no claim in the
// group, and cannot change which outlet the folded entries count for.
func FoldGroup(entries []Entry) []Entry {
	listed := 0
	for _, e := range entries {
		if e.Fold == nil {
			listed++
		}
	}
	if listed <= FoldAbove {
		return entries
	}
	ms := members(entries)
	// The latest listed entries stay.
	var recent []*member
	for _, m := range ms {
		if m.Fold == nil {
			recent = append(recent, m)
		}
	}
	slices.SortFunc(recent, func(a, b *member) int {
		return cmp.Or(-cmp.Compare(a.Seq, b.Seq), -cmp.Compare(a.Published, b.Published), -cmp.Compare(a.Claim.ID, b.Claim.ID))
	})
	kept := make(map[string]bool) // articles whose entries stay listed, whole
	for _, m := range recent[:FoldKeep] {
		kept[m.Claim.Article] = true
	}
	// So do the articles the kept ones copy, and theirs, so that copy links
	// within the group still resolve.
	for grown := true; grown; {
		grown = false
		for _, m := range recent {
			if kept[m.Claim.Article] && m.CopyOf != "" && !kept[m.CopyOf] {
				kept[m.CopyOf], grown = true, true
			}
		}
	}
	keep := func(m *member) bool { return m.Fold == nil && kept[m.Claim.Article] }

	out := make([]Entry, 0, FoldKeep)
	folded := make(map[string]int) // kind -> index in out
	for _, m := range ms {
		if keep(m) {
			out = append(out, m.Entry)
			continue
		}
		if m.dup {
			continue // folded already: its first member brings its sources
		}
		f := Fold{Count: 1, Claims: []string{m.Claim.ID},
			From: []FoldSource{{Source: m.source, Outlet: m.outlet, Copy: m.origin != m.Claim.Article, First: m.Claim.ID}}}
		if m.Fold != nil {
			f = Fold{Count: m.Fold.Count, Claims: slices.Clone(m.Fold.Claims), From: slices.Clone(m.Fold.sources(m.Entry))}
		}
		k := foldKind(m)
		i, ok := folded[k]
		if !ok {
			folded[k] = len(out)
			e := m.Entry
			e.Fold = &f
			out = append(out, e)
			continue
		}
		into := out[i].Fold
		into.Count += f.Count
		into.Claims = append(into.Claims, f.Claims...)
		slices.Sort(into.Claims)
		into.Claims = slices.Compact(into.Claims)
		if len(into.Claims) > FoldSample {
			into.Claims = into.Claims[:FoldSample]
		}
		into.From = mergeSources(into.From, f.From)
		// The folded entry shows the least claim of its kind.
		if m.Claim.ID < out[i].Claim.ID {
			keepFold := out[i].Fold
			out[i] = m.Entry
			out[i].Fold = keepFold
		}
	}
	slices.SortFunc(out, func(a, b Entry) int { return strings.Compare(a.Claim.ID, b.Claim.ID) })
	return out
}

// foldKind is what entries must share to be folded together: everything a
// verdict reads of them but their claim ids and who stated them (Fold.From).
func foldKind(m *member) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	return strings.Join([]string{
		f(m.val.lo), f(m.val.hi), f(m.asOf.lo), f(m.asOf.hi),
		m.qualifier, m.text, m.when, storyOf(m.Entry),
	}, "\x00")
}

// claimIDs are the claim ids of ms a verdict lists, sorted and distinct,
// and how many more claims the folded ones stand for.
func claimIDs(ms []*member) (ids []string, unlisted int) {
	for _, m := range ms {
		switch {
		case m.dup:
			continue // counted with its fold's first member
		case m.Fold == nil:
			ids = append(ids, m.Claim.ID)
			continue
		}
		ids = append(ids, m.Fold.Claims...)
		unlisted += m.Fold.Count - len(m.Fold.Claims)
	}
	slices.Sort(ids)
	return slices.Compact(ids), unlisted
}
