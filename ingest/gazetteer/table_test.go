package gazetteer

import (
	"fmt"
	"reflect"
	"testing"
)

func TestTable(t *testing.T) {
	var tab table[uint32]
	if _, ok := lookup(&tab, 0, "empty"); ok {
		t.Fatal("an empty table found a key")
	}
	// Enough keys to grow the slots several times; the same words in
	// two scopes are different keys.
	const n = 5000
	for i := range n {
		for scope := range uint32(2) {
			if got := tab.insert(scope, fmt.Sprint("word", i), uint32(i)+scope*n); got != uint32(i)+scope*n {
				t.Fatalf("insert of a new key returned %d", got)
			}
		}
	}
	if got := tab.insert(1, "word7", 99); got != 7+n {
		t.Errorf("insert of a present key returned %d, want the value it had, %d", got, 7+n)
	}
	for i := range n {
		for scope := range uint32(2) {
			key := fmt.Sprint("word", i)
			want := uint32(i) + scope*n
			if v, ok := lookup(&tab, scope, key); !ok || v != want {
				t.Fatalf("lookup(%d, %q) = %d, %v; want %d", scope, key, v, ok, want)
			}
			if v, ok := lookup(&tab, scope, []byte(key)); !ok || v != want {
				t.Fatalf("lookup(%d, []byte(%q)) = %d, %v; want %d", scope, key, v, ok, want)
			}
		}
	}
	for _, key := range []string{"", "word", "word5000", "word12x", "Word1"} {
		if v, ok := lookup(&tab, 0, key); ok {
			t.Errorf("lookup(0, %q) = %d, want none", key, v)
		}
	}
	if _, ok := lookup(&tab, 2, "word1"); ok {
		t.Error("lookup found a key in a scope it was not put in")
	}
}

// TestLookupDataHoldsNoPointers guards what table.go is for: the garbage
// collector does not scan the gazetteer's bulk, as long as these types
// hold no pointers.
func TestLookupDataHoldsNoPointers(t *testing.T) {
	if !hasPointers(reflect.TypeOf(City{})) {
		t.Fatal("hasPointers misses the strings and slice of City")
	}
	for _, v := range []any{slot[uint32]{}, slot[cityKey]{}, hit{}, city{}, strRef{}, caseRule(0)} {
		if typ := reflect.TypeOf(v); hasPointers(typ) {
			t.Errorf("%v holds a pointer", typ)
		}
	}
}

func hasPointers(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Struct:
		for i := range typ.NumField() {
			if hasPointers(typ.Field(i).Type) {
				return true
			}
		}
		return false
	case reflect.Array:
		return hasPointers(typ.Elem())
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return false
	}
	return true
}
