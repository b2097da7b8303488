package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/pipeline"
)

// TextOptions says how WriteText lays out its tables. The zero value lays
// them out DefaultWidth columns wide with evidence cut to fit.
type TextOptions struct {
	// Width is the most columns a line takes; 0 means DefaultWidth.
	Width int
	// Full prints evidence sentences and reasons whole, wrapped, instead of
	// cut with "…".
	Full bool
}

// WriteText prints each article's claims, then the verdict table, no line
// wider than opt.Width.
func WriteText(w io.Writer, res *pipeline.Collection, opt TextOptions) error {
	if opt.Width <= 0 {
		opt.Width = DefaultWidth
	}
	r := buildReport(res)
	ix := newIndex(r)
	bw := bufio.NewWriter(w)
	for _, a := range r.Articles {
		writeArticle(bw, ix, a, opt)
		fmt.Fprintln(bw)
	}
	writeVerdicts(bw, ix, r.Verdicts, opt)
	return bw.Flush()
}

func writeLines(w io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintln(w, l)
	}
}

// fit cuts s to width, or wraps it with full.
func fit(s string, width int, full bool) []string {
	s = oneLine(s)
	if full {
		return wrap(s, width)
	}
	return []string{cut(s, width)}
}

func writeArticle(w io.Writer, ix *index, a Article, opt TextOptions) {
	head := a.File + " — " + a.Source
	if a.Published != nil {
		head += ", " + *a.Published
	}
	if a.CopyOf != nil {
		head += " (copy of " + ix.file(*a.CopyOf) + ")"
	}
	writeLines(w, fit(head, max(opt.Width, minWidth), true))
	if len(a.Claims) == 0 {
		writeLines(w, fit("  (no checkable claims)", max(opt.Width, minWidth), false))
		return
	}
	rows := make([][]string, len(a.Claims))
	for i, c := range a.Claims {
		rows[i] = []string{c.Subject, attribute(c), asWritten(c)}
	}
	// The sentence beside its claim where it has room to be read, else on
	// a line of its own below it.
	t := newTable(opt.Width, 2, []column{
		{max: 24, min: 16},
		{max: 20, min: 12},
		{max: 44, min: 30},
	}, "", 50, rows)
	for i, c := range a.Claims {
		writeLines(w, t.row(rows[i], c.Sentence, opt.Full))
	}
}

func writeVerdicts(w io.Writer, ix *index, vs []Verdict, opt TextOptions) {
	count := map[compare.Status]int{}
	for _, v := range vs {
		count[v.Status]++
	}
	head := fmt.Sprintf("Verdicts: %d", len(vs))
	var parts []string
	for _, s := range statuses {
		if count[s] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[s], s))
		}
	}
	if len(parts) > 0 {
		head += " (" + strings.Join(parts, ", ") + ")"
	}
	writeLines(w, fit(head, max(opt.Width, minWidth), true))
	if len(vs) == 0 {
		return
	}
	rows := make([][]string, len(vs))
	values := make([]string, len(vs))
	for i, v := range vs {
		story := v.Story
		if story == "" {
			story = "-"
		}
		rows[i] = []string{string(v.Status), v.Subject, v.Attribute, story, strconv.Itoa(ix.independent(v.Verdict))}
		values[i] = ix.values(v.Verdict)
	}
	t := newTable(opt.Width, 2, []column{
		{header: "STATUS", max: 13, min: 13},
		{header: "SUBJECT", max: 20, min: 10},
		{header: "ATTRIBUTE", max: 16, min: 9},
		{header: "STORY", max: 5, min: 5},
		{header: "SRCS", max: 4, min: 4, right: true},
	}, "VALUES BY SOURCE", 28, rows)
	writeLines(w, t.header("VALUES BY SOURCE"))
	for i, v := range vs {
		writeLines(w, t.row(rows[i], values[i], true))
		writeLines(w, t.note(v.Reason, opt.Full))
	}
}

// statuses in the order the summary line counts them.
var statuses = []compare.Status{compare.Conflict, compare.Agree, compare.SingleSource}

// index finds a report's claims and articles by id and follows copies to
// their originals.
type index struct {
	articles map[string]Article
	claims   map[string]extract.Claim
	owner    map[string]string // claim id -> article id
	copied   map[string]bool   // sources only seen on copies
}

