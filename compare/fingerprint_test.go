package compare

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// paragraphs returns the first n blank-line separated paragraphs of s.
func paragraphs(s string, n int) string {
	ps := strings.Split(s, "\n\n")
	return strings.Join(ps[:min(n, len(ps))], "\n\n")
}

func TestNearDuplicate(t *testing.T) {
	wire := readTestdata(t, "wire.txt")
	copied := readTestdata(t, "wire-copy.txt")
	independent := readTestdata(t, "independent.txt")
	other := readTestdata(t, "other.txt")
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		// New headline, byline, caption, "Subscribe" lines, one paragraph gone.
		{"syndicated copy", wire, copied, true},
		// The same facts and one shared quote, in other words.
		{"independent write-up", wire, independent, false},
		{"independent write-up of the copy", copied, independent, false},
		// Without its last paragraph, under a block of related stories.
		{"trimmed and wrapped", wire, paragraphs(wire, 9) + "\n\nRelated stories\n\n" + paragraphs(other, 3), true},
		// Cut down to a brief: too little overlap for Jaccard, caught by
		// containment.
		{"brief", wire, paragraphs(wire, 4), true},
		{"unrelated", wire, other, false},
		{"retyped", wire, strings.ToUpper(strings.ReplaceAll(strings.ReplaceAll(wire, "'", "’"), "\n\n", "\n")), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := Sign(tt.a), Sign(tt.b)
			t.Logf("similarity %.2f, containment %.2f", a.Similarity(b), a.Containment(b))
			if got := a.NearDuplicate(b); got != tt.want {
				t.Errorf("Sign(%s).NearDuplicate = %v, want %v (similarity %.2f, containment %.2f)",
					tt.name, got, tt.want, a.Similarity(b), a.Containment(b))
			}
			if a.NearDuplicate(b) != b.NearDuplicate(a) {
				t.Errorf("Sign(%s).NearDuplicate is not symmetric", tt.name)
			}
		})
	}
}

func TestSign(t *testing.T) {
	wire := readTestdata(t, "wire.txt")
	if Sign(wire) != Sign(wire) {
		t.Error("Sign(wire) differs between calls")
	}
	if got := Sign(wire).Similarity(Sign(wire)); got != 1 {
		t.Errorf("Sign(wire).Similarity(itself) = %v, want 1", got)
	}
	// Typography and layout are not text: apostrophes, case and where the
	// lines break inside a sentence.
	if a, b := Sign("Iran's supreme leader said on Wednesday that he would leave the app."),
		Sign("IRAN´S supreme leader said\non Wednesday that he would leave the app."); a == b {
		t.Error(`Sign: a line break inside a sentence did not split it`)
	} else if a != Sign("iran’s Supreme Leader said -- on Wednesday -- that he would leave the app!") {
		t.Error(`Sign: apostrophes, case or punctuation changed the fingerprint`)
	}
	for _, short := range []string{"", "Subscribe\nPhoto: AFP\nBy AFP\nWednesday Apr 18, 2018\n", "Four words only here."} {
		f := Sign(short)
		if f != (Fingerprint{}) {
			t.Errorf("Sign(%q) = non-zero, want the zero Fingerprint", short)
		}
		if f.Similarity(f) != 0 || f.NearDuplicate(f) {
			t.Errorf("Sign(%q) matches itself; a text without shingles should match nothing", short)
		}
	}
}

// TestSignAsOneFunctionAPass: signShingles, four hash functions a pass,
// takes the minima one function a pass takes (signReference), so
// fingerprints stored before it still match; the fingerprint of
// testdata/wire.txt is pinned for the same reason.
func TestSignAsOneFunctionAPass(t *testing.T) {
	wire := readTestdata(t, "wire.txt")
	texts := []string{wire, wire[:len(wire)/3], "Dock workers at the port of Caldera voted on Thursday to end a strike."}
	for _, text := range texts {
		if got, want := signShingles(shingles(text)), signReference(shingles(text)); got != want {
			t.Errorf("signShingles of %.40q differs from one function a pass", text)
		}
	}
	got, err := Sign(wire).MarshalText()
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(got); hex.EncodeToString(sum[:8]) != wireFingerprint {
		t.Errorf("Sign(wire.txt) changed (sha256 of its text %x, want %s): fingerprints stored in the state would no longer match new ones", sum[:8], wireFingerprint)
	}
}

