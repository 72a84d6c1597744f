package main

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadClaims: claims read from a file are its non-empty, non-comment
// lines, each without its line break, whatever the bytes.
func FuzzReadClaims(f *testing.F) {
	f.Add([]byte("2023年国内生产总值增长5.2%\n# 注释\n\n白河市粮食产量12.6万吨\r\n"))
	f.Add([]byte(strings.Repeat("长", 70000)))
	f.Add([]byte("\x00\xff\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		claims, err := readClaims(env{stdin: bytes.NewReader(data)}, nil, "-")
		if err != nil {
			return
		}
		for _, c := range claims {
			if c == "" || strings.ContainsAny(c, "\n") {
				t.Fatalf("claim %q", c)
			}
		}
	})
}
