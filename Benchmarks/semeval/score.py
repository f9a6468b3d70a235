#!/usr/bin/env python3
"""Scores the program's SemEval-2013 output against the gold labels and prints the table of
docs/benchmarks.md: split, n, accuracy, macro-F1 (2-way), the issue's baseline, the Python
prototype's figure, and the target.

    score.py OUT_DIR      (holds NAME.gold.jsonl and NAME.out.jsonl per split, from `run`)

The decision is each line's "correct" field (probability ≥ threshold); a "score" of exactly 50 can
fall on either side of it. Python 3 standard library only.
"""
import json
import os
import sys

# split → (baseline macro-F1 from the issue, the prototype's macro-F1 (SPEC §9), target)
SPLITS = [
    ("sciEntsBank-test-unseen-answers", "sciEntsBank UA", 0.667, 0.782, 0.75),
    ("sciEntsBank-test-unseen-questions", "sciEntsBank UQ", 0.691, 0.755, 0.75),
    ("sciEntsBank-test-unseen-domains", "sciEntsBank UD", 0.705, 0.716, 0.75),
    ("beetle-test-unseen-answers", "beetle UA", 0.760, 0.829, 0.82),
    ("beetle-test-unseen-questions", "beetle UQ", 0.757, 0.759, 0.82),
]


def read(path):
    with open(path, encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def macro_f1(gold, predicted):
    scores = []
    for label in (True, False):
        tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / 2


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: score.py OUT_DIR")
    out = sys.argv[1]
    print("| split | n | accuracy | macro-F1 | baseline | prototype | target | met |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    problems = 0
    for name, label, baseline, prototype, target in SPLITS:
        gold_path, out_path = os.path.join(out, name + ".gold.jsonl"), os.path.join(out, name + ".out.jsonl")
        if not (os.path.exists(gold_path) and os.path.exists(out_path)):
            continue
        gold = {item["id"]: item["label"] == "correct" for item in read(gold_path)}
        results = read(out_path)
        errors = [r for r in results if "error" in r]
        predicted = {r["id"]: bool(r["correct"]) for r in results if "error" not in r}
        missing = [i for i in gold if i not in predicted]
        if errors or missing:
            problems += 1
            print(f"{label}: {len(errors)} error lines, {len(missing)} answers without a result", file=sys.stderr)
        ids = [i for i in gold if i in predicted]
        g = [gold[i] for i in ids]
        p = [predicted[i] for i in ids]
        accuracy = sum(1 for a, b in zip(g, p) if a == b) / len(ids) if ids else 0.0
        f1 = macro_f1(g, p)
        met = "yes" if f1 >= target else "no"
        print(f"| {label} | {len(ids)} | {accuracy:.3f} | {f1:.3f} | {baseline:.3f} | {prototype:.3f} | ≥ {target:.2f} | {met} |")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
