package corpus

import (
	"math/bits"
	"unicode"
)

// SimHash is a 64-bit fingerprint of a text's character 4-grams (letters and
// digits only, so spacing, punctuation and layout do not count): texts that
// differ by a light edit have fingerprints a few bits apart.
func SimHash(text string) uint64 {
	var rs []rune
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			rs = append(rs, r)
		}
	}
	var counts [64]int
	for i := 0; i+4 <= len(rs); i++ {
		v := fnv64(rs[i : i+4])
		for b := 0; b < 64; b++ {
			if v&(1<<b) != 0 {
				counts[b]++
			} else {
				counts[b]--
			}
		}
	}
	var out uint64
	for b, c := range counts {
		if c > 0 {
			out |= 1 << b
		}
	}
	return out
}

// fnv64 is FNV-1a over the runes' code points, without allocating.
func fnv64(rs []rune) uint64 {
	h := uint64(14695981039346656037)
	for _, r := range rs {
		for k := 0; k < 4; k++ {
			h ^= uint64(byte(r >> (8 * k)))
			h *= 1099511628211
		}
	}
	return h
}

// NearDuplicate reports fingerprints close enough to call their texts the
// same article republished (at most 3 of 64 bits differ).
func NearDuplicate(a, b uint64) bool {
	return bits.OnesCount64(a^b) <= 3
}
