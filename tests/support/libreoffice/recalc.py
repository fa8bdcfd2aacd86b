#!/usr/bin/python3
"""Recalculates .xlsx files in ONE headless LibreOffice and prints the requested cell values as JSON.

Usage: recalc.py JOB.json   (the TS wrapper recalc.ts writes the job and reads stdout)

Job: {"files": [{"path": "/abs/a.xlsx", "cells": {"Sheet": ["A1", ...]}, "sheets": ["Sheet2"]}],
      "profile": "/tmp/...", "pipe": "unique-name"}
Output: {"startupMs": n, "files": [{"path", "ok", "error"?, "loadMs", "calcMs", "readMs",
         "sheets": {"Sheet": {"A1": value}}}]}
A value is a number, a string, null (blank), {"b": true|false} or {"e": "#VALUE!", "raw": "Err:502"}.

Must run with the system /usr/bin/python3 (the one that has the `uno` module).
"""
import json
import os
import signal
import subprocess
import sys
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
    from com.sun.star.connection import NoConnectException
except ImportError as exc:  # The wrapper turns this exit code into a clear message.
    sys.stderr.write("python3-uno is missing: %s\n" % exc)
    sys.exit(3)

# com.sun.star.sheet.FormulaResult
RESULT_VALUE, RESULT_STRING, RESULT_ERROR = 1, 2, 4
# com.sun.star.table.CellContentType
EMPTY, VALUE, TEXT, FORMULA = 0, 1, 2, 3
# LibreOffice shows some errors as Err:NNN where Excel has a #-code (its help, "Error Codes in
# LibreOffice Calc"); these are the ones with an Excel counterpart.
ERR_CODES = {"Err:502": "#VALUE!", "Err:504": "#VALUE!", "Err:522": "#REF!", "Err:523": "#NUM!"}


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start_office(profile, pipe):
    args = [
        "soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
        "--nolockcheck", "-env:UserInstallation=file://" + profile,
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if proc.poll() is not None:
                raise RuntimeError("soffice exited with code %s before accepting" % proc.returncode)
            if time.time() > deadline:
                raise RuntimeError("soffice did not accept a connection within 60 s")
            time.sleep(0.1)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def read_cell(cell):
    kind = cell.getType().value if hasattr(cell.getType(), "value") else cell.getType()
    kind = {"EMPTY": EMPTY, "VALUE": VALUE, "TEXT": TEXT, "FORMULA": FORMULA}.get(kind, kind)
    if kind == EMPTY:
        return None
    if kind == TEXT:
        return cell.getString()
    if kind == VALUE:
        return cell.getValue()
    result = cell.FormulaResultType2
    if cell.getError() != 0 or result == RESULT_ERROR:
        raw = cell.getString()
        return {"e": ERR_CODES.get(raw, raw), "raw": raw}
    if result == RESULT_STRING:
        return cell.getString()
    value = cell.getValue()
    if value in (0.0, 1.0):
        shown = cell.getString()
        if shown in ("TRUE", "FALSE"):
            return {"b": shown == "TRUE"}
    return value


def col_letters(index):
    s = ""
    n = index + 1
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def read_sheet(sheet):
    """Every non-blank cell of the used area, read in bulk; only errors and 0/1 values (which may
    be booleans) are looked at cell by cell."""
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    end = cursor.getRangeAddress()
    rng = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow)
    data = rng.getDataArray()
    def cells(query):
        found = set()
        for a in query.getRangeAddresses():
            for r in range(a.StartRow, a.EndRow + 1):
                for c in range(a.StartColumn, a.EndColumn + 1):
                    found.add((r, c))
        return found

    errors = cells(rng.queryFormulaCells(RESULT_ERROR))
    empty = cells(rng.queryEmptyCells())
    out = {}
    for r, row in enumerate(data):
        for c, v in enumerate(row):
            if (r, c) in empty:
                continue
            if (r, c) in errors or (isinstance(v, float) and v in (0.0, 1.0)):
                v = read_cell(sheet.getCellByPosition(c, r))
            if v is not None:
                out["%s%d" % (col_letters(c), r + 1)] = v
    return out


def process(desktop, spec):
    t0 = time.time()
    url = uno.systemPathToFileUrl(os.path.abspath(spec["path"]))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True), prop("ReadOnly", True)))
    if doc is None:
        raise RuntimeError("LibreOffice could not open the file")
    try:
        t1 = time.time()
        doc.calculateAll()
        t2 = time.time()
        sheets = doc.getSheets()
        out = {}
        for name in spec.get("sheets") or []:
            out[name] = read_sheet(sheets.getByName(name))
        for name, addresses in (spec.get("cells") or {}).items():
            sheet = sheets.getByName(name)
            values = out.setdefault(name, {})
            for address in addresses:
                values[address] = read_cell(sheet.getCellRangeByName(address))
        t3 = time.time()
        return {"path": spec["path"], "ok": True, "sheets": out,
                "loadMs": (t1 - t0) * 1000, "calcMs": (t2 - t1) * 1000, "readMs": (t3 - t2) * 1000}
    finally:
        doc.close(True)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        job = json.load(f)
    proc = None

    def stop(*_):
        if proc is not None and proc.poll() is None:
            proc.kill()
        sys.exit(1)

    signal.signal(signal.SIGTERM, stop)
    started = time.time()
    try:
        proc, desktop = start_office(job["profile"], job["pipe"])
        startup = (time.time() - started) * 1000
        results = []
        for spec in job["files"]:
            try:
                results.append(process(desktop, spec))
            except Exception as exc:  # One bad file must not lose the batch.
                results.append({"path": spec["path"], "ok": False, "error": str(exc)})
        json.dump({"startupMs": startup, "files": results}, sys.stdout)
        try:
            desktop.terminate()
        except Exception:  # The bridge drops as soffice exits: expected.
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()


if __name__ == "__main__":
    main()
