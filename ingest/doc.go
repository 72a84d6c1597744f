// Package ingest owns turning sources (files, folders, standard input,
// URLs, crawls) into corpus documents: it finds them, decodes their bytes
// (UTF-8, UTF-16, GB18030, Big5; HTML; PDF through poppler, its pages
// without a text layer read by Tesseract; Word from its XML or through
// antiword; Excel with excelize or through xls2csv, and CSV, each sheet a
// part of tab-separated rows with its cells' references), refuses text
// that decoded into mojibake, and reads what
// a document says about itself — title, date, issuer, kind and the place
// it speaks for, from its head, subtitle and signature — and splits a
// magazine page into articles. Metadata a user supplies (a --meta
// manifest, a NAME.meta.json sidecar) wins over what the text suggests.
// It never reads figures.
package ingest
