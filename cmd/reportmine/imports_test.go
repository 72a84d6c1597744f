package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// allowedImports states the architecture as data: which project packages
// each package may import. corpus imports only the standard library; the
// stages talk through corpus and never import each other; cmd wires them.
var allowedImports = map[string][]string{
	"corpus":           {},
	"corpus/store":     {"reportmine/corpus"},
	"ingest":           {"reportmine/corpus"},
	"extract":          {"reportmine/corpus", "reportmine/internal/hanzi"},
	"index":            {"reportmine/corpus", "reportmine/internal/hanzi"},
	"internal/hanzi":   {},
	"internal/synth":   {},
	"internal/gsedict": {},
	"check":            {"reportmine/corpus"},
	"app":              {"reportmine/corpus", "reportmine/corpus/store", "reportmine/ingest", "reportmine/extract", "reportmine/index", "reportmine/check"},
	"server":           {"reportmine/app", "reportmine/format", "reportmine/corpus", "reportmine/corpus/store", "reportmine/index", "reportmine/check"},
	"format":           {"reportmine/corpus", "reportmine/corpus/store", "reportmine/index", "reportmine/check"},
	"cmd/reportmine":   {"reportmine/app", "reportmine/server", "reportmine/format", "reportmine/corpus", "reportmine/corpus/store", "reportmine/ingest", "reportmine/extract", "reportmine/index", "reportmine/check"},
}

// thirdParty lists the outside modules each package may use.
var thirdParty = map[string][]string{
	"extract":      {"golang.org/x/text", "github.com/go-ego/gse"},
	"ingest":       {"golang.org/x/text", "golang.org/x/net/html", "github.com/PuerkitoBio/goquery", "github.com/xuri/excelize/v2"},
	"corpus/store": {"modernc.org/sqlite", "golang.org/x/sys/unix"},
	// bleve_index_api is bleve's own interface package (a stored
	// document's fields), at the version bleve v2.6.1 requires.
	"index": {"github.com/blevesearch/bleve/v2", "github.com/blevesearch/bleve_index_api", "golang.org/x/text", "github.com/go-ego/gse"},
}

func TestImports(t *testing.T) {
	root := "../.."
	for pkg, allowed := range allowedImports {
		files, _ := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path := strings.Trim(imp.Path.Value, `"`)
				if !importAllowed(pkg, path, allowed) {
					t.Errorf("%s imports %s, which the architecture does not allow", file, path)
				}
			}
		}
	}
	if _, err := os.Stat(filepath.Join(root, "corpus")); err != nil {
		t.Fatal(err)
	}
}

func importAllowed(pkg, path string, allowed []string) bool {
	first := strings.Split(path, "/")[0]
	if !strings.Contains(first, ".") && first != "reportmine" {
		return true // standard library
	}
	for _, a := range allowed {
		if path == a {
			return true
		}
	}
	for _, m := range thirdParty[pkg] {
		if strings.HasPrefix(path, m) {
			return true
		}
	}
	return false
}
