// The lobby: before the event's start time (not live, as docs/hub-contract.md defines it) people who registered
// wait here, with a countdown, who else is here (the room's people list) and the chat; no livestream, breakouts or
// call check yet. It becomes the room without a reload when the host goes live (EventLive), when a round starts
// (RoundStarted), or when the start time passes on the server's clock (a phone whose own clock is off opens on time).

import { byTestId, setText, show } from "./dom.js";
import { showLivestream } from "./livestream.js";
import { strings, plural, locale, onLanguageChange } from "./strings.js";
import { serverNow } from "./api.js";

/** Live: liveAt set, no start time, or the start time passed. */
export function isLive(summary, now = serverNow()) {
  return summary.liveAt != null || summary.startsAt == null || summary.startsAt <= now;
}

const UNITS = [["dayCount", 86_400], ["hourCount", 3_600], ["minuteCount", 60], ["secondCount", 1]];

/** The time left in words (its two largest units: "2 hours and 5 minutes") and in numbers ("2:05:13", hours may pass 24). */
export function timeLeft(ms) {
  const total = Math.max(1, Math.ceil(ms / 1000));
  const counts = UNITS.map(([key, seconds], i) => [key, Math.floor(total / seconds) % (i === 0 ? Infinity : UNITS[i - 1][1] / seconds)]);
  // The largest unit and the one right below it: "1 day and 3 hours", never "1 day and 5 seconds".
  const first = counts.findIndex(([, n]) => n > 0);
  const parts = counts.slice(first, first + 2).filter(([, n]) => n > 0).map(([key, n]) => plural(n, strings[key]));
  const words = new Intl.ListFormat(locale(), { type: "conjunction" }).format(parts);
  const pad = (n) => String(n).padStart(2, "0");
  const numbers = `${Math.floor(total / 3600)}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
  return [words, numbers];
}

export class Lobby {
  /** onOpened(): the lobby became the room (not called when the room was live from the start). */
  constructor(connection, { onOpened = () => {} } = {}) {
    this.summary = null;
    this.state = "unknown"; // "lobby" or "room" after the first Join(); once the room, always the room
    this.timer = null;
    this.onOpened = onOpened;
    connection.on("EventLive", () => this.open());
    connection.on("RoundStarted", () => this.open());
    onLanguageChange(() => this.tick());
  }

  /** After each Join(): the lobby while the event is not live, else the room. Call after the room applied it. */
  applyJoin(result) {
    this.summary = result.event;
    if (this.state === "room") return;
    if (isLive(result.event)) {
      this.state = "room";
      return;
    }
    this.state = "lobby";
    document.body.classList.add("in-lobby");
    show(byTestId("lobby"), true);
    // No livestream playing unseen behind the lobby: it is shown when the room opens.
    byTestId("livestream-box").replaceChildren();
    this.tick();
    this.timer ??= setInterval(() => this.tick(), 1000);
  }

  tick() {
    if (this.state !== "lobby") return;
    const left = this.summary.startsAt - serverNow();
    if (left <= 0) {
      this.open();
      return;
    }
    setText(byTestId("lobby-countdown"), strings.lobbyCountdown(...timeLeft(left)));
  }

  open() {
    if (this.state !== "lobby") {
      this.state = "room";
      return;
    }
    this.state = "room";
    clearInterval(this.timer);
    this.timer = null;
    document.body.classList.remove("in-lobby");
    show(byTestId("lobby"), false);
    showLivestream(byTestId("livestream-box"), this.summary.livestreamUrl);
    this.onOpened();
  }
}
