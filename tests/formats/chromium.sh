#!/bin/sh
# chromium.sh REPORT.html: renders a claimcheck HTML report in headless
# Chromium (Debian's `chromium`), checks the DOM after scripts ran
# (--dump-dom: the conflict sections and the filter are there, no console
# error was logged) and takes a screenshot (build/report-screenshot.png,
# a real PNG of the window size). Exit 77 with the reason when chromium is
# not installed; 1 with the reason on a failure.
set -u
report=$1
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed (apt-get install chromium)"; exit 77
fi
dir=$(mktemp -d /tmp/cck-chromium-XXXXXX)
trap 'rm -rf "$dir"' EXIT
flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions
       --user-data-dir=$dir/profile --enable-logging=stderr --v=0"
url="file://$(readlink -f "$report")"
timeout 90 "$browser" $flags --dump-dom "$url" >"$dir/dom.html" 2>"$dir/log" || {
  echo "chromium --dump-dom failed: $(tail -1 "$dir/log")"; exit 1; }
n=$(grep -c '<section class="group conflict"' "$dir/dom.html")
[ "$n" -ge 1 ] || { echo "no conflict section in the rendered DOM"; exit 1; }
grep -q '<input id="filter"' "$dir/dom.html" || { echo "no filter box in the DOM"; exit 1; }
# console errors are logged as CONSOLE lines; any from the page fails
if grep -E 'CONSOLE.*(Error|Uncaught|Refused)' "$dir/log" >/dev/null; then
  echo "console error: $(grep -E 'CONSOLE' "$dir/log" | head -1)"; exit 1
fi
mkdir -p build
shot=build/report-screenshot.png
rm -f "$shot"
timeout 90 "$browser" $flags --window-size=1280,1600 --screenshot="$(pwd)/$shot" "$url" \
  >/dev/null 2>>"$dir/log" || { echo "chromium --screenshot failed"; exit 1; }
# a PNG (signature) of 1280x1600 (IHDR width and height)
sig=$(head -c 8 "$shot" | od -An -tx1 | tr -d ' \n')
[ "$sig" = "89504e470d0a1a0a" ] || { echo "the screenshot is not a PNG"; exit 1; }
wh=$(dd if="$shot" bs=1 skip=16 count=8 2>/dev/null | od -An -tu1 | tr -s ' ')
[ "$wh" = " 0 0 5 0 0 0 6 64" ] || { echo "screenshot size bytes: $wh"; exit 1; }
size=$(wc -c <"$shot")
[ "$size" -gt 20000 ] || { echo "the screenshot is nearly empty ($size bytes)"; exit 1; }
echo "ok: $n conflict sections rendered, screenshot $shot ($size bytes)"
