// Package claimreview maps crosscheck's verdicts to schema.org ClaimReview
// JSON-LD, for fact-checking tools and search engines that read it.
package claimreview

import (
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// Review is a schema.org ClaimReview (https://schema.org/ClaimReview)
// for one verdict, in JSON-LD. The textual rating is the verdict's status.
type Review struct {
	Context       string       `json:"@context"`
	Type          string       `json:"@type"`
	Identifier    string       `json:"identifier"`
	Name          string       `json:"name"`
	ClaimReviewed string       `json:"claimReviewed"`
	ReviewBody    string       `json:"reviewBody"`
	DatePublished string       `json:"datePublished"`
	Author        Organization `json:"author"`
	ReviewRating  Rating       `json:"reviewRating"`
	ItemReviewed  ReviewedItem `json:"itemReviewed"`
}

// Organization is a schema.org Organization: an outlet, or crosscheck as
// the author of a review.
type Organization struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// Rating is a schema.org Rating whose textual rating is a verdict status.
type Rating struct {
	Type              string `json:"@type"`
	AlternateName     string `json:"alternateName"` // the textual rating
	RatingExplanation string `json:"ratingExplanation"`
}

// ReviewedItem is the schema.org Claim: what was said, and where.
type ReviewedItem struct {
	Type            string         `json:"@type"`
	Name            string         `json:"name"`
	FirstAppearance *CreativeWork  `json:"firstAppearance,omitempty"`
	Appearance      []CreativeWork `json:"appearance"`
}

// CreativeWork is one article that states the claim; Text is its sentence
// as written.
type CreativeWork struct {
	Type          string        `json:"@type"`
	URL           string        `json:"url,omitempty"`
	Headline      string        `json:"headline,omitempty"`
	DatePublished string        `json:"datePublished,omitempty"`
	Publisher     *Organization `json:"publisher,omitempty"`
	Text          string        `json:"text"`
}

// Reviews makes one ClaimReview per verdict of res. claimReviewed is
// the sentence of the claim that appeared first (by publication date, then
// arrival); every claim of the verdict is an appearance.
func Reviews(res *pipeline.Collection, today time.Time) []Review {
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
	out := make([]Review, 0, len(res.Verdicts))
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
		r := Review{
			Context:       "https://schema.org",
			Type:          "ClaimReview",
			Identifier:    v.ID,
			Name:          about + ": " + string(v.Status),
			ReviewBody:    v.Reason,
			DatePublished: today.Format(time.DateOnly),
			Author:        Organization{Type: "Organization", Name: "crosscheck"},
			ReviewRating:  Rating{Type: "Rating", AlternateName: string(v.Status), RatingExplanation: v.Reason},
			ItemReviewed:  ReviewedItem{Type: "Claim", Name: about, Appearance: []CreativeWork{}},
		}
		for _, l := range ls {
			w := CreativeWork{
				Type:          "CreativeWork",
				URL:           l.article.URL,
				Headline:      l.article.Title,
				DatePublished: l.article.Published,
				Text:          strings.Join(strings.Fields(l.claim.Sentence), " "),
			}
			if l.article.Source != "" {
				w.Publisher = &Organization{Type: "Organization", Name: l.article.Source}
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
