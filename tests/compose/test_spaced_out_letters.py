"""model_text joins words spelled out letter by letter ("s u b s c r i b e"), in any script, and only those."""

import pytest
from botlens.features.text import comparable_text, model_text, shingles


@pytest.mark.parametrize(("typed", "folded"), [
    ("s u b s c r i b e", "subscribe"),
    ("S U B S C R I B E to my channel", "subscribe to my channel"),
    ("p e a c e & l o v e", "peace & love"),
    ("please   c h e c k   it", "please check it"),  # runs of spaces are folded first
    ("a b c", "abc"),  # three letters are the fewest joined
    ("с у п е р канал", "супер канал"),  # Cyrillic
    ("ا ل م", "الم"),  # Arabic, written right to left
    ("\u202bا ل م\u202c", "الم"),  # inside a right-to-left embedding, whose controls are dropped
    ("🔥 s u b 🔥", "🔥 sub 🔥"),  # emoji beside the word, spaced off
    ("s\u200b u b s c r i b e", "subscribe"),  # a zero-width space inside the spaced word
    ("f r e e\u200d stuff", "free stuff"),
])
def test_letters_spelled_out_are_joined(typed, folded):
    assert model_text(typed) == folded


@pytest.mark.parametrize(("typed", "folded"), [
    ("I am a cat", "i am a cat"),  # single-letter words between longer ones
    ("a b", "a b"),  # two letters stay apart
    ("x y and z", "x y and z"),
    ("1 2 3 4", "0 0 0 0"),  # digits are never joined (and are folded to 0)
    ("a 1 b 2 c", "a 0 b 0 c"),  # digits between letters break the run
    ("a _ b _ c", "a _ b _ c"),  # underscores are not letters
    ("a-b-c", "a-b-c"),
    ("a  b", "a b"),
    ("שלום לכם", "שלום לכם"),  # ordinary right-to-left words
    ("🔥s u b s🔥", "🔥s u b s🔥"),  # glued to emoji: the letters are part of a longer token
])
def test_other_text_is_left_alone(typed, folded):
    assert model_text(typed) == folded


def test_only_the_spelled_out_run_is_joined():
    assert model_text("go to ab c d e now") == "go to ab cde now"
    assert model_text("i a m bob") == "iam bob"


def test_a_spelled_out_copy_is_a_near_duplicate_of_the_word():
    assert comparable_text("S U B S C R I B E to me!!!") == comparable_text("subscribe to me!")
    assert shingles("f r e e gift cards") == shingles("free gift cards")
