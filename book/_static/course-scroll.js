/* A figure or output wider than a phone's screen scrolls sideways inside its own box
   (course-width.css). A reader without a mouse or touch screen scrolls it with the arrow
   keys once it has the focus, so every such box that does scroll becomes a tab stop, and
   stops being one when the window grows wide enough to show it whole. pydata-sphinx-theme
   does the same for code blocks and tables, not for cell outputs. A figure or a table that
   scrolls says so. */
(() => {
  const SCROLLERS = ".bd-article .cell_output figure, .bd-article .cell_output .output," +
    " .bd-article .pst-scrollable-table-container";

  function updateTabStops() {
    document.querySelectorAll(SCROLLERS).forEach((box) => {
      const scrolls = box.scrollWidth > box.clientWidth;
      if (scrolls) {
        box.setAttribute("tabindex", "0");
      } else if (box.getAttribute("tabindex") === "0") {
        box.removeAttribute("tabindex");
      }
      // A touch screen shows no scroll bar: a figure or table says itself that there is more
      // of it (a legend, a right-hand panel, a column) beyond the screen's edge
      // (course-width.css).
      box.classList.toggle("course-scrolls", scrolls);
    });
  }

  let pending = null;
  window.addEventListener("resize", () => {
    clearTimeout(pending);
    pending = setTimeout(updateTabStops, 200);
  });
  // Images set a figure's width only once they have loaded.
  window.addEventListener("load", updateTabStops);
})();
