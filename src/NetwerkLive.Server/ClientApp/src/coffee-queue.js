// The coffee queue on the attendee page: "Find me a coffee partner" (also offered to someone waiting alone in a
// round), "Stop waiting", and how many wait. A match arrives as a breakout (breakout.js).

import { byTestId, setText, show, busy } from "./dom.js";
import { strings, plural } from "./strings.js";

export class CoffeeQueue {
  /**
   * waitingInRound(): whether the person waits alone in a round; leaveRoundWaiting(): closes that waiting panel (the
   * server took them off the round's waiting list when they queued for coffee instead); free(): in no breakout at all.
   */
  constructor(connection, room, { waitingInRound, leaveRoundWaiting, free }) {
    this.connection = connection;
    this.room = room;
    this.waitingInRound = waitingInRound;
    this.leaveRoundWaiting = leaveRoundWaiting;
    this.free = free;
    this.queued = false;
    this.status = null;
    this.button = byTestId("coffee-queue");
    this.statusLine = byTestId("coffee-status");
    this.button.addEventListener("click", busy(this.button, () => this.toggle()));
  }

  /** Another button that does the same (the one in the round's waiting panel). */
  alsoFrom(button) {
    button.addEventListener("click", busy(button, () => this.toggle()));
  }

  /** In a breakout the queue is not offered; waiting alone in a round, or outside any, it is. */
  offer(offered) {
    this.button.disabled = !offered;
  }

  /** Matched (a breakout started): no longer queued. */
  matched() {
    this.queued = false;
    this.render(null);
  }

  async toggle() {
    if (this.queued) {
      const left = await this.room.act(() => this.connection.invoke("LeaveCoffeeQueue").then(() => true));
      if (left) this.matched();
      return;
    }
    const status = await this.room.act(() => this.connection.invoke("FindCoffeePartner"));
    if (status && !status.matched && this.waitingInRound()) this.leaveRoundWaiting();
    if (status && !status.matched && this.free()) {
      this.queued = true;
      this.render(status);
      this.button.focus();
    }
  }

  render(status) {
    this.status = status;
    setText(this.button, this.queued ? strings.leaveCoffeeQueue : strings.coffeeQueue);
    setText(this.statusLine, status && this.queued
      ? strings.coffeeWaiting(plural(Number(status.waiting), strings.coffeeWaitingCount)) : "");
    show(this.statusLine, this.queued);
  }

  relocalize() {
    this.render(this.status);
  }
}
