// Package ingest owns turning sources (files, folders, standard input) into
// corpus documents: it finds the files, reads their bytes and checks that
// they are text it can hand on. It never interprets the text itself.
package ingest
