// Waiting on conditions instead of sleeping for fixed times.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Poll `probe` until it returns a truthy value (returned) or throws (rethrown at once).
 * @template T
 * @param {() => T | Promise<T>} probe
 * @param {{timeout?: number, interval?: number, what?: string}} [options]
 * @returns {Promise<T>}
 */
export async function waitFor(probe, { timeout = 30_000, interval = 100, what = 'a condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(interval);
  }
}
