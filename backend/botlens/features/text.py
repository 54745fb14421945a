"""Pure text helpers shared by the compose check and the posting-pattern work.

Spans are always ``(start, end)`` Python ``str`` indices into the ORIGINAL text, so a client can highlight
exactly what a finding refers to. Detection runs on a :class:`TextView`: the text with invisible characters
removed and each character NFKC-folded (fullwidth ``ｃom`` -> ``com``), plus a map back to original indices.
That way ``bit\u200b.ly`` is still a link and its span still covers the zero-width space the user typed.

Near-duplicate detection offers exact Jaccard over character shingles (right for a few dozen texts) and
MinHash signatures with LSH banding (right for thousands of posts). Shingle hashes use CRC-32, not
``hash()``, so signatures agree across processes.
"""

from __future__ import annotations

import html
import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

Span = tuple[int, int]

# Zero-width, soft hyphen, word joiner, BOM, and the bidi controls (LRM/RLM, embeddings, isolates). They change
# nothing a reader sees, so spammers use them to break up words that filters look for.
INVISIBLE = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_INVISIBLE_RE = re.compile("[" + "".join(sorted(INVISIBLE)) + "]")


@dataclass(frozen=True)
class TextView:
    """``text`` for matching; ``offsets[i]`` is the original index of ``text[i]`` (one extra entry at the end)."""

    original: str
    text: str
    offsets: tuple[int, ...] | None  # None when text == original (the common, fast case)

    def span(self, start: int, end: int) -> Span:
        """Map a ``[start, end)`` range of ``text`` back onto ``original``."""
        if self.offsets is None:
            return (start, end)
        if end <= start:
            at = self.offsets[start]
            return (at, at)
        return (self.offsets[start], self.offsets[end - 1] + 1)


def text_view(text: str) -> TextView:
    """Fold ``text`` for matching while remembering where every character came from."""
    if text.isascii():
        return TextView(text, text, None)
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        if char in INVISIBLE:
            continue
        folded = char if char.isascii() else unicodedata.normalize("NFKC", char)
        chars.append(folded)
        offsets.extend([index] * len(folded))
    folded_text = "".join(chars)
    if folded_text == text:
        return TextView(text, text, None)
    offsets.append(len(text))
    return TextView(text, folded_text, tuple(offsets))


def strip_invisible(text: str) -> str:
    return _INVISIBLE_RE.sub("", text)


# --- links, hashtags, mentions ---------------------------------------------------------------------------------

_TLDS = (
    "com|net|org|info|biz|io|co|me|ly|gl|gd|tv|us|uk|de|fr|es|it|ru|in|br|jp|cn|nl|pl|eu|ca|au|xyz|top|site|online|"
    "club|shop|store|app|dev|link|live|news|blog|page|click|vip|cc|to|be|at|ch|se|no|tk|ml|ga|cf|gq|am|fm|ws|id|sh|ee"
)
# Possessive quantifiers (no backtracking) keep matching linear: with ordinary ones, "a.a.a.…" of 10,000
# characters took minutes.
URL_RE = re.compile(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"']++"
    r"|(?<![\w.@/-])(?:[a-z0-9][a-z0-9-]*+\.(?=[a-z0-9]))++(?:" + _TLDS + r")\b(?:/[^\s<>\"']*+)?",
    re.IGNORECASE,
)
_URL_TRAILING = ".,;:!?)]}'\"…"

SHORTENER_DOMAINS = frozenset(
    "bit.ly bitly.com tinyurl.com goo.gl ow.ly is.gd buff.ly cutt.ly rebrand.ly shorturl.at tiny.cc rb.gy "
    "t.ly v.gd s.id adf.ly shorte.st bl.ink soo.gd clck.ru qr.ae trib.al dlvr.it lnkd.in tr.im x.co"
    .split()
)

