#!/usr/bin/env python3
"""Writes the fuzzing seed corpora under OUT/<target>/ from corpus/ and ../shared/corpus (read in
place, never copied into the repository), plus Fuzz/seeds/<target>/ (small hand-made seeds).

  scripts/fuzz-seeds.py OUT [--docx-only]

docx: each text file as a WordprocessingML document (runs, tabs, a table, a footnote, a deleted
revision and a field code, entities), so that the fuzzer starts from real Word structure.
html: the shared HTML pages and each text file wrapped in <p> tags.
legacy: text files (UTF-8 and re-encoded bytes). procedures: JSONL records. extract: text files.
markdown: each text file with Markdown syntax put in (headings, bold, a pipe table of its first lines).
"""
import glob, io, os, sys, zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("CANCU_CORPUS", os.path.join(ROOT, "..", "shared", "corpus"))
LIMIT = 256 * 1024  # bytes of text per seed: small seeds keep executions fast

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def texts():
    files = sorted(glob.glob(os.path.join(ROOT, "corpus", "**", "*.txt"), recursive=True))
    files += sorted(glob.glob(os.path.join(SHARED, "**", "*.txt"), recursive=True))
    for path in files:
        with open(path, "rb") as f:
            yield path, f.read(LIMIT)

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

def write(folder, name, data):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)

def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    docx_only = "--docx-only" in sys.argv
    for path, text in texts():
        name = os.path.basename(path)
        write(os.path.join(out, "docx"), name + ".docx", docx(text[:16384]))
        write(os.path.join(out, "wordxml"), name + ".xml", document_xml(text[:16384]))
        if docx_only:
            continue
        small = text[:16384]
        write(os.path.join(out, "extract"), name, small)
        write(os.path.join(out, "legacy"), name, small)
        write(os.path.join(out, "html"), name + ".html",
              b"<!DOCTYPE html><html><body>" + b"".join(b"<p>" + l + b"</p>\n" for l in small.splitlines()) + b"</body></html>")
        lines = small.splitlines()
        write(os.path.join(out, "markdown"), name + ".md",
              b"| " + b" | ".join(lines[:2]) + b" |\n|---|---|\n| " + b" | ".join(lines[2:4]) + b" |\n\n"
              + b"\n".join((b"## " if l.startswith("Điều".encode()) else b"**" if l.isupper() else b"") + l for l in lines[4:]))
    if docx_only:
        return
    for path in sorted(glob.glob(os.path.join(SHARED, "**", "*.htm*"), recursive=True)):
        with open(path, "rb") as f:
            write(os.path.join(out, "html"), os.path.basename(path), f.read(LIMIT))
    for path in sorted(glob.glob(os.path.join(SHARED, "procedures", "*.jsonl"))) + sorted(glob.glob(os.path.join(ROOT, "corpus", "**", "*.jsonl"), recursive=True)):
        with open(path, "rb") as f:
            for n, line in enumerate(f):
                if n >= 40: break
                write(os.path.join(out, "procedures"), "%s-%d.jsonl" % (os.path.basename(path), n), line)
    # Hand-made seeds kept in the repository.
    seeds = os.path.join(ROOT, "Fuzz", "seeds")
    for target in os.listdir(seeds) if os.path.isdir(seeds) else []:
        for name in os.listdir(os.path.join(seeds, target)):
            with open(os.path.join(seeds, target, name), "rb") as f:
                write(os.path.join(out, target), "seed-" + name, f.read())

if __name__ == "__main__":
    main()
