"""Seeded synthetic load for the benchmark: profiles, posts and drafts that look like what pages show.

Nothing here comes from a data set. Counts are log-normal with a minority of follow-spam shaped accounts
(following far above followers, no bio, default avatar), handles mix name-like and generated forms, and
optional fields are missing at rates like those of follower cards and profile pages. ``random.Random``
rather than numpy: the draws are per profile, where numpy's per-call overhead would dominate.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

_SYLLABLES = ("an", "bel", "ca", "dor", "el", "fin", "ga", "hel", "is", "jo", "ka", "li", "mar", "ne", "ol",
              "pa", "qui", "ro", "sa", "tin", "u", "va", "wen", "xa", "yo", "zel")
_WORDS = ("coffee", "music", "runner", "dad", "mom", "teacher", "engineer", "photos", "travel", "books", "design",
          "football", "science", "art", "nurse", "writer", "gamer", "student", "news", "crypto", "love", "life",
          "city", "tech", "food", "cats", "dogs", "opinions", "mine", "here", "and", "the", "of", "my", "views")
_BOT_BIOS = ("Automated account posting every hour", "I am a bot. Tweets daily quotes", "Random facts, generated",
             "Not a human: news bot")
_PLATFORMS = ("x", "x", "x", "x", "mastodon", "bluesky", "reddit", "instagram", "youtube")
_HANDLE_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"
NOW = datetime(2026, 11, 1, tzinfo=timezone.utc)
_NOW_ISO = "2026-11-01T00:00:00Z"
SPAM_SHARE = 0.17


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _name(rng: random.Random) -> str:
    return "".join(rng.choices(_SYLLABLES, k=rng.randint(2, 3))).capitalize()


def _handle(rng: random.Random, generated: bool) -> str:
    if generated:
        if rng.random() < 0.5:
            return "".join(rng.choices(_HANDLE_CHARS, k=rng.randint(8, 14)))
        return _name(rng).lower() + str(rng.randint(10**5, 10**9))
    base = _name(rng).lower() + (("_" + _name(rng).lower()) if rng.random() < 0.4 else "")
    return base + (str(rng.randint(1, 99)) if rng.random() < 0.3 else "")


def _text(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choices(_WORDS, k=rng.randint(lo, hi))).capitalize()


def _bio(rng: random.Random) -> str:
    words = _text(rng, 3, 19)
    return words + f" https://example.org/{_name(rng).lower()}" if rng.random() < 0.15 else words


def _count(rng: random.Random, mu: float, sigma: float) -> int:
    return int(rng.lognormvariate(mu, sigma))


def synthetic_profile(rng: random.Random) -> dict:
    """One Profile dict (JSON-ready: dates as ISO strings); fields a page did not show are left out."""
    spam = rng.random() < SPAM_SHARE
    missing = rng.random
    followers = _count(rng, 2.0, 1.5) if spam else _count(rng, 5.0, 2.0)
    profile = {"platform": rng.choice(_PLATFORMS), "handle": _handle(rng, generated=spam and rng.random() < 0.7)}
    if missing() >= 0.05:
        profile["display_name"] = _name(rng) + (" " + _name(rng) if rng.random() < 0.6 else "")
    if missing() >= 0.25:
        roll = rng.random()
        profile["bio"] = ("" if roll < 0.6 else rng.choice(_BOT_BIOS) if roll < 0.7 else _bio(rng)) if spam else _bio(rng)
    if missing() >= 0.3:
        profile["followers_count"] = followers
    if missing() >= 0.3:
        profile["following_count"] = _count(rng, 6.5, 1.0) if spam else _count(rng, 5.5, 1.2)
    if missing() >= 0.4:
        profile["posts_count"] = _count(rng, 1.5, 1.5) if spam else _count(rng, 6.5, 2.0)
    if missing() >= 0.7:
        profile["likes_count"] = _count(rng, 6.0, 2.5)
    if missing() >= 0.85:
        profile["listed_count"] = _count(rng, 0.0, 1.0) if spam else _count(rng, 1.0, 1.2)
    if missing() >= 0.45:
        age = rng.randint(1, 900) if spam else rng.randint(30, 6500)
        profile["created_at"] = _iso(NOW - timedelta(days=age, seconds=rng.randint(0, 86399)))
    if missing() >= 0.5:
        profile["observed_at"] = _NOW_ISO
    if missing() >= 0.5:
        profile["verified"] = rng.random() < 0.02
    if missing() >= 0.2:
        profile["default_avatar"] = rng.random() < (0.5 if spam else 0.05)
    if missing() >= 0.6:
        profile["has_banner"] = rng.random() < (0.1 if spam else 0.6)
    if missing() >= 0.6:
        profile["location"] = "" if rng.random() < 0.3 else _name(rng)
    if missing() >= 0.7:
        profile["url"] = f"https://{_name(rng).lower()}.example"
    if missing() >= 0.5:
        profile["counts_approximate"] = followers > 10_000
    return profile


def synthetic_profiles(n: int, seed: int = 0) -> list[dict]:
    """``n`` Profile dicts; about one in six is follow-spam shaped."""
    rng = random.Random(seed)
    return [synthetic_profile(rng) for _ in range(n)]


def synthetic_posts(n: int, seed: int = 0) -> list[dict]:
    """``n`` posts of one account, newest first, with engagement counts and some links, tags and reposts."""
    rng = random.Random(seed)
    posts, when = [], NOW
    for _ in range(n):
        when -= timedelta(seconds=int(rng.expovariate(1 / (5 * 3600))) + 60)
        text = _text(rng, 4, 29)
        if rng.random() < 0.2:
            text += f" https://example.org/{_name(rng).lower()}"
        if rng.random() < 0.2:
            text += " #" + rng.choice(_WORDS)
        posts.append({"text": text, "created_at": _iso(when), "is_repost": rng.random() < 0.15,
                      "is_reply": rng.random() < 0.25, "likes": _count(rng, 1.5, 1.5),
                      "reposts": _count(rng, 0.3, 1.0), "replies": _count(rng, 0.2, 1.0)})
    return posts


def synthetic_drafts(n: int, seed: int = 0) -> list[dict]:
    """Compose-check bodies: ordinary drafts, and some with spam habits (tags, links, capitals, "follow back")."""
    rng = random.Random(seed)
    drafts = []
    for i in range(n):
        text = _text(rng, 5, 44) + "."
        if i % 4 == 1:
            text += " " + " ".join("#" + w for w in rng.choices(_WORDS, k=6)) + " https://bit.ly/x1"
        elif i % 4 == 2:
            text = text.upper() + " FOLLOW BACK!!! DM me for a giveaway"
        body = {"text": text, "platform": rng.choice(("x", "mastodon", "bluesky"))}
        if i % 3 == 0:
            body["recent_posts"] = [_text(rng, 20, 20) for _ in range(5)]
        drafts.append(body)
    return drafts
