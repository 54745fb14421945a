"""The follower audit: score every follower once, vectorised, then estimate shares with intervals.

Per follower only numbers are kept (two probabilities, an activity state, the codes of its leading reasons);
no result objects or sentences are built, which is what keeps a 50,000-follower audit fast and small.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from botlens.audit.bootstrap import (ACTIVE, INACTIVE, INACTIVE_AFTER_DAYS, UNKNOWN, Reference, audit_shares,
                                     share_interval)
from botlens.audit.engagement import check_engagement
from botlens.audit.notes import REASON_TEXT, audit_notes
from botlens.features.profile import ACCOUNT_FEATURES
from botlens.registry import LoadedModel
from botlens.schemas.audit import AuditRequest, AuditResponse, Histogram, TopReason
from botlens.scoring.accounts import MIN_IMPACT, AccountScorer
from botlens.scoring.reasons import REASON_CODES

CHUNK = 5000
HIST_BINS = 20
FLAG_PROBABILITY = 0.5  # "likely fake or bot": more likely than not
TOP_REASONS = 5
REASONS_PER_FOLLOWER = 3
METHOD_NOTE = ("The fake and bot shares are prevalence estimates, not the share of followers above a threshold: "
               "adjusted probabilistic classify-and-count over calibrated probabilities, corrected by how the model "
               "scores held-out fake and genuine accounts. The 95% intervals come from {n_boot:,} bootstrap "
               "resamples of the followers and of that held-out reference.")


@dataclass
class FollowerScores:
    bot: np.ndarray
    fake: np.ndarray
    states: np.ndarray
    reason_counts: Counter
    n_flagged: int


def days_since_last_post(followers: Sequence) -> np.ndarray:
    """Days between the last post and when the follower was seen; NaN where the page showed no date."""
    days = np.full(len(followers), np.nan)
    for i, follower in enumerate(followers):
        last = follower.get("last_post_at") if isinstance(follower, dict) else follower.last_post_at
        if last is not None:
            seen = follower.get("observed_at") if isinstance(follower, dict) else follower.observed()
            if isinstance(last, str) or isinstance(seen, str) or seen is None:
                continue  # dicts come from trusted callers with datetimes; anything else is unknown
            days[i] = (seen - last).total_seconds() / 86400
    return days


def activity_states(posts_count: np.ndarray, idle_days: np.ndarray | None = None) -> np.ndarray:
    """INACTIVE: no posts at all, or none for INACTIVE_AFTER_DAYS where the last post's date is known."""
    states = np.full(len(posts_count), UNKNOWN, dtype=np.int64)
    states[posts_count > 0] = ACTIVE
    if idle_days is not None:
        states[idle_days <= INACTIVE_AFTER_DAYS] = ACTIVE
        states[idle_days > INACTIVE_AFTER_DAYS] = INACTIVE
    states[posts_count == 0] = INACTIVE
    return states


def leading_reason_codes(contributions: np.ndarray, k: int = REASONS_PER_FOLLOWER) -> Counter:
    """How often each reason code is among a row's ``k`` largest contributions towards fake or bot."""
    k = min(k, contributions.shape[1])
    top = np.argpartition(-contributions, k - 1, axis=1)[:, :k]
    strong = np.take_along_axis(contributions, top, axis=1) >= MIN_IMPACT
    features = np.bincount(top[strong], minlength=len(ACCOUNT_FEATURES))
    return Counter({REASON_CODES[ACCOUNT_FEATURES[i]]: int(c) for i, c in enumerate(features) if c})


