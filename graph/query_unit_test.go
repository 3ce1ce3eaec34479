package graph

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/pledgegraph/pledgegraph/schema"
)

func TestLuceneQuery(t *testing.T) {
	for in, want := range map[string]string{
		"railway project":             "railway AND project",
		`"belt and road" cooperation`: `"belt and road" AND cooperation`,
		"China-Kyrgyzstan (CKU)?":     `China\-Kyrgyzstan AND \(CKU\)\?`,
		"AND OR NOT":                  "",
		`a:b\c`:                       `a\:b\\c`,
	} {
		if got := luceneQuery(in); got != want {
			t.Errorf("luceneQuery(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCursorRoundTrip(t *testing.T) {
	for _, c := range []cursor{{date: "2024-07-03", id: "c1"}, {date: "2023", id: "c2"}, {noDate: true, id: "c3"}, {noDate: true}} {
		got, ok, err := parseCursor(c.String())
		if err != nil || !ok || got != c {
			t.Errorf("%+v: %+v %v %v", c, got, ok, err)
		}
	}
	for _, bad := range []string{"x", "azF8fA", "!!", "azJ8MjAyNHxjMQ"} {
		if _, _, err := parseCursor(bad); schema.ErrorCode(err) != schema.EINVALID {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

func TestNextPeriod(t *testing.T) {
	for d, want := range map[schema.Date]string{"2023": "2024", "2023-12": "2024-01", "2024-02-29": "2024-03-01"} {
		if got := nextPeriod(d); got != want {
			t.Errorf("nextPeriod(%s) = %s, want %s", d, got, want)
		}
	}
}

func TestCloseMatches(t *testing.T) {
	cands := []string{"Xi'an 2023", "Astana 2024", "Tianjin 2025", "Beijing 2023", "CKU railway"}
	if diff := cmp.Diff([]string{"Xi'an 2023"}, closeMatches("Xian 2022", cands, 1)); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]string{"CKU railway"}, closeMatches("CKU", cands, 5)); diff != "" {
		t.Error(diff)
	}
	if got := closeMatches("Washington 1990", cands, 5); len(got) != 0 {
		t.Errorf("far: %v", got)
	}
}
