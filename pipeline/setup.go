package pipeline

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Retention for the work streams: long enough to replay a day's news, short
// enough that a busy server does not fill its disk.
const (
	workRetention    = 7 * 24 * time.Hour
	verdictRetention = 30 * 24 * time.Hour
	dedupWindow      = 10 * time.Minute
)

// SetupOptions configures SetupWith. The zero value is Setup's: streams
// keep the replicas they have, and new ones get one.
type SetupOptions struct {
	// Replicas is how many servers keep a copy of every stream, of the
	// stages' consumers and of the state bucket: 1 on a single server, 3
	// on a cluster of three or more, so that the pipeline carries on when
	// one server stops. Streams that exist with another count are changed
	// to it. 0 keeps the count each stream has, and gives new ones 1, so
	// that a process started without the setting does not scale a
	// cluster's streams down.
	Replicas int
	// AckWait is how long a stage's message may go unacknowledged before
	// it is delivered again; 0 means 30s. A message whose worker or
	// server went away is redelivered only after it, so a test of losing
	// a server shortens it.
	AckWait time.Duration
	// NewsroomAPI, when set, is the subject prefix under which the
	// pipeline's account reaches the JetStream API of a newsroom's account
	// (NEWSROOM.API in deploy/nats-server.conf): the verdict stream is
	// mirrored there (setupNewsroom), so that the newsroom reads verdicts
	// through consumers of its own account.
	NewsroomAPI string
}

// The mirror's way back into the pipeline's account, as a newsroom's
// account imports it (deploy/nats-server.conf): the consumer create API of
// StreamVerdicts under newsroomSourceAPI, and the consumer's deliveries
// under newsroomDeliver.
const (
	newsroomSourceAPI = "CROSSCHECK.API"
	newsroomDeliver   = "CROSSCHECK.DELIVER.NEWSROOM"
)

// MaxReplicas is the most copies JetStream keeps of a stream.
const MaxReplicas = 5

// Validate reports whether o can be applied.
func (o SetupOptions) Validate() error {
	if o.Replicas < 0 || o.Replicas > MaxReplicas {
		return fmt.Errorf("%w: replicas %d, want 1 to %d (or 0 to keep what each stream has)", ErrSetup, o.Replicas, MaxReplicas)
	}
	if o.AckWait < 0 {
		return fmt.Errorf("%w: ack wait %v", ErrSetup, o.AckWait)
	}
	if o.NewsroomAPI != "" && !validSubjectPrefix(o.NewsroomAPI) {
		return fmt.Errorf("%w: newsroom API prefix %q, want tokens of a subject without wildcards, such as NEWSROOM.API", ErrSetup, o.NewsroomAPI)
	}
	return nil
}

// validSubjectPrefix reports whether p is a subject of literal tokens.
func validSubjectPrefix(p string) bool {
	for tok := range strings.SplitSeq(p, ".") {
		if tok == "" || tok == "*" || tok == ">" || strings.ContainsAny(tok, " \t\r\n") {
			return false
		}
	}
	return true
}

// ErrSetup marks setup options that cannot be applied.
var ErrSetup = errors.New("invalid setup")

// Setup creates or updates every stream and bucket the pipeline uses. It is
// idempotent, so every process calls it at start. It is SetupWith with the
// zero SetupOptions.
func Setup(ctx context.Context, js jetstream.JetStream) error {
	return SetupWith(ctx, js, SetupOptions{})
}

