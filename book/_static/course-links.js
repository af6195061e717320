/* A link to a section of a page shows that section. Two cases where the theme alone does not:

   - On a phone the chapter list (☰) and the page's contents open as drawers over the page
     (pydata-sphinx-theme's modal dialogs). A link to another page closes its drawer by leaving
     the page, but a link to a section of the same page only scrolls behind the drawer, which
     still covers the section the reader asked for: close the drawer first.
   - Arriving with #section (a shared link, a cross-reference), the browser jumps to the section
     before MathJax has typeset the math above it and before the fonts have loaded; the page
     then grows above the section, which can end up hidden under the header. Once the page has
     settled, jump again, unless the reader has already moved. */
(() => {
  document.addEventListener("click", (event) => {
    const link = event.target.closest("dialog[open] a[href]");
    if (link && link.hash && link.pathname === window.location.pathname) {
      link.closest("dialog").close();
    }
  });

  if (!window.location.hash) return;
  let moved = false;
  for (const type of ["wheel", "touchstart", "keydown", "mousedown"]) {
    window.addEventListener(type, () => { moved = true; }, { once: true, passive: true });
  }
  window.addEventListener("load", async () => {
    if (window.MathJax?.startup?.promise) await window.MathJax.startup.promise;
    await document.fonts.ready;
    let id = window.location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // not percent-encoded: the id as written
    }
    const target = document.getElementById(id);
    if (!moved && target) target.scrollIntoView();
  });
})();
