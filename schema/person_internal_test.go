package schema

import "testing"

// FuzzASCIIPersonKey checks PersonKey's fast path for ASCII names against
// the general path it stands in for: for any ASCII input both give the
// same key.
func FuzzASCIIPersonKey(f *testing.F) {
	for _, s := range []string{
		"Sadyr Zhaparov", "Antony J. Blinken", "J. D.", "O'Brien", "Kassym-Jomart Tokayev",
		"Serdar  Berdimuhamedow", "`A` b", "X", "", "a'b'c d", "MIRZIYOYEV Shavkat", "Wang Yi-2",
		"abcdefghijklmnopqrstuvwxyzabcdefghijklmnop Qu", "' ' '", "Dzhumabek Kh. Ibraimov",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		if !isASCII(name) {
			return
		}
		if got, want := asciiPersonKey(name), generalPersonKey(name); got != want {
			t.Errorf("asciiPersonKey(%q) = %q, general path gives %q", name, got, want)
		}
	})
}
