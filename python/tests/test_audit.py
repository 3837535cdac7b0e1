"""The audit from Python, against values worked by hand from the sample
workbook's own cells (read here with `_xlsx`, not by the library)."""

import json
import os
import subprocess
from collections import Counter, defaultdict
from decimal import Decimal

import pytest

import homecare_audit as ha
from _xlsx import sheet_names, sheets
from conftest import REPO, SAMPLE, need, soffice

# The sample's timesheet rows the audit accepts: 2 to 5793. Rows 5794 to
# 5799 are its deliberate defects (an unknown client, "hodně" minutes, 31
# February, no client, task "x9", a start without an end) and 5800 its
# "Celkem" totals row; the tests below tell them apart by their cells.
BOOK = sheets(SAMPLE)
CLIENTS = {r["A"] for n, r in BOOK["Klienti"].items() if n > 1}
# Tasks that are not direct care (docs/workbook.md): FAK optional, POR
# meetings, ADM administration.
NOT_DIRECT = {"FAK", "POR", "ADM"}


def accepted_rows():
    """The timesheet rows with a date, a known client, a task code of the
    decree or the sample's own (Úkony: OBED) or a worker's own, and whole
    minutes."""
    codes = {r["A"] for n, r in BOOK["Úkony"].items() if n > 1}
    for n, r in BOOK["Výkazy"].items():
        if n == 1 or not r.get("A", "").isdigit():
            continue
        if r.get("C") not in CLIENTS and r.get("D") not in NOT_DIRECT:
            continue
        task = r.get("D", "")
        known = task in codes or task in NOT_DIRECT or (len(task) == 2 and task[0] in "abcde")
        if known and r.get("G", "").isdigit():
            yield n, r


def test_cost_per_direct_hour_is_the_cost_over_the_direct_hours():
    # Náklady, column Částka: 1 776 000 + 600 288 + 27 000 + 114 000 +
    # 63 000 + 19 500 + 84 000 + 120 000 + 21 000 + 13 500 + 15 600 +
    # 54 000 + 75 000 = 2 982 888 Kč.
    cost = sum(Decimal(r["C"]) for n, r in BOOK["Náklady"].items() if n > 1)
    assert cost == Decimal(2_982_888)
    # Direct minutes: every accepted row's Minuty but FAK, POR and ADM:
    # 192 569 minutes in all, less 4 037 + 3 966 + 2 373 = 182 193 minutes
    # = 3 036.55 hours.
    rows = list(accepted_rows())
    assert len(rows) == 5792
    minutes = sum(int(r["G"]) for _, r in rows if r["D"] not in NOT_DIRECT)
    assert minutes == 182_193
    hours = Decimal(minutes) / 60
    assert hours == Decimal("3036.55")

    i = ha.audit(SAMPLE).indicators["cost.per_direct_hour"]
    assert isinstance(i.value, Decimal)
    assert i.numerator == cost
    assert i.denominator == hours
    # 2 982 888 / 3 036.55 = 982.3279708880143584001580741 (28 digits,
    # Python's default context and the library's decimals agree).
    assert i.value == cost / hours
    assert str(i.value) == "982.3279708880143584001580741"
    assert (i.unit, i.status, i.reason) == ("CZK/h", "none", None)
    assert i.label == "Náklady na hodinu přímé péče"


def test_indicators_are_exact_and_say_why_when_not_available(report):
    assert report.indicators["cost.total"].value == Decimal(2_982_888)
    values = [i.value for i in report.indicators.values()]
    assert all(v is None or isinstance(v, Decimal) for v in values)
    # No worker has training hours: not available, and why.
    t = report.indicators["staff.training_compliance"]
    assert t.value is None
    assert t.reason == "u žádného PSS ani SP nejsou uvedeny hodiny vzdělávání"
    assert ha.audit(SAMPLE, lang="en").indicators["staff.training_compliance"].reason == (
        "no PSS or SP worker has training hours given"
    )
    with pytest.raises(TypeError):
        report.indicators["cost.total"] = None


