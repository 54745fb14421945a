"""Loaders for every labelled account source in ``../shared/data``, each mapped onto :class:`Profile`.

Every profile's ``observed_at`` is the time the source was collected (never "now"), so that account age and
the per-day rates mean what they meant then. Columns that only identify a source (Cresci's ``dataset``,
``updated``, ``crawled_at``, ``timestamp``, ``test_set_*``, ``id``) are read only for the collection time and
never reach a Profile. Each source goes through :func:`botlens.training.audit.audit_source`.

Kinds of account: ``human``, ``fake_follower`` (bought followers, Cresci-2015 INT), ``spambot`` (Cresci-2017
social spambots) and ``bot`` (self-declared benign bots of Botwiki-2019).

The Gilani-2017 folder holds aggregated activity over a collection window, not profiles (no handle counts,
no bio, no dates): it cannot be mapped honestly onto Profile and is not loaded here.
"""

from __future__ import annotations

import csv
import gzip
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from botlens.registry import sha256_file
from botlens.schemas.profile import Profile
from botlens.training.audit import SourceAudit, audit_source

TWITTER_TIME = "%a %b %d %H:%M:%S +0000 %Y"
KINDS = ("human", "fake_follower", "spambot", "bot")
_CSV_FILL = {"default_avatar": False, "has_banner": False, "verified": False, "protected": False,
             "url": "", "location": "", "bio": "", "display_name": ""}
_JSON_FILL = {"url": "", "location": "", "bio": "", "display_name": "", "has_banner": False}


@dataclass
class LabelledSource:
    name: str
    profiles: list[Profile]
    kinds: list[str]
    subsets: list[str]  # the file (or botnet) each row came from
    files: dict[str, str]  # path relative to the data folder -> sha256
    audit: SourceAudit
    citation: str = ""
    terms: str = ""
    extra: dict = field(default_factory=dict)


def _twitter_time(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.strptime(text, TWITTER_TIME).replace(tzinfo=timezone.utc)


def _sql_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)


def _text(value: str | None) -> str | None:
    return value if value else None


def _count(value: str | int | None) -> int | None:
    if value in (None, "", "NULL"):
        return None
    return max(int(float(value)), 0)


def _csv_flag(value: str | None) -> bool | None:
    # These exports write a true flag as "1" (sometimes "True") and a false one as an empty cell.
    return True if value in ("1", "True", "true") else None


def _is_default_image(url: str | None) -> bool:
    return bool(url) and "default_profile" in url


def _csv_row(row: dict[str, str], observed_at: datetime) -> dict:
    image = row.get("profile_image_url") or row.get("profile_image_url_https")
    banner = row.get("profile_banner_url")
    return {
        "platform": "x",
        "handle": row["screen_name"],
        "display_name": _text(row.get("name")),
        "bio": _text(row.get("description")),
        "followers_count": _count(row.get("followers_count")),
        "following_count": _count(row.get("friends_count")),
        "posts_count": _count(row.get("statuses_count")),
        "likes_count": _count(row.get("favourites_count")),
        "listed_count": _count(row.get("listed_count")),
        "created_at": _twitter_time(row.get("created_at")),
        "observed_at": observed_at,
        "verified": _csv_flag(row.get("verified")),
        "default_avatar": True if (_csv_flag(row.get("default_profile_image")) or _is_default_image(image)) else None,
        "has_banner": None if banner in (None, "") else banner != "NULL",
        "location": _text(row.get("location")),
        "url": _text(row.get("url")),
        "protected": _csv_flag(row.get("protected")),
    }


def _json_user(user: dict, observed_at: datetime) -> dict:
    return {
        "platform": "x",
        "handle": user["screen_name"],
        "display_name": user.get("name"),
        "bio": user.get("description"),
        "followers_count": _count(user.get("followers_count")),
        "following_count": _count(user.get("friends_count")),
        "posts_count": _count(user.get("statuses_count")),
        "likes_count": _count(user.get("favourites_count")),
        "listed_count": _count(user.get("listed_count")),
        "created_at": _twitter_time(user.get("created_at")),
        "observed_at": observed_at,
        "verified": user.get("verified"),
        "default_avatar": bool(user.get("default_profile_image")) or _is_default_image(user.get("profile_image_url")),
        "has_banner": bool(user.get("profile_banner_url")),
        "location": user.get("location"),
        "url": user.get("url"),
        "protected": user.get("protected"),
    }


