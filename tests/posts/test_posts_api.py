"""POST /api/v1/posts/score over the real app with the shipped posts and compose models."""

from datetime import datetime, timedelta, timezone

import pytest

from botlens.features.timeline import FEATURES

URL = "/api/v1/posts/score"
START = datetime(2024, 3, 16, tzinfo=timezone.utc)

# A feed that posts the same template with a link every 30 minutes, day and night.
SCHEDULED = [{"text": f"Deal of the hour #{i % 3} #deals #sale #shopping: save big today https://shop.example/d{i}",
              "created_at": (START + timedelta(minutes=30 * i)).isoformat()} for i in range(60)]
# A person: irregular gaps, asleep at night, replies and varied text.
PERSON_TEXTS = ["@sam ha, yes, same here", "Finally finished that book, the ending was a let-down",
                "Anyone else's train stuck outside the station again?", "@lee congrats on the new job!",
                "Made soup. It was mostly pepper.", "The match last night was painful to watch",
                "@ana I'll bring the cake", "Rain again. Of course.", "Trying to learn the guitar chords for this",
                "Why does my cat only sit on the laptop when I'm busy"]
PERSON = [{"text": PERSON_TEXTS[i % 10] + ("" if i < 10 else f" ({i})"),
           "created_at": (START + timedelta(days=i // 6, hours=9 + (i * 7) % 13, minutes=(i * 17) % 60)).isoformat(),
           "is_reply": PERSON_TEXTS[i % 10].startswith("@"), "likes": i % 4} for i in range(30)]


def score(client, auth_headers, posts, status=200):
    response = client.post(URL, json={"posts": posts}, headers=auth_headers)
    assert response.status_code == status, response.get_data(as_text=True)
    return response.get_json()


def test_response_shape(client, auth_headers):
    body = score(client, auth_headers, PERSON)
    assert 0 <= body["automation_probability"] <= 1
    assert [s["code"] for s in body["signals"]] == list(FEATURES)
    assert all(s["message"] for s in body["signals"])
    assert len(body["per_post"]) == len(PERSON)
    assert all(0 <= p["spam_probability"] <= 1 for p in body["per_post"])
    assert body["model_version"].startswith("posts-")


def test_a_scheduler_scores_above_a_person(client, auth_headers):
    scheduled = score(client, auth_headers, SCHEDULED)
    person = score(client, auth_headers, PERSON)
    assert scheduled["automation_probability"] > person["automation_probability"] + 0.2
    signals = {s["code"]: s for s in scheduled["signals"]}
    assert signals["interval_cv"]["value"] == pytest.approx(0.0)
    assert signals["longest_quiet_hours"]["value"] == 0


def test_spam_like_posts_score_higher_per_post(client, auth_headers):
    posts = [{"text": "WIN A FREE IPHONE!!! Click here now http://bit.ly/xyz and claim your prize"},
             {"text": "Lovely walk by the river with the kids this morning"}]
    spam, ham = score(client, auth_headers, posts)["per_post"]
    assert spam["spam_probability"] > ham["spam_probability"]


def test_posts_without_times_leave_timing_signals_empty(client, auth_headers):
    body = score(client, auth_headers, [{"text": t} for t in PERSON_TEXTS])
    timing = {s["code"]: s for s in body["signals"] if s["code"] in ("interval_cv", "longest_quiet_hours")}
    assert all(s["value"] is None and "Too few" in s["message"] for s in timing.values())


@pytest.mark.parametrize("posts, field", [
    ([], "posts"),
    ([{"created_at": "2024-03-16T00:00:00Z"}], "posts[0].text"),
    ([{"text": "hi", "created_at": "yesterday"}], "posts[0].created_at"),
    ([{"text": "hi", "likes": -1}], "posts[0].likes"),
    ([{"text": "hi", "is_repost": "maybe"}], "posts[0].is_repost"),
])
def test_bad_input_is_a_400_naming_the_field(client, auth_headers, posts, field):
    problem = score(client, auth_headers, posts, status=400)
    assert field in {e["field"] for e in problem["errors"]}


def test_too_many_posts_and_no_token(client, auth_headers):
    problem = score(client, auth_headers, [{"text": "x"}] * 1001, status=400)
    assert problem["errors"][0]["field"] == "posts"
    assert client.post(URL, json={"posts": [{"text": "x"}]}).status_code == 401
