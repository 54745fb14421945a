// @ts-check
'use strict';
/**
 * Posting patterns on profile pages: the posts the page shows (text, time, repost, counts) go to
 * POST /api/v1/posts/score through the service worker, and the answer is folded into the
 * profile's badge outcome. Authors come from the site adapter's findAuthors; this file only
 * adds where each site puts a post's text, time and counts.
 */
(function (BotLens) {
  /** Fewer posts than this say little about a posting pattern: the badge is left as it is. */
  const MIN_POSTS = 3;
  const MAX_POSTS = 200;
  /** Automation at or above this, over at least STRONG_MIN_POSTS posts, makes the verdict bot-like. */
  const STRONG_AUTOMATION = 0.8;
  const STRONG_MIN_POSTS = 5;
  /** Automation at or above this keeps an otherwise human-like account at "uncertain". */
  const SOME_AUTOMATION = 0.5;

  const POSTS = {
    x: {
      post: 'article[data-testid="tweet"]', text: '[data-testid="tweetText"]', time: 'time[datetime]',
      repost: '[data-testid="socialContext"]',
      replies: '[data-testid="reply"]', reposts: '[data-testid="retweet"], [data-testid="unretweet"]',
      likes: '[data-testid="like"], [data-testid="unlike"]',
    },
    mastodon: {
      post: '.status', text: '.status__content__text, .status__content', time: 'time[datetime]',
      repost: '.status__prepend', replies: '', reposts: '', likes: '',
    },
    bluesky: {
      post: '[data-testid^="feedItem-by-"]', text: '[data-testid="postText"]', time: 'time[datetime]',
      repost: '', replies: '[data-testid="replyBtn"]', reposts: '[data-testid="repostCount"]', likes: '[data-testid="likeCount"]',
    },
  };

  /** @param {Element} post @param {string} selector */
  function countIn(post, selector) {
    if (!selector) return undefined;
    const el = post.querySelector(selector);
    if (!el) return undefined;
    // X puts the exact figure in the button's label ("12 Replies. Reply"); the text is shortened.
    const parsed = BotLens.counts.parseCount(el.getAttribute('aria-label')) || BotLens.counts.parseCount(el.textContent);
    return parsed && !parsed.approximate ? parsed.value : undefined;
  }

  /**
   * The posts on a profile page by its owner (and what the owner reposted), newest first as shown.
   * @param {import('../adapters/registry.js').SiteAdapter} adapter
   * @param {Document} document @param {Location | URL} location @param {string} owner the profile's handle
   * @returns {Array<Record<string, unknown>>} Post objects with the API's field names
   */
  function readVisiblePosts(adapter, document, location, owner) {
    const spec = POSTS[/** @type {'x'|'mastodon'|'bluesky'} */ (adapter.platform)];
    if (!spec) return [];
    /** @type {Map<Element, string>} */
    const authorOf = new Map();
    for (const sighting of adapter.findAuthors(document, location)) {
      const post = sighting.anchor.closest(spec.post);
      if (post && !authorOf.has(post)) authorOf.set(post, sighting.profile.handle.toLowerCase());
    }
    /** @type {Array<Record<string, unknown>>} */
    const posts = [];
    for (const post of document.querySelectorAll(spec.post)) {
      const author = authorOf.get(post);
      const textEl = post.querySelector(spec.text);
      const text = textEl ? (textEl.textContent || '').trim() : '';
      if (!author || !text) continue;
      const wrapper = post.parentElement;
      const repostMark = spec.repost && (post.querySelector(spec.repost) || (wrapper && wrapper.querySelector(`:scope > ${spec.repost}`)));
      const isRepost = author !== owner.toLowerCase() || Boolean(repostMark);
      /** @type {Record<string, unknown>} */
      const item = { text: text.slice(0, 20000), is_repost: isRepost };
      const time = post.querySelector(spec.time);
      const when = time && Date.parse(time.getAttribute('datetime') || '');
      if (when && !Number.isNaN(when)) item.created_at = new Date(when).toISOString();
      for (const key of /** @type {const} */ (['replies', 'reposts', 'likes'])) {
        const value = countIn(post, spec[key]);
        if (value !== undefined) item[key] = value;
      }
      posts.push(item);
      if (posts.length >= MAX_POSTS) break;
    }
    return posts;
  }

  /**
   * The badge outcome with the posting pattern folded in. The profile model's numbers stay; the
   * verdict moves only on strong posting evidence: bot-like when automation is high over enough
   * posts, uncertain (never human-like) when it is moderate. The pattern becomes the first reason.
   * @param {any} outcome a ScoreOutcome { ok, result: { bot_probability, verdict, reasons, ... } }
   * @param {{ automation_probability: number, signals?: Array<{ code: string, message: string, value: number | null }> }} posting
   * @param {number} nPosts
   */
  function foldPostingPattern(outcome, posting, nPosts) {
    if (!outcome || !outcome.ok || !outcome.result || !posting || nPosts < MIN_POSTS) return outcome;
    const p = Number(posting.automation_probability);
    if (!Number.isFinite(p)) return outcome;
    const result = outcome.result;
    let verdict = result.verdict;
    if (p >= STRONG_AUTOMATION && nPosts >= STRONG_MIN_POSTS) verdict = 'likely_bot';
    else if (p >= SOME_AUTOMATION && verdict === 'likely_human') verdict = 'uncertain';
    const signals = Array.isArray(posting.signals) ? posting.signals : [];
    const lead = signals.find((s) => s && typeof s.message === 'string' && s.value !== null);
    const reason = {
      code: 'posting_pattern',
      message: `Posting pattern of ${nPosts} visible posts looks ${Math.round(p * 100)}% automated${lead ? ` (${lead.message})` : ''}`,
      impact: Math.round((p - 0.5) * 100) / 100,
    };
    const reasons = [reason, ...(Array.isArray(result.reasons) ? result.reasons : []).filter((r) => r.code !== 'posting_pattern')];
    return {
      ...outcome,
      result: {
        ...result,
        verdict,
        bot_probability: verdict === 'likely_bot' ? Math.max(Number(result.bot_probability) || 0, p) : result.bot_probability,
        reasons,
      },
      posting: { automation_probability: p, n_posts: nPosts, signals },
    };
  }

  /**
   * Scores the visible posts of a profile and returns the folded outcome, or null when there is
   * nothing to fold (too few posts, no answer, navigation).
   * @param {{ adapter: import('../adapters/registry.js').SiteAdapter, profile: any, outcome: any,
   *   send: (m: any) => Promise<any>, document: Document, location: Location | URL, signal?: AbortSignal,
   *   waitMs?: number }} options
   */
  async function refine({ adapter, profile, outcome, send, document, location, signal, waitMs = 1500 }) {
    if (!outcome || !outcome.ok || !POSTS[/** @type {'x'} */ (adapter.platform)]) return null;
    let posts = readVisiblePosts(adapter, document, location, profile.handle);
    for (let i = 0; i < 2 && posts.length < MIN_POSTS; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      if (signal && signal.aborted) return null;
      posts = readVisiblePosts(adapter, document, location, profile.handle);
    }
    if (posts.length < MIN_POSTS) return null;
    const reply = await send({ type: 'posts.score', account: profile, posts });
    if (!reply.ok || (signal && signal.aborted)) return null;
    return foldPostingPattern(outcome, reply.result, posts.length);
  }

  BotLens.postingPatterns = { readVisiblePosts, foldPostingPattern, refine, MIN_POSTS, POSTS };
})((globalThis.BotLens ??= {}));
