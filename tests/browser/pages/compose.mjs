// Compose boxes as the sites build them: X's Draft.js editor (a contenteditable carrying the tweetTextarea test
// id, with Draft's block wrappers), Mastodon's compose form (a plain textarea with autosuggest classes),
// Bluesky's composer (TipTap over ProseMirror), Reddit's submit form (the title is a faceplate-textarea-input
// whose open shadow root holds the textarea; the body a Lexical contenteditable in shreddit-composer) and
// YouTube's comment box (a contenteditable inside ytd-commentbox).

export function xComposePage() {
  return `<main role="main"><div data-testid="primaryColumn"><div role="dialog" aria-label="Compose post">
  <div class="DraftEditor-root"><div class="DraftEditor-editorContainer">
    <div class="notranslate public-DraftEditor-content" contenteditable="true" role="textbox" aria-multiline="true"
      aria-label="Post text" data-testid="tweetTextarea_0" spellcheck="true" tabindex="0"
      style="outline:none;user-select:text;white-space:pre-wrap;overflow-wrap:break-word;min-height:140px;width:560px;border:1px solid #cfd9de;border-radius:8px;padding:12px;font-size:20px">${
      // React renders no whitespace between these elements, and any here would be part of the editor's text.
      '<div data-contents="true"><div data-block="true" data-editor="e1" data-offset-key="e1-0-0"><div data-offset-key="e1-0-0" '
      + 'class="public-DraftStyleDefault-block public-DraftStyleDefault-ltr"><span data-offset-key="e1-0-0"><br data-text="true">'
      + '</span></div></div></div>'}</div>
    </div></div>
  <div><button type="button" data-testid="tweetButton" role="button">Post</button></div>
</div></div></main>`;
}

export function mastodonComposePage() {
  return `<div class="app-holder" id="mastodon"><div class="columns-area"><div class="drawer"><div class="drawer__inner">
  <form class="compose-form"><div class="compose-form__highlightable"><div class="autosuggest-textarea">
    <label><span style="display:none">What's on your mind?</span>
      <textarea class="autosuggest-textarea__textarea" placeholder="What's on your mind?" dir="auto"
        aria-autocomplete="list" style="width:560px;height:180px;font-size:18px;padding:10px"></textarea></label>
  </div></div>
  <div class="compose-form__footer"><div class="compose-form__submit compose-form__publish">
    <button type="submit" class="button">Post</button></div></div></form>
</div></div></div></div>`;
}

export function blueskyComposePage() {
  return `<div><div role="dialog" aria-label="Compose post" data-testid="composePostView">
  <div class="tiptap ProseMirror" contenteditable="true" role="textbox" translate="no" aria-label="Rich-Text Editor"
    style="width:560px;min-height:140px;font-size:18px;padding:10px;border:1px solid #d4dbe2">${'<p><br class="ProseMirror-trailingBreak"></p>'}</div>
  <button type="button" data-testid="composerPublishBtn" aria-label="Publish post">Post</button>
</div></div>`;
}

export function redditSubmitPage() {
  return `<div><shreddit-app><main><r-post-composer-form>
  <faceplate-textarea-input name="title" label="Title" maxlength="300"></faceplate-textarea-input>
  <shreddit-composer name="body"><div contenteditable="true" role="textbox" data-lexical-editor="true"
    style="width:560px;min-height:120px;border:1px solid #ccc">${'<p><br></p>'}</div></shreddit-composer>
  <button type="submit" id="submit-post-button">Post</button>
</r-post-composer-form></main></shreddit-app></div>`;
}

/** Reddit's faceplate inputs are custom elements that render their textarea into an open shadow root. */
export const FACEPLATE_JS = `customElements.define('faceplate-textarea-input', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const area = document.createElement('textarea');
    area.name = this.getAttribute('name') || '';
    area.maxLength = Number(this.getAttribute('maxlength')) || 300;
    area.setAttribute('aria-label', this.getAttribute('label') || '');
    area.setAttribute('style', 'width:560px;height:120px;font-size:18px;padding:10px');
    this.attachShadow({ mode: 'open' }).append(area);
  }
});`;

export function youtubeWatchPage() {
  return `<ytd-app><div id="content"><ytd-watch-flexy><ytd-comments id="comments"><ytd-comment-simplebox-renderer>
  <ytd-commentbox><div id="contenteditable-textarea"><div id="contenteditable-root" contenteditable="true"
    aria-label="Add a comment…" style="width:560px;min-height:60px;font-size:16px;border-bottom:1px solid #ccc"></div></div>
  <ytd-button-renderer id="submit-button"><button aria-label="Comment">Comment</button></ytd-button-renderer></ytd-commentbox>
</ytd-comment-simplebox-renderer></ytd-comments></ytd-watch-flexy></div></ytd-app>`;
}
