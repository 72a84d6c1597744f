package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// FigureSchema is the record schema version written in every figure.
const FigureSchema = "figure/1"

// Kind is what a figure measures; the values are fixed by the figure contract.
type Kind string

// The figure kinds of the contract.
const (
	KindMoney    Kind = "money"
	KindPercent  Kind = "percent"
	KindPPT      Kind = "ppt"
	KindCount    Kind = "count"
	KindQuantity Kind = "quantity"
	KindDuration Kind = "duration"
	KindMultiple Kind = "multiple"
	KindDate     Kind = "date"
)

// Kinds are the figure kinds of the contract, in its order.
var Kinds = []Kind{KindMoney, KindPercent, KindPPT, KindCount, KindQuantity, KindDuration, KindMultiple, KindDate}

// Scored reports whether figures of this kind are amounts that evaluation
// counts; dates and multiples are recognised but not scored.
func (k Kind) Scored() bool {
	switch k {
	case KindMoney, KindPercent, KindPPT, KindCount, KindQuantity, KindDuration:
		return true
	}
	return false
}

// Qualifier values for Figure.Bound and Figure.Change.
const (
	BoundMin   = "min"
	BoundMax   = "max"
	ChangeUp   = "up"
	ChangeDown = "down"
)

// Figure is one quantitative statement found in a document, in the shape of
// the figure contract (figure/1). Value is in the canonical unit with scale
// words folded in; Text is exactly Raw[Start:End] of the document.
type Figure struct {
	Schema   string   `json:"schema"`
	ID       string   `json:"id"`
	Doc      string   `json:"doc"`
	Source   string   `json:"source"`
	Kind     Kind     `json:"kind"`
	Value    float64  `json:"value"`
	ValueMax *float64 `json:"value_max,omitempty"`
	Unit     string   `json:"unit"`
	Approx   bool     `json:"approx"`
	Bound    string   `json:"bound,omitempty"`
	Change   string   `json:"change,omitempty"`
	Text     string   `json:"text"`
	Surface  string   `json:"surface"`
	Start    int      `json:"start"`
	End      int      `json:"end"`
	Sentence string   `json:"sentence"`
	Metric   string   `json:"metric"`
	Subject  string   `json:"subject"`
	Period   string   `json:"period"`
	// PeriodFrom and PeriodTo are the period as ISO dates (2023-01-01,
	// 2023-06-30), filled when the period and the document's year allow.
	PeriodFrom string `json:"period_from,omitempty"`
	PeriodTo   string `json:"period_to,omitempty"`
	// Base is what the figure is compared against: 同比, 环比, 比上年, 占全省…
	Base string `json:"base"`
	// Target is true for a plan, goal, budget or forecast (预期目标, 计划,
	// 力争, 确保, 预计 for a period not yet over): never compared with an
	// outcome.
	Target bool `json:"target,omitempty"`
	// Article is the id of the article of a multi-article page that holds
	// the figure; frames never cross articles.
	Article string `json:"article,omitempty"`
	// Page is the 1-based page of a paged source (PDF) where the figure
	// starts; 0 (absent) for unpaged sources.
	Page int `json:"page,omitempty"`
	// Cell is the spreadsheet cell the figure was read from
	// (主要产品产量!C3), for table sources.
	Cell      string   `json:"cell,omitempty"`
	Precision int      `json:"precision"`
	Rule      string   `json:"rule"`
	Warnings  []string `json:"warnings,omitempty"`
	// Dict names the dictionaries the figure was read with (gse word list,
	// domain words, user words), so results can be reproduced.
	Dict string `json:"dict"`
}

// Span is the figure's place in the raw text.
func (f Figure) Span() Span { return Span{Start: f.Start, End: f.End} }

// FigureID is stable across runs: it depends only on the document and the
// figure's byte range.
func FigureID(doc string, start, end int) string {
	sum := sha256.Sum256([]byte(doc + "#" + strconv.Itoa(start) + "-" + strconv.Itoa(end)))
	return "fig:" + hex.EncodeToString(sum[:8])
}
