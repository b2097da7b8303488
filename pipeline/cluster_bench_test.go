package pipeline

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"
)

// BenchmarkClusterCompare measures the compare stage alone on three
// clustered servers with three replicas: generated articles' claims in
// eight collections, compared by 1, 2 or 4 workers of eight handlers each,
// each on its own connection and taking its own share of the parts
// (SharePartitions). It reports articles compared a second.
//
//	go test ./pipeline -run '^$' -bench ClusterCompare -benchtime 1x
func BenchmarkClusterCompare(b *testing.B) {
	msgs, err := generatedClaims()
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for range b.N {
				c := startCluster(b, 3)
				js := c.connect(b, "bench")
				ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
				defer cancel()
				if err := SetupWith(ctx, js, SetupOptions{Replicas: 3}); err != nil {
					b.Fatal(err)
				}
				const colls = 8
				for k := range colls {
					coll := "bench" + strconv.Itoa(k)
					for _, m := range msgs {
						m.Collection = coll
						if err := publishJSON(ctx, js, claimsSubject(coll), coll+"."+m.Article.ID, m); err != nil {
							b.Fatal(err)
						}
					}
				}
				start := time.Now()
				stop := make([]func(), 0, workers)
				for w := range workers {
					wjs := c.connect(b, "compare "+strconv.Itoa(w))
					wctx, wcancel := context.WithCancel(context.Background())
					parts := SharePartitions(w, workers)
					h, err := NewCompareHandler(wctx, wjs, parts)
					if err != nil {
						b.Fatal(err)
					}
					wk := &Worker{Stage: StageCompare, JS: wjs, Handle: h, Parallel: 8, Drain: time.Second, Partitions: parts}
					var wg sync.WaitGroup
					wg.Go(func() { wk.Run(wctx) })
					stop = append(stop, func() { wcancel(); wg.Wait() })
				}
				total := colls * len(msgs)
				for {
					s, err := js.Stream(ctx, StreamCompared)
					if err != nil {
						b.Fatal(err)
					}
					if int(s.CachedInfo().State.Msgs) >= total {
						break
					}
					time.Sleep(20 * time.Millisecond)
				}
				el := time.Since(start)
				b.ReportMetric(float64(total)/el.Seconds(), "articles/s")
				leaders := make(map[string]string)
				for _, name := range []string{StreamClaims, bucketStream, partitionStream(0), StreamVerdicts, StreamBands} {
					s, _ := js.Stream(ctx, name)
					leaders[name] = s.CachedInfo().Cluster.Leader
				}
				b.Logf("%d workers: %d articles in %v; leaders %v", workers, total, el.Round(time.Millisecond), leaders)
				for _, s := range stop {
					s()
				}
			}
		})
	}
}
