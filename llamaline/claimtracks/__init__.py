"""Claims: what each source states about a subject (numbers, target dates, statuses), and how that moved.

    extract_claims(document, expressions, gazetteer, boilerplate) -> [Claim]   one document, cited sentences
    track_claims(claims) -> [ClaimTrack]                                      grouped, ordered, judged
    filter_tracks(tracks, subject=..., attribute=...) -> [ClaimTrack]

The words are data (lang/<code>/claims.toml, the same keys for every language); this package is the one engine.
"""

from .extract import claims_in_sentences, extract_claims
from .quantities import Quantity, find_quantities
from .tracks import compatible, describe_value, filter_tracks, judge, track_claims
from .words import claim_words

__all__ = [
    "Quantity", "claim_words", "claims_in_sentences", "compatible", "describe_value", "extract_claims",
    "filter_tracks", "find_quantities", "judge", "track_claims",
]
