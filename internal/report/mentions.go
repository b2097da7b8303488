package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/extract/recognize"
)

// Mentions is the JSON of `crosscheck extract`: every number and date
// mention of one article and the claims built on them.
type Mentions struct {
	ID         string          `json:"id,omitempty"`
	File       string          `json:"file,omitempty"`
	Published  *string         `json:"published"`
	Quantities []quantityJSON  `json:"quantities"`
	Dates      []dateJSON      `json:"dates"`
	Claims     []extract.Claim `json:"claims"`
	Error      string          `json:"error,omitempty"`
}

type quantityJSON struct {
	Text   string   `json:"text"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
	Number float64  `json:"number"`
	Min    *float64 `json:"min"`
	Max    *float64 `json:"max"`
	Unit   string   `json:"unit"`
	Hedge  string   `json:"hedge"`
	Vague  bool     `json:"vague,omitempty"`
}

type dateJSON struct {
	Text        string `json:"text"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
	StartDate   string `json:"start_date"`
	EndDate     string `json:"end_date"`
	Granularity string `json:"granularity"`
}

// MentionLines is extract's batch mode: one JSON object a line in, one out, in
// order. A bad line gets a result with its error; the rest go on.
func MentionLines(tk *extract.Tokenizer, stdin io.Reader, stdout io.Writer, published string) error {
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 0, 64<<10), extract.MaxArticleBytes*2)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	line := 0
	for sc.Scan() {
		line++
		var in struct {
			ID        string `json:"id"`
			Text      string `json:"text"`
			Published string `json:"published"`
		}
		var m Mentions
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			m = Mentions{Error: fmt.Sprintf("line %d: %v", line, err)}
		} else {
			label := in.ID
			if label == "" {
				label = fmt.Sprintf("line %d", line)
			}
			a, err := extract.ParseArticle(label, []byte(in.Text))
			if err == nil && (in.Published != "" || published != "") {
				a.Published = cmpOr(in.Published, published)
				if _, perr := time.Parse(time.DateOnly, a.Published); perr != nil {
					err = fmt.Errorf("%s: published %q: want YYYY-MM-DD", label, a.Published)
				}
			}
			if err == nil {
				m, err = MentionsOf(tk, a)
			}
			if err != nil {
				m = Mentions{Error: err.Error()}
			}
			m.ID = in.ID
		}
		if m.Quantities == nil {
			m.Quantities = []quantityJSON{}
		}
		if m.Dates == nil {
			m.Dates = []dateJSON{}
		}
		if m.Claims == nil {
			m.Claims = []extract.Claim{}
		}
		if err := enc.Encode(m); err != nil {
			return err
		}
	}
	return sc.Err()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// MentionsOf finds the number and date mentions of a and the claims built
// on them.
func MentionsOf(tk *extract.Tokenizer, a extract.Article) (Mentions, error) {
	doc, err := tk.Tokenize(a.Body)
	if err != nil {
		return Mentions{}, err
	}
	m := Mentions{ID: a.ID, File: a.File, Published: nullable(a.Published), Quantities: []quantityJSON{}, Dates: []dateJSON{}}
	// Mentions are found on the text with clutter blanked, as claims are.
	clean := extract.WithoutClutter(a.Body, doc)
	qs, ds := recognize.Mentions(clean, a.PublishedTime())
	for _, q := range qs {
		m.Quantities = append(m.Quantities, quantityJSON{Text: q.Text, Start: q.Start, End: q.End, Number: q.Number, Min: q.Min, Max: q.Max, Unit: q.Unit, Hedge: q.Hedge, Vague: q.Vague})
	}
	for _, d := range ds {
		m.Dates = append(m.Dates, dateJSON{Text: d.Text, Start: d.Start, End: d.End, StartDate: d.From.Format(time.DateOnly), EndDate: d.To.Format(time.DateOnly), Granularity: d.Granularity})
	}
	m.Claims = extract.Claims(a, doc)
	if m.Claims == nil {
		m.Claims = []extract.Claim{}
	}
	return m, nil
}

// WriteMentions prints m as three tables: numbers, dates, claims.
func WriteMentions(w io.Writer, m Mentions) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "NUMBERS\t\t\t")
	for _, q := range m.Quantities {
		fmt.Fprintf(tw, "  %d-%d\t%q\t%s\t%s\n", q.Start, q.End, q.Text, q.Hedge, interval(&extract.Value{Min: q.Min, Max: q.Max, Unit: q.Unit}))
	}
	fmt.Fprintln(tw, "DATES\t\t\t")
	for _, d := range m.Dates {
		fmt.Fprintf(tw, "  %d-%d\t%q\t%s\t%s..%s\n", d.Start, d.End, d.Text, d.Granularity, d.StartDate, d.EndDate)
	}
	fmt.Fprintln(tw, "CLAIMS\t\t\t")
	for _, c := range m.Claims {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", c.Subject, attribute(c), asWritten(c), clipText(c.Sentence, 60))
	}
	return tw.Flush()
}
