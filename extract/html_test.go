package extract

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestParseArticleHTML reads a page as a browser saves it: the article's
// paragraphs without the page's furniture, entities decoded, and the
// title, date, source and URL from its markup.
func TestParseArticleHTML(t *testing.T) {
	data, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseArticle("page.html", data)
	if err != nil {
		t.Fatalf("ParseArticle(page.html): %v", err)
	}
	want := Article{
		File:      "page.html",
		Source:    "The Lakeside Gazette",
		Published: "2025-06-03",
		URL:       "https://lakeside-gazette.example/news/harbour-strike",
		Title:     "Harbour strike ends after nine days",
		Body: "Dock workers at the Port of Elmsford went back to work on Tuesday after a nine-day strike, the port authority said.\n\n" +
			"The union said 1,200 of its members had voted on the offer, and that 85% of them backed it. Shipping agents said about 30 vessels were still waiting to unload on Tuesday evening.\n\n" +
			"The deal raises pay by 4.5% this year & by a further 3% in 2026, according to the union\u2019s summary.\n",
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Article{}, "ID")); diff != "" {
		t.Errorf("ParseArticle(page.html) mismatch (-want +got):\n%s", diff)
	}
	if got.ID != ArticleID(got.Body) {
		t.Errorf("ParseArticle(page.html).ID = %q, want ArticleID(body)", got.ID)
	}
}

func TestParseArticleHTMLMeta(t *testing.T) {
	long := "<p>The council said the bridge over the river would reopen on Friday after repairs.</p>"
	for _, tc := range []struct {
		name, in string
		want     Article
	}{
		{
			name: "title tag, JSON-LD date, no site name",
			in: `<html><head><title>Bridge  to
reopen</title><script type="application/ld+json">{"datePublished":"2024-11-05T10:00:00Z"}</script></head><body>` + long + `</body></html>`,
			want: Article{File: "p.html", Source: "p.html", Title: "Bridge to reopen", Published: "2024-11-05"},
		},
		{
			name: "time tag and itemprop",
			in:   `<!DOCTYPE html><html><body><div itemprop="articleBody"><p class="article-byline"><time datetime="2024-11-06T09:00">6 Nov</time></p>` + long + `</div><div>Popular: 5 ways to save</div></body></html>`,
			want: Article{File: "p.html", Source: "p.html", Published: "2024-11-06"},
		},
		{
			name: "line breaks are paragraphs",
			in:   `<html><body><p>The council said the bridge would reopen on Friday.<br>Repairs cost &euro;2 million, the council said.</p></body></html>`,
			want: Article{File: "p.html", Source: "p.html", Body: "The council said the bridge would reopen on Friday.\n\nRepairs cost \u20ac2 million, the council said.\n"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseArticle("p.html", []byte(tc.in))
			if err != nil {
				t.Fatalf("ParseArticle(%s): %v", tc.name, err)
			}
			if tc.want.Body == "" {
				tc.want.Body = "The council said the bridge over the river would reopen on Friday after repairs.\n"
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.IgnoreFields(Article{}, "ID")); diff != "" {
				t.Errorf("ParseArticle(%s) mismatch (-want +got):\n%s", tc.name, diff)
			}
		})
	}
}

// TestParseArticleHTMLNoText: a page with nothing but scripts, navigation
// and a footer is refused, naming the file and the problem.
func TestParseArticleHTMLNoText(t *testing.T) {
	data, err := os.ReadFile("testdata/empty-page.html")
	if err != nil {
		t.Fatal(err)
	}
	_, err = ParseArticle("empty-page.html", data)
	var ie *InputError
	if !errors.Is(err, ErrNoText) || !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "empty-page.html: no article text: HTML page") {
		t.Errorf("ParseArticle(empty-page.html) = %v, want an *InputError naming the file wrapping ErrNoText", err)
	}
}

func TestIsHTML(t *testing.T) {
	for in, want := range map[string]bool{
		"<!DOCTYPE html><html>":                            true,
		"\n  <html lang=en>":                               true,
		"<!-- saved from url=(0010)x -->\n<!doctype html>": true,
		"<!-- unclosed":                                    false,
		"The <html> tag starts a page.":                    false,
		"---\nsource: X\n---\n<html>":                      false,
		"<p>A fragment</p>":                                false,
	} {
		if got := isHTML(in); got != want {
			t.Errorf("isHTML(%q) = %v, want %v", in, got, want)
		}
	}
}
