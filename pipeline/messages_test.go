package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/crosscheck/crosscheck/extract"
)

// TestDocMsgRoundTrip packs the tokens of every fixture article, with its
// quotes that prose rewrites and its page clutter, and unpacks them as
// they were.
func TestDocMsgRoundTrip(t *testing.T) {
	tk, err := extract.NewTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("../fixtures/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("fixture articles: %v (%d files)", err, len(files))
	}
	rewritten, clutter := 0, 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.ParseArticle(filepath.Base(f), raw)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := tk.Tokenize(a.Body)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range doc.Sentences {
			if s.Clutter != "" {
				clutter++
			}
			for _, tok := range s.Tokens {
				if a.Body[tok.Start:tok.End] != tok.Text {
					rewritten++
				}
			}
		}
		in := DocMsg{Collection: "c", Seq: 7, Article: a, Doc: doc}
		data, err := json.Marshal(in)
		if err != nil {
			t.Fatalf("%s: encode: %v", f, err)
		}
		var out DocMsg
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatalf("%s: decode: %v", f, err)
		}
		if diff := cmp.Diff(in, out, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: round trip (-sent +received):\n%s", f, diff)
		}
	}
	// The fixtures must exercise what the packing treats apart.
	if rewritten == 0 || clutter == 0 {
		t.Errorf("fixtures have %d rewritten tokens and %d clutter sentences; want some of each", rewritten, clutter)
	}
}

// TestDocMsgMalformed: a packed sentence that does not fit its body is an
// error naming the sentence, not a panic or a token pointing nowhere.
func TestDocMsgMalformed(t *testing.T) {
	for _, tc := range []struct{ name, tokens, want string }{
		{"short", `0 3 DT 4 9`, "cut short"},
		{"offsets", `0 x DT`, "offsets"},
		{"outside", `0 300 NN`, "outside the body"},
		{"backwards", `5 2 NN`, "outside the body"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := `{"collection":"c","seq":1,"article":{"id":"a","body":"The claim."},"doc":{"sentences":[{"start":0,"end":10,"block":0,"tokens":"` + tc.tokens + `"}]}}`
			var m DocMsg
			err := json.Unmarshal([]byte(data), &m)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "sentence at 0") {
				t.Errorf("decode %q: error %v, want one naming the sentence and %q", tc.tokens, err, tc.want)
			}
		})
	}
}

// TestDecodeAsEncodingJSON: a submitted article is read as encoding/json
// reads it, leniency included (names in any case, invalid UTF-8 replaced,
// unknown fields ignored), and what encoding/json refuses is refused.
func TestDecodeAsEncodingJSON(t *testing.T) {
	for _, data := range []string{
		`{"collection":"news","article":{"id":"a1","file":"a.txt","source":"Wire","body":"Text."}}`,
		`{"Collection":"news","ARTICLE":{"Id":"a1","Body":"Text."}}`,
		"{\"collection\":\"news\",\"article\":{\"body\":\"bad \xff byte\"}}",
		`{"collection":"news","extra":[1,2,{"x":null}],"article":{"body":"T"}}`,
		`{"collection":"news","article":{"body":"\u00e9\ud83d\ude00"}}`,
		`{"collection":"news","article":{"body":"T"}} trailing`,
		`{"collection":7}`,
		`not json`,
		"",
	} {
		var got, want ArticleMsg
		err := decode(benchMsg{subject: "crosscheck.articles.news", data: []byte(data)}, &got)
		wantErr := json.Unmarshal([]byte(data), &want)
		if (err != nil) != (wantErr != nil) || !cmp.Equal(got, want) {
			t.Errorf("%q: decoded %+v, %v; encoding/json %+v, %v", data, got, err, want, wantErr)
		}
	}
}
