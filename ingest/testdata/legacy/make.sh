#!/usr/bin/env bash
# Makes tables.xls, the legacy Excel fixture: two sheets of figures
# written for the tests, in BIFF8 by python3-xlwt (Debian: python3-xlwt).
# Reading it needs Gnumeric's ssconvert (Debian: gnumeric).
set -euo pipefail
cd "$(dirname "$0")"
/usr/bin/python3 - <<'PY'
import xlwt
book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("主要指标")
for r, row in enumerate([["指标", "2025年（亿元）", "增长（%）"], ["地区生产总值", 2865.4, 5.6], ["一般公共预算收入", 198.7, 4.9]]):
    for c, v in enumerate(row):
        sheet.write(r, c, v)
sheet = book.add_sheet("产品产量")
for r, row in enumerate([["产品", "单位", "产量"], ["粮食", "万吨", 186.3]]):
    for c, v in enumerate(row):
        sheet.write(r, c, v)
book.save("tables.xls")
PY
