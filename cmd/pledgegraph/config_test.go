package main

import (
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/pledgegraph/pledgegraph/schema"
)

func env(kv ...string) func(string) (string, bool) {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestConfigDefaults(t *testing.T) {
	c, err := loadConfigFrom(env())
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.URI != "bolt://127.0.0.1:7687" || c.Neo4j.Database != "neo4j" || c.Addr != ":8080" ||
		c.LogLevel != slog.LevelInfo || c.LogFormat != "text" || c.Cypher || c.MaxBody != 5<<20 || c.Timeout != 10*time.Second {
		t.Errorf("unexpected defaults: %+v", c)
	}
}

func TestConfigRoutingURIs(t *testing.T) {
	for _, uri := range []string{"neo4j://db.example:7687", "neo4j+s://abc123.databases.neo4j.io", "bolt+s://h:7687"} {
		c, err := loadConfigFrom(env("NEO4J_URI", uri))
		if err != nil || c.Neo4j.URI != uri {
			t.Errorf("NEO4J_URI=%s: %v, got %q", uri, err, c.Neo4j.URI)
		}
	}
}

func TestConfigInvalid(t *testing.T) {
	for _, tc := range []struct{ key, val, want string }{
		{"NEO4J_URI", "http://x:7474", "scheme"},
		{"NEO4J_URI", "nonsense", "NEO4J_URI"},
		{"PLEDGEGRAPH_LOG_LEVEL", "loud", "PLEDGEGRAPH_LOG_LEVEL"},
		{"PLEDGEGRAPH_LOG_FORMAT", "xml", "PLEDGEGRAPH_LOG_FORMAT"},
		{"PLEDGEGRAPH_CYPHER", "maybe", "PLEDGEGRAPH_CYPHER"},
		{"PLEDGEGRAPH_MAX_BODY", "-1", "PLEDGEGRAPH_MAX_BODY"},
		{"PLEDGEGRAPH_QUERY_TIMEOUT", "soon", "PLEDGEGRAPH_QUERY_TIMEOUT"},
	} {
		_, err := loadConfigFrom(env(tc.key, tc.val))
		if err == nil || schema.ErrorCode(err) != schema.EINVALID || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s=%q: err = %v, want an EINVALID error mentioning %q", tc.key, tc.val, err, tc.want)
		}
	}
}

func TestConfigLogMasksSecrets(t *testing.T) {
	c, err := loadConfigFrom(env("NEO4J_PASSWORD", "hunter2secret", "PLEDGEGRAPH_API_KEY", "k3y-value", "NEO4J_USER", "neo4j"))
	if err != nil {
		t.Fatal(err)
	}
	line := fmt.Sprint(c.logValue()...)
	if strings.Contains(line, "hunter2secret") || strings.Contains(line, "k3y-value") {
		t.Errorf("secret in log line: %s", line)
	}
	if !strings.Contains(line, "****") || !strings.Contains(line, "neo4j") {
		t.Errorf("log line should show the user and that secrets are set: %s", line)
	}
}
