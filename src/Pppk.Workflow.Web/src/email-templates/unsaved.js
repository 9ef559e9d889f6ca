// Asks before leaving the editor with unsaved changes: in-app links, back/forward, reload and closing the tab.

const QUESTION = 'Perubahan templat belum disimpan. Tinggalkan halaman ini?';

/** Guards while dirty() holds; returns the function that removes the guard (the page's cleanup). */
export function guardUnsaved(dirty, path) {
  const onClick = (e) => {
    const a = e.target.closest('a[href]');
    if (!a || a.target || !dirty()) return;
    if (!window.confirm(QUESTION)) { e.preventDefault(); e.stopImmediatePropagation(); }
  };
  // Capturing at the window runs before the router's own popstate listener; a refusal puts the editor's address back.
  const onPop = (e) => {
    if (location.pathname === path || !dirty()) return;
    if (!window.confirm(QUESTION)) { e.stopImmediatePropagation(); history.pushState(null, '', path); }
  };
  const onUnload = (e) => { if (dirty()) { e.preventDefault(); e.returnValue = ''; } };
  document.addEventListener('click', onClick, true);
  window.addEventListener('popstate', onPop, true);
  window.addEventListener('beforeunload', onUnload);
  return () => {
    document.removeEventListener('click', onClick, true);
    window.removeEventListener('popstate', onPop, true);
    window.removeEventListener('beforeunload', onUnload);
  };
}
