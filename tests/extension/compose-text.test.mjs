// Reading the user's draft out of each site's editor markup, exactly as typed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composePage } from './helpers/compose-fixtures.mjs';

const page = (body) => composePage(body);

function read(body, selector = '[contenteditable]') {
  const { BotLens, document } = page(body);
  return BotLens.compose.text.readEditor(document.querySelector(selector)).text;
}

/** X's Draft.js markup: one div[data-block] per line, an empty line holds a placeholder <br>. */
function draftBlock(text) {
  const inner = text ? `<span data-offset-key="k"><span data-text="true">${text}</span></span>` : '<span data-offset-key="k"><br data-text="true"></span>';
  return `<div data-block="true" data-offset-key="k-0-0"><div class="public-DraftStyleDefault-block">${inner}</div></div>`;
}

test('X (Draft.js): one line per block, empty blocks are empty lines, placeholder <br>s add nothing', () => {
  const html = `<div class="DraftEditor-root"><div class="public-DraftEditorPlaceholder-root">What is happening?!</div>
    <div class="public-DraftEditor-content" contenteditable="true" role="textbox" data-testid="tweetTextarea_0"><div data-contents="true">`
    + draftBlock('First line 🚀') + draftBlock('') + draftBlock('Third #line') + '</div></div></div>';
  assert.equal(read(html, '[data-testid="tweetTextarea_0"]'), 'First line 🚀\n\nThird #line');
});

test('Bluesky (ProseMirror): paragraphs, a hard break, the trailing break and separator are not text', () => {
  const html = '<div class="ProseMirror" contenteditable="true" role="textbox">'
    + '<p>one<br>two<img class="ProseMirror-separator" alt=""><br class="ProseMirror-trailingBreak"></p>'
    + '<p><br class="ProseMirror-trailingBreak"></p><p>three</p></div>';
  assert.equal(read(html), 'one\ntwo\n\nthree');
});

test('Reddit (Lexical) empty paragraphs and YouTube <img alt> emoji are read as posted', () => {
  assert.equal(read('<div contenteditable="true"><p><span data-lexical-text="true">Hi r/all</span></p><p><br></p><p><span>bye</span></p></div>'), 'Hi r/all\n\nbye');
  const youtube = '<ytd-commentbox><div id="contenteditable-root" contenteditable="true">Great <img class="emoji" alt="😂" src="x.png">video<br>second</div></ytd-commentbox>';
  assert.equal(read(youtube, '#contenteditable-root'), 'Great 😂video\nsecond');
});

test('nothing the user typed is dropped: ZWJ emoji, flags, RTL, combining marks, zero-width and bidi marks', () => {
  const typed = 'مرحبا بالعالم \u200F👨\u200D👩\u200D👧 🇺🇦 e\u0301 a\u200Bb \u2066isolate\u2069 𝒳';
  assert.equal(read(`<div contenteditable="true"><p>${typed}</p></div>`), typed);
  const { BotLens, document } = page('<textarea class="autosuggest-textarea__textarea"></textarea>');
  const textarea = document.querySelector('textarea');
  textarea.value = `${typed}\n\n  indented\t`;
  assert.equal(BotLens.compose.text.readEditor(textarea).text, `${typed}\n\n  indented\t`);
});

test('editor markers are not text: Slate zero-width spans and our own elements', () => {
  const html = '<div contenteditable="true"><p>keep<span data-slate-zero-width="n">\uFEFF<br></span></p>'
    + '<p>this<span data-botlens="badge">NOT THIS</span></p></div>';
  assert.equal(read(html), 'keep\nthis');
});

test('spanBoundaries: a UTF-16 span maps onto the editor text nodes it covers, across blocks', () => {
  const { BotLens, document } = page('<div contenteditable="true"><p>ab 😀 cd</p><p>ef <img alt="🎉"> gh</p></div>');
  const { readEditor, spanBoundaries } = BotLens.compose.text;
  const extraction = readEditor(document.querySelector('[contenteditable]'));
  assert.equal(extraction.text, 'ab 😀 cd\nef 🎉 gh');
  const [first, second] = document.querySelectorAll('p');

  const emoji = spanBoundaries(extraction.pieces, [3, 5]);
  assert.equal(extraction.text.slice(3, 5), '😀');
  assert.equal(emoji.start.node, first.firstChild);
  assert.equal(emoji.start.offset, 3);
  assert.equal(emoji.end.offset, 5);

  const across = spanBoundaries(extraction.pieces, [6, 11]);
  assert.equal(extraction.text.slice(6, 11), 'cd\nef');
  assert.equal(across.start.node, first.firstChild);
  assert.equal(across.end.node, second.firstChild);
  assert.equal(across.end.offset, 2);

  const image = spanBoundaries(extraction.pieces, [12, 14]);
  assert.equal(image.start.node, second, 'an <img> is selected as a whole');
  assert.equal(image.start.offset, 1);
  assert.equal(image.end.offset, 2);

  assert.equal(spanBoundaries(extraction.pieces, [0, 99]), null, 'a span past the text maps to nothing');
});

