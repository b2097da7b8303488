package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/s2"
	"github.com/klauspost/compress/zstd"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/extract"
)

// comparer keeps the comparison state in a KV bucket, so that compare
// workers are stateless and any number can run: every update is a
// compare-and-swap on the key's revision, retried on conflict.
//
// The state of a collection, in the bucket of its part
// (PartitionBucket(Partition(coll))):
//
//	<coll>.doc.<article>   docState: an article's fingerprint and story
//	<coll>.stories.log     storyLog: how many stories, the latest founded
//	<coll>.g.<hash>        groupState: one group of comparable claims
//
// and, in StreamBands under its part, every article's MinHash bands and the names it filed
// under its story, which each process reads into its bandIndex to find
// copy candidates and the stories filed under a name.
type comparer struct {
	js jetstream.JetStream
	// kvs is every part's state bucket; owns marks the parts whose
	// claims this process takes, the only ones its band index follows.
	kvs  [Partitions]jetstream.KeyValue
	owns [Partitions]bool
	// streams is the stream behind each of kvs, read from its leader
	// after a lost swap (kvCalls.latest).
	streams [Partitions]jetstream.Stream
	// events publishes an article's verdict events and waits for them
	// together.
	events *batchPublisher

	// groups caches the groups this process last wrote, with their
	// revisions, so that the next update of a group can go straight to the
	// compare-and-swap: when another worker wrote it meanwhile, the swap
	// fails and the group is read again, so the cache saves a read and
	// never loses an update. Groups of more than groupCacheEntries entries
	// are not kept.
	groups cache[cachedGroup]
	// docs caches articles' states as this process wrote or read them;
	// they change only when their story is set: copy candidates that this
	// process compared or read before cost no read. A cached state without
	// a story is read again before its story is used.
	docs cache[docState]
	// index lists the articles sharing each band, to find copies.
	index *bandIndex
	// groupLocks serialise this process's updates of one group (by a
	// stripe of its key): two articles of a story compared at once would
	// otherwise both judge and write the group from the same revision,
	// and the swap that lost would read, judge and write it again. Only
	// workers of other processes still meet in the swap.
	groupLocks [groupLockStripes]sync.Mutex
}

// groupLockStripes is the number of group locks: a few times the compare
// stage's concurrent messages, times the groups an article updates at
// once, so that unrelated groups seldom share one.
const groupLockStripes = 256

var groupLockSeed = maphash.MakeSeed()

// newComparer returns a comparer of the collections of parts whose band
// index follows their parts of StreamBands until ctx is done.
func newComparer(ctx context.Context, js jetstream.JetStream, parts []int) (*comparer, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("%w: no parts to compare", ErrPartitions)
	}
	events, err := newBatchPublisher(js.Conn())
	if err != nil {
		return nil, err
	}
	c := &comparer{js: js, events: events,
		groups: cache[cachedGroup]{size: groupCacheSize},
		docs:   cache[docState]{size: docCacheSize},
		index:  newBandIndex(),
	}
	for p := range Partitions {
		if c.kvs[p], err = js.KeyValue(ctx, PartitionBucket(p)); err != nil {
			return nil, fmt.Errorf("bucket %s: %w", PartitionBucket(p), err)
		}
		if c.streams[p], err = js.Stream(ctx, partitionStream(p)); err != nil {
			return nil, fmt.Errorf("bucket %s: %w", PartitionBucket(p), err)
		}
	}
	for _, p := range parts {
		if p < 0 || p >= Partitions {
			return nil, fmt.Errorf("%w: part %d of %d", ErrPartitions, p, Partitions)
		}
		c.owns[p] = true
	}
	if err := c.index.follow(ctx, js, parts); err != nil {
		return nil, err
	}
	return c, nil
}

// bucket is the state bucket of coll's part.
func (c *comparer) bucket(coll string) jetstream.KeyValue { return c.kvs[Partition(coll)] }

// errNotOwned is returned for claims of a part this process does not take:
// its band index does not follow the part. It is retried, and so goes to
// a process that takes it.
var errNotOwned = errors.New("part not taken by this compare process")

// Cache bounds. Groups are folded (compare.FoldGroup) to at most
// compare.FoldAbove listed entries and one per kind of statement folded,
// so nearly every group fits in groupCacheEntries; one with more kinds is
// read every time.
const (
	groupCacheSize    = 1024
	groupCacheEntries = 192
	docCacheSize      = 8192
)

// cache is a map of at most size entries, safe for concurrent use; past
// size, entries are dropped at random (map order), which costs a read
// when they come back.
type cache[V any] struct {
	mu   sync.Mutex
	size int
	m    map[string]V
}

func (c *cache[V]) get(k string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

func (c *cache[V]) put(k string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[string]V)
	}
	for old := range c.m {
		if len(c.m) < c.size {
			break
		}
		delete(c.m, old)
	}
	c.m[k] = v
}

func (c *cache[V]) drop(k string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, k)
}

type cachedGroup struct {
	rev uint64
	st  groupState
	// entries is the JSON of each of st's entries as last stored, for
	// the next update to copy (encodeGroupReusing); nil if the group was
	// stored compressed, which keeps what the cache holds to some 8 KB a
	// group.
	entries [][]byte
}

