// @ts-check
'use strict';
/**
 * Where each site's compose boxes are, in one object so a redesign is a one-line fix.
 *
 *   editor   the element the user types into: a <textarea>, a contenteditable, or a custom
 *            element whose open shadow root holds the textarea (Reddit's faceplate inputs)
 *   submit   the buttons that send what is in the box (to remember the user's own posts)
 *
 * X's editor is Draft.js (the contenteditable carries the test id); Bluesky's is TipTap over
 * ProseMirror; Reddit's shreddit-composer is Lexical in the light DOM; YouTube's comment box
 * is a plain contenteditable inside ytd-commentbox.
 */
(function (BotLens) {
  const selectors = {
    x: {
      editor: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
      submit: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
    },
    mastodon: {
      editor: 'textarea.autosuggest-textarea__textarea',
      submit: '.compose-form__publish button, .compose-form button[type="submit"]',
    },
    bluesky: {
      editor: '.ProseMirror[contenteditable="true"]',
      submit: '[data-testid="composerPublishBtn"]',
    },
    reddit: {
      editor: [
        'shreddit-composer [contenteditable="true"]',
        'comment-composer-host [contenteditable="true"]',
        'faceplate-textarea-input',
        'shreddit-composer textarea',
      ].join(', '),
      submit: 'button[type="submit"], button[slot="submit-button"], #submit-post-button',
    },
    youtube: {
      editor: 'ytd-commentbox #contenteditable-root',
      submit: 'ytd-commentbox #submit-button button, ytd-commentbox #submit-button',
    },
  };

  /** @typedef {keyof typeof selectors} ComposePlatform */

  /** @param {string} platform @returns {platform is ComposePlatform} */
  function supports(platform) {
    return Object.prototype.hasOwnProperty.call(selectors, platform);
  }

  /**
   * The element that actually holds the text: the element itself, or the textarea inside a
   * custom element's open shadow root. A closed shadow root cannot be read and is skipped.
   * @param {Element} element
   * @returns {HTMLTextAreaElement | HTMLElement | null}
   */
  function resolveEditor(element) {
    const tag = element.tagName.toLowerCase();
    if (tag === 'textarea') return /** @type {HTMLTextAreaElement} */ (element);
    if (tag.includes('-') && !element.hasAttribute('contenteditable')) {
      const inner = element.shadowRoot && element.shadowRoot.querySelector('textarea');
      return /** @type {HTMLTextAreaElement | null} */ (inner);
    }
    return /** @type {HTMLElement} */ (element);
  }

  /**
   * Every compose box in or under the given roots, outermost editable only (an editor nested in
   * another editor's DOM is the same box). A rescan passes only what the page changed, so the
   * roots themselves count too. Custom elements whose shadow root holds no textarea yet (not
   * upgraded) go to `unresolved`, for the caller to look at again.
   * @param {ParentNode | ParentNode[]} roots @param {ComposePlatform} platform
   * @param {Set<Element>} [unresolved]
   * @returns {Array<HTMLTextAreaElement | HTMLElement>}
   */
  function findEditors(roots, platform, unresolved) {
    const selector = selectors[platform].editor;
    /** @type {Element[]} */
    const candidates = [];
    for (const root of Array.isArray(roots) ? roots : [roots]) {
      if (/** @type {Node} */ (root).nodeType === 1 && /** @type {Element} */ (root).matches(selector)) {
        candidates.push(/** @type {Element} */ (root));
      }
      // Most changed parts hold no editor: asking for the first match is much cheaper than for all.
      if (root.querySelector(selector)) candidates.push(...root.querySelectorAll(selector));
    }
    const found = [];
    for (const element of candidates) {
      const editor = resolveEditor(element);
      if (!editor) {
        if (unresolved) unresolved.add(element);
        continue;
      }
      if (found.includes(editor)) continue;
      if (found.some((outer) => outer.contains(editor))) continue;
      found.push(editor);
    }
    return found;
  }

  /** The element in the page's light DOM that stands for an editor (the shadow host, if any). */
  function lightAnchor(/** @type {Element} */ editor) {
    const root = /** @type {any} */ (editor.getRootNode());
    return root && root.host ? /** @type {Element} */ (root.host) : editor;
  }

  /**
   * The editor a clicked submit button sends: the one sharing the closest ancestor with the
   * button, provided no other editor lives under that ancestor (a timeline can show several
   * reply boxes, each with its own button).
   * @param {Element} target what was clicked
   * @param {Element[]} editors the editors being watched
   * @param {ComposePlatform} platform
   * @returns {Element | null}
   */
  function editorForSubmit(target, editors, platform) {
    const button = target.closest(selectors[platform].submit);
    if (!button) return null;
    for (let ancestor = button.parentElement; ancestor; ancestor = ancestor.parentElement) {
      const inside = editors.filter((editor) => ancestor.contains(lightAnchor(editor)));
      if (inside.length === 1) return inside[0];
      if (inside.length > 1) return null;
    }
    return null;
  }

  BotLens.compose = Object.assign(BotLens.compose || {}, {
    editors: { selectors, supports, resolveEditor, findEditors, editorForSubmit },
  });
})((globalThis.BotLens ??= {}));
