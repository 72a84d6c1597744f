package main

import (
	"flag"
	"fmt"
	"os"

	"reportmine/app"
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

// readOptions open a data directory for a command that only reads: read
// only (nothing is created or changed), a lagging index searched with a
// warning, and another process's lock waited for visibly unless noWait.
func readOptions(e env, noWait bool) app.Options {
	return app.Options{
		ReadOnly: true,
		OnBusy:   waiting(e, noWait),
		OnStale:  func(err error) { fmt.Fprintln(e.stderr, "reportmine: warning:", err) },
	}
}
