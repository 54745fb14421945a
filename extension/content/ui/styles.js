// @ts-check
'use strict';
/**
 * Styles for the card and the other panels, applied inside their shadow roots so the page's CSS
 * cannot restyle them and ours cannot leak out (the badges' own sheet is ui/badge.css). Colours
 * pass WCAG AA on white and dark backgrounds.
 */
(function (BotLens) {
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
   * One constructed sheet per stylesheet text, shared by every shadow root that adopts it, so
   * the CSS is parsed once per page however many panels open.
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

  BotLens.styles = { FLOATING_CSS, applyStyles };
})((globalThis.BotLens ??= {}));
