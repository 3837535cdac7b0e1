"""Several providers from Python: the comparison's tables, JSON and
workbook."""

import json
from decimal import Decimal

import pytest

import homecare_audit as ha
from _xlsx import sheet_names
from conftest import REPO, SAMPLE

SMALL = REPO / "fixtures" / "formats" / "small.ods"


def test_two_providers_are_peers(tmp_path):
    c = ha.compare(SAMPLE, SMALL)
    assert c.mode == "peers"
    providers = c.records("providers")
    assert [p["file"] for p in providers] == ["sample.xlsx", "small.ods"]
    assert providers[0]["name"] == "Pečovatelská služba Vzorov (syntetická data)"
    assert str(providers[0]["period_from"]) == "2025-01-01"
    # Each provider's indicators, the sample's the same as its own audit's.
    rows = [
        r
        for r in c.records("indicators")
        if r["file"] == "sample.xlsx" and r["id"] == "cost.per_direct_hour"
    ]
    assert rows[0]["value"] == Decimal(2_982_888) / Decimal("3036.55")
    assert c.records("refused") == []
    data = json.loads(c.json())
    assert data["mode"] == "peers" and len(data["providers"]) == 2
    c.save(tmp_path / "srovnani.xlsx")
    c.save(tmp_path / "comparison.xlsx", lang="en")
    assert (tmp_path / "srovnani.xlsx").read_bytes()[:2] == b"PK"
    assert sheet_names(tmp_path / "srovnani.xlsx") != sheet_names(tmp_path / "comparison.xlsx")


def test_a_workbook_that_cannot_be_read_is_refused_and_listed(tmp_path):
    broken = tmp_path / "rozbity.xlsx"
    broken.write_bytes(b"not a workbook")
    c = ha.compare(SAMPLE, SMALL, broken)
    refused = c.records("refused")
    assert [r["file"] for r in refused] == [str(broken)]
    assert "xlsx" in refused[0]["reason"]
    assert json.loads(c.json())["refused"][0]["file"] == str(broken)
    # None readable: a ReadError.
    with pytest.raises(ha.ReadError):
        ha.compare(broken)


def test_a_merger_study(tmp_path):
    c = ha.compare(SAMPLE, SMALL, merger=REPO / "fixtures" / "merger-example.xlsx")
    assert "merger" in json.loads(c.json())
    d = ha.compare(SAMPLE, SMALL, merger=True, shared_reduction="0,3")
    assert "merger" in json.loads(d.json())
    with pytest.raises(ha.UsageError):
        ha.compare(SAMPLE, merger=True)
    with pytest.raises(ha.UsageError, match="between 0 and 1"):
        ha.compare(SAMPLE, SMALL, merger=True, shared_reduction=1.5)
    with pytest.raises(ha.UsageError):
        ha.compare()
    pd = pytest.importorskip("pandas")
    assert isinstance(c.to_pandas("providers"), pd.DataFrame)
