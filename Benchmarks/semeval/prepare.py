#!/usr/bin/env python3
"""Converts the SemEval-2013 Task 7 files (SciEntsBank, Beetle) to the JSON Lines of
`mock-interview evaluate --jsonl`, one file per test split, plus the gold labels beside them.

    prepare.py DATA_DIR OUT_DIR

Each line: {"id", "reference": [model answers], "question_text", "answer"}. For the unseen-answers
splits, whose questions are those of the train file, the line also carries "examples": the labelled
train answers of the same question (qid), as the prototype's model M1 used them. The other splits have
no answers to their questions anywhere, so they get none. Python 3 standard library only.
"""
import json
import os
import sys
from collections import defaultdict

SPLITS = [
    ("sciEntsBank", "test-unseen-answers"),
    ("sciEntsBank", "test-unseen-questions"),
    ("sciEntsBank", "test-unseen-domains"),
    ("beetle", "test-unseen-answers"),
    ("beetle", "test-unseen-questions"),
]


def read(path):
    with open(path, encoding="utf-8") as source:
        return [json.loads(line) for line in source if line.strip()]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: prepare.py DATA_DIR OUT_DIR")
    data, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    examples = {}
    for corpus in sorted({corpus for corpus, _ in SPLITS}):
        by_question = defaultdict(list)
        for item in read(os.path.join(data, f"{corpus}-train.jsonl")):
            by_question[item["qid"]].append({"answer": item["answer"], "label": item["label_2way"]})
        examples[corpus] = by_question
    for corpus, split in SPLITS:
        items = read(os.path.join(data, f"{corpus}-{split}.jsonl"))
        name = f"{corpus}-{split}"
        with open(os.path.join(out, name + ".jsonl"), "w", encoding="utf-8") as lines, \
                open(os.path.join(out, name + ".gold.jsonl"), "w", encoding="utf-8") as gold:
            for item in items:
                line = {"id": item["id"], "reference": item["references"], "question_text": item["question"], "answer": item["answer"]}
                if split == "test-unseen-answers":
                    line["examples"] = examples[corpus].get(item["qid"], [])
                lines.write(json.dumps(line, ensure_ascii=False) + "\n")
                gold.write(json.dumps({"id": item["id"], "label": item["label_2way"]}) + "\n")
        print(f"{name}: {len(items)} answers", file=sys.stderr)


if __name__ == "__main__":
    main()
