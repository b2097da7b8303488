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

// TestSubmitTakesWhatVerifyTakes: a file without front matter, which verify
// takes with the file name as its source, is taken by submit too, as the
// same article.
func TestSubmitTakesWhatVerifyTakes(t *testing.T) {
	t.Setenv("NATS_URL", "")
	t.Setenv("CROSSCHECK_SERVER", "")
	t.Setenv("CROSSCHECK_TOKEN", "")
	base, _, _, _ := startServe(t)
	dir := t.TempDir()
	plain := filepath.Join(dir, "plain.txt")
	if err := os.WriteFile(plain, []byte("The harbour authority said 14 ships were waiting outside the port on Tuesday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := readArticle(plain, nil)
	if err != nil {
		t.Fatalf("readArticle(%s): %v", plain, err)
	}
	out, stderr, err := runCmd(t, "submit", plain, "--server", base)
	if err != nil {
		t.Fatalf("submit %s: %v\n%s", plain, err, stderr)
	}
	if want := a.ID + "\t" + plain + "\n"; out != want {
		t.Errorf("submit %s printed %q, want %q: the id verify gives it", plain, out, want)
	}
}
