// Breakouts on the attendee page: the panel (partners, countdown, meeting link, private chat), the
// moments around it (start, one minute left, the end, waiting alone), partners whose connection
// dropped, the coffee queue and the round status. People met and follow-ups are people.js's; the
// private chat is breakout-chat.js's; the partner cards are breakout-partners.js's; the coffee queue coffee-queue.js's.

import { byTestId, setText, show, busy } from "./dom.js";
import { strings, clock } from "./strings.js";
import { serverNow } from "./api.js";
import { BreakoutChat } from "./breakout-chat.js";
import { BreakoutPartners } from "./breakout-partners.js";
import { CoffeeQueue } from "./coffee-queue.js";

export function formatCountdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
}

export class Breakouts {
  /**
   * attention: the Attention of the page; people: its People (met, follow-ups, contacts); call: its CallEngine;
   * coffeeDateOf(roundId): the agreed coffee whose private room a group is (coffee-planner.js), if it is one.
   */
  constructor(connection, room, { attention, people, call, coffeeDateOf = () => undefined }) {
    this.connection = connection;
    this.room = room;
    this.attention = attention;
    this.people = people;
    this.call = call;
    this.coffeeDateOf = coffeeDateOf;
    this.current = null; // { roundId, groupId, partners, endsAt, meetingUrl } or { waiting: true, roundId, endsAt }
    this.ticker = null;

    this.panel = byTestId("breakout-panel");
    this.title = byTestId("breakout-title");
    this.timer = byTestId("breakout-timer");
    this.countdown = byTestId("breakout-countdown");
    this.waiting = byTestId("breakout-waiting");
    this.waitingCoffee = byTestId("breakout-waiting-coffee");
    this.partnerList = byTestId("breakout-partners");
    this.partnerCards = new BreakoutPartners(this.partnerList, { connection, room, people });
    this.meetingLink = byTestId("meeting-link");
    this.notice = byTestId("breakout-notice");
    this.broadcast = byTestId("breakout-broadcast");
    this.talk = byTestId("breakout-talk");
    this.chat = new BreakoutChat(connection, room);
    this.proposeButton = byTestId("propose-extension");
    this.leaveButton = byTestId("leave-breakout");
    this.roundStatus = byTestId("round-status");
    this.coffeeQueue = new CoffeeQueue(connection, room, {
      waitingInRound: () => Boolean(this.current?.waiting),
      leaveRoundWaiting: () => this.close({ announce: false }),
      free: () => !this.current,
    });
    this.metSection = byTestId("met-section");

    this.proposeButton.addEventListener("click", busy(this.proposeButton, () => this.proposeExtension()));
    this.leaveButton.addEventListener("click", busy(this.leaveButton, () => room.act(() => connection.invoke("LeaveBreakout"))));
    this.coffeeQueue.alsoFrom(this.waitingCoffee);

    connection.on("RoundStarted", (round) => this.showRound(round));
    connection.on("RoundEnded", () => this.showRound(null));
    connection.on("BreakoutStarted", (assignment) => this.start(assignment));
    connection.on("BreakoutWaiting", (notice) => this.wait(notice));
    connection.on("BreakoutEnding", (notice) => this.forGroup(notice, () => this.ending(notice.endsAt)));
    connection.on("BreakoutExtended", (notice) => this.forGroup(notice, () => this.extend(notice.endsAt)));
    connection.on("BreakoutEnded", (notice) => this.forGroup(notice, () => this.close({ announce: true })));
    connection.on("PartnerLeft", (notice) => this.forGroup(notice, () => this.partnerLeft(notice.attendeeId)));
    connection.on("PartnerConnection", (notice) => this.forGroup(notice, () => this.partnerConnection(notice.attendeeId, notice.connected)));
    connection.on("ExtensionProposed", (notice) => this.forGroup(notice, () => this.extensionProposed(notice.attendeeId)));
    connection.on("BreakoutChatReceived", (message) => this.forGroup(message, () => this.chat.add(message)));
    connection.on("BreakoutBroadcast", (announcement) => this.showBroadcast(announcement.text, { announce: true }));
  }

