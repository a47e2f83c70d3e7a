#!/usr/bin/python3
# check_csv.py: reads claimcheck CSV (argv[1]) with Python's csv module as
# RFC 4180 says (CRLF records, quoted fields), checks every record has the
# header's fields, that line ends are CRLF, and that each span is the
# file's bytes at start..end (whitespace runs read as one space). Prints
# "ok ROWS GROUPS" or fails.
import csv, sys

raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n"), "records end in CRLF"
assert b"\n" not in raw.replace(b"\r\n", b""), "no bare LF"
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8"), strict=True))
head = rows[0]
for f in ("group", "status", "entity", "attribute", "fingerprint", "doc", "line", "start", "end", "span", "value"):
    assert f in head, f
groups = set()
for r in rows[1:]:
    assert len(r) == len(head), r
    d = dict(zip(head, r))
    data = open(d["doc"], "rb").read()
    span = data[int(d["start"]):int(d["end"])].decode("utf-8", "replace")
    assert " ".join(span.split()) == d["span"], (span, d["span"])
    assert data[:int(d["start"])].count(b"\n") + 1 == int(d["line"])
    if d["group"]:
        groups.add(d["group"])
print("ok", len(rows) - 1, len(groups))
