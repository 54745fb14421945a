// @ts-check
'use strict';
/**
 * Mastodon's web UI (open source: app/javascript/mastodon in mastodon/mastodon). Class names are
 * part of its public theming surface and stable across 3.x-4.x. The counts link carries the exact
 * figure in its title (intl.formatNumber of the count, see number_fields.tsx) while the visible
 * text is shortened ("1.2K"). Runs on any instance the user added in the options page.
 */
(function (BotLens) {
  const { text, setCount, countFrom, compact, blocksIn } = BotLens.dom;

  const selectors = {
    appRoot: '#mastodon, .app-holder',
    profileHeader: '.account__header',
    profileName: '.account__header h1',
    profileAcct: '.account__header h1 small',
    profileDisplayName: '.account__header h1 .display-name__html, .account__header h1 bdi',
    profileBio: '.account__header__content',
    countsBar: '.account__header__extra__links',
    lockedIcon: '.icon-lock',
    botBadge: '.account__header__badges .bot, .account-role.bot',
    banner: '.account__header__image img',
    avatar: '.account__header .account__avatar img',
    fields: '.account__header__fields dl, .account__header__joined',
    status: '.status, .detailed-status',
    statusAuthor: '.status__display-name, .detailed-status__display-name',
    accountRow: '.account .account__display-name',
    displayNameHtml: '.display-name__html',
    displayNameAcct: '.display-name__account',
  };

  /** Labels Mastodon puts beside the join date in the profile fields, by locale. */
  const JOINED_LABELS = /joined|beigetreten|inscrit|a rejoint|se unió|registrad|iscritt|lid sinds|dołączył|присоединил|登録|가입/i;

  /**
   * Normalises "@user" or "@user@domain" to "user@domain", the form the API's acct lookup takes.
   * @param {string | null} acct @param {string} localHost
   */
  function normaliseAcct(acct, localHost) {
    if (!acct) return null;
    const match = /@?([A-Za-z0-9_.-]+)(?:@([A-Za-z0-9.-]+\.[A-Za-z]{2,}))?/.exec(acct.trim());
    if (!match) return null;
    return `${match[1]}@${(match[2] || localHost).toLowerCase()}`;
  }

  /** @param {Element} header */
  function joinedText(header) {
    for (const field of header.querySelectorAll(selectors.fields)) {
      const label = text(field.querySelector('dt')) || text(field);
      if (label && JOINED_LABELS.test(label)) return text(field.querySelector('dd')) || text(field);
    }
    return null;
  }

  /** @param {Document} document @param {Location | URL} location */
  function readProfile(document, location) {
    const header = document.querySelector(selectors.profileHeader);
    const nameEl = document.querySelector(selectors.profileName);
    if (!header || !nameEl) return null;
    // The 4.x redesign drops the <small> acct under the name; the page path still has it (/@user or /@user@domain).
    const pathAcct = /^\/@([^/]+)/.exec(location.pathname);
    const handle = normaliseAcct(text(document.querySelector(selectors.profileAcct)), location.hostname)
      || normaliseAcct(pathAcct ? decodeURIComponent(pathAcct[1]) : null, location.hostname);
    if (!handle) return null;
    const counts = header.querySelector(selectors.countsBar);
    /** @type {import('./registry.js').Profile} */
    const profile = {
      platform: 'mastodon',
      handle,
      display_name: text(document.querySelector(selectors.profileDisplayName)),
      bio: text(header.querySelector(selectors.profileBio)),
      created_at: BotLens.dates.parseJoinDate(joinedText(header)),
      protected: Boolean(nameEl.querySelector(selectors.lockedIcon)),
      self_declared_bot: Boolean(header.querySelector(selectors.botBadge)),
    };
    const banner = header.querySelector(selectors.banner);
    profile.has_banner = Boolean(banner && !/missing\.png/.test(banner.getAttribute('src') || ''));
    const avatar = header.querySelector(selectors.avatar);
    if (avatar) profile.default_avatar = /missing\.png/.test(avatar.getAttribute('src') || '');
    if (counts) {
      for (const link of counts.querySelectorAll('a[title]')) {
        const path = new URL(link.getAttribute('href') || '', location.href).pathname;
        const field = path.endsWith('/followers') ? 'followers_count'
          : path.endsWith('/following') ? 'following_count'
          : /^\/@[^/]+\/?$/.test(path) ? 'posts_count' : null;
        if (field) setCount(profile, field, countFrom(link, 'title'));
      }
    }
    return { kind: /** @type {const} */ ('profile'), anchor: nameEl, profile: compact(profile) };
  }

  /**
   * @param {import('./registry.js').ScanRoot | import('./registry.js').ScanRoot[]} root @param {Location | URL} location
   * @param {import('./registry.js').IsHandled} [isHandled]
   */
  function findAuthors(root, location, isHandled) {
    /** @type {import('./registry.js').Sighting[]} */
    const sightings = [];
    const blocks = blocksIn(root, `${selectors.statusAuthor}, ${selectors.accountRow}`);
    for (const block of blocks) {
      if (isHandled && isHandled(block, block.textContent || '')) continue;
      const handle = normaliseAcct(text(block.querySelector(selectors.displayNameAcct)), location.hostname);
      if (!handle) continue;
      const nameEl = block.querySelector(selectors.displayNameHtml);
      sightings.push({
        kind: 'author',
        anchor: block.parentElement || block,
        block,
        profile: compact({ platform: 'mastodon', handle, display_name: text(nameEl) }),
      });
    }
    return sightings;
  }

  BotLens.adapters.registerAdapter({
    platform: 'mastodon', hosts: null, selectors, profileRoot: selectors.profileHeader, readProfile, findAuthors,
  });
  BotLens.mastodon = { normaliseAcct };
})((globalThis.BotLens ??= {}));