  /** The breakout as Join() returned it: after a reload or reconnect, the same group, its chat and the host's broadcast. */
  applyJoin(result) {
    this.showRound(result.round ?? null);
    if (result.breakout) {
      this.start(result.breakout, { restored: true });
      for (const message of result.breakoutChat ?? []) this.chat.add(message);
      if (result.broadcast) this.showBroadcast(result.broadcast.text);
    } else if (this.current && !this.current.waiting) {
      this.close({ announce: false });
    }
  }

  forGroup(notice, action) {
    if (this.current && !this.current.waiting && notice.groupId === this.current.groupId) action();
  }

  // ---- the panel ----

  /** restored: the group came back with Join(); it was announced when it started. */
  start(assignment, { restored = false } = {}) {
    const sameGroup = this.current?.groupId === assignment.groupId;
    this.current = { ...assignment, endsAt: Number(assignment.endsAt) };
    this.coffeeQueue.matched();
    if (!sameGroup) {
      this.chat.clear();
      this.say("");
      this.broadcastText = null;
      setText(this.broadcast, "");
      show(this.broadcast, false);
      this.proposeButton.textContent = strings.proposeExtension;
      this.proposeButton.classList.remove("asked");
    }
    this.paintTitle();
    this.people.meeting(assignment.partners);
    this.partnerCards.show(assignment.partners, assignment.connectionLost ?? []);
    if (assignment.meetingUrl) {
      this.meetingLink.href = assignment.meetingUrl;
      show(this.meetingLink, true);
    } else {
      this.meetingLink.removeAttribute("href");
      show(this.meetingLink, false);
    }
    show(this.waiting, false);
    show(this.waitingCoffee, false);
    show(this.partnerList, true);
    show(this.timer, true);
    show(this.talk, true);
    this.open();
    // The call: started for a new group, told the partners of the same one (a late joiner), tried again after a reconnect.
    this.call.enter(assignment, { reconnected: restored });
    if (!restored && !sameGroup) {
      const date = this.coffeeDate;
      this.attention.notify(date ? strings.coffeeRoomStarted(date.with.displayName)
        : strings.breakoutStartedWith(this.partnerNames(), this.isCoffee), this.panel);
    }
  }

  get isCoffee() {
    return Boolean(this.current?.roundId?.startsWith("coffee-"));
  }

  /** The agreed coffee whose room this is (its roundId is the coffee's dateId), or undefined for a round or the queue. */
  get coffeeDate() {
    return this.current && !this.current.waiting ? this.coffeeDateOf(this.current.roundId) : undefined;
  }

  /** The heading and the leave button: "Koffie met Ann" and "Koffieruimte verlaten" in a coffee room, no round words there. */
  paintTitle() {
    const date = this.coffeeDate;
    setText(this.title, date ? strings.coffeeWith(date.with.displayName) : this.isCoffee ? strings.coffeeTitle : strings.breakoutTitle);
    setText(this.leaveButton, date ? strings.coffeeLeave : strings.leaveBreakout);
  }

  partnerNames() {
    return (this.current?.partners ?? []).map((p) => p.displayName);
  }

  /** Nobody to meet yet: say why, and offer the coffee queue meanwhile. */
  wait(notice, { restored = false } = {}) {
    const wasWaiting = this.current?.waiting;
    this.call.hangUp();
    this.current = { waiting: true, roundId: notice.roundId, endsAt: Number(notice.endsAt) };
    this.paintTitle();
    this.partnerCards.clear();
    show(this.partnerList, false);
    show(this.meetingLink, false);
    show(this.timer, false);
    show(this.talk, false);
    show(this.waiting, true);
    show(this.waitingCoffee, true);
    setText(this.waitingCoffee, strings.coffeeQueue);
    this.open();
    this.people.meetingOver();
    if (!restored && !wasWaiting) this.attention.notify(strings.waitingAnnouncement, this.panel);
  }

