// Package report prints what the commands found: a collection's articles,
// claims and verdicts as text, as the JSON contract, or as ClaimReview
// JSON-LD, and the mentions of one article (crosscheck extract).
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// Report is the JSON contract of verify --json, documented in README.md.
type Report struct {
	Articles []Article `json:"articles"`
	Verdicts []Verdict `json:"verdicts"`
}

// Article is one article of a Report with its claims.
type Article struct {
	ID        string          `json:"id"`
	File      string          `json:"file"`
	Source    string          `json:"source"`
	Published *string         `json:"published"`
	Title     *string         `json:"title"`
	CopyOf    *string         `json:"copy_of"`
	Claims    []extract.Claim `json:"claims"`
}

// Verdict is one verdict of a Report at its current version.
type Verdict struct {
	compare.Verdict
	Version int `json:"version"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func buildReport(res *pipeline.Collection) Report {
	r := Report{Articles: []Article{}, Verdicts: []Verdict{}}
	for _, o := range res.Articles {
		claims := slices.Clone(o.Claims)
		if claims == nil {
			claims = []extract.Claim{}
		}
		r.Articles = append(r.Articles, Article{
			ID:        o.Article.ID,
			File:      o.Article.File,
			Source:    o.Article.Source,
			Published: nullable(o.Article.Published),
			Title:     nullable(o.Article.Title),
			CopyOf:    nullable(o.CopyOf),
			Claims:    claims,
		})
	}
	for _, ev := range res.Verdicts {
		r.Verdicts = append(r.Verdicts, Verdict{Verdict: ev.Verdict, Version: ev.Version})
	}
	return r
}

func WriteJSON(w io.Writer, res *pipeline.Collection) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(buildReport(res))
}

func fileOf(r Report, id string) string {
	for _, a := range r.Articles {
		if a.ID == id {
			return a.File
		}
	}
	return id
}

func attribute(c extract.Claim) string {
	if c.Qualifier != "" {
		return c.Attribute + " (" + c.Qualifier + ")"
	}
	return c.Attribute
}

func valueText(c extract.Claim) string {
	switch {
	case c.Value != nil:
		return c.Value.Text
	case c.Date != nil:
		return c.Date.Text
	}
	return ""
}

// asWritten shows a value as written and as normalised.
func asWritten(c extract.Claim) string {
	switch {
	case c.Value != nil:
		return fmt.Sprintf("%q = %s", c.Value.Text, interval(c.Value))
	case c.Date != nil:
		if c.Date.Start == c.Date.End {
			return fmt.Sprintf("%q = %s", c.Date.Text, c.Date.Start)
		}
		return fmt.Sprintf("%q = %s..%s", c.Date.Text, c.Date.Start, c.Date.End)
	}
	return ""
}

func interval(v *extract.Value) string {
	f := func(p *float64, open string) string {
		if p == nil {
			return open
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	s := "[" + f(v.Min, "-∞") + ", " + f(v.Max, "∞") + "]"
	if v.Unit != "" {
		s += " " + v.Unit
	}
	return s
}

func clipText(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
