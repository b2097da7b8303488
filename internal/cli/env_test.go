package cli

import (
	"bytes"
	"testing"
)

// TestTextWidth: COLUMNS sets the width of text output; with neither it
// nor a terminal the width is the default.
func TestTextWidth(t *testing.T) {
	const def = 100
	tests := []struct {
		columns string
		want    int
	}{
		{"57", 57},
		{"", def},
		{"wide", def},
		{"-3", def},
	}
	for _, tt := range tests {
		t.Setenv("COLUMNS", tt.columns)
		if got := TextWidth(&bytes.Buffer{}, def); got != tt.want {
			t.Errorf("TextWidth with COLUMNS=%q = %d, want %d", tt.columns, got, tt.want)
		}
	}
}

func TestEnvOr(t *testing.T) {
	t.Setenv("CROSSCHECK_TEST_ENV", "")
	if got := EnvOr("CROSSCHECK_TEST_ENV", "def"); got != "def" {
		t.Errorf("EnvOr of an empty variable = %q, want the default", got)
	}
	t.Setenv("CROSSCHECK_TEST_ENV", "set")
	if got := EnvOr("CROSSCHECK_TEST_ENV", "def"); got != "set" {
		t.Errorf("EnvOr of a set variable = %q, want its value", got)
	}
}