// SetupWith is Setup with options. A stream whose replicas the server
// cannot change as asked is reported as a *ReplicasError, which says what to
// do.
func SetupWith(ctx context.Context, js jetstream.JetStream, o SetupOptions) error {
	if err := o.Validate(); err != nil {
		return err
	}
	streams := []jetstream.StreamConfig{
		{Name: StreamArticles, Subjects: []string{"crosscheck.articles.*"}, MaxAge: workRetention},
		{Name: StreamDocs, Subjects: []string{"crosscheck.docs.*"}, MaxAge: workRetention},
		{Name: StreamClaims, Subjects: []string{"crosscheck.claims.*.*"}, MaxAge: workRetention},
		{Name: StreamCompared, Subjects: []string{"crosscheck.compared.*.*"}, MaxAge: workRetention},
		{Name: StreamVerdicts, Subjects: []string{"crosscheck.verdicts.*.*.*"}, MaxAge: verdictRetention},
		{Name: StreamDead, Subjects: []string{"crosscheck.dead.*.*"}, MaxAge: verdictRetention},
		// Kept as long as the state bucket: a copy of an old article is
		// found through it.
		{Name: StreamBands, Subjects: []string{"crosscheck.bands.*.*"}},
	}
	replicas := make(map[string]int) // stream → its replicas
	for _, cfg := range streams {
		cfg.Storage = jetstream.FileStorage
		cfg.Duplicates = dedupWindow
		have, err := replicasOf(ctx, js, cfg.Name)
		if err != nil {
			return fmt.Errorf("setup stream %s: %w", cfg.Name, err)
		}
		cfg.Replicas = wantReplicas(o.Replicas, have)
		replicas[cfg.Name] = cfg.Replicas
		if _, err := js.CreateOrUpdateStream(ctx, cfg); err != nil {
			return replicasFailed(fmt.Sprintf("stream %s", cfg.Name), cfg.Name, have, cfg.Replicas, err)
		}
	}
	buckets := []string{BucketState}
	for p := range Partitions {
		buckets = append(buckets, PartitionBucket(p))
	}
	for _, bucket := range buckets {
		stream := "KV_" + bucket
		have, err := replicasOf(ctx, js, stream)
		if err != nil {
			return fmt.Errorf("setup bucket %s: %w", bucket, err)
		}
		want := wantReplicas(o.Replicas, have)
		if _, err := js.CreateOrUpdateKeyValue(ctx, jetstream.KeyValueConfig{
			Bucket:   bucket,
			Storage:  jetstream.FileStorage,
			History:  1,
			Replicas: want,
		}); err != nil {
			return replicasFailed(fmt.Sprintf("bucket %s", bucket), stream, have, want, err)
		}
	}
	for i, stage := range Stages() {
		for _, cfg := range stageConsumers(stage) {
			// Set, not left to follow the stream's (0): a consumer made
			// with the stream's one replica stays at one when the stream
			// is scaled up.
			cfg.Replicas = replicas[inputStream[i]]
			if o.AckWait > 0 {
				cfg.AckWait = o.AckWait
			}
			if err := setupConsumer(ctx, js, inputStream[i], cfg); err != nil {
				return fmt.Errorf("setup consumer %s: %w", cfg.Durable, err)
			}
		}
	}
	if o.NewsroomAPI != "" {
		return setupNewsroom(ctx, js, o.NewsroomAPI, replicas[StreamVerdicts])
	}
	return nil
}

// setupNewsroom creates or updates, in the newsroom's account reached
// through api, the stream StreamVerdicts as a mirror of the pipeline's: the
// same messages with the same sequences, so that watch and its --since
// work there unchanged. The newsroom's users may create consumers on it
// but not change it.
func setupNewsroom(ctx context.Context, js jetstream.JetStream, api string, replicas int) error {
	njs, err := jetstream.NewWithAPIPrefix(js.Conn(), api)
	if err != nil {
		return fmt.Errorf("setup newsroom mirror: %w", err)
	}
	cfg := jetstream.StreamConfig{
		Name:     StreamVerdicts,
		Storage:  jetstream.FileStorage,
		MaxAge:   verdictRetention,
		Replicas: replicas,
		Mirror: &jetstream.StreamSource{
			Name:     StreamVerdicts,
			External: &jetstream.ExternalStream{APIPrefix: newsroomSourceAPI, DeliverPrefix: newsroomDeliver},
		},
	}
	// Bounded: a server without the newsroom's account, or a user not
	// allowed its prefix, leaves the request unanswered.
	ctx, cancel := context.WithTimeout(ctx, newsroomSetupTimeout)
	defer cancel()
	if _, err := njs.CreateOrUpdateStream(ctx, cfg); err != nil {
		return fmt.Errorf("setup newsroom mirror of %s through %s (the server needs a newsroom account exporting its stream API there, "+
			"and this user may publish on %s.>, as in deploy/nats-server.conf): %w", StreamVerdicts, api, api, err)
	}
	return nil
}

// newsroomSetupTimeout bounds setupNewsroom.
const newsroomSetupTimeout = 10 * time.Second

// setupConsumer creates or updates a consumer. A cluster applies a stream's
// new replicas after it answers the update, so a consumer scaled with it may
// for a moment exceed the stream's: that is asked again, for up to 10s.
func setupConsumer(ctx context.Context, js jetstream.JetStream, stream string, cfg jetstream.ConsumerConfig) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := js.CreateOrUpdateConsumer(ctx, stream, cfg)
		var apiErr *jetstream.APIError
		if err == nil || !errors.As(err, &apiErr) || apiErr.ErrorCode != errCodeReplicasExceedStream || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// bucketStream is the stream that holds BucketState.
const bucketStream = "KV_" + BucketState

