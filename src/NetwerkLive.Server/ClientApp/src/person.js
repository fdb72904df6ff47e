// The person token per series (docs/hub-contract.md, "Tokens"): kept in localStorage, so the next event of
// the series recognises this browser's person (met before, blocks). Issue 12 builds "continue as" on it.

const keyOf = (seriesKey) => `netwerklive:person:${seriesKey}`;

/** The person token kept for the series, or null. Storage can be off (private mode): then there is none. */
export function personToken(seriesKey) {
  try {
    return seriesKey ? localStorage.getItem(keyOf(seriesKey)) : null;
  } catch {
    return null;
  }
}

export function keepPersonToken(seriesKey, token) {
  try {
    if (seriesKey && token) localStorage.setItem(keyOf(seriesKey), token);
  } catch {
    // Not kept: the next event of the series meets a new person, which is safe.
  }
}

export function forgetPersonToken(seriesKey) {
  try {
    if (seriesKey) localStorage.removeItem(keyOf(seriesKey));
  } catch {
    // Nothing was kept.
  }
}
