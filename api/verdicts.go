package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/pipeline"
)

// VerdictState is one verdict as GET /v1/verdicts reports it: the verdict of
// the JSON contract with the version of its group.
type VerdictState struct {
	compare.Verdict
	Version int `json:"version"`
}

// VerdictList is the answer to GET /v1/verdicts.
type VerdictList struct {
	Collection string         `json:"collection"`
	Verdicts   []VerdictState `json:"verdicts"`
}

func filterOf(r *http.Request) pipeline.VerdictFilter {
	q := r.URL.Query()
	return pipeline.VerdictFilter{Status: q.Get("status"), Subject: q.Get("subject")}
}

func (s *Server) getVerdicts(w http.ResponseWriter, r *http.Request) {
	f := filterOf(r)
	if err := f.Validate(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 30*time.Second)
	defer cancel()
	evs, err := s.client.Verdicts(ctx, s.cfg.Collection, f)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	out := VerdictList{Collection: s.cfg.Collection, Verdicts: make([]VerdictState, 0, len(evs))}
	for _, ev := range evs {
		out.Verdicts = append(out.Verdicts, VerdictState{Verdict: ev.Verdict, Version: ev.Version})
	}
	writeJSON(w, http.StatusOK, out)
}

// streamVerdicts sends verdict events as server-sent events: "id" is the
// event's sequence in the verdict stream, "event" is "verdict", "data" a
// pipeline.VerdictEvent. A client resumes with Last-Event-ID (as browsers'
// EventSource do on reconnect) or ?since=SEQ: events after SEQ, so since=0
// replays every stored event. Without either, only new events are sent.
func (s *Server) streamVerdicts(w http.ResponseWriter, r *http.Request) {
	f := filterOf(r)
	if err := f.Validate(); err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	after := int64(-1)
	resume := r.Header.Get("Last-Event-ID")
	if resume == "" {
		resume = r.URL.Query().Get("since")
	}
	if resume != "" {
		n, err := strconv.ParseUint(resume, 10, 63)
		if err != nil {
			writeError(w, http.StatusBadRequest, fmt.Sprintf("resume point %q: want a stream sequence number", resume))
			return
		}
		after = int64(n)
	}
	select {
	case s.streamSlots <- struct{}{}:
		defer func() { <-s.streamSlots }()
	default:
		w.Header().Set("Retry-After", strconv.Itoa(int(s.cfg.RetryAfter.Round(time.Second).Seconds())))
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("%d event streams open, the most this server keeps: try again later", s.cfg.MaxStreams))
		return
	}
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	defer context.AfterFunc(s.life, cancel)()
	// Subscribe before answering, so that a client that has seen the
	// headers has missed nothing.
	watch, err := s.streams.OpenVerdicts(ctx, s.cfg.Collection, f, after)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, err.Error())
		return
	}
	defer watch.Stop()
	rc := http.NewResponseController(w)
	// An event stream is long-lived by design: lift the server's write
	// deadline for this response alone.
	if err := rc.SetWriteDeadline(time.Time{}); err != nil && !errors.Is(err, http.ErrNotSupported) {
		writeError(w, http.StatusInternalServerError, err.Error())
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, ": crosscheck verdicts of "+s.cfg.Collection+"\n\n")
	if err := rc.Flush(); err != nil {
		return
	}
	s.metrics.sseClients.Inc()
	defer s.metrics.sseClients.Dec()

	type result struct {
		v   pipeline.StreamedVerdict
		err error
	}
	results := make(chan result)
	exited := make(chan struct{})
	defer func() { cancel(); <-exited }() // before watch.Stop: Next is not used concurrently with it
	go func() {
		defer close(exited)
		for {
			v, err := watch.Next(ctx)
			select {
			case results <- result{v, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case res := <-results:
			if res.err != nil {
				if ctx.Err() == nil {
					s.cfg.Log.Warn("verdict stream", "err", res.err)
					fmt.Fprintf(w, "event: error\ndata: %s\n\n", strconv.Quote(res.err.Error()))
					rc.Flush()
				}
				return
			}
			data, err := json.Marshal(res.v.VerdictEvent)
			if err != nil {
				return
			}
			if _, err := fmt.Fprintf(w, "id: %d\nevent: verdict\ndata: %s\n\n", res.v.Seq, data); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
		case <-tick.C:
			if _, err := fmt.Fprint(w, ": keep-alive\n\n"); err != nil {
				return
			}
			if err := rc.Flush(); err != nil {
				return
			}
		case <-ctx.Done():
			return
		}
	}
}
