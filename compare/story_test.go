package compare

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
)

func sentences(ss ...string) []extract.Claim {
	var out []extract.Claim
	for _, s := range ss {
		out = append(out, extract.Claim{Subject: storySubject, Sentence: s})
	}
	return out
}

func TestEntities(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name          string
		title, source string
		claims        []extract.Claim
		want          []string
	}{
		{
			name:   "names mid-sentence, first words only when used mid-sentence too",
			title:  "Oskel floods: 12,000 evacuated as death toll rises to 14",
			source: "Meridian Press",
			claims: sentences(
				"BRAVIK, Vannermark Province (Meridian Press) — Some 12,000 people have been evacuated since the Oskel River broke through a levee at Lunde Ferry on Sunday night.",
				"Floodwater covered about 40,000 hectares of farmland around Bravik.",
			),
			want: []string{"bravik", "ferry", "lunde", "oskel", "vannermark"},
		},
		{
			name:   "a byline names the outlet's staff, not the news",
			claims: sentences("By Sanne Okafor, Political Editor", "Crews reached Kessing and the Oskel bridge; Okafor was there."),
			want:   []string{"kessing", "okafor", "oskel"},
		},
		{
			name:   "title case headline says nothing by itself",
			title:  "Floods Force Thousands From Homes In Kessing",
			claims: sentences("Some 5,000 left their homes on Monday, the Red Cross said."),
			want:   []string{},
		},
		{
			name:   "sentence-case headline counts after its first word",
			title:  "Floods force thousands from homes in Kessing",
			claims: sentences("Some 5,000 left their homes on Monday."),
			want:   []string{"kessing"},
		},
		{
			name:  "a first word needs a use mid-sentence, even a claimant's",
			title: "",
			claims: []extract.Claim{
				{Subject: "telegram", Sentence: "Telegram has 40 million users in Russia."},
				{Subject: storySubject, AttributedTo: str("officials"), Sentence: "Officials said 30 roads were shut."},
				{Subject: storySubject, AttributedTo: str("Halvorsk"), Sentence: "Halvorsk said 85 shelters were open."},
			},
			want: []string{"russia"},
		},
		{
			name:   "generic words, the outlet's own name, short words and possessives",
			source: "Valley Herald (via Meridian Press)",
			claims: sentences("The Valley Herald and Meridian Press said the Oskel's level, in the Northern Province on Monday in March, hit 9 metres, said Mr Al Rook."),
			want:   []string{"oskel", "rook"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Entities(tt.title, tt.source, ClaimText(tt.claims))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Entities(%q, %q, …) mismatch (-want +got):\n%s", tt.title, tt.source, diff)
			}
		})
	}
}

func TestEntitiesBounded(t *testing.T) {
	var claims []extract.Claim
	names := []string{"Aaron", "Bellamy", "Corvin", "Dashwood", "Ellery", "Farrow", "Galloway", "Hartigan",
		"Iverson", "Jessop", "Kettering", "Lockwood", "Marlowe", "Norcott", "Osgood", "Pemberton",
		"Quimby", "Radcliffe", "Stanway", "Tolliver", "Underhill", "Vickery", "Whitlock", "Yardley", "Zeller", "Ashdown"}
	for i, n := range names {
		s := "Figures from " + n + " arrived."
		if i < 3 {
			s += " Then " + n + " spoke again."
		}
		claims = append(claims, extract.Claim{Sentence: s})
	}
	got := Entities("", "", ClaimText(claims))
	if len(got) != MaxEntities {
		t.Fatalf("Entities of %d names returned %d, want %d", len(names), len(got), MaxEntities)
	}
	for _, want := range []string{"aaron", "bellamy", "corvin"} {
		if !slices.Contains(got, want) {
			t.Errorf("Entities dropped %q, named twice, for names named once: %v", want, got)
		}
	}
}

