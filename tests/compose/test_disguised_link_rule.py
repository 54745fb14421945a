"""The disguised-link rule: links spelled out so that link filters miss them, with the span of the whole name."""

import pytest

from botlens.compose import phrases, rules
from botlens.compose.rules import Draft

ZWSP, RLM = "\u200b", "\u200f"


def quoted(text, platform=None):
    tips = rules.disguised_link(Draft(text, platform))
    assert len(tips) <= 1
    if not tips:
        return None
    start, end = tips[0].span
    return text[start:end]


@pytest.mark.parametrize(("text", "name"), [
    ("Free skins at mysite dot com today", "mysite dot com"),
    ("go to site(dot)com for more", "site(dot)com"),
    ("go to site [dot] net for more", "site [dot] net"),
    ("siteDOTcom", "siteDOTcom"),
    ("tinyurl*com/abc123", "tinyurl*com"),
    ("Epic-Rewards. c o m / ? r e f = 3 9", "Rewards. c o m"),
    ("w w w . s i t e", "w w w"),
    ("h t t p :// ptab. it/1vVTG", "h t t p"),
    ("Rates at Stash.comIt is worth a look", "Stash.com"),
])
def test_each_way_of_spelling_a_link_out_is_quoted_whole(text, name):
    assert quoted(text) == name


@pytest.mark.parametrize("text", [
    "the dotcom era was wild",
    "my network is slow today",
    "example.com is great",
    "Read https://example.com/docs first",
    "I am a cat",
    "Sunset at the pier, what a day",
    "WWW.site.com",
])
def test_ordinary_text_and_plain_links_are_not_disguised(text):
    assert quoted(text) is None


def test_zero_width_characters_do_not_hide_it_and_the_span_covers_them():
    text = f"visit my site d{ZWSP}ot com now"
    assert quoted(text) == f"site d{ZWSP}ot com"


def test_rtl_text_and_emoji_around_it():
    text = f"{RLM}مرحبا 👋 visit shop dot com 🔥"
    assert quoted(text) == "shop dot com"
    tip = rules.disguised_link(Draft(text))[0]
    assert "shop dot com" in tip.message and tip.weight > 0


def test_is_one_of_the_rules_every_check_runs():
    assert "disguised_link" in {tip.code for tip in rules.run_rules(Draft("all free at gems dot net"))}


@pytest.mark.parametrize("text", [
    "a" + " " * 9_999,
    "a dot" + " " * 9_995,
    "a(" + " " * 9_998,
    "a" + " *" * 4_999,
    ". c" + " " * 9_997,
])
def test_drafts_of_nothing_but_spaces_finish(text):
    # A backtracking form of the pattern took 1.5 s on "a" and 10,000 spaces; these inputs stay in the suite.
    assert phrases.DISGUISED_LINK.search(text) is None
    assert rules.disguised_link(Draft(text)) == []
