package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestCollection: GET /v1/articles lists the collection's articles with
// their claims, /v1/articles/{id}/text answers the body their spans index,
// and /v1/claimreview the verdicts as ClaimReview JSON-LD, filtered as
// /v1/verdicts is.
func TestCollection(t *testing.T) {
	h := newHarness(t, true, Config{})
	if rec := h.do(t, "GET", "/v1/articles", "", ""); rec.Code != http.StatusOK ||
		strings.TrimSpace(rec.Body.String()) != `{"collection":"default","articles":[],"failed":[]}` {
		t.Errorf("GET /v1/articles on an empty collection: %d %s", rec.Code, rec.Body)
	}
	if rec := h.do(t, "GET", "/v1/articles/a-000000000000/text", "", ""); rec.Code != http.StatusNotFound {
		t.Errorf("GET text of an unknown article: status %d, want 404", rec.Code)
	}
	var ids []string
	for _, body := range []string{articleA, articleB, articleC} {
		rec := h.do(t, "POST", "/v1/articles", "text/plain", body)
		var acc Accepted
		if err := json.Unmarshal(rec.Body.Bytes(), &acc); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, acc.ID)
	}
	for _, id := range ids {
		waitFor(t, "article "+id+" compared", func() bool {
			return strings.Contains(h.do(t, "GET", "/v1/articles/"+id, "", "").Body.String(), `"status":"compared"`)
		})
	}

	rec := h.do(t, "GET", "/v1/articles", "", "")
	var list ArticleList
	if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("GET /v1/articles: %d %s: %v", rec.Code, rec.Body, err)
	}
	if len(list.Articles) != 3 {
		t.Fatalf("GET /v1/articles lists %d articles, want 3: %s", len(list.Articles), rec.Body)
	}
	for i, a := range list.Articles {
		if a.ID != ids[i] || a.Article.ID != ids[i] || len(a.Claims) == 0 {
			t.Errorf("article %d = %+v, want %s with its claims, in arrival order", i, a, ids[i])
		}
	}

	rec = h.do(t, "GET", "/v1/articles/"+ids[2]+"/text", "", "")
	var text ArticleText
	if err := json.Unmarshal(rec.Body.Bytes(), &text); err != nil || rec.Code != http.StatusOK {
		t.Fatalf("GET text: %d %s: %v", rec.Code, rec.Body, err)
	}
	c := list.Articles[2].Claims[0]
	if text.ID != ids[2] || c.End > len(text.Text) || text.Text[c.Start:c.End] != c.Sentence {
		t.Errorf("GET text = %+v; claim %q at %d..%d does not index it", text, c.Sentence, c.Start, c.End)
	}

	tests := []struct {
		query string
		want  []string // textual ratings
	}{
		{"", []string{"conflict"}},
		{"?status=conflict", []string{"conflict"}},
		{"?status=agree", []string{}},
		{"?subject=Telegram", []string{"conflict"}},
		{"?subject=nothing", []string{}},
	}
	for _, tt := range tests {
		rec := h.do(t, "GET", "/v1/claimreview"+tt.query, "", "")
		if ct := rec.Header().Get("Content-Type"); rec.Code != http.StatusOK || ct != "application/ld+json" {
			t.Errorf("GET /v1/claimreview%s: %d %s, want 200 application/ld+json", tt.query, rec.Code, ct)
			continue
		}
		var reviews []struct {
			Type          string `json:"@type"`
			ClaimReviewed string `json:"claimReviewed"`
			ReviewRating  struct {
				AlternateName string `json:"alternateName"`
			} `json:"reviewRating"`
			ItemReviewed struct {
				Appearance []struct{ Text string } `json:"appearance"`
			} `json:"itemReviewed"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &reviews); err != nil {
			t.Fatalf("GET /v1/claimreview%s: %v\n%s", tt.query, err, rec.Body)
		}
		got := []string{}
		for _, r := range reviews {
			got = append(got, r.ReviewRating.AlternateName)
			if r.Type != "ClaimReview" || len(r.ItemReviewed.Appearance) != 3 || !strings.Contains(r.ClaimReviewed, "Telegram") {
				t.Errorf("GET /v1/claimreview%s: review %+v, want the three reports of Telegram's users", tt.query, r)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("GET /v1/claimreview%s: ratings %v, want %v", tt.query, got, tt.want)
		}
	}
	if rec := h.do(t, "GET", "/v1/claimreview?status=maybe", "", ""); rec.Code != http.StatusBadRequest {
		t.Errorf("GET /v1/claimreview?status=maybe: status %d, want 400", rec.Code)
	}
}

// TestDeskFiles: the desk's page, script and style are served at the root
// without a token, with a content security policy that keeps the page to
// this server; the API behind it still wants the token.
func TestDeskFiles(t *testing.T) {
	h := newHarness(t, false, Config{Token: "s3cret"})
	for _, tt := range []struct{ path, typ, contains string }{
		{"/", "text/html", `<script src="desk.js"`},
		{"/desk.js", "text/javascript", "Authorization"},
		{"/desk.css", "text/css", ":focus-visible"},
	} {
		rec := h.do(t, "GET", tt.path, "", "")
		if rec.Code != http.StatusOK || !strings.HasPrefix(rec.Header().Get("Content-Type"), tt.typ) || !strings.Contains(rec.Body.String(), tt.contains) {
			t.Errorf("GET %s: %d %s, want 200 %s containing %q", tt.path, rec.Code, rec.Header().Get("Content-Type"), tt.typ, tt.contains)
		}
		// Nothing from elsewhere: the desk must work with no internet.
		for _, ext := range []string{`src="http`, `href="http`, "@import", "url(http", "fonts.g"} {
			if strings.Contains(rec.Body.String(), ext) {
				t.Errorf("GET %s: loads from elsewhere (%s)", tt.path, ext)
			}
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy %q", tt.path, csp)
		}
	}
	for _, path := range []string{"/nothing.js", "/v1/articles", "/v1/claimreview", "/v1/articles/a-000000000000/text"} {
		if rec := h.do(t, "GET", path, "", ""); rec.Code != http.StatusNotFound && rec.Code != http.StatusUnauthorized {
			t.Errorf("GET %s without a token: status %d, want 404 or 401", path, rec.Code)
		}
	}
	if rec := h.do(t, "GET", "/v1/articles", "", ""); rec.Code != http.StatusUnauthorized {
		t.Errorf("GET /v1/articles without a token: %d, want 401", rec.Code)
	}
}
