#!/usr/bin/env python3
"""Gains and losses of the citation extractor on real text.

Runs `cancu extract --format json` over ../shared/corpus (text files and the can_cu_phap_ly
field of procedure records is not covered: extract reads whole documents), collects the set of
(file, symbol or name, start) of every citation, and compares it with the committed baseline
Tests/Baselines/extract-baseline.jsonl: the tool's own earlier output, not hand-checked gold
(that is Tests/Gold/). Prints each gained (+) and lost (-) citation and the counts.

    python3 scripts/citation-diff.py                 # compare with the baseline
    python3 scripts/citation-diff.py --update        # write the baseline from this build
    python3 scripts/citation-diff.py --binary .build/debug/cancu --corpus ../shared/corpus

Standard library only. Exit status 0 whether or not the sets differ (it is a report).
"""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def collect(binary, corpus):
    """Runs extract over every .txt file under corpus; returns {(file, key, start): kind}."""
    files = []
    for folder, _, names in os.walk(corpus):
        files += [os.path.join(folder, n) for n in names if n.endswith(".txt")]
    files.sort()
    if not files:
        sys.exit(f"citation-diff: no .txt files under {corpus}")
    result = {}
    proc = subprocess.run([binary, "extract", "--format", "json", *files], capture_output=True, text=True)
    if proc.returncode not in (0, 1) and not proc.stdout:
        sys.exit(f"citation-diff: {binary} failed: {proc.stderr.strip()}")
    for line in proc.stdout.splitlines():
        doc = json.loads(line)
        if "error" in doc:
            continue
        source = os.path.relpath(doc["source"], corpus)
        for c in doc["citations"]:
            key = c["symbol"] or "{} {} {}".format(c.get("type") or "", c.get("name") or c.get("number") or "", c.get("year") or "").strip()
            result[(source, key, c["start"])] = c["kind"]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/cancu"), help="path to cancu (default .build/release/cancu)")
    parser.add_argument("--corpus", default=os.environ.get("CANCU_CORPUS") or os.path.join(ROOT, "..", "shared", "corpus"),
                        help="folder of real text (default $CANCU_CORPUS, else ../shared/corpus)")
    parser.add_argument("--baseline", default=os.path.join(ROOT, "Tests/Baselines/extract-baseline.jsonl"))
    parser.add_argument("--update", action="store_true", help="write the baseline from this build")
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"citation-diff: {args.binary} not found (swift build -c release)")
    current = collect(args.binary, os.path.abspath(args.corpus))
    if args.update:
        with open(args.baseline, "w", encoding="utf-8") as out:
            for (source, key, start), kind in sorted(current.items()):
                out.write(json.dumps({"file": source, "citation": key, "start": start, "kind": kind}, ensure_ascii=False) + "\n")
        print(f"citation-diff: baseline written, {len(current)} citations in {len({k[0] for k in current})} files")
        return
    baseline = {}
    if os.path.exists(args.baseline):
        with open(args.baseline, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    baseline[(row["file"], row["citation"], row["start"])] = row["kind"]
    gained = sorted(set(current) - set(baseline))
    lost = sorted(set(baseline) - set(current))
    changed = sorted(k for k in set(current) & set(baseline) if current[k] != baseline[k])
    for source, key, start in gained:
        print(f"+ {source}:{start}\t{key}\t{current[(source, key, start)]}")
    for source, key, start in lost:
        print(f"- {source}:{start}\t{key}\t{baseline[(source, key, start)]}")
    for k in changed:
        print(f"~ {k[0]}:{k[2]}\t{k[1]}\t{baseline[k]} -> {current[k]}")
    print(f"citation-diff: {len(current)} citations now, {len(baseline)} in the baseline; "
          f"gained {len(gained)}, lost {len(lost)}, kind changed {len(changed)}")


if __name__ == "__main__":
    main()
