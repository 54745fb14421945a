"""Loaders for the labelled timeline sets in ``../shared/data``, each mapped onto the API's :class:`Post`.

- ``botornot_2024_timelines``: X posts from a 48-hour window (English set 30, French set 31). The organisers'
  generated bots carry some timestamps far outside the window (months later), which no human post does: those
  posts keep their text but lose their time, so that timing signals come only from the window and the model
  cannot learn the generator's artefact.
- ``pan19_bots_en``: 100 tweets per author, no timestamps; reposts and replies show as "RT @" / "@" prefixes.
"""

from __future__ import annotations

import json
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from botlens.registry import sha256_file
from botlens.schemas.posts import Post

BOTORNOT = "botornot_2024_timelines"
PAN19 = "pan19_bots_en"
CITATIONS = {
    BOTORNOT: "Bot-or-Not challenge practice sets, X posts of March 2024 (re-hosted in Joyal99/bot-smashers); "
              "research and evaluation only.",
    PAN19: "Rangel & Rosso, Overview of the Author Profiling Task at PAN 2019 (CLEF 2019); research use only.",
}


@dataclass
class LabelledTimeline:
    source: str  # the corpus
    subset: str  # the set within it (botornot's 30 / 31; pan19 has one)
    is_bot: bool
    posts: list[Post]


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _post(text: str, created_at: datetime | None = None) -> Post:
    # model_construct: the rows come from files we trust, and 290,000 validations would only cost time.
    return Post.model_construct(text=text, created_at=created_at, is_repost=None, is_reply=None, likes=None,
                                reposts=None, replies=None)


def load_botornot(data_dir: Path) -> tuple[list[LabelledTimeline], dict[str, str]]:
    folder = Path(data_dir) / BOTORNOT
    timelines, files = [], {}
    for subset in ("30", "31"):
        data_path = folder / f"dataset.posts&users.{subset}.json"
        bots_path = folder / f"dataset.bots.{subset}.txt"
        files[f"{BOTORNOT}/{data_path.name}"] = sha256_file(data_path)
        files[f"{BOTORNOT}/{bots_path.name}"] = sha256_file(bots_path)
        data = json.loads(data_path.read_text(encoding="utf-8"))
        bots = set(bots_path.read_text(encoding="utf-8").split())
        start, end = _time(data["metadata"]["start_time"]), _time(data["metadata"]["end_time"])
        by_author: dict[str, list[Post]] = {user["id"]: [] for user in data["users"]}
        for row in data["posts"]:
            created = _time(row["created_at"])
            by_author.setdefault(row["author_id"], []).append(_post(row["text"], created if start <= created <= end
                                                                    else None))
        for author, posts in sorted(by_author.items()):
            if posts:
                timelines.append(LabelledTimeline(BOTORNOT, subset, author in bots, posts))
    return timelines, files


def load_pan19(data_dir: Path) -> tuple[list[LabelledTimeline], dict[str, str]]:
    folder = Path(data_dir) / PAN19
    labels_path, archive_path = folder / "labels.tsv", folder / "authors_xml.tar.gz"
    files = {f"{PAN19}/labels.tsv": sha256_file(labels_path), f"{PAN19}/authors_xml.tar.gz": sha256_file(archive_path)}
    labels = {}
    for line in labels_path.read_text(encoding="utf-8").splitlines()[1:]:
        author, label = line.split("\t")[:2]
        labels[author] = label == "bot"
    by_author = {}
    # Read the gzip stream once, in order: random access into a .tar.gz re-inflates from the start each time.
    with tarfile.open(archive_path, "r|gz") as archive:
        for member in archive:
            author = Path(member.name).stem
            if not member.isfile() or author not in labels:
                continue
            root = ET.fromstring(archive.extractfile(member).read())
            by_author[author] = [_post(doc.text or "") for doc in root.iter("document")]
    timelines = [LabelledTimeline(PAN19, "en", labels[a], posts) for a, posts in sorted(by_author.items())]
    return timelines, files


def load_timeline_sources(data_dir: Path) -> tuple[list[LabelledTimeline], dict[str, str]]:
    botornot, files_a = load_botornot(data_dir)
    pan19, files_b = load_pan19(data_dir)
    return botornot + pan19, {**files_a, **files_b}
