"""Hand-written follower Profiles for the audit tests: plainly genuine, plainly bought, and silent."""

GENUINE = {"platform": "x", "handle": "maria_lopez", "display_name": "María López",
           "bio": "Teacher in Seville. Books, cycling and too much coffee.", "followers_count": 412,
           "following_count": 380, "posts_count": 5230, "likes_count": 8120, "listed_count": 6,
           "created_at": "2011-04-02T10:00:00Z", "observed_at": "2024-05-01T00:00:00Z",
           "default_avatar": False, "has_banner": True, "location": "Sevilla"}
FAKE = {"platform": "x", "handle": "jfk83920174", "display_name": "jfk83920174", "bio": "",
        "followers_count": 3, "following_count": 1640, "posts_count": 0, "likes_count": 0, "listed_count": 0,
        "created_at": "2024-02-20T10:00:00Z", "observed_at": "2024-05-01T00:00:00Z", "default_avatar": True,
        "has_banner": False}
SILENT = {**GENUINE, "handle": "quiet_reader", "posts_count": 0}


def followers(n_genuine, n_fake, n_silent=0):
    out = []
    for i in range(n_genuine):
        out.append({**GENUINE, "handle": f"maria_lopez{i}", "followers_count": 300 + i, "posts_count": 4000 + 7 * i})
    for i in range(n_fake):
        out.append({**FAKE, "handle": f"jfk8392{i:04d}", "following_count": 1500 + i})
    for i in range(n_silent):
        out.append({**SILENT, "handle": f"quiet_reader{i}"})
    return out
