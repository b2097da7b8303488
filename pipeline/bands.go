package pipeline

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"strings"
	"sync"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
)

// bandListMax bounds the articles a band lists. Two-row bands make a pair
// of unrelated articles a candidate now and then (1.3% at Jaccard 0.02),
// and a band of boilerplate shingles is shared by every article carrying
// it, so uncapped lists, and the candidates read from them, grow with the
// collection. A full band keeps its first articles, which still catch
// copies of them, and takes no more: a copy of a later article shares
// most of its 32 bands with it, and finds it through the others.
const bandListMax = 16

// bandIndex lists, for every MinHash band of every collection, the first
// bandListMax articles that have it, and, for every name an article is
// filed under a story by (compare.Entities), the stories filed under it, in
// the order of StreamBands. Each compare process holds one, fed by an
// ordered consumer on the stream: an article's bands cost one stored
// message instead of a compare-and-swap per band, its listing under its
// story's names one message instead of a read of every name and a swap of
// every list it joins, and looking either up costs no round trip.
//
// Stream order settles races between processes as the swaps did: of two
// articles whose bands are stored at once, the later in the stream sees the
// earlier, and every process adds stories to a name's list in the same
// order. Every process builds the same lists from the same stream, also
// after a restart, which replays it. It is safe for concurrent use.
type bandIndex struct {
	mu      sync.Mutex
	applied uint64        // last stream sequence applied
	changed chan struct{} // closed, and replaced, when applied moves
	// following is done when the index stops following the stream.
	following context.Context
	// lists maps a band of a collection (bandKey) to the numbers of its
	// articles: a number costs 4 bytes where an id costs 16 and more.
	lists    map[uint64][]uint32
	articles []string          // number → article id
	numbers  map[string]uint32 // collection, NUL, article id → number
	// stories maps a name of a collection (bandKey of its nameHash) to
	// the stories filed under it, as compare.AddStory keeps them.
	stories map[uint64][]string
	seed    maphash.Seed
}

func newBandIndex() *bandIndex {
	return &bandIndex{
		changed:   make(chan struct{}),
		following: context.Background(),
		lists:     make(map[uint64][]uint32),
		numbers:   make(map[string]uint32),
		stories:   make(map[uint64][]string),
		seed:      maphash.MakeSeed(),
	}
}

// bandKey is a band of a collection. Two bands that hash alike share a
// list, which at worst makes a candidate that is then compared in full.
func (ix *bandIndex) bandKey(coll, band string) uint64 {
	var h maphash.Hash
	h.SetSeed(ix.seed)
	h.WriteString(coll)
	h.WriteByte(0)
	h.WriteString(band)
	return h.Sum64()
}

// follow keeps ix up to date with the parts of StreamBands until ctx is
// done: a process that owns some parts reads only theirs. It is called
// once, before any wait.
func (ix *bandIndex) follow(ctx context.Context, js jetstream.JetStream, parts []int) error {
	ix.following = ctx
	var cfg jetstream.OrderedConsumerConfig
	if len(parts) < Partitions {
		for _, p := range parts {
			cfg.FilterSubjects = append(cfg.FilterSubjects, bandsPrefix+partitionToken(p)+".*")
		}
	}
	cons, err := js.OrderedConsumer(ctx, StreamBands, cfg)
	if err != nil {
		return fmt.Errorf("follow %s: %w", StreamBands, err)
	}
	cc, err := cons.Consume(func(m jetstream.Msg) {
		meta, err := m.Metadata()
		if err != nil {
			return
		}
		coll := bandsColl(m.Subject())
		id, rest, _ := strings.Cut(string(m.Data()), " ")
		if story := m.Headers().Get(storyHeader); story != "" {
			ix.applyStory(meta.Sequence.Stream, coll, story, strings.Fields(rest))
		} else {
			ix.apply(meta.Sequence.Stream, coll, id, strings.Fields(rest))
		}
	})
	if err != nil {
		return fmt.Errorf("follow %s: %w", StreamBands, err)
	}
	context.AfterFunc(ctx, cc.Stop)
	return nil
}

