package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	neturl "net/url"
	"os"
	"strconv"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/pipeline"
)

// errReported means the error was already printed for the user.
var errReported = errors.New("reported")

// conn is a connection to the pipeline's NATS, embedded or external.
type conn struct {
	nc  *nats.Conn
	js  jetstream.JetStream
	emb *pipeline.Embedded
}

// natsURL picks the server: the flag, else NATS_URL, else "" for embedded.
func natsURL(flagURL string) string {
	if flagURL != "" {
		return flagURL
	}
	return os.Getenv("NATS_URL")
}

// dial connects to url, or starts an embedded server when url is empty, and
// makes sure the pipeline's streams exist. Credentials and TLS come from the
// environment (see natsOptions).
func dial(ctx context.Context, url, name string) (*conn, error) {
	o := natsOptionsFromEnv()
	o.URL = url
	return dialWith(ctx, name, o)
}

// natsOptions is how a command reaches NATS. Each field has a flag (see
// register) whose default comes from the environment variable named beside it.
type natsOptions struct {
	URL         string // NATS_URL; "" starts an embedded server
	Creds       string // NATS_CREDS: a .creds file (JWT and nkey seed)
	TLSCA       string // NATS_TLS_CA: CA certificate to trust
	TLSCert     string // NATS_TLS_CERT: client certificate, with TLSKey
	TLSKey      string // NATS_TLS_KEY
	InboxPrefix string // NATS_INBOX_PREFIX: reply subjects, for users restricted to their own inbox
	StoreDir    string // embedded server only: JetStream store; "" means a temporary one
	// Replicas is CROSSCHECK_REPLICAS: copies of every stream (1 on a
	// single server, 3 on a cluster); 0 keeps what the streams have, -1
	// marks a value that is not a number.
	Replicas int
	// NoSetup skips creating streams: a user allowed only to read
	// verdicts (watch) cannot, and need not.
	NoSetup bool
}

func natsOptionsFromEnv() natsOptions {
	return natsOptions{
		URL:         os.Getenv("NATS_URL"),
		Creds:       os.Getenv("NATS_CREDS"),
		TLSCA:       os.Getenv("NATS_TLS_CA"),
		TLSCert:     os.Getenv("NATS_TLS_CERT"),
		TLSKey:      os.Getenv("NATS_TLS_KEY"),
		InboxPrefix: os.Getenv("NATS_INBOX_PREFIX"),
		Replicas:    envReplicas(),
	}
}

// envReplicas is CROSSCHECK_REPLICAS, 0 when unset and -1 when not a
// number, which dialWith reports.
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

// register adds the connection flags to fs, with defaults from the
// environment.
func (o *natsOptions) register(fs *flag.FlagSet) {
	env := natsOptionsFromEnv()
	fs.StringVar(&o.URL, "nats", env.URL, "NATS server URL, may carry user:password (default $NATS_URL, else an embedded server)")
	fs.StringVar(&o.Creds, "nats-creds", env.Creds, "NATS credentials file (default $NATS_CREDS)")
	fs.StringVar(&o.TLSCA, "nats-tls-ca", env.TLSCA, "CA certificate to verify the NATS server (default $NATS_TLS_CA)")
	fs.StringVar(&o.TLSCert, "nats-tls-cert", env.TLSCert, "client certificate for NATS (default $NATS_TLS_CERT)")
	fs.StringVar(&o.TLSKey, "nats-tls-key", env.TLSKey, "client key for NATS (default $NATS_TLS_KEY)")
	fs.StringVar(&o.InboxPrefix, "nats-inbox-prefix", env.InboxPrefix, "reply subject prefix, e.g. _INBOX_newsroom (default $NATS_INBOX_PREFIX)")
	fs.IntVar(&o.Replicas, "replicas", env.Replicas, "copies of every stream and the state bucket: 1 on a single server, 3 on a cluster (default $CROSSCHECK_REPLICAS, else what the streams have, 1 for new ones)")
}

// connectOptions turns o into nats.go options.
func (o natsOptions) connectOptions(name string) ([]nats.Option, error) {
	opts := []nats.Option{nats.Name(name), nats.MaxReconnects(-1), nats.ReconnectWait(time.Second)}
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

// dialWith connects as o says, or starts an embedded server when o.URL is
// empty, and, unless o.NoSetup, makes sure the pipeline's streams exist.
func dialWith(ctx context.Context, name string, o natsOptions) (*conn, error) {
	if o.Replicas < 0 {
		return nil, fmt.Errorf("replicas: want a number of servers, 1 to %d (--replicas, CROSSCHECK_REPLICAS=%q)", pipeline.MaxReplicas, os.Getenv("CROSSCHECK_REPLICAS"))
	}
	c := &conn{}
	var err error
	if o.URL == "" {
		if c.emb, err = pipeline.StartEmbedded(pipeline.EmbeddedOptions{StoreDir: o.StoreDir}); err != nil {
			return nil, err
		}
		c.nc, err = c.emb.Connect(name)
	} else {
		var opts []nats.Option
		if opts, err = o.connectOptions(name); err != nil {
			return nil, err
		}
		c.nc, err = nats.Connect(o.URL, opts...)
	}
	if err != nil {
		c.close()
		return nil, fmt.Errorf("connect to nats %s: %w", orEmbedded(redact(o.URL)), err)
	}
	if c.js, err = jetstream.New(c.nc); err != nil {
		c.close()
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	if !o.NoSetup {
		if err := pipeline.SetupWith(ctx, c.js, pipeline.SetupOptions{Replicas: o.Replicas}); err != nil {
			c.close()
			return nil, err
		}
	}
	return c, nil
}

// redact hides a password in a URL before it is printed.
func redact(u string) string {
	p, err := neturl.Parse(u)
	if err != nil || p.User == nil {
		return u
	}
	return p.Redacted()
}

// close drains the connection and stops an embedded server, bounded in time.
func (c *conn) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if c.nc != nil {
		c.nc.Drain()
		for c.nc.IsDraining() && ctx.Err() == nil {
			time.Sleep(10 * time.Millisecond)
		}
		c.nc.Close()
	}
	if c.emb != nil {
		c.emb.Shutdown(ctx)
	}
}

func orEmbedded(url string) string {
	if url == "" {
		return "(embedded)"
	}
	return url
}
