"""Claims: what each source states about a subject (numbers, target dates, statuses), and how that moved.

    claims_of(analysis) -> [Claim]                                            one analysed document, cited sentences
    extract_claims(document, expressions, gazetteer, boilerplate) -> [Claim]   the same, analysing the document first
    track_claims(claims) -> [ClaimTrack]                                      grouped, ordered, judged
    filter_tracks(tracks, subject=..., attribute=...) -> [ClaimTrack]

The words are data (lang/<code>/claims.toml, the same keys for every language); this package is the one engine.
"""

from .extract import claims_of, extract_claims
from .quantities import Quantity, find_quantities
from .tracks import compatible, describe_value, filter_tracks, judge, track_claims
from .words import claim_words

__all__ = [
    "Quantity", "claim_words", "claims_of", "compatible", "describe_value", "extract_claims",
    "filter_tracks", "find_quantities", "judge", "track_claims",
]
