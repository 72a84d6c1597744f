#!/usr/bin/env bash
# Makes scanned.pdf, the OCR test fixture: page1.txt and page2.txt (a
# bulletin written for the tests, of an invented city) drawn as images by
# chromium at A4, 150 dpi, about 24 px per character, then a blank page,
# wrapped into an image-only PDF by img2pdf. Needs chromium, img2pdf and
# fonts-wqy-zenhei.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 1 2; do
  {
    echo '<html><body style="margin:90px 100px;font:24px/1.9 WenQuanYi Zen Hei;width:1040px;background:#fff;color:#111">'
    sed 's/^$/<br>/; s/$/<br>/' "page$n.txt"
    echo '</body></html>'
  } > "$tmp/page$n.html"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1754 \
    --screenshot="$tmp/page$n.png" "file://$tmp/page$n.html" 2>/dev/null
done
echo '<html><body style="background:#fff"></body></html>' > "$tmp/page3.html"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1240,1754 \
  --screenshot="$tmp/page3.png" "file://$tmp/page3.html" 2>/dev/null
img2pdf -S A4 -o scanned.pdf "$tmp/page1.png" "$tmp/page2.png" "$tmp/page3.png"
