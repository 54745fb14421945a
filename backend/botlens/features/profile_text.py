"""The account features read from a profile's texts: lengths and digit counts of handle, name and bio, whether
the bio holds a link, whether the account says it is a bot, and whether location and URL say anything.

Two ways to the same numbers. A batch joins each field once (``TextBatch``) and counts or scans the joined
text; a handful of profiles (one account per request) is cheaper text by text, since each numpy call costs
more than the work it does on so few values. tests/model/test_feature_batches.py holds both to a plain
per-text reference, bit for bit.
"""

from __future__ import annotations

import re

import numpy as np

from botlens.features.literal_scan import LiteralScan
from botlens.features.self_description import declared_in, self_described_bot
from botlens.features.text_batch import TextBatch

LINK = re.compile(r"https?://|www\.|\.(?:com|net|org|ly|io|co|me|it)\b", re.IGNORECASE)
# IGNORECASE also equates these with "i" and "s", though lower() keeps them: with them the prefilter is off.
_CASE_FOLDS_APART = ("\u0131", "\u017f")
_DIGITS = str.maketrans("", "", "0123456789")
# LINK's alternatives as literals of lowered text: every match of LINK is one of them in ``text.lower()`` (the
# prefilter for batches, see _links); the first three match outright, the domains need a boundary after them.
_SURE_LINKS = ("http://", "https://", "www.")
_DOMAINS = (".com", ".net", ".org", ".ly", ".io", ".co", ".me", ".it")
_LINK_LITERALS = _SURE_LINKS + _DOMAINS
_ASCII_WORD = np.array([chr(c).isalnum() or c == ord("_") for c in range(128)])
FEW_PROFILES = 8  # up to this many, text by text


def text_features(cols: dict[str, list]) -> dict[str, np.ndarray]:
    """Feature name -> column for the text features, from the batch's field columns (str or None each)."""
    if len(cols["handle"]) <= FEW_PROFILES:
        return _one_by_one(cols)
    handle, name, bio = TextBatch(cols["handle"]), TextBatch(cols["display_name"]), TextBatch(cols["bio"])
    return {
        "handle_length": handle.lengths_f(), "handle_digits": handle.digit_counts(),
        "name_length": name.lengths_f(), "name_digits": name.digit_counts(),
        "bio_length": bio.lengths_f(), "bio_digits": bio.digit_counts(),
        "bio_has_link": _links(bio), "self_described_bot": declared_in(handle, name, bio),
        # Short, often missing texts: a plain pass beats joining them.
        "has_location": _says_something(cols["location"]), "has_url": _says_something(cols["url"]),
    }


def _says_something(values: list) -> np.ndarray:
    """1 where ``text.strip()`` leaves something, 0 where not, NaN where missing."""
    return np.array([np.nan if v is None else (1.0 if v.strip() else 0.0) for v in values], dtype=np.float64)


def _links(bio: TextBatch) -> np.ndarray:
    """1 where the bio contains a link (``LINK``), 0 where not, NaN where missing."""
    lowered = bio.lowered()
    if lowered is None or any(c in lowered for c in _CASE_FOLDS_APART):
        return bio.matches(LINK)
    out = np.zeros(bio.size, dtype=np.float64)
    texts = bio.texts
    if bio.is_long():  # otherwise the prefilter, then the expression text by text
        found, unsure = _link_positions(bio.lowered_scan())
        out[bio.text_at(found)] = 1.0
        candidates = [i for i in bio.text_at(unsure).tolist() if not out[i]]
    else:
        candidates = bio.containing_literals(_LINK_LITERALS).tolist()
    for i in candidates:
        if LINK.search(texts[i]) is not None:
            out[i] = 1.0
    return bio.with_missing(out)


def _link_positions(scan: LiteralScan) -> tuple[np.ndarray, np.ndarray]:
    """Where LINK surely matches, and where it may (a domain followed by a non-ASCII character), from the lowered
    text: a match of LINK in a text is one of these literals at the same place in its lowered form (see
    _LINK_LITERALS), and a domain needs a word boundary after it, that is a character that is not a letter,
    digit or "_" (the separator counts as none)."""
    starts = scan.starts_each(_LINK_LITERALS)
    found, unsure = starts[:len(_SURE_LINKS)], []
    for domain, at in zip(_DOMAINS, starts[len(_SURE_LINKS):]):
        after = at + len(domain)
        following = scan.codes[np.minimum(after, scan.size - 1)].astype(np.int64)
        following[after >= scan.size] = 0  # the end of the batch is the end of a text
        ascii_ = following < 128
        found.append(at[ascii_ & ~_ASCII_WORD[np.minimum(following, 127)]])
        unsure.append(at[~ascii_])
    return np.concatenate(found), np.concatenate(unsure)


def _per_text(values: list, measure) -> np.ndarray:
    return np.array([np.nan if v is None else float(measure(v)) for v in values], dtype=np.float64)


def _digits(text: str) -> int:
    return len(text) - len(text.translate(_DIGITS))


def _one_by_one(cols: dict[str, list]) -> dict[str, np.ndarray]:
    handles, names, bios = cols["handle"], cols["display_name"], cols["bio"]
    return {
        "handle_length": _per_text(handles, len), "handle_digits": _per_text(handles, _digits),
        "name_length": _per_text(names, len), "name_digits": _per_text(names, _digits),
        "bio_length": _per_text(bios, len), "bio_digits": _per_text(bios, _digits),
        "bio_has_link": _per_text(bios, lambda v: LINK.search(v) is not None),
        "self_described_bot": self_described_bot(handles, names, bios),
        "has_location": _says_something(cols["location"]), "has_url": _says_something(cols["url"]),
    }
