// Served to the fake timeline: loads the next page of posts whenever the end of the list comes into view,
// the way the real sites' infinite scroll does.
(() => {
  let loading = false;
  function start() {
    const list = document.getElementById('timeline');
    const end = document.getElementById('timeline-end');
    const observer = new IntersectionObserver(async (entries) => {
      if (loading || !entries.some((entry) => entry.isIntersecting)) return;
      const next = Number(list.dataset.next);
      if (next >= Number(list.dataset.total)) {
        end.textContent = 'You are all caught up';
        observer.disconnect();
        return;
      }
      loading = true;
      const response = await fetch(`/__test/timeline?start=${next}`);
      const page = await response.json();
      list.insertAdjacentHTML('beforeend', page.html);
      list.dataset.next = String(page.next);
      loading = false;
      // Still in view after the insert (a short page): keep loading, as the real sites do.
      observer.unobserve(end);
      observer.observe(end);
    });
    observer.observe(end);
  }
  if (document.documentElement.dataset.rendered) start();
  else document.addEventListener('botlens-test:rendered', start, { once: true });
})();
