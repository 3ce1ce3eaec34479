package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/pledgegraph/pledgegraph/api"
	"github.com/pledgegraph/pledgegraph/ask"
	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/ingest"
	"github.com/pledgegraph/pledgegraph/schema"
)

func init() {
	commands["serve"] = command{"serve the HTTP API (PLEDGEGRAPH_ADDR, default :8080)", runServe}
	commands["migrate"] = command{"apply the graph's constraints and indexes", runMigrate}
}

// serverGC lets the heap grow to five times its live size between
// collections (GOGC=400) unless GOGC is set. The server's live heap is a few
// megabytes, and every request allocates thousands of short-lived objects
// (decoded records, JSON), so the default target spends a tenth or more of
// the API's CPU on collections that free little.
func serverGC() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(400)
	}
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var ingestPaths stringList
	fs.Var(&ingestPaths, "ingest", "readouts to ingest (idempotently) once Neo4j answers; repeatable (Docker uses it for the bundled corpus)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	var files []string
	if len(ingestPaths) > 0 {
		var err error
		if files, err = collectFiles(ingestPaths); err != nil {
			return err
		}
	}
	cfg, err := loadConfig()
	if err != nil {
		return err
	}
	serverGC()
	log := newLogger(cfg, stderr)
	log.Info("pledgegraph serve starting", cfg.logValue()...)
	if cfg.APIKey == "" {
		log.Warn("PLEDGEGRAPH_API_KEY is not set: anyone who can reach the API can add documents")
	}

	store, err := openStoreLazy(cfg, log)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	// Neo4j may still be starting: serve at once (readyz says 503) and apply
	// the schema as soon as it answers.
	go func() {
		for {
			err := store.Ping(ctx)
			if err == nil {
				err = store.Migrate(ctx)
			}
			if err == nil {
				log.Info("schema applied", "neo4j_uri", cfg.Neo4j.URI)
				if len(files) > 0 {
					sum := summarize(ingestFiles(ctx, store, files, 2, defaultBatch, newIngestProgress(len(files), io.Discard, log)))
					log.Info("ingested at start", "documents", len(files), "new", sum.status[schema.IngestNew],
						"unchanged", sum.status[schema.IngestUnchanged], "failed", sum.failed)
				}
				return
			} else if ctx.Err() == nil {
				log.Warn("neo4j not ready, will retry", "err", schema.ErrorMessage(err))
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(5 * time.Second):
			}
		}
	}()

	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           newAPI(cfg, log, store).Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return schema.WrapError(schema.EINVALID, err, "listen on %s (PLEDGEGRAPH_ADDR): %v", cfg.Addr, err)
	}
	log.Info("listening", "addr", ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// The graph is the API's store: api.Store lists what api needs of it.
var _ api.Store = (*graph.Store)(nil)

// newAPI wires the HTTP API: the graph store, the extractor for posted
// documents, the question parser and the gazetteer's country names.
func newAPI(cfg config, log *slog.Logger, store *graph.Store) *api.Server {
	return api.New(api.Config{
		APIKey: cfg.APIKey, CORSOrigins: cfg.CORSOrigins, MaxBody: cfg.MaxBody,
		Cypher: cfg.Cypher, Timeout: cfg.Timeout,
	}, log, api.Deps{
		Store:       store,
		Extract:     ingest.ExtractBytes,
		Prepare:     ask.Prepare,
		CountryCode: ask.CountryCode,
		CountryName: ask.CountryName,
	})
}

func runMigrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	store, cfg, log, err := openGraph(ctx, stderr)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	log.Info("schema applied", "neo4j_uri", cfg.Neo4j.URI, "statements", len(schema.SchemaStatements()))
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(v string) error {
	*l = append(*l, v)
	return nil
}
