// The join page's part about the event before it starts: when it starts (in the reader's time zone and language),
// what it is about, "Add to calendar", and the host's interest tags to choose from (with a free-text field only
// when the host allows interests of one's own).

import { byTestId, el, setText, show } from "./dom.js";
import { parseInterests } from "./api.js";
import { strings, language, locale, onLanguageChange } from "./strings.js";

/** "Tuesday, 15 December 2026 at 19:30" as the reader writes it, in their own time zone. */
export function startTime(epochMs) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: "full", timeStyle: "short" }).format(new Date(epochMs));
}

export class EventAbout {
  constructor(eventId) {
    this.eventId = eventId;
    this.summary = null;
    onLanguageChange(() => this.render());
  }

  /** Shows what the event summary (GET /api/events/{id}) says about the event. */
  show(summary) {
    this.summary = summary;
    const tags = summary.interestTags ?? [];
    const list = byTestId("interest-tag-list");
    list.replaceChildren(...tags.map((tag) =>
      el("label", { class: "toggle tag" }, el("input", { testid: "interest-tag", attrs: { type: "checkbox", value: tag } }), el("span", { text: tag }))));
    show(byTestId("interest-tags"), tags.length > 0);
    // With tags to choose from, the free-text field is for interests of one's own, and only when the host allows them.
    show(byTestId("interests-field"), tags.length === 0 || summary.allowOwnInterests);
    byTestId("interests-label").dataset.text = tags.length > 0 ? "ownInterestsLabel" : "interestsLabel";
    this.render();
  }

  render() {
    const summary = this.summary;
    if (!summary) return;
    setText(byTestId("interests-label"), strings[byTestId("interests-label").dataset.text]);
    const startsAt = byTestId("event-starts-at");
    const calendar = byTestId("event-calendar-link");
    const description = byTestId("event-description");
    if (summary.startsAt != null) {
      setText(startsAt, strings.startsAtLine(startTime(summary.startsAt)));
      calendar.href = `/api/events/${encodeURIComponent(this.eventId)}/calendar.ics?lang=${language}`;
    }
    show(startsAt, summary.startsAt != null);
    show(calendar, summary.startsAt != null);
    setText(description, summary.description ?? "");
    show(description, Boolean(summary.description));
    show(byTestId("event-about"), summary.startsAt != null || Boolean(summary.description));
  }

  /** The interests to register with: the ticked tags, then what was typed (when that field is there). */
  chosenInterests() {
    const ticked = [...byTestId("interest-tag-list").querySelectorAll("input:checked")].map((box) => box.value);
    const typed = byTestId("interests-field").hidden ? [] : parseInterests(byTestId("interests").value);
    return [...ticked, ...typed];
  }

  clear() {
    for (const box of byTestId("interest-tag-list").querySelectorAll("input")) box.checked = false;
  }
}
