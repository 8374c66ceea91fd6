#!/usr/bin/env python3
"""Writes Tests/SearchVectors/stemmer.json: English words and their stems as the reference
Snowball implementation makes them (PyPI `snowballstemmer`, version in the file). The build's
EnglishStemmer.swift and the theme's search.js are both checked against it.

    python3 -m venv /tmp/stem && /tmp/stem/bin/pip install snowballstemmer==3.1.1
    /tmp/stem/bin/python tools/stem_vectors.py

Words: every word of lower-case ASCII letters in the sample site, the README, the benchmark's
article generator and Debian's license texts (/usr/share/common-licenses), and words chosen for
each rule of the algorithm.
"""
import importlib.metadata
import json
import pathlib
import re

import snowballstemmer

ROOT = pathlib.Path(__file__).resolve().parent.parent

# One or more words for each step and exception of Snowball's English stemmer.
RULES = """
a an at by be is it us as we ye yes yet sky skis skies dying lying tying idly gently ugly early only
singly news howe atlas cosmos bias andes y ya yay youth yield boy boys buy buying enjoy enjoying
sayings player playing caresses ponies ties cries gas gaps kiwis this lens species abyss focus
bus corpus succeed succeeded proceed proceeding exceed agreed feed feedly guaranteed
inning innings outing outings canning cannings herring earring evening evenings shouting
hoped hopping hoping luxuriated luxuriating conflated troubled sized filed failed filing
hopped tanned tanning fizzed added egged offing ebbed ebbing dying hoping fall falling
cry by say happy happiness happily relational conditional rational valenci hesitanci
digitizer conformabli radicalli differentli vileli analogousli vietnamization predication
operator feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti
triplicate formative formalize electriciti electrical hopeful goodness revival allowance
inference airliner gyroscopic adjustable defensible irritant replacement adjustment
dependent adoption homologou communism activate angulariti homologous effective bowdlerize
probate rate cease controll roll generous generously generation communication communicate
arsenal emergency emerging internal internet interview lateral organisation organization
past pasted pasting universal university universe archaeology geology geologist ecology
biology fully carelessly limitless limitlessly
pricing prices priced limited limits limiting decision decisions decide rumors rumoured
evaluation evaluate evaluating availability available announcement announced monitoring
reversible reversal throughput churn churned named owner owners ownership launch launched
launching releases released window windows latency budgets status statuses policies boxes
access accessed pages shoes toe toes
"""


def words():
    found = set(RULES.split())
    sources = list((ROOT / "content").rglob("*.md")) + [ROOT / "README.md", ROOT / "bench/generate.py"]
    sources += sorted(pathlib.Path("/usr/share/common-licenses").glob("*"))
    for path in sources:
        if path.is_file():
            found.update(re.findall(r"\b[a-z]+\b", path.read_text(encoding="utf-8", errors="replace")))
    return sorted(found)


def main():
    stemmer = snowballstemmer.stemmer("english")
    vocabulary = words()
    vectors = {
        "source": "snowballstemmer " + importlib.metadata.version("snowballstemmer"),
        "stems": dict(zip(vocabulary, stemmer.stemWords(vocabulary))),
    }
    out = ROOT / "Tests/SearchVectors/stemmer.json"
    out.write_text(json.dumps(vectors, indent=0, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(vocabulary)} words -> {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
