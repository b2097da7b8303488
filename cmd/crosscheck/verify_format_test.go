package main

import (
	"bytes"
	"testing"

	"github.com/crosscheck/crosscheck/internal/report"
)

// TestTextWidth: COLUMNS sets the width of text output; with neither it
// nor a terminal the width is report.DefaultWidth.
func TestTextWidth(t *testing.T) {
	tests := []struct {
		columns string
		want    int
	}{
		{"57", 57},
		{"", report.DefaultWidth},
		{"wide", report.DefaultWidth},
		{"-3", report.DefaultWidth},
	}
	for _, tt := range tests {
		t.Setenv("COLUMNS", tt.columns)
		if got := textWidth(&bytes.Buffer{}); got != tt.want {
			t.Errorf("textWidth with COLUMNS=%q = %d, want %d", tt.columns, got, tt.want)
		}
	}
}
