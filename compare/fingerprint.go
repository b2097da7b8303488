package compare

import (
	"encoding"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode"
)

// Near-duplicate detection: MinHash over word shingles.
const (
	// numHashes is the number of hash functions, and so of minima, in a
	// [Fingerprint]; an estimated Jaccard similarity is then within about
	// ±0.045 of the truth (one standard deviation at 0.5).
	numHashes = 128
	// ShingleWords is the number of consecutive words in a shingle. Shingles
	// do not cross sentence or line ends, so lines of fewer words (captions,
	// "Subscribe", bylines, datelines) add nothing to a fingerprint.
	ShingleWords = 5
	// SimilarityThreshold is the estimated Jaccard similarity of shingle
	// sets from which two texts are copies: a copy with another headline,
	// byline and one paragraph of nine dropped scores about 0.8, while two
	// outlets writing up the same facts, sharing a quote, score under 0.1
	// (testdata).
	SimilarityThreshold = 0.6
	// ContainmentThreshold is the estimated share of the smaller text's
	// shingles found in the larger from which the smaller is a copy: it
	// catches a story trimmed to its first paragraphs, or wrapped in a page
	// of other text, where Jaccard falls below SimilarityThreshold.
	ContainmentThreshold = 0.8
	// MinShingles is how many shingles the smaller text needs before
	// containment counts; below it a shared boilerplate sentence would do.
	MinShingles = 30
	// DefaultBands is the band count for [Fingerprint.Bands] that suits
	// these thresholds: 32 bands of [BandRows] rows make a pair at Jaccard
	// 0.6 a candidate with probability 1-(1-0.6²)³² > 0.999999, one at 0.3
	// (a story trimmed to a third, found by containment) with 0.95, and one
	// at 0.02 with 0.013. Each band is a KV key the compare stage writes per
	// article, so the count is what an article costs; 64 bands bought 0.998
	// at 0.3 for twice the writes.
	DefaultBands = 32
	// BandRows is the number of minima in a band.
	BandRows = 2

	seed = 0x63726f7373636b31 // "crossck1"
)

// ErrFingerprint is wrapped by errors decoding a malformed fingerprint.
var ErrFingerprint = errors.New("malformed fingerprint")

var (
	_ encoding.BinaryMarshaler   = Fingerprint{}
	_ encoding.BinaryUnmarshaler = (*Fingerprint)(nil)
	_ encoding.TextMarshaler     = Fingerprint{}
	_ encoding.TextUnmarshaler   = (*Fingerprint)(nil)
)

// Fingerprint is a MinHash signature of an article body: numHashes minima over its
// distinct word shingles, and how many there were, which turns a Jaccard
// estimate into a containment estimate. It takes 516 bytes as binary and is
// comparable with ==. The zero Fingerprint is that of a text without
// shingles and matches nothing.
type Fingerprint struct {
	mins [numHashes]uint32
	n    uint32
}

// perm holds the multiply-shift hash functions, derived from seed by
// splitmix64 once and only read afterwards.
var perm = func() (p [numHashes]struct{ a, b uint64 }) {
	s := uint64(seed)
	for i := range p {
		p[i].a = splitmix(&s) | 1
		p[i].b = splitmix(&s)
	}
	return p
}()

func splitmix(s *uint64) uint64 {
	*s += 0x9e3779b97f4a7c15
	return mix(*s)
}

