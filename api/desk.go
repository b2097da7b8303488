package api

import (
	"embed"
	"io/fs"
	"net/http"
)

// deskFiles is the desk: a page in plain HTML, CSS and JavaScript, embedded
// so that the binary serves it with no build step and no network.
//
//go:embed desk
var deskFiles embed.FS

// desk serves the desk's files at the root. They hold no data, so they need
// no token; the page asks for one and sends it on every /v1 request.
func desk() http.Handler {
	sub, err := fs.Sub(deskFiles, "desk")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