def test_the_findings_are_the_ones_worked_by_hand(report):
    # A worker's day over 12 hours (720 minutes of visits and travel):
    # PSS001 on 11 August 2025 (724 min) and on 30 October 2025 (723 min).
    day = defaultdict(int)
    for _, r in accepted_rows():
        day[(r["B"], r["A"])] += int(r["G"]) + int(r.get("I") or 0)
    long_days = sorted(m for m in day.values() if m > 720)
    assert long_days == [723, 724]
    # A fee off the price list: a row whose Úhrada is not the Ceník's price
    # times the hours (b1, d1, d5 are hourly) or times the quantity (c2,
    # OBED per act): 46 rows, whatever the tolerance from 0 to 5 Kč.
    price = {r["A"]: Decimal(r["B"]) for n, r in BOOK["Ceník"].items() if n > 1}
    off = 0
    for _, r in accepted_rows():
        if r["D"] in price and "J" in r:
            units = Decimal(r["G"]) / 60 if r["D"] in {"b1", "d1", "d5"} else Decimal(r.get("H") or 1)
            off += Decimal(r["J"]) != price[r["D"]] * units
    assert off == 46

    findings = report.to_pandas("findings")
    by_kind = Counter(findings["kind"])
    assert by_kind["long_day"] == 2
    assert by_kind["fee_off_price"] == 46
    # The caps of the decree (over_contract 10, fee_over_cap 39) are the
    # Rust tests' hand work; here: every finding is listed, and counted.
    assert len(findings) == report.findings_total == 97
    assert list(findings.columns) == ["kind", "label", "place", "detail", "amount"]
    first = findings[findings["kind"] == "long_day"].iloc[0]
    assert first["place"] == "Výkazy!A3130"
    assert all(a is None or isinstance(a, Decimal) for a in findings["amount"])


def test_a_rejected_row_is_named_by_its_cell(report):
    # Výkazy!C5794 holds K99999, which is not on Klienti.
    assert BOOK["Výkazy"][5794]["C"] == "K99999" and "K99999" not in CLIENTS
    rejected = [p for p in report.records("problems") if p["rejected"]]
    assert len(rejected) == 6
    assert rejected[0] == {
        "place": "Výkazy!C5794",
        "raw": "K99999",
        "reason": "klient není na listu Klienti",
        "kind": "unknown_client",
        "rejected": True,
    }
    with pytest.raises(ha.StrictError) as e:
        ha.audit(SAMPLE, strict=True)
    assert e.value.place == "Výkazy!C5794"
    assert e.value.file == str(SAMPLE)
    assert e.value.exit_code == 3
    assert isinstance(e.value, ha.ReadError)
    assert "Výkazy!C5794" in e.value.message_en


def test_every_table_comes_as_a_data_frame(report):
    pd = pytest.importorskip("pandas")
    sizes = {name: len(report.to_pandas(name)) for name in report.tables}
    # 6 workers, 100 clients, 12 months, 13 cost lines (Náklady rows 2–14),
    # 97 findings, 7 problems (6 rejected rows and the totals row).
    assert sizes["workers"] == len(BOOK["Pracovníci"]) - 1 == 6
    assert sizes["clients"] == len(CLIENTS) == 100
    assert sizes["months"] == 12
    assert sizes["costs"] == len(BOOK["Náklady"]) - 1 == 13
    assert (sizes["findings"], sizes["problems"]) == (97, 7)
    assert sizes["indicators"] == len(report.indicators)
    costs = report.to_pandas("costs")
    assert sum(costs["amount"]) == Decimal(2_982_888)
    assert costs.iloc[0].to_dict() == {
        "row": 2,
        "category": "mzdy",
        "group": "personnel",
        "amount": Decimal(1_776_000),
        "account": None,
        "eligible": None,
        "note": None,
    }
    months = report.to_pandas("months")
    # The direct hours of the months add up to the year's 182 193 minutes.
    assert months["direct_seconds"].sum() == 182_193 * 60
    clients = report.to_pandas("clients")
    assert clients["age"].dtype.name in ("int64", "Int64")
    assert isinstance(report.to_pandas("indicators"), pd.DataFrame)
    with pytest.raises(ha.UsageError) as e:
        report.to_pandas("visits")
    assert "workers, clients, months" in e.value.message_en


