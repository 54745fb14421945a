"""One score from the text model and the rules.

The model's calibrated probability is moved on the log-odds scale by each tip's weight: a rule is evidence
added to what the wording already says, so a post the model finds clearly human needs several rule hits to
become spam-like, and one the model already flags cannot be talked down by rules. The weights are set by
hand (the training texts carry no platform or posting history to fit them on), which is why the result is
"calibrated-ish": it equals the model's calibrated probability whenever no rule fires.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import Enum

from botlens.compose.rules import RULES, Tip

WORDING_CODE = "spam_like_wording"
# Every code a tip can carry, as the API documents them: each rule's tips carry its name.
TIP_CODES: tuple[str, ...] = (*(rule.__name__ for rule in RULES), WORDING_CODE)

FINE_BELOW = 0.35
SPAM_LIKE_FROM = 0.65
_EPSILON = 1e-4


class ComposeVerdict(str, Enum):
    fine = "fine"
    borderline = "borderline"
    spam_like = "spam_like"


def verdict_for(probability: float) -> ComposeVerdict:
    if probability >= SPAM_LIKE_FROM:
        return ComposeVerdict.spam_like
    if probability >= FINE_BELOW:
        return ComposeVerdict.borderline
    return ComposeVerdict.fine


def combine(model_probability: float, tips: Sequence[Tip]) -> float:
    p = min(max(model_probability, _EPSILON), 1 - _EPSILON)
    log_odds = math.log(p / (1 - p)) + sum(tip.weight for tip in tips)
    return 1.0 / (1.0 + math.exp(-log_odds))


def wording_tip(model_probability: float, tips: Sequence[Tip]) -> Tip | None:
    """A tip for when the wording itself reads as spam and no rule points at a specific part."""
    if model_probability < FINE_BELOW or tips:
        return None
    return Tip(
        WORDING_CODE,
        f"The wording as a whole resembles known spam comments and messages ({model_probability:.0%}). "
        "Say it in your own words, about the topic at hand rather than about yourself or an offer.",
        None, 0.0,
    )
