"""Does a profile describe itself as automated? ``self_described_bot(handles, names, bios) -> 0/1/NaN``.

Benign bots announce themselves by conventions that platforms ask for and bot-maker communities teach
(Botwiki's guidelines, X's automated-account label, Mastodon's bot flag): "bot" in the handle or name, a
bio that says "automated" or how often it posts ("a new map every six hours"), and a credit to the person
who made it ("a bot by @someone", "made by @someone"). These are statements, not statistics, so the
account model gives this feature a fixed weight instead of learning it from whichever bot families a
training set happens to contain (see ``training/account.py``).

Deliberately not matched, because people write them about themselves: "random", "every day", "every
hour" without a count, "bots" in the plural ("I block bots"), and words that merely contain "bot"
("robotics", "Bottom", "Abbott").
"""

from __future__ import annotations

import re

import numpy as np

from botlens.features.text_batch import TextBatch

_COUNT = r"(?:\d+|two|three|four|five|six|eight|ten|twelve|fifteen|twenty|thirty|few|couple of)"
_TEXT = re.compile(
    # says what it is
    r"\bbot\b|🤖|\btwitterbot\b|\bfanbot\b|\b(?:a|an|just a|i'm a|i am a) (?:\w+ )?robot\b|\bgenerator\b"
    r"|\bi'?m an algorithm\b|\bi am an algorithm\b|\bnot an? (?:real )?(?:human|person)\b"
    r"|\bautomated\b|\b(?:auto|computer|randomly|procedurally)[- ]?generated\b|\bgenerated (?:by|with|from|using)\b"
    r"|\bprocedural(?:ly)?\b|\bgenerative\b|\bmarkov\b"
    # the bot makers' own hashtags and tools
    r"|#botally\b|#nabomamo\b|#procjam\b|\bcheap ?bots ?done ?quick\b|\btracery\b"
    # says how often it posts
    rf"|\bevery {_COUNT} ?(?:minutes|hours|hrs|days)\b|\b(?:once|twice|three times|a few times) a day\b"
    r"|\b(?:tweets?|posts?|tweeting|posting|tweeted|posted) (?:every|hourly|daily|each day|once an? (?:hour|day))\b"
    # credits the person who made it
    r"|\b(?:made|created|built|coded|code|written|maintained|run|powered|programmed|(?:ro)?bot|project) by @\w"
    r"|(?:^|[^\w\s,]\s*)by @\w"
)
# Cheap literal scan first: the expression above runs only on the few texts that contain one of these.
_TEXT_HINT = re.compile("bot|🤖|automat|generat|procedural|markov|algorithm|human|person|every|a day|hourly|daily|"
                        "each day|by @|#nabomamo|#procjam|tracery")
_HANDLE_LOWER = re.compile(r"bot\d*$|^bot_|_bot_|_ebooks$")
_HANDLE_CAMEL = re.compile(r"[a-z\d]Bot(?:[A-Z\d_]|$)|^Bot[A-Z]")


def text_self_describes(text: str) -> bool:
    lowered = text.lower()
    return _TEXT_HINT.search(lowered) is not None and _TEXT.search(lowered) is not None


def handle_self_describes(handle: str) -> bool:
    return _HANDLE_LOWER.search(handle.lower()) is not None or _HANDLE_CAMEL.search(handle) is not None


def name_self_describes(name: str) -> bool:
    """A display name says it when its text does, or when it is styled like a bot's handle ("QuiltBot")."""
    return text_self_describes(name) or handle_self_describes(name.strip())


def self_described_bot(handles: list, names: list, bios: list) -> np.ndarray:
    """1 where the handle, name or bio declares automation, 0 where none does, NaN where all three are missing."""
    out = np.empty(len(handles), dtype=np.float64)
    for i, (handle, name, bio) in enumerate(zip(handles, names, bios)):
        if handle is None and name is None and bio is None:
            out[i] = np.nan
        else:
            out[i] = float((handle is not None and handle_self_describes(handle))
                           or (name is not None and name_self_describes(name))
                           or (bio is not None and text_self_describes(bio)))
    return out


# The batch path (features/profile.py) gives the same answers as self_described_bot with the per-text tests run
# only on texts that one scan of the whole joined field flags: a text can only pass its test if its lowered form
# holds one of the hint's literals (the hint without "^" anchors, which hold only at a string's start) or, for
# the handle-style tests, a literal that every handle pattern contains. tests/model/test_feature_batches.py
# compares both paths.
_HINT_LITERALS = tuple(_TEXT_HINT.pattern.replace("|^", "|").removeprefix("^").split("|"))
_HANDLE_LITERALS = ("bot", "_ebooks")
_PLAIN = re.compile(r"[^\\.^$*+?{}\[\]()|]+")


def declared_in(handles: TextBatch, names: TextBatch, bios: TextBatch) -> np.ndarray:
    """``self_described_bot`` over fields already joined by :class:`TextBatch`."""
    out = np.zeros(handles.size, dtype=np.float64)
    plain_hint = all(_PLAIN.fullmatch(literal) for literal in _HINT_LITERALS)
    for field, literals, declares in ((handles, _HANDLE_LITERALS, handle_self_describes),
                                      (names, _HINT_LITERALS + _HANDLE_LITERALS, name_self_describes),
                                      (bios, _HINT_LITERALS, text_self_describes)):
        candidates = field.containing_literals(literals) if plain_hint else None
        texts = field.texts
        for i in (range(field.size) if candidates is None else candidates.tolist()):
            if not out[i] and declares(texts[i]):
                out[i] = 1.0
    if handles.missing is not None and names.missing is not None and bios.missing is not None:
        out[handles.missing & names.missing & bios.missing] = np.nan
    return out
