package ingest

import "testing"

// TestPageStampLines checks that the byline and source lines news sites
// print under a title date the page, in the common formats.
func TestPageStampLines(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"Source: Tianshannet | 2026-07-22 09:30", "2026-07-22"},
		{"Kabar | 2026-03-12", "2026-03-12"},
		{"Published: 22.07.2026", "2026-07-22"},
		{"July 22, 2026 9:30 AM", "2026-07-22"},
		{"22 July 2026, 10:15", "2026-07-22"},
		{"2026-07-22 09:30", "2026-07-22"},
	} {
		got, ok := stampDate(tc.line)
		if !ok {
			got, ok = bylineDate(tc.line)
		}
		if !ok || got.Format("2006-01-02") != tc.want {
			t.Errorf("%q: got %v %v, want %s", tc.line, got, ok, tc.want)
		}
	}
}
