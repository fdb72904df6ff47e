// The language the person reads, and their texts. `strings` is always the current language's
// dictionary (strings/en.js or strings/nl.js), so code reads `strings.key` and a switch of language
// changes every text the next time it is shown. Dutch for a browser set to nl*, else English; a choice
// made with the switch is remembered in this browser.

import { en } from "./strings/en.js";
import { nl } from "./strings/nl.js";

const dictionaries = { en, nl };
const storageKey = "netwerklive.language";
const listeners = new Set();

/** The current language's texts. Mutated in place by setLanguage, so imports stay valid. */
export const strings = {};

/** "nl" or "en". */
export let language = "en";

export const languages = Object.freeze(Object.keys(dictionaries));

/** The remembered choice, else the browser's first preference: Dutch for nl*, else English. */
export function preferredLanguage() {
  const remembered = readRemembered();
  if (remembered) return remembered;
  const wanted = navigator.languages?.length ? navigator.languages : [navigator.language ?? "en"];
  return wanted.some((tag) => String(tag).toLowerCase().startsWith("nl")) ? "nl" : "en";
}

/**
 * Switches every text to lang and sets <html lang>. remember: keep the choice in this browser
 * (the switch in the header does; the choice made from the browser's settings is not stored).
 */
export function setLanguage(lang, { remember = false } = {}) {
  if (!dictionaries[lang]) return;
  language = lang;
  for (const key of Object.keys(strings)) delete strings[key];
  Object.assign(strings, dictionaries[lang]);
  if (typeof document !== "undefined") document.documentElement.lang = lang;
  if (remember) {
    try {
      localStorage.setItem(storageKey, lang);
    } catch {
      // Private mode or storage full: the choice lasts for this page only.
    }
  }
  for (const listener of listeners) listener(lang);
}

/** Calls listener(lang) after every switch of language; returns a function that stops it. */
export function onLanguageChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A time of day the way the reader writes it, e.g. 14:05 (nl) or 2:05 PM (en). */
export function clock(epochMs) {
  return new Intl.DateTimeFormat(locale(), { hour: "2-digit", minute: "2-digit" }).format(new Date(epochMs));
}

/** Picks the plural form for n in the current language: forms is { one, other } (functions of n or strings). */
export function plural(n, forms) {
  const form = forms[new Intl.PluralRules(locale()).select(n)] ?? forms.other;
  return typeof form === "function" ? form(n) : form;
}

/** The BCP 47 locale for Intl: the Netherlands for Dutch, the browser's own English otherwise. */
export function locale() {
  if (language === "nl") return "nl-NL";
  const english = (navigator.languages ?? []).find((tag) => String(tag).toLowerCase().startsWith("en"));
  return english ?? "en";
}

function readRemembered() {
  try {
    const stored = localStorage.getItem(storageKey);
    return dictionaries[stored] ? stored : null;
  } catch {
    return null;
  }
}

setLanguage(preferredLanguage());
