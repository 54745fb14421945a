// @ts-check
'use strict';
/**
 * The reasons preview and the details card. They live in one shadow host on <body>, placed
 * with position: fixed next to the badge, so a post's overflow: hidden cannot clip them.
 * Backend text (reasons) and page text (names) go in through textContent only.
 */
(function (BotLens) {
  const FEEDBACK_CHOICES = /** @type {const} */ ([
    ['human', 'It is a person'],
    ['bot', 'It is a bot'],
    ['fake_follower', 'It is a fake follower'],
  ]);

  /** @param {number} impact */
  function formatImpact(impact) {
    if (!Number.isFinite(impact)) return '';
    return `${impact >= 0 ? '+' : '−'}${Math.abs(impact).toFixed(2)}`;
  }

  class FloatingLayer {
    /** @param {Document} document */
    constructor(document) {
      this.document = document;
      this.host = null;
      this.root = null;
      this.panel = null;
      /** @type {HTMLElement | null} */
      this.returnFocus = null;
      this.mode = /** @type {'none'|'preview'|'card'} */ ('none');
      this.onKey = (/** @type {KeyboardEvent} */ event) => {
        if (event.key === 'Escape' && this.mode === 'card') this.close();
      };
    }

    ensureRoot() {
      if (this.host && this.host.isConnected && this.root) return this.root;
      this.host = this.document.createElement('div');
      this.host.setAttribute('data-botlens', 'floating');
      this.root = this.host.attachShadow({ mode: 'open' });
      BotLens.styles.applyStyles(this.root, BotLens.styles.FLOATING_CSS, this.document);
      (this.document.body || this.document.documentElement).append(this.host);
      return this.root;
    }

    /** @param {HTMLElement} panel @param {Element} anchor */
    place(panel, anchor) {
      const rect = anchor.getBoundingClientRect();
      const view = this.document.defaultView;
      const width = view ? view.innerWidth : 1024;
      panel.style.left = `${Math.max(8, Math.min(rect.left, width - 348))}px`;
      panel.style.top = `${rect.bottom + 6}px`;
    }

    /** @param {string} tag @param {string} [className] @param {string} [textValue] */
    el(tag, className, textValue) {
      const node = this.document.createElement(tag);
      if (className) node.className = className;
      if (textValue !== undefined) node.textContent = textValue;
      return node;
    }

    /** @param {import('./verdict.js').BadgeView} view */
    reasonsList(view) {
      const list = this.el('ul', 'reasons');
      for (const reason of view.reasons.slice(0, 6)) {
        const item = this.el('li');
        item.append(this.document.createTextNode(`${reason.message} `));
        item.append(this.el('span', 'impact', `(${formatImpact(Number(reason.impact))})`));
        list.append(item);
      }
      return list;
    }

    /** @param {Element} anchor @param {import('./verdict.js').BadgeView} view */
    showPreview(anchor, view) {
      if (this.mode === 'card') return;
      const root = this.ensureRoot();
      this.clear();
      const panel = this.el('div', 'panel');
      panel.setAttribute('role', 'tooltip');
      panel.append(this.el('strong', '', view.word));
      if (view.reasons.length) panel.append(this.reasonsList(view));
      else panel.append(this.el('p', 'status', view.label));
      this.place(panel, anchor);
      root.append(panel);
      this.panel = panel;
      this.mode = 'preview';
    }

    endPreview() {
      if (this.mode === 'preview') this.clear();
    }

    /**
     * @param {HTMLElement} badgeButton
     * @param {import('./verdict.js').BadgeView} view
     * @param {{ handle: string, onFeedback: (label: string) => Promise<{ ok: boolean, error?: { message: string } }> }} options
     */
    showCard(badgeButton, view, { handle, onFeedback }) {
      const root = this.ensureRoot();
      this.clear();
      this.returnFocus = badgeButton;
      const panel = this.el('div', 'panel');
      panel.setAttribute('role', 'dialog');
      panel.setAttribute('aria-label', `BotLens details for ${handle}`);
      const close = this.el('button', 'close', '×');
      close.setAttribute('aria-label', 'Close');
      close.addEventListener('click', () => this.close());
      panel.append(close, this.el('h2', '', `${handle}: ${view.word}`));

      if (view.botProbability !== null && view.fakeProbability !== null) {
        const probabilities = this.el('dl', 'probabilities');
        probabilities.append(
          this.el('dt', '', 'Bot probability'), this.el('dd', '', BotLens.verdict.percent(view.botProbability)),
          this.el('dt', '', 'Fake-follower probability'), this.el('dd', '', BotLens.verdict.percent(view.fakeProbability)),
        );
        panel.append(probabilities);
        if (view.reasons.length) panel.append(this.el('p', '', 'Why:'), this.reasonsList(view));
        panel.append(this.feedbackSection(onFeedback));
        if (BotLens.audit) panel.append(BotLens.audit.cardButton(this.document, handle));
        if (view.modelVersion) panel.append(this.el('p', 'model', `Model ${view.modelVersion}`));
      } else {
        panel.append(this.el('p', 'status', view.label));
      }
      this.place(panel, badgeButton);
      root.append(panel);
      this.panel = panel;
      this.mode = 'card';
      this.document.addEventListener('keydown', this.onKey, true);
      close.focus();
    }

    /** @param {(label: string) => Promise<{ ok: boolean, error?: { message: string } }>} onFeedback */
    feedbackSection(onFeedback) {
      const section = this.el('div');
      section.append(this.el('p', '', 'Report a mistake:'));
      const actions = this.el('div', 'actions');
      const status = this.el('p', 'status');
      status.setAttribute('role', 'status');
      for (const [label, caption] of FEEDBACK_CHOICES) {
        const button = this.el('button', '', caption);
        button.setAttribute('data-label', label);
        button.addEventListener('click', async () => {
          status.textContent = 'Sending…';
          const reply = await onFeedback(label);
          status.textContent = reply.ok ? 'Thank you — sent to your BotLens backend.' : `Not sent: ${reply.error ? reply.error.message : 'unknown error'}`;
        });
        actions.append(button);
      }
      section.append(actions, status);
      return section;
    }

    close() {
      const target = this.returnFocus;
      this.clear();
      this.returnFocus = null;
      if (target && target.isConnected) target.focus();
    }

    clear() {
      if (this.panel) this.panel.remove();
      this.panel = null;
      if (this.mode === 'card') this.document.removeEventListener('keydown', this.onKey, true);
      this.mode = 'none';
    }
  }

  BotLens.FloatingLayer = FloatingLayer;
  BotLens.floatingFormat = { formatImpact };
})((globalThis.BotLens ??= {}));
