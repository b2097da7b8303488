package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/crosscheck/crosscheck/extract"
)

// TestTokenizeChecksInput: an article published straight on NATS (the
// submitter role) meets the checks POST /v1/articles applies; what fails
// one is set aside with the reason and goes no further (issue 22, hole 5).
func TestTokenizeChecksInput(t *testing.T) {
	_, js := startServer(t)
	tk, err := extract.NewTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	startStage(t, js, StageTokenize, tk)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	good := func(body string) extract.Article {
		return extract.Article{ID: extract.ArticleID(body), File: "x.txt", Source: "Daily Wire Service", Published: "2018-04-18", Body: body}
	}
	const telegram = "Telegram has 40 million users in Russia.\n"
	french, err := os.ReadFile("../fixtures/bad/french.txt")
	if err != nil {
		t.Fatal(err)
	}
	frenchBody := string(french[strings.Index(string(french), "\n---\n")+5:])
	withSource := func(a extract.Article, s string) extract.Article { a.Source = s; return a }
	withID := func(a extract.Article, id string) extract.Article { a.ID = id; return a }
	withPublished := func(a extract.Article, p string) extract.Article { a.Published = p; return a }
	withStory := func(a extract.Article, s string) extract.Article { a.Story = s; return a }
	tests := []struct {
		name    string
		subject string // "" means the article's collection's
		coll    string
		article extract.Article
		reason  string
	}{
		{"french", "", "c5", good(frenchBody), "unsupported language"},
		{"french 2.9 MB", "", "c5", good(strings.Repeat(frenchBody, 2950<<10/len(frenchBody))), "article too large"},
		{"empty", "", "c5", good("  \n"), "empty article"},
		{"no source", "", "c5", withSource(good(telegram+"1"), ""), "no source"},
		{"line break in source", "", "c5", withSource(good(telegram+"2"), "X\nY"), "line break"},
		{"id not the body's", "", "c5", withID(good(telegram+"3"), "a-000000000000"), "id"},
		{"bad date", "", "c5", withPublished(good(telegram+"4"), "last week"), "published"},
		{"bad story", "", "c5", withStory(good(telegram+"5"), "a story"), "story"},
		{"binary", "", "c5", good(telegram + strings.Repeat("\x01", 100)), "binary data"},
		{"collection not the subject's", articlesSubject("c5"), "evil-coll", good(telegram + "6"), "collection"},
		{"invalid collection", articlesSubject("c5"), "Evil Coll", good(telegram + "7"), "collection"},
	}
	dead, err := js.OrderedConsumer(ctx, StreamDead, jetstream.OrderedConsumerConfig{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			subject := tt.subject
			if subject == "" {
				subject = articlesSubject(tt.coll)
			}
			data, err := json.Marshal(ArticleMsg{Collection: tt.coll, Article: tt.article})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := js.Publish(ctx, subject, data); err != nil {
				t.Fatal(err)
			}
			m, err := dead.Next(jetstream.FetchMaxWait(20 * time.Second))
			if err != nil {
				t.Fatalf("no dead letter for %s: %v", tt.name, err)
			}
			var d DeadMsg
			if err := json.Unmarshal(m.Data(), &d); err != nil {
				t.Fatal(err)
			}
			if d.Stage != StageTokenize || string(d.Data) != string(data) {
				t.Fatalf("dead letter of %s on %s is not the article's", d.Stage, m.Subject())
			}
			if !strings.Contains(d.Reason, tt.reason) || d.Deliveries != 1 {
				t.Errorf("tokenize set %s aside after %d deliveries with %q, want 1 delivery and a reason with %q", tt.name, d.Deliveries, d.Reason, tt.reason)
			}
		})
	}
	// Nothing went further; a good article still does.
	data, _ := json.Marshal(ArticleMsg{Collection: "c5", Article: good(telegram)})
	if _, err := js.Publish(ctx, articlesSubject("c5"), data); err != nil {
		t.Fatal(err)
	}
	m := readOne(ctx, t, js, StreamDocs, "crosscheck.docs.*")
	if m.Subject() != docsSubject("c5") || !strings.Contains(string(m.Data()), extract.ArticleID(telegram)) {
		t.Errorf("first tokenized article on %s is not the good one", m.Subject())
	}
	if s, _ := js.Stream(ctx, StreamDocs); s.CachedInfo().State.Msgs != 1 {
		t.Errorf("%d tokenized articles, want only the good one", s.CachedInfo().State.Msgs)
	}
}

// TestTokenizeDropsResubmission: an article published again on NATS after
// the duplicate windows have passed is tokenized once (issue 22, hole 4).
func TestTokenizeDropsResubmission(t *testing.T) {
	_, js := startServer(t)
	tk, err := extract.NewTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// Short windows stand for the ten minutes of the real ones.
	for _, name := range []string{StreamArticles, StreamDocs} {
		s, err := js.Stream(ctx, name)
		if err != nil {
			t.Fatal(err)
		}
		cfg := s.CachedInfo().Config
		cfg.Duplicates = 100 * time.Millisecond
		if _, err := js.UpdateStream(ctx, cfg); err != nil {
			t.Fatal(err)
		}
	}
	startStage(t, js, StageTokenize, tk)
	docs, err := js.Stream(ctx, StreamDocs)
	if err != nil {
		t.Fatal(err)
	}
	tokenized := func() uint64 {
		info, err := docs.Info(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return info.State.Msgs
	}
	data, _ := json.Marshal(ArticleMsg{Collection: "c7", Article: mustParse(t, telegramArticles[0])})
	other, _ := json.Marshal(ArticleMsg{Collection: "c7", Article: mustParse(t, telegramArticles[1])})
	for i, msg := range [][]byte{data, data, other} {
		if _, err := js.Publish(ctx, articlesSubject("c7"), msg, jetstream.WithMsgID(fmt.Sprint("try-", i))); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			waitFor(t, func() bool { return tokenized() == 1 })
			time.Sleep(300 * time.Millisecond) // past the windows
		}
	}
	waitFor(t, func() bool { return tokenized() >= 2 })
	time.Sleep(300 * time.Millisecond)
	if n := tokenized(); n != 2 {
		t.Errorf("docs stream holds %d tokenized articles, want 2: the first copy and the other", n)
	}
}

func mustParse(t *testing.T, text string) extract.Article {
	t.Helper()
	a, err := extract.ParseArticle("a", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return a
}
