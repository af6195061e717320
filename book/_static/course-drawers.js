/* On a phone the chapter list (☰) and the page's contents open as drawers over the page
   (pydata-sphinx-theme's modal dialogs). Following a link to another page closes a drawer by
   leaving the page, but a link to a section of the same page only scrolls behind the drawer,
   which then still covers the section the reader asked for. Close the drawer first. */
(() => {
  document.addEventListener("click", (event) => {
    const link = event.target.closest("dialog[open] a[href]");
    if (link && link.hash && link.pathname === window.location.pathname) {
      link.closest("dialog").close();
    }
  });
})();
