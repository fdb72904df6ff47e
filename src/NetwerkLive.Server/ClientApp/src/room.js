// The live room, shared by the attendee page and the host console: connection state, livestream,
// chat, attendee list and announcements.

import { byTestId, el, setText, show, insertOrdered } from "./dom.js";
import { strings, clock } from "./strings.js";
import { showLivestream, relocalizeLivestream } from "./livestream.js";
import { askOfferLine } from "./ask-offer.js";

const CHAT_PAGE = 200; // GetChatSince's cap
const NEAR_BOTTOM_PX = 48;

export class Room {
  /**
   * connection: an EventConnection. Options: decorateMessage(li, message) and decorateAttendee(li, attendee)
   * let the host console add its buttons; onPeopleChanged() runs after every presence change;
   * onAnnouncement(text) after a host announcement arrived and shows (the attendee page calls attention to it).
   */
  constructor(connection, { decorateMessage, decorateAttendee, onPeopleChanged, onAnnouncement } = {}) {
    this.connection = connection;
    this.onAnnouncement = onAnnouncement ?? (() => {});
    this.decorateMessage = decorateMessage ?? (() => {});
    this.decorateAttendee = decorateAttendee ?? (() => {});
    this.onPeopleChanged = onPeopleChanged ?? (() => {});
    this.self = null;
    this.attendees = new Map(); // id -> Attendee
    this.presenceBeforeJoin = [];
    this.attendeeCount = 0;
    this.messages = new Map(); // seq -> li
    this.lastSeq = 0;

    this.stateEl = byTestId("connection-state");
    this.stateLabel = byTestId("connection-label");
    this.reconnectButton = byTestId("reconnect");
    this.eventName = byTestId("event-name");
    this.streamBox = byTestId("livestream-box");
    this.countEl = byTestId("attendee-count");
    this.attendeeList = byTestId("attendee-list");
    // The log scrolls; the list inside it holds the messages (a role=log list would lose its items' list semantics).
    this.chatLog = byTestId("chat-list");
    this.chatList = this.chatLog.querySelector("ul");
    this.chatInput = byTestId("chat-input");
    this.chatSend = byTestId("chat-send");
    this.newMessages = byTestId("chat-new-messages");
    this.errorEl = byTestId("error-message");
    this.announcementBox = byTestId("announcement-box");
    this.announcementEl = byTestId("announcement");

    this.reconnectButton.addEventListener("click", () => connection.start());
    this.chatSend.addEventListener("click", () => this.sendChat());
    this.chatInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.chatSend.click();
      }
    });
    // Follow new messages while the reader is at the bottom, also when the list changes size
    // (a breakout panel opens, the window turns); stop while they scroll back to read.
    this.followChat = true;
    this.chatLog.addEventListener("scroll", () => {
      this.followChat = this.isNearBottom();
      if (this.followChat) show(this.newMessages, false);
    });
    new ResizeObserver(() => {
      if (this.followChat) this.scrollToBottom();
    }).observe(this.chatLog);
    this.newMessages.addEventListener("click", () => this.scrollToBottom());
    this.shownAnnouncementAt = null;
    this.closedAnnouncementAt = null;
    byTestId("announcement-close").addEventListener("click", () => {
      show(this.announcementBox, false);
      this.closedAnnouncementAt = this.shownAnnouncementAt;
    });

    connection.on("PresenceChanged", (change) => this.applyPresence(change));
    connection.on("ChatReceived", (message) => this.addMessage(message));
    connection.on("ChatDeleted", (seq) => this.removeMessage(seq));
    connection.on("Announcement", (announcement) => {
      this.showAnnouncement(announcement.text, Number(announcement.sentAt));
      this.onAnnouncement(announcement.text);
    });
  }

  setState(state) {
    // A new connection is on its way: what the old one pushed before a Join() that never answered is stale.
    if (state !== "live") this.presenceBeforeJoin.length = 0;
    // The pill's text is the state's stable name (what tests read); people see it in their own words.
    setText(this.stateEl, state);
    this.stateEl.dataset.state = state;
    this.stateEl.dataset.word = strings.connectionWords[state] ?? state;
    if (this.connection.protocolName) this.stateEl.dataset.protocol = this.connection.protocolName;
    document.body.dataset.connection = state;
    setText(this.stateLabel, strings.stateLabels[state]);
    show(this.stateLabel, state !== "live");
    show(this.reconnectButton, state === "offline");
    this.chatSend.disabled = state !== "live";
  }

  /** After a switch of language: the texts the room wrote itself (times are done by language.js). */
  relocalize() {
    if (this.stateEl.dataset.state) this.setState(this.stateEl.dataset.state);
    if (this.self) this.renderAttendees();
    relocalizeLivestream(this.streamBox);
    for (const badge of this.chatList.querySelectorAll(".badge-host")) setText(badge, strings.hostBadge);
  }

  /** The room as Join() returned it. After a reconnect, also fetches the chat missed meanwhile. */
  async applyJoin(result, reconnected) {
    const seenBefore = this.lastSeq;
    this.self = result.self;
    setText(this.eventName, result.event.title);
    document.title = `${result.event.title} · ${strings.appName}`;
    // After the live part the replay takes the livestream's place (after-live.js).
    if (result.event.endedAt == null) showLivestream(this.streamBox, result.event.livestreamUrl);

    this.attendees.clear();
    for (const attendee of result.attendees) this.attendees.set(attendee.id, attendee);
    this.attendeeCount = result.attendeeCount;
    // Changes pushed while Join() ran may be newer than its snapshot: they are applied on top, in order.
    const early = this.presenceBeforeJoin.splice(0);
    for (const change of early) this.mergePresence(change);
    this.renderAttendees();

    if (reconnected) {
      await this.fetchChatSince(seenBefore);
      this.dropMessagesDeletedWhileAway(result.chat);
    }
    for (const message of result.chat) this.addMessage(message);
    // The latest announcement, for a page that was not open when it came (shown again after a reload,
    // unless it is the one the person closed here).
    if (result.announcement && Number(result.announcement.sentAt) !== this.closedAnnouncementAt) {
      this.showAnnouncement(result.announcement.text, Number(result.announcement.sentAt));
    }
  }

  async fetchChatSince(afterSeq) {
    for (let since = afterSeq; ; ) {
      const batch = await this.connection.invoke("GetChatSince", since, CHAT_PAGE);
      for (const message of batch) this.addMessage(message);
      if (batch.length < CHAT_PAGE) return;
      since = batch[batch.length - 1].seq;
    }
  }

  // ChatDeleted pushes sent while we were away are lost; the snapshot (the latest messages) tells
  // which of the messages in its range are gone.
  dropMessagesDeletedWhileAway(snapshot) {
    const kept = new Set(snapshot.map((m) => Number(m.seq)));
    const from = snapshot.length > 0 ? Math.min(...kept) : -Infinity;
    const to = snapshot.length > 0 ? Math.max(...kept) : Infinity;
    for (const seq of [...this.messages.keys()]) {
      if (seq >= from && seq <= to && !kept.has(seq)) this.removeMessage(seq);
    }
  }

  // ---- attendees ----

  /** A presence push. One that arrives before Join() has answered waits for its snapshot (applyJoin). */
  applyPresence(change) {
    if (this.connection.state !== "live") {
      this.presenceBeforeJoin.push(change);
      return;
    }
    this.mergePresence(change);
    this.renderAttendees();
  }

  mergePresence(change) {
    for (const id of change.left) this.attendees.delete(id);
    for (const attendee of [...change.joined, ...change.updated]) this.attendees.set(attendee.id, attendee);
    this.attendeeCount = change.attendeeCount;
    if (this.self && this.attendees.has(this.self.id)) this.self = this.attendees.get(this.self.id);
  }

  renderAttendees() {
    setText(this.countEl, String(this.attendeeCount));
    const people = [...this.attendees.values()].sort(
      (a, b) => Number(b.isHost) - Number(a.isHost) || Number(a.joinedAt) - Number(b.joinedAt));
    this.attendeeList.replaceChildren(...people.map((a) => this.attendeeItem(a)));
    this.onPeopleChanged();
  }

  attendeeItem(attendee) {
    const isSelf = attendee.id === this.self?.id;
    const li = el("li", {
      class: [attendee.available ? "available" : "", attendee.isHost ? "host" : "", isSelf ? "self" : ""].filter(Boolean).join(" "),
      attrs: { "data-attendee-id": attendee.id },
    },
    el("div", { class: "who" },
      el("span", { class: "name", text: attendee.displayName }),
      isSelf ? el("span", { class: "you", text: ` ${strings.you}` }) : null,
      attendee.isHost ? el("span", { class: "badge badge-host", text: strings.hostBadge }) : null,
      attendee.company ? el("span", { class: "company", text: attendee.company }) : null),
    askOfferLine("ask", attendee.ask, "attendee-ask"),
    askOfferLine("offer", attendee.offer, "attendee-offer"),
    attendee.available ? el("span", { class: "badge badge-available", text: strings.openForNetworking }) : null);
    this.decorateAttendee(li, attendee);
    return li;
  }

  // ---- chat ----

  addMessage(message) {
    const seq = Number(message.seq);
    if (this.messages.has(seq)) return;
    const own = message.senderId === this.self?.id;
    const fromHost = this.attendees.get(message.senderId)?.isHost ?? false;
    const li = messageItem(message, { own, fromHost });
    this.decorateMessage(li, message);
    const stick = own || this.followChat;
    this.messages.set(seq, li);
    insertOrdered(this.chatList, li, "seq");
    this.lastSeq = Math.max(this.lastSeq, seq);
    if (stick) this.scrollToBottom();
    else show(this.newMessages, true);
  }

  removeMessage(seq) {
    const key = Number(seq);
    this.messages.get(key)?.remove();
    this.messages.delete(key);
  }

  // The input is cleared at once, so the next message can be typed while this one is on its way
  // (the hub runs one connection's calls in order); a refused message comes back into the input.
  async sendChat() {
    const text = this.chatInput.value.trim();
    if (!text) return;
    this.chatInput.value = "";
    this.chatInput.focus();
    try {
      const message = await this.connection.invoke("SendChat", text);
      this.clearError();
      this.addMessage(message);
    } catch (error) {
      this.showError(error.message);
      if (!this.chatInput.value) this.chatInput.value = text;
    }
  }

  isNearBottom() {
    const list = this.chatLog;
    return list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_BOTTOM_PX;
  }

  scrollToBottom() {
    this.chatLog.scrollTop = this.chatLog.scrollHeight;
    this.followChat = true;
    show(this.newMessages, false);
  }

  // ---- announcements and errors ----

  showAnnouncement(text, sentAt = null) {
    this.shownAnnouncementAt = sentAt;
    setText(this.announcementEl, text);
    show(this.announcementBox, true);
  }

  showError(message) {
    setText(this.errorEl, message);
    show(this.errorEl, true);
  }

  clearError() {
    setText(this.errorEl, "");
    show(this.errorEl, false);
  }

  /** Runs a hub action for a button: its refusal shows in error-message, its success clears it. */
  async act(action) {
    try {
      const result = await action();
      this.clearError();
      return result;
    } catch (error) {
      this.showError(error.message);
      return undefined;
    }
  }
}

/** A chat line: the same structure for the room chat and a breakout chat. */
export function messageItem(message, { own = false, fromHost = false } = {}) {
  const classes = [own ? "own" : "", fromHost ? "from-host" : ""].filter(Boolean).join(" ");
  const attrs = message.seq === undefined ? {} : { "data-seq": message.seq };
  return el("li", { class: classes, attrs },
    el("div", { class: "meta" },
      el("span", { class: "sender", text: message.senderName }),
      fromHost ? el("span", { class: "badge badge-host", text: strings.hostBadge }) : null,
      el("time", { text: clock(Number(message.sentAt)), attrs: { datetime: new Date(Number(message.sentAt)).toISOString() } })),
    el("p", { class: "text", text: message.text }));
}
