package compare

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/google/go-cmp/cmp"
)

// entriesFrom decodes fuzz bytes into one group of entries, four bytes each:
// source and article, lower bound, width and a flag byte (copy, attribution,
// open bounds, date claim, as-of).
func entriesFrom(data []byte) []Entry {
	sources := []string{"AFP", "BBC", "Geo News", ""}
	var es []Entry
	for i := 0; i+4 <= len(data) && len(es) < 40; i += 4 {
		b := data[i : i+4]
		lo, hi := float64(b[1]), float64(b[1])+float64(b[2]%16)
		flags := b[3]
		e := Entry{
			Claim: extract.Claim{
				// Ids collide now and then, as malformed input would.
				ID:        string(rune('a' + b[2]%20)),
				Article:   "art" + string(rune('0'+b[0]%5)),
				Subject:   "Telegram",
				Attribute: "users",
			},
			Source:    sources[b[0]%4],
			Published: []string{"2018-04-18", "2018-04-19", "", "2018-4-1"}[b[0]>>4%4],
		}
		if flags&1 != 0 {
			e.CopyOf = "art" + string(rune('0'+b[1]%5))
		}
		if flags&2 != 0 {
			who := []string{"police", "organisers"}[b[2]&1]
			e.Claim.AttributedTo = &who
		}
		v := &extract.Value{Text: "n", Min: &lo, Max: &hi}
		if flags&4 != 0 {
			v.Max = nil
		}
		if flags&8 != 0 {
			v.Vague = true
		}
		if flags&16 != 0 {
			e.Claim.Qualifier = "monthly"
		}
		if flags&32 != 0 {
			e.Claim.AsOf = &extract.DateValue{Start: "2017-01-01", End: "2017-12-31"}
		}
		if flags&64 != 0 {
			e.Claim.Negated = true
		}
		e.Claim.Value = v
		es = append(es, e)
	}
	return es
}

func FuzzJudge(f *testing.F) {
	f.Add([]byte{0, 10, 2, 0, 1, 11, 2, 0, 2, 40, 2, 0})
	f.Add([]byte{0, 10, 2, 2, 0, 200, 2, 2, 1, 10, 2, 1})
	f.Add([]byte{0x10, 10, 2, 32, 0x21, 90, 2, 4, 3, 0, 0, 8})
	f.Fuzz(func(t *testing.T, data []byte) {
		es := entriesFrom(data)
		if len(es) == 0 {
			return
		}
		got := Judge(es)
		if diff := cmp.Diff(got, Judge(reversed(es))); diff != "" {
			t.Fatalf("Judge(reversed) mismatch (-want +got):\n%s", diff)
		}
		switch got.Status {
		case Agree, Conflict, SingleSource:
		default:
			t.Fatalf("Judge status %q", got.Status)
		}
		if strings.ContainsAny(got.Reason, "\n\r") || got.Reason == "" {
			t.Fatalf("Judge reason %q is not one line", got.Reason)
		}
		if !slices.IsSorted(got.Claims) || !slices.IsSorted(got.Sources) {
			t.Fatalf("Judge claims %v or sources %v not sorted", got.Claims, got.Sources)
		}
		var inCamps []string
		for _, c := range got.Camps {
			inCamps = append(inCamps, c.Claims...)
		}
		slices.Sort(inCamps)
		if !slices.Equal(slices.Compact(inCamps), got.Claims) {
			t.Fatalf("Judge camps hold %v, claims are %v", inCamps, got.Claims)
		}
		// One camp cannot be a conflict: its intervals share a point.
		if len(got.Camps) == 1 && got.Status == Conflict {
			t.Fatalf("Judge: conflict with one camp: %s", got.Reason)
		}
	})
}

func FuzzSign(f *testing.F) {
	f.Add("Dock workers at the port of Caldera voted on Thursday to end a strike.")
	f.Add("U.S. officials said 1.3 million users. Iran´s leader! ")
	f.Fuzz(func(t *testing.T, body string) {
		a := Sign(body)
		if a != Sign(body) {
			t.Fatal("Sign is not deterministic")
		}
		if a != signReference(shingles(body)) {
			t.Fatal("signShingles differs from one hash function a pass")
		}
		if s := a.Similarity(a); s != 0 && s != 1 {
			t.Fatalf("Sign(%q).Similarity(itself) = %v", body, s)
		}
		if c := a.Containment(Sign(body + "\n" + body)); a != (Fingerprint{}) && c != 1 {
			t.Fatalf("Sign(%q) not contained in itself twice: %v", body, c)
		}
	})
}
