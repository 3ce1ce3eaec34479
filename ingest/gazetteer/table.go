package gazetteer

import "strings"

// The gazetteer's lookup data (the scanning trie, the city keys, the
// cities and their names) is some 15 MB that every garbage collection of
// a process using it would scan if it were held in maps of strings and
// slices of structs with strings. It is held instead in the types below:
// strings in one buffer each, referred to by offsets, and hash tables
// whose slots are integers, so that the collector has nothing in them to
// scan and an extraction's collections cost what its own garbage does.

// keyBytes is a key a table is searched by: a string, or the bytes of
// Scan's lower-cased text, looked up without converting them.
type keyBytes interface{ ~string | ~[]byte }

// table maps a scope and a string key (a trie node and the word after it;
// scope 0 for a flat map) to a value of type V, which must hold no
// pointers. It is open addressing with linear probing, over slots that
// refer to the keys by their offsets in one buffer.
type table[V any] struct {
	keys  strings.Builder // every key, one after another
	slots []slot[V]       // a power of two in length, at most half full
	n     int
}

type slot[V any] struct {
	tag   uint32 // the key's hash with the top bit set; 0 for an empty slot
	scope uint32
	off   uint32 // the key is keys[off:off+len]
	len   uint32
	val   V
}

// find returns the slot of key in scope, or the empty slot where it
// would go.
func find[V any, K keyBytes](t *table[V], scope uint32, key K) *slot[V] {
	h := hashKey(scope, key)
	tag := uint32(h>>32) | 1<<31
	keys := t.keys.String()
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.tag == 0 || s.tag == tag && s.scope == scope && int(s.len) == len(key) && equalKey(keys[s.off:s.off+s.len], key) {
			return s
		}
	}
}

// lookup returns the value of key in scope.
func lookup[V any, K keyBytes](t *table[V], scope uint32, key K) (V, bool) {
	if len(t.slots) == 0 {
		var zero V
		return zero, false
	}
	s := find(t, scope, key)
	return s.val, s.tag != 0
}

// insert sets the value of key in scope, unless it has one already, and
// returns the value it has.
func (t *table[V]) insert(scope uint32, key string, val V) V {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	s := find(t, scope, key)
	if s.tag != 0 {
		return s.val
	}
	off := t.keys.Len()
	t.keys.WriteString(key)
	*s = slot[V]{tag: uint32(hashKey(scope, key)>>32) | 1<<31, scope: scope, off: uint32(off), len: uint32(len(key)), val: val}
	t.n++
	return val
}

// grow doubles the slots and puts every key in again.
func (t *table[V]) grow() {
	old := t.slots
	t.slots = make([]slot[V], max(64, 2*len(old)))
	keys := t.keys.String()
	mask := uint64(len(t.slots) - 1)
	for _, s := range old {
		if s.tag == 0 {
			continue
		}
		i := hashKey(s.scope, keys[s.off:s.off+s.len]) & mask
		for t.slots[i].tag != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = s
	}
}

// hashKey is FNV-1a over the key's bytes, mixed with the scope and
// finished with a multiply-xorshift so that the low bits, which pick the
// slot, depend on every byte.
func hashKey[K keyBytes](scope uint32, key K) uint64 {
	h := uint64(14695981039346656037) ^ uint64(scope)*0x9e3779b97f4a7c15
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	h ^= h >> 29
	h *= 0xbf58476d1ce4e5b9
	return h ^ h>>32
}

func equalKey[K keyBytes](s string, key K) bool {
	for i := 0; i < len(key); i++ {
		if s[i] != key[i] {
			return false
		}
	}
	return true
}

// strs holds strings in one buffer; a strRef names one of them without a
// pointer. A strings.Builder never changes what it has written, so the
// strings cut from it stay valid as it grows.
type strs struct {
	b strings.Builder
}

// strRef is a string of a strs: its offset and length.
type strRef struct {
	off, len uint32
}

func (p *strs) add(s string) strRef {
	r := strRef{off: uint32(p.b.Len()), len: uint32(len(s))}
	p.b.WriteString(s)
	return r
}

func (p *strs) get(r strRef) string {
	return p.b.String()[r.off : r.off+r.len]
}
