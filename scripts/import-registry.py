#!/usr/bin/env python3
"""Build dictionaries/documents.tsv and dictionaries/document-relations.tsv (the registry that
`cancu review` reads) from four kinds of input, merged by document:

1. dictionaries/sources/legal-conventions-documents.tsv: the hand-curated seed (legal-conventions.md
   section 7). Its facts win on conflict.
1b. dictionaries/sources/document-titles.tsv: types and titles of laws cited by name that the shared
   registry lacks (or types it gets wrong), each with the line of the shared reference that states it.
2. SHARED/reference/registry/documents.tsv and relations.tsv: the starter registry (status,
   relations, sources).
3. SHARED/corpus/phapdien/notes-fullform.jsonl and notes-amend.jsonl: source notes of the Legal Code
   compilation (each gives a document's issue and effective dates and the documents amending it).

Every row keeps its sources and confidence; a fact that disagrees with the winning one is written
into the `note` column ("conflict: ..."), never dropped silently. Re-runnable:

    python3 scripts/import-registry.py --shared ../shared

`--output DIR` writes the two files into DIR instead of dictionaries/ (the tests use it to check that
a rerun gives the tracked files without touching them).

Python 3 standard library only.
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(REPO, "dictionaries", "sources", "legal-conventions-documents.tsv")
TITLES = os.path.join(REPO, "dictionaries", "sources", "document-titles.tsv")
ISSUERS = os.path.join(REPO, "dictionaries", "issuers.tsv")
OUT_DOCS = os.path.join(REPO, "dictionaries", "documents.tsv")
OUT_RELS = os.path.join(REPO, "dictionaries", "document-relations.tsv")

COLUMNS = ["symbol", "type", "issuer", "title", "issued", "effective", "status", "status_as_of",
           "expired_on", "term_end", "replaced_by", "amended_by", "repealed_by", "confidence",
           "source", "note"]
REL_COLUMNS = ["from_symbol", "relation", "to_symbol", "effective", "scope", "confidence", "source",
               "evidence"]

STATUS = {"Còn hiệu lực": "in_force", "Hết hiệu lực toàn bộ": "expired",
          "Hết hiệu lực một phần": "partly_expired"}

TYPES = ["Thông tư liên tịch", "Nghị quyết liên tịch", "Bộ luật", "Luật", "Pháp lệnh", "Nghị định",
         "Nghị quyết", "Thông tư", "Quyết định", "Chỉ thị", "Lệnh"]
TYPE_RE = "|".join(TYPES)
DATE_RE = r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4}"


def nfc(s):
    return unicodedata.normalize("NFC", s).replace("\u00d0", "\u0110").strip()


def iso(date):
    """dd/mm/yyyy or 'dd tháng mm năm yyyy' -> yyyy-mm-dd ('' when it is not a date)."""
    m = re.fullmatch(r"(\d{1,2})(?:/| tháng )(\d{1,2})(?:/| năm )(\d{4})", date.strip())
    if not m:
        return ""
    d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return ""
    return "%04d-%02d-%02d" % (y, mo, d)


def canonical(symbol):
    """Canonical symbol spelling: NFC, Đ, ASCII '-', no spaces."""
    s = nfc(symbol).replace("\u2013", "-").replace("\u2014", "-").replace(" ", "")
    return s


def key(symbol):
    """Identity key: the number without leading zeros ('09/2019/NĐ-CP' == '9/2019/NĐ-CP')."""
    s = canonical(symbol)
    number, _, rest = s.partition("/")
    return (number.lstrip("0") or "0") + "/" + rest.upper()


def year_of(symbol):
    m = re.search(r"/(\d{4})/", symbol)
    return m.group(1) if m else ""


def read_tsv(path):
    """Rows of a '#'-commented TSV with a header, each with its 1-based line number."""
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line or line.startswith("#"):
                continue
            fields = [nfc(x) for x in line.split("\t")]
            if header is None:
                header = fields
                continue
            fields += [""] * (len(header) - len(fields))
            row = dict(zip(header, fields))
            row["_line"] = number
            rows.append(row)
    return rows


def issuer_abbreviations():
    names = {}
    for row in read_tsv(ISSUERS):
        if row.get("name"):
            names.setdefault(row["name"].lower(), row["abbreviation"])
    names.setdefault("ngân hàng nhà nước", "NHNN")
    names.setdefault("bộ lao động, thương binh và xã hội", "BLĐTBXH")
    names.setdefault("bộ văn hóa - thể thao và du lịch", "BVHTTDL")
    return names


def issuer_from_symbol(symbol):
    """The issuer part of a symbol: '09/2019/NĐ-CP' -> 'CP', '80/2015/QH13' -> 'QH'."""
    last = symbol.split("/")[-1]
    if "-" in last:
        return "|".join(last.split("-")[1:])
    m = re.fullmatch(r"(QH|UBTVQH)\d+", last)
    return m.group(1) if m else ""


def term_end(title, note):
    """Last year of a time-bound document's term, or ''."""
    m = re.search(r"period ended (\d{4})", note)
    if m:
        return m.group(1)
    m = re.search(r"giai đoạn\s*(\d{4})\s*[-–—]\s*(\d{4})", title)
    if m:
        return m.group(2)
    if "expired_by_term" in note:
        m = re.search(r"năm (\d{4})", title)
        if m:
            return m.group(1)
    return ""


