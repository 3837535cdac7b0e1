"""A few lines that read an .xlsx's cells without the library: the tests'
hand calculations start from the workbook itself, not from what the audit
read of it."""

import re
import zipfile
import xml.etree.ElementTree as ET

_M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def sheet_names(path):
    """The sheets' names, in order."""
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
    return [s.get("name") for s in book.find(_M + "sheets")]


def sheets(path):
    """Every sheet as {row number: {column letter: text}} (numbers as
    written in the file, shared strings resolved)."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).iter(_M + "si"):
                shared.append("".join(t.text or "" for t in si.iter(_M + "t")))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        book = ET.fromstring(z.read("xl/workbook.xml"))
        out = {}
        for s in book.find(_M + "sheets"):
            part = "xl/" + target[s.get(_R)].lstrip("/").removeprefix("xl/")
            rows = {}
            for r in ET.fromstring(z.read(part)).iter(_M + "row"):
                cells = {}
                for c in r.iter(_M + "c"):
                    col = re.match("[A-Z]+", c.get("r")).group()
                    v = c.find(_M + "v")
                    if c.get("t") == "s":
                        cells[col] = shared[int(v.text)]
                    elif c.get("t") == "inlineStr":
                        cells[col] = "".join(t.text or "" for t in c.iter(_M + "t"))
                    elif v is not None:
                        cells[col] = v.text
                rows[int(r.get("r"))] = cells
            out[s.get("name")] = rows
        return out
