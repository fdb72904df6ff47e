// The host console's "End the live part": a replay address (YouTube or Vimeo is embedded on the event page, any
// other https address is a link) and whether the chat stays open. EndLive after a confirmation; once ended, the
// same form changes the replay and the chat (the end itself and the open period stay).

import { byTestId, busy, setText } from "./dom.js";
import { strings, locale } from "./strings.js";
import { confirmAction } from "./confirm.js";

export class EndLive {
  constructor(connection, room) {
    this.connection = connection;
    this.room = room;
    this.endedAt = null;
    this.replay = byTestId("host-end-live-replay");
    this.keepChat = byTestId("host-end-live-keep-chat");
    this.button = byTestId("host-end-live");
    this.status = byTestId("host-end-live-status");
    this.button.addEventListener("click", busy(this.button, () => this.end()));
    connection.on("LiveEnded", (notice) => this.show(notice));
  }

  /** After each Join(): the form as the event is (ended or not). */
  applyJoin(result) {
    const event = result.event;
    if (event.endedAt == null) return;
    this.replay.value = event.replayUrl ?? "";
    this.keepChat.checked = event.chatOpen;
    this.show(event);
  }

  show(ended) {
    this.endedAt = ended.endedAt;
    this.openUntil = ended.openUntil;
    setText(this.button, strings.endLiveSave);
    setText(this.status, strings.endLiveDone(day(Number(ended.openUntil))));
  }

  async end() {
    if (this.endedAt == null && !(await confirmAction(strings.endLiveConfirm, strings.endLiveButton))) return;
    const replay = this.replay.value.trim() || null;
    await this.room.act(() => this.connection.invoke("EndLive", replay, this.keepChat.checked));
  }

  relocalize() {
    setText(this.button, this.endedAt == null ? strings.endLiveButton : strings.endLiveSave);
    if (this.endedAt != null) setText(this.status, strings.endLiveDone(day(Number(this.openUntil))));
  }
}

/** A date the way the reader writes it, e.g. 31 december 2026. */
function day(epochMs) {
  return new Intl.DateTimeFormat(locale(), { day: "numeric", month: "long", year: "numeric" }).format(new Date(epochMs));
}
