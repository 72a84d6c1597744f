module reportmine

go 1.26.8

require (
	github.com/go-ego/gse v0.80.3
	golang.org/x/text v0.43.0
)

require github.com/vcaesar/cedar v0.20.2 // indirect
