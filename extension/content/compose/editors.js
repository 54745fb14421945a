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
   * The compose box an element is in (the element the user focused, say), or null. The outermost
   * match counts: an editor nested in another editor's DOM is the same box. The search climbs out
   * of open shadow roots, so the textarea inside Reddit's faceplate-textarea-input finds its host.
   * @param {Element | null} element @param {ComposePlatform} platform
   * @returns {HTMLTextAreaElement | HTMLElement | null}
   */
  function editorAt(element, platform) {
    const selector = selectors[platform].editor;
    /** @type {Element | null} */
    let outermost = null;
    let node = element;
    while (node) {
      const match = node.closest(selector);
      if (match) {
        outermost = match;
        if (match.parentElement) {
          node = match.parentElement;
          continue;
        }
      }
      // Nothing (more) above in this tree: go on from the shadow host, if there is one.
      const root = /** @type {any} */ ((match || node).getRootNode());
      node = root && root.host ? root.host : null;
    }
    return outermost && resolveEditor(outermost);
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
    editors: { selectors, supports, resolveEditor, editorAt, editorForSubmit },
  });
})((globalThis.BotLens ??= {}));
