package peerspec

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// floors are the minimum pass rates, in percent, per spec file. The number
// floors are the product's targets. DateTimeModel's target is 80% on its
// date and daterange cases; it stands at 68.7% (441/642), so its floor guards
// against regressions. It was 71.0% (456/642) before a contracted "will"
// ("I'll go back on Friday") looked ahead as "will" does: the spec scores
// those 16 sentences by their past reading. Most remaining failures are not
// reachable honestly:
// ranges whose named last day, month or year the spec excludes ("from 2014
// to 2018" ends in 2017 there), future readings where the scorer takes the
// spec's past one, the spec's own conventions for parts of periods ("end of
// year" from July, "later this year" from July, "the next two decades" as
// calendar decades), periods the spec places at publication with nothing to
// refer to ("that weekend", "the same week"), and unresolved values
// (seasons, fiscal and school years).
var floors = map[string]float64{
	"NumberModel.json":      90,
	"NumberRangeModel.json": 85,
	"PercentModel.json":     85,
	"DateTimeModel.json":    68,
}

// specDir finds the Recognizers-Text specs: $CROSSCHECK_PEER_SPECS, or a
// shared/peer-specs/recognizers folder beside an ancestor of the working
// directory.
func specDir(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("CROSSCHECK_PEER_SPECS"); d != "" {
		return d
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatalf("working directory: %v", err)
	}
	for d := wd; ; d = filepath.Dir(d) {
		c := filepath.Join(d, "shared", "peer-specs", "recognizers")
		if st, err := os.Stat(c); err == nil && st.IsDir() {
			return c
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

func TestPeerSpecs(t *testing.T) {
	dir := specDir(t)
	if dir == "" {
		t.Skip("peer specs not found: set CROSSCHECK_PEER_SPECS or provide ../shared/peer-specs/recognizers")
	}
	var report bytes.Buffer
	scores, err := Score(dir, &report)
	if err != nil {
		t.Fatalf("Score(%q): %v", dir, err)
	}
	t.Logf("peer spec pass rates:\n%s", report.String())
	if testing.Verbose() {
		var b bytes.Buffer
		if err := Breakdown(scores, &b, 2); err != nil {
			t.Fatalf("Breakdown: %v", err)
		}
		t.Logf("failing kinds:\n%s", b.String())
	}
	for _, fs := range scores {
		if floor, ok := floors[fs.File]; ok && fs.Rate() < floor {
			t.Errorf("%s: pass rate %.1f%% (%d/%d) is below the floor of %.0f%%", fs.File, fs.Rate(), fs.Passed, fs.Cases, floor)
		}
	}
}
