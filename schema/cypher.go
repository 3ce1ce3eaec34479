package schema

import (
	"embed"
	"io/fs"
	"regexp"
	"sort"
	"strings"
)

//go:embed *.cypher
var cypherFiles embed.FS

// Statement is one schema statement from an embedded .cypher file.
type Statement struct {
	File string // e.g. "constraints.cypher"
	Name string // the constraint or index name it creates, or drops
	Kind string // "constraint" or "index"
	Drop bool   // it drops a retired constraint or index (retired.cypher)
	Text string
}

var (
	createName = regexp.MustCompile(`(?i)^CREATE\s+(?:(?:FULLTEXT|RANGE|TEXT|POINT|VECTOR)\s+)?(CONSTRAINT|INDEX)\s+(\w+)\s+IF\s+NOT\s+EXISTS`)
	dropName   = regexp.MustCompile(`(?i)^DROP\s+(CONSTRAINT|INDEX)\s+(\w+)\s+IF\s+EXISTS`)
)

// SchemaStatements returns the statements of the embedded .cypher files, in
// file-name order: constraints and indexes to create, then retired ones to
// drop. Each is idempotent (IF NOT EXISTS, IF EXISTS), so applying them on
// every start is safe. Lines starting with // are comments.
func SchemaStatements() []Statement {
	names, err := fs.Glob(cypherFiles, "*.cypher")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	sort.Strings(names)
	var out []Statement
	for _, name := range names {
		b, err := cypherFiles.ReadFile(name)
		if err != nil {
			panic(err) // embedded at build time
		}
		var lines []string
		for _, l := range strings.Split(string(b), "\n") {
			if t := strings.TrimSpace(l); t != "" && !strings.HasPrefix(t, "//") {
				lines = append(lines, t)
			}
		}
		for _, stmt := range strings.Split(strings.Join(lines, " "), ";") {
			stmt = strings.TrimSpace(stmt)
			if stmt == "" {
				continue
			}
			s := Statement{File: name, Text: stmt}
			if m := createName.FindStringSubmatch(stmt); m != nil {
				s.Kind, s.Name = strings.ToLower(m[1]), m[2]
			} else if m := dropName.FindStringSubmatch(stmt); m != nil {
				s.Kind, s.Name, s.Drop = strings.ToLower(m[1]), m[2], true
			}
			out = append(out, s)
		}
	}
	return out
}
