// Package format is the one home of reportmine's output encoders: JSON
// Lines, CSV and CSV for Excel (a UTF-8 byte order mark first), and the
// column list of every record type. A record type's column list drives
// both the CSV header and every row, so the two cannot drift apart; the
// CLI and the HTTP server write through the same Writer.
package format
