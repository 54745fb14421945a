"""Spam rules for a draft post. Each rule is a pure function of a :class:`Draft` returning zero or one tip.

A tip's ``span`` is ``(start, end)`` in Python ``str`` indices of the text the user typed (not of any folded
form), so the client can highlight it without changing the text. ``weight`` is the rule's push on the log-odds
of the combined score (see :mod:`botlens.compose.scoring`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from botlens.compose import phrases
from botlens.compose.platforms import PlatformNorms, norms_for
from botlens.features.text import (
    Span, TextView, comparable_text, find_emoji_runs, find_hashtags, find_mentions, find_urls, is_shortener,
    jaccard, shingles, text_view,
)

MAX_LINKS = 2
MIN_EMOJI_RUN = 4
NEAR_DUPLICATE_JACCARD = 0.7
MIN_REPEAT_CHARS = 15  # "lol" twice is not spam


@dataclass(frozen=True)
class Tip:
    code: str
    message: str
    span: Span | None
    weight: float


@dataclass
class Draft:
    """The text under check plus everything the rules derive from it, computed once."""

    text: str
    platform: str | None = None
    recent_posts: Sequence[str] = field(default_factory=tuple)

    @cached_property
    def view(self) -> TextView:
        return text_view(self.text)

    @cached_property
    def norms(self) -> PlatformNorms:
        return norms_for(self.platform)

    @cached_property
    def urls(self) -> list[Span]:
        return find_urls(self.view)

    @cached_property
    def hashtags(self) -> list[Span]:
        return find_hashtags(self.view)

    @cached_property
    def mentions(self) -> list[Span]:
        return find_mentions(self.view)

    @cached_property
    def trimmed(self) -> Span:
        """The span of the text without leading and trailing white space."""
        stripped = self.text.lstrip()
        start = len(self.text) - len(stripped)
        return (start, start + len(stripped.rstrip()))


def _cover(spans: Sequence[Span]) -> Span:
    return (spans[0][0], spans[-1][1])


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _over_limit(code: str, found: list, limit: int, message: str) -> list[Tip]:
    """A tip covering whatever comes after the platform's limit, weighing more the further past it."""
    if len(found) <= limit:
        return []
    return [Tip(code, message, _cover(found[limit:]), min(0.5 * (len(found) - limit), 2.5))]


def too_many_hashtags(draft: Draft) -> list[Tip]:
    limit, count = draft.norms.max_hashtags, len(draft.hashtags)
    return _over_limit(
        "too_many_hashtags", draft.hashtags, limit,
        f"{_plural(count, 'hashtag')}; on {draft.norms.name} more than {limit} reads as reach-farming. "
        f"Keep the {limit if limit > 1 else 'one'} most relevant and drop the rest.",
    )


def too_many_mentions(draft: Draft) -> list[Tip]:
    limit, count = draft.norms.max_mentions, len(draft.mentions)
    return _over_limit(
        "too_many_mentions", draft.mentions, limit,
        f"{_plural(count, 'mention')}; tagging more than {limit} people on {draft.norms.name} looks like mass "
        "tagging. Mention only the people the post is about.",
    )


def several_links(draft: Draft) -> list[Tip]:
    count = len(draft.urls)
    if count <= MAX_LINKS:
        return []
    return [Tip(
        "several_links",
        f"{_plural(count, 'link')} in one post is typical of link spam. Keep the one link that matters.",
        _cover(draft.urls[1:]), min(0.5 * (count - 1), 2.0),
    )]


def link_shortener(draft: Draft) -> list[Tip]:
    short = [span for span in draft.urls if is_shortener(draft.text[span[0]:span[1]])]
    if not short:
        return []
    return [Tip(
        "link_shortener",
        "Shortened links hide where they lead, and spam uses them for exactly that. Paste the full address.",
        _cover(short), 1.5,
    )]


def disguised_link(draft: Draft) -> list[Tip]:
    text = draft.view.text
    match = phrases.DISGUISED_LINK.search(text)
    if not match:
        return []
    start = match.start()
    while start > 0 and text[start - 1].isalnum():  # quote the whole name: "mysite dot com", not "e dot com"
        start -= 1
    return [Tip(
        "disguised_link",
        f"“{text[start:match.end()]}” spells a link out so that link filters miss it, a trick spam is known for. "
        "Paste the link as it is, or leave it out.",
        draft.view.span(start, match.end()), 1.5,
    )]


def only_link(draft: Draft) -> list[Tip]:
    if not draft.urls:
        return []
    rest, cursor = [], 0
    for start, end in draft.urls:
        rest.append(draft.text[cursor:start])
        cursor = end
    rest.append(draft.text[cursor:])
    if re.search(r"\w", "".join(rest)):
        return []
    return [Tip(
        "only_link",
        "A post that is only a link reads as link spam. Add a sentence saying what it is and why it is worth a click.",
        _cover(draft.urls), 1.5,
    )]


