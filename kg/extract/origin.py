"""Demonyms on a named product's class noun -> country of origin.

"Bayraktar TB2 attack drones ... Turkish drones" -> (Bayraktar TB2, countryOfOrigin,
Turkey): the reference layer knows the named thing of each class noun, so a country
adjective on a later mention of that class says where the thing comes from.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Fact, Mention
from . import syntax as sx
from . import terms
from .context import Context


def origin_facts(ctx: Context) -> Iterator[Fact]:
    """(class-noun mention, countryOfOrigin, demonym) for each demonym of a country on
    a class noun whose named thing the article gave; resolution maps the class noun to
    that thing."""
    refs = ctx.refs
    for tok in ctx.with_words(lemmas=refs.class_heads, pos={"NOUN"}):
        for c in tok.children:
            ref = refs.by_token.get(c.i)
            if c.dep_ == "amod" and ref is not None and ref.type == terms.COUNTRY:
                subj = Mention(tok.text, tok.idx, tok.idx + len(tok))
                obj = Mention(c.text, c.idx, c.idx + len(c), c.ent_type_)
                yield sx.make_fact(subj, terms.COUNTRY_OF_ORIGIN, obj, tok, rule="demonym")
