// The language switch in every page's header, and what a page does when the language changes:
// the fixed texts (data-text, data-placeholder, data-label) and every <time> are written again at
// once, and the page re-renders the texts it made itself. No reload and no new hub connection: only
// the server's next answers (new API calls, the next hub connection) come in the new language.

import { el, localize } from "./dom.js";
import { strings, language, languages, setLanguage, onLanguageChange, clock, locale } from "./strings.js";

/**
 * Puts the switch in the page's header, fills the page's texts and calls rerender() after every
 * switch (once the fixed texts are done), so the page can write its own texts again.
 */
export function startLanguage(rerender = () => {}) {
  const header = document.querySelector(".topbar");
  const buttons = languages.map((lang) => el("button", {
    class: "language-option",
    testid: `language-${lang}`,
    text: lang.toUpperCase(),
    // The name of each language in itself, so a reader of either finds their own; the name starts
    // with the visible "NL"/"EN", so a voice command naming what is on screen still finds it.
    attrs: { type: "button", lang, "aria-label": buttonName(lang) },
    on: { click: () => setLanguage(lang, { remember: true }) },
  }));
  const group = el("div", { class: "language-switch", testid: "language-switch", attrs: { role: "group" } });
  buttons.forEach((button, i) => group.append(...(i > 0 ? [el("span", { class: "separator", text: "|", attrs: { "aria-hidden": "true" } })] : []), button));
  header?.append(group);

  const render = () => {
    localize(strings);
    group.setAttribute("aria-label", strings.languageSwitch);
    for (const button of buttons) {
      button.setAttribute("aria-pressed", String(button.lang === language));
      button.setAttribute("aria-label", buttonName(button.lang));
    }
    for (const time of document.querySelectorAll("time[datetime]")) time.textContent = clock(Date.parse(time.dateTime));
  };
  render();
  onLanguageChange(() => {
    render();
    rerender();
  });
}

function buttonName(lang) {
  return `${lang.toUpperCase()}, ${strings.languageNames[lang]}`;
}

/** What the server should answer in: the query value it reads first, and the Accept-Language header. */
export function withLanguage(url) {
  const parsed = new URL(url, location.origin);
  parsed.searchParams.set("lang", language);
  return parsed.pathname + parsed.search;
}

export function acceptLanguage() {
  return language === "nl" ? "nl-NL, nl;q=0.9, en;q=0.5" : `${locale()}, en;q=0.9`;
}

/** The person's time zone (IANA id, e.g. Europe/Amsterdam), for times the server writes out (the CSV). */
export function timeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
