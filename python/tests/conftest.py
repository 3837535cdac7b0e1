import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "fixtures" / "sample.xlsx"


def need(what):
    """Skips a test for lack of an outside program, or fails it under
    CI=true (as the crate's tests do)."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing (CI=true)")
    pytest.skip(f"{what} is missing")


@pytest.fixture
def sample():
    return SAMPLE


@pytest.fixture(scope="session")
def report():
    import homecare_audit

    return homecare_audit.audit(SAMPLE)


def soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")
