package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/s2"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// codecGroup is a judged group of n claims about one figure, from two
// camps of outlets, as update leaves it.
func codecGroup(n int) groupState {
	st := groupState{Key: "bridge|cost|value", Version: n}
	for i := range n {
		id := fmt.Sprintf("a%03d", i)
		v := float64(10+i%2) * 1e6
		st.Entries = append(st.Entries, compare.Entry{
			Claim: extract.Claim{ID: id + "-1", Article: id, Subject: "bridge", Attribute: "cost",
				Value: &extract.Value{Text: fmt.Sprintf("$%d million", int(v/1e6)), Number: v, Min: &v, Max: &v, Unit: "USD", Hedge: "exact"}},
			Source: fmt.Sprintf("Outlet %d", i), Published: "2024-05-01", Seq: uint64(i + 1),
		})
	}
	st.Verdict = compare.Judge(st.Entries)
	st.Verdict.Key = ""
	return st
}

// TestGroupCodec: a group is stored without its verdict and read back with
// the verdict Judge gives its entries, the same as it was written.
func TestGroupCodec(t *testing.T) {
	st := codecGroup(64)
	if st.Verdict.Status != compare.Conflict {
		t.Fatalf("test group judged %s, want conflict", st.Verdict.Status)
	}
	data, err := encodeGroup(st)
	if err != nil {
		t.Fatal(err)
	}
	if data[0] != zstdGroup {
		t.Fatalf("stored group starts with %d, want %d (zstd)", data[0], zstdGroup)
	}
	plain, err := groupDecoder.DecodeAll(data[1:], nil)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(plain, &fields); err != nil {
		t.Fatal(err)
	}
	if v, ok := fields["verdict"]; ok {
		t.Errorf("stored group holds its verdict: %.80s", v)
	}
	if string(fields["status"]) != `"conflict"` {
		t.Errorf("stored group's status is %s, want \"conflict\"", fields["status"])
	}
	readsBack(t, st, data)

	// Against the s2 encoding with the verdict, as stored before.
	withVerdict, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	old := append([]byte{s2Group}, s2.Encode(nil, withVerdict)...)
	t.Logf("64-entry group: %d bytes stored, %d as s2 with its verdict", len(data), len(old))
	if len(data) >= len(old) {
		t.Errorf("stored group takes %d bytes, no fewer than the %d of s2 with its verdict", len(data), len(old))
	}
}

// readsBack checks that data, st as encodeGroup stored it, decodes to st
// with its status.
func readsBack(t *testing.T, st groupState, data []byte) {
	t.Helper()
	var got groupState
	if err := decodeGroup(data, &got); err != nil {
		t.Fatal(err)
	}
	want := st
	want.Status = st.Verdict.Status
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("group read back differs (-written +read):\n%s", diff)
	}
}

// TestGroupCodecSmallPlain: a group of a few claims is stored as plain
// JSON, without its verdict, and read back judged.
func TestGroupCodecSmallPlain(t *testing.T) {
	st := codecGroup(3)
	data, err := encodeGroup(st)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) >= plainGroupMax || data[0] != '{' {
		t.Fatalf("3-claim group stored as %d bytes starting %q, want plain JSON under %d", len(data), data[:1], plainGroupMax)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		t.Fatal(err)
	}
	if _, ok := fields["verdict"]; ok {
		t.Error("stored group holds its verdict")
	}
	readsBack(t, st, data)
}

// TestGroupCodecReadsOlderStates: states stored as plain JSON or s2, with
// their verdicts, read as they were: the stored verdict is kept, not judged
// again.
func TestGroupCodecReadsOlderStates(t *testing.T) {
	st := codecGroup(8)
	st.Verdict.Reason = "as stored"
	plain, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"plain JSON": plain,
		"s2":         append([]byte{s2Group}, s2.Encode(nil, plain)...),
	} {
		var got groupState
		if err := decodeGroup(data, &got); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if diff := cmp.Diff(st, got); diff != "" {
			t.Errorf("%s: group read back differs (-stored +read):\n%s", name, diff)
		}
	}
	var got groupState
	if err := decodeGroup(append([]byte{zstdGroup}, bytes.Repeat([]byte{0xff}, 16)...), &got); err == nil {
		t.Error("a corrupt zstd state decoded without an error")
	}
}

