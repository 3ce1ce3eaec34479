package main

import (
	"context"
	"io"
	"log/slog"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/pledgegraph/pledgegraph/graph"
	"github.com/pledgegraph/pledgegraph/schema"
)

// config is everything pledgegraph reads from the environment. Defaults suit
// the local Neo4j that `make neo4j-start` runs.
type config struct {
	Neo4j       graph.Config
	Addr        string        // PLEDGEGRAPH_ADDR
	LogLevel    slog.Level    // PLEDGEGRAPH_LOG_LEVEL: debug, info, warn, error
	LogFormat   string        // PLEDGEGRAPH_LOG_FORMAT: text or json
	APIKey      string        // PLEDGEGRAPH_API_KEY: bearer key for writes and the Cypher console
	CORSOrigins []string      // PLEDGEGRAPH_CORS_ORIGINS: comma-separated, "*" for any
	Cypher      bool          // PLEDGEGRAPH_CYPHER: enable POST /v1/cypher
	MaxBody     int64         // PLEDGEGRAPH_MAX_BODY: request body limit in bytes
	Timeout     time.Duration // PLEDGEGRAPH_QUERY_TIMEOUT: per-request Neo4j timeout
}

// loadConfig reads the configuration from the environment.
func loadConfig() (config, error) { return loadConfigFrom(os.LookupEnv) }

func loadConfigFrom(lookup func(string) (string, bool)) (config, error) {
	get := func(key, def string) string {
		if v, ok := lookup(key); ok && strings.TrimSpace(v) != "" {
			return strings.TrimSpace(v)
		}
		return def
	}
	c := config{
		Neo4j: graph.Config{
			URI:      get("NEO4J_URI", "bolt://127.0.0.1:7687"),
			User:     get("NEO4J_USER", ""),
			Password: get("NEO4J_PASSWORD", ""),
			Database: get("NEO4J_DATABASE", "neo4j"),
		},
		Addr:      get("PLEDGEGRAPH_ADDR", ":8080"),
		LogFormat: get("PLEDGEGRAPH_LOG_FORMAT", "text"),
		APIKey:    get("PLEDGEGRAPH_API_KEY", ""),
	}
	u, err := url.Parse(c.Neo4j.URI)
	if err != nil || u.Host == "" {
		return c, schema.Errorf(schema.EINVALID, "NEO4J_URI %q: want e.g. bolt://127.0.0.1:7687, neo4j://host:7687 or neo4j+s://id.databases.neo4j.io", c.Neo4j.URI)
	}
	switch u.Scheme {
	case "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc":
	default:
		return c, schema.Errorf(schema.EINVALID, "NEO4J_URI %q: scheme %q is not one of bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc", c.Neo4j.URI, u.Scheme)
	}
	if err := c.LogLevel.UnmarshalText([]byte(get("PLEDGEGRAPH_LOG_LEVEL", "info"))); err != nil {
		return c, schema.Errorf(schema.EINVALID, "PLEDGEGRAPH_LOG_LEVEL %q: want debug, info, warn or error", get("PLEDGEGRAPH_LOG_LEVEL", ""))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return c, schema.Errorf(schema.EINVALID, "PLEDGEGRAPH_LOG_FORMAT %q: want text or json", c.LogFormat)
	}
	for _, o := range strings.Split(get("PLEDGEGRAPH_CORS_ORIGINS", ""), ",") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	if c.Cypher, err = strconv.ParseBool(get("PLEDGEGRAPH_CYPHER", "false")); err != nil {
		return c, schema.Errorf(schema.EINVALID, "PLEDGEGRAPH_CYPHER %q: want true or false", get("PLEDGEGRAPH_CYPHER", ""))
	}
	if c.MaxBody, err = strconv.ParseInt(get("PLEDGEGRAPH_MAX_BODY", strconv.Itoa(5<<20)), 10, 64); err != nil || c.MaxBody <= 0 {
		return c, schema.Errorf(schema.EINVALID, "PLEDGEGRAPH_MAX_BODY %q: want a positive number of bytes", get("PLEDGEGRAPH_MAX_BODY", ""))
	}
	if c.Timeout, err = time.ParseDuration(get("PLEDGEGRAPH_QUERY_TIMEOUT", "10s")); err != nil || c.Timeout <= 0 {
		return c, schema.Errorf(schema.EINVALID, "PLEDGEGRAPH_QUERY_TIMEOUT %q: want a duration such as 10s", get("PLEDGEGRAPH_QUERY_TIMEOUT", ""))
	}
	return c, nil
}

// logValue lists the configuration for the start-up log line, secrets masked.
func (c config) logValue() []any {
	return []any{
		"neo4j_uri", c.Neo4j.URI,
		"neo4j_user", c.Neo4j.User,
		"neo4j_password", mask(c.Neo4j.Password),
		"neo4j_database", c.Neo4j.Database,
		"addr", c.Addr,
		"log_level", c.LogLevel.String(),
		"log_format", c.LogFormat,
		"api_key", mask(c.APIKey),
		"cors_origins", strings.Join(c.CORSOrigins, ","),
		"cypher_console", c.Cypher,
		"max_body", c.MaxBody,
		"query_timeout", c.Timeout.String(),
	}
}

// mask hides a secret but says whether one is set.
func mask(s string) string {
	if s == "" {
		return "(unset)"
	}
	return "****"
}

// newLogger returns the process logger for c, writing to w.
func newLogger(c config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openStoreLazy opens the graph without checking that Neo4j answers; the
// server uses it so that it can start while Neo4j is down.
func openStoreLazy(c config, log *slog.Logger) (*graph.Store, error) {
	return graph.Open(c.Neo4j, log)
}

// openGraph is the start of every CLI command that writes or reads Neo4j:
// load the configuration, open the graph, check that Neo4j answers and apply
// the schema. The caller closes the store.
func openGraph(ctx context.Context, stderr io.Writer) (*graph.Store, config, *slog.Logger, error) {
	cfg, err := loadConfig()
	if err != nil {
		return nil, cfg, nil, err
	}
	log := newLogger(cfg, stderr)
	store, err := openStore(ctx, cfg, log)
	if err != nil {
		return nil, cfg, log, err
	}
	if err := store.Migrate(ctx); err != nil {
		_ = store.Close(context.WithoutCancel(ctx))
		return nil, cfg, log, err
	}
	return store, cfg, log, nil
}

// openStore opens the graph for a CLI command and checks that Neo4j answers,
// so a command fails at once with one clear line rather than midway.
func openStore(ctx context.Context, c config, log *slog.Logger) (*graph.Store, error) {
	store, err := graph.Open(c.Neo4j, log)
	if err != nil {
		return nil, err
	}
	if err := store.Ping(ctx); err != nil {
		_ = store.Close(ctx)
		return nil, err
	}
	return store, nil
}