test('editorAt: the compose box an element is in, on each site; nothing outside one', () => {
  const cases = [
    ['x', '<div data-testid="tweetTextarea_0_label" id="no"></div><div contenteditable="true" data-testid="tweetTextarea_0" id="in">a</div>', 'tweetTextarea_0'],
    ['mastodon', '<textarea class="autosuggest-textarea__textarea" id="m"></textarea><textarea id="no"></textarea>', 'm'],
    ['bluesky', '<div data-testid="composePostView" id="no"><div class="tiptap ProseMirror" contenteditable="true" id="b"><p id="in">x</p></div></div>', 'b'],
    ['reddit', '<comment-composer-host id="no"><shreddit-composer><div contenteditable="true" id="r"><p id="in">x</p></div></shreddit-composer></comment-composer-host>', 'r'],
    ['youtube', '<ytd-commentbox><div id="contenteditable-root" contenteditable="true"></div></ytd-commentbox><div id="no" contenteditable="true"></div>', 'contenteditable-root'],
  ];
  for (const [platform, body, id] of cases) {
    const { BotLens, document } = page(body);
    const { editorAt } = BotLens.compose.editors;
    const editor = document.getElementById(id) || document.querySelector(`[data-testid="${id}"]`);
    assert.equal(editorAt(editor, platform), editor, `${platform}: the box itself`);
    const inside = document.getElementById('in');
    if (inside) assert.equal(editorAt(inside, platform), editor, `${platform}: an element inside the box`);
    assert.equal(editorAt(document.getElementById('no'), platform), null, `${platform}: an element that is no compose box`);
    assert.equal(editorAt(document.body, platform), null, `${platform}: the page around it`);
  }
});

test('editorAt: an editor nested in another editor’s DOM is the same box, the outermost', () => {
  const { BotLens, document } = page('<shreddit-composer><div contenteditable="true" id="outer"><div contenteditable="true" id="nested"><p id="caret">x</p></div></div></shreddit-composer>');
  assert.equal(BotLens.compose.editors.editorAt(document.getElementById('caret'), 'reddit'), document.getElementById('outer'));
});

test('Reddit’s faceplate-textarea-input: the textarea inside its open shadow root is the editor', () => {
  const { BotLens, document } = page('<shreddit-composer><faceplate-textarea-input name="title"></faceplate-textarea-input></shreddit-composer>');
  const host = document.querySelector('faceplate-textarea-input');
  const inner = document.createElement('textarea');
  host.attachShadow({ mode: 'open' }).append(inner);
  const { editorAt } = BotLens.compose.editors;
  assert.equal(editorAt(inner, 'reddit'), inner, 'focus lands on the textarea inside the shadow root');
  assert.equal(editorAt(host, 'reddit'), inner, 'or is seen at the host it is retargeted to');
});

test('editorForSubmit pairs a clicked Post button with the box it belongs to', () => {
  const box = (n) => `<div class="reply" id="reply-${n}"><div contenteditable="true" data-testid="tweetTextarea_0">t${n}</div>`
    + `<div data-testid="toolBar"><button data-testid="tweetButtonInline"><span id="label-${n}">Reply</span></button></div></div>`;
  const { BotLens, document } = page(box(1) + box(2) + '<button id="elsewhere">Other</button>');
  const { editorAt, editorForSubmit } = BotLens.compose.editors;
  const editors = [...document.querySelectorAll('[data-testid="tweetTextarea_0"]')].map((box) => editorAt(box, 'x'));
  assert.equal(editorForSubmit(document.getElementById('label-2'), editors, 'x'), editors[1]);
  assert.equal(editorForSubmit(document.getElementById('label-1'), editors, 'x'), editors[0]);
  assert.equal(editorForSubmit(document.getElementById('elsewhere'), editors, 'x'), null);
});
