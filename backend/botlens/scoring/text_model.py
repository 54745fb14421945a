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
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from botlens.compose.rules import Draft, Tip, run_rules
from botlens.features.text import is_shortener, model_text, model_texts, url_domain

GENERIC = "generic"
DOMAINS = ("youtube", "sms")

# The request's platform -> the training domain whose weights score it. Platforms without a domain of their
# own (and requests without a platform) get the shared weights. The posts by people (X, 2024) have no copy of
# their own: they are all ham, so a copy would only learn "nothing on X is spam".
PLATFORM_DOMAINS = {"youtube": "youtube"}


def domain_for(platform: str | None) -> str:
    return PLATFORM_DOMAINS.get(platform or "", GENERIC)


# --- dense cues beside the n-grams ----------------------------------------------------------------------------
# The n-gram blocks are l2-normalised, so one link token weighs less the longer the comment around it: a streaming
# link inside three friendly sentences read as ham. These cues enter the linear model unnormalised, with the same
# weight in a short text and a long one. The rule signals are the compose rules' own (platform-neutral). The
# shortener and phrase cues (self-promotion, follow-back, giveaway, engagement bait) enter at sqrt(2) rather
# than 1: under the same L2 penalty that lets them reach further (leave-one-video-out F1 0.936 against 0.933).
# Spam spells a link out so that link filters (and our link pattern) miss it: "x dot com", "x(dot)com", "xDOTcom",
# "tinyurl*com", ". c o m", "w w w", "h t t p", or a domain glued to the next sentence ("Stash.comI ..."). The
# disguised_link cue is the compose rule of that name (its pattern: compose.phrases.DISGUISED_LINK), at weight 1
# and whether or not the text also has a real link.

_SPELLED_OUT_DOMAIN = re.compile(r"\b\w+\s*(?:\.|\(dot\)|\bdot\b)\s*(?:com|net|org)\w?\b", re.IGNORECASE)
_STRONG_CUE = math.sqrt(2.0)
# The phrase rules' own tips: each fires exactly when its pattern (compose.phrases) matches the folded text.
_PHRASE_CUES = ("self_promotion", "follow_back", "giveaway", "engagement_bait")
_RULE_CUES = ("several_links", "only_link", "shouting", "emoji_run", "punctuation_run", "dm_me",
              "get_rich")
DENSE_FEATURES = ("has_link", "links_up_to_3", "youtube_link", "shortener_link", "spelled_out_domain",
                  "disguised_link", "log_length", "capitals_share", *(f"{name}_phrase" for name in _PHRASE_CUES),
                  *(f"rule_{code}" for code in _RULE_CUES))


def dense_features(text: str, draft: Draft | None = None, tips: Sequence[Tip] | None = None) -> np.ndarray:
    """One value per :data:`DENSE_FEATURES` name, each in [0, 1.5]. ``draft`` and ``tips``: the compose check's
    own reading of this text (with its platform and recent posts), so a check runs the rules once; the cues read
    only rules that depend on neither."""
    if draft is None or tips is None:
        draft = Draft(text)
        tips = run_rules(draft)
    view = draft.view
    urls = [text[start:end] for start, end in draft.urls]
    domains = [url_domain(url) for url in urls]
    letters = [c for c in view.text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) / len(letters) if len(letters) >= 5 else 0.0
    codes = {tip.code for tip in tips}
    return np.array([
        float(bool(urls)),
        min(len(urls), 3) / 3,
        float(any(d == "youtu.be" or d.endswith("youtube.com") for d in domains)),
        _STRONG_CUE * any(is_shortener(url) for url in urls),
        float(not urls and bool(_SPELLED_OUT_DOMAIN.search(view.text))),
        float("disguised_link" in codes),
        min(math.log1p(len(view.text)) / 6, 1.5),
        capitals,
        *(_STRONG_CUE * (name in codes) for name in _PHRASE_CUES),
        *(float(code in codes) for code in _RULE_CUES),
    ])


def dense_matrix(texts: Sequence[str]) -> np.ndarray:
    return np.array([dense_features(t) for t in texts]).reshape(len(texts), len(DENSE_FEATURES))


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
    ``p = 1 / (1 + exp(-(a * (x . w + bias) + b)))``. With ``dense``, ``x`` ends with the
    :data:`DENSE_FEATURES` after the n-gram blocks; a domain whose dense weights are all zero skips them."""

    features: FeatureUnion
    weights: dict[str, np.ndarray]
    bias: dict[str, float]
    calibration: dict[str, tuple[float, float]]
    dense: bool = False

    def __post_init__(self) -> None:
        self._blocks: list[_Block] | None = None

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_blocks"] = None  # rebuilt on first use: analyzers are closures
        return state

    def __setstate__(self, state: dict) -> None:
        # The dense weights are read by position: a model saved with another set of cues would silently give
        # each cue a neighbour's weight, so it is refused when loaded.
        self.__dict__.update(state)
        if self.dense:
            n_grams = sum(len(vectorizer.vocabulary_) for _, vectorizer in self.features.transformer_list)
            if any(len(coef) != n_grams + len(DENSE_FEATURES) for coef in self.weights.values()):
                raise ValueError(f"this compose model was saved with other dense cues than the "
                                 f"{len(DENSE_FEATURES)} this code reads; retrain it (botlens train --only compose)")

    def _domain(self, domain: str | None) -> str:
        domain = domain or GENERIC
        if domain not in self.weights:
            raise ValueError(f"unknown text domain {domain!r}")
        return domain

    def _dense_weights(self, domain: str) -> np.ndarray | None:
        if not self.dense:
            return None
        coef = self.weights[domain][-len(DENSE_FEATURES):]
        return coef if coef.any() else None

    # --- batch path ---------------------------------------------------------------------------------------------

    def decision_function(self, texts: Sequence[str], domain: str | None = None) -> np.ndarray:
        domain = self._domain(domain)
        coef = self.weights[domain]
        n_grams = len(coef) - (len(DENSE_FEATURES) if self.dense else 0)
        scores = self.features.transform(model_texts(texts)) @ coef[:n_grams] + self.bias[domain]
        dense = self._dense_weights(domain)
        if dense is not None:
            scores = scores + dense_matrix(texts) @ dense
        return scores

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

    def decision(self, text: str, domain: str | None = None, draft: Draft | None = None,
                 tips: Sequence[Tip] | None = None) -> float:
        """``draft`` and ``tips``: the rules' reading of ``text`` when the caller has it (see dense_features)."""
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
        dense = self._dense_weights(domain)
        if dense is not None:
            total += float(dense_features(text, draft, tips) @ dense)
        return total

    def probability(self, text: str, domain: str | None = None, draft: Draft | None = None,
                    tips: Sequence[Tip] | None = None) -> float:
        domain = self._domain(domain)
        a, b = self.calibration[domain]
        z = a * self.decision(text, domain, draft, tips) + b
        return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))
