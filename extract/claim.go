package extract

// Value is a quantity as the writer stated it, kept as an interval so that the
// hedge ("some", "more than") and the precision ("40 million" is not
// "40,125,000") survive normalisation. Min or Max is nil where the writer left
// that side open ("more than 1.3 million" has no Max); "nearly", "almost" and
// "close to" put a figure within a tenth below its number.
type Value struct {
	Text   string   `json:"text"`
	Number float64  `json:"number"`
	Min    *float64 `json:"min"`
	Max    *float64 `json:"max"`
	Unit   string   `json:"unit"`
	// Hedge is how the writer qualified the figure: exact, approx, atleast,
	// atmost or range.
	Hedge string `json:"hedge,omitempty"`
	// Vague marks amounts such as "dozens" or "thousands of" that are never
	// compared as exact figures.
	Vague bool `json:"vague,omitempty"`
}

// DateValue is a date as a range of whole days with its granularity: "in
// 2017" runs from 2017-01-01 to 2017-12-31. Start and End are YYYY-MM-DD and
// End is inclusive.
type DateValue struct {
	Text        string `json:"text"`
	Start       string `json:"start"`
	End         string `json:"end"`
	Granularity string `json:"granularity,omitempty"`
}

// PublicationDate is the Text of a claim's AsOf when the writer gave no time
// and the figure is taken to hold on the day the article was published.
const PublicationDate = "publication date"

// Claim is one checkable statement: a subject, what is counted or dated about
// it, the value or date, who says so, and the evidence sentence. Start and End
// are byte offsets of the evidence sentence in the article body; a claim
// from the headline has InTitle set, the title as its Sentence and an empty
// span (0, 0), since the title is not part of the body.
type Claim struct {
	ID        string `json:"id"`
	Article   string `json:"article"`
	Subject   string `json:"subject"`
	Attribute string `json:"attribute"`
	// Qualifier narrows the attribute without changing what it counts
	// ("monthly" users).
	Qualifier string     `json:"qualifier,omitempty"`
	Value     *Value     `json:"value"`
	Date      *DateValue `json:"date"`
	// AttributedTo names who makes the claim, when the text says.
	AttributedTo *string `json:"attributed_to"`
	// Modality is set when the claim is not asserted as fact ("could",
	// "may", "will").
	Modality string `json:"modality,omitempty"`
	Negated  bool   `json:"negated,omitempty"`
	// AsOf is the time the figure refers to, stated ("in 2017") or, failing
	// that, the publication date.
	AsOf     *DateValue `json:"as_of,omitempty"`
	Place    string     `json:"place,omitempty"`
	Sentence string     `json:"sentence"`
	Start    int        `json:"start"`
	End      int        `json:"end"`
	InTitle  bool       `json:"in_title,omitempty"`
	// Revision is set on a figure its writer says corrects an earlier,
	// higher one ("cut the toll to 253", "far fewer than police had
	// said"): only such a figure revises a tally that only grows.
	Revision bool `json:"revision,omitempty"`
}
