#!/usr/bin/env python3
"""Sum the outcomes in every .trx file under the given directories (or files).

Prints one final line, exactly: `N passed, N failed, N skipped`.

Counting, per TRX file: the top-level <UnitTestResult> elements by outcome
(Passed; NotExecuted, Skipped or Inconclusive as skipped; Failed, Error, Timeout,
Aborted and anything else as failed). A file with no results falls back to its
<ResultSummary><Counters> element. Files are summed.

With `--console LOG`, the per-project summary lines that `dotnet test` prints
("Passed!  - Failed: 0, Passed: 12, Skipped: 1, Total: 13, ...") are summed too,
as a check: should they count more tests than the TRX files (a TRX file lost or
overwritten), a warning goes to stderr and the console's counts are printed.

Exit code: 0 when at least one test ran, 2 when no TRX file or no test was found,
3 when a TRX file could not be read.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

SKIPPED = {"notexecuted", "skipped", "inconclusive", "notrunnable", "pending"}


def local(tag: str) -> str:
    """The element name without its XML namespace."""
    return tag.rsplit("}", 1)[-1]


def count_file(path: Path) -> tuple[int, int, int]:
    root = ET.parse(path).getroot()
    passed = failed = skipped = 0
    found = False
    for results in (e for e in root if local(e.tag) == "Results"):
        for result in results:
            if local(result.tag) != "UnitTestResult":
                continue
            found = True
            outcome = (result.get("outcome") or "").lower()
            if outcome == "passed":
                passed += 1
            elif outcome in SKIPPED:
                skipped += 1
            else:
                failed += 1
    if found:
        return passed, failed, skipped

    for counters in (e for e in root.iter() if local(e.tag) == "Counters"):
        def get(name: str) -> int:
            try:
                return int(counters.get(name, "0"))
            except ValueError:
                return 0

        passed = get("passed")
        failed = get("failed") + get("error") + get("timeout") + get("aborted")
        skipped = get("notExecuted") + get("inconclusive") + get("notRunnable")
        # Some writers leave notExecuted at 0 and only the total tells about skips.
        skipped = max(skipped, get("total") - passed - failed)
        return passed, failed, skipped
    return 0, 0, 0


ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
CONSOLE_LINE = re.compile(
    r"^\s*(?:Passed|Failed)!\s+-\s+Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+),\s*Total:\s*(\d+)"
)


def count_console(path: Path) -> tuple[int, int, int] | None:
    """Sum dotnet test's per-project summary lines; None when there are none."""
    passed = failed = skipped = 0
    found = False
    with path.open(encoding="utf-8", errors="replace") as log:
        for line in log:
            match = CONSOLE_LINE.match(ANSI_ESCAPE.sub("", line))
            if match:
                found = True
                failed += int(match.group(1))
                passed += int(match.group(2))
                skipped += int(match.group(3))
    return (passed, failed, skipped) if found else None


def main(argv: list[str]) -> int:
    console: Path | None = None
    if len(argv) >= 2 and argv[0] == "--console":
        console, argv = Path(argv[1]), argv[2:]
    targets = [Path(a) for a in argv] or [Path(".")]
    files: list[Path] = []
    for target in targets:
        if target.is_file():
            files.append(target)
        elif target.is_dir():
            files.extend(sorted(target.rglob("*.trx")))

    passed = failed = skipped = 0
    unreadable = 0
    for path in files:
        try:
            p, f, s = count_file(path)
        except (ET.ParseError, OSError) as error:
            print(f"summarize_trx: cannot read {path}: {error}", file=sys.stderr)
            unreadable += 1
            continue
        passed, failed, skipped = passed + p, failed + f, skipped + s

    if console is not None and console.is_file():
        from_console = count_console(console)
        if from_console is not None and sum(from_console) > passed + failed + skipped:
            print(
                f"summarize_trx: warning: the TRX files count {passed + failed + skipped} tests but "
                f"dotnet test reported {sum(from_console)}; using dotnet test's counts",
                file=sys.stderr,
            )
            passed, failed, skipped = from_console
            files = files or [console]

    if not files:
        print("summarize_trx: no .trx files found in " + ", ".join(map(str, targets)), file=sys.stderr)
    print(f"{passed} passed, {failed} failed, {skipped} skipped", flush=True)
    if unreadable:
        return 3
    if passed + failed + skipped == 0:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
