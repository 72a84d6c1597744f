package corpus

import (
	"hash/fnv"
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
	h := fnv.New64a()
	for i := 0; i+4 <= len(rs); i++ {
		h.Reset()
		h.Write([]byte(string(rs[i : i+4])))
		v := h.Sum64()
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

// NearDuplicate reports fingerprints close enough to call their texts the
// same article republished (at most 3 of 64 bits differ).
func NearDuplicate(a, b uint64) bool {
	return bits.OnesCount64(a^b) <= 3
}
