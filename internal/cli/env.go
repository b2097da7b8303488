package cli

import (
	"io"
	"os"
	"strconv"

	"golang.org/x/term"
)

// EnvOr returns the environment variable name, or def when it is unset or
// empty: the default of a flag that the environment may set.
func EnvOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// TextWidth is how wide text output to w may be: COLUMNS when set, else the
// terminal's width when w is one, else def.
func TextWidth(w io.Writer, def int) int {
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
			return width
		}
	}
	return def
}
