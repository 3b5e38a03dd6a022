#!/usr/bin/env python3
"""Sizes a maintainer meets: files, functions and classes of the C++ sources.

Usage: code-metrics.py [--limits] [<root>]

Prints every C++ file of frontend/, ir/, emitter/, report/ and driver/ over
600 lines, every function over 80 lines and every class with more than 25
member functions (declared in the class, defined anywhere), then the ten
largest files. --limits exits 1 if any is found.

A function's length runs from the first line of its signature to its
closing brace; comments, string literals (raw ones too) and character
literals are blanked first, so braces inside them do not count, and a
lambda counts within the function that holds it.
"""
import os
import re
import sys

FOLDERS = ("frontend", "ir", "emitter", "report", "driver")
FILE_LIMIT, FUNCTION_LIMIT, METHOD_LIMIT = 600, 80, 25


def blank(text):
    """Text with comments and literals replaced by spaces, newlines kept."""
    out, i, n = [], 0, len(text)
    keep = lambda s: re.sub(r"[^\n]", " ", s)
    while i < n:
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif re.match(r'R"([^(\s]*)\(', text[i:]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            delim = re.match(r'R"([^(\s]*)\(', text[i:]).group(1)
            end = ")" + delim + '"'
            j = text.find(end, i)
            j = n if j < 0 else j + len(end)
        elif text[i] in "\"'":
            q, j = text[i], i + 1
            while j < n and text[j] != q:
                j += 2 if text[j] == "\\" else 1
            j += 1
        else:
            out.append(text[i])
            i += 1
            continue
        out.append(keep(text[i:j]))
        i = j
    return "".join(out)


SIGNATURE = re.compile(r"\)\s*(const\s*)?(noexcept\s*)?(override\s*)?(final\s*)?(->\s*[\w:<>,\s*&]+)?$")
INITIALISERS = re.compile(r"\)\s*:\s*[\w:]+\s*[({].*$", re.S)
ACCESS = re.compile(r"^\s*(public|private|protected)\s*:(?!:)")
CLASS = re.compile(r"\b(class|struct|union)\s+(\w+)[^;{}()]*$")


def scan(text):
    """Functions (name, first line, lines) and classes (name, methods)."""
    code = blank(text)
    functions, classes = [], []
    stack = []  # (kind, name, start line, methods)
    last = 0  # where the current statement began
    for i, c in enumerate(code):
        if c in ";":
            statement = ACCESS.sub("", code[last:i])
            if stack and stack[-1][0] == "class" and "(" in statement and \
                    not re.match(r"\s*(using|friend|typedef|static_assert)\b", statement) and \
                    not re.search(r"\(\s*\*", statement.split(")")[0]):
                head = statement.split("(")[0].split("=")[0]
                if re.search(r"[\w~]\s*$", head) or "operator" in head:
                    stack[-1][3].append(head.split()[-1] if head.split() else "?")
            last = i + 1
        elif c == "{":
            head = ACCESS.sub("", code[last:i]).rstrip()
            inside_function = any(k == "function" for k, *_ in stack)
            if inside_function:
                kind = "block"
            elif INITIALISERS.search(head) and re.search(r"\w$", head):
                # `B{A}` in a constructor's initialiser list: the body is
                # still ahead, and so is the end of its head.
                stack.append(("initialiser", "", 0, []))
                continue
            elif CLASS.search(head) and "(" not in head:
                kind = "class"
            elif "(" in head and (SIGNATURE.search(head) or INITIALISERS.search(head)) \
                    and not re.match(r"\s*(namespace|extern)\b", head) and "=" not in head.split("(")[0]:
                kind = "function"
            else:
                kind = "block"
            name = ""
            if kind == "class":
                name = CLASS.search(head).group(2)
            elif kind == "function":
                name = head.split("(")[0].split()[-1] if head.split("(")[0].split() else "?"
                if stack and stack[-1][0] == "class":
                    stack[-1][3].append(name)
            lead = code[last:i]
            lead = lead[:len(lead) - len(ACCESS.sub("", lead, count=1).lstrip())] if ACCESS.match(lead) else \
                lead[:len(lead) - len(lead.lstrip())]
            start = code.count("\n", 0, last + len(lead)) + 1
            stack.append((kind, name, start, []))
            last = i + 1
        elif c == "}":
            if stack and stack[-1][0] == "initialiser":
                stack.pop()
                continue
            if stack:
                kind, name, start, methods = stack.pop()
                end = code.count("\n", 0, i) + 1
                if kind == "function":
                    functions.append((name, start, end - start + 1))
                elif kind == "class":
                    classes.append((name, len(methods)))
            last = i + 1
    return functions, classes


def sources(root):
    for folder in FOLDERS:
        for dirpath, _, files in os.walk(os.path.join(root, folder)):
            for f in sorted(files):
                if f.endswith((".cpp", ".h")):
                    yield os.path.join(dirpath, f)


def main():
    argv = sys.argv[1:]
    limits = "--limits" in argv
    argv = [a for a in argv if a != "--limits"]
    root = argv[0] if argv else os.path.join(os.path.dirname(os.path.realpath(__file__)), "..")
    sizes, long_functions, big_classes = [], [], []
    methods_by_class = {}
    for path in sources(root):
        text = open(path).read()
        rel = os.path.relpath(path, root)
        sizes.append((text.count("\n"), rel))
        functions, classes = scan(text)
        long_functions += [(n, rel, line, name) for name, line, n in functions if n > FUNCTION_LIMIT]
        for name, count in classes:
            methods_by_class[name] = methods_by_class.get(name, 0) + count
    big_classes = sorted(((n, c) for c, n in methods_by_class.items() if n > METHOD_LIMIT), reverse=True)
    big_files = sorted((s for s in sizes if s[0] > FILE_LIMIT), reverse=True)
    print("files over %d lines: %d" % (FILE_LIMIT, len(big_files)))
    for n, rel in big_files:
        print("  %5d %s" % (n, rel))
    print("functions over %d lines: %d" % (FUNCTION_LIMIT, len(long_functions)))
    for n, rel, line, name in sorted(long_functions, reverse=True):
        print("  %5d %s:%d %s" % (n, rel, line, name))
    print("classes with more than %d member functions: %d" % (METHOD_LIMIT, len(big_classes)))
    for n, name in big_classes:
        print("  %5d %s" % (n, name))
    print("largest files:")
    for n, rel in sorted(sizes, reverse=True)[:10]:
        print("  %5d %s" % (n, rel))
    print("%d files, %d lines" % (len(sizes), sum(n for n, _ in sizes)))
    if limits and (big_files or long_functions or big_classes):
        sys.exit(1)


if __name__ == "__main__":
    main()