# A hashtag needs a letter somewhere (X and Mastodon do not link "#1"); a mention may carry a Mastodon instance
# or be a Bluesky domain handle; Reddit's u/name counts as a mention too.
HASHTAG_RE = re.compile(r"(?<![\w#&])[#＃](?=\w*[^\W\d_])\w+")
MENTION_RE = re.compile(
    r"(?<![\w@/.])@\w+(?:[.-]\w+)*(?:@[\w-]+(?:\.[\w-]+)+)?"
    r"|(?<![\w/])/?u/[A-Za-z0-9_-]{3,20}\b"
)


def find_urls(view: TextView) -> list[Span]:
    """Spans of links, including bare domains such as ``example.com/page`` and obfuscated ``bit\u200b.ly``."""
    spans = []
    for match in URL_RE.finditer(view.text):
        start, end = match.span()
        if view.text[start - 1: start] == "@" and "/" not in match.group():
            continue  # the domain part of an e-mail address or a Mastodon handle
        while end > start and view.text[end - 1] in _URL_TRAILING:
            end -= 1
        spans.append(view.span(start, end))
    return spans


def url_domain(url: str) -> str:
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", strip_invisible(unicodedata.normalize("NFKC", url)).lower())
    return re.split(r"[/?#:]", host, maxsplit=1)[0]


def is_shortener(url: str) -> bool:
    return url_domain(url) in SHORTENER_DOMAINS


def find_hashtags(view: TextView) -> list[Span]:
    return [view.span(*m.span()) for m in HASHTAG_RE.finditer(view.text)]


def find_mentions(view: TextView) -> list[Span]:
    return [view.span(*m.span()) for m in MENTION_RE.finditer(view.text)]


# --- emoji ------------------------------------------------------------------------------------------------------

_EMOJI_BASE = (
    "\U0001F000-\U0001F1E5\U0001F200-\U0001F3FA\U0001F400-\U0001FAFF"
    "\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF\u25A0-\u25FF\u3030\u303D\u3297\u3299\u203C\u2049\u2122\u2139"
)
_EMOJI_MOD = "\uFE0E\uFE0F\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F"
# One emoji as a reader sees it: a flag (two regional indicators), a keycap, or a base with modifiers and
# ZWJ-joined parts (a family emoji is one emoji, not four).
EMOJI_RE = re.compile(
    r"[\U0001F1E6-\U0001F1FF]{2}"
    r"|[0-9#*]\uFE0F?\u20E3"
    rf"|[{_EMOJI_BASE}][{_EMOJI_MOD}]*(?:\u200D[{_EMOJI_BASE}][{_EMOJI_MOD}]*)*"
)
_EMOJI_RUN_RE = re.compile(rf"(?:{EMOJI_RE.pattern})(?:[\s{''.join(sorted(INVISIBLE))}]*(?:{EMOJI_RE.pattern}))*")


def find_emoji(text: str) -> list[Span]:
    """Spans of single emoji in the original text (run on the original: folding would split ZWJ sequences)."""
    return [m.span() for m in EMOJI_RE.finditer(text)]


def find_emoji_runs(text: str, min_length: int = 4) -> list[tuple[Span, int]]:
    """``((start, end), count)`` for runs of at least ``min_length`` emoji, spaces allowed between them."""
    runs = []
    for match in _EMOJI_RUN_RE.finditer(text):
        count = len(EMOJI_RE.findall(match.group()))
        if count >= min_length:
            runs.append((match.span(), count))
    return runs


# --- text for the model -----------------------------------------------------------------------------------------

_MODEL_URL = " zzurl "
_DIGITS_RE = re.compile(r"\d")
_SPACES_RE = re.compile(r"\s+")
# Three or more single letters (any script, never digits) separated by single spaces: "s u b s c r i b e".
# Spammers space a word out so that filters, and word n-grams, miss it; joined, it reads as the word it is.
_SPACED_OUT_LETTERS_RE = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")


def _join_spaced_out_letters(text: str) -> str:
    return _SPACED_OUT_LETTERS_RE.sub(lambda match: match.group().replace(" ", ""), text)


