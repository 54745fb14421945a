"""Compose check: the text model's probability plus the rules' tips, as one API answer."""

from __future__ import annotations

import numpy as np

from botlens.compose.combine import combine, verdict_for, wording_tip
from botlens.compose.rules import Draft, Tip, run_rules
from botlens.registry import LoadedModel
from botlens.schemas.compose import ComposeCheckRequest, ComposeCheckResponse, ComposeTip
from botlens.scoring.text_model import FastLinearText, UnsupportedPipeline


class ComposeChecker:
    """Wraps the loaded ``compose`` artifact (a fitted scikit-learn Pipeline over raw texts)."""

    def __init__(self, loaded_model: LoadedModel):
        self.version = loaded_model.version
        self._pipeline = loaded_model.obj
        try:
            self._fast: FastLinearText | None = FastLinearText(self._pipeline)
        except UnsupportedPipeline:
            self._fast = None

    def model_probability(self, text: str) -> float:
        if self._fast is not None:
            return self._fast.probability(text)
        return float(self._pipeline.predict_proba([text])[0, 1])

    def model_probabilities(self, texts: list[str]) -> np.ndarray:
        return self._pipeline.predict_proba(texts)[:, 1]

    def assess(self, text: str, platform: str | None = None, recent_posts: list[str] | None = None
               ) -> tuple[float, list[Tip]]:
        """Combined probability and tips (rule tips first, in rule order)."""
        model_probability = self.model_probability(text)
        tips = run_rules(Draft(text, platform, recent_posts or ()))
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