// TestGroupStatusWithoutJudging: a group read for an update (unpackGroup)
// is not judged; its previous status is the one stored with it. Only a
// state stored before statuses were is judged for it.
func TestGroupStatusWithoutJudging(t *testing.T) {
	st := codecGroup(8)
	data, err := encodeGroup(st)
	if err != nil {
		t.Fatal(err)
	}
	var got groupState
	if err := unpackGroup(data, &got); err != nil {
		t.Fatal(err)
	}
	if got.Verdict.ID != "" {
		t.Errorf("unpacked group was judged: %+v", got.Verdict)
	}
	// A stored status that Judge would not give shows where it came from.
	got.Status = compare.Agree
	if s := got.status(); s != compare.Agree || got.Verdict.ID != "" {
		t.Errorf("status() = %s (verdict %q), want the stored agree without judging", s, got.Verdict.ID)
	}

	// Stored with neither verdict nor status: judged.
	old := st
	old.Verdict = compare.Verdict{}
	plain, err := json.Marshal(old)
	if err != nil {
		t.Fatal(err)
	}
	var older groupState
	if err := unpackGroup(plain, &older); err != nil {
		t.Fatal(err)
	}
	if s := older.status(); s != compare.Conflict {
		t.Errorf("status() of a state stored without one = %q, want conflict (judged)", s)
	}
}

// TestGroupReusesEntries: a group updated article by article, its
// entries' JSON copied from the previous write, is stored as the same
// bytes as encoding/json gives the whole state, through folding (more
// than compare.FoldAbove claims), compression, and text that encoding/json
// escapes.
func TestGroupReusesEntries(t *testing.T) {
	reference := func(st groupState) []byte {
		st.Status = st.Verdict.Status
		st.Verdict = compare.Verdict{}
		data, err := json.Marshal(st)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	st := groupState{Key: "bridge|cost|value <&>"}
	var prevJSON [][]byte
	reused, compressed := 0, 0
	for n := range 3 * compare.FoldAbove {
		// Articles arrive out of id order, so new entries land among old.
		id := fmt.Sprintf("a%03d", (n*37)%(3*compare.FoldAbove))
		v := float64(10+n%3) * 1e6
		e := compare.Entry{
			Claim: extract.Claim{ID: id + "-1", Article: id, Subject: "bridge", Attribute: "cost",
				Sentence: "Costs rose to <$11m> & more, said Ďurica\u2028.",
				Value:    &extract.Value{Text: fmt.Sprintf("$%d million", int(v/1e6)), Number: v, Min: &v, Max: &v, Unit: "USD", Hedge: "exact"}},
			Source: fmt.Sprintf("Outlet %d", n%9), Published: "2024-05-01", Seq: uint64(n + 1),
		}
		prevEntries := st.Entries
		st.add(id, []compare.Entry{e})
		data, entries, err := encodeGroupReusing(st, prevEntries, prevJSON)
		if err != nil {
			t.Fatal(err)
		}
		got := data
		if data[0] == zstdGroup {
			compressed++
			if got, err = groupDecoder.DecodeAll(data[1:], nil); err != nil {
				t.Fatal(err)
			}
		} else if prevJSON != nil {
			reused++
		}
		if want := reference(st); !bytes.Equal(got, want) {
			t.Fatalf("after %d articles: stored\n%s\nwant\n%s", n+1, got, want)
		}
		if entries != nil && len(entries) != len(st.Entries) {
			t.Fatalf("after %d articles: %d entries' JSON for %d entries", n+1, len(entries), len(st.Entries))
		}
		prevJSON = entries
	}
	if reused == 0 || compressed == 0 || len(st.Folded) == 0 {
		t.Errorf("writes reusing entries %d, compressed %d, folded articles %d: want some of each", reused, compressed, len(st.Folded))
	}
}