def repeated_post(draft: Draft) -> list[Tip]:
    if not draft.recent_posts:
        return []
    mine = comparable_text(draft.text)
    if len(mine) < MIN_REPEAT_CHARS:
        return []
    my_shingles = shingles(draft.text)
    best = 0.0
    for post in draft.recent_posts:
        if comparable_text(post) == mine:
            best = 1.0
            break
        best = max(best, jaccard(my_shingles, shingles(post)))
    if best < NEAR_DUPLICATE_JACCARD:
        return []
    what = "the same text as" if best == 1.0 else f"nearly the same text ({best:.0%} overlap) as"
    return [Tip(
        "repeated_post",
        f"This is {what} one of your recent posts; repeating a post is what spam accounts do. "
        "Rewrite it or say something new.",
        draft.trimmed, 1.5 + 1.0 * best,
    )]


def _is_caps_word(word: str) -> bool | None:
    """True for an all-capitals word, False for a word with lower case, None when case says nothing."""
    if word.isupper():
        # "I" and "A" say nothing; neither do digits or scripts without case (Arabic, Hebrew, CJK)
        return True if sum(c.isupper() for c in word) >= 2 else None
    return False if word.upper() != word else None


def shouting(draft: Draft) -> list[Tip]:
    best: Span | None = None
    best_letters = 0
    run_start = run_end = None
    letters = words = 0
    for match in re.finditer(r"\w+", draft.view.text):
        caps = _is_caps_word(match.group())
        if caps is None:
            continue
        if caps:
            if run_start is None:
                run_start, letters, words = match.start(), 0, 0
            run_end = match.end()
            letters += sum(c.isupper() for c in match.group())
            words += 1
            if words >= 3 and letters >= 12 and letters > best_letters:
                best, best_letters = (run_start, run_end), letters
        else:
            run_start = None
    if best is None:
        return []
    return [Tip(
        "shouting",
        "Long stretches in capitals read as shouting, a classic spam signal. Write this part in normal case.",
        draft.view.span(*best), 0.8,
    )]


def emoji_run(draft: Draft) -> list[Tip]:
    runs = find_emoji_runs(draft.text, MIN_EMOJI_RUN)
    if not runs:
        return []
    span, count = max(runs, key=lambda run: run[1])
    return [Tip(
        "emoji_run",
        f"A run of {count} emoji in a row looks automated. One or two say the same thing.",
        span, 0.5,
    )]


_PUNCTUATION_RUN = re.compile(r"[!?¡¿]{4,}|([^\w\s.\-_=!?¡¿])\1{4,}|([.\-_=])\2{7,}")


def punctuation_run(draft: Draft) -> list[Tip]:
    for match in _PUNCTUATION_RUN.finditer(draft.view.text):
        if any(0x2190 <= ord(c) <= 0x2BFF or ord(c) >= 0x1F000 for c in match.group()):
            continue  # symbols that are emoji are the emoji rule's business
        return [Tip(
            "punctuation_run",
            f"“{match.group()[:8]}{'…' if len(match.group()) > 8 else ''}” reads as pushy. "
            "One mark is enough.",
            draft.view.span(*match.span()), 0.4,
        )]
    return []


def _phrase_rule(code: str, pattern: re.Pattern, message: str, weight: float) -> Callable[[Draft], list[Tip]]:
    def rule(draft: Draft) -> list[Tip]:
        match = pattern.search(draft.view.text)
        if not match:
            return []
        return [Tip(code, message.format(phrase=match.group()), draft.view.span(*match.span()), weight)]

    rule.__name__ = code
    rule.__doc__ = f"Tip {code!r} when the text contains {code.replace('_', ' ')} phrasing."
    return rule


follow_back = _phrase_rule(
    "follow_back", phrases.FOLLOW_BACK,
    "“{phrase}” is the language of follow-for-follow schemes. Give people a reason to follow instead.", 3.0)
self_promotion = _phrase_rule(
    "self_promotion", phrases.SELF_PROMOTION,
    "“{phrase}” is the line comment spam is built on. Join the conversation first; people will find your page.",
    1.2)
dm_me = _phrase_rule(
    "dm_me", phrases.DM_ME,
    "“{phrase}” is how scam and promo accounts move people into private messages. Say what you offer in public.",
    1.5)
giveaway = _phrase_rule(
    "giveaway", phrases.GIVEAWAY,
    "“{phrase}” is giveaway wording that scams copy. If it is real, link the official rules and drop the hype.",
    2.0)
engagement_bait = _phrase_rule(
    "engagement_bait", phrases.ENGAGEMENT_BAIT,
    "“{phrase}” asks for likes or shares instead of saying something; platforms demote it as engagement bait. "
    "Ask a real question, or let the post earn its likes.", 3.0)
get_rich = _phrase_rule(
    "get_rich", phrases.GET_RICH,
    "“{phrase}” is get-rich phrasing that readers associate with scams. State plainly what you are offering.",
    2.5)

RULES: tuple[Callable[[Draft], list[Tip]], ...] = (
    repeated_post, only_link, several_links, link_shortener, disguised_link, too_many_hashtags, too_many_mentions,
    follow_back, self_promotion, engagement_bait, dm_me, giveaway, get_rich, shouting, emoji_run, punctuation_run,
)


def run_rules(draft: Draft) -> list[Tip]:
    return [tip for rule in RULES for tip in rule(draft)]
