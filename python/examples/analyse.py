"""Audits a provider's workbook and prints what an analyst looks at first:
the cost of an hour of direct care and how it is made, the findings by
kind, the rows the audit could not use; writes the report workbook and the
JSON beside it.

    python python/examples/analyse.py [WORKBOOK] [--lang en]

Without WORKBOOK it audits the repository's fixtures/sample.xlsx.
"""

import argparse
import sys
from collections import Counter
from pathlib import Path

import homecare_audit as ha

SAMPLE = Path(__file__).resolve().parents[2] / "fixtures" / "sample.xlsx"


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("workbook", nargs="?", default=SAMPLE, type=Path)
    args.add_argument("--lang", default="cs", choices=["cs", "en"])
    a = args.parse_args()
    try:
        report = ha.audit(a.workbook, lang=a.lang)
    except ha.AuditError as e:
        # The file, and the cell when there is one, are in the message.
        sys.exit(str(e))

    hour = report.indicators["cost.per_direct_hour"]
    print(report.provider)
    # Exact decimals: round only to print.
    print(f"{hour.label}: {hour.value:.2f} {hour.unit}"
          f" = {hour.numerator} / {hour.denominator} h")
    for i in report.indicators.values():
        if i.status in ("warn", "bad"):
            print(f"  [{i.status}] {i.label}: {i.value}")

    print(f"\nFindings ({report.findings_total}):")
    for kind, n in Counter(f["label"] for f in report.records("findings")).most_common():
        print(f"  {n:5}  {kind}")

    rejected = [p for p in report.records("problems") if p["rejected"]]
    print(f"\nRejected rows ({len(rejected)}):")
    for p in rejected:
        print(f"  {p['place']}: {p['reason']} ({p['raw']!r})")

    out = Path(a.workbook.stem + "-report.xlsx")
    report.save(out)
    out.with_suffix(".json").write_text(report.json(), encoding="utf-8")
    print(f"\n{out}, {out.with_suffix('.json')}")


if __name__ == "__main__":
    main()