// groupState is one group of comparable claims and its current verdict.
type groupState struct {
	Key     string          `json:"key"`
	Version int             `json:"version"`
	Entries []compare.Entry `json:"entries"`
	// Verdict is Judge's of Entries. It is not stored (encodeGroup): it
	// added half as much again to every write of the group. A process
	// mostly updates a group it has cached, verdict and all; one it reads
	// is judged once its article's entries are added (update), or when
	// its verdict is asked for (decodeGroup).
	Verdict compare.Verdict `json:"verdict,omitzero"`
	// Status is the verdict's status, stored so that a process updating a
	// group it read knows what the verdict was (VerdictEvent.Previous)
	// without judging the entries it is about to judge again.
	Status compare.Status `json:"status,omitempty"`
	// Folded lists the latest articles whose entries were folded (see
	// compare.FoldGroup), at most foldedMemory, oldest first, so that a
	// redelivered article is still recognised as counted.
	Folded []string `json:"folded,omitempty"`
	// Writes are the group's latest versions, at most writeMemory, oldest
	// first: which article's write made each and what the verdict was
	// before it. An article retried after its write was stored but not
	// acknowledged, or after a crash between the write and its events,
	// finds here the event its write implied (writeEvent), though other
	// articles have written the group since.
	Writes []groupWrite `json:"writes,omitempty"`
}

// groupWrite is one version of a group: the article whose entries made it
// and the status the group had before. Its verdict is rebuilt from the
// group's entries without those of later writes (writeEvent) unless a
// later write folded the group, which keeps it here first.
type groupWrite struct {
	Article  string           `json:"a"`
	Version  int              `json:"v"`
	Previous compare.Status   `json:"p,omitempty"`
	Verdict  *compare.Verdict `json:"verdict,omitempty"`
}

// foldedMemory is how many folded articles a group remembers: a
// redelivery comes within the ack wait, long before that many more
// articles have joined the group and been folded.
const foldedMemory = 1024

// writeMemory is how many of its latest writes a group remembers. A write
// whose acknowledgement was lost is retried within seconds (the stage's
// backoff), one cut off by a crash within the ack wait: the event of a
// write followed by more than writeMemory others before its article came
// back is not sent, only the group's latest. Each write kept costs some 50
// bytes in every later write of the group.
const writeMemory = 16

// has reports whether article's entries are in the group.
func (g *groupState) has(article string) bool {
	return slices.ContainsFunc(g.Entries, func(e compare.Entry) bool { return e.Claim.Article == article }) ||
		slices.Contains(g.Folded, article)
}

// add adds an article's entries to the group, folds it, orders its
// entries by claim id and judges it, as its next version, which it
// remembers as the article's write. The entries and writes are new
// slices: a cached group's stay as they were.
func (g *groupState) add(article string, entries []compare.Entry) {
	previous := g.status()
	before := g.Entries
	g.Entries = append(slices.Clip(g.Entries), entries...)
	g.Folded = slices.Clip(g.Folded)
	g.Writes = slices.Clone(g.Writes)
	if g.fold() {
		// The writes before this one can no longer be rebuilt from the
		// entries: keep their verdicts, judged from the entries as they
		// were.
		for i := range g.Writes {
			if g.Writes[i].Verdict == nil {
				v := judgeWrite(before, g.Writes[i+1:])
				g.Writes[i].Verdict = &v
			}
		}
	}
	slices.SortFunc(g.Entries, func(a, b compare.Entry) int { return strings.Compare(a.Claim.ID, b.Claim.ID) })
	g.Verdict = compare.Judge(g.Entries)
	g.Version++
	g.Writes = append(g.Writes, groupWrite{Article: article, Version: g.Version, Previous: previous})
	if n := len(g.Writes); n > writeMemory {
		g.Writes = g.Writes[n-writeMemory:]
	}
}

// writeEvent is the event of the version article's write made, if the
// group remembers that write: the verdict it kept, or one judged from the
// entries without those of the writes after it. ok is false for a write
// the group no longer remembers, or whose later writes it does not all
// remember (a build before writes were kept wrote it since).
func (g *groupState) writeEvent(coll, article string) (ev VerdictEvent, ok bool) {
	i := slices.IndexFunc(g.Writes, func(w groupWrite) bool { return w.Article == article })
	if i < 0 {
		return VerdictEvent{}, false
	}
	for j, w := range g.Writes[i:] {
		if w.Version != g.Writes[i].Version+j {
			return VerdictEvent{}, false
		}
	}
	if g.Writes[len(g.Writes)-1].Version != g.Version {
		return VerdictEvent{}, false
	}
	w := g.Writes[i]
	ev = VerdictEvent{Collection: coll, Version: w.Version, Previous: w.Previous}
	switch {
	case w.Verdict != nil:
		ev.Verdict = *w.Verdict
	case w.Version == g.Version:
		g.judge()
		ev.Verdict = g.Verdict
	default:
		ev.Verdict = judgeWrite(g.Entries, g.Writes[i+1:])
	}
	ev.Verdict.Key = ""
	return ev, true
}

