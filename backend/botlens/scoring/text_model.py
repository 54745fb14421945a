"""One-text inference for the compose pipeline without scikit-learn's per-call overhead.

scikit-learn validates inputs, dispatches through joblib and checks for dataframes on every call, which costs
~10 ms for a single short text: more than the whole budget of a compose check. The pipeline is linear after
feature extraction, so its arithmetic is read out once (vocabularies, idf weights, coefficients, the sigmoid
calibration) and replayed here with dictionaries and a dot product. ``tests/compose/test_model.py`` checks that
both paths give the same probability; anything this class does not recognise raises ``UnsupportedPipeline``
and the caller keeps using the pipeline itself.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer


class UnsupportedPipeline(ValueError):
    """The pipeline is not the shape this fast path knows how to replay."""


@dataclass(frozen=True)
class _Block:
    analyze: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray  # this block's slice of the linear model's coefficients
    sublinear: bool


class FastLinearText:
    def __init__(self, pipeline: Pipeline):
        steps = dict(pipeline.steps)
        fold, features, model = steps.get("fold"), steps.get("features"), steps.get("model")
        if not (isinstance(fold, FunctionTransformer) and isinstance(features, FeatureUnion)
                and isinstance(model, CalibratedClassifierCV)):
            raise UnsupportedPipeline("expected fold -> FeatureUnion -> CalibratedClassifierCV")
        if len(model.calibrated_classifiers_) != 1 or model.method != "sigmoid":
            raise UnsupportedPipeline("expected one sigmoid-calibrated classifier (ensemble=False)")
        calibrated = model.calibrated_classifiers_[0]
        coef = np.asarray(calibrated.estimator.coef_, dtype=float).ravel()
        self._fold = fold.func
        self._intercept = float(np.ravel(calibrated.estimator.intercept_)[0])
        self._a = float(calibrated.calibrators[0].a_)
        self._b = float(calibrated.calibrators[0].b_)
        self._blocks: list[_Block] = []
        offset = 0
        block_weights = features.transformer_weights or {}
        for name, vectorizer in features.transformer_list:
            if not isinstance(vectorizer, TfidfVectorizer) or vectorizer.norm != "l2" or not vectorizer.use_idf:
                raise UnsupportedPipeline("expected l2-normalised TfidfVectorizers")
            size = len(vectorizer.vocabulary_)
            self._blocks.append(_Block(vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_,
                                       coef[offset: offset + size] * block_weights.get(name, 1.0),
                                       vectorizer.sublinear_tf))
            offset += size
        if offset != coef.size:
            raise UnsupportedPipeline("feature count does not match the coefficients")

    def decision(self, text: str) -> float:
        folded = self._fold([text])[0]
        total = self._intercept
        for block in self._blocks:
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
            total += float(values @ block.weights[index]) / norm
        return total

    def probability(self, text: str) -> float:
        return 1.0 / (1.0 + math.exp(self._a * self.decision(text) + self._b))
