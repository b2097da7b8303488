package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpusgen"
	"github.com/crosscheck/crosscheck/internal/procstat"
)

// benchMsg is a message handed straight to a handler: the compare handler
// reads only its data and subject.
type benchMsg struct {
	jetstream.Msg
	subject string
	data    []byte
}

func (m benchMsg) Data() []byte    { return m.data }
func (m benchMsg) Subject() string { return m.subject }

// benchClaims is the real claims of a few generated articles, tokenized once
// for every benchmark; benchArticle clones them onto other articles.
var benchClaims = sync.OnceValues(func() ([][]extract.Claim, error) {
	arts, docs, err := tokenizeGenerated(96, 21)
	if err != nil {
		return nil, err
	}
	out := make([][]extract.Claim, len(arts))
	for i, a := range arts {
		out[i] = extract.Claims(a, docs[i])
	}
	return out, nil
})

// benchCorpus is what the compare stage is given of each generated
// article, whose ids, sources, dates and fingerprints the cloned claims are
// filed under. Only that is kept, not the articles' 39 MB of text: the
// benchmark's own data would otherwise count in its peak RSS and its heap.
// There are enough of them for 100,000 prior claims (some 6,250 articles)
// and 5,000 more.
var benchCorpus = sync.OnceValues(func() ([]benchInput, error) {
	gen := corpusgen.Generate(12000, corpusgen.Options{Seed: 22})
	out := make([]benchInput, len(gen))
	for i, g := range gen {
		a, err := extract.ParseArticle(g.Name, []byte(g.Text))
		if err != nil {
			return nil, err
		}
		// Cloned: a substring would keep the whole text.
		m := metaOf(a, 0)
		for _, s := range []*string{&m.ID, &m.File, &m.Source, &m.Published, &m.URL, &m.Title} {
			*s = strings.Clone(*s)
		}
		names := compare.Entities(a.Title, a.Source, a.Body)
		for j := range names {
			names[j] = strings.Clone(names[j])
		}
		out[i] = benchInput{meta: m, fp: compare.Sign(a.Body), names: names, story: g.Story}
	}
	return out, nil
})

type benchInput struct {
	meta  ArticleMeta
	fp    compare.Fingerprint
	names []string
	story int
}

// benchArticle is the claims message of article i: the claims of one of the
// tokenized articles, under article i's id, outlet, date and fingerprint, in
// one collection for all or one per story.
func benchArticle(b *testing.B, i int, perStory bool) (ClaimsMsg, []byte) {
	b.Helper()
	claims, err := benchClaims()
	if err != nil {
		b.Fatal(err)
	}
	corpus, err := benchCorpus()
	if err != nil {
		b.Fatal(err)
	}
	// Past the corpus, article i would be a copy of article i-len(corpus),
	// word for word: a different workload from new articles.
	if i >= len(corpus) {
		b.Fatalf("benchmark article %d: past the %d generated; run fewer iterations (-benchtime %dx at most with 100,000 prior claims)",
			i, len(corpus), len(corpus)-6300)
	}
	g := corpus[i]
	meta := g.meta
	meta.ID, meta.Seq = fmt.Sprintf("a-%06d", i), uint64(i+1)
	coll := "bench"
	if perStory {
		coll = "story" + strconv.Itoa(g.story)
	}
	cs := claims[i%len(claims)]
	// Filed by the generated article's names, so that its story-scoped
	// claims join its story's groups, as the real article's would.
	msg := ClaimsMsg{Collection: coll, Article: meta, Fingerprint: g.fp, Names: g.names}
	for j, c := range cs {
		c.ID = fmt.Sprintf("%s-%d", meta.ID, j+1)
		c.Article = meta.ID
		msg.Claims = append(msg.Claims, c)
	}
	data, err := json.Marshal(msg)
	if err != nil {
		b.Fatal(err)
	}
	return msg, data
}

// BenchmarkCompareArticle is the compare stage's work on one article's
// claims, KV round trips to an embedded server included, after a number of
// prior claims: all in one collection (every article compared with every
// other, filed into stories by the compare stage) or in one collection per
// story (a newsroom filing each story apart). The claims are those of 96
// real articles cloned onto the generated ones, so claims about named
// subjects recur across stories more than real news would have them. It
// reports the process's peak RSS with the prior claims held, under the soft
// memory limit and collector target the crosscheck command sets (see
// limitMemory in cmd/crosscheck): run it with GOMEMLIMIT=off for none.
func BenchmarkCompareArticle(b *testing.B) {
	for _, bc := range []struct {
		perStory bool
		prior    int
	}{
		{false, 1000},
		{false, 10000},
		{false, 100000},
		{true, 1000},
		{true, 100000},
	} {
		name := "one-collection"
		if bc.perStory {
			name = "collection-per-story"
		}
		b.Run(fmt.Sprintf("%s/prior=%d", name, bc.prior), func(b *testing.B) {
			limit := processMemoryPolicy()
			if _, err := benchClaims(); err != nil {
				b.Fatal(err)
			}
			if _, err := benchCorpus(); err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			debug.FreeOSMemory()
			// A new peak for this case alone, where the kernel allows it.
			_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
			_, js := startServer(b)
			ctx := context.Background()
			h, err := NewHandler(ctx, StageCompare, js, nil)
			if err != nil {
				b.Fatal(err)
			}
			handle := func(i int) int {
				b.StopTimer()
				msg, data := benchArticle(b, i, bc.perStory)
				b.StartTimer()
				if err := h(ctx, benchMsg{subject: claimsSubject(msg.Collection), data: data}); err != nil {
					b.Fatalf("compare article %d: %v", i, err)
				}
				return len(msg.Claims)
			}
			i := 0
			for held := 0; held < bc.prior; i++ {
				held += handle(i)
			}
			// Bytes allocated per article by the whole process, the embedded
			// server's blocks and buffers included: what the collector has to
			// keep up with.
			b.ReportAllocs()
			cpu := procstat.CPUTime()
			b.ResetTimer()
			for b.Loop() {
				handle(i)
				i++
			}
			b.StopTimer()
			// CPU time per article, the server's and the collector's
			// included: less at the mercy of other load than ns/op, which
			// also counts the waits on round trips.
			b.ReportMetric(float64(procstat.CPUTime()-cpu)/float64(b.N)/1e6, "cpu-ms/op")
			if rss := procstat.PeakRSS(); rss > 0 {
				b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
				if limit == math.MaxInt64 {
					limit = 0 // none
				}
				b.ReportMetric(float64(limit)/(1<<20), "memory-limit-MB")
			}
		})
	}
}

// processMemoryPolicy sets the memory limit and collector target of a
// crosscheck process (limitMemory in cmd/crosscheck), for the benchmark
// to measure what the command would, and returns the limit in effect.
func processMemoryPolicy() int64 {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(448 << 20)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(200)
	}
	return debug.SetMemoryLimit(-1)
}
