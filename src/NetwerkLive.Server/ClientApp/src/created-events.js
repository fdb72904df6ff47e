// The events this browser created, so a host who reloads the landing page (or comes back the next day) still
// has the host link and the guests' link. Kept in localStorage under netwerklive.created-events, newest first,
// at most MAX entries; each can be removed. The host link carries the host token: anyone using this browser
// can open it, which the list says.

import { byTestId, el, show } from "./dom.js";
import { strings, locale } from "./strings.js";

const storageKey = "netwerklive.created-events";
const MAX = 20;

function read() {
  try {
    const list = JSON.parse(localStorage.getItem(storageKey) ?? "[]");
    return Array.isArray(list) ? list.filter((e) => e && typeof e.eventId === "string") : [];
  } catch {
    return [];
  }
}

function write(list) {
  try {
    localStorage.setItem(storageKey, JSON.stringify(list.slice(0, MAX)));
  } catch {
    // Private mode or storage full: the list is not kept, the links on the page still work.
  }
}

/** Remembers a newly created event: { eventId, title, hostUrl, joinUrl, createdAt (epoch ms) }. */
export function rememberCreatedEvent(created) {
  write([created, ...read().filter((e) => e.eventId !== created.eventId)]);
  renderCreatedEvents();
}

/** A replaced host link (host console): the remembered one would no longer work. */
export function updateRememberedHostLink(eventId, hostUrl) {
  const list = read();
  const entry = list.find((e) => e.eventId === eventId);
  if (!entry) return;
  entry.hostUrl = hostUrl;
  write(list);
}

function forget(eventId) {
  write(read().filter((e) => e.eventId !== eventId));
  renderCreatedEvents();
  byTestId("created-events-title").focus();
}

/** Lists the remembered events on the landing page (hidden when there are none); again after a switch of language. */
export function renderCreatedEvents() {
  const section = byTestId("created-events");
  const list = read();
  const when = new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" });
  byTestId("created-events-list").replaceChildren(...list.map((e) => el("li", { testid: "created-event", attrs: { "data-event-id": e.eventId } },
    el("div", { class: "created-event-head" },
      el("span", { class: "name", text: e.title }),
      el("time", { class: "muted", text: strings.createdAt(when.format(new Date(e.createdAt))), attrs: { "data-created": String(e.createdAt) } })),
    el("div", { class: "actions" },
      el("a", { class: "button primary small", testid: "created-event-host", text: strings.openHostConsole, attrs: { href: e.hostUrl } }),
      el("a", { class: "button secondary small", testid: "created-event-join", text: strings.guestsLink, attrs: { href: e.joinUrl, target: "_blank", rel: "noopener" } }),
      el("button", {
        class: "link-button danger", testid: "forget-created-event", text: strings.forgetEvent,
        attrs: { type: "button", "aria-label": `${strings.forgetEvent}: ${e.title}` }, // the visible words first (label in name)
        on: { click: () => forget(e.eventId) },
      })))));
  show(section, list.length > 0);
}
