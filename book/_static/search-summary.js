// Search results summarise each page from its text, not from its buttons.
// Sphinx's searchtools builds a result's summary from the text of the page's [role="main"]
// element. In pydata-sphinx-theme that element also holds the article header, whose download
// menu reads ".md .pdf", so a page found by its title was summarised as "....pdf". The page is
// handed over without the header, the sidebars and the previous/next links.
// Loaded on search.html only (book/_ext/course_site.py).
document.addEventListener("DOMContentLoaded", () => {
  if (typeof Search === "undefined" || typeof Search.htmlToText !== "function") return;
  const htmlToText = Search.htmlToText;
  const chrome = ".bd-header-article, .bd-sidebar-secondary, .prev-next-area, footer";
  Search.htmlToText = (htmlString, anchor) => {
    const doc = new DOMParser().parseFromString(htmlString, "text/html");
    doc.querySelectorAll(chrome).forEach((element) => element.remove());
    return htmlToText(doc.documentElement.outerHTML, anchor);
  };
});
