package corpus

// EntityKind is what a name names.
type EntityKind string

// The kinds of names reportmine reads.
const (
	EntityOrg     EntityKind = "org"
	EntityProject EntityKind = "project"
	EntityPlace   EntityKind = "place"
	EntityPerson  EntityKind = "person"
)

// Entity is one mention of a name in a document. Text is exactly
// Raw[Start:End]; Canonical is the name the alias tables resolve it to.
type Entity struct {
	Doc       string     `json:"doc"`
	Source    string     `json:"source"`
	Article   string     `json:"article,omitempty"`
	Kind      EntityKind `json:"kind"`
	Name      string     `json:"name"`
	Canonical string     `json:"canonical"`
	Title     string     `json:"title,omitempty"` // a person's position (省商务厅副厅长)
	Text      string     `json:"text"`
	Start     int        `json:"start"`
	End       int        `json:"end"`
	// Page is the 1-based page of a paged source; Warnings as a figure's
	// ("ocr" for a name read from an OCR'd page).
	Page     int      `json:"page,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}
