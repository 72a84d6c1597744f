// Command reportmine mines figures from Chinese government reports.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// bleve's scorch reports a damaged segment on the standard logger
	// before the error that names the index: say whose lines they are.
	log.SetFlags(0)
	log.SetPrefix("reportmine: bleve: ")
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	go func() {
		// The first Ctrl-C or SIGTERM asks the command to stop cleanly;
		// a second one, while it finishes a document it cannot leave
		// half-read, ends the process at once.
		<-ctx.Done()
		stop()
	}()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		if err != errReported {
			fmt.Fprintln(os.Stderr, "reportmine:", err)
		}
		os.Exit(exitCode(err))
	}
}
