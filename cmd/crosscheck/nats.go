package main

import (
	"context"
	"flag"
	"os"
	"time"

	"github.com/crosscheck/crosscheck/pipeline"
)

// natsURL picks the server: the flag, else NATS_URL, else "" for embedded.
func natsURL(flagURL string) string {
	if flagURL != "" {
		return flagURL
	}
	return os.Getenv("NATS_URL")
}

// dial connects to url, or starts an embedded server when url is empty, with
// credentials and TLS from the environment.
func dial(ctx context.Context, url, name string) (*pipeline.Conn, error) {
	o := pipeline.DialOptionsFromEnv()
	o.URL = url
	return pipeline.Dial(ctx, name, o)
}

// closeConn closes c within 10 seconds, the bound a command without its own
// shutdown timeout keeps.
func closeConn(c *pipeline.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c.Close(ctx)
}

// registerNATS adds the connection flags to fs, with defaults from the
// environment (pipeline.DialOptionsFromEnv).
func registerNATS(fs *flag.FlagSet, o *pipeline.DialOptions) {
	env := pipeline.DialOptionsFromEnv()
	fs.StringVar(&o.URL, "nats", env.URL, "NATS server URL, may carry user:password (default $NATS_URL, else an embedded server)")
	fs.StringVar(&o.Creds, "nats-creds", env.Creds, "NATS credentials file (default $NATS_CREDS)")
	fs.StringVar(&o.TLSCA, "nats-tls-ca", env.TLSCA, "CA certificate to verify the NATS server (default $NATS_TLS_CA)")
	fs.StringVar(&o.TLSCert, "nats-tls-cert", env.TLSCert, "client certificate for NATS (default $NATS_TLS_CERT)")
	fs.StringVar(&o.TLSKey, "nats-tls-key", env.TLSKey, "client key for NATS (default $NATS_TLS_KEY)")
	fs.StringVar(&o.InboxPrefix, "nats-inbox-prefix", env.InboxPrefix, "reply subject prefix, e.g. _INBOX_newsroom (default $NATS_INBOX_PREFIX)")
	fs.StringVar(&o.NewsroomAPI, "newsroom-api", env.NewsroomAPI, "mirror the verdict stream into the newsroom account whose JetStream API this prefix reaches, e.g. NEWSROOM.API (deploy/nats-server.conf; default $CROSSCHECK_NEWSROOM_API)")
	fs.IntVar(&o.Replicas, "replicas", env.Replicas, "copies of every stream and the state bucket: 1 on a single server, 3 on a cluster (default $CROSSCHECK_REPLICAS, else what the streams have, 1 for new ones)")
}