class Registry:
    def __init__(self):
        self.docs = {}      # identity key -> row dict (merged)
        self.order = []
        self.relations = []
        self.relation_keys = set()
        self.conflicts = 0

    def ident(self, symbol, issued):
        k = key(symbol)
        if not year_of(symbol):  # year-less symbols repeat: tell them apart by the issue year
            k += "@" + (issued[:4] if issued else "")
        return k

    def find(self, symbol, issued):
        k = self.ident(symbol, issued)
        if k in self.docs:
            return self.docs[k]
        if not year_of(symbol) and not issued:
            matches = [d for kk, d in self.docs.items() if kk.split("@")[0] == key(symbol)]
            if len(matches) == 1:
                return matches[0]
        return None

    def merge(self, fields, source, confidence):
        """Adds facts about a document; earlier (stronger) sources win, conflicts are noted."""
        symbol = canonical(fields["symbol"])
        row = self.find(symbol, fields.get("issued", ""))
        if row is None:
            row = {c: "" for c in COLUMNS}
            row["symbol"] = symbol
            row["confidence"] = confidence
            row["_sources"] = []
            row["_notes"] = []
            self.docs[self.ident(symbol, fields.get("issued", ""))] = row
            self.order.append(row)
        if source not in row["_sources"]:
            row["_sources"].append(source)
        for column, value in fields.items():
            if column in ("symbol", "note") or not value:
                continue
            if column in ("replaced_by", "amended_by", "repealed_by"):
                values = [v for v in row[column].split("|") if v]
                known = {key(v) for v in values}
                for v in re.split(r"[|;]", value):
                    if v and key(v) not in known:
                        values.append(canonical(v))
                        known.add(key(v))
                row[column] = "|".join(values)
                continue
            current = row[column]
            if not current:
                row[column] = value
            elif current != value and column in ("issued", "effective", "expired_on", "status"):
                row["_notes"].append("conflict: %s %s (kept) vs %s (%s)" % (column, current, value, source))
                self.conflicts += 1
        if fields.get("note"):
            row["_notes"].append(fields["note"])
        return row

    def relate(self, from_symbol, relation, to_symbol, effective, scope, confidence, source, evidence):
        k = (key(from_symbol), relation, key(to_symbol))
        if k in self.relation_keys:
            return
        self.relation_keys.add(k)
        self.relations.append({"from_symbol": canonical(from_symbol), "relation": relation,
                               "to_symbol": canonical(to_symbol), "effective": effective, "scope": scope,
                               "confidence": confidence, "source": source, "evidence": evidence})


def import_seed(reg):
    for row in read_tsv(SEED):
        fields = {c: row.get(c, "") for c in COLUMNS if c in row}
        if fields.get("status") == "unknown":
            fields["status"] = ""
        fields["term_end"] = term_end(row.get("title", ""), row.get("note", ""))
        fields["status_as_of"] = "2026" if row.get("status") not in ("", "unknown") else ""
        src = row.get("source") or "legal-conventions.md §7"
        reg.merge(fields, src, row.get("confidence", ""))
        for column, relation in (("replaced_by", "replaces"), ("amended_by", "amends"), ("repealed_by", "repeals")):
            for other in filter(None, row.get(column, "").split("|")):
                reg.relate(other, relation, row["symbol"], row.get("expired_on", "") if relation != "amends" else "",
                           "whole" if relation != "amends" else "partial", row.get("confidence", ""), src, "")


def import_titles(reg):
    """Types and titles stated by the shared reference for rows that lack them: merged before the
    shared registry, so they win over its values (a registry row with no title cannot be matched by
    name)."""
    for row in read_tsv(TITLES):
        fields = {"symbol": row["symbol"], "type": row["type"], "title": row["title"], "note": row.get("note", "")}
        reg.merge(fields, row["source"], row.get("confidence", ""))


def registry_confidence(basis, notes):
    if "unverified" in basis:
        return "M?"
    if "differ" in notes or "precedes" in notes:
        return "V3?"
    return "V3"