func mix(z uint64) uint64 {
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// Sign fingerprints an article body. The text is normalised as [Key] does
// (lower case, apostrophes dropped, other punctuation separating words), so
// typography and page layout do not matter, only the running sentences.
func Sign(body string) Fingerprint { return signShingles(shingles(body)) }

// This does not compile unless numHashes is a multiple of four, as signShingles
// takes four hash functions at a time.
var _ = [1]struct{}{}[numHashes%4]

// signShingles takes the minima over distinct shingle hashes.
func signShingles(sh []uint64) Fingerprint {
	var f Fingerprint
	if len(sh) == 0 {
		return f
	}
	f.n = uint32(min(len(sh), math.MaxUint32))
	// Four hash functions a pass over the shingles: their multiplications
	// are independent, so the processor overlaps them, where one function
	// a pass waited on each. numHashes is a multiple of four (see above).
	for i := 0; i < numHashes; i += 4 {
		p := perm[i : i+4 : i+4]
		m0, m1, m2, m3 := uint32(math.MaxUint32), uint32(math.MaxUint32), uint32(math.MaxUint32), uint32(math.MaxUint32)
		for _, x := range sh {
			m0 = min(m0, uint32((p[0].a*x+p[0].b)>>32))
			m1 = min(m1, uint32((p[1].a*x+p[1].b)>>32))
			m2 = min(m2, uint32((p[2].a*x+p[2].b)>>32))
			m3 = min(m3, uint32((p[3].a*x+p[3].b)>>32))
		}
		f.mins[i], f.mins[i+1], f.mins[i+2], f.mins[i+3] = m0, m1, m2, m3
	}
	return f
}

// shingles returns the distinct hashes of the ShingleWords-word runs within
// each sentence of body.
func shingles(body string) []uint64 {
	const (
		offset = 0xcbf29ce484222325 // FNV-1a
		prime  = 0x100000001b3
	)
	out := make([]uint64, 0, len(body)/6)
	var ring [ShingleWords]uint64
	words := 0 // in the current sentence
	word, inWord := uint64(offset), false
	endWord := func() {
		if !inWord {
			return
		}
		ring[words%ShingleWords] = word
		words++
		if words >= ShingleWords {
			var h uint64
			for k := range ShingleWords {
				h = h*prime + ring[(words+k)%ShingleWords]
			}
			out = append(out, mix(h))
		}
		word, inWord = offset, false
	}
	// A full stop ends a sentence only when space follows, so "1.3" and
	// "U.S" stay put; a line break always ends one.
	stop := false
	for _, r := range body {
		r, class := classify(r)
		switch {
		case class == runeWord:
			word = (word ^ uint64(r)) * prime
			inWord, stop = true, false
		case class == runeDrop:
		case r == '\n':
			endWord()
			words, stop = 0, false
		case r == '.' || r == '!' || r == '?':
			endWord()
			stop = true
		case unicode.IsSpace(r):
			endWord()
			if stop {
				words, stop = 0, false
			}
		default:
			endWord()
		}
	}
	endWord()
	slices.Sort(out)
	return slices.Compact(out)
}

// Similarity estimates the Jaccard similarity of the shingle sets of the two
// texts: the share of minima that agree.
func (f Fingerprint) Similarity(g Fingerprint) float64 {
	if f.n == 0 || g.n == 0 {
		return 0
	}
	same := 0
	for i := range f.mins {
		if f.mins[i] == g.mins[i] {
			same++
		}
	}
	return float64(same) / numHashes
}

// Containment estimates the share of the smaller text's shingles that occur
// in the larger, from the Jaccard estimate J and the set sizes:
// |A∩B| = J/(1+J)·(|A|+|B|).
func (f Fingerprint) Containment(g Fingerprint) float64 {
	j := f.Similarity(g)
	if j == 0 {
		return 0
	}
	inter := j / (1 + j) * float64(uint64(f.n)+uint64(g.n))
	return min(1, inter/float64(min(f.n, g.n)))
}

// NearDuplicate reports whether one text is a copy of the other: estimated
// Jaccard similarity at least [SimilarityThreshold], or, when the smaller has
// at least [MinShingles] shingles, estimated containment at least
// [ContainmentThreshold].
func (f Fingerprint) NearDuplicate(g Fingerprint) bool {
	if f.Similarity(g) >= SimilarityThreshold {
		return true
	}
	return min(f.n, g.n) >= MinShingles && f.Containment(g) >= ContainmentThreshold
}

// Bands returns b locality-sensitive hashing keys, one per band of
// [BandRows] minima (of numHashes/b when that is fewer; minima left over are
// unused), so that a store can index articles
// by key and fetch as candidates only those sharing one. A key is the band
// number, "_" and a hash in hex, so keys of different bands never collide
// and every key is a valid NATS KV key or file name. It returns nil when b is outside 1..numHashes or the text had
// no shingles. See [DefaultBands].
func (f Fingerprint) Bands(b int) []string {
	if b < 1 || b > numHashes || f.n == 0 {
		return nil
	}
	keys := make([]string, b)
	for i, h := range f.bandHashes(b, nil) {
		keys[i] = strconv.Itoa(i) + "_" + strconv.FormatUint(h, 16)
	}
	return keys
}

// bandHashes appends one hash per band to dst.
func (f Fingerprint) bandHashes(b int, dst []uint64) []uint64 {
	r := min(numHashes/b, BandRows)
	for i := range b {
		h := uint64(i)
		for _, m := range f.mins[i*r : (i+1)*r] {
			h = mix(h ^ uint64(m))
		}
		dst = append(dst, h)
	}
	return dst
}

const binaryLen = 4 + 4*numHashes

// MarshalBinary encodes the fingerprint in 516 bytes, little-endian: the
// shingle count, then the minima.
func (f Fingerprint) MarshalBinary() ([]byte, error) {
	buf := make([]byte, 0, binaryLen)
	buf = binary.LittleEndian.AppendUint32(buf, f.n)
	for _, m := range f.mins {
		buf = binary.LittleEndian.AppendUint32(buf, m)
	}
	return buf, nil
}

// UnmarshalBinary decodes what MarshalBinary encoded.
func (f *Fingerprint) UnmarshalBinary(data []byte) error {
	if len(data) != binaryLen {
		return fmt.Errorf("decode fingerprint of %d bytes, want %d: %w", len(data), binaryLen, ErrFingerprint)
	}
	f.n = binary.LittleEndian.Uint32(data)
	for i := range f.mins {
		f.mins[i] = binary.LittleEndian.Uint32(data[4+4*i:])
	}
	return nil
}

// MarshalText encodes the binary form in unpadded standard base64, so a
// fingerprint is one JSON string.
func (f Fingerprint) MarshalText() ([]byte, error) {
	bin, _ := f.MarshalBinary()
	return base64.RawStdEncoding.AppendEncode(nil, bin), nil
}

// UnmarshalText decodes what MarshalText encoded.
func (f *Fingerprint) UnmarshalText(text []byte) error {
	bin, err := base64.RawStdEncoding.AppendDecode(nil, text)
	if err != nil {
		return fmt.Errorf("decode fingerprint: %w: %w", ErrFingerprint, err)
	}
	return f.UnmarshalBinary(bin)
}
