"""The ontology terms rules name, as local names taken from ``KG`` (a closed namespace:
a misspelt term raises at import instead of silently matching nothing)."""

from __future__ import annotations

from ..ontology import KG, local_name

# classes
ENTITY, PERSON, ORGANIZATION, LOCATION, COUNTRY, GROUP, PRODUCT, WEAPON = (
    local_name(c) for c in (KG.Entity, KG.Person, KG.Organization, KG.Location, KG.Country,
                            KG.Group, KG.Product, KG.Weapon)
)  # fmt: skip
# properties
HOLDS_POSITION, AFFILIATED_WITH, IS_A, MEMBER_OF, COUNTRY_OF_ORIGIN = (
    local_name(p) for p in (KG.holdsPosition, KG.affiliatedWith, KG.isA, KG.memberOf,
                            KG.countryOfOrigin)
)  # fmt: skip
FORMERLY_AFFILIATED_WITH = local_name(KG.formerlyAffiliatedWith)
LOCATED_IN, BASED_IN, OWNED_BY, OPERATES_IN, CREATED_BY = (
    local_name(p) for p in (KG.locatedIn, KG.basedIn, KG.ownedBy, KG.operatesIn, KG.createdBy)
)
LIVES_IN, NATIVE_OF = (local_name(p) for p in (KG.livesIn, KG.nativeOf))
SEQUEL_TO, KNOWN_AS, RELATED_TO = (local_name(p) for p in (KG.sequelTo, KG.knownAs, KG.relatedTo))