// judgeWrite judges entries without those of the articles of later, as a
// write followed by later judged its version. No fold came between them:
// a fold keeps the verdicts of the writes before it (add).
func judgeWrite(entries []compare.Entry, later []groupWrite) compare.Verdict {
	if len(later) > 0 {
		entries = slices.DeleteFunc(slices.Clone(entries), func(e compare.Entry) bool {
			return e.Fold == nil && slices.ContainsFunc(later, func(w groupWrite) bool { return w.Article == e.Claim.Article })
		})
	}
	v := compare.Judge(entries)
	v.Key = "" // as a stored verdict has it (not in its JSON)
	return v
}

// fold folds the group's entries when they are too many to judge at no
// more than a bounded cost, remembering which articles it folded. It
// reports whether it folded any.
func (g *groupState) fold() bool {
	folded := compare.FoldGroup(g.Entries)
	if len(folded) == len(g.Entries) {
		return false
	}
	listed := make(map[string]bool)
	for _, e := range folded {
		if e.Fold == nil {
			listed[e.Claim.Article] = true
		}
	}
	var gone []string
	for _, e := range g.Entries {
		if e.Fold == nil && !listed[e.Claim.Article] && e.Claim.Article != "" {
			gone = append(gone, e.Claim.Article)
		}
	}
	slices.Sort(gone)
	g.Folded = append(g.Folded, slices.Compact(gone)...)
	if n := len(g.Folded); n > foldedMemory {
		g.Folded = g.Folded[n-foldedMemory:]
	}
	g.Entries = folded
	return true
}

// docState is what the compare stage remembers of an article: its
// fingerprint, to find copies, and the story it was filed under, so that a
// redelivered article keeps its story.
type docState struct {
	ArticleMeta
	Fingerprint compare.Fingerprint `json:"fingerprint"`
	Story       string              `json:"story,omitempty"`
}

// storyLog counts a collection's stories and keeps the latest founded with
// their names. Founding a story is a compare-and-swap on this one key, so
// two workers filing articles on the same news at once cannot both found
// it: the second's swap fails, and on reading again it finds the first's
// story here even before the first has listed it under its names.
type storyLog struct {
	Founded int          `json:"founded"`
	Recent  []foundStory `json:"recent"`
}

type foundStory struct {
	ID      string   `json:"id"`
	Founder string   `json:"founder"` // the article that founded it
	Names   []string `json:"names"`
}

// storyLogLen is how many foundings the log keeps. A founder lists its
// story under its names right after the swap, so the log only has to cover
// foundings whose listing is still under way: two stories are founded for
// the same news only if more than storyLogLen others are founded between
// one founder's swap and the end of its listing (a worker that dies in
// between lists them when its message is redelivered).
const storyLogLen = 64

// casAttempts bounds compare-and-swap retries; contention beyond it means
// something else is wrong, and the message is retried later.
const casAttempts = 64

// Round trips one article keeps in flight at once.
const (
	readsInFlight  = 16 // reads of candidates and name lists
	groupsInFlight = 8  // group updates
)

// kvCalls is the state bucket of a collection's part as one article's
// comparison uses it, counting round trips.
type kvCalls struct {
	js jetstream.JetStream
	kv jetstream.KeyValue
	// stream is the stream behind kv, for latest; nil reads as get does.
	stream jetstream.Stream
	n      atomic.Int64
}

func (k *kvCalls) get(ctx context.Context, key string) (jetstream.KeyValueEntry, error) {
	k.n.Add(1)
	return k.kv.Get(ctx, key)
}

// existing reads a key that is known to exist, as an article listed in
// the band index: from a follower, as get does, or, where that has not
// stored it yet, from the leader.
func (k *kvCalls) existing(ctx context.Context, key string) (kvEntry, error) {
	e, err := k.get(ctx, key)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return k.latest(ctx, key)
	}
	return e, err
}

// kvEntry is what the compare stage reads of a key: a
// jetstream.KeyValueEntry, or a kvValue.
type kvEntry interface {
	Value() []byte
	Revision() uint64
}

// kvValue is a key's value and revision as latest reads them.
type kvValue struct {
	value []byte
	rev   uint64
}

func (v kvValue) Value() []byte    { return v.value }
func (v kvValue) Revision() uint64 { return v.rev }

// latest reads a key from its stream's leader, after a swap lost to a
// revision that get may not see yet: get may be answered by a follower
// (direct get), which on a busy cluster lags the leader, and a swap
// retried from what it read would lose again, up to casAttempts times. The
// state bucket never deletes a key, so the last message is the value.
func (k *kvCalls) latest(ctx context.Context, key string) (kvEntry, error) {
	if k.stream == nil {
		return k.get(ctx, key)
	}
	k.n.Add(1)
	m, err := k.stream.GetLastMsgForSubject(ctx, "$KV."+k.kv.Bucket()+"."+key)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return nil, jetstream.ErrKeyNotFound
	}
	if err != nil {
		return nil, err
	}
	return kvValue{m.Data, m.Sequence}, nil
}

// create stores v under key unless the key holds a value, in one round
// trip. KeyValue.Create reads the key back after a failed create, to tell a
// delete marker from a value; the state bucket never deletes a key, so the
// conflict alone says the key holds a value.
func (k *kvCalls) create(ctx context.Context, key string, v []byte) (uint64, error) {
	return k.update(ctx, key, v, 0)
}

