// Package server is reportmine's web application and HTTP API over an
// app.Workspace: server-rendered pages in Chinese (search with facets, the
// documents, a document viewer, a figures table, charts, a claim checker,
// conflicts, ingest status) and a JSON API whose list views have .json
// and .csv twins, so that a URL is a reproducible query. Handlers only
// parse the request, call the workspace and render; html/template escapes
// every text the corpus holds; templates and static files are embedded.
// It is read-only unless Options.AllowIngest lets uploads into the data
// directory's uploads folder.
package server
