"""Compose check: the text model's probability plus the rules' tips, as one API answer."""

from __future__ import annotations

import numpy as np

from botlens.compose.combine import combine, verdict_for, wording_tip
from botlens.compose.rules import Draft, Tip, run_rules
from botlens.registry import LoadedModel
from botlens.schemas.compose import (
    ComposeCheckRequest,
    ComposeCheckResponse,
    ComposeTip,
)
from botlens.scoring.text_model import DomainTextModel, domain_for


class ComposeChecker:
    """Wraps the loaded ``compose`` artifact: a :class:`DomainTextModel` (or, from an older training run, a
    fitted scikit-learn pipeline over raw texts, which knows no platforms)."""

    def __init__(self, loaded_model: LoadedModel):
        self.version = loaded_model.version
        self._model = loaded_model.obj
        self._domains = isinstance(self._model, DomainTextModel)

    def model_probability(self, text: str, platform: str | None = None, draft: Draft | None = None,
                          tips: list[Tip] | None = None) -> float:
        """``draft`` and ``tips``: the rules already run on this text, which the model's cues reuse."""
        if self._domains:
            return self._model.probability(text, domain_for(platform), draft, tips)
        return float(self._model.predict_proba([text])[0, 1])

    def model_probabilities(self, texts: list[str], platform: str | None = None) -> np.ndarray:
        if self._domains:
            return self._model.predict_proba(texts, domain_for(platform))[:, 1]
        return self._model.predict_proba(texts)[:, 1]

    def assess(self, text: str, platform: str | None = None, recent_posts: list[str] | None = None
               ) -> tuple[float, list[Tip]]:
        """Combined probability and tips (rule tips first, in rule order)."""
        draft = Draft(text, platform, recent_posts or ())
        tips = run_rules(draft)
        model_probability = self.model_probability(text, platform, draft, tips)
        extra = wording_tip(model_probability, tips)
        return combine(model_probability, tips), tips + ([extra] if extra else [])

    def check(self, request: ComposeCheckRequest) -> ComposeCheckResponse:
        platform = request.platform.value if request.platform else None
        probability, tips = self.assess(request.text, platform, request.recent_posts)
        return ComposeCheckResponse(
            spam_probability=round(probability, 4),
            verdict=verdict_for(probability),
            tips=[ComposeTip(code=t.code, message=t.message, span=t.span) for t in tips],
            model_version=self.version,
        )
