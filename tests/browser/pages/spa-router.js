// Served to every fake site: in-app navigation like the real single-page apps. A click on an internal link
// swaps the app's markup and pushes the URL; the document (and the extension's content script) stays.
(() => {
  const root = document.querySelector('[data-app-root]');
  document.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href^="/"]') : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    const path = link.getAttribute('href');
    const response = await fetch(`/__test/app?path=${encodeURIComponent(path)}`);
    if (!response.ok) {
      location.assign(path);
      return;
    }
    const page = await response.json();
    history.pushState({}, '', path);
    document.title = page.title;
    root.replaceChildren(document.createRange().createContextualFragment(page.html));
    window.scrollTo(0, 0);
    document.dispatchEvent(new Event('botlens-test:navigated'));
  });
})();
