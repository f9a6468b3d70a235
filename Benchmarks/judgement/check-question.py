#!/usr/bin/env python3
"""Checks one question of the bank against the development set while its rubric is edited.

Usage: check-question.py QUESTION [--binary PATH] [--detail]
Runs `rubric lint`, scores the question's calibration examples against their bands, the development
set's answers to it (orderings and caps, as figures.py counts them) and the development follow-up answers
(strong > partial > wrong for each follow-up). Never reads the untouched set.
"""
import json, subprocess, sys, os
from collections import defaultdict

args = sys.argv[1:]
binary = ".build/release/mock-interview"
if "--binary" in args:
    at = args.index("--binary"); binary = args[at + 1]; del args[at:at + 2]
detail = "--detail" in args
args = [a for a in args if a != "--detail"]
if not args:
    sys.exit(__doc__)
question = args[0]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
dev = os.path.join(root, "Tests/InterviewKitTests/Fixtures/Judgement/development")

lint = subprocess.run([binary, "rubric", "lint", os.path.join(root, "Rubrics", f"{question}.yaml")], capture_output=True, text=True)
print(lint.stdout.strip() or lint.stderr.strip())

def score(lines):
    batch = "".join(json.dumps(l) + "\n" for l in lines)
    run = subprocess.run([binary, "evaluate", "--jsonl", "-"], input=batch, capture_output=True, text=True)
    out = [json.loads(x) for x in run.stdout.splitlines()]
    for o in out:
        if "error" in o:
            sys.exit(f"error: {o}")
    return out

# Calibration examples, read with the program's own parser through `evaluate`: extract with PyYAML if present.
try:
    import yaml
    data = yaml.safe_load(open(os.path.join(root, "Rubrics", f"{question}.yaml")))
    examples = data.get("examples", [])
    results = score([{"id": i, "question": question, "answer": e["answer"]} for i, e in enumerate(examples)])
    print("\ncalibration examples:")
    for e, r in zip(examples, results):
        low, high = e["band"]
        ok = low <= r["score"] <= high
        print(f"  {'ok  ' if ok else 'MISS'} {e['kind']:10} band {low:>3}–{high:<3} score {r['score']}")
except ImportError:
    print("(install PyYAML to check the calibration examples)")

rows = []
for name in sorted(os.listdir(dev)):
    if name.startswith("writer-"):
        rows += [json.loads(l) for l in open(os.path.join(dev, name)) if json.loads(l)["question"] == question]
results = score([{"id": r["id"], "question": question, "answer": r["answer"]} for r in rows])
for r, e in zip(rows, results):
    r["score"] = e["score"]; r["evaluation"] = e
by = defaultdict(dict)
for r in rows:
    by[r["writer"]][r["kind"]] = r
pairs = [("strong-textbook", "partial-a"), ("strong-textbook", "partial-b"), ("strong-plain", "partial-a"), ("strong-plain", "partial-b"),
         ("partial-a", "weak"), ("partial-b", "weak"), ("partial-a", "wrong"), ("partial-b", "wrong"), ("partial-a", "padded"), ("partial-b", "padded"),
         ("strong-textbook", "rejecting"), ("strong-plain", "rejecting"), ("strong-textbook", "off-topic"), ("strong-plain", "off-topic")]
print("\ndevelopment answers (writer: kind score):")
failures = []
for writer, kinds in sorted(by.items()):
    print(f"  {writer}: " + ", ".join(f"{k} {v['score']}" for k, v in kinds.items()))
    for high, low in pairs:
        if high in kinds and low in kinds and not kinds[high]["score"] > kinds[low]["score"]:
            failures.append(f"{writer}: {high} {kinds[high]['score']} ≤ {low} {kinds[low]['score']}")
    gap = kinds["strong-textbook"]["score"] - kinds["strong-plain"]["score"]
    if abs(gap) > 15:
        failures.append(f"{writer}: textbook − plain = {gap:+.1f}")
    for kind in ("wrong", "padded", "rejecting", "keywords", "template"):
        if kinds[kind]["score"] > 30:
            failures.append(f"{writer}: {kind} {kinds[kind]['score']} > 30")
print("\n" + ("all orderings, gaps and caps hold" if not failures else "failures:\n  " + "\n  ".join(failures)))

follow = [json.loads(l) for l in open(os.path.join(dev, "follow-ups.jsonl"))]
follow = [f for f in follow if f["question"] == question]
results = score([{"id": f["id"], "question": question, "node": f["node"], "answer": f["answer"]} for f in follow])
nodes = defaultdict(dict)
for f, e in zip(follow, results):
    nodes[f["node"]][f["kind"]] = e["score"]
print("\nfollow-ups (strong / partial / wrong):")
for node, k in nodes.items():
    ok = k.get("strong", 0) > k.get("partial", 0) > k.get("wrong", 0)
    print(f"  {'ok  ' if ok else 'MISS'} {node:22} {k.get('strong')} / {k.get('partial')} / {k.get('wrong')}")
if detail:
    for r in rows:
        e = r["evaluation"]
        print(f"\n== {r['id']} score {e['score']}")
        for f in e["concepts"]["found"]:
            print(f"   + {f['id']} credit {f['credit']}: " + " | ".join(x["text"] for x in f["evidence"][:2]))
        for f in e["concepts"]["negated"]:
            print(f"   - {f['id']}: " + " | ".join(x["text"] for x in f["evidence"][:2]))
        for f in e["flags"]:
            print(f"   ! {f['id']} -{f['penalty']}: {f['evidence'][0]['text']}")
