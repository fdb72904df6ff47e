// Entry point of /e/{eventId}/host: the room plus the host's controls, counters and report.

import { getEvent, rotateHostToken } from "./api.js";
import { EventConnection } from "./connection.js";
import { Room } from "./room.js";
import { Report } from "./report.js";
import { byTestId, el, setText, show, busy } from "./dom.js";
import { strings, clock, plural } from "./strings.js";
import { startLanguage } from "./language.js";
import { GoLive } from "./host-golive.js";

const eventId = decodeURIComponent(location.pathname.split("/")[2] ?? "");
const storageKey = `netwerklive:host:${eventId}`;

/** The host token: from the link's #token=... (then kept per tab and taken out of the address bar). */
function hostToken() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("token");
  if (fromLink) {
    sessionStorage.setItem(storageKey, fromLink);
    history.replaceState(null, "", location.pathname + location.search);
    return fromLink;
  }
  return sessionStorage.getItem(storageKey);
}

/** The page's notice: the host link is needed (by its key, so it follows the language), after the server's reason if any. */
function showNotice(serverText = "") {
  show(byTestId("room"), false);
  const notice = byTestId("page-notice");
  notice.replaceChildren(...(serverText ? [`${serverText} `] : []), el("span", { attrs: { "data-text": "hostLinkNeeded" }, text: strings.hostLinkNeeded }));
  show(notice, true);
}

class HostConsole {
  constructor(connection, token) {
    this.connection = connection;
    this.round = null; // { roundId, endsAt, groupCount }
    this.inBreakouts = 0;
    this.report = new Report(eventId, token);
    this.room = new Room(connection, {
      decorateMessage: (li, message) => li.append(this.deleteButton(message)),
      decorateAttendee: (li, attendee) => {
        if (!attendee.isHost) li.append(this.removeButton(attendee));
      },
      onPeopleChanged: () => this.renderCounters(),
    });

    this.goLive = new GoLive(connection, this.room);
    this.startButton = byTestId("host-start-round");
    this.endButton = byTestId("host-end-round");
    this.extendButton = byTestId("host-extend-round");
    this.roundInfo = byTestId("host-round-info");

    this.startButton.addEventListener("click", busy(this.startButton, () => this.startRound()));
    this.endButton.addEventListener("click", busy(this.endButton, () => this.room.act(() => connection.invoke("EndRound"))));
    this.extendButton.addEventListener("click", busy(this.extendButton, () => this.extendRound()));
    this.rotateButton = byTestId("host-rotate-link");
    this.rotateButton.addEventListener("click", busy(this.rotateButton, () => this.rotateLink()));
    this.sendFrom("announce-input", "announce-send", "Announce");
    this.sendFrom("host-broadcast-input", "host-broadcast-send", "BroadcastToBreakouts");

    connection.on("RoundStarted", (round) => {
      this.showRound(round);
      this.refreshReport();
    });
    connection.on("RoundEnded", () => {
      this.showRound(null);
      this.inBreakouts = 0;
      this.renderCounters();
      this.refreshReport();
    });
  }

  async applyJoin(result, reconnected) {
    await this.room.applyJoin(result, reconnected);
    this.goLive.applyJoin(result);
    this.showRound(result.round ?? null);
    if (!result.round) this.inBreakouts = 0;
    this.renderCounters();
    this.refreshReport();
  }

  async startRound() {
    const duration = Number(byTestId("host-round-duration").value);
    const groupSize = Number(byTestId("host-group-size").value);
    const info = await this.room.act(() => this.connection.invoke("StartRound", duration, groupSize));
    if (info) this.roundInfoArrived(info);
  }

  async extendRound() {
    const seconds = Number(byTestId("host-extend-seconds").value);
    const info = await this.room.act(() => this.connection.invoke("ExtendRound", seconds));
    if (info) this.roundInfoArrived(info);
  }

  // A leaked host link: the server makes a new one and cuts off every connection made with the old one,
  // this one included; it reconnects with the new token. The new link stays on the page to copy.
  async rotateLink() {
    const error = byTestId("host-link-error");
    show(error, false);
    // The server cuts off every connection made with the old token: close this one first and come back
    // with the new token (or the old one, if the server refused); the button stays busy until then.
    await this.connection.pause();
    let token = this.connection.token;
    try {
      const rotated = await rotateHostToken(eventId, token);
      token = rotated.hostToken;
      sessionStorage.setItem(storageKey, token);
      this.report.token = token;
      const link = byTestId("host-new-link");
      link.href = rotated.hostUrl;
      setText(link, rotated.hostUrl);
      show(byTestId("host-new-link-box"), true);
    } catch (e) {
      setText(error, e.message);
      show(error, true);
    } finally {
      await this.connection.resume(token);
    }
  }

