package api

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/crosscheck/crosscheck/pipeline"
)

// metrics are the server's Prometheus metrics, in a registry of their own so
// that several servers (tests) can run in one process.
type metrics struct {
	reg         *prometheus.Registry
	submissions *prometheus.CounterVec
	verdicts    *prometheus.CounterVec
	sseClients  prometheus.Gauge
}

func newMetrics(client *pipeline.Client) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		submissions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "crosscheck_submissions_total",
			Help: "Articles posted to the API, by result: accepted, duplicate, invalid, too_large, throttled.",
		}, []string{"result"}),
		verdicts: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "crosscheck_verdict_events_total",
			Help: "Verdict events of the served collection stored since this server started, by status.",
		}, []string{"status"}),
		sseClients: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "crosscheck_verdict_stream_clients",
			Help: "Clients connected to GET /v1/verdicts/stream.",
		}),
	}
	for _, r := range []string{"accepted", "duplicate", "invalid", "too_large", "throttled"} {
		m.submissions.WithLabelValues(r)
	}
	for _, st := range pipeline.Statuses() {
		m.verdicts.WithLabelValues(string(st))
	}
	m.reg.MustRegister(m.submissions, m.verdicts, m.sseClients,
		&pipelineCollector{client: client},
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{ErrorHandling: promhttp.ContinueOnError})
}

// pipelineCollector reads the stages' backlog and the dead letters from
// JetStream at scrape time, so the numbers are the server's, not this
// process's.
type pipelineCollector struct {
	client *pipeline.Client
}

var (
	descPending = prometheus.NewDesc("crosscheck_stage_pending",
		"Messages waiting for a stage: its durable consumer's num_pending.", []string{"stage"}, nil)
	descAckPending = prometheus.NewDesc("crosscheck_stage_ack_pending",
		"Messages a stage is working on: its durable consumer's num_ack_pending.", []string{"stage"}, nil)
	descDead = prometheus.NewDesc("crosscheck_dead_letters",
		"Messages set aside in the dead-letter stream, all collections.", nil, nil)
)

func (c *pipelineCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descPending
	ch <- descAckPending
	ch <- descDead
}

func (c *pipelineCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	for _, stage := range pipeline.Stages() {
		lag, err := c.client.Lag(ctx, stage)
		if err != nil {
			ch <- prometheus.NewInvalidMetric(descPending, err)
			continue
		}
		ch <- prometheus.MustNewConstMetric(descPending, prometheus.GaugeValue, float64(lag.Pending), stage)
		ch <- prometheus.MustNewConstMetric(descAckPending, prometheus.GaugeValue, float64(lag.AckPending), stage)
	}
	n, err := c.client.DeadLetters(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(descDead, err)
		return
	}
	ch <- prometheus.MustNewConstMetric(descDead, prometheus.GaugeValue, float64(n))
}
