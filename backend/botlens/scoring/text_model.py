"""The compose text model: shared and per-domain linear weights over word and character n-grams.

Spam reads differently by medium: on YouTube in 2014 a link or "my channel" was nearly always spam, by SMS
a prize and a phone number, while today's posts by people carry links, hashtags and mentions all the time.
One linear model over all of them learns the compromise and serves none well. So, for a platform with labelled
spam of its own (YouTube), a second model is trained with "frustratingly easy" domain adaptation (Daumé III,
ACL 2007): every text's features appear twice, once shared and once in a copy for its own corpus
(``youtube``, ``sms``), plus a bias per corpus, and that domain is scored with (shared + its copy's) weights.
Every other request (no platform, or X, Mastodon, ...: no labelled spam from there) gets the ``generic``
weights of one plain model over all corpora. Each weight vector has its own sigmoid calibration, fitted on
out-of-fold scores (YouTube folds hold out whole videos). All of them share one set of vectorisers.

Scoring one text goes through :meth:`DomainTextModel.probability`, plain dictionaries and one dot product:
scikit-learn's per-call validation costs ~10 ms for a single short text, more than the whole budget of a
compose check. :meth:`DomainTextModel.predict_proba` is the batch path (sparse matrices) and
``tests/compose/test_model.py`` checks that both agree.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from botlens.features.text import model_text, model_texts

GENERIC = "generic"
DOMAINS = ("youtube", "sms")

# The request's platform -> the training domain whose weights score it. Platforms without a domain of their
# own (and requests without a platform) get the shared weights. The posts by people (X, 2024) have no copy of
# their own: they are all ham, so a copy would only learn "nothing on X is spam".
PLATFORM_DOMAINS = {"youtube": "youtube"}


def domain_for(platform: str | None) -> str:
    return PLATFORM_DOMAINS.get(platform or "", GENERIC)


@dataclass(frozen=True)
class _Block:
    analyze: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray
    weight: float  # the FeatureUnion's transformer weight
    offset: int
    sublinear: bool


@dataclass
class DomainTextModel:
    """Fitted vectorisers plus, per domain, a weight vector, a bias and a sigmoid calibration ``(a, b)``:
    ``p = 1 / (1 + exp(-(a * (x . w + bias) + b)))``."""

    features: FeatureUnion
    weights: dict[str, np.ndarray]
    bias: dict[str, float]
    calibration: dict[str, tuple[float, float]]

    def __post_init__(self) -> None:
        self._blocks: list[_Block] | None = None

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_blocks"] = None  # rebuilt on first use: analyzers are closures
        return state

    def _domain(self, domain: str | None) -> str:
        domain = domain or GENERIC
        if domain not in self.weights:
            raise ValueError(f"unknown text domain {domain!r}")
        return domain

    # --- batch path ---------------------------------------------------------------------------------------------

    def decision_function(self, texts: Sequence[str], domain: str | None = None) -> np.ndarray:
        domain = self._domain(domain)
        return self.features.transform(model_texts(texts)) @ self.weights[domain] + self.bias[domain]

    def predict_proba(self, texts: Sequence[str], domain: str | None = None) -> np.ndarray:
        domain = self._domain(domain)
        a, b = self.calibration[domain]
        spam = 1.0 / (1.0 + np.exp(-(a * self.decision_function(texts, domain) + b)))
        return np.column_stack([1.0 - spam, spam])

    # --- one text, fast -----------------------------------------------------------------------------------------

    def _fast_blocks(self) -> list[_Block]:
        if self._blocks is None:
            blocks, offset = [], 0
            weights = self.features.transformer_weights or {}
            for name, vectorizer in self.features.transformer_list:
                if not isinstance(vectorizer, TfidfVectorizer) or vectorizer.norm != "l2" or not vectorizer.use_idf:
                    raise TypeError("the fast path replays l2-normalised TfidfVectorizers only")
                blocks.append(_Block(vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_,
                                     float(weights.get(name, 1.0)), offset, vectorizer.sublinear_tf))
                offset += len(vectorizer.vocabulary_)
            self._blocks = blocks
        return self._blocks

    def decision(self, text: str, domain: str | None = None) -> float:
        domain = self._domain(domain)
        coef = self.weights[domain]
        folded = model_text(text)
        total = self.bias[domain]
        for block in self._fast_blocks():
            vocabulary = block.vocabulary
            counts = {vocabulary[t]: n for t, n in Counter(block.analyze(folded)).items() if t in vocabulary}
            if not counts:
                continue
            index = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
            if block.sublinear:
                tf = 1.0 + np.log(tf)
            values = tf * block.idf[index]
            norm = math.sqrt(float(values @ values))
            total += block.weight * float(values @ coef[block.offset + index]) / norm
        return total

    def probability(self, text: str, domain: str | None = None) -> float:
        domain = self._domain(domain)
        a, b = self.calibration[domain]
        z = a * self.decision(text, domain) + b
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
