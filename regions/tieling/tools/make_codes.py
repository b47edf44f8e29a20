#!/usr/bin/env python3
"""Generate and verify unified social credit codes (GB 32100-2015) for the Tieling demo pack.

The codes made here are *demonstration* codes: they have the right shape and their check
characters verify, but they are NOT the real codes of the bodies they are attached to.

Layout of an 18-character code:
  1      registration authority   ('1' = institutional establishment / 机构编制)
  2      entity category          ('1' organ 机关, '2' public institution 事业单位, '3' mass organisation 群众团体)
  3-8    6-digit division code    (GB/T 2260)
  9-17   organisation code        (GB 11714: 8 characters + its own check character)
  18     check character          (GB 32100)

Usage:
  make_codes.py make PREFIX DIVISION6 SEED      print one code (deterministic for a given SEED text)
  make_codes.py verify CODE...                  verify codes given on the command line
  make_codes.py verify-csv FILE [COLUMN]        verify every code in a CSV column (default credit_code)
"""
import csv
import hashlib
import sys

# GB 32100 alphabet: digits and upper-case letters without I, O, Z, S, V.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS_32100 = [pow(3, i, 31) for i in range(17)]  # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28
WEIGHTS_11714 = [3, 7, 9, 10, 5, 8, 4, 2]


def _value_11714(ch: str) -> int:
    """GB 11714 character value: digits are their value, letters A=10 .. Z=35."""
    if ch.isdigit():
        return int(ch)
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    raise ValueError(f"invalid organisation-code character {ch!r}")


def check_11714(body8: str) -> str:
    """Check character of an 8-character organisation-code body."""
    if len(body8) != 8:
        raise ValueError("organisation code body must have 8 characters")
    s = sum(_value_11714(c) * w for c, w in zip(body8, WEIGHTS_11714))
    c9 = 11 - (s % 11)
    if c9 == 10:
        return "X"
    if c9 == 11:
        return "0"
    return str(c9)


def check_32100(body17: str) -> str:
    """Check character of the first 17 characters of a unified social credit code."""
    if len(body17) != 17:
        raise ValueError("credit code body must have 17 characters")
    s = 0
    for ch, w in zip(body17, WEIGHTS_32100):
        idx = ALPHABET.find(ch)
        if idx < 0:
            raise ValueError(f"invalid credit-code character {ch!r}")
        s += idx * w
    return ALPHABET[(31 - s % 31) % 31]


def verify(code: str) -> list:
    """Return a list of problems (empty when the code verifies)."""
    problems = []
    if len(code) != 18:
        return [f"{code}: length {len(code)}, expected 18"]
    bad = [c for c in code if c not in ALPHABET]
    if bad:
        return [f"{code}: characters outside the GB 32100 alphabet: {''.join(bad)}"]
    if not code[2:8].isdigit():
        problems.append(f"{code}: positions 3-8 are not a 6-digit division code")
    org = code[8:17]
    try:
        if check_11714(org[:8]) != org[8]:
            problems.append(f"{code}: organisation code {org} fails the GB 11714 check")
    except ValueError as exc:
        problems.append(f"{code}: {exc}")
    if check_32100(code[:17]) != code[17]:
        problems.append(f"{code}: GB 32100 check character should be {check_32100(code[:17])}")
    return problems


def make(prefix: str, division6: str, seed: str) -> str:
    """Deterministic demo code: PREFIX (2 chars) + division + 8 digits derived from SEED + checks."""
    if len(prefix) != 2 or any(c not in ALPHABET for c in prefix):
        raise ValueError("prefix must be 2 characters of the GB 32100 alphabet")
    if len(division6) != 6 or not division6.isdigit():
        raise ValueError("division must be 6 digits")
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    # Organs registered before 2015 mostly carry all-digit organisation codes; start with 0
    # so that the demo codes do not look like real newly issued MB-series codes.
    body8 = "0" + str(int(digest, 16) % 10**7).zfill(7)
    org = body8 + check_11714(body8)
    body17 = prefix + division6 + org
    code = body17 + check_32100(body17)
    assert not verify(code), verify(code)
    return code


def _self_test() -> None:
    # Published examples: the domain-facts example credit code and a textbook organisation code.
    assert not verify("91110000600037341L"), verify("91110000600037341L")
    assert check_11714("D2143569") == "X"
    assert verify("91110000600037341A")


def main(argv: list) -> int:
    _self_test()
    if len(argv) >= 2 and argv[1] == "make" and len(argv) == 5:
        print(make(argv[2], argv[3], argv[4]))
        return 0
    if len(argv) >= 3 and argv[1] == "verify":
        failures = [p for c in argv[2:] for p in verify(c.strip().upper())]
        for p in failures:
            print(p)
        print(f"{len(argv) - 2 - len({p.split(':')[0] for p in failures})} verified, "
              f"{len({p.split(':')[0] for p in failures})} failed")
        return 1 if failures else 0
    if len(argv) in (3, 4) and argv[1] == "verify-csv":
        column = argv[3] if len(argv) == 4 else "credit_code"
        with open(argv[2], encoding="utf-8", newline="") as fh:
            codes = [row[column] for row in csv.DictReader(fh)]
        failures = [p for c in codes for p in verify(c)]
        for p in failures:
            print(p)
        bad = {p.split(":")[0] for p in failures}
        print(f"{len(codes) - len(bad)} verified, {len(bad)} failed")
        return 1 if failures else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
