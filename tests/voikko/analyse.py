#!/usr/bin/python3
"""Reads a JSON list of words on stdin; prints {word: [[baseform, class, case], ...]} from Voikko (Finnish)."""
import json
import sys

import libvoikko

v = libvoikko.Voikko('fi')
words = json.load(sys.stdin)
out = {w: [[a.get('BASEFORM'), a.get('CLASS'), a.get('SIJAMUOTO')] for a in v.analyze(w)] for w in words}
v.terminate()
json.dump(out, sys.stdout, ensure_ascii=False)
