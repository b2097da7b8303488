package pipeline

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// Embedded is an in-process NATS server with JetStream, for running the whole
// pipeline on one machine with nothing installed.
type Embedded struct {
	srv     *server.Server
	tempDir string // removed on Shutdown when the server made it
}

// EmbeddedOptions configures StartEmbedded. The zero value is a server on a
// random loopback port with its store in a fresh temporary directory.
type EmbeddedOptions struct {
	StoreDir string // JetStream store; "" means a temporary directory
	Port     int    // 0 means a random free port
	Host     string // "" means 127.0.0.1
	// MaxPayload is the largest message the server takes; 0 means 4 MB,
	// room for articles of extract.MaxArticleBytes (see ArticleLimit).
	MaxPayload int32
}

// StartEmbedded starts an in-process NATS server with JetStream and waits
// until it accepts connections.
func StartEmbedded(opts EmbeddedOptions) (*Embedded, error) {
	e := &Embedded{}
	dir := opts.StoreDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "crosscheck-nats-")
		if err != nil {
			return nil, fmt.Errorf("embedded nats: %w", err)
		}
		dir, e.tempDir = tmp, tmp
	}
	port := opts.Port
	if port == 0 {
		port = server.RANDOM_PORT
	}
	host := opts.Host
	if host == "" {
		host = "127.0.0.1"
	}
	maxPayload := opts.MaxPayload
	if maxPayload == 0 {
		maxPayload = 4 << 20
	}
	srv, err := server.NewServer(&server.Options{
		Host:       host,
		Port:       port,
		JetStream:  true,
		StoreDir:   dir,
		NoSigs:     true,
		NoLog:      true,
		MaxPayload: maxPayload,
	})
	if err != nil {
		e.removeTemp()
		return nil, fmt.Errorf("embedded nats: %w", err)
	}
	srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		e.removeTemp()
		return nil, errors.New("embedded nats: not ready after 10s")
	}
	e.srv = srv
	return e, nil
}

// ClientURL is the address clients in other processes connect to.
func (e *Embedded) ClientURL() string { return e.srv.ClientURL() }

// Msgs counts the messages the server has taken in from clients and sent
// out to them since it started, JetStream's API requests, acks and
// deliveries included.
func (e *Embedded) Msgs() (in, out int64) {
	v, err := e.srv.Varz(nil)
	if err != nil {
		return 0, 0
	}
	return v.InMsgs, v.OutMsgs
}

// Connect opens an in-process connection to the server, bypassing TCP.
func (e *Embedded) Connect(name string) (*nats.Conn, error) {
	return nats.Connect("", nats.InProcessServer(e.srv), nats.Name(name))
}

// Shutdown stops the server, waiting for it to flush its store, bounded by
// ctx, and removes a temporary store.
func (e *Embedded) Shutdown(ctx context.Context) {
	done := make(chan struct{})
	go func() {
		e.srv.Shutdown()
		e.srv.WaitForShutdown()
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
	e.removeTemp()
}

func (e *Embedded) removeTemp() {
	if e.tempDir != "" {
		os.RemoveAll(e.tempDir)
	}
}