  roundInfoArrived(info) {
    this.showRound({ roundId: info.roundId, endsAt: info.endsAt, groupCount: info.groupCount });
    this.inBreakouts = Number(info.participantCount);
    this.renderCounters();
  }

  showRound(round) {
    this.round = round;
    setText(this.roundInfo, round
      ? strings.roundInfo(round.roundId, clock(Number(round.endsAt)), plural(Number(round.groupCount), strings.groupCount))
      : strings.noRound);
    this.startButton.disabled = Boolean(round);
    this.endButton.disabled = !round;
    this.extendButton.disabled = !round;
  }

  // Only StartRound's answer says how many were placed; another tab of the host (or a reload)
  // reads it from the report's running round.
  async refreshReport() {
    const report = await this.report.refresh();
    const running = report?.rounds.find((round) => round.endedAt === null || round.endedAt === undefined);
    if (running && this.round?.roundId === running.roundId) {
      this.inBreakouts = Number(running.participantCount);
      this.renderCounters();
    }
  }

  /** After a switch of language: the texts this console wrote itself, and the report (its CSV too) in the new language. */
  relocalize() {
    this.room.relocalize();
    this.showRound(this.round);
    for (const button of document.querySelectorAll('[data-testid="delete-message"]')) {
      setText(button, strings.deleteMessage);
      button.setAttribute("aria-label", `${strings.deleteMessage}: ${button.closest("li")?.querySelector(".sender")?.textContent ?? ""}`);
    }
    this.report.relocalize();
  }

  renderCounters() {
    const people = [...this.room.attendees.values()];
    setText(byTestId("host-present"), String(this.room.attendeeCount));
    setText(byTestId("host-available"), String(people.filter((a) => a.available && !a.isHost).length));
    setText(byTestId("host-in-breakouts"), String(this.round ? this.inBreakouts : 0));
  }

  sendFrom(inputId, buttonId, method) {
    const input = byTestId(inputId);
    const button = byTestId(buttonId);
    const send = busy(button, async () => {
      const text = input.value.trim();
      if (!text) return;
      const done = await this.room.act(() => this.connection.invoke(method, text).then(() => true));
      if (done) input.value = "";
    });
    button.addEventListener("click", send);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.isComposing) {
        event.preventDefault();
        button.click();
      }
    });
  }

  deleteButton(message) {
    return el("button", {
      class: "link-button danger", testid: "delete-message", text: strings.deleteMessage,
      attrs: { type: "button", "aria-label": `${strings.deleteMessage}: ${message.senderName}` },
      on: { click: (e) => this.moderate(e.currentTarget, () => this.connection.invoke("DeleteMessage", message.seq)) },
    });
  }

  removeButton(attendee) {
    return el("button", {
      class: "link-button danger", testid: "remove-attendee", text: strings.removeAttendee,
      attrs: { type: "button", "aria-label": `${strings.removeAttendee}: ${attendee.displayName}` },
      on: { click: (e) => this.moderate(e.currentTarget, () => this.connection.invoke("RemoveAttendee", attendee.id)) },
    });
  }

  async moderate(button, action) {
    button.disabled = true;
    const done = await this.room.act(() => action().then(() => true));
    if (!done) button.disabled = false;
  }
}

async function main() {
  let hostConsole = null;
  startLanguage(() => hostConsole?.relocalize());
  const token = hostToken();
  if (!token) {
    showNotice();
    return;
  }
  getEvent(eventId).then((summary) => setText(byTestId("event-name"), summary.title)).catch(() => {});
  show(byTestId("room"), true);
  const connection = new EventConnection(token, {
    onState: (state) => hostConsole.room.setState(state),
    onJoined: (result, reconnected) => hostConsole.applyJoin(result, reconnected),
    onRefused: (message) => {
      sessionStorage.removeItem(storageKey);
      showNotice(message);
    },
  });
  hostConsole = new HostConsole(connection, token);
  hostConsole.showRound(null);
  hostConsole.room.setState("connecting");
  connection.start();
}

main();
