// chrome.* at the boundary: an in-memory storage area, event objects that record listeners,
// and scripting/permissions that remember what was registered and granted.

function event() {
  const listeners = [];
  return {
    listeners,
    addListener: (fn) => listeners.push(fn),
    removeListener: (fn) => listeners.splice(listeners.indexOf(fn), 1),
    emit: (...args) => listeners.map((fn) => fn(...args)),
  };
}

export function chromeStub({ stored = {}, granted = [], manifest = {} } = {}) {
  const data = { ...stored };
  const onChanged = event();
  const registered = [];
  const grantedOrigins = new Set(granted);
  const chrome = {
    runtime: {
      id: 'botlens-test-id',
      onMessage: event(),
      onInstalled: event(),
      onStartup: event(),
      getManifest: () => manifest,
    },
    storage: {
      local: {
        async get(keys) {
          const list = Array.isArray(keys) ? keys : keys ? [keys] : Object.keys(data);
          return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, structuredClone(data[k])]));
        },
        async set(items) {
          const changes = {};
          for (const [k, v] of Object.entries(items)) {
            changes[k] = { oldValue: data[k], newValue: v };
            data[k] = structuredClone(v);
          }
          onChanged.emit(changes, 'local');
        },
      },
      onChanged,
    },
    permissions: {
      onAdded: event(),
      onRemoved: event(),
      async contains({ origins }) { return origins.every((o) => grantedOrigins.has(o)); },
      async request({ origins }) { origins.forEach((o) => grantedOrigins.add(o)); return true; },
    },
    scripting: {
      registered,
      async getRegisteredContentScripts({ ids } = {}) { return registered.filter((s) => !ids || ids.includes(s.id)); },
      async registerContentScripts(scripts) { registered.push(...structuredClone(scripts)); },
      async unregisterContentScripts({ ids }) {
        for (let i = registered.length - 1; i >= 0; i--) if (ids.includes(registered[i].id)) registered.splice(i, 1);
      },
    },
  };
  return { chrome, data, grantedOrigins };
}

/** Sends a message through the listener the service worker registered, as chrome would. */
export function sendToWorker(chrome, message, sender = { id: chrome.runtime.id }) {
  return new Promise((resolve, reject) => {
    const [listener] = chrome.runtime.onMessage.listeners;
    const keptOpen = listener(message, sender, resolve);
    if (keptOpen !== true) reject(new Error('listener did not keep the channel open'));
  });
}