func newIndex(r Report) *index {
	ix := &index{
		articles: make(map[string]Article),
		claims:   make(map[string]extract.Claim),
		owner:    make(map[string]string),
		copied:   make(map[string]bool),
	}
	original := make(map[string]bool)
	for _, a := range r.Articles {
		ix.articles[a.ID] = a
		for _, c := range a.Claims {
			ix.claims[c.ID] = c
			ix.owner[c.ID] = a.ID
		}
		if a.CopyOf != nil {
			ix.copied[a.Source] = true
		} else {
			original[a.Source] = true
		}
	}
	for s := range original {
		delete(ix.copied, s)
	}
	return ix
}

func (ix *index) file(id string) string {
	if a, ok := ix.articles[id]; ok {
		return a.File
	}
	return id
}

// origin is the article that id copies, following copies of copies; id
// itself when it copies nothing.
func (ix *index) origin(id string) string {
	seen := map[string]bool{}
	for !seen[id] {
		seen[id] = true
		a, ok := ix.articles[id]
		if !ok || a.CopyOf == nil {
			return id
		}
		id = *a.CopyOf
	}
	return id
}

// outlet is who a claim stands for: the source of the article its article
// copies, or of its own.
func (ix *index) outlet(claimID string) string {
	id := ix.origin(ix.owner[claimID])
	if a, ok := ix.articles[id]; ok {
		return "s:" + a.Source
	}
	return "a:" + id
}

// independent counts the outlets of v once copies are folded into their
// originals.
func (ix *index) independent(v compare.Verdict) int {
	seen := map[string]bool{}
	listed := map[string]bool{}
	for _, id := range v.Claims {
		seen[ix.outlet(id)] = true
		if a, ok := ix.articles[ix.owner[id]]; ok {
			listed[a.Source] = true
		}
	}
	// A folded verdict lists some of its claims only; its sources still
	// count, unless all their articles are copies.
	for _, s := range v.Sources {
		if !listed[s] && !ix.copied[s] {
			seen["s:"+s] = true
		}
	}
	return len(seen)
}

// valueEntry is one source's value in a camp, with the copies folded into
// it.
type valueEntry struct {
	article string
	source  string
	text    string
	copies  []string
	copyOf  string // for a copy shown on its own: its original's source
}

func (e valueEntry) String() string {
	s := e.source + " " + strconv.Quote(e.text)
	if e.copyOf != "" {
		s += " (copy of " + e.copyOf + ")"
	}
	switch len(e.copies) {
	case 0:
	case 1:
		s += " (+1 copy: " + e.copies[0] + ")"
	default:
		s += fmt.Sprintf(" (+%d copies: %s)", len(e.copies), strings.Join(e.copies, ", "))
	}
	return s
}

// values lists a verdict's values by source as written, camp by camp; a
// copy that says what its original says in the same camp is folded into
// it.
func (ix *index) values(v compare.Verdict) string {
	sep := "; "
	if v.Status == compare.Conflict {
		sep = " vs "
	}
	var camps []string
	for _, camp := range v.Camps {
		var entries []*valueEntry
		var copies []string
		for _, id := range camp.Claims {
			art := ix.owner[id]
			if ix.origin(art) != art {
				copies = append(copies, id)
				continue
			}
			entries = append(entries, ix.entry(id))
		}
		for _, id := range copies {
			e := ix.entry(id)
			orig := ix.articles[ix.origin(e.article)]
			i := slices.IndexFunc(entries, func(o *valueEntry) bool {
				return o.article == orig.ID && o.text == e.text && o.copyOf == ""
			})
			if i >= 0 {
				entries[i].copies = append(entries[i].copies, shortName(e.source, orig.Source))
				continue
			}
			e.copyOf = orig.Source
			if e.copyOf == "" {
				e.copyOf = "another article"
			}
			entries = append(entries, e)
		}
		slices.SortStableFunc(entries, func(a, b *valueEntry) int { return strings.Compare(a.source, b.source) })
		var parts []string
		for _, e := range entries {
			parts = append(parts, e.String())
		}
		if camp.Unlisted > 0 {
			parts = append(parts, fmt.Sprintf("+%d more", camp.Unlisted))
		}
		camps = append(camps, strings.Join(parts, "; "))
	}
	return strings.Join(camps, sep)
}

func (ix *index) entry(claimID string) *valueEntry {
	art := ix.owner[claimID]
	return &valueEntry{
		article: art,
		source:  cmpOr(ix.articles[art].Source, "?"),
		text:    valueText(ix.claims[claimID]),
	}
}

// shortName drops the "(via X)" that a copy's source may carry when X is
// the original it is folded into: "Valley Herald (via Meridian Press)"
// under Meridian Press is "Valley Herald".
func shortName(source, original string) string {
	if s, ok := strings.CutSuffix(source, " (via "+original+")"); ok && s != "" {
		return s
	}
	return source
}