// apply adds the article id of coll, stored at seq, to its bands' lists.
// An article stored again (a redelivery past the duplicate window) keeps
// its first place.
func (ix *bandIndex) apply(seq uint64, coll, id string, bands []string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if seq <= ix.applied {
		return
	}
	name := coll + "\x00" + id
	n, ok := ix.numbers[name]
	if !ok {
		n = uint32(len(ix.articles))
		ix.numbers[name] = n
		ix.articles = append(ix.articles, id)
	}
	for _, b := range bands {
		k := ix.bandKey(coll, b)
		l := ix.lists[k]
		if len(l) < bandListMax && !slices.Contains(l, n) {
			ix.lists[k] = append(l, n)
		}
	}
	ix.advance(seq)
}

// applyStory adds story to the lists of the names of coll, given by their
// nameHash, stored at seq.
func (ix *bandIndex) applyStory(seq uint64, coll, story string, names []string) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if seq <= ix.applied {
		return
	}
	for _, n := range names {
		k := ix.bandKey(coll, n)
		ix.stories[k] = compare.AddStory(ix.stories[k], story)
	}
	ix.advance(seq)
}

// advance records that the stream is applied up to seq, waking waits.
// ix.mu is held.
func (ix *bandIndex) advance(seq uint64) {
	ix.applied = seq
	close(ix.changed)
	ix.changed = make(chan struct{})
}

// storiesOf returns the stories filed under each name of coll, given by
// their nameHash. The lists are copies.
func (ix *bandIndex) storiesOf(coll string, names []string) [][]string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := make([][]string, len(names))
	for i, n := range names {
		out[i] = slices.Clone(ix.stories[ix.bandKey(coll, n)])
	}
	return out
}

// errIndexStopped is wrapped by waits on an index that no longer follows
// its stream.
var errIndexStopped = errors.New("band index stopped")

// wait returns once the index has applied the stream up to seq. It fails
// at once when the index has stopped.
func (ix *bandIndex) wait(ctx context.Context, seq uint64) error {
	for {
		if ix.following.Err() != nil {
			return fmt.Errorf("%w: %w", errIndexStopped, context.Cause(ix.following))
		}
		ix.mu.Lock()
		applied, changed := ix.applied, ix.changed
		ix.mu.Unlock()
		if applied >= seq {
			return nil
		}
		select {
		case <-changed:
		case <-ix.following.Done():
		case <-ctx.Done():
			return fmt.Errorf("band index at %d, waiting for %d: %w", applied, seq, context.Cause(ctx))
		}
	}
}

// before returns, for each band, the articles of coll listed before id:
// the whole list when id is not in it (the band was full).
func (ix *bandIndex) before(coll, id string, bands []string) [][]string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	n, known := ix.numbers[coll+"\x00"+id]
	out := make([][]string, len(bands))
	for i, b := range bands {
		l := ix.lists[ix.bandKey(coll, b)]
		if known {
			if j := slices.Index(l, n); j >= 0 {
				l = l[:j]
			}
		}
		ids := make([]string, len(l))
		for j, m := range l {
			ids[j] = ix.articles[m]
		}
		out[i] = ids
	}
	return out
}

// nameHash stands for a name in StreamBands and the index: names have
// spaces, and are any length.
func nameHash(name string) string { return shortHash(name) }

// bandsPrefix starts the subjects of StreamBands:
// crosscheck.bands.<partition>.<coll>.
const bandsPrefix = "crosscheck.bands."

// bandsSubject is where coll's bands and story filings are stored.
func bandsSubject(coll string) string {
	return bandsPrefix + partitionToken(Partition(coll)) + "." + coll
}

// bandsColl is the collection of a subject of StreamBands.
func bandsColl(subject string) string {
	rest, _ := strings.CutPrefix(subject, bandsPrefix)
	_, coll, _ := strings.Cut(rest, ".")
	return coll
}

// bandsMsg stores an article's bands: its id, then the bands, separated by
// spaces. Its message id makes a redelivery within the duplicate window
// store nothing.
func bandsMsg(coll, id string, bands []string) *nats.Msg {
	return idMsg(bandsSubject(coll), coll+".b."+id, []byte(id+" "+strings.Join(bands, " ")))
}

// storyHeader marks a message of StreamBands that files an article's names
// under a story, and gives the story.
const storyHeader = "Crosscheck-Story"

// storyMsg files the names of an article, by their nameHash, under story:
// the article's id, then the names, separated by spaces. Its message id
// makes a redelivery within the duplicate window that files them under the
// same story store nothing.
func storyMsg(coll, id, story string, names []string) *nats.Msg {
	m := idMsg(bandsSubject(coll), coll+".s."+id+"."+story, []byte(id+" "+strings.Join(names, " ")))
	m.Header.Set(storyHeader, story)
	return m
}