const wireFingerprint = "7ab30e0313ad394c"

// signReference is signShingles as first written: one hash function a
// pass over the shingles.
func signReference(sh []uint64) Fingerprint {
	var f Fingerprint
	if len(sh) == 0 {
		return f
	}
	f.n = uint32(min(len(sh), math.MaxUint32))
	for i := range f.mins {
		a, b := perm[i].a, perm[i].b
		m := uint32(math.MaxUint32)
		for _, x := range sh {
			if v := uint32((a*x + b) >> 32); v < m {
				m = v
			}
		}
		f.mins[i] = m
	}
	return f
}

func TestBands(t *testing.T) {
	wire := Sign(readTestdata(t, "wire.txt"))
	copied := Sign(readTestdata(t, "wire-copy.txt"))
	independent := Sign(readTestdata(t, "independent.txt"))
	shared := func(a, b []string) int {
		n := 0
		for i := range a {
			if a[i] == b[i] {
				n++
			}
		}
		return n
	}
	bw := wire.Bands(DefaultBands)
	if len(bw) != DefaultBands {
		t.Fatalf("Bands(%d) gave %d keys", DefaultBands, len(bw))
	}
	if shared(bw, copied.Bands(DefaultBands)) == 0 {
		t.Error("Bands: the copy shares no band with the original")
	}
	if n := shared(bw, independent.Bands(DefaultBands)); n > 2 {
		t.Errorf("Bands: the independent write-up shares %d bands with the original", n)
	}
	// Band index is part of the key: equal minima in different bands differ.
	if bw[0][:2] != "0_" || bw[1][:2] != "1_" {
		t.Errorf("Bands keys %q, %q do not name their band", bw[0], bw[1])
	}
	for _, b := range []int{0, -1, numHashes + 1} {
		if got := wire.Bands(b); got != nil {
			t.Errorf("Bands(%d) = %d keys, want nil", b, len(got))
		}
	}
	if got := (Fingerprint{}).Bands(DefaultBands); got != nil {
		t.Errorf("Fingerprint{}.Bands = %d keys, want nil", len(got))
	}
}

func TestFingerprintEncoding(t *testing.T) {
	f := Sign(readTestdata(t, "wire.txt"))
	bin, err := f.MarshalBinary()
	if err != nil || len(bin) != 516 {
		t.Fatalf("MarshalBinary = %d bytes, %v; want 516 bytes", len(bin), err)
	}
	var g Fingerprint
	if err := g.UnmarshalBinary(bin); err != nil || g != f {
		t.Errorf("UnmarshalBinary(MarshalBinary(f)) = %v, equal %v", err, g == f)
	}
	js, err := json.Marshal(Doc{ID: "a", Fingerprint: f})
	if err != nil {
		t.Fatal(err)
	}
	var d Doc
	if err := json.Unmarshal(js, &d); err != nil || d.Fingerprint != f {
		t.Errorf("json round trip = %v, equal %v", err, d.Fingerprint == f)
	}
	if err := g.UnmarshalBinary(bin[:10]); !errors.Is(err, ErrFingerprint) {
		t.Errorf("UnmarshalBinary(10 bytes) = %v, want ErrFingerprint", err)
	}
	if err := g.UnmarshalText([]byte("not base64!")); !errors.Is(err, ErrFingerprint) {
		t.Errorf("UnmarshalText(junk) = %v, want ErrFingerprint", err)
	}
}

