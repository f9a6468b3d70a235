#!/usr/bin/env python3
"""Judgement figures for a blind answer set: how the engine orders answers that its rules have never seen.

Usage: figures.py [--binary PATH] [--detail] FILE.jsonl...
Scores every answer of the given writer files (lines with `id`, `question`, `writer`, `kind`, `expected`,
`answer`) with `mock-interview evaluate --jsonl` (default binary: .build/release/mock-interview) and prints:
  - the orderings strong > partial > weak, partial > wrong, partial > padded, strong > rejecting and
    strong > off-topic, as k of N pairs within each writer's answers to one question;
  - the gap between the textbook and the plain strong answer, per question;
  - the mean and maximum of the answers that must stay at or below 30 (wrong, padded, rejecting,
    keywords, template), and how many exceed 30.
Exit status 0 always; the caller decides what to require.
"""
import json, subprocess, sys
from collections import defaultdict
from itertools import product

def load(binary, paths):
    answers = []
    for path in paths:
        with open(path) as f:
            answers += [json.loads(line) for line in f if line.strip()]
    batch = "".join(json.dumps({"id": a["id"], "question": a["question"], "answer": a["answer"]}) + "\n" for a in answers)
    run = subprocess.run([binary, "evaluate", "--jsonl", "-"], input=batch, capture_output=True, text=True)
    scores = {}
    for line in run.stdout.splitlines():
        row = json.loads(line)
        if "error" in row:
            sys.exit(f"error: line {row.get('line')}: {row['error']}")
        scores[row["id"]] = row
    if run.returncode != 0 or len(scores) != len(answers):
        sys.exit(f"error: the batch failed ({run.returncode}): {run.stderr.strip()}")
    for a in answers:
        a["score"] = scores[a["id"]]["score"]
        a["evaluation"] = scores[a["id"]]
    return answers

STRONG = ("strong-textbook", "strong-plain")
PARTIAL = ("partial-a", "partial-b")
ORDERINGS = [
    ("strong > partial", STRONG, PARTIAL),
    ("partial > weak", PARTIAL, ("weak",)),
    ("partial > wrong", PARTIAL, ("wrong",)),
    ("partial > padded", PARTIAL, ("padded",)),
    ("strong > rejecting", STRONG, ("rejecting",)),
    ("strong > off-topic", STRONG, ("off-topic",)),
]
CAPPED = ("wrong", "padded", "rejecting", "keywords", "template")

def main():
    args = sys.argv[1:]
    binary = ".build/release/mock-interview"
    if "--binary" in args:
        at = args.index("--binary")
        binary = args[at + 1]
        del args[at:at + 2]
    detail = "--detail" in args
    paths = [a for a in args if a != "--detail"]
    if not paths:
        sys.exit(__doc__)
    rows = load(binary, paths)
    groups = defaultdict(dict)
    for row in rows:
        groups[(row["writer"], row["question"])][row["kind"]] = row
    print(f"{len(rows)} answers, {len(groups)} writer × question groups")
    print()
    print("| ordering | holds | failures |")
    print("|---|---:|---|")
    total_k = total_n = 0
    for name, high, low in ORDERINGS:
        k = n = 0
        failures = []
        for (writer, question), kinds in sorted(groups.items()):
            for h, l in product(high, low):
                if h in kinds and l in kinds:
                    n += 1
                    if kinds[h]["score"] > kinds[l]["score"]:
                        k += 1
                    else:
                        failures.append(f"{writer}/{question} {h} {kinds[h]['score']} ≤ {l} {kinds[l]['score']}")
        total_k += k; total_n += n
        print(f"| {name} | {k} of {n} | {'; '.join(failures) if detail else len(failures)} |")
    print(f"| all | {total_k} of {total_n} ({100 * total_k / max(total_n, 1):.1f}%) | |")
    print()
    print("| question | textbook strong (mean) | plain strong (mean) | largest gap | gaps over 15 |")
    print("|---|---:|---:|---:|---:|")
    for question in sorted({q for _, q in groups}):
        pairs = [(k["strong-textbook"]["score"], k["strong-plain"]["score"]) for (w, q), k in groups.items()
                 if q == question and "strong-textbook" in k and "strong-plain" in k]
        if not pairs:
            continue
        gaps = [t - p for t, p in pairs]
        print(f"| {question} | {sum(t for t, _ in pairs) / len(pairs):.1f} | {sum(p for _, p in pairs) / len(pairs):.1f} | "
              f"{max(gaps, key=abs):+.1f} | {sum(1 for g in gaps if abs(g) > 15)} of {len(gaps)} |")
    print()
    print("| kind | n | mean | max | over 30 |")
    print("|---|---:|---:|---:|---:|")
    for kind in ("strong-textbook", "strong-plain", "partial-a", "partial-b", "weak", "off-topic") + CAPPED:
        scores = [row["score"] for row in rows if row["kind"] == kind]
        if not scores:
            continue
        over = sum(1 for s in scores if s > 30)
        print(f"| {kind} | {len(scores)} | {sum(scores) / len(scores):.1f} | {max(scores):.1f} | "
              f"{over if kind in CAPPED else '–'} |")
    if detail:
        print()
        for row in sorted(rows, key=lambda r: (r["question"], r["kind"], r["writer"])):
            print(f"{row['id']:40} expected {row.get('expected', '?'):>4} score {row['score']:5.1f}")

main()
