// Package corpus owns reportmine's domain model: documents with their raw
// bytes, spans into those bytes, and the figures found in them. Every other
// package talks to the others only through these types, so corpus imports
// nothing but the standard library.
package corpus
