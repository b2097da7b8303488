package report

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// DefaultWidth is the width of text output when the caller knows none: not
// a terminal and no COLUMNS.
const DefaultWidth = 100

// minWidth is the narrowest a line is ever laid out for; below it a line
// still never runs past the width, but columns give way to stacked fields.
const minWidth = 8

// cellWidth is how many terminal columns s takes: East Asian wide and
// full-width runes take two, combining marks none.
func cellWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200b':
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// oneLine collapses runs of white space, newlines and tabs included, to a
// single space, so that a cell cannot break a row or misalign it.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cut shortens s to at most n columns, ending it with "…" when it had to
// cut.
func cut(s string, n int) string {
	if cellWidth(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	var b strings.Builder
	used := 0
	for _, r := range s {
		w := runeWidth(r)
		if used+w > n-1 {
			break
		}
		b.WriteRune(r)
		used += w
	}
	return strings.TrimRight(b.String(), " ") + "…"
}

// wrap breaks s into lines of at most n columns, at spaces where it can
// and inside a word longer than a line where it must.
func wrap(s string, n int) []string {
	n = max(n, 1)
	var lines []string
	var line strings.Builder
	lineW := 0
	flush := func() {
		lines = append(lines, line.String())
		line.Reset()
		lineW = 0
	}
	for _, word := range strings.Fields(s) {
		ww := cellWidth(word)
		if lineW > 0 && lineW+1+ww <= n {
			line.WriteByte(' ')
			line.WriteString(word)
			lineW += 1 + ww
			continue
		}
		if lineW > 0 {
			flush()
		}
		for ww > n {
			// A word longer than a line: split it where the line ends.
			var head strings.Builder
			hw := 0
			rest := word
			for i, r := range word {
				rw := runeWidth(r)
				if hw+rw > n && hw > 0 {
					rest = word[i:]
					break
				}
				head.WriteRune(r)
				hw += rw
			}
			lines = append(lines, head.String())
			word, ww = rest, cellWidth(rest)
		}
		line.WriteString(word)
		lineW = ww
	}
	if lineW > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// pad fills s with spaces to n columns.
func pad(s string, n int) string {
	if w := cellWidth(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// padLeft right-aligns s in n columns.
func padLeft(s string, n int) string {
	if w := cellWidth(s); w < n {
		return strings.Repeat(" ", n-w) + s
	}
	return s
}

// column is one column of a table but its last: the last takes the width
// that is left.
type column struct {
	header string
	max    int  // the most it takes, however long its cells
	min    int  // the least it gives way to when the last column needs room
	right  bool // right-aligned (numbers)
}

// table lays out rows whose last cell is free text (values, a sentence)
// within a width: the other columns are as wide as their longest cell up
// to their max, give way down to their min while the last column has less
// than lastMin, and are cut with "…" beyond it. When even that leaves the
// last column too little, each row is stacked: the short cells on one
// line, the free text on the lines below it.
type table struct {
	width   int
	indent  int
	cols    []column
	lastMin int
	widths  []int // of cols, after layout
	last    int   // width of the free text column; 0 when stacked
}

const gap = 2

func newTable(width, indent int, cols []column, lastHeader string, lastMin int, rows [][]string) *table {
	t := &table{width: max(width, minWidth), indent: indent, cols: cols, lastMin: lastMin}
	t.widths = make([]int, len(cols))
	for i, c := range cols {
		t.widths[i] = min(cellWidth(c.header), c.max)
		for _, r := range rows {
			t.widths[i] = max(t.widths[i], min(cellWidth(r[i]), c.max))
		}
	}
	natural := slices.Clone(t.widths)
	free := func() int {
		n := t.width - indent
		for _, w := range t.widths {
			n -= w + gap
		}
		return n
	}
	for free() < lastMin {
		// Take a column from the widest column that can still give.
		j := -1
		for i, c := range cols {
			if t.widths[i] > c.min && (j < 0 || t.widths[i] > t.widths[j]) {
				j = i
			}
		}
		if j < 0 {
			break
		}
		t.widths[j]--
	}
	if f := free(); f >= lastMin && f >= cellWidth(lastHeader) {
		t.last = f
		return t
	}
	// Stacked: the short cells have the line to themselves, so they need
	// not give way.
	copy(t.widths, natural)
	return t
}

// stacked reports whether rows are laid out as a line of short cells with
// the free text below it.
func (t *table) stacked() bool { return t.last == 0 }

// row lays out one row: short cells, then its free text cut to one line or,
// with wrapText, wrapped over as many as it needs.
func (t *table) row(cells []string, text string, wrapText bool) []string {
	n := len(t.cols)
	var head strings.Builder
	head.WriteString(strings.Repeat(" ", t.indent))
	for i := range n {
		c := cut(oneLine(cells[i]), t.widths[i])
		if t.cols[i].right {
			c = padLeft(c, t.widths[i])
		} else {
			c = pad(c, t.widths[i])
		}
		head.WriteString(c)
		head.WriteString(strings.Repeat(" ", gap))
	}
	text = oneLine(text)
	if t.stacked() {
		lines := []string{cut(strings.TrimRight(head.String(), " "), t.width)}
		ind := min(t.indent+2, t.width/4)
		return append(lines, t.text(text, ind, t.width-ind, wrapText)...)
	}
	lead := head.String()
	var body []string
	if wrapText {
		body = wrap(text, t.last)
	} else {
		body = []string{cut(text, t.last)}
	}
	lines := []string{strings.TrimRight(lead+body[0], " ")}
	blank := strings.Repeat(" ", cellWidth(lead))
	for _, b := range body[1:] {
		lines = append(lines, blank+b)
	}
	return lines
}

// note lays out a line of free text under a row, indented like the second
// column, cut to the width or wrapped.
func (t *table) note(text string, wrapText bool) []string {
	ind := t.indent + 4
	if !t.stacked() && len(t.widths) > 0 {
		ind = t.indent + t.widths[0] + gap
	}
	ind = min(ind, t.width/4)
	return t.text(oneLine(text), ind, t.width-ind, wrapText)
}

func (t *table) text(s string, indent, n int, wrapText bool) []string {
	if s == "" {
		return nil
	}
	lead := strings.Repeat(" ", indent)
	if !wrapText {
		return []string{lead + cut(s, n)}
	}
	var lines []string
	for _, l := range wrap(s, n) {
		lines = append(lines, lead+l)
	}
	return lines
}

// header is the row of column headers.
func (t *table) header(last string) []string {
	cells := make([]string, len(t.cols))
	for i, c := range t.cols {
		cells[i] = c.header
	}
	if t.stacked() {
		return t.row(cells, "", false)[:1]
	}
	return t.row(cells, last, false)
}