def test_without_pandas_to_pandas_says_how_to_get_it(report, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        report.to_pandas("findings")
    # The same rows without pandas.
    assert len(report.records("findings")) == 97


def test_the_json_is_the_command_lines(report, tmp_path):
    text = report.json()
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data["indicators"]["cost.per_direct_hour"]["value"] == "982.3279708880143584001580741"
    assert data["findings_by_kind"]["fee_off_price"] == 46
    # Byte for byte what `audit --json` writes, when CI gives the program.
    cli = os.environ.get("HOMECARE_AUDIT_CLI")
    if not cli:
        need("HOMECARE_AUDIT_CLI (the audit example program)")
    out = tmp_path / "cli.json"
    subprocess.run(
        [cli, str(SAMPLE), "-o", str(tmp_path / "r.xlsx"), "--json", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_text(encoding="utf-8") == text


def test_save_writes_the_report_workbook(report, tmp_path):
    cs, en = tmp_path / "zprava.xlsx", tmp_path / "report.xlsx"
    report.save(cs)
    report.save(en, lang="en")
    assert cs.read_bytes()[:2] == b"PK"
    assert "Souhrn" in sheet_names(cs) and "Summary" in sheet_names(en)
    with pytest.raises(ha.WriteError):
        report.save(tmp_path / "no-such-folder" / "zprava.xlsx")
    with pytest.raises(ha.UsageError):
        report.save(cs, lang="de")
    office = soffice()
    if not office:
        need("LibreOffice (soffice)")
    # LibreOffice opens it: the summary sheet converted to CSV.
    subprocess.run(
        [office, "--headless", "--convert-to", "csv", "--outdir", str(tmp_path), str(cs)],
        check=True,
        capture_output=True,
        timeout=180,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    assert (tmp_path / "zprava.csv").stat().st_size > 0


def test_a_public_audit_names_no_one():
    public = ha.audit(SAMPLE, public=True)
    assert "K00001" not in public.json()
    assert all(not c["id"].startswith("K0") for c in public.records("clients"))
    assert public.indicators["cost.per_direct_hour"].value == Decimal(2_982_888) / Decimal("3036.55")


def test_the_damaged_workbooks_of_the_corpus_raise_or_are_reported():
    # fixtures/bad: bombs, loops, a password, cells beyond the limits. Each
    # is refused as a ReadError or read with its problems listed.
    for p in sorted((REPO / "fixtures" / "bad").iterdir()):
        try:
            r = ha.audit(p)
        except ha.ReadError as e:
            assert e.file == str(p), p
        else:
            assert isinstance(r.records("problems"), list), p


def test_usage_errors_say_what_is_wrong():
    with pytest.raises(ha.UsageError) as e:
        ha.audit()
    assert (e.value.message_cs, e.value.exit_code) == ("audit() potřebuje sešit poskytovatele", 2)
    with pytest.raises(ha.UsageError, match="cs or en"):
        ha.audit(SAMPLE, lang="de")
    with pytest.raises(TypeError):
        ha.audit(42)


def test_a_truncated_workbook_raises_a_read_error_naming_it(tmp_path):
    cut = tmp_path / "zkraceny.xlsx"
    cut.write_bytes(SAMPLE.read_bytes()[: SAMPLE.stat().st_size // 2])
    with pytest.raises(ha.ReadError) as e:
        ha.audit(cut)
    assert e.value.file == str(cut)
    assert str(e.value).startswith(f"{cut}: ")
    assert e.value.message_en.startswith(f"{cut}: ")


def test_no_input_ends_the_interpreter(tmp_path):
    # Every cut of the sample, garbage, an empty file, a folder, a missing
    # file: an AuditError each (ReadError), never a crash.
    data = SAMPLE.read_bytes()
    inputs = [data[:n] for n in range(0, len(data), len(data) // 40)]
    inputs += [b"PK\x03\x04" + b"\xff" * 200, os.urandom(4096), b"Datum;Klient\n1;2\n"]
    for k, b in enumerate(inputs):
        p = tmp_path / f"vstup{k}.xlsx"
        p.write_bytes(b)
        with pytest.raises(ha.ReadError):
            ha.audit(p)
    for p in (tmp_path, tmp_path / "chybi.xlsx"):
        with pytest.raises(ha.ReadError):
            ha.audit(p)


def test_the_example_script_runs(tmp_path):
    import sys

    script = REPO / "python" / "examples" / "analyse.py"
    out = subprocess.run(
        [sys.executable, str(script), "--lang", "en"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "Cost per direct hour: 982.33 CZK/h = 2982888 / 3036.55 h" in out
    assert "Výkazy!C5794: client not in the Clients sheet ('K99999')" in out
    assert (tmp_path / "sample-report.xlsx").exists()


def test_an_input_in_memory_audits_as_its_file():
    # The sample given as a (name, bytes) pair, as an upload or an object
    # store hands it over, is the same provider: the same JSON to the byte
    # (it names a file by its file name alone), the same figures from
    # bytearray and memoryview too.
    data = SAMPLE.read_bytes()
    by_path = ha.audit(SAMPLE)
    in_memory = ha.audit(("sample.xlsx", data))
    assert in_memory.json() == by_path.json()
    cost = by_path.indicators["cost.per_direct_hour"].value
    for other in (bytearray(data), memoryview(data)):
        assert ha.audit(("sample.xlsx", other)).indicators["cost.per_direct_hour"].value == cost


def test_an_input_in_memory_that_is_not_bytes_or_is_broken_says_so():
    # Five is not a file's bytes (bytes(5) would be five zero bytes).
    with pytest.raises(TypeError):
        ha.audit(("sample.xlsx", 5))
    # The sample cut short: a ReadError naming the file as it was named.
    with pytest.raises(ha.ReadError) as e:
        ha.audit(("vykazy.xlsx", SAMPLE.read_bytes()[:1000]))
    assert e.value.file == "vykazy.xlsx"