def _read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _finish(name, data_dir, files_rows, kinds_by_file, selection=(), fill=None, **meta) -> LabelledSource:
    profile_rows, report = audit_source(name, files_rows, selection_fields=selection, fill_empty=fill)
    kinds = [kinds_by_file[f] for f, rows in files_rows.items() for _ in rows]
    subsets = [Path(f).stem for f, rows in files_rows.items() for _ in rows]
    profiles = [Profile.model_validate(row) for row in profile_rows]
    hashes = {f: sha256_file(Path(data_dir) / f) for f in meta.pop("hashed")}
    return LabelledSource(name, profiles, kinds, subsets, hashes, report, **meta)


def load_cresci2015(data_dir: Path) -> LabelledSource:
    folder = "cresci2015_subset_harshitkgupta"
    kinds = {f"{folder}/users.csv": "human", f"{folder}/fusers.csv": "fake_follower"}
    files_rows = {
        f: [_csv_row(r, _sql_time(r["updated"])) for r in _read_csv(Path(data_dir) / f)] for f in kinds
    }
    return _finish(
        "cresci2015", data_dir, files_rows, kinds, fill=_CSV_FILL, hashed=list(kinds),
        citation="Cresci, Di Pietro, Petrocchi, Spognardi, Tesconi. Fame for sale: efficient detection of fake "
        "Twitter followers. Decision Support Systems 80 (2015).",
        terms="research use; cite the paper (subset re-hosted by harshitkgupta/Fake-Profile-Detection-using-ML)",
    )


def load_cresci2017(data_dir: Path) -> LabelledSource:
    folder = "cresci2017_subset_warproxxx"
    kinds = {f"{folder}/geniune_accounts.csv": "human"}
    kinds.update({f"{folder}/social_spambots_{i}.csv": "spambot" for i in (1, 2, 3)})
    files_rows = {
        f: [_csv_row(r, _sql_time(r["crawled_at"])) for r in _read_csv(Path(data_dir) / f)] for f in kinds
    }
    return _finish(
        "cresci2017", data_dir, files_rows, kinds, fill=_CSV_FILL, hashed=list(kinds),
        citation="Cresci, Di Pietro, Petrocchi, Spognardi, Tesconi. The paradigm-shift of social spambots. "
        "WWW'17 Companion (2017).",
        terms="research use; cite the paper (users.csv files re-hosted by warproxxx/Twitter-Bot-or-Not)",
    )


def _bot_repository(data_dir: Path, name: str, path: str, kind: str, selection=(), **meta) -> LabelledSource:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(Path(data_dir) / path, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    seen: set[int] = set()
    rows = []
    for record in records:
        user = record["user"]
        if user["id"] in seen:
            continue
        seen.add(user["id"])
        rows.append(_json_user(user, _twitter_time(record["created_at"])))
    return _finish(name, data_dir, {path: rows}, {path: kind}, selection=selection, fill=_JSON_FILL,
                   hashed=[path], **meta)


def load_botwiki2019(data_dir: Path) -> LabelledSource:
    return _bot_repository(
        data_dir, "botwiki2019", "botwiki2019/botwiki-2019_tweets.json.gz", "bot",
        citation="Yang, Varol, Hui, Menczer. Scalable and generalizable social bot detection through data "
        "selection. AAAI 2020 (Bot Repository, botwiki-2019).",
        terms="CC BY-NC-ND 4.0",
    )


def load_verified2019(data_dir: Path) -> LabelledSource:
    return _bot_repository(
        data_dir, "verified2019", "verified_2019/verified-2019_tweets.json", "human", selection=("verified",),
        citation="Yang, Varol, Hui, Menczer. Scalable and generalizable social bot detection through data "
        "selection. AAAI 2020 (Bot Repository, verified-2019).",
        terms="Bot Repository terms; assumed CC BY-NC-ND 4.0 like botwiki-2019",
    )


LOADERS = {
    "cresci2015": load_cresci2015,
    "cresci2017": load_cresci2017,
    "botwiki2019": load_botwiki2019,
    "verified2019": load_verified2019,
}


def load_account_sources(data_dir: Path) -> list[LabelledSource]:
    """Every account source, in a fixed order."""
    return [load(Path(data_dir)) for load in LOADERS.values()]