// replicasOf is how many replicas stream has, 0 if it does not exist.
func replicasOf(ctx context.Context, js jetstream.JetStream, stream string) (int, error) {
	s, err := js.Stream(ctx, stream)
	if errors.Is(err, jetstream.ErrStreamNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return max(s.CachedInfo().Config.Replicas, 1), nil
}

// wantReplicas is the replicas a stream that has have (0: none yet) gets
// when asked for asked (0: keep).
func wantReplicas(asked, have int) int {
	switch {
	case asked > 0:
		return asked
	case have > 0:
		return have
	}
	return 1
}

// ReplicasError is a stream, or the state bucket's stream, that the server
// would not create or scale to the replicas asked for. Its message says what
// to do.
type ReplicasError struct {
	What   string // "stream CROSSCHECK_ARTICLES" or "bucket crosscheck_state"
	Stream string
	Have   int // replicas it has, 0 if it does not exist
	Want   int
	Err    error // the server's answer
}

var _ error = (*ReplicasError)(nil)

func (e *ReplicasError) Error() string {
	var change, todo string
	if e.Have == 0 {
		change = fmt.Sprintf("create with %d replicas", e.Want)
	} else {
		change = fmt.Sprintf("change replicas from %d to %d", e.Have, e.Want)
	}
	var apiErr *jetstream.APIError
	errors.As(e.Err, &apiErr)
	switch {
	case apiErr != nil && apiErr.ErrorCode == errCodeReplicasNotSupported:
		todo = "the server is not part of a JetStream cluster: run with --replicas 1 (CROSSCHECK_REPLICAS=1), or cluster it with at least that many servers"
	case apiErr != nil && (apiErr.ErrorCode == errCodeNoPeers || apiErr.ErrorCode == errCodeInsufficientResources):
		todo = fmt.Sprintf("the cluster has fewer than %d servers with JetStream that can take it: start more, or run with --replicas set to the servers there are", e.Want)
	case apiErr != nil && apiErr.ErrorCode == errCodeReplicasNotUpdatable:
		todo = fmt.Sprintf("this server cannot change a stream's replicas: back it up, delete and restore it with %d replicas (nats stream backup, rm, restore --replicas %d), or run with --replicas %d", e.Want, e.Want, e.Have)
	default:
		todo = fmt.Sprintf("check that every server of the cluster is up and has JetStream, or run with --replicas %d to keep it as it is", max(e.Have, 1))
	}
	return fmt.Sprintf("setup %s: %s: %v; %s", e.What, change, e.Err, todo)
}

func (e *ReplicasError) Unwrap() error { return e.Err }

// JetStream's error codes for replicas it cannot place or change.
const (
	errCodeNoPeers               jetstream.ErrorCode = 10005
	errCodeInsufficientResources jetstream.ErrorCode = 10023
	errCodeReplicasNotUpdatable  jetstream.ErrorCode = 10061
	errCodeReplicasNotSupported  jetstream.ErrorCode = 10074
	errCodeReplicasExceedStream  jetstream.ErrorCode = 10126
)

// replicasFailed reports a failed create or update of a stream: as a
// *ReplicasError when its replicas were to be set or changed, else as it
// came.
func replicasFailed(what, stream string, have, want int, err error) error {
	if have == want || (have == 0 && want == 1) {
		return fmt.Errorf("setup %s: %w", what, err)
	}
	return &ReplicasError{What: what, Stream: stream, Have: have, Want: want, Err: err}
}

// inputStream is the stream each stage of Stages consumes.
var inputStream = []string{StreamArticles, StreamDocs, StreamClaims}

// maxDeliver bounds how often a message is tried before it is set aside in
// the dead-letter stream.
const maxDeliver = 5

// stageConsumers is the config of each durable consumer of a stage: the
// compare stage has one per part, filtered to the part's claims.
func stageConsumers(stage string) []jetstream.ConsumerConfig {
	if stage != StageCompare {
		return []jetstream.ConsumerConfig{consumerConfig(stage)}
	}
	var cfgs []jetstream.ConsumerConfig
	for p := range Partitions {
		cfg := consumerConfig(PartitionConsumer(p))
		cfg.Description = fmt.Sprintf("crosscheck compare stage, part %d of %d", p, Partitions)
		cfg.FilterSubject = "crosscheck.claims." + partitionToken(p) + ".*"
		cfgs = append(cfgs, cfg)
	}
	return cfgs
}

// consumerConfig is the config of a stage's durable consumer, name.
func consumerConfig(name string) jetstream.ConsumerConfig {
	return jetstream.ConsumerConfig{
		Durable:       name,
		Description:   "crosscheck " + name + " stage",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       30 * time.Second,
		MaxDeliver:    maxDeliver,
		MaxAckPending: 1024,
		DeliverPolicy: jetstream.DeliverAllPolicy,
	}
}
