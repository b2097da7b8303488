package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/crosscheck/crosscheck/pipeline"
)

// CSVHeader names the columns of WriteCSV. camp counts a verdict's camps
// from 1 in ascending order of value; copy_of is the source of the article
// a copy copies; number is a figure as normalised, date a date as
// YYYY-MM-DD or a range START..END.
var CSVHeader = []string{
	"verdict_id", "status", "subject", "attribute", "story", "camp",
	"source", "copy_of", "value", "number", "date", "claim_id", "file", "sentence",
}

// WriteCSV prints one row per claim of each verdict's camps, after a
// header (CSVHeader), quoted as RFC 4180 says. A claim of a folded verdict
// that the verdict leaves unlisted has no row.
func WriteCSV(w io.Writer, res *pipeline.Collection) error {
	r := buildReport(res)
	ix := newIndex(r)
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, v := range r.Verdicts {
		for i, camp := range v.Camps {
			for _, id := range camp.Claims {
				c := ix.claims[id]
				a := ix.articles[ix.owner[id]]
				var copyOf, number, date string
				if orig := ix.origin(a.ID); orig != a.ID {
					copyOf = cmpOr(ix.articles[orig].Source, orig)
				}
				switch {
				case c.Value != nil:
					number = strconv.FormatFloat(c.Value.Number, 'f', -1, 64)
				case c.Date != nil:
					date = c.Date.Start
					if c.Date.End != c.Date.Start {
						date += ".." + c.Date.End
					}
				}
				err := cw.Write([]string{
					v.ID, string(v.Status), v.Subject, v.Attribute, v.Story, strconv.Itoa(i + 1),
					a.Source, copyOf, valueText(c), number, date, id, a.File, c.Sentence,
				})
				if err != nil {
					return err
				}
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
