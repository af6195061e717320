// One working ☰ on every page, at every width.
// sphinx-book-theme renders its own .primary-toggle (and .secondary-toggle) in the article
// header, and pydata-sphinx-theme >= 0.17 renders a second pair in its navbar. The base theme
// wires only the first match of each selector (document.querySelector), which may be the
// hidden one; pressing the visible one then does nothing (pydata-sphinx-theme issue 2451,
// sphinx-book-theme issue 999). Every other toggle forwards its press to the wired one, so the
// drawer opens whichever button the layout shows, and this keeps working if a later theme
// release fixes the clash (one button per selector: nothing to forward).
document.addEventListener("DOMContentLoaded", () => {
  for (const selector of [".primary-toggle", ".secondary-toggle"]) {
    const [wired, ...others] = document.querySelectorAll(selector);
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        wired.click();
      });
    }
  }
});
