"""Where any of several literals occurs in one long string, in one pass for all of them.

``str.find`` scans the whole string once per literal; with twenty literals over a batch's joined bios that was
most of the text features' time. Here each literal is anchored on its rarest pair of adjacent characters
(by English letter frequency: only speed depends on the choice, never the answer). One table lookup over
every adjacent pair of the string marks where some anchor might sit, using the low byte of each code point
so that the table stays small; each literal is then checked in full, character by character, at its own
few candidates with numpy.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

# Commonest first; a character not listed (digits, "@", "#", most punctuation, non-ASCII) counts as rare.
_COMMON = " etaoinsrhldcumfpgwybvkxjqz"
_WEIGHT = {c: len(_COMMON) - i for i, c in enumerate(_COMMON)}


def _anchor(literal: str) -> int:
    """Offset of the literal's pair of adjacent characters that should occur least often in text."""
    costs = [_WEIGHT.get(a, 0) + _WEIGHT.get(b, 0) for a, b in pairwise(literal)]
    return costs.index(min(costs))


def _pair_key(first: int, second: int) -> int:
    return (first & 0xFF) | ((second & 0xFF) << 8)  # little-endian, as the uint16 views of the string read it


class LiteralScan:
    """The code points of ``text`` (as numpy) and their adjacent pairs, ready for ``starts``."""

    def __init__(self, text: str):
        self.size = len(text)
        if text.isascii():
            raw = text.encode("ascii")
            self.codes = np.frombuffer(raw, dtype=np.uint8)
            low = self.codes
        else:
            raw = text.encode("utf-32-le")
            self.codes = np.frombuffer(raw, dtype=np.uint32)
            low = np.frombuffer(raw, dtype=np.uint8)[::4].copy()  # each code point's low byte
            raw = low.tobytes()
        self.ascii = self.codes.dtype == np.uint8
        self._low = low
        # Pair i is characters (i, i + 1): the even pairs and the odd pairs are two uint16 views of the bytes.
        self._even = np.frombuffer(raw, dtype="<u2", count=self.size // 2)
        if self.size > 1:
            self._odd = np.frombuffer(raw, dtype="<u2", count=(self.size - 1) // 2, offset=1)
        else:
            self._odd = np.zeros(0, dtype="<u2")

    def starts(self, literals: tuple[str, ...]) -> np.ndarray:
        """Every position where one of ``literals`` begins (unsorted, possibly repeated); each must be non-empty."""
        found = [at for at in self.starts_each(literals) if at.size]
        return np.concatenate(found) if found else np.zeros(0, dtype=np.intp)

    def starts_each(self, literals: tuple[str, ...]) -> list[np.ndarray]:
        """For each of ``literals`` (non-empty), every position where it begins (in no particular order)."""
        out: list = [None] * len(literals)
        paired = []
        for n, literal in enumerate(literals):
            if not literal:
                raise ValueError("an empty literal occurs everywhere")
            if self.ascii and not literal.isascii():
                out[n] = np.zeros(0, dtype=np.intp)  # cannot occur in ASCII text
            elif len(literal) == 1:
                out[n] = np.flatnonzero(self.codes == ord(literal))
            else:
                paired.append(n)
        if paired:
            for n, at in zip(paired, self._paired_starts([literals[n] for n in paired])):
                out[n] = at
        return out

    def _paired_starts(self, literals: list[str]) -> list[np.ndarray]:
        anchors = [_anchor(literal) for literal in literals]
        keys = [_pair_key(ord(lit[k]), ord(lit[k + 1])) for lit, k in zip(literals, anchors)]
        table = np.zeros(1 << 16, dtype=bool)
        table[keys] = True
        candidates = np.concatenate((np.flatnonzero(table.take(self._even)) * 2,
                                     np.flatnonzero(table.take(self._odd)) * 2 + 1))
        low = self._low
        candidate_keys = low[candidates].astype(np.uint16) | (low[candidates + 1].astype(np.uint16) << 8)
        out = []
        for literal, k, key in zip(literals, anchors, keys):
            at = candidates[candidate_keys == key] - k
            at = at[(at >= 0) & (at <= self.size - len(literal))]
            for j, char in enumerate(literal):
                if at.size == 0:
                    break
                at = at[self.codes[at + j] == ord(char)]
            out.append(at)
        return out
