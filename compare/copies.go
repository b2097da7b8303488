package compare

import (
	"cmp"
	"slices"
	"strings"
)

// Doc is an article as [Copies] needs it.
type Doc struct {
	ID          string
	Seq         int    // arrival order; not used to order docs, which must not depend on it
	Source      string // the outlet, as the article names it ("AP (via Redding Record Searchlight)")
	Published   string // YYYY-MM-DD, or "" if unknown
	Fingerprint Fingerprint
}

// Copies returns, for each doc that copies an earlier one, the id of the
// earliest article it copies: docs are taken in order of Published (unknown
// dates last), then Seq, then ID, and each is a copy of the first earlier doc
// it is a [Fingerprint.NearDuplicate] of. When the two are alike as a whole
// (Jaccard, not just containment) and that doc is itself a copy, the answer is
// its original, so a copy of a copy leads back to the wire. Linking only to
// earlier docs, and following only whole-text likeness, means a page quoting
// two independent stories becomes a copy of the first without making the
// stories copies of each other or of anything else on the page. Candidates
// come from a band index ([DefaultBands]), so the cost grows with the number
// of docs, not of pairs.
func Copies(docs []Doc) map[string]string {
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		a, b := docs[i], docs[j]
		return cmp.Or(
			compareBool(a.Published == "", b.Published == ""),
			cmp.Compare(a.Published, b.Published),
			relays(a.Source, b.Source),
			cmp.Compare(a.ID, b.ID),
		)
	})

	type band struct {
		i int
		h uint64
	}
	index := make(map[band][]int) // band -> positions in order
	origin := make([]string, len(order))
	out := make(map[string]string)
	var keys []uint64
	var cands []int
	for pos, i := range order {
		d := docs[i]
		if d.Fingerprint.n == 0 {
			continue
		}
		keys = d.Fingerprint.bandHashes(DefaultBands, keys[:0])
		cands = cands[:0]
		for b, h := range keys {
			cands = append(cands, index[band{b, h}]...)
		}
		slices.Sort(cands)
		for _, p := range slices.Compact(cands) {
			f := docs[order[p]].Fingerprint
			if !f.NearDuplicate(d.Fingerprint) {
				continue
			}
			o := docs[order[p]].ID
			if origin[p] != "" && f.Similarity(d.Fingerprint) >= SimilarityThreshold {
				o = origin[p]
			}
			if o != d.ID {
				origin[pos] = o
				out[d.ID] = o
			}
			break
		}
		for b, h := range keys {
			index[band{b, h}] = append(index[band{b, h}], pos)
		}
	}
	return out
}

// relays orders two same-day articles by their sources: +1 when a's source
// names b's ("Valley Herald (via Meridian Press)" relays "Meridian
// Press"), so that b comes first, -1 the other way round, else 0.
func relays(a, b string) int {
	switch {
	case a == b || a == "" || b == "":
		return 0
	case strings.Contains(a, b):
		return 1
	case strings.Contains(b, a):
		return -1
	}
	return 0
}
