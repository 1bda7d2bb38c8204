#!/usr/bin/env bash
# Renders the HTML report of the Krông Nô example in headless Chromium, as a person would see
# it (a screenshot), as it prints (an A4 PDF, and its first page as a PNG), and checks the
# rendered DOM for the chart and the key figures. Exits non-zero if anything is missing.
#
# Needs Chromium, and poppler-utils for the PDF checks; this script installs nothing.
# On Debian/Ubuntu, as root:
#   apt-get update && apt-get install -y chromium poppler-utils
# The report asks for "Noto Sans", then "DejaVu Sans" (Vietnamese glyphs in both);
# fonts-noto-core or fonts-dejavu-core provide them.
#
# Usage: scripts/check-report-html.sh [OUT_DIR]   (default: target/report-check)
# Environment: PREVIOUS (default examples/krong-no-2021.yaml), PEERS (default
# examples/dak-nong-2022), CHROMIUM (default: chromium, or chromium-browser).
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-target/report-check}
evidence=examples/krong-no-2022.yaml
previous=${PREVIOUS:-examples/krong-no-2021.yaml}
peers=${PEERS:-examples/dak-nong-2022}

chromium=${CHROMIUM:-}
if [[ -z $chromium ]]; then
  for c in chromium chromium-browser; do
    if command -v "$c" >/dev/null; then chromium=$c; break; fi
  done
fi
if [[ -z $chromium ]]; then
  echo "error: Chromium not found. Install it (Debian, as root):" >&2
  echo "  apt-get update && apt-get install -y chromium poppler-utils" >&2
  exit 2
fi
for f in "$evidence" "$previous" "$peers"; do
  [[ -e $f ]] || { echo "error: $f not found" >&2; exit 2; }
done

mkdir -p "$out"
out=$(cd "$out" && pwd)
cargo build --quiet
bin=${CARGO_TARGET_DIR:-target}/debug/parindex

html=$out/report.html
"$bin" report "$evidence" --previous "$previous" --peers "$peers" --format html -o "$html" --force
echo "wrote $html"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chrome() {
  timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$profile" "$@" 2>>"$out/chromium.log"
}
: >"$out/chromium.log"
url="file://$html"
chrome --window-size=1240,1754 --screenshot="$out/screenshot.png" "$url" >/dev/null
chrome --no-pdf-header-footer --print-to-pdf="$out/report.pdf" "$url" >/dev/null
chrome --dump-dom "$url" >"$out/dom.html"
echo "wrote $out/screenshot.png, $out/report.pdf, $out/dom.html"

failures=0
check() { # check DESCRIPTION FIXED-STRING
  if grep -qF -- "$2" "$out/dom.html"; then
    echo "ok   $1"
  else
    echo "FAIL $1: \`$2\` not in the rendered DOM" >&2
    failures=$((failures + 1))
  fi
}
check "the document's language" '<html lang="vi">'
check "the bar chart" '<svg'
check "the chart's accessible title" '<title id="chart-title">'
check "the previous year's bars" 'fill="#9fb0c4"'
check "the score" '78,046/89'
check "the percentage" '87,69%'
check "the grade" 'Tốt'
check "the rank among peers" '1/8'
check "the change on 2021" '3,31'
check "the 1.6 loss" 'mục 1.6'
check "the 1.6 reason" 'chưa có tính mới'
check "the responsible office" 'Phòng Nội vụ'
check "the summary per office" 'lĩnh vực 1: 2,027'
if grep -q '<script' "$out/dom.html"; then
  echo "FAIL the page has a script" >&2
  failures=$((failures + 1))
fi
if grep -qE '(src|href)="https?:' "$out/dom.html"; then
  echo "FAIL the page loads something from the network" >&2
  failures=$((failures + 1))
fi

[[ -s $out/screenshot.png ]] || { echo "FAIL no screenshot" >&2; failures=$((failures + 1)); }
if command -v pdfinfo >/dev/null; then
  info=$(pdfinfo "$out/report.pdf")
  pages=$(awk '/^Pages:/ {print $2}' <<<"$info")
  size=$(grep '^Page size:' <<<"$info" || true)
  echo "PDF: $pages page(s), ${size#Page size:}"
  if ! grep -q 'A4' <<<"$size"; then
    echo "FAIL the PDF is not A4" >&2
    failures=$((failures + 1))
  fi
  pdftoppm -png -r 80 "$out/report.pdf" "$out/page"
  echo "wrote $out/page-*.png"
else
  echo "note: pdfinfo/pdftoppm not found (apt-get install -y poppler-utils): PDF not checked"
fi

if ((failures > 0)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "all checks passed"