def import_shared_registry(reg, shared, issuers):
    path = os.path.join(shared, "reference", "registry", "documents.tsv")
    for row in read_tsv(path):
        issuer = issuers.get(row["issuer"].lower()) or issuer_from_symbol(canonical(row["symbol"]))
        notes = row.get("notes", "")
        note_parts = [n for n in notes.split("; ") if n and not n.startswith("vbpl ItemID")]
        if row.get("status_basis"):
            note_parts.insert(0, "status basis: " + row["status_basis"])
        fields = {
            "symbol": row["symbol"], "type": row["type"], "issuer": issuer, "title": row["title"],
            "issued": row["issued"], "effective": row["effective"], "status": STATUS.get(row["status"], ""),
            "status_as_of": row.get("status_as_of", ""), "expired_on": row["expired_on"],
            "term_end": term_end(row["title"], ""), "replaced_by": row["replaced_by"],
            "amended_by": row["amended_by"], "repealed_by": row.get("repealed_by", ""),
            "note": "; ".join(note_parts),
        }
        # The shared registry separates several symbols with ';' (sometimes '|'): one '|' list.
        fields = {k: "|".join(canonical(x.strip()) for x in re.split(r"[|;]", v) if x.strip()) if k.endswith("_by") else v
                  for k, v in fields.items()}
        reg.merge(fields, "registry/documents.tsv:%d" % row["_line"],
                  registry_confidence(row.get("status_basis", ""), notes))
    path = os.path.join(shared, "reference", "registry", "relations.tsv")
    for row in read_tsv(path):
        reg.relate(row["from_symbol"], row["relation"], row["to_symbol"], row["effective"], row["scope"], "V3",
                   "registry/relations.tsv:%d (%s)" % (row["_line"], row["origin"]), row["evidence"])


HEAD_RE = re.compile(r"^\(Điều [\w.]+ (?P<type>%s) số (?P<symbol>[^\s,;()]+)" % TYPE_RE)
FULL_RE = re.compile(r"^(?P<before>.*) ngày (?P<issued>%s)(?: của (?P<issuer>.+?))?, có hiệu lực thi hành kể từ ngày "
                     r"(?P<effective>\d{1,2}/\d{1,2}/\d{4})\s*(?:\)|, )" % DATE_RE)
EFFECT_RE = re.compile(r"có hiệu lực thi hành kể từ ngày (\d{1,2}/\d{1,2}/\d{4})")
BY_RE = re.compile(r"(?:Điều [\w.]+(?:, Điều [\w.]+)* )?(?P<type>%s) số (?P<symbol>[^\s,;()]+)[^;]*?"
                   r"có hiệu lực thi hành kể từ ngày (?P<effective>\d{1,2}/\d{1,2}/\d{4})" % TYPE_RE)


def import_notes(reg, shared, issuers):
    counts = {"notes": 0, "parsed": 0}
    for name in ("notes-fullform.jsonl", "notes-amend.jsonl"):
        path = os.path.join(shared, "corpus", "phapdien", name)
        if not os.path.exists(path):
            print("import-registry: %s is absent, skipped" % path, file=sys.stderr)
            continue
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                try:
                    note = nfc(json.loads(line)["note"])
                except (ValueError, KeyError):
                    continue
                counts["notes"] += 1
                source = "phapdien/%s:%d" % (name, number)
                head = HEAD_RE.match(note)
                if not head or "/" not in head.group("symbol"):
                    continue
                symbol = canonical(head.group("symbol"))
                main, _, by = note.partition(" bởi ")
                fields = {"symbol": symbol, "type": head.group("type"), "issuer": issuer_from_symbol(symbol)}
                full = FULL_RE.match(main + ")") if not by else FULL_RE.match(main + ", ")
                if full:
                    fields["issued"] = iso(full.group("issued"))
                    fields["effective"] = iso(full.group("effective"))
                    rest = full.group("before")[head.end():].strip()
                    if rest:
                        fields["title"] = rest
                    if full.group("issuer"):
                        fields["issuer"] = issuers.get(full.group("issuer").strip().lower(), fields["issuer"])
                else:
                    m = EFFECT_RE.search(main)
                    if m:
                        fields["effective"] = iso(m.group(1))
                amenders = []
                if by:
                    whole_kinds = main.split("có hiệu lực thi hành kể từ ngày", 1)[-1]
                    repealed = "bãi bỏ" in whole_kinds
                    amended = "sửa đổi" in whole_kinds or "bổ sung" in whole_kinds
                    for m in BY_RE.finditer(by):
                        other = canonical(m.group("symbol"))
                        if "/" not in other:
                            continue
                        amenders.append(other)
                        reg.merge({"symbol": other, "type": m.group("type"), "issuer": issuer_from_symbol(other),
                                   "effective": iso(m.group("effective"))}, source, "V3")
                        if amended:
                            reg.relate(other, "amends", symbol, iso(m.group("effective")), "partial", "V3", source, note)
                        if repealed:
                            reg.relate(other, "repeals", symbol, iso(m.group("effective")), "partial", "V3", source, note)
                    if amended or repealed:
                        fields["amended_by"] = "|".join(amenders)
                reg.merge(fields, source, "V3")
                counts["parsed"] += 1
    return counts


