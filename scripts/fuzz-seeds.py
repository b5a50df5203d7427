#!/usr/bin/env python3
"""Writes the fuzzing seed corpora under OUT/<target>/ from corpus/ and ../shared/corpus (read in
place, never copied into the repository), plus Fuzz/seeds/<target>/ (small hand-made seeds).

  scripts/fuzz-seeds.py OUT [--docx-only]

docx: each text file as a WordprocessingML document (runs, tabs, a table, a footnote, a deleted
revision and a field code, entities), so that the fuzzer starts from real Word structure.
html: the shared HTML pages and each text file wrapped in <p> tags.
legacy: text files, UTF-8 and re-encoded in TCVN3, VNI, VISCII and CP1258 (with the byte tables of
dictionaries/legacy-encodings.tsv). procedures: JSONL records. extract: text files.
markdown: each text file with Markdown syntax put in (headings, bold, a pipe table of its first lines).

Every seed is cut at a line end (never inside a UTF-8 sequence, which would send valid text down the
legacy-encoding detection) and kept small (SMALL bytes of text; an HTML page PAGE bytes): libFuzzer
runs each seed first, and small inputs keep the targets at hundreds to thousands of executions a second.
"""
import glob, io, os, sys, unicodedata, zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("CANCU_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
LIMIT = 256 * 1024  # bytes read from each file
SMALL = 8192        # bytes of text per .docx / document.xml seed
CHUNK = 2048        # bytes of text per seed of the other targets: a document gives up to four
PAGE = 16384        # bytes of an HTML page per seed

def cut(data, size):
    """The first `size` bytes of `data`, up to the last line end among them."""
    if len(data) <= size:
        return data
    head = data[:size]
    end = head.rfind(b"\n")
    return head[:end + 1] if end > 0 else head[:size - 4].decode("utf-8", "ignore").encode("utf-8")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def texts():
    files = sorted(glob.glob(os.path.join(ROOT, "corpus", "**", "*.txt"), recursive=True))
    files += sorted(glob.glob(os.path.join(SHARED, "**", "*.txt"), recursive=True))
    for path in files:
        with open(path, "rb") as f:
            yield path, cut(f.read(LIMIT), LIMIT)

def run(text):
    # Runs split at spaces now and then, a tab for a leading "Điều N." label.
    parts = text.split("\t")
    out = []
    for k, part in enumerate(parts):
        if k: out.append("<w:r><w:tab/></w:r>")
        words = part.split(" ")
        for start in range(0, len(words), 7):
            chunk = " ".join(words[start:start + 7]) + (" " if start + 7 < len(words) else "")
            out.append('<w:r><w:t xml:space="preserve">%s</w:t></w:r>' % escape(chunk, {'"': "&quot;"}))
    return "".join(out)

def document_xml(text):
    lines = text.decode("utf-8", "replace").splitlines()
    body = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document %s><w:body>' % W]
    table = []
    for n, line in enumerate(lines):
        if "\t" in line and len(table) < 20:
            table.append(line.split("\t"))
            continue
        if n == 3:
            body.append('<w:p><w:r><w:t>Căn cứ</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r>'
                        '<w:del w:id="9"><w:r><w:delText>bỏ</w:delText></w:r></w:del>'
                        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p>')
        body.append("<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>%s</w:p>" % run(line))
    if table:
        body.append("<w:tbl>")
        for row in table:
            body.append("<w:tr>" + "".join("<w:tc><w:p>%s</w:p></w:tc>" % run(cell) for cell in row) + "</w:tr>")
        body.append("</w:tbl>")
    body.append("</w:body></w:document>")
    return "".join(body).encode("utf-8")

def docx(text):
    notes = ('<?xml version="1.0" encoding="UTF-8"?><w:footnotes %s>'
             '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
             '<w:footnote w:id="1"><w:p><w:r><w:t>Được sửa đổi bởi Nghị định số 154/2020/NĐ-CP &amp; khác.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>' % W)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", document_xml(text))
        z.writestr("word/footnotes.xml", notes.encode("utf-8"))
    return buffer.getvalue()

def chunks(data):
    """Up to four pieces of CHUNK bytes, cut at line ends: the header and "Căn cứ" lines, two from
    the body (articles, clauses) and the end (signature, annexes)."""
    if len(data) <= CHUNK:
        return [data]
    pieces = []
    for start in (0, len(data) // 3, 2 * len(data) // 3, max(0, len(data) - CHUNK)):
        if start:
            start = data.find(b"\n", start) + 1
            if start <= 0 or start >= len(data):
                continue
        piece = cut(data[start:], CHUNK)
        if piece and piece not in pieces:
            pieces.append(piece)
    return pieces

def legacy_tables():
    """encoding -> {NFD scalars: byte}, from dictionaries/legacy-encodings.tsv (ASCII added)."""
    tables = {}
    with open(os.path.join(ROOT, "dictionaries", "legacy-encodings.tsv"), encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 3 or fields[0] == "encoding":
                continue
            chars = "".join(chr(int(u[2:], 16)) for u in fields[2].split() if u.startswith("U+"))
            key = unicodedata.normalize("NFD", chars)
            tables.setdefault(fields[0], {}).setdefault(key, int(fields[1], 16))
    return tables

def encode_legacy(text, table, lower_fallback):
    """Text in a legacy table: the longest NFD match at each point; what has none is dropped."""
    out = bytearray()
    nfd = unicodedata.normalize("NFD", text)
    longest = max(len(k) for k in table)
    i = 0
    while i < len(nfd):
        for n in range(min(longest, len(nfd) - i), 0, -1):
            piece = nfd[i:i + n]
            if piece in table:
                out.append(table[piece]); i += n; break
            if lower_fallback and piece.lower() in table:
                out.append(table[piece.lower()]); i += n; break
        else:
            if ord(nfd[i]) < 0x80:
                out.append(ord(nfd[i]))
            i += 1
    return bytes(out)

def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    docx_only = "--docx-only" in sys.argv
    tables = legacy_tables()
    for k, (path, text) in enumerate(texts()):
        name = os.path.basename(path)
        small = cut(text, SMALL)
        write(os.path.join(out, "docx"), name + ".docx", docx(small))
        write(os.path.join(out, "wordxml"), name + ".xml", document_xml(small))
        if docx_only:
            continue
        for c, piece in enumerate(chunks(text)):
            part = "%s.%d" % (name, c)
            write(os.path.join(out, "extract"), part, piece)
            write(os.path.join(out, "legacy"), part, piece)
            write(os.path.join(out, "html"), part + ".html",
                  b"<!DOCTYPE html><html><body>" + b"".join(b"<p>" + l + b"</p>\n" for l in piece.splitlines()) + b"</body></html>")
            lines = piece.splitlines()
            write(os.path.join(out, "markdown"), part + ".md",
                  b"| " + b" | ".join(lines[:2]) + b" |\n|---|---|\n| " + b" | ".join(lines[2:4]) + b" |\n\n"
                  + b"\n".join((b"## " if l.startswith("Điều".encode()) else b"**" if l.isupper() else b"") + l for l in lines[4:]))
            if (k + c) % 3 == 0:
                # The same text in a legacy encoding (the four in turn), as old files are.
                encoding = sorted(tables)[(k + c) % len(tables)]
                legacy = encode_legacy(piece.decode("utf-8", "replace"), tables[encoding], encoding == "tcvn3")
                write(os.path.join(out, "legacy"), "%s.%s" % (part, encoding), legacy)
                write(os.path.join(out, "html"), "%s.%s.html" % (part, encoding),
                      b'<html><head><meta charset="' + encoding.encode() + b'"></head><body>'
                      + b"".join(b"<p>" + l + b"</p>\n" for l in legacy.splitlines()) + b"</body></html>")
    if docx_only:
        return
    for path in sorted(glob.glob(os.path.join(SHARED, "**", "*.htm*"), recursive=True)):
        with open(path, "rb") as f:
            page = f.read(PAGE)
            end = page.rfind(b">")
            write(os.path.join(out, "html"), os.path.basename(path), page[:end + 1] if len(page) == PAGE and end > 0 else page)
    for path in sorted(glob.glob(os.path.join(SHARED, "procedures", "*.jsonl"))) + sorted(glob.glob(os.path.join(ROOT, "corpus", "**", "*.jsonl"), recursive=True)):
        with open(path, "rb") as f:
            for n, line in enumerate(f):
                if n >= 40: break
                if len(line) > 16384: continue  # a whole record, under the target's -max_len
                write(os.path.join(out, "procedures"), "%s-%d.jsonl" % (os.path.basename(path), n), line)
    # Hand-made seeds kept in the repository.
    seeds = os.path.join(ROOT, "Fuzz", "seeds")
    for target in os.listdir(seeds) if os.path.isdir(seeds) else []:
        for name in os.listdir(os.path.join(seeds, target)):
            with open(os.path.join(seeds, target, name), "rb") as f:
                write(os.path.join(out, target), "seed-" + name, f.read())

if __name__ == "__main__":
    main()