// swapMsg stores v under key of the bucket whose subjects start with
// prefix if the key's last revision is rev, 0 for none: a
// compare-and-swap.
func swapMsg(prefix, key string, v []byte, rev uint64) *nats.Msg {
	m := nats.NewMsg(prefix + key)
	m.Data = v
	m.Header.Set(jetstream.ExpectedLastSubjSeqHeader, strconv.FormatUint(rev, 10))
	return m
}

// update stores v under key if the key is still at revision rev, as
// KeyValue.Update does, without checking the key against a regular
// expression on every call: the stage builds its keys from validated
// collection names, fixed kinds and hashes.
func (k *kvCalls) update(ctx context.Context, key string, v []byte, rev uint64) (uint64, error) {
	k.n.Add(1)
	return publishMsg(ctx, k.js, swapMsg("$KV."+k.kv.Bucket()+".", key, v, rev))
}

// write creates key when rev is 0 and updates it from rev otherwise.
func (k *kvCalls) write(ctx context.Context, key string, v []byte, rev uint64) (uint64, error) {
	if rev == 0 {
		return k.create(ctx, key, v)
	}
	return k.update(ctx, key, v, rev)
}

func (c *comparer) handle(ctx context.Context, m jetstream.Msg) error {
	var in ClaimsMsg
	if err := decodeOwn(m, &in); err != nil {
		return err
	}
	coll, a := in.Collection, in.Article
	if p := Partition(coll); !c.owns[p] {
		return fmt.Errorf("claims of %s: part %d: %w", coll, p, errNotOwned)
	}
	kv := &kvCalls{js: c.js, kv: c.bucket(coll), stream: c.streams[Partition(coll)]}
	doc, rev, err := c.storeDoc(ctx, kv, coll, a, in.Fingerprint)
	if err != nil {
		return err
	}
	original, err := c.findCopy(ctx, kv, coll, a, in.Fingerprint)
	if err != nil {
		return err
	}
	story := doc.Story // set when this is a redelivery
	if story == "" && a.Story != "" {
		// Filed by its submitter, who knew the whole batch (verify): the
		// story does not depend on which article came first.
		story = a.Story
	}
	if story == "" {
		// An article with no claim that needs its story joins one it
		// matches but founds none: stories are numbered by the articles
		// that need them, so a run of one story with other articles about
		// named things only still has its story numbered FirstStory.
		scoped := slices.ContainsFunc(in.Claims, func(cl extract.Claim) bool {
			return compare.Comparable(cl) && compare.StoryScoped(cl)
		})
		if story, err = c.file(ctx, kv, coll, a, &in, original, scoped); err != nil {
			return err
		}
		if story != "" {
			if story, err = c.setStory(ctx, kv, coll, doc, rev, story); err != nil {
				return err
			}
		}
	}
	copyOf := ""
	if original != nil {
		copyOf = original.ID
	}

	groups := make(map[string][]compare.Entry)
	for _, cl := range in.Claims {
		if !compare.Comparable(cl) {
			continue
		}
		// Judging does not read the sentence, which is most of a claim:
		// the group keeps the claim without it, except for a figure
		// compared only with its own copies, whose key is its sentence.
		if !compare.Alone(cl) {
			cl.Sentence = ""
		}
		e := compare.Entry{Claim: cl, Source: a.Source, Published: a.Published, CopyOf: copyOf, Seq: a.Seq, Story: story}
		k := compare.GroupKey(e)
		groups[k] = append(groups[k], e)
	}
	keys := slices.Sorted(maps.Keys(groups))
	// Groups are independent keys: update them at once, then store every
	// event with one wait for all the acknowledgements.
	events := make([]VerdictEvent, len(keys))
	err = inParallel(len(keys), groupsInFlight, func(i int) error {
		var err error
		events[i], err = c.update(ctx, kv, coll, keys[i], a.ID, groups[keys[i]])
		return err
	})
	if err != nil {
		return err
	}
	msgs := make([]*nats.Msg, len(events))
	for i, ev := range events {
		subj := verdictSubject(coll, string(ev.Verdict.Status), ev.Verdict.Subject)
		data, err := json.Marshal(ev)
		if err != nil {
			return permanent(fmt.Errorf("encode %s: %w", subj, err))
		}
		msgs[i] = idMsg(subj, fmt.Sprintf("%s.v.%s.%d", coll, ev.Verdict.ID, ev.Version), data)
	}
	if err := c.events.publishAll(ctx, msgs); err != nil {
		return err
	}
	done := ComparedMsg{Collection: coll, Article: a.ID, CopyOf: copyOf, Story: story, Groups: len(keys), KVOps: int(kv.n.Load())}
	return publishJSON(ctx, c.js, comparedSubject(coll, a.ID), coll+".c."+a.ID, done)
}

