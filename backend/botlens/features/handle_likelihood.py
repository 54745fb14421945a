"""How ordinary a handle looks: mean log-probability of its character bigrams under genuine handles.

Generated handles ("x7q2kd91b", "anna83928374") score low. The table is fitted inside training on the
genuine handles of the training fold and travels inside the model artifact; nothing is fitted at import.
Scoring is vectorised: all handles of a batch are joined into one byte array and scored with numpy.
"""

from __future__ import annotations

import numpy as np

# Symbols: 0 = handle boundary, 1..26 = a-z, 27..36 = 0-9, 37 = "_", 38 = anything else.
_BOUNDARY, _OTHER, N_SYMBOLS = 0, 38, 39
_BYTE_TO_SYMBOL = np.full(256, _OTHER, dtype=np.int16)
_BYTE_TO_SYMBOL[np.frombuffer(b"abcdefghijklmnopqrstuvwxyz", dtype=np.uint8)] = np.arange(1, 27)
_BYTE_TO_SYMBOL[np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", dtype=np.uint8)] = np.arange(1, 27)
_BYTE_TO_SYMBOL[np.frombuffer(b"0123456789", dtype=np.uint8)] = np.arange(27, 37)
_BYTE_TO_SYMBOL[ord("_")] = 37
_SEPARATOR = b"\n"  # never part of a handle (handles are stripped of whitespace before scoring)
_BYTE_TO_SYMBOL[ord(_SEPARATOR)] = _BOUNDARY


def _clean(handle: str) -> str:
    return handle.strip().lstrip("@").replace("\n", "")


# First or last bytes after which a handle might change when cleaned: ASCII whitespace, "@" (first only), and
# any non-ASCII byte (it could belong to a Unicode space); a handle with none of them at its ends is clean.
_MAY_STRIP_END = np.zeros(256, dtype=bool)
_MAY_STRIP_END[np.frombuffer(b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f", dtype=np.uint8)] = True
_MAY_STRIP_END[128:] = True
_MAY_STRIP_START = _MAY_STRIP_END.copy()
_MAY_STRIP_START[ord("@")] = True
_FEW_HANDLES = 8


def _symbol_stream(handles: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """One symbol array for the batch with a boundary before, between and after handles; and the offsets."""
    clean = False
    if len(handles) > _FEW_HANDLES:  # for a few handles, checking would cost more than cleaning them
        separator = _SEPARATOR.decode()
        data = np.frombuffer((separator + separator.join(handles) + separator).encode("utf-8"), dtype=np.uint8)
        # The common case: no handle holds the separator or needs cleaning, so the batch is already the stream.
        breaks = np.flatnonzero(data == _SEPARATOR[0])
        lengths = np.diff(breaks) - 1
        clean = (breaks.size == len(handles) + 1 and lengths.all()
                 and not _MAY_STRIP_START[data[breaks[:-1] + 1]].any()
                 and not _MAY_STRIP_END[data[breaks[1:] - 1]].any())
    if not clean:
        cleaned = [_clean(h) for h in handles]
        data = np.frombuffer(_SEPARATOR + _SEPARATOR.join(h.encode("utf-8") for h in cleaned) + _SEPARATOR,
                             dtype=np.uint8)
        lengths = np.fromiter((len(h.encode("utf-8")) for h in cleaned), dtype=np.int64, count=len(cleaned))
    return _BYTE_TO_SYMBOL[data], lengths.astype(np.int64)


class HandleBigramModel:
    """Add-one smoothed character-bigram model; ``score`` gives the mean log-probability per transition."""

    def __init__(self) -> None:
        self.log_prob: np.ndarray | None = None

    def fit(self, handles: list[str]) -> "HandleBigramModel":
        symbols, _ = _symbol_stream(list(handles))
        counts = np.ones((N_SYMBOLS, N_SYMBOLS), dtype=np.float64)
        np.add.at(counts, (symbols[:-1], symbols[1:]), 1.0)
        counts[_BOUNDARY, _BOUNDARY] = 1.0  # separator pairs carry no information
        self.log_prob = np.log(counts / counts.sum(axis=1, keepdims=True)).astype(np.float32)
        return self

    def score(self, handles: list[str]) -> np.ndarray:
        if self.log_prob is None:
            raise RuntimeError("HandleBigramModel.score called before fit")
        if not handles:
            return np.zeros(0)
        symbols, lengths = _symbol_stream(handles)
        pair_scores = self.log_prob[symbols[:-1], symbols[1:]].astype(np.float64)
        # Handle i's transitions (boundary -> first ... last -> boundary) are lengths[i] + 1 consecutive pairs.
        starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
        totals = np.add.reduceat(pair_scores, starts)
        return totals / (lengths + 1)
