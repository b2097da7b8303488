package extract

import "github.com/crosscheck/crosscheck/extract/internal/prosetag"

// LoadModels loads what Claims reads besides its arguments (the fast
// tagger it tags titles with), which it would otherwise load on its first
// call, a few hundred milliseconds of CPU. A process that extracts, as the
// extract stage, calls it once at start; it is safe for concurrent use.
func LoadModels() error { return prosetag.LoadFast() }
