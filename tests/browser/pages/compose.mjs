// Compose boxes as the sites build them: X's Draft.js editor (a contenteditable carrying the tweetTextarea test
// id, with Draft's block wrappers) and Mastodon's compose form (a plain textarea with autosuggest classes).

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
