"""Plain sentences for the features behind a score, with the numbers a reader can check on the page."""

from __future__ import annotations

from botlens.features.profile import ACCOUNT_FEATURES

# Stable reason codes (part of the API): one per feature.
REASON_CODES: dict[str, str] = {
    "log_followers": "followers",
    "log_following": "following",
    "log_posts": "posts",
    "log_likes": "likes",
    "log_listed": "listed",
    "log_age_days": "account_age",
    "log_followers_per_day": "followers_per_day",
    "log_following_per_day": "following_per_day",
    "log_posts_per_day": "posts_per_day",
    "log_likes_per_day": "likes_per_day",
    "log_listed_per_day": "listed_per_day",
    "followers_following_log_ratio": "following_ratio",
    "handle_length": "handle_length",
    "handle_digits": "handle_digits",
    "handle_likelihood": "handle_likelihood",
    "name_length": "name_length",
    "name_digits": "name_digits",
    "bio_length": "bio_length",
    "bio_digits": "bio_digits",
    "bio_has_link": "bio_link",
    "self_described_bot": "self_described_bot",
    "default_avatar": "default_avatar",
    "has_banner": "banner",
    "has_location": "location",
    "has_url": "website",
}
assert set(REASON_CODES) == set(ACCOUNT_FEATURES)


def _n(value: float) -> str:
    return f"{value:,.0f}"


def _plural(value: float, one: str, many: str) -> str:
    return f"{value:,.0f} {one if 0.5 <= value < 1.5 else many}"


def _age(days: float) -> str:
    if days < 60:
        return _plural(days, "day", "days")
    if days < 730:
        return _plural(days / 30.44, "month", "months")
    return f"{days / 365.25:.1f} years"


def _rate(value: float) -> str:
    if value < 0.1:
        return f"{value:.2f}"
    return f"{value:,.1f}" if value < 100 else _n(value)


def _ratio_sentence(followers: float, following: float) -> str:
    if following > followers:
        return (f"follows {_plural(following, 'account', 'accounts')} but has "
                f"{_plural(followers, 'follower', 'followers')} ({following / max(followers, 1):,.0f}:1)")
    return (f"has {_plural(followers, 'follower', 'followers')} and follows "
            f"{_plural(following, 'account', 'accounts')} ({followers / max(following, 1):,.0f}:1)")


def _per_day(template: str, key: str):
    def sentence(raw: dict, value: float) -> str:
        return template.format(rate=_rate(raw[key] / raw["age_days"])) + f" a day over {_age(raw['age_days'])}"
    return sentence


def _flag(yes: str, no: str):
    return lambda raw, value: yes if value >= 0.5 else no


_SENTENCES = {
    "log_followers": lambda raw, v: f"has {_plural(raw['followers'], 'follower', 'followers')}",
    "log_following": lambda raw, v: f"follows {_plural(raw['following'], 'account', 'accounts')}",
    "log_posts": lambda raw, v: f"has posted {_plural(raw['posts'], 'time', 'times')}",
    "log_likes": lambda raw, v: f"has liked {_plural(raw['likes'], 'post', 'posts')}",
    "log_listed": lambda raw, v: f"is on {_plural(raw['listed'], 'list', 'lists')}",
    "log_age_days": lambda raw, v: f"the account is {_age(raw['age_days'])} old",
    "log_followers_per_day": _per_day("gained {rate} followers", "followers"),
    "log_following_per_day": _per_day("followed {rate} accounts", "following"),
    "log_posts_per_day": _per_day("posted {rate} times", "posts"),
    "log_likes_per_day": _per_day("liked {rate} posts", "likes"),
    "log_listed_per_day": _per_day("was added to {rate} lists", "listed"),
    "followers_following_log_ratio": lambda raw, v: _ratio_sentence(raw["followers"], raw["following"]),
    "handle_length": lambda raw, v: f"the handle is {_plural(v, 'character', 'characters')} long",
    "handle_digits": lambda raw, v: ("the handle has no digits" if v == 0
                                     else f"the handle contains {_plural(v, 'digit', 'digits')}"),
    "handle_likelihood": lambda raw, v: (f"the handle looks {'generated' if v < -3.4 else 'like a typical name'} "
                                         f"(character-pair score {v:.2f})"),
    "name_length": lambda raw, v: ("there is no display name" if v == 0
                                   else f"the display name is {_plural(v, 'character', 'characters')} long"),
    "name_digits": lambda raw, v: ("the display name has no digits" if v == 0
                                   else f"the display name contains {_plural(v, 'digit', 'digits')}"),
    "bio_length": lambda raw, v: "the bio is empty" if v == 0 else f"the bio is {_plural(v, 'character', 'characters')} long",
    "bio_digits": lambda raw, v: ("the bio has no digits" if v == 0
                                  else f"the bio contains {_plural(v, 'digit', 'digits')}"),
    "bio_has_link": _flag("the bio contains a link", "the bio has no link"),
    "self_described_bot": _flag("its handle, name or bio says it is a bot or automated",
                                "its handle, name and bio do not say it is automated"),
    "default_avatar": _flag("it uses the default avatar", "it has its own avatar"),
    "has_banner": _flag("it has a banner image", "it has no banner image"),
    "has_location": _flag("it gives a location", "it gives no location"),
    "has_url": _flag("it links a website", "it links no website"),
}


_COUNT_KEYS = {"log_followers": "followers", "log_following": "following", "log_posts": "posts",
               "log_likes": "likes", "log_listed": "listed"}
# What each sentence reads: raw numbers by key, None for the feature's own value. Batches render each distinct
# combination once (scoring/account_results.py); a test checks these are all a sentence reads.
SENTENCE_INPUTS: dict[str, tuple[str | None, ...]] = {
    **{name: (None,) for name in ACCOUNT_FEATURES},
    **{name: (key,) for name, key in _COUNT_KEYS.items()},
    **{name + "_per_day": (key, "age_days") for name, key in _COUNT_KEYS.items()},
    "log_age_days": ("age_days",),
    "followers_following_log_ratio": ("followers", "following"),
}
assert set(SENTENCE_INPUTS) == set(ACCOUNT_FEATURES)


def reason_sentence(feature: str, raw_row: dict[str, float], value: float) -> str:
    """One sentence for ``feature`` of one profile, capitalised; ``raw_row`` holds its counts and age.

    Only called for features whose value is present, so the numbers it quotes are never NaN.
    """
    text = _SENTENCES[feature](raw_row, value)
    return text[0].upper() + text[1:]
