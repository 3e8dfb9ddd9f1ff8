#!/usr/bin/env python3
"""Prints the single-word Arabic-script names of a derived gazetteer file that no strong entry bears, one a line,
for derive.sh to test against an Arabic dictionary. A name is protected (never listed) when a country, first-level
division or capital bears it, or a place of 100,000 people in the focus region (read from the file's "Policy: focus"
header) or of 500,000 elsewhere: a division seat of 25,000 called "إطار" (frame) is listed, a city of 2 million called
"مشهد" (scene) is not, and the hand-written common-words.txt covers such cities."""
import gzip
import re
import sys

ARABIC = re.compile(r"^[\u0600-\u06FF\u0750-\u077F]+$")
MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
FOLD = str.maketrans({"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
                      "\u0629": "\u0647", "\u0649": "\u064A", "\u0624": "\u0648", "\u0626": "\u064A"})


def form(name):
    """Roughly the matching form the Java side compares (harakat, tatweel off; alef, teh marbuta, yeh, hamza seats)."""
    return MARKS.sub("", name).translate(FOLD)

def main(path):
    focus = set()
    strong, names = set(), set()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("# Policy: focus "):
                focus = set(line[len("# Policy: focus "):].split(";")[0].strip().split(","))
            if line.startswith("#"):
                continue
            key, feature, cc, admin1, lat, lon, pop, name_en, name_ar, more = line.rstrip("\n").split("\t")
            pop = int(pop)
            if cc in focus:
                is_strong = feature.startswith("A.") or feature == "P.PPLC" or pop >= 100_000
            else:
                is_strong = feature.startswith("A.") or feature == "P.PPLC" or pop >= 500_000
            for name in [name_ar] + more.split("|"):
                if name and ARABIC.match(name):
                    (strong if is_strong else names).add(name)
    strong_forms = {form(n) for n in strong}
    for name in sorted(names):
        if form(name) not in strong_forms:
            print(name)

if __name__ == "__main__":
    main(sys.argv[1])
