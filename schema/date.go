package schema

import (
	"fmt"
	"time"
)

// Precision says how much of a Date is known.
type Precision string

// Date precisions, from coarsest to finest.
const (
	PrecisionYear  Precision = "year"
	PrecisionMonth Precision = "month"
	PrecisionDay   Precision = "day"
)

// Date is a calendar date known to a precision: "2023", "2023-05" or
// "2023-05-17". Readouts often say only "last year" or "in May", and a
// reference must not pretend to know more than the text says. The zero value
// is the unknown date and marshals as "".
type Date string

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; anything else is an
// EINVALID error.
func ParseDate(s string) (Date, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			if _, err := time.Parse(layout, s); err == nil {
				return Date(s), nil
			}
		}
	}
	return "", Errorf(EINVALID, "date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
}

// DayDate returns t's day as a Date of day precision.
func DayDate(t time.Time) Date { return Date(t.Format("2006-01-02")) }

// MonthDate returns a Date of month precision.
func MonthDate(year int, month time.Month) Date {
	return Date(fmt.Sprintf("%04d-%02d", year, int(month)))
}

// YearDate returns a Date of year precision.
func YearDate(year int) Date { return Date(fmt.Sprintf("%04d", year)) }

// IsZero reports whether the date is unknown.
func (d Date) IsZero() bool { return d == "" }

// Precision returns how much of d is known, "" for the zero Date.
func (d Date) Precision() Precision {
	switch len(d) {
	case 4:
		return PrecisionYear
	case 7:
		return PrecisionMonth
	case 10:
		return PrecisionDay
	}
	return ""
}

// Start returns the first day d covers ("2023-05" -> 2023-05-01) in UTC.
func (d Date) Start() time.Time {
	var t time.Time
	switch d.Precision() {
	case PrecisionYear:
		t, _ = time.Parse("2006", string(d))
	case PrecisionMonth:
		t, _ = time.Parse("2006-01", string(d))
	case PrecisionDay:
		t, _ = time.Parse("2006-01-02", string(d))
	}
	return t
}

// End returns the first day after the period d covers.
func (d Date) End() time.Time {
	switch d.Precision() {
	case PrecisionYear:
		return d.Start().AddDate(1, 0, 0)
	case PrecisionMonth:
		return d.Start().AddDate(0, 1, 0)
	case PrecisionDay:
		return d.Start().AddDate(0, 0, 1)
	}
	return time.Time{}
}

// Year returns the year of d, 0 when unknown.
func (d Date) Year() int {
	if d.IsZero() {
		return 0
	}
	return d.Start().Year()
}

// Covers reports whether the period of d contains the period of o: "2023"
// covers "2023-05" and "2023-05-17"; a date covers itself.
func (d Date) Covers(o Date) bool {
	if d.IsZero() || o.IsZero() || len(o) < len(d) {
		return false
	}
	return string(o[:len(d)]) == string(d)
}
