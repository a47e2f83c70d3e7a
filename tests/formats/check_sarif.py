#!/usr/bin/python3
# check_sarif.py: validates a SARIF log (argv[1]) against the SARIF 2.1.0
# subset schema beside this script with python3-jsonschema, then checks what
# the schema cannot: every region points at the snippet in the file on disk,
# every ruleIndex names its ruleId. Prints "ok N" (N results) or the problem.
import json, os, sys
import jsonschema

here = os.path.dirname(os.path.abspath(__file__))
schema = json.load(open(os.path.join(here, "sarif-2.1.0-subset.schema.json")))
log = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
n = 0
for r in run["results"]:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"], r
    assert r["locations"], "a result without a location"
    for loc in r["locations"]:
        pl = loc["physicalLocation"]
        uri = pl["artifactLocation"]["uri"]
        assert run["artifacts"][pl["artifactLocation"]["index"]]["location"]["uri"] == uri
        path = uri[len("file://"):] if uri.startswith("file://") else uri
        data = open(path, "rb").read()
        reg = pl["region"]
        span = data[reg["byteOffset"]:reg["byteOffset"] + reg["byteLength"]].decode("utf-8", "replace")
        assert " ".join(span.split()) == reg["snippet"]["text"], (span, reg)
        # line and column (in code points) lead to the same place
        lines = data.decode("utf-8", "replace").split("\n")
        line = lines[reg["startLine"] - 1]
        assert line[reg["startColumn"] - 1:].startswith(span.split("\n")[0]), (line, reg)
    n += 1
print("ok", n)
