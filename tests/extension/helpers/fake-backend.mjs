// A stand-in for the BotLens backend at the HTTP boundary: a fetch function that answers the
// v1 API the way the contract in issue 2 describes, and records every request it got.

/** A deterministic toy scorer: the figures depend on the account, never a constant. */
export function toyScore(profile) {
  const botty = /bot|promo|spam/i.test(profile.handle) ? 0.9 : 0.1;
  const fake = profile.followers_count === 0 ? 0.8 : 0.05;
  return {
    platform: profile.platform,
    handle: profile.handle,
    bot_probability: botty,
    fake_follower_probability: fake,
    verdict: botty > 0.7 ? 'likely_bot' : 'likely_human',
    reasons: [{ code: 'handle_pattern', message: `Handle ${profile.handle} looks ${botty > 0.7 ? 'generated' : 'chosen'}`, impact: botty - 0.5 }],
  };
}

function json(status, body, headers = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/**
 * @param {{ token?: string, modelVersion?: string }} [options]
 */
export function fakeBackend({ token = 'good-token', modelVersion = 'account-test-1' } = {}) {
  const state = {
    requests: [],
    /** set to a function (request) => Response | Promise<Response> | 'network' to override */
    override: null,
    feedback: [],
  };
  async function fetch(url, init = {}) {
    const parsed = new URL(url);
    const body = init.body ? JSON.parse(init.body) : undefined;
    const headers = init.headers || {};
    const request = { url: parsed.href, path: parsed.pathname, method: init.method || 'GET', body, headers };
    state.requests.push(request);
    if (state.override) {
      const answer = await state.override(request);
      if (answer === 'network') throw new TypeError('Failed to fetch');
      if (answer) return answer;
    }
    if (request.path === '/api/v1/health') {
      return json(200, { status: 'ok', version: '0.1.0', models: { account: modelVersion } });
    }
    if (headers.Authorization !== `Bearer ${token}`) {
      return json(401, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'missing or wrong token' });
    }
    if (request.path === '/api/v1/accounts/score' && request.method === 'POST') {
      const accounts = body && body.accounts;
      if (!Array.isArray(accounts) || accounts.length < 1 || accounts.length > 1000) {
        return json(400, { title: 'Bad Request', status: 400, detail: 'accounts: 1 to 1000 items' });
      }
      return json(200, { model_version: modelVersion, results: accounts.map(toyScore) });
    }
    if (request.path === '/api/v1/feedback' && request.method === 'POST') {
      state.feedback.push(body);
      return json(201, { status: 'stored' });
    }
    return json(404, { title: 'Not Found', status: 404 });
  }
  return { fetch, state, scoreRequests: () => state.requests.filter((r) => r.path === '/api/v1/accounts/score') };
}

/** Manual timers: callbacks run only when the test says so. */
export function manualTimers() {
  let next = 1;
  const pending = new Map();
  return {
    setTimer: (fn, ms) => { const id = next++; pending.set(id, { fn, ms }); return id; },
    clearTimer: (id) => { pending.delete(id); },
    /** Runs every timer due now (and ones they schedule), then lets promises settle. */
    async runAll() {
      for (let round = 0; round < 20 && pending.size > 0; round++) {
        const due = [...pending.entries()];
        pending.clear();
        for (const [, { fn }] of due) fn();
        await settle();
      }
      await settle();
    },
    get count() { return pending.size; },
  };
}

export async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}
