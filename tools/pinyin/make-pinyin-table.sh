#!/usr/bin/env bash
# Generates src/Modules/Tongban.Catalog/Search/Data/pinyin.tsv: one line per
# CJK Unified Ideograph (U+4E00..U+9FFF) that ICU's Han-Latin transliterator
# gives a reading for:  <char>\t<pinyin>
# pinyin: lower-case ASCII letters only, no tones, ü written as v (绿 -> lv).
#
# Needs: uconv (Debian/Ubuntu package icu-devtools), awk, grep, sort.
# Usage: tools/pinyin/make-pinyin-table.sh [output-file]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/src/Modules/Tongban.Catalog/Search/Data/pinyin.tsv}"

if ! command -v uconv >/dev/null 2>&1; then
  echo "uconv not found: install it with 'apt-get install icu-devtools'" >&2
  exit 1
fi

# Byte-wise, locale-independent text handling for grep/sort/awk.
export LC_ALL=C

# The transliteration applied to every character. NFD splits ü (with or
# without a tone mark) into u + U+0308 so it can become v before Latin-ASCII
# strips the tone marks.
TRANSLIT='::Han-Latin; ::NFD; u\u0308 > v; ::Latin-ASCII; ::Lower;'

icu_version="$(uconv --version | sed -n 's/.*ICU \([0-9.]*\).*/\1/p' | head -n1)"
unicode_version=""
cldr_version=""
if command -v icuinfo >/dev/null 2>&1; then
  unicode_version="$(icuinfo 2>/dev/null | sed -n 's/.*name="version.unicode">\([^<]*\)<.*/\1/p' | head -n1)"
  cldr_version="$(icuinfo 2>/dev/null | sed -n 's/.*name="cldr.version">\([^<]*\)<.*/\1/p' | head -n1)"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 1. One line per code point: "<hex>\t\u<hex>" (U+4E00 = 19968, U+9FFF = 40959).
awk 'BEGIN { for (i = 19968; i <= 40959; i++) printf "%04x\t\\u%04x\n", i, i }' > "$tmp/hex.txt"

# 2. Turn the \uXXXX escapes into the characters (one uconv process).
#    The bare hex key in column 1 has no \u prefix, so it is left alone.
uconv -f utf-8 -t utf-8 -x 'Hex-Any' "$tmp/hex.txt" > "$tmp/chars.tsv"

# 3. Transliterate the whole list at once (one uconv process). Each character
#    stands alone on its own line behind its hex key, so readings cannot run
#    together and each one stays tied to its code point.
uconv -f utf-8 -t utf-8 -x "$TRANSLIT" "$tmp/chars.tsv" > "$tmp/readings.tsv"

expected=20992
for f in chars.tsv readings.tsv; do
  n="$(wc -l < "$tmp/$f")"
  if [ "$n" -ne "$expected" ]; then
    echo "error: $f has $n lines, expected $expected" >&2
    exit 1
  fi
done

# 4. Join on the hex key. Keep only lines whose reading is plain [a-z]+;
#    characters ICU leaves untransliterated (the reading column still holds
#    the Han character) are skipped.
awk -F'\t' -v skipped="$tmp/skipped.txt" '
  NR == FNR { ch[$1] = $2; next }
  {
    if (!($1 in ch)) { print "error: unknown key " $1 > "/dev/stderr"; exit 2 }
    if (NF == 2 && $2 ~ /^[a-z]+$/) printf "%s\t%s\n", ch[$1], $2
    else print $1 > skipped
  }
' "$tmp/chars.tsv" "$tmp/readings.tsv" > "$tmp/body.tsv"

kept="$(wc -l < "$tmp/body.tsv")"
nskipped=0
[ -f "$tmp/skipped.txt" ] && nskipped="$(wc -l < "$tmp/skipped.txt")"

{
  echo "# Chinese character -> pinyin (one reading, no tones, u-umlaut written as v)."
  echo "# Source: ICU ${icu_version:-unknown} Han-Latin transliterator${unicode_version:+ (Unicode $unicode_version}${cldr_version:+, CLDR $cldr_version}${unicode_version:+)}; ICU data (c) Unicode, Inc., Unicode License (https://www.unicode.org/copyright.html)."
  echo "# Command: uconv -f utf-8 -t utf-8 -x '$TRANSLIT' over U+4E00..U+9FFF, one character per line (tools/pinyin/make-pinyin-table.sh)."
  echo "# Generated: $(date -u +%Y-%m-%d)"
  echo "# Entries: $kept of $expected; $nskipped left untransliterated by ICU and omitted."
  echo "# Format: <char><TAB><pinyin>. Do not edit by hand: regenerate with tools/pinyin/make-pinyin-table.sh."
  cat "$tmp/body.tsv"
} > "$tmp/pinyin.tsv"

mkdir -p "$(dirname "$out")"
mv "$tmp/pinyin.tsv" "$out"
echo "wrote $out: $kept entries ($nskipped skipped), ICU ${icu_version:-unknown}" >&2
