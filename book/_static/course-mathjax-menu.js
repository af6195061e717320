// MathJax's menu as this site ships MathJax: the CommonHTML output and hidden MathML for screen
// readers are vendored, the SVG output and the speech engine (4.6 MB) are not. The two menu
// items that would load them are disabled, so that a reader cannot pick a setting whose files
// are missing (a 404 and math that no longer renders). Loaded only on pages with math, after
// the `window.MathJax = {...}` configuration and before MathJax itself (deferred) starts.
if (window.MathJax) {
  window.MathJax.startup = {
    ...window.MathJax.startup,
    ready() {
      MathJax.startup.defaultReady();
      const menu = MathJax.startup.document.menu && MathJax.startup.document.menu.menu;
      for (const path of [["Settings", "Renderer", "SVG"], ["Options", "Enrich"]]) {
        const item = menu && menu.findID(...path);
        if (item) item.disable();
      }
    },
  };
}
