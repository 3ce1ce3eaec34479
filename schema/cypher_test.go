package schema_test

import (
	"testing"

	"github.com/pledgegraph/pledgegraph/schema"
)

func TestSchemaStatementsNamed(t *testing.T) {
	stmts := schema.SchemaStatements()
	if len(stmts) == 0 {
		t.Fatal("no schema statements embedded")
	}
	seen := map[string]bool{}
	for _, s := range stmts {
		if s.Name == "" || s.Kind == "" {
			t.Errorf("%s: statement without IF [NOT] EXISTS name: %q", s.File, s.Text)
		}
		if seen[s.Name] {
			t.Errorf("%s: name %q used twice (a retired name is never created again)", s.File, s.Name)
		}
		seen[s.Name] = true
	}
}
