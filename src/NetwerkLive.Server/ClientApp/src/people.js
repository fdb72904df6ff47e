// The people met in breakouts, the follow-ups asked for and the contacts received. The server is the
// memory: Join() returns all three (met, followUps.asked, followUps.matched), so a reload or another
// device shows the same; pushes and answers keep them current in between.

import { byTestId, el, setText, show } from "./dom.js";
import { strings } from "./strings.js";

export class People {
  constructor(connection, room) {
    this.connection = connection;
    this.room = room;
    this.met = new Map(); // id -> Attendee, oldest first
    this.asked = new Set(); // ids asked for a follow-up, not (yet) mutual
    this.matched = new Map(); // id -> { attendee, contact }
    this.partnersNow = new Set(); // in the breakout panel right now, so not in the met list

    this.metSection = byTestId("met-section");
    this.metList = byTestId("met-list");
    this.roundEnded = byTestId("round-ended");
    this.contactsSection = byTestId("contacts-section");
    this.contactsList = byTestId("follow-up-contacts");

    connection.on("FollowUpMatched", (match) => this.followUpMatched(match));
  }

  /** What Join() says (older servers send none of it: then what this page knows stays). */
  applyJoin(result) {
    if (Array.isArray(result.met)) {
      this.met = new Map(result.met.map((person) => [person.id, person]));
    }
    if (result.followUps) {
      this.asked = new Set(result.followUps.asked ?? []);
      this.matched = new Map((result.followUps.matched ?? []).map((match) => [match.attendee.id, match]));
    }
    for (const match of this.matched.values()) {
      if (!this.met.has(match.attendee.id)) this.met.set(match.attendee.id, match.attendee);
    }
    this.render();
  }

  nameOf(attendeeId) {
    return this.met.get(attendeeId)?.displayName ?? strings.someone;
  }

  /** The breakout's partners: met from now on, and shown in the panel rather than the met list. */
  meeting(partners) {
    for (const partner of partners) this.met.set(partner.id, partner);
    this.partnersNow = new Set(partners.map((p) => p.id));
    this.render();
  }

  /** The breakout is over: the partners move to the met list, under the "talk again?" line if given. */
  meetingOver(endedWith = null) {
    this.partnersNow = new Set();
    const names = (endedWith ?? []).map((p) => p.displayName);
    this.endedWith = names;
    setText(this.roundEnded, names.length ? strings.roundEndedTalkAgain(names) : "");
    show(this.roundEnded, names.length > 0);
    this.render();
  }

  /** After a switch of language: the "talk again?" line, the lists and their buttons. */
  relocalize() {
    if (this.endedWith?.length) setText(this.roundEnded, strings.roundEndedTalkAgain(this.endedWith));
    this.render();
  }

  followUpButton(person) {
    const button = el("button", {
      class: "secondary follow-up",
      testid: "follow-up",
      attrs: { type: "button", "data-attendee-id": person.id },
    });
    this.paint(button);
    button.addEventListener("click", async () => {
      button.disabled = true;
      const done = await this.room.act(() => this.connection.invoke("RequestFollowUp", person.id).then(() => true));
      if (done && !this.matched.has(person.id)) this.asked.add(person.id);
      this.paintButtons(person.id);
    });
    return button;
  }

  /** One rule for what a follow-up button says: ask, asked (waiting for the other), or matched. */
  paint(button) {
    const id = button.dataset.attendeeId;
    const state = this.matched.has(id) ? "matched" : this.asked.has(id) ? "asked" : "ask";
    button.dataset.state = state;
    button.textContent = { ask: strings.followUp, asked: strings.followUpAsked, matched: strings.followUpMatched }[state];
    button.disabled = state !== "ask";
  }

  paintButtons(attendeeId) {
    for (const button of document.querySelectorAll(`[data-testid="follow-up"][data-attendee-id="${CSS.escape(attendeeId)}"]`)) {
      this.paint(button);
    }
  }

  followUpMatched(match) {
    this.matched.set(match.attendee.id, match);
    this.asked.delete(match.attendee.id);
    if (!this.met.has(match.attendee.id)) this.met.set(match.attendee.id, match.attendee);
    this.render();
  }

  render() {
    const earlier = [...this.met.values()].filter((p) => !this.partnersNow.has(p.id));
    this.metList.replaceChildren(...earlier.map((person) =>
      el("li", { attrs: { "data-attendee-id": person.id } },
        el("div", { class: "who" },
          el("span", { class: "name", text: person.displayName }),
          person.company ? el("span", { class: "company", text: person.company }) : null),
        this.followUpButton(person))));
    show(this.metSection, earlier.length > 0);
    if (earlier.length === 0) show(this.roundEnded, false);

    const matches = [...this.matched.values()];
    this.contactsList.replaceChildren(...matches.map((match) =>
      el("li", { testid: "follow-up-contact", attrs: { "data-attendee-id": match.attendee.id } },
        el("span", { class: "name", text: match.attendee.displayName }),
        match.attendee.company ? el("span", { class: "company", text: match.attendee.company }) : null,
        contactItem(match.contact))));
    show(this.contactsSection, matches.length > 0);
    for (const id of this.partnersNow) this.paintButtons(id);
  }
}

/**
 * A contact as something to act on: a phone number (stored as E.164 by the server) to call, an e-mail
 * address to write to, a profile to open; the text is what the other person gave.
 */
function contactItem(contact) {
  if (!contact) return el("span", { class: "contact", text: strings.noContact });
  const href = contact.startsWith("+") ? `tel:${contact}`
    : contact.startsWith("https://") ? contact
      : contact.includes("@") ? `mailto:${contact}` : null;
  if (!href) return el("span", { class: "contact", text: contact });
  const external = href.startsWith("https://");
  return el("a", { class: "contact", text: contact, attrs: { href, target: external ? "_blank" : null, rel: external ? "noopener noreferrer" : null } });
}
