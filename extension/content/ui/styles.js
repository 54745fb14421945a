// @ts-check
'use strict';
/**
 * Styles for the badge and its card, applied inside their shadow roots so the page's CSS
 * cannot restyle them and ours cannot leak out. Colours pass WCAG AA on white and dark
 * backgrounds; every tone also has its own shape and word.
 */
(function (BotLens) {
  const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin-inline-start: 4px; }
.badge { all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 3px;
  font: 600 11px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; padding: 1px 6px;
  border-radius: 9px; border: 1.5px solid currentColor; cursor: pointer; white-space: nowrap; background: #fff; }
.badge:focus-visible { outline: 2px solid #1a56db; outline-offset: 2px; }
.symbol { font-size: 10px; }
:host([data-botlens-tone="human"]) .badge { color: #11633a; background: #e7f6ed; }
:host([data-botlens-tone="uncertain"]) .badge { color: #7a4b00; background: #fff4d6; }
:host([data-botlens-tone="bot"]) .badge { color: #a4161a; background: #fde8e8; }
:host([data-botlens-tone="fake"]) .badge { color: #5b2a86; background: #f1e8fb; }
:host([data-botlens-tone="offline"]) .badge, :host([data-botlens-tone="pending"]) .badge { color: #4b5563; background: #f3f4f6; border-style: dashed; }
`;

  const FLOATING_CSS = `
:host { all: initial; }
.panel { position: fixed; z-index: 2147483647; max-width: 340px; box-sizing: border-box;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827;
  background: #fff; border: 1px solid #d1d5db; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.18); padding: 10px 12px; }
.panel h2 { font-size: 14px; margin: 0 0 6px; }
.panel ul { margin: 4px 0 8px; padding-inline-start: 18px; }
.panel li { margin: 2px 0; }
.impact { color: #4b5563; font-variant-numeric: tabular-nums; }
.probabilities { display: grid; grid-template-columns: auto auto; gap: 2px 12px; margin: 6px 0; }
.probabilities dt { color: #4b5563; } .probabilities dd { margin: 0; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
button { font: inherit; padding: 3px 8px; border-radius: 6px; border: 1px solid #9ca3af; background: #f9fafb; color: #111827; cursor: pointer; }
button:focus-visible { outline: 2px solid #1a56db; outline-offset: 1px; }
.close { position: absolute; inset-inline-end: 6px; top: 4px; border: none; background: none; font-size: 16px; }
.status { min-height: 1.2em; margin: 6px 0 0; color: #374151; }
.model { color: #6b7280; font-size: 11px; margin-top: 6px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #111827; color: #f9fafb; border-color: #374151; }
  .impact, .probabilities dt, .model, .status { color: #d1d5db; }
  button { background: #1f2937; color: #f9fafb; border-color: #4b5563; }
}
`;

  /**
   * One constructed sheet per stylesheet text, shared by every shadow root that adopts it:
   * parsing the CSS again for each of a timeline's badges was the content script's largest cost.
   * @type {Map<string, CSSStyleSheet>}
   */
  const sheets = new Map();

  /**
   * Puts CSS into a shadow root. Constructed stylesheets are preferred; a <style> element
   * (filled through textContent) is the fallback where adoptedStyleSheets is unavailable.
   * @param {ShadowRoot} root @param {string} css @param {Document} document
   */
  function applyStyles(root, css, document) {
    try {
      let sheet = sheets.get(css);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        sheets.set(css, sheet);
      }
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = css;
      root.append(style);
    }
  }

  BotLens.styles = { BADGE_CSS, FLOATING_CSS, applyStyles };
})((globalThis.BotLens ??= {}));
