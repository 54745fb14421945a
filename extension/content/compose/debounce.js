// @ts-check
'use strict';
/**
 * Runs a function once input has paused: each call restarts the wait. The timer functions are
 * passed in so tests drive time instead of waiting for it.
 */
(function (BotLens) {
  /**
   * @param {() => void} fn
   * @param {number} waitMs
   * @param {{ setTimeout: (fn: () => void, ms: number) => any, clearTimeout: (id: any) => void }} timers
   */
  function debounce(fn, waitMs, timers) {
    /** @type {any} */
    let timer = null;
    const cancel = () => {
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    };
    const call = () => {
      cancel();
      timer = timers.setTimeout(() => {
        timer = null;
        fn();
      }, waitMs);
    };
    return { call, cancel, get pending() { return timer !== null; } };
  }

  BotLens.compose = Object.assign(BotLens.compose || {}, { debounce });
})((globalThis.BotLens ??= {}));
