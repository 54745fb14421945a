"""Plain sentences that say how far an audit's numbers can be trusted, and what the follower sample implies."""

from __future__ import annotations

from botlens.audit.bootstrap import INACTIVE_AFTER_DAYS
from botlens.schemas.audit import Sampling

SMALL_SAMPLE = 100

SAMPLING_NOTES = {
    Sampling.random: "The followers are a random sample, so the shares estimate the whole audience; the "
                     "intervals cover the sampling error and the model's own uncertainty.",
    Sampling.recent: "These are the most recent followers (the order the platform lists them in), not a random "
                     "sample: bought followers arrive in bursts and platforms purge old fakes, so the share among "
                     "recent followers can be higher or lower than among all followers. The intervals cover "
                     "sampling error within this group, not the difference to the whole audience.",
    Sampling.visible: "These are the followers the page happened to show, in the platform's own order (often the "
                      "most recent first, sometimes people you know first): a convenience sample, not a random "
                      "one. Read the shares as describing these followers; the whole audience may differ.",
}

# What each account-model reason code means when it counts against many followers at once.
REASON_TEXT = {
    "followers": "few or no followers of their own",
    "following": "follow many accounts",
    "posts": "few or no posts",
    "likes": "few or no likes given",
    "listed": "on no lists",
    "account_age": "account age typical of bought followers",
    "followers_per_day": "followers gained per day atypical for a person",
    "following_per_day": "follow many accounts per day of account age",
    "posts_per_day": "post rate atypical for a person",
    "likes_per_day": "like rate atypical for a person",
    "listed_per_day": "rarely listed for the account's age",
    "following_ratio": "follow far more accounts than follow them",
    "handle_length": "handle length typical of generated accounts",
    "handle_digits": "digits in the handle",
    "handle_likelihood": "handle unlike the handles people choose",
    "name_length": "display name length atypical",
    "name_digits": "digits in the display name",
    "bio_length": "empty or very short bio",
    "bio_digits": "digits in the bio",
    "bio_link": "link in the bio",
    "self_described_bot": "handle, name or bio says the account is a bot",
    "default_avatar": "default avatar",
    "banner": "no banner image",
    "location": "no location",
    "website": "no website",
}


def audit_notes(*, sampling: Sampling, n_scored: int, followers_total: int | None, known_activity: int,
                method_note: str, platforms: set[str], whole_population: bool) -> list[str]:
    notes = [SAMPLING_NOTES[sampling]]
    if followers_total:
        share = min(n_scored / followers_total, 1.0)
        notes.append(f"{n_scored:,} of {followers_total:,} followers were scored ({share:.1%})."
                     + (" That is every follower, so only the model's uncertainty remains." if whole_population
                        else ""))
    else:
        notes.append(f"{n_scored:,} followers were scored; the total follower count is unknown, so no effective "
                     "audience is given.")
    if n_scored < SMALL_SAMPLE:
        notes.append(f"Only {n_scored} followers were seen: the intervals are wide for that reason; collect more "
                     "followers for a firmer estimate.")
    notes.append(method_note)
    if known_activity == 0:
        notes.append("No follower showed a post count or a last-post date, so inactive followers could not be "
                     "counted: the inactive "
                     "share is reported as 0 with an interval up to everything not fake, and the effective "
                     "audience's interval reflects that.")
    else:
        notes.append(f"Inactive means no posts at all, or none for over {INACTIVE_AFTER_DAYS} days where the last "
                     f"post's date was shown; it is counted apart from fake (fake followers are not counted again) "
                     f"and was measured on the {known_activity:,} followers that showed a post count or date. "
                     "Where only a post count was shown, long-dormant accounts with old posts count as active.")
    if platforms - {"x"}:
        notes.append("The account model was trained on Twitter accounts of 2014-2019; its accuracy on "
                     f"{', '.join(sorted(platforms - {'x'}))} followers has not been measured.")
    return notes
