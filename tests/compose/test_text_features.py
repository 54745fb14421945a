"""botlens.features.text: folding with a map back to the typed text, detectors, shingles and MinHash."""

import numpy as np
import pytest

from botlens.features.text import (
    comparable_text, find_emoji, find_emoji_runs, find_hashtags, find_mentions, find_urls, is_shortener, jaccard,
    lsh_candidate_pairs, minhash_signature, minhash_similarity, model_text, shingles, strip_invisible, text_view,
    url_domain,
)


def pieces(text, spans):
    return [text[start:end] for start, end in spans]


def test_ascii_text_is_its_own_view():
    view = text_view("plain text")
    assert view.text == "plain text" and view.offsets is None and view.span(0, 5) == (0, 5)


def test_view_drops_invisible_characters_and_maps_back():
    text = "a\u200bb\u200dc\u202ed\ufeff e"
    view = text_view(text)
    assert view.text == "abcd e"
    assert view.span(0, 4) == (0, 7)
    assert text[slice(*view.span(5, 6))] == "e"


def test_view_folds_fullwidth_and_ligatures_with_correct_spans():
    text = "ｆｒｅｅ ﬁle"
    view = text_view(text)
    assert view.text == "free file"
    assert text[slice(*view.span(0, 4))] == "ｆｒｅｅ"
    assert text[slice(*view.span(5, 7))] == "ﬁ", "a match inside an expanded character covers that character"


def test_urls_bare_domains_and_trailing_punctuation():
    text = "See https://example.com/a?b=1, www.test.org and shop.example.co.uk/x). Mail me@mail.com"
    assert pieces(text, find_urls(text_view(text))) == [
        "https://example.com/a?b=1", "www.test.org", "shop.example.co.uk/x"]


def test_url_domain_and_shorteners():
    assert url_domain("HTTPS://www.Bit.ly/abc") == "bit.ly"
    assert is_shortener("tinyurl.com/x") and is_shortener("bit\u200b.ly/x")
    assert not is_shortener("https://bitbucket.org/x")


def test_hashtags_need_a_letter_and_work_in_any_script():
    text = "#1 #2024 #año #東京 #مرحبا #snake_case tag#not &#39;"
    assert pieces(text, find_hashtags(text_view(text))) == ["#año", "#東京", "#مرحبا", "#snake_case"]


def test_mentions_across_platforms():
    text = "@ana @bob@mastodon.social @carol.bsky.social u/dave_1 x@y.com"
    assert pieces(text, find_mentions(text_view(text))) == ["@ana", "@bob@mastodon.social", "@carol.bsky.social",
                                                           "u/dave_1"]


def test_emoji_clusters_and_runs():
    family = "👩\u200d👩\u200d👦"
    text = f"hi 👋🏽 {family} 🇯🇵 1️⃣ ok"
    assert pieces(text, find_emoji(text)) == ["👋🏽", family, "🇯🇵", "1️⃣"]
    assert find_emoji_runs(text, 4) == [((3, len(text) - 3), 4)]
    assert find_emoji_runs("no emoji here") == []


def test_model_text_folds_links_digits_case_and_markup():
    assert model_text("WIN £1000 at www.Prize.com &amp; Co\u200b!") == "win £0000 at zzurl & co!"
    assert strip_invisible("a\u200bb\u2066c") == "abc"


def test_comparable_text_ignores_links_and_repeated_punctuation():
    assert comparable_text("Hello!!! http://a.com/1") == comparable_text("hello! https://b.org/2")


def test_shingles_and_jaccard():
    assert shingles("") == set() and shingles("abc") == {"abc"}
    a, b = shingles("the quick brown fox jumps"), shingles("the quick brown fox leaps")
    assert 0.4 < jaccard(a, b) < 1.0
    assert jaccard(a, a) == 1.0 and jaccard(set(), set()) == 1.0


def test_minhash_estimates_jaccard_and_is_stable():
    a = shingles("Our bakery opens at 8 tomorrow with fresh croissants and sourdough")
    b = shingles("Our bakery opens at 9 tomorrow with fresh croissants and rye bread")
    sig_a, sig_b = minhash_signature(a, 128), minhash_signature(b, 128)
    assert abs(minhash_similarity(sig_a, sig_b) - jaccard(a, b)) < 0.15
    assert np.array_equal(sig_a, minhash_signature(set(a), 128)), "same set, same signature"
    assert minhash_similarity(sig_a, minhash_signature(shingles("completely unrelated words here"), 128)) < 0.2
    with pytest.raises(ValueError):
        minhash_signature(a, 1000)


def test_lsh_finds_near_duplicates_and_skips_unrelated():
    posts = ["Buy cheap followers now at our store, fast delivery",
             "Went to the lake with the kids, cold but lovely",
             "Buy cheap followers now at our shop, fast delivery!",
             "Reading a book about the history of bread"]
    pairs = lsh_candidate_pairs([minhash_signature(shingles(p)) for p in posts])
    assert pairs == {(0, 2)}
