package main

import (
	"encoding/json"
	"github.com/crosscheck/crosscheck/internal/report"
	"slices"
	"testing"
)

// TestVerifyClaimReview: --format claimreview writes valid JSON-LD, one
// ClaimReview per verdict of the --json report, with the textual rating,
// the claim as written, and every source as an appearance.
func TestVerifyClaimReview(t *testing.T) {
	t.Setenv("NATS_URL", "")
	_, files := telegramFiles(t)
	files = append(files, fixtureArticles(t)...)
	out, stderr, err := runVerify(t, append([]string{"--format", "claimreview"}, files...)...)
	if err != nil {
		t.Fatalf("verify --format claimreview: %v\n%s", err, stderr)
	}
	var reviews []map[string]any
	if err := json.Unmarshal([]byte(out), &reviews); err != nil {
		t.Fatalf("verify --format claimreview is not a JSON array: %v\n%s", err, out)
	}
	jsonOut, stderr, err := runVerify(t, append([]string{"--json"}, files...)...)
	if err != nil {
		t.Fatalf("verify --json: %v\n%s", err, stderr)
	}
	var rep report.Report
	if err := json.Unmarshal([]byte(jsonOut), &rep); err != nil {
		t.Fatal(err)
	}
	sentences := make(map[string]string)
	for _, a := range rep.Articles {
		for _, c := range a.Claims {
			sentences[c.ID] = c.Sentence
		}
	}
	if len(reviews) != len(rep.Verdicts) || len(reviews) == 0 {
		t.Fatalf("%d ClaimReviews, want one per verdict: %d", len(reviews), len(rep.Verdicts))
	}
	for i, v := range rep.Verdicts {
		r := reviews[i]
		if r["@context"] != "https://schema.org" || r["@type"] != "ClaimReview" || r["identifier"] != v.ID {
			t.Errorf("review %d: @context %v, @type %v, identifier %v; want schema.org ClaimReview %s", i, r["@context"], r["@type"], r["identifier"], v.ID)
			continue
		}
		rating, _ := r["reviewRating"].(map[string]any)
		if rating["@type"] != "Rating" || rating["alternateName"] != string(v.Status) {
			t.Errorf("review %s: reviewRating %v, want alternateName %s", v.ID, rating, v.Status)
		}
		if r["reviewBody"] != v.Reason {
			t.Errorf("review %s: reviewBody %q, want the reason %q", v.ID, r["reviewBody"], v.Reason)
		}
		var claimed []string
		for _, id := range v.Claims {
			claimed = append(claimed, sentences[id])
		}
		if !slices.Contains(claimed, r["claimReviewed"].(string)) {
			t.Errorf("review %s: claimReviewed %q, want one of its claims' sentences as written", v.ID, r["claimReviewed"])
		}
		item, _ := r["itemReviewed"].(map[string]any)
		apps, _ := item["appearance"].([]any)
		if item["@type"] != "Claim" || len(apps) != len(v.Claims) {
			t.Errorf("review %s: itemReviewed %v with %d appearances, want a Claim with %d", v.ID, item["@type"], len(apps), len(v.Claims))
			continue
		}
		var publishers []string
		for _, a := range apps {
			app := a.(map[string]any)
			pub, _ := app["publisher"].(map[string]any)
			if app["@type"] != "CreativeWork" || pub["@type"] != "Organization" || app["text"] == "" {
				t.Errorf("review %s: appearance %v, want a CreativeWork with a publisher and text", v.ID, app)
				continue
			}
			if !slices.Contains(publishers, pub["name"].(string)) {
				publishers = append(publishers, pub["name"].(string))
			}
		}
		slices.Sort(publishers)
		if !slices.Equal(publishers, v.Sources) {
			t.Errorf("review %s: publishers %v, want the verdict's sources %v", v.ID, publishers, v.Sources)
		}
	}
	// The example, looked up by content.
	for _, r := range reviews {
		if r["name"] == "telegram users: conflict" && r["claimReviewed"] == "Telegram has 40 million users in Russia." {
			return
		}
	}
	t.Errorf("no conflict review of telegram users first stated as %q", "Telegram has 40 million users in Russia.")
}
