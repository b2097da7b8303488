package pipeline

import (
	"context"
	"errors"
	"fmt"
	neturl "net/url"
	"os"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Conn is a connection to the pipeline's NATS, embedded or external. Its
// fields are safe for concurrent use; Close is not to be called twice at
// once.
type Conn struct {
	NC       *nats.Conn
	JS       jetstream.JetStream
	Embedded *Embedded // nil when connected to an external server

	opts   DialOptions   // as dialled, for Another
	closed chan struct{} // closed by the ClosedHandler
}

// DialOptions is how a process reaches NATS. Each field but StoreDir and
// NoSetup has an environment variable, named beside it, that
// DialOptionsFromEnv reads.
type DialOptions struct {
	URL         string // NATS_URL; "" starts an embedded server
	Creds       string // NATS_CREDS: a .creds file (JWT and nkey seed)
	TLSCA       string // NATS_TLS_CA: CA certificate to trust
	TLSCert     string // NATS_TLS_CERT: client certificate, with TLSKey
	TLSKey      string // NATS_TLS_KEY
	InboxPrefix string // NATS_INBOX_PREFIX: reply subjects, for users restricted to their own inbox
	StoreDir    string // embedded server only: JetStream store; "" means a temporary one
	// Replicas is CROSSCHECK_REPLICAS: copies of every stream and of the
	// state bucket (see SetupOptions.Replicas); 0 keeps what the streams
	// have, -1 marks a value that is not a number, which Dial reports.
	Replicas int
	// NewsroomAPI is CROSSCHECK_NEWSROOM_API: the prefix under which the
	// pipeline's account reaches a newsroom account's JetStream API, to
	// mirror the verdict stream there (see SetupOptions.NewsroomAPI); ""
	// for none.
	NewsroomAPI string
	// NoSetup skips creating streams: a user allowed only to read
	// verdicts (watch) cannot, and need not.
	NoSetup bool
	// DrainTimeout bounds Close's drain; 0 means 10 seconds. Close stops
	// at its context's deadline too, whichever comes first.
	DrainTimeout time.Duration
	// AckWait, when set, is how long a stage's message may be in flight
	// before it is redelivered (see SetAckWait); 0 keeps the default.
	AckWait time.Duration
}

// DialOptionsFromEnv reads the connection settings from the environment.
func DialOptionsFromEnv() DialOptions {
	return DialOptions{
		URL:         os.Getenv("NATS_URL"),
		Creds:       os.Getenv("NATS_CREDS"),
		TLSCA:       os.Getenv("NATS_TLS_CA"),
		TLSCert:     os.Getenv("NATS_TLS_CERT"),
		TLSKey:      os.Getenv("NATS_TLS_KEY"),
		InboxPrefix: os.Getenv("NATS_INBOX_PREFIX"),
		Replicas:    envReplicas(),
		NewsroomAPI: os.Getenv("CROSSCHECK_NEWSROOM_API"),
	}
}

// envReplicas is CROSSCHECK_REPLICAS, 0 when unset and -1 when not a
// number.
func envReplicas() int {
	v := os.Getenv("CROSSCHECK_REPLICAS")
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		return -1
	}
	return n
}

// connectOptions turns o into nats.go options.
func (o DialOptions) connectOptions(name string, closed nats.ConnHandler) ([]nats.Option, error) {
	opts := append(o.common(name, closed), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second))
	if o.Creds != "" {
		opts = append(opts, nats.UserCredentials(o.Creds))
	}
	if o.TLSCA != "" {
		opts = append(opts, nats.RootCAs(o.TLSCA))
	}
	switch {
	case o.TLSCert != "" && o.TLSKey != "":
		opts = append(opts, nats.ClientCert(o.TLSCert, o.TLSKey))
	case o.TLSCert != "" || o.TLSKey != "":
		return nil, errors.New("nats tls: a client certificate needs both --nats-tls-cert and --nats-tls-key")
	}
	if o.InboxPrefix != "" {
		opts = append(opts, nats.CustomInboxPrefix(o.InboxPrefix))
	}
	return opts, nil
}

// common is the options of every connection, embedded or not.
func (o DialOptions) common(name string, closed nats.ConnHandler) []nats.Option {
	drain := o.DrainTimeout
	if drain <= 0 {
		drain = 10 * time.Second
	}
	return []nats.Option{nats.Name(name), nats.DrainTimeout(drain), nats.ClosedHandler(closed)}
}

