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
// stating the figure, which keep what judging needs and the count of
// entries they stand for. The cost of judging a group is then bounded by
// the number of distinct figures, voices and sources it holds rather than
// by its claims.
const (
	FoldAbove = 64
	FoldKeep  = 32
	// FoldSample is how many claim ids a folded entry keeps listed.
	FoldSample = 3
)

// Fold marks an [Entry] that stands for several earlier entries of its
// group, merged by [FoldGroup]: the same value, as-of time, qualifier,
// claimant, source and outlet, rendered alike. Its Claim is the first of
// them by id.
type Fold struct {
	Count  int      `json:"count"`  // the entries it stands for
	Claims []string `json:"claims"` // the least claim ids among them, at most FoldSample, sorted
	// Outlet is the independence of its entries as it was resolved when
	// they were folded; their copy links are not followed again.
	Outlet string `json:"outlet"`
	Copy   bool   `json:"copy,omitempty"` // its entries are copies of another article
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
		f := Fold{Count: 1, Claims: []string{m.Claim.ID}, Outlet: m.outlet, Copy: m.origin != m.Claim.Article}
		if m.Fold != nil {
			f = *m.Fold
			f.Claims = slices.Clone(f.Claims)
		}
		k := foldKind(m, f.Copy)
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
// verdict reads of them but their claim ids.
func foldKind(m *member, copied bool) string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	return strings.Join([]string{
		f(m.val.lo), f(m.val.hi), f(m.asOf.lo), f(m.asOf.hi),
		m.qualifier, m.voice, m.outlet, m.Source, m.text, m.when,
		strconv.FormatBool(copied), storyOf(m.Entry),
	}, "\x00")
}

// claimIDs are the claim ids of ms a verdict lists, sorted and distinct,
// and how many more claims the folded ones stand for.
func claimIDs(ms []*member) (ids []string, unlisted int) {
	for _, m := range ms {
		if m.Fold == nil {
			ids = append(ids, m.Claim.ID)
			continue
		}
		ids = append(ids, m.Fold.Claims...)
		unlisted += m.Fold.Count - len(m.Fold.Claims)
	}
	slices.Sort(ids)
	return slices.Compact(ids), unlisted
}
