/* A link to a section of a page shows that section, a download link downloads, and the header's
   buttons keep the keyboard focus. Where the theme alone does not:

   - On a phone the chapter list (☰) and the page's contents open as drawers over the page
     (pydata-sphinx-theme's modal dialogs). A link to another page closes its drawer by leaving
     the page, but a link to a section of the same page only scrolls behind the drawer, which
     still covers the section the reader asked for: close the drawer first.
   - Arriving with #section (a shared link, a cross-reference), the browser jumps to the section
     before MathJax has typeset the math above it and before the fonts have loaded; the page
     then grows above the section, which can end up hidden under the header. Once the page has
     settled, jump again, unless the reader has already moved.
   - The drawers and the search box are modal dialogs that a button opens (☰, contents, search),
     but the theme takes the focus off that button as it is pressed, so Escape (or a click
     outside) closed the dialog with the focus nowhere: the reader's next Tab started again from
     the top of the page. Closing a dialog gives the focus back to the button that opened it
     (not after following a link to a section: the focus goes on from that section). The same
     blur left the focus nowhere after pressing, with Enter or Space, the colour-mode button or
     the ☰ of a wide window (which folds the sidebar, no dialog): pressing it again did nothing.
     A button pressed from the keyboard keeps the focus.
   - "Skip to main content" leaves the focus at the start of the page's text (see below).
   - A header button's tooltip (its name, shown on hover or focus) stayed until the pointer or
     the focus moved away, over what lies below it: Escape hides it (WCAG 1.4.13). */
(() => {
  let opener = null; // the button that opened the dialog now open
  // A button just pressed, until a timer sees what the press did. On a busy machine the
  // browser handles the reader's keys before its timers, so Escape can close the dialog
  // before that timer runs: the button pressed is then the one that opened it.
  let pressed = null;
  document.addEventListener(
    "click",
    (event) => {
      // Capturing: before the theme's own listener on the button takes the focus away.
      const button = event.target.closest(
        ".primary-toggle, .secondary-toggle, .search-button__button, .theme-switch-button",
      );
      if (!button) return;
      pressed = button;
      setTimeout(() => {
        if (pressed !== button) return; // the dialog it opened has closed already
        pressed = null;
        if (document.querySelector("dialog[open]")) {
          opener = button; // it opened a drawer or the search box
        } else if (event.detail === 0 && document.activeElement === document.body) {
          // Pressed with Enter or Space: the focus stays on the button.
          if (button.checkVisibility()) button.focus();
        }
      });
    },
    true,
  );
  document.addEventListener(
    "close",
    (event) => {
      const dialog = event.target;
      const back = opener || pressed;
      opener = pressed = null;
      const lost =
        document.activeElement === document.body || dialog.contains(document.activeElement);
      if (back && lost && back.checkVisibility()) back.focus();
    },
    true, // "close" does not bubble
  );
  document.addEventListener("click", (event) => {
    const link = event.target.closest("dialog[open] a[href]");
    if (link && link.hash && link.pathname === window.location.pathname) {
      opener = pressed = null;
      link.closest("dialog").close();
    }
  });

  // "Skip to main content" (the first Tab of every page) leads to the theme's <main>, which
  // begins with the article header: the reader's next Tab landed on the header's buttons (☰,
  // download...) instead of the page's text. It moves the focus to the article itself, so the
  // next Tab reaches the first link of the text (on the search page, its search box).
  document.addEventListener("click", (event) => {
    const skip = event.target.closest("#pst-skip-link a, a.skip-link");
    const article = document.querySelector("article.bd-article, .bd-search-container");
    if (!skip || !article) return;
    event.preventDefault();
    article.setAttribute("tabindex", "-1");
    article.focus({ preventScroll: true });
    article.scrollIntoView({ block: "start" });
  });

  // The download menu's .md and .ipynb entries download the file. The theme opens them in a
  // new tab, where the browser shows the .md (served as text) as a page of raw text instead of
  // saving it, and a server that labels .ipynb as JSON would show the notebook as JSON too.
  // Opened as files (file://, no server) the browser ignores "download" and showed the file as
  // raw text in place of the page. There the entry leaves the page as it is and says where the
  // file is in the course folder, and that `make serve` makes the menu download it.
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".dropdown-download-buttons a[href]").forEach((link) => {
      link.setAttribute("download", "");
      link.removeAttribute("target");
      if (window.location.protocol === "file:") link.addEventListener("click", fromFiles);
    });
  });
  function fromFiles(event) {
    event.preventDefault();
    const root = new URL(document.documentElement.dataset.content_root || "./", window.location);
    const inSite = decodeURIComponent(this.href.slice(root.href.length)); // _sources/book/x.md
    const file = inSite.endsWith(".md")
      ? inSite.replace(/^_sources\//, "")
      : `_build/html/${inSite}`;
    document.querySelector(".course-file-note")?.remove();
    const note = document.createElement("p");
    note.className = "course-file-note";
    note.setAttribute("role", "status");
    note.innerHTML =
      "This copy of the course is opened as files, where the browser does not download. " +
      "The file is in the course folder: <code></code>. To download from this menu, run " +
      "<code>make serve</code> and open <a href=\"http://localhost:8000/\">http://localhost:8000</a>.";
    note.querySelector("code").textContent = file;
    document.querySelector("article.bd-article")?.prepend(note);
    note.scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    for (const button of document.querySelectorAll('[data-bs-toggle="tooltip"]')) {
      window.bootstrap?.Tooltip.getInstance(button)?.hide();
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
