/** At most this many words go into one related-learnings query: a long statement must not make it slow. */
export const RELATED_TERMS_MAX = 24;

/**
 * The words of a draft hypothesis (title, statement, offer) as a Postgres `to_tsquery` that matches any of them:
 * `cart | reminder | hour`. Only letters and digits survive, so nothing the author types can break the query's
 * syntax (`&`, `|`, `!`, `:`, `*`, quotes); words under 3 characters are dropped, and Postgres's English
 * configuration drops stop words and stems the rest. Null when no word is left (then only stage and channel rank).
 */
export function relatedTerms(...texts: (string | null | undefined)[]): string | null {
  const words = texts
    .join(' ')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  const unique = [...new Set((words ?? []).filter((w) => w.length >= 3))].slice(0, RELATED_TERMS_MAX);
  return unique.length ? unique.join(' | ') : null;
}
