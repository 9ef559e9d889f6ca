// Keyset paging of a list screen (docs/api.md, "Paging"): "next" follows the answer's nextCursor, so a list of millions
// pages as fast at page 1,000 as at page 1; "previous" steps back through the cursors already followed.

/** The pages followed so far: cursor() starts the current one (none for page 1); from(size) is its first row's index. */
export function keysetPages() {
  let cursors = [null];
  let next = null;
  return {
    cursor: () => cursors[cursors.length - 1],
    from: (size) => (cursors.length - 1) * size,
    isFirst: () => cursors.length === 1,
    hasNext: () => Boolean(next),
    /** Remembers the answer's nextCursor (null on the last page). */
    answered: (data) => { next = data.nextCursor || null; },
    forward: () => { if (next) cursors.push(next); },
    back: () => { if (cursors.length > 1) cursors.pop(); },
    reset: () => { cursors = [null]; next = null; },
  };
}
