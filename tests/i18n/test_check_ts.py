#!/usr/bin/env python3
"""Tests scripts/check-ts.py: it reports every planted problem of the fixture catalogues and nothing
else, and — through a real lupdate run — it sees strings added to and removed from the sources
without touching the real .ts file."""

import argparse
import os
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

ARGS = None


def run_check(*arguments):
    result = subprocess.run([sys.executable, ARGS.script, *arguments], capture_output=True, text=True)
    return result.returncode, result.stdout


def expectations(ts_path):
    """(source, expected word or None) for every message of a fixture."""
    found = []
    for message in ET.parse(ts_path).getroot().iter("message"):
        comment = message.findtext("comment") or ""
        word = comment[len("expect:"):].strip() if comment.startswith("expect:") else None
        found.append((message.findtext("source"), word))
    return found


class FixtureCatalogues(unittest.TestCase):
    def check_fixture(self, option, name):
        path = os.path.join(ARGS.fixtures, name)
        status, output = run_check("--no-lupdate", option, path)
        self.assertEqual(status, 1, output)
        lines = output.splitlines()
        for source, word in expectations(path):
            reported = [line for line in lines if f"{source!r}" in line]
            if word is None:
                self.assertEqual(reported, [], f"false report for {source!r}")
            else:
                self.assertTrue(any(word in line for line in reported),
                                f"{source!r} should be reported as {word!r}; got {reported}")

    def test_full_catalogue_problems(self):
        self.check_fixture("--full", "problems_ru.ts")

    def test_plural_only_catalogue_problems(self):
        self.check_fixture("--plurals", "plurals_en.ts")


PROBE_SOURCE = """#include <QObject>
class Probe : public QObject
{
    Q_OBJECT
public:
    void texts() { tr("Fresh string"); tr("Kept string"); tr("%n new lead(s)", nullptr, 2); }
};
"""

PROBE_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Probe</name>
    <message>
        <source>Kept string</source>
        <translation>Оставленная строка</translation>
    </message>
    <message>
        <source>Removed string</source>
        <translation>Удалённая строка</translation>
    </message>
</context>
</TS>
"""


class AgainstTheSources(unittest.TestCase):
    def test_lupdate_finds_new_and_removed_strings(self):
        with tempfile.TemporaryDirectory() as folder:
            source = os.path.join(folder, "Probe.cpp")
            with open(source, "w", encoding="utf-8") as handle:
                handle.write(PROBE_SOURCE)
            inputs = os.path.join(folder, "inputs.lst")
            with open(inputs, "w", encoding="utf-8") as handle:
                handle.write(f"-I{folder}\n{source}\n")
            ts_path = os.path.join(folder, "probe_ru.ts")
            with open(ts_path, "w", encoding="utf-8") as handle:
                handle.write(PROBE_TS)

            status, output = run_check("--lupdate", ARGS.lupdate, "--inputs", inputs, "--full", ts_path)
            self.assertEqual(status, 1, output)
            self.assertRegex(output, r"'Fresh string': unfinished")
            self.assertRegex(output, r"'%n new lead\(s\)': unfinished")
            self.assertRegex(output, r"'Removed string': (vanished|obsolete)")
            self.assertNotIn("'Kept string'", output)
            with open(ts_path, encoding="utf-8") as handle:
                self.assertEqual(handle.read(), PROBE_TS, "the checked .ts file must not be modified")

    def test_damaged_file_is_reported_although_lupdate_would_revive_it(self):
        # lupdate turns a "vanished" entry whose source is back into a finished one: the committed
        # file must be checked as it is, not only after lupdate.
        with tempfile.TemporaryDirectory() as folder:
            source = os.path.join(folder, "Probe.cpp")
            with open(source, "w", encoding="utf-8") as handle:
                handle.write(PROBE_SOURCE)
            inputs = os.path.join(folder, "inputs.lst")
            with open(inputs, "w", encoding="utf-8") as handle:
                handle.write(f"{source}\n")
            ts_path = os.path.join(folder, "probe_ru.ts")
            with open(ts_path, "w", encoding="utf-8") as handle:
                handle.write(PROBE_TS.replace("<translation>Оставленная", '<translation type="vanished">Оставленная'))

            status, output = run_check("--lupdate", ARGS.lupdate, "--inputs", inputs, "--full", ts_path)
            self.assertEqual(status, 1, output)
            self.assertRegex(output, r"'Kept string': vanished")

    def test_plural_only_catalogue_sees_only_new_plurals(self):
        with tempfile.TemporaryDirectory() as folder:
            source = os.path.join(folder, "Probe.cpp")
            with open(source, "w", encoding="utf-8") as handle:
                handle.write(PROBE_SOURCE)
            inputs = os.path.join(folder, "inputs.lst")
            with open(inputs, "w", encoding="utf-8") as handle:
                handle.write(f"{source}\n")
            ts_path = os.path.join(folder, "probe_en.ts")
            with open(ts_path, "w", encoding="utf-8") as handle:
                handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                             '<TS version="2.1" language="en_US">\n</TS>\n')

            status, output = run_check("--lupdate", ARGS.lupdate, "--inputs", inputs, "--plurals", ts_path)
            self.assertEqual(status, 1, output)
            self.assertRegex(output, r"'%n new lead\(s\)': unfinished")
            self.assertNotIn("Fresh string", output)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--script", required=True)
    parser.add_argument("--fixtures", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], "-v", *rest])
