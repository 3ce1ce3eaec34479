package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/schema"
)

func init() {
	commands["ingest"] = command{"extract readouts and store them in the graph", runIngest}
}

// extractForIngest reads one file into an extraction; tests replace it.
var extractForIngest = extractFile

// ingestOutcome is what happened to one file.
type ingestOutcome struct {
	path string
	res  schema.IngestResult
	err  error
}

// runIngest implements `pledgegraph ingest [--workers N] [--batch N] PATH...`:
// every readout under PATH is extracted and stored, a batch of documents per
// transaction (each document still all or nothing: see graph.IngestBatch).
// A file that fails is reported and skipped; the command exits non-zero at
// the end if any did. It stops early only when Neo4j itself is unavailable.
func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	workers := fs.Int("workers", 2, "batches written at once")
	batch := fs.Int("batch", defaultBatch, "documents per transaction")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: pledgegraph ingest [--workers N] [--batch N] FILE|DIR...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return errUsage
	}
	if fs.NArg() == 0 || *workers < 1 || *batch < 1 {
		fs.Usage()
		return errUsage
	}
	files, err := collectFiles(fs.Args())
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return schema.Errorf(schema.EINVALID, "no readouts (.txt, .html, .json) under %s", strings.Join(fs.Args(), " "))
	}
	store, _, log, err := openGraph(ctx, stderr)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))

	start := time.Now()
	outcomes := ingestFiles(ctx, store, files, *workers, *batch, newIngestProgress(len(files), stderr, log))
	if err := ctx.Err(); err != nil {
		return err
	}
	sum := summarize(outcomes)
	sum.print(stdout, time.Since(start))
	if sum.unavailable != nil {
		return sum.unavailable
	}
	if sum.failed > 0 {
		return schema.Errorf(schema.EINVALID, "%d of %d documents failed", sum.failed, len(outcomes))
	}
	return nil
}

// defaultBatch is how many documents `ingest` writes per transaction: enough
// to make the commit's cost small against the writing (see
// graph.BenchmarkIngest), few enough that progress moves often.
const defaultBatch = 25

// ingestFiles extracts and stores files, batch files per transaction, with
// workers goroutines, in any order; it stops handing out batches when ctx
// ends or Neo4j is unavailable.
func ingestFiles(ctx context.Context, store *graph.Store, files []string, workers, batch int, p ingestProgress) []ingestOutcome {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan []string)
	results := make(chan ingestOutcome)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for paths := range jobs {
				for _, o := range ingestBatch(ctx, store, paths) {
					results <- o
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := 0; i < len(files); i += batch {
			select {
			case jobs <- files[i:min(i+batch, len(files))]:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var out []ingestOutcome
	for o := range results {
		out = append(out, o)
		p.done(o)
		if schema.ErrorCode(o.err) == schema.EUNAVAILABLE {
			cancel() // every other document would fail the same way
		}
	}
	p.finish()
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out
}

// ingestBatch extracts paths and stores what extracts in one transaction.
func ingestBatch(ctx context.Context, store *graph.Store, paths []string) []ingestOutcome {
	out := make([]ingestOutcome, len(paths))
	var xs []*schema.Extraction
	var at []int
	for i, path := range paths {
		out[i].path = path
		x, err := extractForIngest(path)
		if err != nil {
			out[i].err = err
			continue
		}
		xs = append(xs, x)
		at = append(at, i)
	}
	if len(xs) > 0 {
		res, errs := store.IngestBatch(ctx, xs)
		for k, i := range at {
			out[i].res, out[i].err = res[k], errs[k]
		}
	}
	return out
}

// ingestProgress reports each document: a progress bar with documents per
// second on a terminal, a log line per document otherwise.
type ingestProgress struct {
	bar *progressbar.ProgressBar
	log *slog.Logger
}

func newIngestProgress(n int, w io.Writer, log *slog.Logger) ingestProgress {
	if !isTerminal(w) {
		return ingestProgress{log: log}
	}
	return ingestProgress{log: log, bar: progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionOnCompletion(func() { fmt.Fprintln(w) }),
	)}
}

func (p ingestProgress) done(o ingestOutcome) {
	if p.bar != nil {
		_ = p.bar.Add(1)
		return
	}
	if o.err != nil {
		p.log.Warn("document failed", "file", o.path, "err", fileFailure(o.path, o.err))
		return
	}
	p.log.Info("document stored", "file", o.path, "status", string(o.res.Status),
		"meeting", o.res.MeetingID, "commitments", len(o.res.CommitmentIDs))
}

func (p ingestProgress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// ingestSummary counts what a run did.
type ingestSummary struct {
	status      map[schema.IngestStatus]int
	failed      int
	failures    []ingestOutcome
	meetings    int
	commitments int
	unavailable error // the first error that says Neo4j cannot be used
}

func summarize(outcomes []ingestOutcome) ingestSummary {
	s := ingestSummary{status: map[schema.IngestStatus]int{}}
	meetings := map[string]bool{}
	for _, o := range outcomes {
		if o.err != nil {
			s.failed++
			s.failures = append(s.failures, o)
			if schema.ErrorCode(o.err) == schema.EUNAVAILABLE && s.unavailable == nil {
				s.unavailable = o.err
			}
			continue
		}
		s.status[o.res.Status]++
		meetings[o.res.MeetingID] = true
		s.commitments += len(o.res.CommitmentIDs)
	}
	s.meetings = len(meetings)
	return s
}

func (s ingestSummary) print(w io.Writer, took time.Duration) {
	n := len(s.failures)
	for _, c := range s.status {
		n += c
	}
	rate := float64(n) / took.Seconds()
	fmt.Fprintf(w, "ingested %d documents in %s (%.1f docs/s): %d new, %d unchanged, %d updated, %d failed\n",
		n, took.Round(10*time.Millisecond), rate, s.status[schema.IngestNew], s.status[schema.IngestUnchanged],
		s.status[schema.IngestUpdated], s.failed)
	fmt.Fprintf(w, "meetings reported: %d; commitments: %d\n", s.meetings, s.commitments)
	if len(s.failures) > 0 {
		fmt.Fprintln(w, "failed:")
		for _, f := range s.failures {
			fmt.Fprintf(w, "  %s: %s\n", f.path, fileFailure(f.path, f.err))
		}
	}
}
