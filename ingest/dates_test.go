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
		{"By Dana Whitfield | Published: Apr. 14, 2026 at 6:12 PM MST", "2026-04-14"},
		{"Published: 2026-05-12 16:40 MDT", "2026-05-12"},
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

// TestCallSignDateline checks that an American station's dateline, with the
// state abbreviated and the station named by call sign, is read.
func TestCallSignDateline(t *testing.T) {
	text := "TEMPE, Ariz. (3TV/CBS 5) — The two ministers toured the campus."
	dl, ok := findDateline(text, 0)
	if !ok || dl.place != "TEMPE" || dl.agency != "3TV/CBS 5" {
		t.Fatalf("got %+v %v", dl, ok)
	}
}
