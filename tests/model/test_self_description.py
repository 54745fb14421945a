"""Self-declared automation: the conventions benign bots use, and the look-alikes people write."""

import numpy as np
import pytest

from botlens.features.self_description import handle_self_describes, self_described_bot, text_self_describes


@pytest.mark.parametrize("text", [
    "I am a bot that posts maps",
    "A new flag for Texas every six hours",
    "Tweets every 4 hours. Made by @someone",
    "Pictures of cats, posted hourly — by @maker",
    "by @fitnr",
    "Automated account: weather for Leeds",
    "Auto-generated poetry",
    "Not a human, just vibes",
    "Sunset timelapses 🤖",
    "Ich bin ein Bot",  # "Bot" is the same word in German, Dutch and French
    "[PARODY BOT]",
])
def test_declarations_are_found(text):
    assert text_self_describes(text)


@pytest.mark.parametrize("text", [
    "Random thoughts, mostly about football",
    "Every day is a gift",
    "Every hour is the lonely hour",
    "I block trolls and bots",
    "Alaska Robotics gallery",
    "Photographer. Bottom of the world.",
    "Editor at Penguin Random House",
    "Tweets by the press office",
    "مرحبا بالعالم",  # right-to-left text without any declaration
    "",
])
def test_look_alikes_people_write_are_not(text):
    assert not text_self_describes(text)


@pytest.mark.parametrize("handle, declared", [
    ("everyword_bot", True), ("KaiKaisBot", True), ("bot_1234", True), ("Lions_ebooks", True),
    ("mapbot2", True), ("peterbotting", False), ("cabot_phillips", False), ("BoogerBottom", False),
    ("abbott", False), ("jane", False),
])
def test_handles(handle, declared):
    assert handle_self_describes(handle) is declared


def test_batch_missing_only_when_everything_is_missing():
    out = self_described_bot(["jane", "jane", "newsbot", None], [None, "Jane", None, None],
                             [None, "a bot by @x", None, None])
    assert out[:3].tolist() == [0.0, 1.0, 1.0]
    assert np.isnan(out[3])
