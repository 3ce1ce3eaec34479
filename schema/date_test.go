package schema_test

import (
	"testing"

	"github.com/pledgegraph/pledgegraph/schema"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		prec schema.Precision
		ok   bool
	}{
		{"2023", schema.PrecisionYear, true},
		{"2023-05", schema.PrecisionMonth, true},
		{"2023-05-17", schema.PrecisionDay, true},
		{"2023-13", "", false},
		{"2023-02-30", "", false},
		{"May 2023", "", false},
		{"", "", false},
	} {
		d, err := schema.ParseDate(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseDate(%q) error = %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && d.Precision() != tc.prec {
			t.Errorf("ParseDate(%q).Precision() = %q, want %q", tc.in, d.Precision(), tc.prec)
		}
		if !tc.ok && schema.ErrorCode(err) != schema.EINVALID {
			t.Errorf("ParseDate(%q) code = %q, want %q", tc.in, schema.ErrorCode(err), schema.EINVALID)
		}
	}
}

func TestDateCovers(t *testing.T) {
	if !schema.Date("2023").Covers("2023-05-17") || !schema.Date("2023-05").Covers("2023-05") {
		t.Error("a coarser date must cover the finer dates inside it")
	}
	if schema.Date("2023-05").Covers("2023") || schema.Date("2023").Covers("2024-01") {
		t.Error("a date must not cover a coarser or disjoint date")
	}
	if got := schema.Date("2024-02").End().Format("2006-01-02"); got != "2024-03-01" {
		t.Errorf("End of 2024-02 = %s", got)
	}
}