class FollowerAuditor:
    def __init__(self, scorer: AccountScorer, quantifier: LoadedModel, *, n_boot: int = 1000, seed: int = 0):
        self.scorer = scorer
        self.fake_reference = Reference.from_dict(quantifier.obj["fake"])
        self.bot_reference = Reference.from_dict(quantifier.obj["bot"])
        self.version = f"{scorer.version}+{quantifier.version}"
        built_for = quantifier.entry.get("account_version")
        self.stale_note = (f"The quantifier's reference was built for account model {built_for}, not the loaded "
                           f"{scorer.version}; the shares may be off until `botlens train` rebuilds it."
                           if built_for and built_for != scorer.version else None)
        self.n_boot = n_boot
        self.seed = seed

    def score_followers(self, followers: Sequence, progress: Callable[[int], None] | None = None) -> FollowerScores:
        bots, fakes, states, reasons, flagged = [], [], [], Counter(), 0
        for start in range(0, len(followers), CHUNK):
            chunk = followers[start:start + CHUNK]
            _, raw, bot_c, fake_c, bot_p, fake_p = self.scorer.probabilities(chunk)
            bots.append(bot_p)
            fakes.append(fake_p)
            states.append(activity_states(raw["posts"], days_since_last_post(chunk)))
            likely = np.maximum(bot_p, fake_p) >= FLAG_PROBABILITY
            if likely.any():
                leading = np.where((fake_p > bot_p)[:, None], fake_c, bot_c)[likely]
                reasons.update(leading_reason_codes(leading))
                flagged += int(likely.sum())
            if progress:
                progress(len(chunk))
        return FollowerScores(np.concatenate(bots), np.concatenate(fakes), np.concatenate(states), reasons, flagged)

    def audit(self, request: AuditRequest, progress: Callable[[int], None] | None = None) -> AuditResponse:
        scores = self.score_followers(request.followers, progress)
        return self.report(request, scores)

    def report(self, request: AuditRequest, scores: FollowerScores) -> AuditResponse:
        n = len(scores.fake)
        total = request.followers_total
        if total is None and request.account is not None:
            total = request.account.followers_count
        whole = bool(total) and n >= total
        shares = audit_shares(scores.fake, scores.states, self.fake_reference, n_boot=self.n_boot, seed=self.seed,
                              whole_population=whole)
        bot = share_interval(scores.bot, self.bot_reference, n_boot=self.n_boot, seed=self.seed + 1,
                             whole_population=whole)
        fake, inactive = shares.fake, shares.inactive
        effective = effective_ci = None
        if total:
            effective = round(total * max(0.0, 1.0 - fake.value - inactive.value))
            remaining = np.clip(1.0 - fake.replicates - inactive.replicates, 0.0, 1.0)
            lo, hi = np.quantile(remaining, [0.025, 0.975])
            lo = min(lo, 1.0 - fake.hi - inactive.hi, 1.0 - fake.value - inactive.value)
            hi = max(hi, 1.0 - fake.lo - inactive.lo)
            effective_ci = (round(total * max(lo, 0.0)), round(total * min(hi, 1.0)))
        counts, edges = np.histogram(scores.fake, bins=HIST_BINS, range=(0.0, 1.0))
        platforms = {str(getattr(f.platform, "value", f.platform)) for f in request.followers[:1000]}
        notes = audit_notes(sampling=request.sampling, n_scored=n, followers_total=total,
                            known_activity=int((scores.states != UNKNOWN).sum()),
                            method_note=METHOD_NOTE.format(n_boot=self.n_boot), platforms=platforms,
                            whole_population=whole)
        if self.stale_note:
            notes.append(self.stale_note)
        engagement = None
        if request.posts and request.account is not None:
            engagement = check_engagement(request.posts, total, str(request.account.platform.value))
        return AuditResponse(
            n_scored=n, followers_total=total,
            fake_share=round(fake.value, 4), fake_share_ci95=(round(fake.lo, 4), round(fake.hi, 4)),
            bot_share=round(bot.value, 4), bot_share_ci95=(round(bot.lo, 4), round(bot.hi, 4)),
            inactive_share=round(inactive.value, 4), inactive_share_ci95=(round(inactive.lo, 4),
                                                                          round(inactive.hi, 4)),
            effective_audience=effective, effective_audience_ci95=effective_ci,
            histogram=Histogram(edges=[round(e, 4) for e in edges.tolist()], counts=counts.tolist()),
            top_reasons=top_reasons(scores.reason_counts, scores.n_flagged),
            notes=notes, engagement=engagement, model_version=self.version,
        )


def top_reasons(counts: Counter, n_flagged: int, k: int = TOP_REASONS) -> list[TopReason]:
    return [TopReason(code=code, message=REASON_TEXT.get(code, code.replace("_", " ")), count=count,
                      share=round(count / n_flagged, 4))
            for code, count in counts.most_common(k)] if n_flagged else []
