"""Write kg/data/lemma_fixes.tsv: inflected forms of the verbs kg's rules look for that
spaCy's rule lemmatizer gets wrong ("hopes" -> "hop", "fined" -> "fin").

Every verb of the lexicon (trigger verbs of ontology/kg.ttl, the verb lists of
kg/data/lexicon.toml) is inflected (-s, -ed, -ing, with the usual spelling changes) and
lemmatised in a sentence by kg's own pipeline; a form whose lemma is not its verb is
written to the table, which kg's ``kg_lemma_fixes`` component applies to verbs.

usage: python benchmarks/make_lemma_fixes.py
"""

from __future__ import annotations

from pathlib import Path

from kg.lexicon import load_lexicon
from kg.nlp import load_nlp

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "lemma_fixes.tsv"
VOWELS = set("aeiou")


def forms(verb: str) -> list[str]:
    """Third person, past and gerund of a regular verb (enough to find the errors)."""
    if verb.endswith("ee"):
        return [verb + "s", verb + "d", verb + "ing"]
    if verb.endswith("e"):
        return [verb + "s", verb + "d", verb[:-1] + "ing"]
    if verb.endswith("y") and verb[-2:-1] not in VOWELS:
        return [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return [verb + "es", verb + "ed", verb + "ing"]
    return [verb + "s", verb + "ed", verb + "ing"]


def lexicon_verbs() -> list[str]:
    lex = load_lexicon()
    verbs = {v for v in lex.verbs if " " not in v}
    for name in lex.words:
        if name.endswith("_verbs"):
            verbs |= {v for v in lex.words[name] if " " not in v}
    return sorted(verbs)


def main() -> None:
    nlp = load_nlp()
    rows = []
    for verb in lexicon_verbs():
        for form in forms(verb):
            doc = nlp(f"They are {form} it." if form.endswith("ing") else f"They {form} it.")
            tok = next((t for t in doc if t.lower_ == form), None)
            wrong = tok is not None and tok.lemma_.lower() not in {verb, form}  # form: irregular
            if wrong and tok.pos_ in {"VERB", "AUX"}:
                rows.append((form, verb, tok.lemma_))
    lines = [
        "# Verb forms spaCy's rule lemmatizer gets wrong, among the verbs kg's rules use:",
        "# form -> lemma (spaCy's wrong lemma in the third column, for reference).",
        "# Made by benchmarks/make_lemma_fixes.py; applied by kg.nlp's kg_lemma_fixes.",
    ] + ["\t".join(r) for r in sorted(set(rows))]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} forms -> {OUT}")


if __name__ == "__main__":
    main()
