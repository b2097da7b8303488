package compare

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/google/go-cmp/cmp"
)

func TestVerdicts(t *testing.T) {
	entries := []Entry{
		ent("s1", "Sputnik", num("40 million", 39.5e6, 40.5e6)),
		ent("a1", "AFP", num("some 40 million", 36e6, 44e6), about("Telegram ", "Users")),
		ent("a2", "AFP", num("some 5 million", 4.5e6, 5.5e6), about("Soroush", "users")),
		ent("a3", "AFP", atLeast("more than 1.3 million", 1.3e6), about("Gap", "users")),
		ent("a4", "AFP", &extract.Value{Text: "thousands of", Min: fl(2000), Vague: true}, about("Telegram", "business users")),
		ent("a5", "AFP", nil, about("schools", "social media ban date"), dated(day("On Sunday", "2018-04-15", "2018-04-15"))),
		ent("s2", "Sputnik", nil, about("schools", "social media ban date"), dated(day("on Sunday", "2018-04-15", "2018-04-15"))),
		ent("a6", "AFP", nil, about("foreign messengers", "ban date"), modal("could"), dated(day("on April 21", "2018-04-21", ""))),
		ent("s3", "Sputnik", nil, about("foreign messengers", "ban date"), dated(day("April 30", "2018-04-30", ""))),
	}
	type row struct {
		Subject, Attribute string
		Status             Status
		Claims             []string
	}
	want := []row{
		{"foreign messengers", "ban date", SingleSource, ids("s3")},
		{"foreign messengers", "ban date", SingleSource, ids("a6")},
		{"gap", "users", SingleSource, ids("a3")},
		{"schools", "social media ban date", Agree, ids("a5", "s2")},
		{"soroush", "users", SingleSource, ids("a2")},
		{"telegram", "users", Agree, ids("a1", "s1")},
	}
	// Same subject and attribute: ordered by id, which is fixed by the key.
	if verdictID(Key(entries[7].Claim)) < verdictID(Key(entries[8].Claim)) {
		want[0], want[1] = want[1], want[0]
	}

	for _, in := range [][]Entry{entries, reversed(entries)} {
		var got []row
		for _, v := range Verdicts(in) {
			got = append(got, row{v.Subject, v.Attribute, v.Status, v.Claims})
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("Verdicts(seed claims) mismatch (-want +got):\n%s", diff)
		}
	}
	if got := Verdicts(nil); len(got) != 0 {
		t.Errorf("Verdicts(nil) = %v, want none", got)
	}
}

func reversed(es []Entry) []Entry {
	out := slices.Clone(es)
	slices.Reverse(out)
	return out
}
