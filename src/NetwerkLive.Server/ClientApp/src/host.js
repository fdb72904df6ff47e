// Entry point of /e/{eventId}/host: the room plus the host's controls: rounds (host-round.js), the live overview
// and steering (host-overview.js, host-steering.js), the invitation (host-links.js) and the report.

import { getEvent, rotateHostToken } from "./api.js";
import { EventConnection } from "./connection.js";
import { Room } from "./room.js";
import { Report } from "./report.js";
import { byTestId, el, setText, show, busy } from "./dom.js";
import { strings } from "./strings.js";
import { startLanguage } from "./language.js";
import { RoundControls } from "./host-round.js";
import { HostOverview } from "./host-overview.js";
import { HostSteering } from "./host-steering.js";
import { HostLinks } from "./host-links.js";
import { confirmAction } from "./confirm.js";
import { updateRememberedHostLink } from "./created-events.js";
import { GoLive } from "./host-golive.js";
import { EndLive } from "./host-endlive.js";

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
    this.report = new Report(eventId, token);
    this.room = new Room(connection, {
      decorateMessage: (li, message) => li.append(this.deleteButton(message)),
      decorateAttendee: (li, attendee) => {
        if (!attendee.isHost) li.append(this.removeButton(attendee));
      },
    });
    this.rounds = new RoundControls(this.room, connection);
    this.overview = new HostOverview(new HostSteering(connection));
    this.links = new HostLinks(eventId);

    this.goLive = new GoLive(connection, this.room);
    this.endLive = new EndLive(connection, this.room);

    this.rotateButton = byTestId("host-rotate-link");
    this.rotateButton.addEventListener("click", busy(this.rotateButton, () => this.rotateLink()));
    this.sendFrom("announce-input", "announce-send", "Announce");
    this.sendFrom("host-broadcast-input", "host-broadcast-send", "BroadcastToBreakouts");

    connection.on("RoundStarted", (round) => {
      this.rounds.show(round);
      this.refreshReport();
    });
    connection.on("RoundEnded", () => {
      this.rounds.show(null);
      this.refreshReport();
    });
    // The counters, the groups and the round's number come from here only (docs/hub-contract.md).
    connection.on("BreakoutOverview", (overview) => this.showOverview(overview));
  }

  async applyJoin(result, reconnected) {
    await this.room.applyJoin(result, reconnected);
    this.goLive.applyJoin(result);
    this.endLive.applyJoin(result);
    this.rounds.show(result.round ?? null);
    this.showOverview(result.hostOverview ?? null);
    this.refreshReport();
  }

  showOverview(overview) {
    // A push that overtook Join()'s answer may be newer than the overview in it: the older one is dropped.
    const shown = this.overview.overview;
    if (overview && shown && Number(overview.generatedAt) < Number(shown.generatedAt)) return;
    this.overview.apply(overview);
    this.rounds.applyOverview(overview);
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
      updateRememberedHostLink(eventId, rotated.hostUrl);
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

  refreshReport() {
    return this.report.refresh();
  }

  /** After a switch of language: the texts this console wrote itself, and the report (its CSV too) in the new language. */
  relocalize() {
    this.room.relocalize();
    this.rounds.relocalize();
    this.overview.relocalize();
    this.links.relocalize();
    this.endLive.relocalize();
    for (const button of document.querySelectorAll('[data-testid="delete-message"]')) {
      setText(button, strings.deleteMessage);
      button.setAttribute("aria-label", `${strings.deleteMessage}: ${button.closest("li")?.querySelector(".sender")?.textContent ?? ""}`);
    }
    this.report.relocalize();
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

  // Removing someone cannot be undone (they cannot come back in): the host confirms it first.
  removeButton(attendee) {
    return el("button", {
      class: "link-button danger", testid: "remove-attendee", text: strings.removeAttendee,
      attrs: { type: "button", "aria-label": `${strings.removeAttendee}: ${attendee.displayName}` },
      on: {
        click: async (e) => {
          const button = e.currentTarget;
          if (await confirmAction(strings.confirmRemove(attendee.displayName), strings.removeAttendee)) {
            await this.moderate(button, () => this.connection.invoke("RemoveAttendee", attendee.id));
          }
        },
      },
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
    onRefused: ({ message }) => {
      sessionStorage.removeItem(storageKey);
      showNotice(message);
    },
  });
  hostConsole = new HostConsole(connection, token);
  hostConsole.rounds.show(null);
  hostConsole.room.setState("connecting");
  connection.start();
}

main();
