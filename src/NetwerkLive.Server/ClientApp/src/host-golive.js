// The host console's "Go live now": shown while the event is not live yet (guests wait in the lobby until its
// start time); GoLive opens the room for everyone at once. Gone again when EventLive arrives or the time comes.

import { byTestId, busy, setText, show } from "./dom.js";
import { strings } from "./strings.js";
import { isLive } from "./lobby.js";
import { serverNow } from "./api.js";

export class GoLive {
  constructor(connection, room) {
    this.section = byTestId("host-go-live-section");
    this.button = byTestId("host-go-live");
    this.status = byTestId("host-go-live-status");
    this.timer = null;
    this.button.addEventListener("click", busy(this.button, () => room.act(() => connection.invoke("GoLive"))));
    connection.on("EventLive", () => this.opened(true));
  }

  /** After each Join(): the button while the event is not live. */
  applyJoin(result) {
    clearTimeout(this.timer);
    if (isLive(result.event)) {
      this.opened(false);
      return;
    }
    show(this.section, true);
    show(this.button, true);
    setText(this.status, "");
    // The start time passing opens the lobby by itself: the button has nothing left to do then. (A timer can wait
    // at most about 24 days; a console open that long joins again before then.)
    const wait = result.event.startsAt - serverNow();
    if (wait < 2 ** 31 - 1) this.timer = setTimeout(() => this.opened(false), wait);
  }

  opened(byHost) {
    clearTimeout(this.timer);
    show(this.button, false);
    if (byHost) setText(this.status, strings.wentLive);
    else show(this.section, false);
  }
}
