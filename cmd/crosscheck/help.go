package main

import (
	"context"
	"fmt"
	"github.com/crosscheck/crosscheck/internal/cli"
	"io"
	"strings"
)

// command is one subcommand: how it is called and what it does, for help.
type command struct {
	name    string
	args    string // after the name: "[flags] FILE..."
	summary string // one line for the command list
	doc     string // what it does, in a few lines; its flags are listed after
	run     func(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order help shows them.
var commands = []command{
	{
		name: "verify", args: "[flags] FILE...",
		summary: "run articles through the pipeline and print claims and verdicts",
		doc: `Reads each FILE (- for standard input) as an article: plain text with
optional front matter (source, published, url, title) or an HTML page
saved from a browser. Runs the tokenize, extract and compare stages in this
process (or relies on running 'crosscheck stage' processes) and prints every
article's claims and the verdicts across sources. A file that cannot be read
is reported on stderr and the exit status is 1; the others are still verified.

The text tables fit COLUMNS, else the terminal, else 100 columns: evidence
and reasons are cut with "…" (--full prints them whole), and a copy of
another article is folded into its original. SRCS counts the independent
sources of a verdict: outlets, copies not counted.`,
		run: verify,
	},
	{
		name: "extract", args: "[flags] FILE|-",
		summary: "print the number and date mentions and claims of one article",
		doc: `Runs the extraction alone, without NATS, on one article and prints its
number mentions, date mentions and claims. With --jsonl it reads
{"id","text","published"} lines from standard input instead.`,
		run: extractCmd,
	},
	{
		name: "stage", args: "[flags] tokenize|extract|compare",
		summary: "run one pipeline stage as its own process",
		doc: `Runs one pipeline stage until interrupted. It joins a pipeline on a running
NATS server (--nats or NATS_URL); several processes of one stage share its
work. The compare stage's state and work are in parts by collection: give
each compare process its own with --partitions (docs/cluster.md).`,
		run: func(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) error {
			return stage(ctx, args, stderr)
		},
	},
	{
		name: "serve", args: "[flags]",
		summary: "run every stage and the HTTP API",
		doc: `Runs the stages and the HTTP API (POST /v1/articles, GET /v1/verdicts,
/healthz, /metrics) until interrupted, then shuts down in order. Listening
beyond loopback needs a --token (or CROSSCHECK_TOKEN), or --insecure-no-auth.`,
		run: func(ctx context.Context, args []string, _ io.Reader, _, stderr io.Writer) error {
			return serve(ctx, args, stderr)
		},
	},
	{
		name: "submit", args: "[flags] FILE...",
		summary: "post articles to a running serve and print their ids",
		doc: `Reads each FILE (- for standard input) as verify does and posts it to a
running 'crosscheck serve'. Prints one line per file: the article id, the
file, and "duplicate" when the same body was already submitted.`,
		run: submit,
	},
	{
		name: "watch", args: "[flags]",
		summary: "print verdict events as they arrive",
		doc: `Prints one line per verdict event, from a running serve (--server, the
default) or straight from NATS (--nats), until interrupted.`,
		run: func(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
			return watch(ctx, args, stdout, stderr)
		},
	},
	{
		name: "replay", args: "[flags] DIR",
		summary: "stream a folder of articles through a running serve and summarize",
		doc: `Posts every article file (*.txt, *.md, *.html) in DIR to a running serve,
waits until each is compared or set aside, and prints a summary of
articles, claims, verdicts by status and failures.`,
		run: func(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
			return replayCmd(ctx, args, stdout, stderr)
		},
	},
	{
		name: "bench", args: "[flags] [DIR]",
		summary: "time the whole pipeline against prose alone",
		doc: `Runs the whole pipeline on the articles in DIR, or on a generated corpus,
and prints its throughput, latency and memory next to what prose alone does
with the same articles. With --cluster N it runs the generated corpus through
N clustered nats-servers started in this process, once for each count in
--processes of crosscheck stage processes per stage, and prints articles/s
per count.`,
		run: func(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
			return benchCmd(ctx, args, stdout, stderr)
		},
	},
	{
		name: "health", args: "[flags]",
		summary: "ask a running serve whether it is ready (exit 0 when it is)",
		doc: `Gets /healthz from a running serve and exits 0 when it answers 200: NATS
connected and JetStream answering. For container health checks, where the
image has no shell or curl.`,
		run: func(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
			return health(ctx, args, stdout, stderr)
		},
	},
	{
		name: "version", args: "",
		summary: "print the version, commit and Go version",
		doc:     `Prints the module version, the commit it was built from and the Go version.`,
		run: func(_ context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) error {
			return version(args, stdout, stderr)
		},
	},
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// writeUsage writes the top-level help: the commands, one line each.
func writeUsage(w io.Writer) {
	fmt.Fprint(w, "usage: crosscheck <command> [flags] [args]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'crosscheck <command> -h' for a command's arguments and flags.
Flags may come before or after the arguments; -- ends them.

NATS: with neither --nats nor NATS_URL, an in-process server is started.
Memory: a soft limit of 448 MiB unless GOMEMLIMIT sets another ("off": none).
`)
}

// writeHelp writes one command's help: its usage line, what it does and
// its flags.
func writeHelp(w io.Writer, c command, h *cli.HelpRequest) {
	fmt.Fprintf(w, "usage: crosscheck %s %s\n\n%s\n\nflags:\n", c.name, c.args, strings.TrimSpace(c.doc))
	cli.WriteFlags(w, h.Flags)
}
