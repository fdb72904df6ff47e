// The partner cards of the breakout panel: name, company, what they look for and offer (the conversation starter),
// interests, the follow-up and block buttons, and a line while a partner's connection is lost. The panel's lifecycle
// (start, waiting, the end, the countdown) is breakout.js's.

import { el, setText, show } from "./dom.js";
import { strings } from "./strings.js";
import { askOfferLine } from "./ask-offer.js";

export class BreakoutPartners {
  /** list: the panel's `breakout-partners` list; people: the page's People (the follow-up button). */
  constructor(list, { connection, room, people }) {
    this.list = list;
    this.connection = connection;
    this.room = room;
    this.people = people;
    this.connectionLost = new Set(); // partners whose connection is lost right now
  }

  /** A group's partners, and whose connection was lost when it (re)started. */
  show(partners, connectionLost = []) {
    this.connectionLost = new Set(connectionLost);
    this.render(partners);
  }

  /** The cards again (after a switch of language), keeping who is away. */
  render(partners) {
    this.list.replaceChildren(...partners.map((p) => this.item(p)));
  }

  clear() {
    this.connectionLost.clear();
    this.list.replaceChildren();
  }

  /** A partner left the group: their card goes. */
  remove(attendeeId) {
    this.connectionLost.delete(attendeeId);
    this.itemOf(attendeeId)?.remove();
  }

  /** A partner's last connection closed (or came back). */
  setConnection(attendeeId, connected) {
    if (connected) this.connectionLost.delete(attendeeId);
    else this.connectionLost.add(attendeeId);
    const item = this.itemOf(attendeeId);
    if (item) this.paintConnection(item, attendeeId);
  }

  itemOf(attendeeId) {
    return this.list.querySelector(`[data-attendee-id="${CSS.escape(attendeeId)}"]`);
  }

  paintConnection(item, attendeeId) {
    const lost = this.connectionLost.has(attendeeId);
    item.classList.toggle("connection-lost", lost);
    const line = item.querySelector('[data-testid="partner-connection"]');
    setText(line, lost ? strings.connectionLostWaiting : "");
    show(line, lost);
  }

  item(partner) {
    const item = el("li", { class: "partner", testid: "breakout-partner", attrs: { "data-attendee-id": partner.id } },
      el("div", { class: "partner-name", text: partner.displayName }),
      partner.company ? el("div", { class: "company", text: partner.company }) : null,
      // The conversation starter: what they look for and what they offer.
      askOfferLine("ask", partner.ask, "partner-ask"),
      askOfferLine("offer", partner.offer, "partner-offer"),
      el("p", { class: "partner-connection", testid: "partner-connection", attrs: { hidden: true } }),
      partner.interests?.length
        ? el("ul", { class: "interests" }, ...partner.interests.map((i) => el("li", { class: "chip", text: i })))
        : null,
      el("div", { class: "partner-actions" },
        this.people.followUpButton(partner),
        el("button", {
          class: "link-button", testid: "block-attendee", text: strings.blockAttendee, attrs: { type: "button" },
          on: { click: (e) => this.block(partner, e.currentTarget) },
        })));
    this.paintConnection(item, partner.id);
    return item;
  }

  async block(partner, button) {
    button.disabled = true;
    await this.room.act(() => this.connection.invoke("BlockAttendee", partner.id));
  }
}
