#!/usr/bin/env python3
"""Fails when a user-visible string literal in the C++ sources is not wrapped in tr()/translate().

    scripts/check-tr.py [--expect-marked] PATH...      (folders are searched for .cpp and .h files)

A literal counts as user-visible when it reaches a widget's text through a known "sink" call —
setText, setWindowTitle, setToolTip, addAction, addMenu, showMessage, QMessageBox::warning,
QLabel(...), QPushButton(...) and the like (SINK_CALLS, SINK_CLASSES below) — without passing
through tr(), QCoreApplication::translate() or a QT_TR_NOOP-style marker on the way, and when its
text reads like words: literals without letters ("%1 / %2", "<b>%1</b>"), identifiers and object
names ("phoneEdit", "sandbox"), short codes ("USD"), key sequences, URLs and resource paths are
not words. A deliberate exception is marked on its line with a comment:  // check-tr: ok (why)

--expect-marked is for the checker's own test: every line of the fixtures that ends with the
comment "// expect-untranslated" must be reported, and no other line.
Exit status: 0 clean, 1 findings (or, with --expect-marked, a mismatch), 2 usage error.
"""

import argparse
import os
import re
import sys

SINK_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "setAccessibleName", "setAccessibleDescription", "setTitle", "setLabelText", "setButtonText",
    "setInformativeText", "setDetailedText", "setSuffix", "setPrefix", "setSpecialValueText",
    "setHeaderLabels", "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "setTabText",
    "setTabToolTip", "setItemText", "setIconText", "addTab", "insertTab", "addAction", "addMenu",
    "addItem", "addItems", "insertItem", "showMessage", "setNameFilter", "setNameFilters",
    "setWindowIconText", "setSubTitle", "setHtml", "setPlainText",
    "QMessageBox::about", "QMessageBox::warning", "QMessageBox::critical",
    "QMessageBox::information", "QMessageBox::question", "QInputDialog::getText",
    "QInputDialog::getItem", "QInputDialog::getInt", "QInputDialog::getDouble",
    "QInputDialog::getMultiLineText", "QFileDialog::getSaveFileName", "QFileDialog::getOpenFileName",
    "QFileDialog::getExistingDirectory",
}
SINK_CLASSES = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QToolButton",
    "QMenu", "QMessageBox", "QCommandLinkButton", "QDockWidget", "QTableWidgetItem", "QListWidgetItem",
    "QTreeWidgetItem", "QStandardItem",
}
# Calls whose arguments are translated text, or are marked for translation elsewhere.
TRANSLATING_CALLS = {
    "tr", "trUtf8", "translate", "qtTrId", "QT_TR_NOOP", "QT_TR_NOOP_UTF8", "QT_TRANSLATE_NOOP",
    "QT_TRANSLATE_NOOP3", "QT_TR_N_NOOP", "QT_TRANSLATE_N_NOOP", "QT_TRANSLATE_N_NOOP3", "QT_TRID_NOOP",
}
# Calls that only turn a literal into a string: the literal's fate is decided further out.
WRAPPING_CALLS = {
    "QStringLiteral", "QLatin1String", "QLatin1StringView", "QLatin1Char", "QString", "QStringView",
    "QString::fromUtf8", "QString::fromLatin1", "QString::fromLocal8Bit", "QByteArrayLiteral",
    "QByteArray", "u8", "QChar", "arg",
}
# Calls whose literal arguments are technical, never shown as words.
TECHNICAL_CALLS = {
    "QIcon", "QIcon::fromTheme", "QKeySequence", "QUrl", "QColor", "QFont", "QRegularExpression",
    "setObjectName", "objectName", "findChild", "findChildren", "property", "setProperty", "value",
    "setValue", "contains", "QDir", "QFile", "QFileInfo", "QLocale", "QDate::fromString",
    "QDateTime::fromString", "QTime::fromString", "toString", "QStandardPaths::locate",
    "setStyleSheet", "QVariant", "QSettings", "qgetenv", "qEnvironmentVariable", "setData", "data",
}
KEYWORDS = {"return", "new", "else", "case", "throw", "co_return", "delete", "sizeof", "const", "auto"}

