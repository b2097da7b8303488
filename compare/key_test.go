package compare

import (
	"testing"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/google/go-cmp/cmp"
)

func TestKey(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		name  string
		claim extract.Claim
		want  string
	}{
		{"plain figure", extract.Claim{Subject: "Telegram", Attribute: "users", Value: &extract.Value{}}, "telegram|users|value"},
		{"case space punctuation", extract.Claim{Subject: "  Khamenei's  Telegram-channel ", Attribute: "Users.", Value: &extract.Value{}}, "khameneis telegram channel|users|value"},
		{"unicode apostrophe", extract.Claim{Subject: "Khamenei´s channel", Attribute: "users", Value: &extract.Value{}}, "khameneis channel|users|value"},
		{"unit", extract.Claim{Subject: "Telegram", Attribute: "revenue", Value: &extract.Value{Unit: " USD "}}, "telegram|revenue|value|unit=usd"},
		{"percent unit survives", extract.Claim{Subject: "Telegram", Attribute: "share", Value: &extract.Value{Unit: "%"}}, "telegram|share|value|unit=%"},
		{"qualifier is not part of the key", extract.Claim{Subject: "Telegram", Attribute: "users", Qualifier: "Monthly", Value: &extract.Value{}}, "telegram|users|value"},
		{"date", extract.Claim{Subject: "schools", Attribute: "ban date", Date: &extract.DateValue{}}, "schools|ban date|date"},
		{"modal", extract.Claim{Subject: "Telegram", Attribute: "ban date", Modality: "Could", Date: &extract.DateValue{}}, "telegram|ban date|date|modal=could"},
		{"a planned occasion is the occasion", extract.Claim{Subject: "Erdogan", Attribute: "visit", Modality: "will", Date: &extract.DateValue{}}, "erdogan|visit|date"},
		{"a part named is apart", extract.Claim{Subject: "story", Attribute: "deaths", Qualifier: "among children", Value: &extract.Value{}}, "story|deaths|value|q=among children"},
		{"a scheduled occasion planned is the occasion", extract.Claim{Subject: "world cup", Attribute: "final", Modality: "will", Date: &extract.DateValue{}}, "world cup|final|date"},
		{"a witness testifies on many days, planned or done", extract.Claim{Subject: "marsh", Attribute: "testify", Modality: "will", Date: &extract.DateValue{}}, "marsh|testify|date"},
		{"the rest of a count is apart", extract.Claim{Subject: "story", Attribute: "buildings", Qualifier: "other", Value: &extract.Value{}}, "story|buildings|value|q=other"},
		{"a miles measure is keyed in km", extract.Claim{Subject: "story", Attribute: "miles from orvan", Value: &extract.Value{}}, "story|km from orvan|value"},
		{"negated", extract.Claim{Subject: "Telegram", Attribute: "users", Negated: true, Value: &extract.Value{}}, "telegram|users|value|not"},
		{"neither", extract.Claim{Subject: "Telegram", Attribute: "users"}, "telegram|users|none"},
		{"attribution is not part of the key", extract.Claim{Subject: "rally", Attribute: "turnout", AttributedTo: str("police"), Value: &extract.Value{}}, "rally|turnout|value"},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, Key(tt.claim)); diff != "" {
			t.Errorf("Key(%s) mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestComparable(t *testing.T) {
	tests := []struct {
		name  string
		claim extract.Claim
		want  bool
	}{
		{"figure", extract.Claim{Value: &extract.Value{}}, true},
		{"date", extract.Claim{Date: &extract.DateValue{}}, true},
		{"modal figure", extract.Claim{Modality: "will", Value: &extract.Value{}}, true},
		{"vague", extract.Claim{Value: &extract.Value{Vague: true}}, false},
		{"negated", extract.Claim{Negated: true, Date: &extract.DateValue{}}, false},
		{"nothing", extract.Claim{}, false},
	}
	for _, tt := range tests {
		if got := Comparable(tt.claim); got != tt.want {
			t.Errorf("Comparable(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