  open() {
    show(this.panel, true);
    document.body.classList.add("in-breakout");
    this.coffeeQueue.offer(Boolean(this.current?.waiting));
    this.tick();
    clearInterval(this.ticker);
    this.ticker = setInterval(() => this.tick(), 1000);
  }

  /** announce: the end comes from the server now (not found ended after a reload): ask "talk again?". */
  close({ announce }) {
    const partners = this.current?.partners ?? [];
    // A coffee room is with someone already matched: no "talk again?" after it, just that it ended.
    const date = this.coffeeDate;
    this.call.hangUp();
    this.current = null;
    this.partnerCards.clear();
    clearInterval(this.ticker);
    this.ticker = null;
    show(this.panel, false);
    document.body.classList.remove("in-breakout");
    this.coffeeQueue.offer(true);
    this.people.meetingOver(date ? [] : partners);
    this.attention.clearTitle();
    if (announce && date) {
      this.attention.announce(strings.coffeeRoomEnded(date.with.displayName));
    } else if (announce && partners.length > 0) {
      this.attention.notify(strings.roundEndedTalkAgain(partners.map((p) => p.displayName)), this.metSection);
    }
  }

  tick() {
    if (this.current) setText(this.countdown, formatCountdown(this.current.endsAt - serverNow()));
  }

  /** The warning before the group ends: how long is left comes from its end (the server's warning time is configurable). */
  ending(endsAt) {
    const minutes = () => Math.max(0, Math.round((Number(endsAt) - serverNow()) / 60_000));
    this.say(() => strings.endingIn(minutes()));
    this.attention.notify(strings.endingInWith(minutes(), this.partnerNames()), this.panel);
  }

  extend(endsAt) {
    this.current.endsAt = Number(endsAt);
    this.tick();
    this.say(() => strings.extendedUntil(clock(Number(endsAt))));
    this.proposeButton.textContent = strings.proposeExtension;
    this.proposeButton.classList.remove("asked");
  }

  partnerLeft(attendeeId) {
    const name = this.people.nameOf(attendeeId);
    this.current.partners = this.current.partners.filter((p) => p.id !== attendeeId);
    this.call.partnerLeft(attendeeId);
    this.partnerCards.remove(attendeeId);
    this.people.meeting(this.current.partners);
    this.say(() => strings.partnerLeft(name));
  }

  /** A partner's last connection closed (or came back): said at once, long before they count as gone. */
  partnerConnection(attendeeId, connected) {
    this.partnerCards.setConnection(attendeeId, connected);
    const name = this.people.nameOf(attendeeId);
    this.say(() => (connected ? strings.partnerConnectionBack(name) : strings.partnerConnectionLost(name)));
  }

  extensionProposed(attendeeId) {
    if (attendeeId === this.room.self?.id) {
      this.say(() => strings.extensionProposedBySelf);
    } else {
      this.say(() => strings.extensionProposedBy(this.people.nameOf(attendeeId)));
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

  showBroadcast(text, { announce = false } = {}) {
    this.broadcastText = text;
    setText(this.broadcast, `${strings.fromHost}: ${text}`);
    show(this.broadcast, true);
    if (announce) this.attention.notify(`${strings.fromHost}: ${text}`, this.broadcast);
  }

  /** After a switch of language: every text this panel, the people met and the coffee queue wrote. */
  relocalize() {
    if (this.current) {
      this.paintTitle();
      if (!this.current.waiting) this.partnerCards.render(this.current.partners);
    }
    if (this.noticeText) this.say(this.noticeText);
    if (this.broadcastText) this.showBroadcast(this.broadcastText);
    this.proposeButton.textContent = this.proposeButton.classList.contains("asked") ? strings.extensionAsked : strings.proposeExtension;
    this.showRound(this.round ?? null);
    this.coffeeQueue.relocalize();
    this.people.relocalize();
  }

  // ---- round status ----

  showRound(round) {
    this.round = round;
    setText(this.roundStatus, round ? strings.roundRunning : "");
    show(this.roundStatus, Boolean(round));
    if (!round && this.current?.waiting) this.close({ announce: false });
  }
}