SUPPRESS = re.compile(r"//\s*check-tr:\s*ok\b")
EXPECT = re.compile(r"//\s*expect-untranslated\b")


class Token:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind, self.text, self.line = kind, text, line


def unescape(body):
    """The text of a C++ string literal's body, escapes undone well enough to judge it."""
    return re.sub(r"\\(x[0-9a-fA-F]+|[0-7]{1,3}|u[0-9a-fA-F]{4}|.)", lambda m: " " if len(m.group(1)) > 1 else m.group(1), body)


def tokenize(source):
    tokens, i, line, n = [], 0, 1, len(source)
    ident = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
    while i < n:
        c = source[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif source.startswith("//", i):
            end = source.find("\n", i)
            i = n if end < 0 else end
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += source.count("\n", i, end)
            i = end
        elif c == "#" and source[source.rfind("\n", 0, i) + 1:i].strip() == "":
            # A preprocessor line (with its continuations): #include "x.h" is not text.
            end = i
            while True:
                end = source.find("\n", end)
                if end < 0 or source[end - 1] != "\\":
                    break
                end += 1
            end = n if end < 0 else end
            line += source.count("\n", i, end)
            i = end
        elif c == '"' or c == "R" and source.startswith('R"', i):
            raw = c == "R"
            start_line = line
            if raw:
                open_paren = source.find("(", i + 2)
                delimiter = ")" + source[i + 2:open_paren] + '"'
                end = source.find(delimiter, open_paren)
                body = source[open_paren + 1:end]
                i = end + len(delimiter)
            else:
                j = i + 1
                while j < n and source[j] != '"':
                    j += 2 if source[j] == "\\" else 1
                body = unescape(source[i + 1:j])
                i = j + 1
            line += body.count("\n") if raw else 0
            # Adjacent literals are one string.
            if tokens and tokens[-1].kind == "string":
                tokens[-1].text += body
            else:
                tokens.append(Token("string", body, start_line))
        elif c == "'":
            j = i + 1
            while j < n and source[j] != "'":
                j += 2 if source[j] == "\\" else 1
            tokens.append(Token("char", source[i:j + 1], line))
            i = j + 1
        elif c.isdigit():
            m = re.compile(r"[0-9][0-9A-Za-z_.']*").match(source, i)
            tokens.append(Token("number", m.group(0), line))
            i = m.end()
        else:
            m = ident.match(source, i)
            if m:
                word = m.group(0)
                # A prefix glued to a literal (u"", u8"", L"", uR"()") belongs to the literal.
                if word in ("u", "u8", "U", "L") and source.startswith('"', m.end()):
                    i = m.end()
                    continue
                if word in ("uR", "u8R", "UR", "LR") and source.startswith('"', m.end()):
                    i = m.end() - 1
                    continue
                tokens.append(Token("ident", word, line))
                i = m.end()
            elif source.startswith("::", i):
                tokens.append(Token("punct", "::", line))
                i += 2
            elif source.startswith("->", i):
                tokens.append(Token("punct", "->", line))
                i += 2
            else:
                tokens.append(Token("punct", c, line))
                i += 1
    return tokens


def qualified_name_before(tokens, index):
    """The (possibly qualified) name that ends just before tokens[index], and where it starts."""
    j = index - 1
    if j < 0 or tokens[j].kind != "ident":
        return None, index
    parts = [tokens[j].text]
    while j >= 2 and tokens[j - 1].text == "::" and tokens[j - 2].kind == "ident":
        parts.insert(0, tokens[j - 2].text)
        j -= 2
    # Template arguments (findChild<QLabel *>) are not part of the name we need.
    return "::".join(parts), j


def callee_of(tokens, index):
    """What an opening bracket at tokens[index] calls or constructs; None for a plain block."""
    name, start = qualified_name_before(tokens, index)
    if name is None:
        if index > 0 and tokens[index - 1].text == ">":
            # findChild<QLabel *>(...) and static_cast<...>(...): find the name before the '<'.
            depth, j = 0, index - 1
            while j >= 0:
                if tokens[j].text == ">":
                    depth += 1
                elif tokens[j].text == "<":
                    depth -= 1
                    if depth == 0:
                        break
                j -= 1
            name, start = qualified_name_before(tokens, j)
        return name
    short = name.split("::")[-1]
    # "QLabel label(...)": a declaration constructs its type.
    if start > 0 and tokens[start - 1].kind == "ident" and tokens[start - 1].text not in KEYWORDS:
        type_name, _ = qualified_name_before(tokens, start)
        if type_name and type_name.split("::")[-1] in SINK_CLASSES:
            return type_name
    if name.startswith("QMessageBox::") or name.startswith("QInputDialog::") or name.startswith("QFileDialog::"):
        return name
    return short


def looks_like_words(text):
    text = re.sub(r"<[^>]*>", " ", text)          # HTML tags
    text = re.sub(r"&[A-Za-z]+;|&#\d+;", " ", text)  # entities
    text = re.sub(r"%L?\d+|%n", " ", text)        # placeholders
    stripped = text.strip()
    if not any(ch.isalpha() for ch in stripped):
        return False
    if re.match(r"^(https?|file|qrc|mailto):", stripped) or stripped.startswith((":/", "/", "./")):
        return False
    if re.fullmatch(r"[a-z_][A-Za-z0-9_.\-]*", stripped):      # objectName, key, code, property
        return False
    if re.fullmatch(r"[A-Z][A-Z0-9_\-]{0,5}", stripped):       # USD, RU, UTF-8
        return False
    if re.fullmatch(r"((Ctrl|Alt|Shift|Meta)\+)+\S+", stripped):  # key sequences
        return False
    if re.fullmatch(r"\*?\.[A-Za-z0-9]+", stripped):           # a file extension pattern
        return False
    return True


def findings_in(path):
    with open(path, encoding="utf-8") as handle:
        source = handle.read()
    lines = source.split("\n")
    tokens = tokenize(source)
    frames = []  # one per open bracket: the call it belongs to, or None for a block
    found = []
    for index, token in enumerate(tokens):
        if token.text in ("(", "{", "["):
            callee = callee_of(tokens, index) if token.text != "[" else None
            if token.text == "{" and callee is not None and callee.split("::")[-1] not in SINK_CLASSES:
                callee = None  # a function body or a lambda's, not a brace initialiser of a widget
            frames.append(("block" if token.text == "{" and callee is None else "call", callee))
        elif token.text in (")", "}", "]"):
            if frames:
                frames.pop()
        elif token.kind == "string":
            sink = verdict_for(frames)
            if sink and looks_like_words(token.text):
                if not SUPPRESS.search(lines[token.line - 1]):
                    found.append((token.line, sink, token.text))
    return found


def verdict_for(frames):
    """The sink a literal flows into untranslated, or None."""
    for kind, callee in reversed(frames):
        if kind == "block":
            return None
        if callee is None:
            continue
        short = callee.split("::")[-1]
        if short in TRANSLATING_CALLS or callee in TRANSLATING_CALLS:
            return None
        if callee in TECHNICAL_CALLS or short in TECHNICAL_CALLS:
            return None
        if callee in SINK_CALLS or short in SINK_CALLS or short in SINK_CLASSES:
            return callee
        # A wrapper or any other call: the literal's text may still reach a sink further out.
    return None


def source_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for name in sorted(files):
                if name.endswith((".cpp", ".h", ".hpp", ".cc")):
                    yield os.path.join(root, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--expect-marked", action="store_true")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()

    failures = 0
    for path in source_files(args.paths):
        found = findings_in(path)
        if args.expect_marked:
            with open(path, encoding="utf-8") as handle:
                marked = {n for n, text in enumerate(handle.read().split("\n"), 1) if EXPECT.search(text)}
            reported = {line for line, _, _ in found}
            for line in sorted(marked - reported):
                print(f"{path}:{line}: planted untranslated string was NOT reported")
                failures += 1
            for line, sink, text in found:
                if line not in marked:
                    print(f"{path}:{line}: false positive: {text!r} in {sink}()")
                    failures += 1
        else:
            for line, sink, text in found:
                print(f"{path}:{line}: user-visible string not in tr(): {text!r} passed to {sink}()")
                failures += 1
    if failures:
        print(f"check-tr: {failures} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
