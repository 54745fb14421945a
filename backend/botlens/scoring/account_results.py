"""A scored batch kept as columns (numpy arrays), rendered into sentences and objects only when asked.

``ScoredAccounts`` holds what scoring decided: both probabilities, a verdict code, and for each profile its
top reasons as feature indices, impacts and feature values. Rendering turns them into what the API returns:
``json_rows()`` writes each row's JSON text exactly as ``json.dumps`` writes ``AccountScore.model_dump(mode=
"json")`` (the HTTP handler's path; a generic encoder costs more than scoring), ``payloads()`` gives those
dicts (for the score cache), and iterating gives ``AccountScore`` objects. Sentences are rendered once per
distinct input within a batch: many profiles share "the bio is empty" or "it has no banner image".
"""

from __future__ import annotations

import gc
import json
from itertools import pairwise
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from json.encoder import encode_basestring

import numpy as np

from botlens.features.profile import ACCOUNT_FEATURES
from botlens.schemas.accounts import AccountScore, Reason, Verdict
from botlens.schemas.profile import Platform
from botlens.scoring.reasons import REASON_CODES, SENTENCE_INPUTS, reason_sentence

VERDICTS = (Verdict.likely_human, Verdict.uncertain, Verdict.likely_bot)
_VERDICT_VALUES = np.array([v.value for v in VERDICTS], dtype=object)
_CODES = np.array([REASON_CODES[name] for name in ACCOUNT_FEATURES], dtype=object)
_LITERALS = {None: "null", True: "true", False: "false"}
_PLATFORM_JSON = {platform: encode_basestring(platform.value) for platform in Platform}


@dataclass(eq=False)
class ScoredAccounts(Sequence):
    platforms: list
    handles: list
    declared: list  # the platform's own bot flag, passed through
    bot_probability: np.ndarray  # rounded as the API reports it
    fake_follower_probability: np.ndarray
    verdict_codes: np.ndarray  # index into VERDICTS
    reason_features: np.ndarray  # rows x k feature indices, largest impact first
    reason_impacts: np.ndarray  # rows x k, rounded as reported
    reason_values: np.ndarray  # rows x k feature values
    reason_kept: np.ndarray  # rows x k: strong enough to be shown
    raw: dict[str, np.ndarray]  # counts and age that sentences quote
    _rendered: list[AccountScore] | None = None
    _reasons: tuple | None = None

    def __len__(self) -> int:
        return len(self.handles)

    def __getitem__(self, index):
        return self.results()[index]

    def __iter__(self):
        return iter(self.results())

    def __eq__(self, other) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def verdicts(self) -> list[Verdict]:
        return [VERDICTS[c] for c in self.verdict_codes.tolist()]

    def _kept_reasons(self) -> tuple[list, list, list, list]:
        """Codes, messages and impacts of every shown reason (row by row, strongest first), and row bounds."""
        if self._reasons is None:
            self._reasons = self._find_reasons()
        return self._reasons

    def _find_reasons(self) -> tuple[list, list, list, list]:
        rows, slots = np.nonzero(self.reason_kept)
        features = self.reason_features[rows, slots]
        messages = render_messages(features, self.reason_values[rows, slots], rows, self.raw)
        bounds = np.zeros(len(self) + 1, dtype=np.int64)
        np.cumsum(self.reason_kept.sum(axis=1), out=bounds[1:])
        return _CODES[features].tolist(), messages, self.reason_impacts[rows, slots].tolist(), bounds.tolist()

    def payloads(self) -> list[dict]:
        """``AccountScore.model_dump(mode="json")`` of every row, in order, without building the models."""
        with gc_paused():
            return self._payloads()

    def _payloads(self) -> list[dict]:
        codes, messages, impacts, bounds = self._kept_reasons()
        flat = [{"code": c, "impact": i, "message": m} for c, m, i in zip(codes, messages, impacts)]
        reasons = [flat[a:b] for a, b in pairwise(bounds)]
        platforms = [getattr(p, "value", p) for p in self.platforms]
        return [{"platform": p, "handle": h, "bot_probability": b, "fake_follower_probability": f, "verdict": v,
                 "reasons": r, "self_declared_bot": d}
                for p, h, b, f, v, r, d in zip(platforms, self.handles, self.bot_probability.tolist(),
                                               self.fake_follower_probability.tolist(),
                                               _VERDICT_VALUES[self.verdict_codes].tolist(), reasons, self.declared)]

    def json_rows(self) -> list[str]:
        """Each row's JSON text: ``json.dumps(payload, ensure_ascii=False, separators=(",", ":"))``."""
        with gc_paused():
            if not (np.isfinite(self.bot_probability).all() and np.isfinite(self.fake_follower_probability).all()
                    and np.isfinite(self.reason_impacts).all()):  # json's NaN/Infinity: leave them to json
                return [json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in self._payloads()]
            return self._json_rows()

    def _json_rows(self) -> list[str]:
        # float.__repr__ is how json writes a finite float; encode_basestring is its ensure_ascii=False string.
        codes, messages, impacts, bounds = self._kept_reasons()
        flat = [f'{{"code":{encode_basestring(c)},"impact":{i!r},"message":{encode_basestring(m)}}}'
                for c, m, i in zip(codes, messages, impacts)]
        reasons = [",".join(flat[a:b]) for a, b in pairwise(bounds)]
        platforms = [_PLATFORM_JSON.get(p) or encode_basestring(getattr(p, "value", p)) for p in self.platforms]
        declared = [_LITERALS[d] if d is None or d.__class__ is bool else json.dumps(d) for d in self.declared]
        return [f'{{"platform":{p},"handle":{encode_basestring(h)},"bot_probability":{b!r},'
                f'"fake_follower_probability":{f!r},"verdict":"{v}","reasons":[{r}],"self_declared_bot":{d}}}'
                for p, h, b, f, v, r, d in zip(platforms, self.handles, self.bot_probability.tolist(),
                                               self.fake_follower_probability.tolist(),
                                               _VERDICT_VALUES[self.verdict_codes].tolist(), reasons, declared)]

    def results(self) -> list[AccountScore]:
        """The rows as ``AccountScore`` objects (built once, then kept)."""
        if self._rendered is None:
            with gc_paused():
                self._rendered = self._results()
        return self._rendered

    def _results(self) -> list[AccountScore]:
        codes, messages, impacts, bounds = self._kept_reasons()
        flat = [_construct(Reason, {"code": c, "impact": i, "message": m}, _REASON_FIELDS)
                for c, m, i in zip(codes, messages, impacts)]
        return [_construct(AccountScore, {"platform": p, "handle": h, "bot_probability": b,
                                          "fake_follower_probability": f, "verdict": v, "reasons": flat[lo:hi],
                                          "self_declared_bot": d}, _SCORE_FIELDS)
                for p, h, b, f, v, lo, hi, d in zip(self.platforms, self.handles, self.bot_probability.tolist(),
                                                   self.fake_follower_probability.tolist(), self.verdicts(),
                                                   bounds, bounds[1:], self.declared)]


