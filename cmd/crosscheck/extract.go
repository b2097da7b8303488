package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/articlefile"
	"github.com/crosscheck/crosscheck/internal/cli"
	"github.com/crosscheck/crosscheck/internal/report"
)

func extractCmd(_ context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := cli.NewFlags("extract")
	asJSON := fs.Bool("json", false, "print JSON")
	jsonl := fs.Bool("jsonl", false, `read {"id","text","published"} lines from standard input, write one result line each`)
	published := fs.String("published", "", "publication date YYYY-MM-DD (overrides front matter)")
	if err := cli.ParseFlags(fs, args, stderr); err != nil {
		return err
	}
	if *published != "" {
		if _, err := time.Parse(time.DateOnly, *published); err != nil {
			return fmt.Errorf("extract: --published %q: want YYYY-MM-DD", *published)
		}
	}
	tk, err := extract.NewTokenizer()
	if err != nil {
		return err
	}
	if *jsonl {
		return report.MentionLines(tk, stdin, stdout, *published)
	}
	if fs.NArg() != 1 {
		return errors.New("extract: want one FILE or - (or --jsonl)")
	}
	a, err := articlefile.Read(fs.Arg(0), stdin)
	if err != nil {
		return err
	}
	if *published != "" {
		a.Published = *published
	}
	m, err := report.MentionsOf(tk, a)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(m)
	}
	return report.WriteMentions(stdout, m)
}
