package schema_test

import (
	"sync"
	"testing"

	"github.com/pledgegraph/pledgegraph/schema"
)

func TestPersonKey(t *testing.T) {
	same := [][2]string{
		{"Sadyr Zhaparov", "Sadyr Japarov"},
		{"Sadyr Dzhaparov", "Sadyr Japarov"},
		{"Serdar Berdimuhamedov", "Serdar Berdimuhamedow"},
		{"Serdar Berdymukhamedov", "Serdar Berdimuhamedov"},
		{"Kassym-Jomart Tokayev", "Kassym-Jomart Tokaev"},
		{"Kassym-Jomart Tokayev", "Kasym-Zhomart Tokayev"},
		{"Kassym-Jomart Tokayev", "Kassym Jomart Tokayev"},
		{"Antony J. Blinken", "Antony Blinken"},
		{"Shavkat Mirziyoyev", "Shavkat Mirziyoev"},
		{"Emomali Rahmon", "Emomali Rakhmon"},
		{"Dmitry Medvedev", "Dmitri Medvedev"},
		{"Xi Jinping", "XI JINPING"},
		{"Xi Jinping", "  Xi   Jinping "},
		{"Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"},
		{"Ilham Aliyev", "Ilham Aliev"},
		{"Sergei Lavrov", "Sergey Lavroff"},
		{"Sean O'Brien", "Sean O’Brien"},
		{"Sean O'Brien", "Sean OBrien"},
	}
	for _, p := range same {
		a, b := schema.PersonKey(p[0]), schema.PersonKey(p[1])
		if a != b {
			t.Errorf("PersonKey(%q) = %q, PersonKey(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	different := [][2]string{
		{"Xi Jinping", "Li Qiang"},
		{"Wang Yi", "Wang Yu"},
		{"Sadyr Japarov", "Akylbek Japarov"},
		{"Serdar Berdimuhamedov", "Gurbanguly Berdimuhamedov"},
		{"Kassym-Jomart Tokayev", "Nursultan Nazarbayev"},
		{"Shavkat Mirziyoyev", "Abdulla Aripov"},
		{"Li Qiang", "Li Keqiang"},
		{"Han Zheng", "Zhao Leji"},
		{"Antony Blinken", "Anthony Blinken Jr"},
		{"Xi Jinping", ""},
	}
	for _, p := range different {
		a, b := schema.PersonKey(p[0]), schema.PersonKey(p[1])
		if a == b {
			t.Errorf("PersonKey(%q) = PersonKey(%q) = %q; want different", p[0], p[1], a)
		}
	}
}

func TestPersonKeyValues(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Sadyr Zhaparov", "sadir japarov"},
		{"Antony J. Blinken", "antoni blinken"},
		{"Kassym-Jomart Tokayev", "kasim jomart tokaev"},
		{"J. K.", "j k"}, // initials alone are kept
		{"", ""},
		{"...", ""},
	}
	for _, tt := range tests {
		if got := schema.PersonKey(tt.in); got != tt.want {
			t.Errorf("PersonKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPersonKeyParallel guards against shared transformer state: ingest and
// graph call PersonKey from many goroutines.
func TestPersonKeyParallel(t *testing.T) {
	t.Parallel()
	want := schema.PersonKey("Sadyr Zhaparov")
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 500 {
				if got := schema.PersonKey("Sadyr Žaparov"); got == "" {
					t.Error("empty key")
					return
				}
				if got := schema.PersonKey("Sadyr Zhaparov"); got != want {
					t.Errorf("PersonKey = %q, want %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}
