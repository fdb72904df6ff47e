// After the live part (the host's EndLive): the replay where the livestream was, the chat read-only unless the host
// kept it open, the asks and offers board to find someone and propose a coffee, and the coffee requests others sent
// from it. Shown on the LiveEnded push without a reload, and on Join() when the event has ended.

import { byTestId, busy, el, setText, show } from "./dom.js";
import { strings } from "./strings.js";
import { showLivestream } from "./livestream.js";

export class AfterLive {
  constructor(connection, room) {
    this.connection = connection;
    this.room = room;
    this.event = null;
    this.selfId = null;
    this.entries = [];
    this.asked = new Set(); // ids this person proposed a coffee to (or asked for a follow-up)
    this.requests = new Map(); // id -> Attendee who proposed a coffee to this person, unanswered

    this.section = byTestId("after-live");
    this.boardList = byTestId("board");
    this.boardEmpty = byTestId("board-empty");
    this.search = byTestId("board-search");
    this.chatClosed = byTestId("chat-closed");
    this.composer = byTestId("chat-input").closest(".composer");
    this.requestsSection = byTestId("follow-up-requests-section");
    this.requestsList = byTestId("follow-up-requests");

    this.search.addEventListener("input", () => this.renderBoard());
    connection.on("LiveEnded", (notice) => this.ended({ ...this.event, ...notice }));
    connection.on("FollowUpRequested", (notice) => {
      this.requests.set(notice.attendee.id, notice.attendee);
      this.renderRequests();
    });
    connection.on("FollowUpMatched", (match) => {
      this.requests.delete(match.attendee.id);
      this.asked.add(match.attendee.id);
      this.renderRequests();
      this.renderBoard();
    });
  }

  /** After each Join(): the after-live page when the event has ended, the requests in any case. */
  applyJoin(result) {
    this.event = result.event;
    this.selfId = result.self.id;
    const followUps = result.followUps ?? {};
    this.asked = new Set([...(followUps.asked ?? []), ...(followUps.matched ?? []).map((m) => m.attendee.id)]);
    this.requests = new Map((followUps.requestedBy ?? []).map((a) => [a.id, a]));
    this.renderRequests();
    if (result.event.endedAt != null) this.ended(result.event);
  }

  async ended(event) {
    this.event = event;
    document.body.classList.add("after-live");
    showLivestream(this.room.streamBox, event.replayUrl, "replay");
    show(this.composer, event.chatOpen);
    show(this.chatClosed, !event.chatOpen);
    show(this.section, true);
    const entries = await this.room.act(() => this.connection.invoke("GetBoard"));
    if (Array.isArray(entries)) {
      this.entries = entries;
      this.renderBoard();
    }
  }

  /** After a switch of language. */
  relocalize() {
    this.renderBoard();
    this.renderRequests();
  }

  renderBoard() {
    const query = searchable(this.search.value);
    const shown = this.entries.filter((entry) => !query || searchable(haystack(entry.attendee)).includes(query));
    this.boardList.replaceChildren(...shown.map((entry) => this.boardEntry(entry)));
    setText(this.boardEmpty, this.entries.length === 0 ? strings.boardEmpty : strings.boardNoMatch);
    show(this.boardEmpty, shown.length === 0);
  }

  boardEntry({ attendee, present }) {
    const li = el("li", { class: "board-entry", testid: "board-entry" },
      el("p", { class: "board-who" },
        el("strong", { text: attendee.displayName }),
        attendee.company ? el("span", { class: "muted", text: ` · ${attendee.company}` }) : null,
        present ? el("span", { class: "badge present", testid: "board-present", text: strings.boardPresent }) : null),
      askOfferLine(strings.boardAsk, attendee.ask, "board-ask"),
      askOfferLine(strings.boardOffer, attendee.offer, "board-offer"));
    li.dataset.attendeeId = attendee.id;
    if (attendee.id !== this.selfId) {
      const asked = this.asked.has(attendee.id);
      const button = el("button", {
        class: "secondary small",
        testid: "board-request",
        text: asked ? strings.boardRequested : strings.boardRequest,
        attrs: { type: "button", disabled: asked, "aria-label": asked ? null : strings.boardRequestFor(attendee.displayName) },
      });
      button.addEventListener("click", busy(button, () => this.request(attendee.id)));
      li.append(button);
    }
    return li;
  }

  renderRequests() {
    const items = [...this.requests.values()].map((attendee) => {
      const yes = el("button", { class: "primary small", testid: "follow-up-accept", text: strings.coffeeYes, attrs: { type: "button" } });
      const no = el("button", { class: "secondary small", testid: "follow-up-decline", text: strings.coffeeNo, attrs: { type: "button" } });
      yes.addEventListener("click", busy(yes, () => this.request(attendee.id)));
      no.addEventListener("click", busy(no, () => this.decline(attendee.id)));
      const li = el("li", { class: "follow-up-request", testid: "follow-up-request" },
        el("p", { text: strings.coffeeRequestFrom(attendee.displayName) }),
        askOfferLine(strings.boardAsk, attendee.ask, "board-ask"),
        askOfferLine(strings.boardOffer, attendee.offer, "board-offer"),
        el("div", { class: "actions" }, yes, no));
      li.dataset.attendeeId = attendee.id;
      return li;
    });
    this.requestsList.replaceChildren(...items);
    show(this.requestsSection, items.length > 0);
  }

  async request(attendeeId) {
    const done = await this.room.act(() => this.connection.invoke("RequestFollowUp", attendeeId).then(() => true));
    if (!done) return;
    this.asked.add(attendeeId);
    this.requests.delete(attendeeId);
    this.renderBoard();
    this.renderRequests();
  }

  async decline(attendeeId) {
    const done = await this.room.act(() => this.connection.invoke("DeclineFollowUp", attendeeId).then(() => true));
    if (!done) return;
    this.requests.delete(attendeeId);
    this.renderRequests();
  }
}

function askOfferLine(label, askOffer, testid) {
  if (!askOffer) return null;
  const tags = askOffer.tags?.length ? ` (${askOffer.tags.join(", ")})` : "";
  return el("p", { class: "ask-offer", testid }, el("span", { class: "label", text: `${label} ` }), `${askOffer.text}${tags}`);
}

/** Everything a search looks in: the name, the company, the ask and the offer with their tags. */
function haystack(attendee) {
  const parts = [attendee.displayName, attendee.company];
  for (const item of [attendee.ask, attendee.offer]) {
    if (item) parts.push(item.text, ...(item.tags ?? []));
  }
  return parts.filter(Boolean).join(" ");
}

/** Lower case without accents, so "cafe" finds "Café". */
function searchable(text) {
  return String(text ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}