def write(reg, out_docs=OUT_DOCS, out_rels=OUT_RELS):
    docs = sorted(reg.order, key=lambda d: (year_of(d["symbol"]) or (d["issued"][:4] if d["issued"] else "0000"),
                                           d["symbol"]))
    # Seed rows first (they are the curated core), then the rest by year and symbol.
    seed = [d for d in reg.order if any(s.startswith("legal-conventions.md") for s in d["_sources"])]
    rest = [d for d in docs if d not in seed]
    with open(out_docs, "w", encoding="utf-8") as f:
        f.write("# Registry of known documents, generated by scripts/import-registry.py (do not edit by hand: edit "
                "dictionaries/sources/legal-conventions-documents.tsv or add a file with --dictionaries DIR). "
                "One row per document; year-less symbols (01/NQ-CP) repeat, told apart by `issued`.\n")
        f.write("# symbol: canonical number/symbol; type: full type name; issuer: abbreviation (issuers.tsv, '|' for "
                "joint documents); issued/effective/expired_on: ISO dates; status: in_force|expired|partly_expired|"
                "unknown as of status_as_of (a date or year; the registry's in-force lists are as of 2023-12-31); "
                "term_end: last year of a time-bound document's term (giai đoạn …), after which it expires by term.\n")
        f.write("# replaced_by/amended_by/repealed_by: symbols ('|' between several; repealed_by = whole repeal); "
                "confidence of the winning source: V verified, V3 third-party copy of an official text, V3? sources "
                "disagree, M memory, M? uncertain, U unknown. source: every input that gave facts ('|'): "
                "legal-conventions.md §7 (wins on conflict), registry/documents.tsv:LINE (shared starter registry), "
                "registry/relations.tsv:LINE (a type or title stated by an edge's evidence sentence, via "
                "dictionaries/sources/document-titles.tsv), phapdien/notes-*.jsonl:LINE (Legal Code source notes). note: conflicts between sources "
                "('conflict: column kept vs other (source)') and remarks.\n")
        f.write("\t".join(COLUMNS) + "\n")
        for d in seed + rest:
            d["source"] = "|".join(d["_sources"])
            d["note"] = "; ".join(dict.fromkeys(n for n in d["_notes"] if n))
            d["status"] = d["status"] or "unknown"
            f.write("\t".join(d[c].replace("\t", " ").replace("\n", " ") for c in COLUMNS) + "\n")
    with open(out_rels, "w", encoding="utf-8") as f:
        f.write("# Typed edges between known documents, generated by scripts/import-registry.py. from_symbol acts on "
                "to_symbol: replaces (whole), amends (partial), repeals (scope whole|partial), guides.\n")
        f.write("# effective: ISO date the edge took effect; confidence as in documents.tsv; source: the input and "
                "line; evidence: the sentence that says so (when the input gives it).\n")
        f.write("\t".join(REL_COLUMNS) + "\n")
        for r in reg.relations:
            f.write("\t".join(r[c].replace("\t", " ").replace("\n", " ") for c in REL_COLUMNS) + "\n")
    return len(seed) + len(rest)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.path.join(REPO, "..", "shared"),
                        help="the shared folder holding reference/registry and corpus/phapdien")
    parser.add_argument("--output", metavar="DIR", default=os.path.dirname(OUT_DOCS),
                        help="the folder to write documents.tsv and document-relations.tsv into "
                             "(default: the repository's dictionaries/)")
    args = parser.parse_args()
    if not os.path.isdir(args.shared):
        sys.exit("import-registry: %s is not a folder" % args.shared)
    if not os.path.isdir(args.output):
        sys.exit("import-registry: %s is not a folder" % args.output)
    issuers = issuer_abbreviations()
    reg = Registry()
    import_seed(reg)
    import_titles(reg)
    import_shared_registry(reg, args.shared, issuers)
    counts = import_notes(reg, args.shared, issuers)
    total = write(reg, os.path.join(args.output, os.path.basename(OUT_DOCS)),
                  os.path.join(args.output, os.path.basename(OUT_RELS)))
    print("import-registry: %d documents, %d relations, %d conflicts noted; %d of %d notes parsed"
          % (total, len(reg.relations), reg.conflicts, counts["parsed"], counts["notes"]))


if __name__ == "__main__":
    main()