// storeDoc stores an article's fingerprint before its bands, so that an
// article that finds it in a band can read it. A redelivered article finds
// its state already there, with its story if it got that far.
func (c *comparer) storeDoc(ctx context.Context, kv *kvCalls, coll string, a ArticleMeta, fp compare.Fingerprint) (docState, uint64, error) {
	key := stateKey(coll, "doc", a.ID)
	doc := docState{ArticleMeta: a, Fingerprint: fp}
	data, err := json.Marshal(doc)
	if err != nil {
		return doc, 0, permanent(err)
	}
	rev, err := kv.create(ctx, key, data)
	if err == nil {
		c.docs.put(key, doc)
		return doc, rev, nil
	}
	if !casConflict(err) {
		return doc, 0, fmt.Errorf("store fingerprint of %s: %w", a.ID, err)
	}
	e, err := kv.latest(ctx, key)
	if err != nil {
		return doc, 0, fmt.Errorf("fingerprint of %s: %w", a.ID, err)
	}
	var stored docState
	if err := json.Unmarshal(e.Value(), &stored); err != nil {
		return doc, 0, permanent(fmt.Errorf("fingerprint of %s: %w", a.ID, err))
	}
	doc.Story = stored.Story
	return doc, e.Revision(), nil
}

// setStory records the story an article is filed under. Should a duplicate
// delivery of the same article have recorded one first, that one stands.
func (c *comparer) setStory(ctx context.Context, kv *kvCalls, coll string, doc docState, rev uint64, story string) (string, error) {
	key := stateKey(coll, "doc", doc.ID)
	doc.Story = story
	data, err := json.Marshal(doc)
	if err != nil {
		return "", permanent(err)
	}
	for range casAttempts {
		_, err := kv.update(ctx, key, data, rev)
		if err == nil {
			c.docs.put(key, doc)
			return story, nil
		}
		if !casConflict(err) {
			return "", fmt.Errorf("story of %s: %w", doc.ID, err)
		}
		e, err := kv.latest(ctx, key)
		if err != nil {
			return "", fmt.Errorf("story of %s: %w", doc.ID, err)
		}
		var stored docState
		if json.Unmarshal(e.Value(), &stored) == nil && stored.Story != "" {
			c.docs.put(key, stored)
			return stored.Story, nil
		}
		rev = e.Revision()
	}
	return "", fmt.Errorf("story of %s: still contended after %d attempts", doc.ID, casAttempts)
}