func TestCopies(t *testing.T) {
	wire := readTestdata(t, "wire.txt")
	copied := readTestdata(t, "wire-copy.txt")
	independent := readTestdata(t, "independent.txt")
	other := readTestdata(t, "other.txt")
	// A copy of the copy, trimmed by its last two paragraphs.
	recopied := paragraphs(copied, 14)
	// Of docs published the same day, the least id comes first, whatever
	// order they arrived in (Seq): "wire" before "wire-copy" and "wire-independent", "roundup"
	// before "roundup-other".
	docs := []Doc{
		// Arrived first but published a day after the original.
		{ID: "late-copy", Seq: 1, Published: "2018-03-15", Fingerprint: Sign(copied)},
		{ID: "wire", Seq: 2, Published: "2018-03-14", Fingerprint: Sign(wire)},
		{ID: "wire-independent", Seq: 3, Published: "2018-03-14", Fingerprint: Sign(independent)},
		{ID: "wire-copy", Seq: 4, Published: "2018-03-14", Fingerprint: Sign(copied)},
		{ID: "recopy", Seq: 5, Published: "", Fingerprint: Sign(recopied)},
		// A later page carrying both stories whole: a copy of the first, but
		// it must not make the two stories copies of each other.
		{ID: "roundup", Seq: 6, Published: "2018-03-16", Fingerprint: Sign(wire + "\n\n" + independent + "\n\n" + other)},
		{ID: "roundup-other", Seq: 7, Published: "2018-03-16", Fingerprint: Sign(other)},
		{ID: "empty", Seq: 8, Published: "2018-03-16", Fingerprint: Sign("Subscribe")},
	}
	want := map[string]string{
		"late-copy": "wire",
		"wire-copy": "wire",
		"recopy":    "wire",
		"roundup":   "wire",
		// Contained in the roundup, which came first; the roundup's likeness
		// to the wire story does not carry over.
		"roundup-other": "roundup",
	}
	if diff := cmp.Diff(want, Copies(docs)); diff != "" {
		t.Errorf("Copies(wire story) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, Copies(reversedDocs(docs))); diff != "" {
		t.Errorf("Copies(wire story reversed) mismatch (-want +got):\n%s", diff)
	}
	// Arrival order does not decide which of two same-day copies leads.
	reseq := slices.Clone(docs)
	for i := range reseq {
		reseq[i].Seq = len(reseq) - i
	}
	if diff := cmp.Diff(want, Copies(reseq)); diff != "" {
		t.Errorf("Copies(wire story, arrivals reversed) mismatch (-want +got):\n%s", diff)
	}
}

func reversedDocs(ds []Doc) []Doc {
	out := make([]Doc, len(ds))
	for i, d := range ds {
		out[len(ds)-1-i] = d
	}
	return out
}

// TestBandsRecall: with DefaultBands bands of BandRows rows, two texts whose
// shingle sets have Jaccard similarity 0.6 (SimilarityThreshold) share a
// band, and so are compared, in at least 999 of 1,000 trials (in theory
// 1-(1-0.6²)³² > 0.999999); at 0.3, where only containment makes a copy,
// in at least 90% (in theory 0.95); unrelated texts at 0.02 rarely.
func TestBandsRecall(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	rate := func(shared, own int) float64 {
		hits := 0
		const trials = 1000
		for range trials {
			var a, b []uint64
			for range shared {
				x := r.Uint64()
				a, b = append(a, x), append(b, x)
			}
			for range own {
				a, b = append(a, r.Uint64()), append(b, r.Uint64())
			}
			ka := signShingles(a).bandHashes(DefaultBands, nil)
			kb := signShingles(b).bandHashes(DefaultBands, nil)
			for i := range ka {
				if ka[i] == kb[i] {
					hits++
					break
				}
			}
		}
		return float64(hits) / trials
	}
	// Jaccard = shared / (shared + 2·own).
	for _, tc := range []struct {
		name        string
		shared, own int
		min, max    float64
	}{
		{"jaccard 0.6", 300, 100, 0.999, 1},
		{"jaccard 0.3", 150, 175, 0.90, 1},
		{"jaccard 0.02", 10, 245, 0, 0.05},
	} {
		if got := rate(tc.shared, tc.own); got < tc.min || got > tc.max {
			t.Errorf("%s: pairs sharing a band %.3f, want %.3f..%.3f", tc.name, got, tc.min, tc.max)
		} else {
			t.Logf("%s: pairs sharing a band %.3f", tc.name, got)
		}
	}
}
