"""One text field of a whole batch joined into one string, so that per-text counts and pattern scans are a
few calls over the batch instead of a few calls per profile.

Texts are joined with ``SEPARATOR`` (NUL: neither a word character nor whitespace, nor cased), so a word
boundary or a case mapping next to it behaves as at the end of a string; a text's position in the joined
string comes from the character lengths, never from searching for the separator, so a text that itself
contains NUL is still located correctly.
"""

from __future__ import annotations

import re
from itertools import repeat
from operator import is_not

import numpy as np

from botlens.features.literal_scan import LiteralScan

SEPARATOR = "\x00"
_DIGIT_0, _DIGITS = 48, 10  # str.translate counted exactly "0123456789"
# From this many characters one scan for all literals beats a str.find pass per literal (about 400 bios).
SCAN_FROM = 16_000


class TextBatch:
    """``values`` (str or None per profile) with their lengths in characters and where each sits in ``joined``."""

    def __init__(self, values: list):
        self.size = len(values)
        present = list(map(is_not, values, repeat(None)))
        if all(present):
            self.missing = None
            texts = values
        else:
            self.missing = ~np.fromiter(present, dtype=bool, count=self.size)
            texts = ["" if v is None else v for v in values]
        self.texts = texts
        self.joined = SEPARATOR.join(texts)
        self._codes: np.ndarray | None = None
        ends = None
        if self.joined.isascii():  # where no text holds NUL, the separators give every text's end at once
            separators = np.flatnonzero(self.codes() == 0)
            if separators.size == self.size - 1:
                ends = np.append(separators, len(self.joined))
                self.lengths = ends - np.append(0, separators + 1)
        if ends is None:
            self.lengths = np.fromiter(map(len, texts), dtype=np.int64, count=self.size)
            ends = np.cumsum(self.lengths + 1) - 1  # exclusive end of each text
        self.starts = ends - self.lengths
        self.ends = ends
        self._lowered: tuple[str | None] | None = None
        self._scan: LiteralScan | None = None

    def codes(self) -> np.ndarray:
        """Code points of ``joined``, one array element per character."""
        if self._codes is None:
            if self.joined.isascii():
                self._codes = np.frombuffer(self.joined.encode("ascii"), dtype=np.uint8)
            else:
                self._codes = np.frombuffer(self.joined.encode("utf-32-le"), dtype=np.uint32)
        return self._codes

    def with_missing(self, values: np.ndarray) -> np.ndarray:
        """``values`` as floats with NaN where the text is missing."""
        out = values.astype(np.float64)
        if self.missing is not None:
            out[self.missing] = np.nan
        return out

    def _per_text_sum(self, mask: np.ndarray) -> np.ndarray:
        # Where the mask is set, then how many of those places fall in [start, end) of each text: for sparse
        # masks (digits) a hundred times faster than a running sum over every character.
        marked = np.flatnonzero(mask)
        return np.searchsorted(marked, self.ends) - np.searchsorted(marked, self.starts)

    def lengths_f(self) -> np.ndarray:
        return self.with_missing(self.lengths)

    def digit_counts(self) -> np.ndarray:
        """How many ASCII digits each text holds (NaN where missing)."""
        codes = self.codes()
        return self.with_missing(self._per_text_sum((codes - codes.dtype.type(_DIGIT_0)) < _DIGITS))

    def containing(self, pattern: re.Pattern) -> np.ndarray:
        """Indices of the texts in which ``pattern`` finds a match (sorted, unique).

        Exact for patterns without anchors or lookarounds that could reach past a text's end (``\\b`` is
        fine) and that cannot match the separator."""
        return self.text_at([m.start() for m in pattern.finditer(self.joined)])

    def containing_literals(self, literals: tuple[str, ...]) -> np.ndarray | None:
        """Indices of the texts whose ``text.lower()`` contains one of ``literals`` (sorted, unique); None where
        lowering changed a length (the caller then scans text by text)."""
        positions = self.lowered_starts(literals)
        if positions is None:
            return None
        return self.text_at(positions)

    def text_at(self, positions) -> np.ndarray:
        """Indices of the texts holding these positions of ``joined`` (sorted, unique)."""
        if not len(positions):
            return np.zeros(0, dtype=np.int64)
        # Text i covers [starts[i], ends[i]): the first text whose end lies beyond the position.
        return np.unique(np.searchsorted(self.ends, positions, side="right"))

    def lowered_starts(self, literals: tuple[str, ...]):
        """Where in ``lowered()`` each of ``literals`` begins (all occurrences, in no order), by scanning the
        whole lowered batch: one ``str.find`` pass per literal for a short batch, one pass for all of them
        (``LiteralScan``) for a long one; None where lowering changed a length."""
        haystack = self.lowered()
        if haystack is None:
            return None
        if self.is_long():
            return self.lowered_scan().starts(literals)
        positions = []
        for literal in literals:
            find = haystack.find
            at = find(literal)
            while at >= 0:
                positions.append(at)
                at = find(literal, at + 1)
        return positions

    def is_long(self) -> bool:
        """Long enough (``SCAN_FROM`` characters) that one pass for all literals beats a pass per literal."""
        return len(self.joined) >= SCAN_FROM

    def lowered_scan(self) -> LiteralScan:
        """``lowered()`` (which must not be None) prepared for multi-literal scans, built once."""
        if self._scan is None:
            self._scan = LiteralScan(self.lowered())
        return self._scan

    def lowered(self) -> str | None:
        """``joined.lower()``, or None when lowering changed the length (then offsets no longer line up).

        Lowering is per character except for the final sigma, which looks at its neighbours; the separator
        is neither cased nor case-ignorable, so it ends that context just as a string's end does."""
        if self._lowered is None:
            low = self.joined.lower()
            self._lowered = (low if len(low) == len(self.joined) else None,)
        return self._lowered[0]

    def matches(self, pattern: re.Pattern) -> np.ndarray:
        """1 where ``pattern.search(text)`` finds something, 0 where not, NaN where missing."""
        out = np.zeros(self.size, dtype=np.float64)
        out[self.containing(pattern)] = 1.0
        if self.missing is not None:
            out[self.missing] = np.nan
        return out
