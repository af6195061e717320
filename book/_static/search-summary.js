// Search results summarise each page from its text, not from its buttons.
// Sphinx's searchtools builds a result's summary from the text of the page's [role="main"]
// element. In pydata-sphinx-theme that element also holds the article header, whose download
// menu reads ".md .pdf", so a page found by its title was summarised as "....pdf". The page is
// handed over without the header, the sidebars and the previous/next links.
// The page's printed table of contents (hidden on screen) is left out too: a page found by a
// word of a section title was summarised as "...Contents 6.2.1. NLLLoss: ...".
// So is folded code ("Show code cell source"): a figure's drawing code, matched by
// "enume*rate*(...)", was the first chapter's summary for "learning rate".
// Opened as files (file://, `make book` then a double click on index.html), the browser refuses
// to fetch the pages, so no summary can be made: each result failed with an error and the page
// gave no reason. Results are then listed by title, under a note that says how to get summaries.
// Loaded on search.html only (book/_ext/course_site.py).
if (window.location.protocol === "file:" && typeof DOCUMENTATION_OPTIONS !== "undefined") {
  DOCUMENTATION_OPTIONS.SHOW_SEARCH_SUMMARY = false;
  document.addEventListener("DOMContentLoaded", () => {
    const results = document.getElementById("search-results");
    if (!results) return;
    const note = document.createElement("p");
    note.className = "course-file-note";
    note.innerHTML =
      "This copy of the course is opened as files, so results show without a summary of each " +
      "page. For the full search, run <code>make serve</code> in the course folder and open " +
      "<a href=\"http://localhost:8000/search.html\">http://localhost:8000</a>.";
    results.before(note);
  });
}
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return;
  const htmlToText = Search.htmlToText;
  const chrome =
    ".bd-header-article, .bd-sidebar-secondary, .prev-next-area, footer, #jb-print-docs-body," +
    " details.hide";
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(chrome).forEach((element) => element.remove());
    return htmlToText(doc.documentElement.outerHTML, anchor);
  };
});