def model_text(text: str) -> str:
    """The form the text model sees: unescaped, invisible characters dropped, NFKC, lower case, links and digits
    replaced by placeholders (which link or which phone number is noise; that there is one is the signal), and
    words spelled out letter by letter joined up ("s u b s c r i b e" -> "subscribe")."""
    text = unicodedata.normalize("NFKC", strip_invisible(html.unescape(text)))
    text = URL_RE.sub(_MODEL_URL, text)
    text = _DIGITS_RE.sub("0", text)
    return _join_spaced_out_letters(_SPACES_RE.sub(" ", text).strip().lower())


def model_texts(texts: Iterable[str]) -> list[str]:
    return [model_text(t) for t in texts]


# --- near duplicates --------------------------------------------------------------------------------------------


def comparable_text(text: str) -> str:
    """Folded text for duplicate detection: links, digits, case, spacing and punctuation runs do not matter."""
    text = model_text(text)
    return re.sub(r"([^\w\s])\1+", r"\1", text)


def shingles(text: str, k: int = 5) -> set[str]:
    """Character ``k``-grams of :func:`comparable_text` (works for languages written without spaces)."""
    folded = comparable_text(text)
    if len(folded) <= k:
        return {folded} if folded else set()
    return {folded[i: i + k] for i in range(len(folded) - k + 1)}


def jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


_MERSENNE = (1 << 61) - 1
_rng = np.random.default_rng(20261123)
_PERM_A = _rng.integers(1, _MERSENNE, size=256, dtype=np.uint64)
_PERM_B = _rng.integers(0, _MERSENNE, size=256, dtype=np.uint64)


def shingle_hashes(items: Iterable[str]) -> np.ndarray:
    return np.fromiter((zlib.crc32(s.encode("utf-8")) for s in items), dtype=np.uint64)


def minhash_signature(items: Iterable[str], num_perm: int = 64) -> np.ndarray:
    """MinHash signature (``num_perm`` <= 256 values) of a set of shingles; equal sets give equal signatures."""
    if not 0 < num_perm <= len(_PERM_A):
        raise ValueError(f"num_perm must be in 1..{len(_PERM_A)}")
    hashes = shingle_hashes(items)
    if hashes.size == 0:
        return np.full(num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    # Values stay below 2**61 and a, h < 2**61 and 2**32, so a*h can wrap uint64; the wrap is a fixed,
    # well-mixed permutation of the hash space, which is all MinHash needs.
    permuted = (_PERM_A[:num_perm, None] * hashes[None, :] + _PERM_B[:num_perm, None]) % np.uint64(_MERSENNE)
    return permuted.min(axis=1)


def minhash_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two sets behind two signatures of equal length."""
    return float(np.mean(a == b))


def lsh_candidate_pairs(signatures: Sequence[np.ndarray], bands: int = 16) -> set[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, whose signatures agree on at least one band: candidates for near duplicates.

    With 64 values in 16 bands of 4, pairs with Jaccard 0.7 are found with probability ~0.99 and pairs with
    0.3 with ~0.12; confirm candidates with :func:`minhash_similarity` or :func:`jaccard`.
    """
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for index, signature in enumerate(signatures):
        rows = len(signature) // bands
        for band in range(bands):
            key = (band, signature[band * rows: (band + 1) * rows].tobytes())
            buckets.setdefault(key, []).append(index)
    pairs = set()
    for members in buckets.values():
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                pairs.add((first, second))
    return pairs


def most_similar(text: str, others: Sequence[str], k: int = 5) -> tuple[int, float]:
    """Index and Jaccard similarity of the text in ``others`` closest to ``text`` (-1, 0.0 when none)."""
    mine = shingles(text, k)
    best, best_score = -1, 0.0
    for index, other in enumerate(others):
        score = jaccard(mine, shingles(other, k))
        if score > best_score:
            best, best_score = index, score
    return best, best_score
