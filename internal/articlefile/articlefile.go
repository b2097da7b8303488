// Package articlefile reads article files as the commands take them: a
// named file or standard input, refused with its size when it is larger
// than extract.MaxArticleBytes.
package articlefile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/crosscheck/crosscheck/extract"
	"strings"
)

// Read reads and parses one named input; "-" is stdin.
func Read(name string, stdin io.Reader) (extract.Article, error) {
	var data []byte
	var err error
	if name == "-" {
		name = "(stdin)"
		data, err = readUpTo(name, stdin)
	} else {
		data, err = ReadLimited(name)
	}
	if err != nil {
		return extract.Article{}, err
	}
	return extract.ParseArticle(name, data)
}

// ReadLimited reads a file, but an oversized one is reported with its size
// rather than loaded.
func ReadLimited(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("%s: is a directory", name)
	}
	if st.Mode().IsRegular() {
		if err := extract.CheckSize(name, st.Size()); err != nil {
			return nil, err
		}
	}
	return readUpTo(name, f)
}

// readUpTo reads r to its end, keeping no more than the article limit: past
// it, the rest is counted, for the error, and dropped.
func readUpTo(name string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, extract.MaxArticleBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > extract.MaxArticleBytes {
		rest, err := io.Copy(io.Discard, r)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		return nil, extract.CheckSize(name, int64(len(data))+rest)
	}
	return data, nil
}

// ReadDir parses up to limit *.txt articles of dir, in name order; skip is
// called with each that does not parse, which is left out.
func ReadDir(dir string, limit int, skip func(error)) ([]extract.Article, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	slices.Sort(files)
	var out []extract.Article
	for _, f := range files {
		if len(out) == limit {
			break
		}
		data, err := ReadLimited(f)
		if err != nil {
			return nil, err
		}
		a, err := extract.ParseArticle(f, data)
		if err != nil {
			skip(err)
			continue
		}
		out = append(out, a)
	}
	return out, nil
}

// FileError is err with the file's name in front, unless it names the file
// already, as read errors do.
func FileError(name string, err error) string {
	label := name
	if name == "-" {
		label = "(stdin)"
	}
	if msg := err.Error(); strings.Contains(msg, label) {
		return msg
	}
	return label + ": " + err.Error()
}
