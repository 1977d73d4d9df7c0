#!/usr/bin/env python3
"""Rewrites `public` as `package` in the library layers (issue 32).

The command line, the benchmark and the tests are targets of this package, so the layers
(Formats, Statistics, Storage, Domain, WorkforceKit) need no public declaration: `package` is
what they share with them. Re-run it after merging a branch that adds `public` declarations:

    python3 scripts/package-access.py            # rewrites, prints the count
    python3 scripts/package-access.py --count    # counts `public` declarations in Sources/

Only the keyword in declarations is rewritten (`public func`, `public private(set) var`,
`public extension`...); comments and strings keep the word.
"""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
layers = ["Formats", "Statistics", "Storage", "Domain", "WorkforceKit"]
# `public` followed by a modifier, attribute or declaration keyword, outside comments.
keyword = re.compile(
    r"\bpublic(?=\s+(?:@\w+|private\(set\)|internal\(set\)|fileprivate\(set\)|(?:static|final|mutating|nonmutating|nonisolated"
    r"|override|convenience|required|indirect|lazy|weak|unowned|dynamic|class|func|var|let|init|subscript|struct|enum"
    r"|protocol|actor|typealias|extension|case|associatedtype|operator|prefix|postfix|infix)\b))")


def code_part(line):
    """The line up to a `//` comment that is not inside a string literal."""
    quoted = False
    i = 0
    while i < len(line):
        c = line[i]
        if c == "\\" and quoted:
            i += 2
            continue
        if c == '"':
            quoted = not quoted
        elif not quoted and line.startswith("//", i):
            return line[:i], line[i:]
        i += 1
    return line, ""


def rewrite(text):
    out, changed, in_block = [], 0, False
    for line in text.split("\n"):
        stripped = line.lstrip()
        if in_block or stripped.startswith("/*"):
            in_block = "*/" not in line or (in_block and line.rstrip().endswith("/*"))
            out.append(line)
            continue
        code, comment = code_part(line)
        # Leave text inside multi-line string literals alone: a declaration line starts with the keyword.
        new, n = keyword.subn("package", code) if re.match(r"\s*(@\w+(\([^)]*\))?\s+)*public\b", code) else (code, 0)
        changed += n
        out.append(new + comment)
    return "\n".join(out), changed


def count(folders):
    total = 0
    for folder in folders:
        for path in sorted((root / "Sources" / folder).rglob("*.swift")):
            for line in path.read_text().split("\n"):
                code, _ = code_part(line)
                if re.match(r"\s*(@\w+(\([^)]*\))?\s+)*public\b", code):
                    total += 1
    return total


if __name__ == "__main__":
    folders = sorted(p.name for p in (root / "Sources").iterdir() if p.is_dir())
    if "--count" not in sys.argv:
        rewritten = 0
        for layer in layers:
            for path in sorted((root / "Sources" / layer).rglob("*.swift")):
                text = path.read_text()
                new, n = rewrite(text)
                if n:
                    path.write_text(new)
                    rewritten += n
        print(f"rewrote {rewritten} public declarations as package")
    for folder in folders:
        print(f"public declarations in Sources/{folder}: {count([folder])}")
    print(f"public declarations in all: {count(folders)}")
