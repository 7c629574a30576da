"""Write kg/data/first_names.tsv: first names whose gender is clear, from nomquamgender.

    pip install 'nomquamgender==0.1.4'     # or: pip install -e '.[bench]'
    python benchmarks/make_first_names.py [--out PATH]

or, without installing it: ``pip download --no-deps nomquamgender==0.1.4``, unzip the
wheel into DIR and run the script with ``PYTHONPATH=DIR`` (both give the same file).

nomquamgender (MIT, copyright Ian Van Buskirk) ships ``name_data.json``, which maps a
lowercase, unidecoded name to ``[sources, counts, p(gf), taxonomy]``: the number of
name-gender data sources that have the name, the number of people they observed
with it (0 where a source gives only an estimate), the estimated probability that the
name is gendered female, and the package's taxonomy class (not used here). The file is
read straight from the installed distribution; the package's module (numpy, pandas) is
never imported.

A name is kept when its gender is clear and attested:

- gender: p(gf) <= 0.08 -> ``m``, p(gf) >= 0.92 -> ``f``; the package's own default
  cut is 0.1, and 0.05 would lose George (0.066), José (0.065), Karen (0.941) and
  Hillary (0.922), while 0.1 would take Alex (0.093) and Ali (0.098) as male;
- evidence: at least 2 sources and 10 observations, or at least 4 sources (some
  sources give no counts: Yoweri, Muhammadu);
- form: ASCII letters, at least two, with inner hyphens or apostrophes (Jean-Claude,
  Ol'ga); names with spaces are left out (kg looks up one word), and so is every word of
  kg/data/honorifics.tsv ("General" and "Chancellor" are in the source as male names).

Rows are sorted, so the same package version always gives the same file.
"""

from __future__ import annotations

import argparse
import json
import re
from importlib.metadata import distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data"
OUT = DATA / "first_names.tsv"
HONORIFICS = DATA / "honorifics.tsv"

PACKAGE = "nomquamgender"
MALE_MAX = 0.08  # p(gf) at or below: male
FEMALE_MIN = 0.92  # p(gf) at or above: female
MIN_SOURCES = 2
MIN_COUNTS = 10
SOURCES_ALONE = 4  # enough sources without counts
NAME = re.compile(r"[a-z]{2,}(?:[-'][a-z]+)*")
MIT = """\
nomquamgender's licence:
Copyright (c) 2022 Ian Van Buskirk
Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:
The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.
THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE."""


def gender(sources: int, counts: int, pgf: float) -> str | None:
    """``m``, ``f`` or None for one row of name_data.json."""
    if sources < SOURCES_ALONE and (sources < MIN_SOURCES or counts < MIN_COUNTS):
        return None
    if pgf <= MALE_MAX:
        return "m"
    if pgf >= FEMALE_MIN:
        return "f"
    return None


def honorifics(path: Path = HONORIFICS) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}


def first_names(name_data: dict[str, list], skip: set[str]) -> dict[str, str]:
    names = {}
    for name, (sources, counts, pgf, *_) in name_data.items():
        if name in skip or not NAME.fullmatch(name):
            continue
        g = gender(sources, counts, pgf)
        if g:
            names[name] = g
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    dist = distribution(PACKAGE)
    source = Path(str(dist.locate_file(f"{PACKAGE}/name_data.json")))
    name_data = json.loads(source.read_text(encoding="utf-8"))
    names = first_names(name_data, honorifics())
    n_m = sum(g == "m" for g in names.values())
    header = [
        f"First names and their gender, from {PACKAGE} {dist.version} (name_data.json),",
        "MIT licence, copyright (c) 2022 Ian Van Buskirk.",
        f"m: p(gf) <= {MALE_MAX}; f: p(gf) >= {FEMALE_MIN}; names in between are left out.",
        f"Kept with >= {MIN_SOURCES} sources and >= {MIN_COUNTS} observations, or >= "
        f"{SOURCES_ALONE} sources; one word,",
        "lowercase ASCII (accents folded), no honorifics (kg/data/honorifics.tsv).",
        f"{len(names)} names: {n_m} m, {len(names) - n_m} f. "
        "Made by benchmarks/make_first_names.py; read by kg/names.py.",
    ]
    header += ["", *MIT.splitlines(), "", "name\tgender"]
    lines = [f"# {line}".rstrip() for line in header] + [
        f"{n}\t{g}" for n, g in sorted(names.items())
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(names)} names ({n_m} m, {len(names) - n_m} f)")


if __name__ == "__main__":
    main()