// findCopy finds an earlier article this one copies, through
// locality-sensitive hash bands: each band lists the articles that share
// it, held in this process's index, so finding candidates costs one publish
// however many articles the collection holds. It returns the original's
// state, or nil.
func (c *comparer) findCopy(ctx context.Context, kv *kvCalls, coll string, a ArticleMeta, fp compare.Fingerprint) (*docState, error) {
	lists, err := c.storeBands(ctx, kv, coll, a.ID, fp.Bands(compare.DefaultBands))
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool)
	var candidates []string
	for _, ids := range lists {
		for _, id := range ids {
			if id != a.ID && !seen[id] {
				seen[id] = true
				candidates = append(candidates, id)
			}
		}
	}
	slices.Sort(candidates)
	docs := make([]*docState, len(candidates))
	err = inParallel(len(candidates), readsInFlight, func(i int) error {
		key := stateKey(coll, "doc", candidates[i])
		d, ok := c.docs.get(key)
		if !ok {
			e, err := kv.existing(ctx, key)
			if err != nil {
				return fmt.Errorf("fingerprint of %s: %w", candidates[i], err)
			}
			if json.Unmarshal(e.Value(), &d) != nil {
				return nil
			}
			c.docs.put(key, d)
		}
		if fp.NearDuplicate(d.Fingerprint) {
			docs[i] = &d
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var best *docState
	for _, d := range docs {
		if d != nil && (best == nil || earlier(d.ArticleMeta, best.ArticleMeta)) {
			best = d
		}
	}
	if best != nil && best.Story == "" {
		// Cached before its story was set, maybe.
		key := stateKey(coll, "doc", best.ID)
		e, err := kv.latest(ctx, key)
		if err != nil {
			return nil, fmt.Errorf("story of %s: %w", best.ID, err)
		}
		var d docState
		if json.Unmarshal(e.Value(), &d) == nil {
			best = &d
			c.docs.put(key, d)
		}
	}
	return best, nil
}

// storeBands stores an article's bands in StreamBands and returns, once
// this process's index has them, the band lists as they were before it.
//
// An article without bands stores its (empty) message all the same: the
// wait for it brings the index up to the article's arrival, which is what
// file reads the stories of the article's names from.
func (c *comparer) storeBands(ctx context.Context, kv *kvCalls, coll, id string, bands []string) ([][]string, error) {
	kv.n.Add(1)
	seq, err := publishMsg(ctx, c.js, bandsMsg(coll, id, bands))
	if err != nil {
		return nil, fmt.Errorf("bands of %s: %w", id, err)
	}
	wait, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	if err := c.index.wait(wait, seq); err != nil {
		return nil, fmt.Errorf("bands of %s: %w", id, err)
	}
	return c.index.before(coll, id, bands), nil
}

// file finds the story of an article (see compare.Stories): a copy's is its
// original's; otherwise the story compare.MatchStory picks from the stories
// filed under the article's names, or a new one if mayFound, else none
// (""). The article's names are then filed under its story, in one message
// of StreamBands. The index has applied the stream up to the article's
// bands (findCopy), so it holds every story filed before the article
// arrived; one filed by another process meanwhile is in the story log,
// which found reads before founding another.
func (c *comparer) file(ctx context.Context, kv *kvCalls, coll string, a ArticleMeta, in *ClaimsMsg, original *docState, mayFound bool) (string, error) {
	if original != nil && original.Story != "" {
		// Its names are its original's, filed already.
		return original.Story, nil
	}
	names := in.Names
	if names == nil {
		// Claims extracted before names were: their sentences will do.
		names = compare.Entities(a.Title, a.Source, compare.ClaimText(in.Claims))
	}
	hashes := make([]string, len(names))
	for i, n := range names {
		hashes[i] = nameHash(n)
	}
	for attempt := range casAttempts {
		got := c.index.storiesOf(coll, hashes)
		lists := make(map[string][]string, len(names))
		for i, n := range names {
			lists[n] = got[i]
		}
		story, ok := compare.MatchStory(names, lists)
		if !ok && !mayFound {
			return "", nil
		}
		if !ok {
			var err error
			if story, ok, err = c.found(ctx, kv, coll, a.ID, names, lists, attempt > 0); err != nil {
				return "", err
			}
			if !ok {
				continue // another worker founded a story meanwhile: read again
			}
		}
		var missing []string
		for i, h := range hashes {
			if !slices.Contains(got[i], story) {
				missing = append(missing, h)
			}
		}
		if len(missing) > 0 {
			kv.n.Add(1)
			if _, err := publishMsg(ctx, c.js, storyMsg(coll, a.ID, story, missing)); err != nil {
				return "", fmt.Errorf("file %s under story %s: %w", a.ID, story, err)
			}
		}
		return story, nil
	}
	return "", fmt.Errorf("story of %s: still contended after %d attempts", a.ID, casAttempts)
}

// found founds a story for an article that matched none listed under its
// names, unless the log shows one founded since that matches, or that this
// article founded before (a redelivery). ok is false when the log changed
// under the swap; the next call, again, reads it from the leader.
func (c *comparer) found(ctx context.Context, kv *kvCalls, coll, article string, names []string, lists map[string][]string, again bool) (story string, ok bool, err error) {
	key := stateKey(coll, "stories", "log")
	var log storyLog
	var rev uint64
	var e kvEntry
	if again {
		e, err = kv.latest(ctx, key)
	} else {
		e, err = kv.get(ctx, key)
	}
	switch {
	case err == nil:
		rev = e.Revision()
		if err := json.Unmarshal(e.Value(), &log); err != nil {
			return "", false, permanent(fmt.Errorf("story log %s: %w", key, err))
		}
	case !errors.Is(err, jetstream.ErrKeyNotFound):
		return "", false, fmt.Errorf("story log %s: %w", key, err)
	}
	merged := maps.Clone(lists)
	for _, f := range log.Recent {
		if f.Founder == article {
			return f.ID, true, nil
		}
		for _, n := range f.Names {
			if _, ok := merged[n]; ok {
				merged[n] = compare.AddStory(slices.Clone(merged[n]), f.ID)
			}
		}
	}
	if s, ok := compare.MatchStory(names, merged); ok {
		return s, true, nil
	}
	log.Founded++
	story = strconv.Itoa(log.Founded)
	log.Recent = append(log.Recent, foundStory{ID: story, Founder: article, Names: names})
	if n := len(log.Recent); n > storyLogLen {
		log.Recent = log.Recent[n-storyLogLen:]
	}
	data, err := json.Marshal(log)
	if err != nil {
		return "", false, permanent(err)
	}
	if _, err := kv.write(ctx, key, data, rev); err != nil {
		if casConflict(err) {
			return "", false, nil
		}
		return "", false, fmt.Errorf("story log %s: %w", key, err)
	}
	return story, true, nil
}

// update adds an article's entries to a group and judges it again. A
// redelivered article finds its entries already there and gets back the
// event of the version its write made (groupState.Writes), even when other
// articles wrote the group since: the write may have been stored with its
// acknowledgement lost, while the state bucket's leader changed, or the
// process may have died before sending the event. JetStream's duplicate
// window drops the event if it was sent.
// The first attempt starts from the cached group, or, for a group this
// process has not seen, from an empty one (a create, which fails if the
// group exists); every later attempt reads the group from the leader.
func (c *comparer) update(ctx context.Context, kv *kvCalls, coll, key, article string, entries []compare.Entry) (VerdictEvent, error) {
	kvKey := stateKey(coll, "g", shortHash(key))
	mu := &c.groupLocks[maphash.String(groupLockSeed, kvKey)%groupLockStripes]
	mu.Lock()
	defer mu.Unlock()
	for attempt := range casAttempts {
		st := groupState{Key: key}
		var (
			rev      uint64
			prevJSON [][]byte
		)
		if g, ok := c.groups.get(kvKey); attempt == 0 && ok {
			st, rev, prevJSON = g.st, g.rev, g.entries
		} else if attempt > 0 {
			e, err := kv.latest(ctx, kvKey)
			switch {
			case err == nil:
				rev = e.Revision()
				if err := unpackGroup(e.Value(), &st); err != nil {
					return VerdictEvent{}, permanent(fmt.Errorf("group %s: %w", kvKey, err))
				}
			case !errors.Is(err, jetstream.ErrKeyNotFound):
				return VerdictEvent{}, fmt.Errorf("group %s: %w", kvKey, err)
			}
		}
		if st.has(article) {
			// A redelivery, or a retry of a write that was stored though
			// it failed: the event of the version this article made.
			if ev, ok := st.writeEvent(coll, article); ok {
				return ev, nil
			}
			// A write the group no longer remembers: the group as it
			// stands (judged, if read).
			st.judge()
			return VerdictEvent{Collection: coll, Version: st.Version, Verdict: st.Verdict}, nil
		}
		prev := st.status()
		prevEntries := st.Entries
		st.add(article, entries)
		data, entriesJSON, err := encodeGroupReusing(st, prevEntries, prevJSON)
		if err != nil {
			return VerdictEvent{}, permanent(err)
		}
		newRev, err := kv.write(ctx, kvKey, data, rev)
		if err == nil {
			if len(st.Entries) > groupCacheEntries {
				c.groups.drop(kvKey)
			} else {
				c.groups.put(kvKey, cachedGroup{newRev, st, entriesJSON})
			}
			return VerdictEvent{Collection: coll, Version: st.Version, Previous: prev, Verdict: st.Verdict}, nil
		}
		c.groups.drop(kvKey)
		if !casConflict(err) {
			return VerdictEvent{}, fmt.Errorf("group %s: %w", kvKey, err)
		}
	}
	return VerdictEvent{}, fmt.Errorf("group %s: still contended after %d attempts", kvKey, casAttempts)
}

// A group's state is stored as JSON, plain when short, else behind a byte,
// which JSON never starts with, that says how it is compressed: zstdGroup
// now, s2Group before. A large group's entries repeat one another's fields,
// so compression shrinks it several times over, and with it the bytes the
// KV bucket writes on every update and the file-store blocks that its reads
// and swaps load. A group of a few claims, as most are, costs more to
// compress than its bytes cost to store: below plainGroupMax, storing it
// plain took 5% more articles a second through the pipeline (bench), and
// no more time or memory with 100,000 claims held (BenchmarkCompareArticle).
const (
	s2Group   = 0
	zstdGroup = 1
)

// plainGroupMax is the length of JSON from which a group is compressed.
const plainGroupMax = 8 << 10

// zstd at its fastest level stores the groups of BenchmarkCompareArticle's
// 100k case in about three quarters of the bytes s2 did. The encoder and
// decoder are safe for concurrent use.
var groupEncoder, groupDecoder = newGroupCodec()

func newGroupCodec() (*zstd.Encoder, *zstd.Decoder) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithLowerEncoderMem(true))
	if err != nil {
		panic(err) // only invalid options fail
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderLowmem(true))
	if err != nil {
		panic(err)
	}
	return enc, dec
}

