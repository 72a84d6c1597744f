package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"reportmine/app"
	"reportmine/server"
)

// Server timeouts: a slow or stalled client cannot hold a connection.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 20 * time.Second
	writeTimeout      = 60 * time.Second
	idleTimeout       = 2 * time.Minute
	shutdownTimeout   = 10 * time.Second
	// searchCache is how many recent searches a server keeps: a reader
	// pages through and filters the same query.
	searchCache = 512
)

func runServe(ctx context.Context, e env, args []string) error {
	defer forQueries()()
	fs := newFlags(e, "serve", "[--data DIR] [--addr 127.0.0.1:8080] [--allow-ingest]")
	data := dataFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on; anything but loopback exposes the corpus to the network")
	allowIngest := fs.Bool("allow-ingest", false, "let the status page and POST /ingest.json upload files into DIR/uploads and ingest them")
	maxUpload := fs.Int64("max-upload", 64<<20, "bytes one upload may carry, with --allow-ingest")
	dict, aliases := dictFlags(fs)
	if ok, err := parseFlags(fs, e, args); !ok {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: serve takes no arguments, got %q", errUsage, fs.Arg(0))
	}
	x, err := newExtractor(*dict, *aliases)
	if err != nil {
		return err
	}
	// Without uploads the server only reads: it opens the data directory
	// read-only, and searches from the command line can share it.
	opts := readOptions(e, false)
	opts.Extractor, opts.SearchCache, opts.ReadOnly = x, searchCache, !*allowIngest
	ws, err := app.Open(ctx, *data, opts)
	if err != nil {
		return err
	}
	defer ws.Close()
	// Open the index before listening, so the first search does not wait
	// for the dictionaries.
	if err := ws.WarmUp(ctx); err != nil {
		return err
	}
	srv, err := server.New(ws, server.Options{AllowIngest: *allowIngest, MaxUploadBytes: *maxUpload})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	if !isLoopback(ln.Addr()) {
		fmt.Fprintf(e.stderr, "reportmine: warning: listening on %s, reachable from other machines; the corpus is readable by anyone who can connect\n", ln.Addr())
	}
	mode := "read-only"
	if *allowIngest {
		mode = "uploads ingested into " + filepath.Join(*data, server.UploadDir)
	}
	fmt.Fprintf(e.stderr, "reportmine: serving %s (%s) at http://%s/ (Ctrl-C stops)\n", *data, mode, ln.Addr())
	return serveUntilDone(ctx, ln, srv)
}

// serveUntilDone serves until ctx ends (SIGINT, SIGTERM), then lets the
// requests in flight finish.
func serveUntilDone(ctx context.Context, ln net.Listener, h http.Handler) error {
	hs := &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: 64 << 10}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		return fmt.Errorf("serve: shutting down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func isLoopback(a net.Addr) bool {
	tcp, ok := a.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}
