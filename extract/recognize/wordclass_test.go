package recognize

import "testing"

// TestWordClasses checks the class table against the word tables it is
// built from: every word has the classes of its tables, and other words
// have none.
func TestWordClasses(t *testing.T) {
	tables := []struct {
		c    wordClass
		name string
		has  func(string) bool
	}{
		{cDateTrigger, "dateTriggers", func(w string) bool { return dateTriggers[w] }},
		{cWeakTrigger, "weakTriggers", func(w string) bool { return weakTriggers[w] }},
		{cMentionStart, "mentionStarters", func(w string) bool { return mentionStarters[w] }},
		{cPeriodUnit, "periodUnits", func(w string) bool { _, ok := periodUnits[w]; return ok }},
		{cCardinal, "cardinalWords", func(w string) bool { _, ok := cardinalWords[w]; return ok }},
		{cOrdinal, "ordinalWords", func(w string) bool { _, ok := ordinalWords[w]; return ok }},
		{cMonth, "months", func(w string) bool { _, ok := months[w]; return ok }},
		{cWeekday, "weekdays", func(w string) bool { _, ok := weekdays[w]; return ok }},
		{cForwardCue, "forwardCues", func(w string) bool { return forwardCues[w] }},
		{cScale, "scaleWords", func(w string) bool { _, ok := scaleWords[w]; return ok }},
		{cOrdinalForm, "ordinalOf", func(w string) bool { _, _, ok := ordinalOf(w); return ok }},
	}
	words := []string{"the", "said", "fifths", "seconds", "halves", "march", "mon", "zero", "nil", "thousand", "dozens", "week's", "fortnight's", "a", "xyz", "thursdays"}
	for _, w := range wordClasses.keys {
		if w != "" {
			words = append(words, w)
		}
	}
	for _, w := range words {
		got := wordClasses.get(w)
		for _, tab := range tables {
			if want := tab.has(w); got&tab.c != 0 != want {
				t.Errorf("wordClasses.get(%q) in %s = %v, want %v", w, tab.name, got&tab.c != 0, want)
			}
		}
	}
}