// encodeGroup stores a group's state without its verdict but with its
// status (see groupState).
func encodeGroup(st groupState) ([]byte, error) {
	data, _, err := encodeGroupReusing(st, nil, nil)
	return data, err
}

// encodeGroupReusing is encodeGroup for a group whose previous state had
// entries prev, encoded as prevJSON (nil if not kept): an entry never
// changes once in a group, so its JSON is copied rather than encoded
// again, and only the article's new entries, and any folded ones, are.
// The group's JSON is the same bytes either way (TestGroupReusesEntries).
// It returns, for a group stored plain, each entry's JSON within the
// stored bytes, for the next update to reuse; nil for one compressed.
func encodeGroupReusing(st groupState, prev []compare.Entry, prevJSON [][]byte) (data []byte, entries [][]byte, err error) {
	buf := groupBufs.Get().(*bytes.Buffer)
	defer groupBufs.Put(buf)
	buf.Reset()
	// encoding/json's encoding of a groupState without its verdict,
	// field by field.
	buf.WriteString(`{"key":`)
	if err := appendJSON(buf, st.Key); err != nil {
		return nil, nil, err
	}
	buf.WriteString(`,"version":`)
	buf.WriteString(strconv.Itoa(st.Version))
	buf.WriteString(`,"entries":`)
	if len(prevJSON) != len(prev) {
		prev = nil // no JSON kept to copy
	}
	offs := make([]int, 0, 2*len(st.Entries))
	if st.Entries == nil {
		buf.WriteString("null")
	} else {
		buf.WriteByte('[')
		j := 0 // prev is sorted by claim id, as st.Entries is
		for i, e := range st.Entries {
			if i > 0 {
				buf.WriteByte(',')
			}
			for j < len(prev) && prev[j].Claim.ID < e.Claim.ID {
				j++
			}
			start := buf.Len()
			if j < len(prev) && e.Fold == nil && prev[j].Fold == nil && e.Claim.ID != "" &&
				prev[j].Claim.ID == e.Claim.ID && prev[j].Claim.Article == e.Claim.Article {
				buf.Write(prevJSON[j])
			} else if err := appendJSON(buf, e); err != nil {
				return nil, nil, err
			}
			offs = append(offs, start, buf.Len())
		}
		buf.WriteByte(']')
	}
	if st.Verdict.Status != "" {
		buf.WriteString(`,"status":`)
		if err := appendJSON(buf, st.Verdict.Status); err != nil {
			return nil, nil, err
		}
	}
	if len(st.Folded) > 0 {
		buf.WriteString(`,"folded":`)
		if err := appendJSON(buf, st.Folded); err != nil {
			return nil, nil, err
		}
	}
	if len(st.Writes) > 0 {
		buf.WriteString(`,"writes":`)
		if err := appendJSON(buf, st.Writes); err != nil {
			return nil, nil, err
		}
	}
	buf.WriteByte('}')
	plain := buf.Bytes()
	if len(plain) >= plainGroupMax {
		return groupEncoder.EncodeAll(plain, []byte{zstdGroup}), nil, nil
	}
	data = bytes.Clone(plain)
	entries = make([][]byte, len(offs)/2)
	for i := range entries {
		entries[i] = data[offs[2*i]:offs[2*i+1]:offs[2*i+1]]
	}
	return data, entries, nil
}

