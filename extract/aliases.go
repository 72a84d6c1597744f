package extract

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// builtinAliases maps common short names to the official name they stand
// for. Users add their own with Aliases.Read (--aliases FILE); documents
// add theirs with （以下简称“…”） declarations.
var builtinAliases = map[string][]string{
	"山西转型综合改革示范区":  {"综改区", "综改示范区", "山西综改示范区", "山西转型综改示范区", "转型综改示范区", "山西综改区", "太原综改区"},
	"国家开发银行":       {"国开行"},
	"中国电子科技集团":     {"中国电科", "中电科"},
	"中国商用飞机有限责任公司": {"中国商飞"},
}

// Aliases resolves names to their canonical form.
type Aliases struct {
	canonical map[string]string
}

// NewAliases returns the built-in alias table.
func NewAliases() *Aliases {
	a := &Aliases{canonical: map[string]string{}}
	for canon, names := range builtinAliases {
		a.Add(canon, names...)
	}
	return a
}

// Add makes each name an alias of canon.
func (a *Aliases) Add(canon string, names ...string) {
	a.canonical[canon] = canon
	for _, n := range names {
		if n != "" && n != canon {
			a.canonical[n] = canon
		}
	}
}

// Read adds aliases from r, one canonical name per line followed by its
// aliases, separated by tabs, commas or "=" (综改区=山西转型综合改革示范区 is
// read with the longer name as canonical). Lines starting with # are notes.
func (a *Aliases) Read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.FieldsFunc(text, func(r rune) bool { return r == '\t' || r == ',' || r == '=' || r == '，' })
		if len(fields) < 2 {
			return fmt.Errorf("line %d: want a canonical name and at least one alias", line)
		}
		canon := fields[0]
		if strings.Contains(text, "=") && len([]rune(fields[1])) > len([]rune(canon)) {
			canon, fields[1] = fields[1], fields[0]
		}
		a.Add(canon, fields[1:]...)
	}
	return sc.Err()
}

// Resolve returns the canonical name of name, or name itself.
func (a *Aliases) Resolve(name string) string {
	if c, ok := a.canonical[name]; ok {
		return c
	}
	return name
}

// docAliases overlays one document's own declarations on the shared
// table, so that they do not leak into the next document.
type docAliases struct {
	shared *Aliases
	local  map[string]string
}

func (d *docAliases) add(canon, alias string) {
	if d.local == nil {
		d.local = map[string]string{}
	}
	d.local[alias] = d.shared.Resolve(canon)
}

// lookup reports whether name is a known alias or canonical name.
func (d *docAliases) lookup(name string) (string, bool) {
	if c, ok := d.local[name]; ok {
		return c, true
	}
	c, ok := d.shared.canonical[name]
	return c, ok
}

func (d *docAliases) resolve(name string) string {
	if c, ok := d.local[name]; ok {
		return c
	}
	return d.shared.Resolve(name)
}
