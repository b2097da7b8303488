package pipeline

import (
	"strings"
	"testing"
)

// TestConnectOptions: a half-given client certificate is refused before
// dialling, and a password is not printed.
func TestConnectOptions(t *testing.T) {
	o := DialOptions{URL: "nats://env:4222", Creds: "/flag.creds", TLSCA: "/env-ca.pem", TLSCert: "/c.pem", InboxPrefix: "_INBOX_newsroom"}
	if _, err := o.connectOptions("x", nil); err == nil || !strings.Contains(err.Error(), "--nats-tls-key") {
		t.Errorf("connectOptions with a certificate and no key: %v, want an error naming --nats-tls-key", err)
	}
	o.TLSKey = "/k.pem"
	if opts, err := o.connectOptions("x", nil); err != nil || len(opts) != 9 {
		t.Errorf("connectOptions = %d options, %v; want name, drain timeout, closed handler, reconnects (2), creds, CA, client cert, inbox prefix", len(opts), err)
	}
	if got := Redact("nats://newsroom:secret@host:4222"); strings.Contains(got, "secret") {
		t.Errorf("Redact kept the password: %s", got)
	}
}
