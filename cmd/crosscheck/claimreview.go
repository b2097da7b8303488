package main

import (
	"encoding/json"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// claimReview is a schema.org ClaimReview (https://schema.org/ClaimReview)
// for one verdict, in JSON-LD. The textual rating is the verdict's status.
type claimReview struct {
	Context       string       `json:"@context"`
	Type          string       `json:"@type"`
	Identifier    string       `json:"identifier"`
	Name          string       `json:"name"`
	ClaimReviewed string       `json:"claimReviewed"`
	ReviewBody    string       `json:"reviewBody"`
	DatePublished string       `json:"datePublished"`
	Author        organization `json:"author"`
	ReviewRating  rating       `json:"reviewRating"`
	ItemReviewed  reviewedItem `json:"itemReviewed"`
}

type organization struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type rating struct {
	Type              string `json:"@type"`
	AlternateName     string `json:"alternateName"` // the textual rating
	RatingExplanation string `json:"ratingExplanation"`
}

// reviewedItem is the schema.org Claim: what was said, and where.
type reviewedItem struct {
	Type            string         `json:"@type"`
	Name            string         `json:"name"`
	FirstAppearance *creativeWork  `json:"firstAppearance,omitempty"`
	Appearance      []creativeWork `json:"appearance"`
}

// creativeWork is one article that states the claim; Text is its sentence
// as written.
type creativeWork struct {
	Type          string        `json:"@type"`
	URL           string        `json:"url,omitempty"`
	Headline      string        `json:"headline,omitempty"`
	DatePublished string        `json:"datePublished,omitempty"`
	Publisher     *organization `json:"publisher,omitempty"`
	Text          string        `json:"text"`
}

// claimReviews makes one ClaimReview per verdict of res. claimReviewed is
// the sentence of the claim that appeared first (by publication date, then
// arrival); every claim of the verdict is an appearance.
func claimReviews(res *pipeline.Collection, today time.Time) []claimReview {
	type located struct {
		claim   extract.Claim
		article pipeline.ArticleMeta
	}
	byID := make(map[string]located)
	for _, o := range res.Articles {
		for _, c := range o.Claims {
			byID[c.ID] = located{c, o.Article}
		}
	}
	out := make([]claimReview, 0, len(res.Verdicts))
	for _, ev := range res.Verdicts {
		v := ev.Verdict
		var ls []located
		for _, id := range v.Claims {
			if l, ok := byID[id]; ok {
				ls = append(ls, l)
			}
		}
		// First appearance: earliest publication date, unknown dates last,
		// then arrival order.
		slices.SortStableFunc(ls, func(a, b located) int {
			pa, pb := a.article.Published, b.article.Published
			switch {
			case pa != pb && pa == "":
				return 1
			case pa != pb && pb == "":
				return -1
			case pa != pb:
				return strings.Compare(pa, pb)
			}
			return int(a.article.Seq) - int(b.article.Seq)
		})
		about := strings.TrimSpace(v.Subject + " " + v.Attribute)
		r := claimReview{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			Identifier:    v.ID,
			Name:          about + ": " + string(v.Status),
			ReviewBody:    v.Reason,
			DatePublished: today.Format(time.DateOnly),
			Author:        organization{Type: "Organization", Name: "crosscheck"},
			ReviewRating:  rating{Type: "Rating", AlternateName: string(v.Status), RatingExplanation: v.Reason},
			ItemReviewed:  reviewedItem{Type: "Claim", Name: about, Appearance: []creativeWork{}},
		}
		for _, l := range ls {
			w := creativeWork{
				Type:          "CreativeWork",
				URL:           l.article.URL,
				Headline:      l.article.Title,
				DatePublished: l.article.Published,
				Text:          strings.Join(strings.Fields(l.claim.Sentence), " "),
			}
			if l.article.Source != "" {
				w.Publisher = &organization{Type: "Organization", Name: l.article.Source}
			}
			r.ItemReviewed.Appearance = append(r.ItemReviewed.Appearance, w)
		}
		if len(ls) > 0 {
			r.ClaimReviewed = r.ItemReviewed.Appearance[0].Text
			first := r.ItemReviewed.Appearance[0]
			r.ItemReviewed.FirstAppearance = &first
		}
		out = append(out, r)
	}
	return out
}

// writeClaimReview prints the verdicts of res as a JSON-LD array of
// ClaimReviews, one per verdict.
func writeClaimReview(w io.Writer, res *pipeline.Collection) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(claimReviews(res, time.Now().UTC()))
}
