#!/usr/bin/env python3
"""Self-check for the pinyin data in src/Modules/Tongban.Catalog/Search/Data/.

Loads pinyin.tsv (per-character ICU readings) and pinyin-phrases.tsv (hand-written
phrase overrides), validates both, and prints full pinyin and initials for some
typical government-service names. Conversion: at each position take the longest
phrase override that matches, otherwise the character's reading from pinyin.tsv,
otherwise keep the character as it is.

Usage:
  python3 tools/pinyin/check.py                 # validate + print the samples
  python3 tools/pinyin/check.py text ...        # validate + convert the given texts
  python3 tools/pinyin/check.py --list-wrong    # phrases whose reading differs from ICU's per-char one
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "src", "Modules", "Tongban.Catalog", "Search", "Data"))
TABLE = os.path.join(DATA, "pinyin.tsv")
PHRASES = os.path.join(DATA, "pinyin-phrases.tsv")

SAMPLES = [
    "住房公积金提取", "居民身份证申领", "企业设立登记", "医保", "户口迁移", "不动产登记",
    "银行账户", "行政许可", "调兵山市", "最低生活保障", "长春", "重庆",
]

SYLLABLE = re.compile(r"^[a-z]+$")


def data_lines(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            yield n, line


def load_table(path):
    table, errors, header = {}, [], []
    with open(path, encoding="utf-8") as f:
        header = [l.rstrip("\n") for l in f if l.startswith("#")]
    for n, line in data_lines(path):
        parts = line.split("\t")
        if len(parts) != 2 or len(parts[0]) != 1 or not SYLLABLE.match(parts[1]):
            errors.append(f"{os.path.basename(path)}:{n}: bad line {line!r}")
            continue
        ch, py = parts
        if ch in table:
            errors.append(f"{os.path.basename(path)}:{n}: duplicate {ch}")
        table[ch] = py
    return table, header, errors


def load_phrases(path, table):
    phrases, errors = {}, []
    known = set(table.values())
    for n, line in data_lines(path):
        where = f"{os.path.basename(path)}:{n}"
        parts = line.split("\t")
        if len(parts) != 2:
            errors.append(f"{where}: expected <phrase>TAB<pinyin>: {line!r}")
            continue
        phrase, reading = parts
        syllables = reading.split(" ")
        if len(phrase) < 2:
            errors.append(f"{where}: phrase {phrase!r} is shorter than two characters")
        if len(syllables) != len(phrase):
            errors.append(f"{where}: {phrase} has {len(phrase)} chars but {len(syllables)} syllables")
        for s in syllables:
            if not SYLLABLE.match(s):
                errors.append(f"{where}: {phrase}: syllable {s!r} is not lower-case ASCII")
            elif s not in known:
                errors.append(f"{where}: {phrase}: syllable {s!r} is not a reading of any character in pinyin.tsv")
        for ch in phrase:
            if ch not in table:
                errors.append(f"{where}: {phrase}: {ch} is not in pinyin.tsv")
        if phrase in phrases:
            errors.append(f"{where}: duplicate phrase {phrase}")
        phrases[phrase] = syllables
    return phrases, errors


def to_syllables(text, table, phrases):
    """Longest phrase match first (left to right), then the per-character table."""
    longest = max((len(p) for p in phrases), default=1)
    out, i = [], 0
    while i < len(text):
        for size in range(min(longest, len(text) - i), 1, -1):
            chunk = text[i:i + size]
            if chunk in phrases:
                out.extend(phrases[chunk])
                i += size
                break
        else:
            ch = text[i]
            out.append(table.get(ch, ch))
            i += 1
    return out


def full_and_initials(syllables):
    return "".join(syllables), "".join(s[0] for s in syllables if s)


def main(argv):
    table, header, errors = load_table(TABLE)
    phrases, perrors = load_phrases(PHRASES, table)
    errors += perrors

    source = next((h for h in header if h.startswith("# Source:")), "# Source: ?")
    print(f"pinyin.tsv: {len(table)} characters; pinyin-phrases.tsv: {len(phrases)} phrases")
    print(source.lstrip("# ").split(";")[0])

    differs = {}
    for phrase, syllables in phrases.items():
        icu = [table.get(c, "?") for c in phrase]
        if icu != syllables:
            differs[phrase] = (icu, syllables)
    print(f"phrases whose reading differs from ICU's per-character reading: {len(differs)}; "
          f"phrases that only pin a polyphonic character to ICU's reading: {len(phrases) - len(differs)}")

    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  " + e)

    if argv[:1] == ["--list-wrong"]:
        print()
        for phrase, (icu, syllables) in differs.items():
            changed = ", ".join(f"{c} {a}->{b}" for c, a, b in zip(phrase, icu, syllables) if a != b)
            print(f"{phrase}\tICU: {' '.join(icu)}\tphrase: {' '.join(syllables)}\t({changed})")
        return 1 if errors else 0

    texts = argv or SAMPLES
    print()
    width = max(len(t) for t in texts)
    for text in texts:
        syllables = to_syllables(text, table, phrases)
        full, initials = full_and_initials(syllables)
        pad = " " * (2 * (width - len(text)))  # CJK characters are two columns wide
        print(f"{text}{pad}  {full:<28} {initials:<8} ({' '.join(syllables)})")
    return 1 if errors else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except BrokenPipeError:  # e.g. piped into head
        sys.stderr.close()
        sys.exit(0)
