// The accounts the fake sites show. Deterministic, so every run scores the same accounts.

/**
 * @typedef {{handle: string, name: string, bio: string, followers: number, following: number, posts: number,
 *   createdAt: string, joinedMonthYear: string, joinedShort: string, location?: string, defaultAvatar?: boolean,
 *   banner?: boolean, bot?: boolean, recentPosts?: (string | {author: Person, text: string})[]}} Person
 */

/** @param {Omit<Person, 'joinedMonthYear'|'joinedShort'>} p @returns {Person} */
export function person(p) {
  const date = new Date(p.createdAt);
  return {
    ...p,
    joinedMonthYear: date.toLocaleDateString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    joinedShort: date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }),
  };
}

/** A long-standing, ordinary-looking account. @param {string} handle @param {string} name */
export function humanLike(handle, name, extra = {}) {
  return person({ handle, name, bio: 'Teacher in Seville. Books, cycling and too much coffee.', followers: 412,
    following: 380, posts: 5230, createdAt: '2011-04-02T00:00:00Z', location: 'Sevilla', banner: true, ...extra });
}

/** A fresh account that follows many and is followed by few, with no posts and a default avatar. */
export function fakeLike(handle, extra = {}) {
  return person({ handle, name: handle, bio: '', followers: 3, following: 1640, posts: 0,
    createdAt: '2024-02-20T00:00:00Z', defaultAvatar: true, banner: false, ...extra });
}

/** Small deterministic generator (mulberry32) for the crowd accounts. @param {number} seed */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` distinct accounts: a mix of ordinary and fake-looking ones, for timelines and follower lists.
 * @param {number} count @param {string} prefix handle prefix @param {number} seed
 */
export function crowd(count, prefix, seed) {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const fake = next() < 0.3;
    const handle = `${prefix}${String(i).padStart(4, '0')}`;
    if (fake) return fakeLike(`${handle}x${Math.floor(next() * 1e6)}`, { following: 500 + Math.floor(next() * 4000) });
    const year = 2009 + Math.floor(next() * 14);
    return person({ handle, name: `Person ${i}`, bio: `Into ${['hiking', 'jazz', 'chess', 'baking'][i % 4]}.`,
      followers: 20 + Math.floor(next() * 3000), following: 20 + Math.floor(next() * 800),
      posts: 50 + Math.floor(next() * 9000), createdAt: `${year}-0${1 + (i % 9)}-1${i % 10}T00:00:00Z`, banner: next() < 0.7 });
  });
}

/** Text a page shows as-is, written to break out of any markup or attribute it were pasted into. */
export const HOSTILE_TEXT = {
  name: `Eve "><img src=x onerror="window.__botlensPwned='name'">`,
  bio: `<script>window.__botlensPwned='bio'</script><b>bold?</b> ' onmouseover='window.__botlensPwned=1' "><svg onload="window.__botlensPwned='svg'">`,
  post: `</span><img src=x onerror="window.__botlensPwned='post'"><a href="javascript:window.__botlensPwned='link'">click</a> & "quotes" 'too'`,
};