func TestMatchStory(t *testing.T) {
	many := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, "x"+string(rune('a'+i%26))+string(rune('a'+i/26)))
		}
		return out
	}
	tests := []struct {
		name   string
		names  []string
		lists  map[string][]string
		want   string
		wantOK bool
	}{
		{"nothing listed founds", []string{"a", "b", "c"}, nil, "", false},
		{"three rare names join", []string{"a", "b", "c", "d", "e"},
			map[string][]string{"a": {"2"}, "b": {"2"}, "c": {"2"}}, "2", true},
		{"two of five names do not", []string{"a", "b", "c", "d", "e"},
			map[string][]string{"a": {"2"}, "b": {"2"}}, "", false},
		{"two of three names join a small article", []string{"a", "b", "c"},
			map[string][]string{"a": {"2"}, "b": {"2"}}, "2", true},
		{"one name never joins", []string{"a"},
			map[string][]string{"a": {"2"}}, "", false},
		{"names of many stories count less", []string{"a", "b", "c", "d", "e"},
			map[string][]string{"a": {"1", "2", "3", "4", "5", "6", "7", "8"}, "b": {"2"}, "c": {"2"}}, "", false},
		{"names of up to four stories count in full", []string{"a", "b", "c", "d", "e"},
			map[string][]string{"a": {"1", "2", "3", "4"}, "b": {"2", "3"}, "c": {"2"}}, "2", true},
		{"a common name counts nothing", []string{"a", "b", "c", "d", "e"},
			map[string][]string{"a": many(CommonEntity), "b": {"xaa"}, "c": {"xaa"}}, "", false},
		{"the best story wins", []string{"a", "b", "c", "d", "e"},
			map[string][]string{"a": {"3"}, "b": {"3", "9"}, "c": {"3", "9"}, "d": {"9"}, "e": {"9"}}, "9", true},
		{"ties go to the older story", []string{"a", "b", "c", "d", "e", "f"},
			map[string][]string{"a": {"10"}, "b": {"10"}, "c": {"10"}, "d": {"9"}, "e": {"9"}, "f": {"9"}}, "9", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := MatchStory(tt.names, tt.lists)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("MatchStory(%v, %v) = %q, %v; want %q, %v", tt.names, tt.lists, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestGroupKey(t *testing.T) {
	deaths := extract.Claim{Subject: "Story", Attribute: "deaths", Value: &extract.Value{}}
	users := extract.Claim{Subject: "Telegram", Attribute: "users", Value: &extract.Value{}, Sentence: "Telegram has 40 million users."}
	union := extract.Claim{Subject: "union", Attribute: "rise", Value: &extract.Value{}, Sentence: "The union wants a 9% rise."}
	// A generic measure of a generic subject is compared with nothing.
	days := extract.Claim{ID: "a-7", Subject: "story", Attribute: "days", Value: &extract.Value{Text: "12"}, Sentence: "The strike lasted 12 days."}
	// Without its sentence (as a group stores it), by the claim.
	daysBare := days
	daysBare.Sentence = ""
	government := extract.Claim{Subject: "government", Attribute: "declare", Date: &extract.DateValue{}, Sentence: "Government declared an emergency on Monday."}
	agency := extract.Claim{Subject: "Kessing water authority", Attribute: "share", Value: &extract.Value{}}
	tests := []struct {
		e    Entry
		want string
	}{
		{Entry{Claim: deaths}, "story|deaths|value"},
		{Entry{Claim: deaths, Story: FirstStory}, "story|deaths|value"},
		{Entry{Claim: deaths, Story: "12"}, "story:12|deaths|value"},
		{Entry{Claim: users, Story: "12"}, "telegram|users|value"},
		{Entry{Claim: union, Story: "12"}, "union:12|rise|value"},
		{Entry{Claim: days, Story: "12"}, "story:12|days|value|alone=" + aloneToken(days)},
		{Entry{Claim: days}, "story|days|value|alone=" + aloneToken(days)},
		{Entry{Claim: daysBare}, "story|days|value|alone=a-7"},
		{Entry{Claim: government, Story: "12"}, "government:12|declare|date"},
		{Entry{Claim: government, Story: FirstStory}, "government|declare|date"},
		{Entry{Claim: agency, Story: "12"}, "kessing water authority|share|value"},
	}
	for _, tt := range tests {
		if got := GroupKey(tt.e); got != tt.want {
			t.Errorf("GroupKey(%s in story %q) = %q, want %q", tt.e.Claim.Subject, tt.e.Story, got, tt.want)
		}
	}
	// Two stories' figures never meet, and the verdict says whose it is.
	c1, c2 := deaths, deaths
	c1.ID, c2.ID = "a-1", "b-1"
	vs := Verdicts([]Entry{{Claim: c1, Source: "AFP", Story: "1"}, {Claim: c2, Source: "AP", Story: "2"}})
	if len(vs) != 2 || vs[0].ID == vs[1].ID {
		t.Fatalf("Verdicts of two stories' death tolls = %+v, want two groups with their own ids", vs)
	}
	if got := []string{vs[0].Story, vs[1].Story}; !slices.Contains(got, "1") || !slices.Contains(got, "2") {
		t.Errorf("Verdict stories %v, want 1 and 2", got)
	}
}

// TestStoriesFixtures: the nine fixture articles, from eight outlets on one
// flood and its aftermath (a farm report, an app, a march in the capital),
// are one story in any order.
func TestStoriesFixtures(t *testing.T) {
	files, err := filepath.Glob("../fixtures/articles/*.txt")
	if err != nil || len(files) < 9 {
		t.Fatalf("fixtures: %v, %d files", err, len(files))
	}
	var names [][]string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.ParseArticle(f, data)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, Entities(a.Title, a.Source, a.Body))
	}
	backward := slices.Clone(names)
	slices.Reverse(backward)
	for _, order := range [][][]string{names, backward} {
		var s Stories
		for i, n := range order {
			if got := s.Add(n); got != FirstStory {
				t.Errorf("Stories.Add(article %d: %v) = story %s, want all in story %s", i, n, got, FirstStory)
			}
		}
	}
}

// TestStoriesGenerated files generated articles of three seeds (internal/corpusgen: six
// outlets per story, invented places and people drawn from a small stock,
// so unrelated stories share first names and some place names) one at a
// time and checks the stories found against the stories written: none may
// hold articles of two stories, and at most one article in fifty may stray
// from its story.
func TestStoriesGenerated(t *testing.T) {
	for _, seed := range []uint64{4, 7, 11} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			storiesGenerated(t, corpusgen.Generate(1800, corpusgen.Options{Seed: seed}))
		})
	}
}

