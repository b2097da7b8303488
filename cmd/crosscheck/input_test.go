package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOversizedFileSize: a 5 MB file is reported with its real size and the
// limit, not with the byte past the limit that was read.
func TestOversizedFileSize(t *testing.T) {
	big := bytes.Repeat([]byte("The council said 40 people were evacuated. "), (5<<20)/43+1)[:5<<20]
	file := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(file, big, 0o644); err != nil {
		t.Fatal(err)
	}
	want := file + ": article too large: 5.0 MB is over the 512 KB limit"
	for _, args := range [][]string{
		{"verify", file},
		{"extract", file},
		{"submit", "--server", "http://127.0.0.1:1", file},
	} {
		_, stderr, err := runCmd(t, args...)
		if err == nil || !strings.Contains(stderr+errText(err), want) {
			t.Errorf("%s big.txt: err %v, stderr %q; want %q", args[0], err, stderr, want)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