// appendJSON appends v's JSON to buf as encoding/json encodes it within a
// struct: HTML characters escaped, no newline.
func appendJSON(buf *bytes.Buffer, v any) error {
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	return nil
}

// groupBufs hold groups' plain JSON between the codec and the compressor:
// the compare stage encodes about fifteen groups an article, and their
// JSON, up to some 100 KB for a large group, would otherwise be garbage
// each time.
var groupBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// plainBufs hold groups' plain JSON as read, decompressed, for as long as
// it takes to unmarshal.
var plainBufs = sync.Pool{New: func() any { return new([]byte) }}

// decodeGroup reads a group's state as any version stored it, and judges
// its entries unless the state holds its verdict, as states stored before
// verdicts were left out do.
func decodeGroup(data []byte, st *groupState) error {
	if err := unpackGroup(data, st); err != nil {
		return err
	}
	st.judge()
	return nil
}

// judge sets the group's verdict from its entries unless it has one.
func (g *groupState) judge() {
	if g.Verdict.ID == "" && len(g.Entries) > 0 {
		g.Verdict = compare.Judge(g.Entries)
		g.Verdict.Key = "" // as a stored verdict had it (not in its JSON)
	}
}

// status is the status of the group's verdict: the verdict's if the group
// has one, else the stored status, else (a state stored before statuses
// were) its entries judged.
func (g *groupState) status() compare.Status {
	if g.Verdict.ID == "" && g.Status != "" {
		return g.Status
	}
	g.judge()
	return g.Verdict.Status
}

// unpackGroup reads a group's state as any version stored it, without
// judging it: its verdict is set only if the state stored one.
func unpackGroup(data []byte, st *groupState) error {
	var err error
	if len(data) > 0 {
		switch data[0] {
		case zstdGroup:
			// Unmarshal copies what it keeps out of the plain JSON, so its
			// buffer goes back to the pool.
			p := plainBufs.Get().(*[]byte)
			var plain []byte
			plain, err = groupDecoder.DecodeAll(data[1:], (*p)[:0])
			defer func() { *p = plain[:0]; plainBufs.Put(p) }()
			data = plain
		case s2Group:
			data, err = s2.Decode(nil, data[1:])
		}
	}
	if err != nil {
		return err
	}
	return unmarshalOwn(data, st)
}

// inParallel runs fn(0..n-1) with at most limit at once and returns their
// errors joined.
func inParallel(n, limit int, fn func(i int) error) error {
	switch n {
	case 0:
		return nil
	case 1:
		return fn(0)
	}
	errs := make([]error, n)
	sem := make(chan struct{}, limit)
	var wg sync.WaitGroup
	for i := range n {
		sem <- struct{}{}
		wg.Add(1)
		goSpare(func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = fn(i)
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// spare is where goSpare's idle goroutines wait for work.
var spare = make(chan func())

// goSpare runs f on an idle goroutine that ran such work before, or on a
// new one, which then waits for more. A group update or a read, with the
// JSON, hashing and publishing it calls, needs some 16 KB of stack: a new
// goroutine per call grew its stack, copying it, every time (1.6% of the
// pipeline's CPU in bench), where one kept has grown already. The
// goroutines kept are as many as ever ran such work at once, which the
// compare stage's concurrent messages and inParallel's limits bound.
func goSpare(f func()) {
	select {
	case spare <- f:
	default:
		// f is the goroutine's own variable, not goSpare's captured one:
		// dead once called, it keeps nothing of the last job while idle.
		go func(f func()) {
			for {
				f()
				f = <-spare
			}
		}(f)
	}
}

// earlier orders articles by publication date, then arrival. Which of two
// near-duplicates a copy is linked to may so depend on arrival; judging
// takes the links as undirected (compare.Judge) and Collect marks copies
// anew (compare.Copies), so the verdicts do not.
func earlier(a, b ArticleMeta) bool {
	if a.Published != b.Published && a.Published != "" && b.Published != "" {
		return a.Published < b.Published
	}
	return a.Seq < b.Seq
}

// casConflict reports whether a swap (kvCalls.update) failed because the
// key was not at the expected revision; the second code is what a
// replicated stream says.
func casConflict(err error) bool {
	var apiErr *jetstream.APIError
	return errors.As(err, &apiErr) && (apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequence ||
		apiErr.ErrorCode == jetstream.JSErrCodeStreamWrongLastSequenceConstant)
}
