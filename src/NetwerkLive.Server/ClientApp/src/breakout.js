// Breakouts on the attendee page: the panel (partners, countdown, meeting link, private chat), the
// people met and their follow-up buttons, mutual contacts, the coffee queue and the round status.

import { byTestId, el, setText, show, busy } from "./dom.js";
import { strings, clock, plural } from "./strings.js";
import { serverNow } from "./api.js";
import { messageItem } from "./room.js";

/** Remembered per tab, so a reload still shows whom you met and which contacts you got. */
class MemoryOfPeople {
  constructor(eventId) {
    this.key = `netwerklive:${eventId}:people`;
    let saved = {};
    try {
      saved = JSON.parse(sessionStorage.getItem(this.key) ?? "{}") ?? {};
    } catch {
      saved = {};
    }
    this.met = new Map(saved.met ?? []); // id -> Attendee
    this.asked = new Set(saved.asked ?? []); // ids we asked a follow-up for
    this.contacts = new Map(saved.contacts ?? []); // id -> { attendee, contact }
  }

  save() {
    sessionStorage.setItem(this.key, JSON.stringify({
      met: [...this.met], asked: [...this.asked], contacts: [...this.contacts],
    }));
  }
}

export function formatCountdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

export class Breakouts {
  constructor(connection, room, eventId) {
    this.connection = connection;
    this.room = room;
    this.people = new MemoryOfPeople(eventId);
    this.current = null; // { roundId, groupId, partners, endsAt, meetingUrl } or { waiting: true, roundId, endsAt }
    this.chatKeys = new Set();
    this.inCoffeeQueue = false;
    this.ticker = null;

    this.panel = byTestId("breakout-panel");
    this.title = byTestId("breakout-title");
    this.timer = byTestId("breakout-timer");
    this.countdown = byTestId("breakout-countdown");
    this.waiting = byTestId("breakout-waiting");
    this.partnerList = byTestId("breakout-partners");
    this.meetingLink = byTestId("meeting-link");
    this.notice = byTestId("breakout-notice");
    this.broadcast = byTestId("breakout-broadcast");
    this.talk = byTestId("breakout-talk");
    // The log scrolls; the list inside it holds the messages.
    this.chatLog = byTestId("breakout-chat-list");
    this.chatList = this.chatLog.querySelector("ul");
    this.chatInput = byTestId("breakout-chat-input");
    this.chatSend = byTestId("breakout-chat-send");
    this.proposeButton = byTestId("propose-extension");
    this.leaveButton = byTestId("leave-breakout");
    this.roundStatus = byTestId("round-status");
    this.coffeeButton = byTestId("coffee-queue");
    this.coffeeStatus = byTestId("coffee-status");
    this.metSection = byTestId("met-section");
    this.metList = byTestId("met-list");
    this.contactsSection = byTestId("contacts-section");
    this.contactsList = byTestId("follow-up-contacts");

    this.chatSend.addEventListener("click", () => this.sendChat());
    this.chatInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.chatSend.click();
      }
    });
    this.proposeButton.addEventListener("click", busy(this.proposeButton, () => this.proposeExtension()));
    this.leaveButton.addEventListener("click", busy(this.leaveButton, () => room.act(() => connection.invoke("LeaveBreakout"))));
    this.coffeeButton.addEventListener("click", busy(this.coffeeButton, () => this.toggleCoffeeQueue()));

    connection.on("RoundStarted", (round) => this.showRound(round));
    connection.on("RoundEnded", () => this.showRound(null));
    connection.on("BreakoutStarted", (assignment) => this.start(assignment));
    connection.on("BreakoutWaiting", (notice) => this.wait(notice));
    connection.on("BreakoutEnding", (notice) => this.forGroup(notice, () => this.say(() => strings.oneMinuteLeft)));
    connection.on("BreakoutExtended", (notice) => this.forGroup(notice, () => this.extend(notice.endsAt)));
    connection.on("BreakoutEnded", (notice) => this.forGroup(notice, () => this.close()));
    connection.on("PartnerLeft", (notice) => this.forGroup(notice, () => this.partnerLeft(notice.attendeeId)));
    connection.on("ExtensionProposed", (notice) => this.forGroup(notice, () => this.extensionProposed(notice.attendeeId)));
    connection.on("BreakoutChatReceived", (message) => this.forGroup(message, () => this.addChat(message)));
    connection.on("BreakoutBroadcast", (announcement) => this.showBroadcast(announcement.text));
    connection.on("FollowUpMatched", (match) => this.followUpMatched(match));

    this.renderMet();
    this.renderContacts();
  }

  /** The breakout state as Join() returned it (the same group again after a reconnect). */
  applyJoin(result) {
    this.showRound(result.round ?? null);
    if (result.breakout) {
      this.start(result.breakout);
    } else if (this.current && !this.current.waiting) {
      this.close();
    }
  }

  forGroup(notice, action) {
    if (this.current && !this.current.waiting && notice.groupId === this.current.groupId) action();
  }

  // ---- the panel ----

  start(assignment) {
    const sameGroup = this.current?.groupId === assignment.groupId;
    this.current = { ...assignment, endsAt: Number(assignment.endsAt) };
    this.inCoffeeQueue = false;
    this.renderCoffee(null);
    for (const partner of assignment.partners) this.people.met.set(partner.id, partner);
    this.people.save();
    if (!sameGroup) {
      this.chatList.replaceChildren();
      this.chatKeys.clear();
      this.say("");
      this.broadcastText = null;
      setText(this.broadcast, "");
      show(this.broadcast, false);
      this.proposeButton.textContent = strings.proposeExtension;
      this.proposeButton.classList.remove("asked");
    }
    setText(this.title, assignment.roundId.startsWith("coffee-") ? strings.coffeeTitle : strings.breakoutTitle);
    this.partnerList.replaceChildren(...assignment.partners.map((p) => this.partnerItem(p)));
    if (assignment.meetingUrl) {
      this.meetingLink.href = assignment.meetingUrl;
      show(this.meetingLink, true);
    } else {
      this.meetingLink.removeAttribute("href");
      show(this.meetingLink, false);
    }
    show(this.waiting, false);
    show(this.partnerList, true);
    show(this.timer, true);
    show(this.talk, true);
    this.open();
    this.renderMet();
  }

  wait(notice) {
    this.current = { waiting: true, roundId: notice.roundId, endsAt: Number(notice.endsAt) };
    setText(this.title, strings.breakoutTitle);
    this.partnerList.replaceChildren();
    show(this.partnerList, false);
    show(this.meetingLink, false);
    show(this.timer, false);
    show(this.talk, false);
    show(this.waiting, true);
    this.open();
    this.renderMet();
  }

  open() {
    show(this.panel, true);
    document.body.classList.add("in-breakout");
    this.coffeeButton.disabled = true;
    this.tick();
    clearInterval(this.ticker);
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  close() {
    this.current = null;
    clearInterval(this.ticker);
    this.ticker = null;
    show(this.panel, false);
    document.body.classList.remove("in-breakout");
    this.coffeeButton.disabled = false;
    this.renderMet();
  }

  tick() {
    if (this.current) setText(this.countdown, formatCountdown(this.current.endsAt - serverNow()));
  }

  extend(endsAt) {
    this.current.endsAt = Number(endsAt);
    this.tick();
    this.say(() => strings.extendedUntil(clock(Number(endsAt))));
    this.proposeButton.textContent = strings.proposeExtension;
    this.proposeButton.classList.remove("asked");
  }

  partnerLeft(attendeeId) {
    const name = this.people.met.get(attendeeId)?.displayName ?? strings.someone;
    this.current.partners = this.current.partners.filter((p) => p.id !== attendeeId);
    this.partnerList.querySelector(`[data-attendee-id="${CSS.escape(attendeeId)}"]`)?.remove();
    this.say(() => strings.partnerLeft(name));
    this.renderMet();
  }

  extensionProposed(attendeeId) {
    if (attendeeId === this.room.self?.id) {
      this.say(() => strings.extensionProposedBySelf);
    } else {
      const name = this.people.met.get(attendeeId)?.displayName;
      this.say(() => strings.extensionProposedBy(name ?? strings.someone));
    }
  }

  async proposeExtension() {
    const done = await this.room.act(() => this.connection.invoke("ProposeExtension").then(() => true));
    if (done) {
      this.proposeButton.textContent = strings.extensionAsked;
      this.proposeButton.classList.add("asked");
    }
  }

  /** text: a string, or a function giving it, which a switch of language calls again. */
  say(text) {
    this.noticeText = typeof text === "function" ? text : () => text;
    const shown = this.noticeText();
    setText(this.notice, shown);
    show(this.notice, Boolean(shown));
  }

  showBroadcast(text) {
    this.broadcastText = text;
    setText(this.broadcast, `${strings.fromHost}: ${text}`);
    show(this.broadcast, true);
  }

  /** After a switch of language: every text this panel, the people met and the coffee queue wrote. */
  relocalize() {
    if (this.current) {
      setText(this.title, this.current.roundId?.startsWith("coffee-") ? strings.coffeeTitle : strings.breakoutTitle);
      if (!this.current.waiting) this.partnerList.replaceChildren(...this.current.partners.map((p) => this.partnerItem(p)));
    }
    if (this.noticeText) this.say(this.noticeText);
    if (this.broadcastText) this.showBroadcast(this.broadcastText);
    this.proposeButton.textContent = this.proposeButton.classList.contains("asked") ? strings.extensionAsked : strings.proposeExtension;
    this.showRound(this.round ?? null);
    this.renderCoffee(this.coffee ?? null);
    this.renderMet();
    this.renderContacts();
  }

  partnerItem(partner) {
    return el("li", { class: "partner", testid: "breakout-partner", attrs: { "data-attendee-id": partner.id } },
      el("div", { class: "partner-name", text: partner.displayName }),
      partner.company ? el("div", { class: "company", text: partner.company }) : null,
      partner.interests?.length
        ? el("ul", { class: "interests" }, ...partner.interests.map((i) => el("li", { class: "chip", text: i })))
        : null,
      el("div", { class: "partner-actions" },
        this.followUpButton(partner),
        el("button", {
          class: "link-button", testid: "block-attendee", text: strings.blockAttendee, attrs: { type: "button" },
          on: { click: (e) => this.block(partner, e.currentTarget) },
        })));
  }

  async block(partner, button) {
    button.disabled = true;
    await this.room.act(() => this.connection.invoke("BlockAttendee", partner.id));
  }

  // ---- breakout chat ----

  async sendChat() {
    const text = this.chatInput.value.trim();
    if (!text) return;
    this.chatInput.value = "";
    this.chatInput.focus();
    const message = await this.room.act(() => this.connection.invoke("SendBreakoutChat", text));
    if (message) this.addChat(message);
    else if (!this.chatInput.value) this.chatInput.value = text;
  }

  addChat(message) {
    // Breakout messages have no seq: the sender's own copy comes back as a push as well.
    const key = `${message.senderId}|${message.sentAt}|${message.text}`;
    if (this.chatKeys.has(key)) return;
    this.chatKeys.add(key);
    this.chatList.append(messageItem(message, { own: message.senderId === this.room.self?.id }));
    this.chatLog.scrollTop = this.chatLog.scrollHeight;
  }

  // ---- people met, follow-ups and contacts ----

  followUpButton(person) {
    const asked = this.people.asked.has(person.id);
    const button = el("button", {
      class: "secondary follow-up",
      testid: "follow-up",
      text: asked ? strings.followUpAsked : strings.followUp,
      attrs: { type: "button", "data-attendee-id": person.id, disabled: asked },
    });
    button.addEventListener("click", async () => {
      button.disabled = true;
      const done = await this.room.act(() => this.connection.invoke("RequestFollowUp", person.id).then(() => true));
      if (done) {
        this.people.asked.add(person.id);
        this.people.save();
        for (const other of document.querySelectorAll(`[data-testid="follow-up"][data-attendee-id="${CSS.escape(person.id)}"]`)) {
          other.textContent = strings.followUpAsked;
          other.disabled = true;
        }
      } else {
        button.disabled = false;
      }
    });
    return button;
  }

  /** People met before, not the ones in the breakout right now (their buttons are in the panel). */
  renderMet() {
    const now = new Set((this.current?.partners ?? []).map((p) => p.id));
    const earlier = [...this.people.met.values()].filter((p) => !now.has(p.id));
    this.metList.replaceChildren(...earlier.map((person) =>
      el("li", { attrs: { "data-attendee-id": person.id } },
        el("div", { class: "who" },
          el("span", { class: "name", text: person.displayName }),
          person.company ? el("span", { class: "company", text: person.company }) : null),
        this.followUpButton(person))));
    show(this.metSection, earlier.length > 0);
  }

  followUpMatched(match) {
    this.people.contacts.set(match.attendee.id, match);
    this.people.met.set(match.attendee.id, match.attendee);
    this.people.save();
    this.renderContacts();
  }

  renderContacts() {
    const matches = [...this.people.contacts.values()];
    this.contactsList.replaceChildren(...matches.map((match) =>
      el("li", { testid: "follow-up-contact", attrs: { "data-attendee-id": match.attendee.id } },
        el("span", { class: "name", text: match.attendee.displayName }),
        match.attendee.company ? el("span", { class: "company", text: match.attendee.company }) : null,
        el("span", { class: "contact", text: match.contact || strings.noContact }))));
    show(this.contactsSection, matches.length > 0);
  }

  // ---- round status and coffee queue ----

  showRound(round) {
    this.round = round;
    setText(this.roundStatus, round ? strings.roundRunning : "");
    show(this.roundStatus, Boolean(round));
    if (!round && this.current?.waiting) this.close();
  }

  async toggleCoffeeQueue() {
    if (this.inCoffeeQueue) {
      const left = await this.room.act(() => this.connection.invoke("LeaveCoffeeQueue").then(() => true));
      if (left) {
        this.inCoffeeQueue = false;
        this.renderCoffee(null);
      }
      return;
    }
    const status = await this.room.act(() => this.connection.invoke("FindCoffeePartner"));
    if (status && !status.matched && !this.current) {
      this.inCoffeeQueue = true;
      this.renderCoffee(status);
    }
  }

  renderCoffee(status) {
    this.coffee = status;
    setText(this.coffeeButton, this.inCoffeeQueue ? strings.leaveCoffeeQueue : strings.coffeeQueue);
    setText(this.coffeeStatus, status && this.inCoffeeQueue
      ? strings.coffeeWaiting(plural(Number(status.waiting), strings.coffeeWaitingCount)) : "");
    show(this.coffeeStatus, this.inCoffeeQueue);
  }
}