// Dial connects as o says, or starts an embedded server when o.URL is
// empty, and, unless o.NoSetup, makes sure the pipeline's streams exist and
// that its state is of this build's format (CheckFormat).
func Dial(ctx context.Context, name string, o DialOptions) (*Conn, error) {
	if o.Replicas < 0 {
		return nil, fmt.Errorf("replicas: want a number of servers, 1 to %d (--replicas, CROSSCHECK_REPLICAS=%q)", MaxReplicas, os.Getenv("CROSSCHECK_REPLICAS"))
	}
	c := &Conn{opts: o, closed: make(chan struct{})}
	if o.URL == "" {
		var err error
		if c.Embedded, err = StartEmbedded(EmbeddedOptions{StoreDir: o.StoreDir}); err != nil {
			return nil, err
		}
	}
	if err := c.connect(name, c.Embedded); err != nil {
		c.Close(ctx)
		return nil, err
	}
	if !o.NoSetup {
		if err := SetupWith(ctx, c.JS, SetupOptions{Replicas: o.Replicas, NewsroomAPI: o.NewsroomAPI}); err != nil {
			c.Close(ctx)
			return nil, err
		}
		if err := CheckFormat(ctx, c.JS); err != nil {
			c.Close(ctx)
			return nil, err
		}
		if o.AckWait > 0 {
			if err := SetAckWait(ctx, c.JS, o.AckWait); err != nil {
				c.Close(ctx)
				return nil, err
			}
		}
	}
	return c, nil
}

// connect opens c's connection, in-process to emb when it is set, else to
// c.opts.URL. On failure the caller closes c.
func (c *Conn) connect(name string, emb *Embedded) error {
	onClosed := func(*nats.Conn) { close(c.closed) }
	var err error
	if emb != nil {
		c.NC, err = nats.Connect("", append(c.opts.common(name, onClosed), nats.InProcessServer(emb.srv))...)
	} else {
		var opts []nats.Option
		if opts, err = c.opts.connectOptions(name, onClosed); err != nil {
			return err
		}
		c.NC, err = nats.Connect(c.opts.URL, opts...)
	}
	if err != nil {
		c.NC = nil
		return fmt.Errorf("connect to nats %s: %w", orEmbedded(Redact(c.opts.URL)), err)
	}
	if c.JS, err = jetstream.New(c.NC); err != nil {
		return fmt.Errorf("jetstream: %w", err)
	}
	return nil
}

// Another opens a second connection to c's server, embedded or not, with
// c's options and no setup: work that may fall behind, as serve's event
// streams, gets a connection of its own, so that a server that gives up on
// it as a slow consumer does not take c's with it. Closing it leaves c and
// its embedded server running.
func (c *Conn) Another(ctx context.Context, name string) (*Conn, error) {
	a := &Conn{opts: c.opts, closed: make(chan struct{})}
	if err := a.connect(name, c.Embedded); err != nil {
		a.Close(ctx)
		return nil, err
	}
	return a, nil
}

// Close drains the connection (subscriptions stop, what was published is
// flushed) and stops an embedded server. It returns by ctx's deadline or the
// drain timeout, whichever is first: the connection's ClosedHandler, not a
// poll, says when the drain is over.
func (c *Conn) Close(ctx context.Context) {
	if c.NC != nil {
		if err := c.NC.Drain(); err != nil {
			c.NC.Close()
		}
		select {
		case <-c.closed:
		case <-ctx.Done():
			c.NC.Close()
		}
	}
	if c.Embedded != nil {
		c.Embedded.Shutdown(ctx)
	}
}

// Redact hides a password in a URL before it is printed.
func Redact(u string) string {
	p, err := neturl.Parse(u)
	if err != nil || p.User == nil {
		return u
	}
	return p.Redacted()
}

func orEmbedded(url string) string {
	if url == "" {
		return "(embedded)"
	}
	return url
}

// SetAckWait sets how long each stage's consumer waits for a message's ack
// before it redelivers the message. Setup leaves it at 30 seconds; tests
// that kill stages shorten it.
func SetAckWait(ctx context.Context, js jetstream.JetStream, d time.Duration) error {
	for i, stage := range Stages() {
		for _, cfg := range stageConsumers(stage) {
			cfg.AckWait = d
			if _, err := js.CreateOrUpdateConsumer(ctx, inputStream[i], cfg); err != nil {
				return fmt.Errorf("set ack wait of %s: %w", cfg.Durable, err)
			}
		}
	}
	return nil
}
