"""Baseline grader: share of the reference's stemmed content words present in the student answer.
Reads SemEval-style JSON Lines (fields id, answer, references) from a path or '-' for stdin and prints
one JSON object per line, {"id": ..., "score": 0-100}; the best-matching reference counts."""
import json
import re
import sys

import Stemmer

STOPWORDS = set("""
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
herself it its itself they them their theirs themselves what which who whom this that these those am is
are was were be been being have has had having do does did doing a an the and but if or because as until
while of at by for with about against between into through during before after above below to from up
down in out on off over under again further then once here there when where why how all any both each
few more most other some such only own same so than too very s t can will just don should now
""".split())

TOKEN = re.compile(r"[a-z0-9]+")
stemmer = Stemmer.Stemmer("english")


def content_stems(text):
    words = TOKEN.findall(text.lower())
    return set(stemmer.stemWords([w for w in words if w not in STOPWORDS]))


def score(answer, references):
    answer_stems = content_stems(answer)
    best = 0.0
    for reference in references:
        reference_stems = content_stems(reference)
        if reference_stems:
            best = max(best, len(reference_stems & answer_stems) / len(reference_stems))
    return round(100 * best)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "-"
    source = sys.stdin if path == "-" else open(path, encoding="utf-8")
    for line in source:
        if line.strip():
            item = json.loads(line)
            print(json.dumps({"id": item["id"], "score": score(item["answer"], item["references"])}))
    if source is not sys.stdin:
        source.close()


if __name__ == "__main__":
    main()
