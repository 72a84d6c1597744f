package main

import (
	"flag"
	"os"
)

// defaultDataDir is where the store and index live unless --data or
// REPORTMINE_DATA says otherwise.
const defaultDataDir = "reportmine-data"

// dataFlag declares --data with its environment fallback.
func dataFlag(fs *flag.FlagSet) *string {
	def := os.Getenv("REPORTMINE_DATA")
	if def == "" {
		def = defaultDataDir
	}
	return fs.String("data", def, "data directory holding the corpus store (env REPORTMINE_DATA)")
}