def render_messages(features: np.ndarray, values: np.ndarray, rows: np.ndarray, raw: dict[str, np.ndarray]) -> list:
    """``reason_sentence`` for each (feature, value, row), rendering each distinct input of a feature once."""
    if len(features) <= _FEW_REASONS:  # numpy's per-call cost would outweigh what sorting saves
        return _memoised_messages(features.tolist(), values.tolist(),
                                  {key: column[rows].tolist() for key, column in raw.items()})
    messages = np.empty(len(features), dtype=object)
    for j in np.unique(features).tolist():
        name = ACCOUNT_FEATURES[j]
        where = np.flatnonzero(features == j)
        inputs = SENTENCE_INPUTS[name]
        if len(inputs) == 1:
            (key,) = inputs
            distinct, inverse = np.unique(values[where] if key is None else raw[key][rows[where]],
                                          return_inverse=True)
            if key is None:
                rendered = [reason_sentence(name, _NO_RAW, v) for v in distinct.tolist()]
            else:
                rendered = [reason_sentence(name, {key: v}, np.nan) for v in distinct.tolist()]
        else:
            # Pairs as complex numbers: np.unique sorts and compares those exactly, and fast.
            first, second = inputs
            pairs = np.empty(where.size, dtype=np.complex128)
            pairs.real, pairs.imag = raw[first][rows[where]], raw[second][rows[where]]
            distinct, inverse = np.unique(pairs, return_inverse=True)
            rendered = [reason_sentence(name, {first: z.real, second: z.imag}, np.nan) for z in distinct.tolist()]
        messages[where] = np.array(rendered, dtype=object)[inverse.reshape(-1)]
    return messages.tolist()


_NO_RAW: dict = {}
_FEW_REASONS = 24


def _memoised_messages(features: list, values: list, raw_rows: dict[str, list]) -> list:
    """The same sentences one reason at a time, each distinct (feature, inputs) rendered once."""
    memo: dict[tuple, str] = {}
    messages = []
    for n, (j, value) in enumerate(zip(features, values)):
        inputs = _INPUTS[j]
        given = {key: (value if key is None else raw_rows[key][n]) for key in inputs}
        memo_key = (j, *given.values())
        message = memo.get(memo_key)
        if message is None:
            message = memo[memo_key] = reason_sentence(ACCOUNT_FEATURES[j], given, given.get(None, np.nan))
        messages.append(message)
    return messages


_INPUTS = [SENTENCE_INPUTS[name] for name in ACCOUNT_FEATURES]


@contextmanager
def gc_paused():
    """Scoring allocates tens of thousands of small acyclic objects (lists from ``tolist``, results, reasons);
    letting the cyclic collector walk the whole heap again and again meanwhile costs more than the work
    itself (``idx.tolist()`` alone took 55 ms instead of 1 ms for 10,000 rows), so it waits until the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_set = object.__setattr__
_REASON_FIELDS = set(Reason.model_fields)
_SCORE_FIELDS = set(AccountScore.model_fields)


def _construct(cls, values: dict, fields_set: set):
    """``cls.model_construct`` without its per-call field walk: every field is given and already valid.

    All instances share one ``fields_set``: it names every field, so pydantic's only change to it (adding a
    field on assignment) leaves it as it is."""
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj
