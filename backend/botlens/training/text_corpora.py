"""The labelled texts the compose model learns from, each as a :class:`TextCorpus`.

YouTube comment spam of both TubeSpam folders (deduplicated across them, each comment with its video as the
group, so evaluation can hold whole videos out), the SMS Spam Collection, and, as ham only, the human accounts'
posts of the Bot-or-Not 2024 timelines. Files are read from the shared data folder and fingerprinted (sha256)
for the model's manifest; nothing is copied.
"""

from __future__ import annotations

import csv
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from botlens.features.text import strip_invisible
from botlens.registry import sha256_file

YOUTUBE_DIRS = ("youtube_spam_collection", "youtube_spam_alberto2014_extra")
SMS_FILE = Path("sms_spam_collection") / "SMSSpamCollection"
TIMELINE_DIR = Path("botornot_2024_timelines")
TIMELINE_SETS = ("30", "31")  # English, French

# File-name prefix -> the video it was collected under; the two folders share the Psy, KatyPerry and
# PewDiePie videos, so leave-one-video-out must hold all of a video's comments out together.
_VIDEO_PREFIXES = {
    "Youtube01-Psy": "psy", "Youtube02-KatyPerry": "katyperry", "Youtube03-LMFAO": "lmfao",
    "Youtube04-Eminem": "eminem", "Psy": "psy", "KatyPerry": "katyperry", "PewDiePie": "pewdiepie",
    "Avengers": "avengers", "PlayStation4": "playstation4",
}


@dataclass(frozen=True)
class TextCorpus:
    texts: list[str]
    labels: np.ndarray  # 1 = spam
    groups: list[str]  # the video (YouTube), "sms" or the timeline set
    files: dict[str, str]  # relative path -> sha256
    # What calibration folds keep on one side (None: the group): a video, a message, a person's posts.
    units: list[str] | None = None


_LINK_TAG = re.compile(r"<a\s[^>]*>(.*?)</a>", re.IGNORECASE | re.DOTALL)
_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)


def displayed_comment(raw: str) -> str:
    """A comment as its reader saw it: some rows keep YouTube's HTML (links, line breaks) and entities."""
    return html.unescape(_BREAK_TAG.sub("\n", _LINK_TAG.sub(r"\1", raw))).strip()


def _video_of(path: Path) -> str:
    for prefix, video in _VIDEO_PREFIXES.items():
        if path.stem == prefix or path.stem.startswith(prefix + "_") or path.stem.startswith(prefix + "-"):
            return video
    return path.stem.split("_")[0].split("-")[0].lower()


def _same_comment_key(video: str, text: str) -> tuple[str, str]:
    return video, " ".join(strip_invisible(text).lower().split())


def load_youtube(data_dir: Path) -> TextCorpus:
    """Every YouTube comment once, with its video as the group. A COMMENT_ID seen before is skipped, and so is
    a comment whose text (case and spacing aside) the other folder already holds under the same video: the
    two collections re-crawled the same videos and some comments came back under new ids."""
    data_dir = Path(data_dir)
    seen: set[str] = set()
    earlier_folders: set[tuple[str, str]] = set()
    texts, labels, groups, files = [], [], [], {}
    for folder in YOUTUBE_DIRS:
        this_folder: set[tuple[str, str]] = set()
        for path in sorted((data_dir / folder).rglob("*.csv")):
            files[str(path.relative_to(data_dir))] = sha256_file(path)
            with open(path, encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    comment_id = row["COMMENT_ID"].strip()
                    if comment_id in seen:
                        continue
                    seen.add(comment_id)
                    text, video = displayed_comment(row["CONTENT"]), _video_of(path)
                    key = _same_comment_key(video, text)
                    if key in earlier_folders:
                        continue
                    this_folder.add(key)
                    texts.append(text)
                    labels.append(int(row.get("CLASS") or row.get("TAG")))
                    groups.append(video)
        earlier_folders |= this_folder
    if not texts:
        raise FileNotFoundError(f"no YouTube comment files under {data_dir}")
    return TextCorpus(texts, np.asarray(labels, dtype=int), groups, files)


def load_sms(data_dir: Path) -> TextCorpus:
    path = Path(data_dir) / SMS_FILE
    texts, labels = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            label, _, text = line.rstrip("\n").partition("\t")
            if number == 0 and label == "output":
                continue  # the re-hoster's header line
            if label not in ("ham", "spam"):
                raise ValueError(f"{path}:{number + 1}: unexpected label {label!r}")
            texts.append(text)
            labels.append(int(label == "spam"))
    return TextCorpus(texts, np.asarray(labels, dtype=int), ["sms"] * len(texts),
                      {str(SMS_FILE): sha256_file(path)}, [f"sms{i}" for i in range(len(texts))])


def load_human_posts(data_dir: Path) -> TextCorpus:
    """Posts by the human accounts of the Bot-or-Not 2024 timelines, as ham (label 0), grouped by set.

    YouTube and SMS ham rarely carries a link, a hashtag or an emoji; today's posts by people often do. Without
    these the model learns "has a link" as spam. Bot posts are left out: they were generated by the challenge's
    organisers to mimic people, not to spam.
    """
    texts, groups, authors, files = [], [], [], {}
    for name in TIMELINE_SETS:
        posts_path = Path(data_dir) / TIMELINE_DIR / f"dataset.posts&users.{name}.json"
        bots_path = Path(data_dir) / TIMELINE_DIR / f"dataset.bots.{name}.txt"
        for path in (posts_path, bots_path):
            files[str(path.relative_to(data_dir))] = sha256_file(path)
        bots = set(bots_path.read_text(encoding="utf-8").split())
        document = json.loads(posts_path.read_text(encoding="utf-8"))
        for post in document["posts"]:
            if post["author_id"] not in bots and post["text"].strip():
                texts.append(post["text"])
                groups.append(f"timelines{name}")
                authors.append(f"author{post['author_id']}")
    return TextCorpus(texts, np.zeros(len(texts), dtype=int), groups, files, authors)


def join_corpora(*corpora: TextCorpus) -> TextCorpus:
    return TextCorpus(
        [t for c in corpora for t in c.texts],
        np.concatenate([c.labels for c in corpora]),
        [g for c in corpora for g in c.groups],
        {k: v for c in corpora for k, v in c.files.items()},
        [u for c in corpora for u in (c.units if c.units is not None else c.groups)],
    )
