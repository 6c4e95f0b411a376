#!/usr/bin/env python3
"""Checks that the Qt Linguist catalogues are complete and current.

    scripts/check-ts.py --lupdate LUPDATE --inputs LST [--full TS]... [--plurals TS]...
    scripts/check-ts.py --no-lupdate [--full TS]... [--plurals TS]...

With --lupdate, each .ts file is first copied to a temporary folder and updated there from the
sources listed in LST (lupdate's @lst-file: one source per line, include folders as -I lines), the
way `cmake --build build --target update_translations` would update it — so a string added to the
code but not to the catalogue shows up as unfinished, and a string removed from the code shows up as
obsolete/vanished (the check itself keeps obsolete entries so it can see them). The real files are
never touched. The files as they are must pass the same checks first. With --no-lupdate only
that is done (the checker's own tests).

--full files must translate every message; --plurals files (the source language's catalogue,
updated with -pluralonly) must give every plural message all of its forms.
In both, a finished translation must keep the source's %1..%99 and %n placeholders, and a
source with a keyboard mnemonic ("&File") must keep one. Exit status: 0 clean, 1 problems.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

# How many plural forms Qt's lrelease uses for a language (qtbase/src/corelib/kernel/qtranslator
# numerus rules); languages not listed are only checked for empty forms.
PLURAL_FORMS = {"en": 2, "de": 2, "es": 2, "it": 2, "fr": 2, "ru": 3, "uk": 3, "be": 3, "pl": 3,
                "cs": 3, "ja": 1, "zh": 1, "ko": 1, "tr": 1}
PLACEHOLDER = re.compile(r"%L?(\d{1,2}|n)")
MNEMONIC = re.compile(r"&(?!&)(?=\S)")


def placeholders(text):
    return sorted(set(m.group(1) for m in PLACEHOLDER.finditer(text or "")))


def has_mnemonic(text):
    # "&&" is a literal ampersand; "&amp;"-style entities are already decoded by the XML parser.
    return bool(MNEMONIC.search((text or "").replace("&&", "")))


def inspect(path, plurals_only, shown_name=None):
    shown = shown_name or path
    problems = []
    root = ET.parse(path).getroot()
    language = (root.get("language") or "").split("_")[0]
    expected_forms = PLURAL_FORMS.get(language)
    for context in root.iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            where = f"{shown}: [{context_name}] {source!r}"
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else "unfinished"
            numerus = message.get("numerus") == "yes"
            if kind in ("obsolete", "vanished"):
                problems.append(f"{where}: {kind} (the source no longer has it: run update_translations)")
                continue
            if kind == "unfinished":
                problems.append(f"{where}: unfinished (new in the source, or never translated)")
                continue
            if plurals_only and not numerus:
                problems.append(f"{where}: a non-plural message in a plural-only catalogue")
                continue
            if numerus:
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if any(not form.strip() for form in forms) or not forms:
                    problems.append(f"{where}: a plural form is empty")
                if expected_forms and len(forms) != expected_forms:
                    problems.append(f"{where}: {len(forms)} plural forms, {language} needs {expected_forms}")
                texts = forms
            else:
                texts = [translation.text or ""]
                if not texts[0].strip():
                    problems.append(f"{where}: empty translation")
            for text in texts:
                if text and placeholders(text) != placeholders(source):
                    problems.append(f"{where}: placeholders {placeholders(source)} became "
                                    f"{placeholders(text)} in {text!r}")
                if text and has_mnemonic(source) and not has_mnemonic(text):
                    problems.append(f"{where}: the translation {text!r} lost the keyboard mnemonic (&)")
    return problems


def updated_copy(lupdate, inputs, ts_path, plurals_only, folder):
    copy = os.path.join(folder, os.path.basename(ts_path))
    shutil.copyfile(ts_path, copy)
    command = [lupdate, "-silent", "-locations", "none", "-no-ui-lines"]
    if plurals_only:
        command.append("-pluralonly")
    command += ["@" + inputs, "-ts", copy]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"lupdate failed on {ts_path}:\n{result.stdout}{result.stderr}")
    return copy


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lupdate")
    parser.add_argument("--inputs")
    parser.add_argument("--no-lupdate", action="store_true")
    parser.add_argument("--full", action="append", default=[])
    parser.add_argument("--plurals", action="append", default=[])
    args = parser.parse_args()
    if not args.no_lupdate and not (args.lupdate and args.inputs):
        parser.error("give --lupdate and --inputs, or --no-lupdate")
    if not args.full and not args.plurals:
        parser.error("no .ts file given")

    problems = []
    with tempfile.TemporaryDirectory(prefix="check-ts-") as folder:
        for ts_path, plurals_only in [(p, False) for p in args.full] + [(p, True) for p in args.plurals]:
            # The file as committed must be clean too: lupdate revives a "vanished" entry whose
            # source is back, so checking only the updated copy would miss a damaged file.
            found = inspect(ts_path, plurals_only)
            if not args.no_lupdate and not found:
                copy = updated_copy(args.lupdate, args.inputs, ts_path, plurals_only, folder)
                found = inspect(copy, plurals_only, shown_name=ts_path + " (after lupdate)")
            problems += found
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-ts: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
