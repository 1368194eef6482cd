#!/usr/bin/python3
"""The Spanish catalogue covers every user-visible string in the sources.

Runs lupdate over core/, app/ and ui/ into a scratch copy of
translations/retort_es.ts (the committed file is not touched) and fails when
any message is left without a finished translation, naming each one, or when a
translation drops a placeholder (%1, %n...) its source has.

    check_complete.py LUPDATE SOURCE_DIR
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:\d+|n|L\d+)")


def main():
    lupdate, source_dir = sys.argv[1], sys.argv[2]
    catalogue = os.path.join(source_dir, "translations", "retort_es.ts")
    sources = []
    for folder in ("core", "app", "ui"):
        for pattern in ("*.cpp", "*.h"):
            sources += sorted(glob.glob(os.path.join(source_dir, folder, pattern)))
    with tempfile.TemporaryDirectory() as tmp:
        scratch = os.path.join(tmp, "retort_es.ts")
        shutil.copyfile(catalogue, scratch)
        # The same options the update_translations target uses (app/CMakeLists.txt).
        proc = subprocess.run([lupdate, "-no-obsolete", "-locations", "none"] + sources
                              + ["-ts", scratch], capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stdout + proc.stderr)
            return 1
        root = ET.parse(scratch).getroot()

    problems = []
    total = 0
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            total += 1
            source = message.findtext("source") or ""
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")] \
                if message.get("numerus") == "yes" else [translation.text or ""]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") \
                    or not any(forms):
                problems.append("%s: untranslated: %r" % (name, source))
                continue
            wanted = set(PLACEHOLDER.findall(source))
            if message.get("numerus") == "yes":
                wanted.discard("%n")  # a singular form may spell the number out
            for form in forms:
                missing = wanted - set(PLACEHOLDER.findall(form))
                if missing:
                    problems.append("%s: %r lacks %s in %r"
                                    % (name, source, ", ".join(sorted(missing)), form))
    for problem in problems:
        print(problem)
    print("%d messages, %d problems" % (total, len(problems)))
    return 1 if problems or total == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
