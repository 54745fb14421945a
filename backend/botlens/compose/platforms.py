"""Per-platform norms: how many hashtags and mentions readers and the platform's own advice treat as normal.

Past these counts a post starts to read as reach-farming. The numbers follow each platform's published
guidance where there is one (X and Instagram both advise a few relevant hashtags; Mastodon relies on hashtags
for discovery, so it tolerates more) and are deliberately generous: a tip should mean "this is unusual here".
"""

from __future__ import annotations

from dataclasses import dataclass

from botlens.schemas.profile import Platform


@dataclass(frozen=True)
class PlatformNorms:
    name: str
    max_hashtags: int
    max_mentions: int


PLATFORM_NORMS: dict[Platform, PlatformNorms] = {
    Platform.x: PlatformNorms("X", max_hashtags=2, max_mentions=4),
    Platform.mastodon: PlatformNorms("Mastodon", max_hashtags=5, max_mentions=5),
    Platform.bluesky: PlatformNorms("Bluesky", max_hashtags=3, max_mentions=4),
    Platform.reddit: PlatformNorms("Reddit", max_hashtags=1, max_mentions=3),
    Platform.youtube: PlatformNorms("YouTube", max_hashtags=3, max_mentions=3),
    Platform.instagram: PlatformNorms("Instagram", max_hashtags=10, max_mentions=5),
    Platform.other: PlatformNorms("this site", max_hashtags=5, max_mentions=5),
}


def norms_for(platform: Platform | str | None) -> PlatformNorms:
    if platform is None:
        return PLATFORM_NORMS[Platform.other]
    return PLATFORM_NORMS.get(Platform(platform), PLATFORM_NORMS[Platform.other])
