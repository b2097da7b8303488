package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/articlefile"
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
	for _, file := range []string{plain, "../../extract/testdata/page.html"} {
		a, err := articlefile.Read(file, nil)
		if err != nil {
			t.Fatalf("articlefile.Read(%s): %v", file, err)
		}
		out, stderr, err := runCmd(t, "submit", file, "--server", base)
		if err != nil {
			t.Fatalf("submit %s: %v\n%s", file, err, stderr)
		}
		if want := a.ID + "\t" + file + "\n"; out != want {
			t.Errorf("submit %s printed %q, want %q: the id verify gives it", file, out, want)
		}
	}
}

// TestVerifyHTML: a page saved from a browser is read for its article, with
// the title, date and source from its markup; the page's furniture (a
// copyright line, a subscription price, share counts) yields no claims. A
// page with no article text is refused, naming the file.
func TestVerifyHTML(t *testing.T) {
	t.Setenv("NATS_URL", "")
	page, empty := "../../extract/testdata/page.html", "../../extract/testdata/empty-page.html"
	out, stderr, err := runVerify(t, "--json", page, empty)
	if err == nil || !strings.Contains(stderr, empty+": no article text") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("verify page.html empty-page.html: err %v, stderr %q; want exit 1 and one line refusing %s", err, stderr, empty)
	}
	var rep struct {
		Articles []struct {
			Source, Published, Title string
			Claims                   []struct {
				Value *struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Articles) != 1 {
		t.Fatalf("verify --json page.html: %v, %d articles:\n%s", err, len(rep.Articles), out)
	}
	got := rep.Articles[0]
	if got.Source != "The Lakeside Gazette" || got.Published != "2025-06-03" || got.Title != "Harbour strike ends after nine days" {
		t.Errorf("verify page.html: source %q, published %q, title %q; want them from og:site_name, article:published_time, og:title", got.Source, got.Published, got.Title)
	}
	var values []string
	for _, c := range got.Claims {
		if c.Value != nil {
			values = append(values, c.Value.Text)
		}
	}
	for _, junk := range []string{"2025", "\u00a31", "1", "12", "48", "200", "10%", "20%", "10,000", "01234567"} {
		if slices.Contains(values, junk) {
			t.Errorf("verify page.html: a claim of %q from the page's furniture; claims %q", junk, values)
		}
	}
	if !slices.Contains(values, "1,200") || !slices.Contains(values, "about 30") {
		t.Errorf("verify page.html: claims %q, want the article's 1,200 members and about 30 vessels", values)
	}
}

// TestVerifyOneLineAndTitle: a one-line article without a closing stop is
// read, and a figure stated only in the headline is a claim of its own.
func TestVerifyOneLineAndTitle(t *testing.T) {
	t.Setenv("NATS_URL", "")
	dir := t.TempDir()
	oneLine := filepath.Join(dir, "one-line.txt")
	if err := os.WriteFile(oneLine, []byte("The ferry carried 212 passengers across the bay on Friday"), 0o644); err != nil {
		t.Fatal(err)
	}
	titled := filepath.Join(dir, "titled.txt")
	body := "---\nsource: Harbour Desk\npublished: 2025-06-03\ntitle: Strike halts 3,400 dock workers\n---\nThe strike at the port entered its second day, the union said.\n"
	if err := os.WriteFile(titled, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, err := runVerify(t, "--json", oneLine, titled)
	if err != nil {
		t.Fatalf("verify: %v\n%s", err, stderr)
	}
	var rep struct {
		Articles []struct {
			File   string
			Claims []struct {
				InTitle bool `json:"in_title"`
				Value   *struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Articles) != 2 {
		t.Fatalf("verify --json: %v, %d articles:\n%s", err, len(rep.Articles), out)
	}
	found := map[string]bool{}
	for _, a := range rep.Articles {
		for _, c := range a.Claims {
			if c.Value != nil {
				found[filepath.Base(a.File)+" "+c.Value.Text+" "+strconv.FormatBool(c.InTitle)] = true
			}
		}
	}
	for _, want := range []string{"one-line.txt 212 false", "titled.txt 3,400 true"} {
		if !found[want] {
			t.Errorf("verify: no claim %q among %v", want, found)
		}
	}
}