func storiesGenerated(t *testing.T, gen []corpusgen.Article) {
	var s Stories
	found := make(map[string]map[int]int) // story found → story written → articles
	for _, g := range gen {
		a, err := extract.ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			t.Fatal(err)
		}
		st := s.Add(Entities(a.Title, a.Source, a.Body))
		if found[st] == nil {
			found[st] = make(map[int]int)
		}
		found[st][g.Story]++
	}
	// An article strays when its found story is not the one most of its
	// written story went to.
	home := make(map[int]string)
	best := make(map[int]int)
	for st, m := range found {
		if len(m) > 1 {
			t.Errorf("story %s holds articles of written stories %v", st, m)
		}
		for w, n := range m {
			if n > best[w] {
				best[w], home[w] = n, st
			}
		}
	}
	stray := 0
	for st, m := range found {
		for w, n := range m {
			if home[w] != st {
				stray += n
			}
		}
	}
	t.Logf("%d articles of %d written stories filed into %d stories, %d astray", len(gen), len(home), len(found), stray)
	if stray*50 > len(gen) {
		t.Errorf("%d of %d articles filed away from their story, want at most 1 in 50", stray, len(gen))
	}
}

// TestBatchStories: a batch's stories are the connected sets of articles
// that share enough names, numbered by size, and do not depend on the
// order of the batch.
func TestBatchStories(t *testing.T) {
	ids := []string{"a-1", "a-2", "a-3", "a-4", "a-5"}
	names := [][]string{
		{"oskel", "bravik", "vannermark", "halden", "rook"},
		{"oskel", "bravik", "vannermark", "tessa", "marl"},
		// Shares three names with a-2 and none with a-1: the same story
		// through a-2, whichever comes first.
		{"tessa", "marl", "vannermark", "quill", "dovan"},
		{"chirrup", "velmora", "kessing"},
		{"chirrup", "velmora", "ostra"},
	}
	want := []string{"1", "1", "1", "2", "2"}
	if diff := cmp.Diff(want, BatchStories(ids, names)); diff != "" {
		t.Errorf("BatchStories mismatch (-want +got):\n%s", diff)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for range 10 {
		perm := r.Perm(len(ids))
		pids := make([]string, len(ids))
		pnames := make([][]string, len(ids))
		for i, p := range perm {
			pids[i], pnames[i] = ids[p], names[p]
		}
		got := BatchStories(pids, pnames)
		for i, p := range perm {
			if got[i] != want[p] {
				t.Errorf("BatchStories in order %v: %s filed under %s, want %s", perm, ids[p], got[i], want[p])
			}
		}
	}
	if got := BatchStories(nil, nil); len(got) != 0 {
		t.Errorf("BatchStories(nil) = %v, want none", got)
	}
}

// TestAloneMeetsItsCopy: a figure of a generic measure meets the same
// sentence in a copy of its article, and nothing else.
func TestAloneMeetsItsCopy(t *testing.T) {
	c := func(id, sentence, value string) extract.Claim {
		return extract.Claim{ID: id, Subject: "story", Attribute: "days", Value: &extract.Value{Text: value}, Sentence: sentence}
	}
	orig := c("a-1", "The strike lasted 12 days.", "12")
	cp := c("b-4", "The strike  lasted 12 days.", "12")
	other := c("c-2", "The blockade lasted 12 days.", "12")
	if Key(orig) != Key(cp) {
		t.Errorf("Key of a copy's sentence %q differs from the original's %q", Key(cp), Key(orig))
	}
	if Key(orig) == Key(other) {
		t.Errorf("Key(%q) = Key(%q): a generic figure met another sentence's", orig.Sentence, other.Sentence)
	}
	// A wire copy that trims the sentence's end is still the copy.
	long := c("a-2", "The agency said up to 9 million people might feel the effects, and that it was flying in tents and medicine.", "9 million")
	trimmed := c("b-2", "The agency said up to 9 million people might feel the effects.", "9 million")
	if Key(long) != Key(trimmed) {
		t.Errorf("Key of a trimmed copy %q differs from the original's %q", Key(trimmed), Key(long))
	}
	reworded := c("c-3", "The agency said up to 9 million people might need help.", "9 million")
	if Key(long) == Key(reworded) {
		t.Errorf("Key(%q) = Key(%q): a generic figure met another sentence's", long.Sentence, reworded.Sentence)
	}
}
