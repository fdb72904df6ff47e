// The coffee that actually happens (issue 15): one coffee per mutual follow-up, from Join()'s coffeeDates
// and the CoffeeDateChanged pushes (each as this person sees it: myTimes are theirs, `with` the other).
// Here: the state, the hub calls (propose, accept, cancel, enter the room), the invite download, the
// reminder when the room opens, and a timer that redraws at the moments the state changes by the clock.
// How one coffee looks is coffee-view.js's; the room itself is the breakout panel (breakout.js), which
// asks dateOf() whether a group is a coffee room.

import { byTestId, el, setText, show, busy } from "./dom.js";
import { strings, clock } from "./strings.js";
import { serverNow, getCoffeeCalendar } from "./api.js";
import { confirmAction } from "./confirm.js";
import { CoffeeItem } from "./coffee-view.js";

// setTimeout's longest delay; a coffee weeks ahead is redrawn by a later timer.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * The state as the clock says now. The server pushes open, agreed and cancelled; expired, held and missed
 * it reads from the clock without a push (docs/hub-contract.md, "Coffees"), so the page reads them the same way.
 */
export function stateAt(date, now) {
  if (date.state === "agreed" && Number(date.endsAt) <= now) return date.entered.length >= 2 ? "held" : "missed";
  const times = [...date.myTimes, ...date.theirTimes].map(Number);
  if (date.state === "open" && times.length > 0 && times.every((t) => t <= now)) return "expired";
  return date.state;
}

export class CoffeePlanner {
  /** eventId: for the invite's address; attention: the page's Attention (the reminder's title and chime). */
  constructor(connection, eventId, { attention }) {
    this.connection = connection;
    this.eventId = eventId;
    this.attention = attention;
    this.dates = new Map(); // dateId -> CoffeeDate
    this.items = new Map(); // dateId -> CoffeeItem
    this.timer = null;
    this.reminded = null; // the CoffeeDate of the reminder shown

    this.section = byTestId("coffee-section");
    this.list = byTestId("coffee-dates");
    this.reminder = byTestId("coffee-reminder");
    this.reminderText = byTestId("coffee-reminder-text");
    const reminderEnter = byTestId("coffee-reminder-enter");
    reminderEnter.addEventListener("click", busy(reminderEnter, () => this.enter(this.reminded)));
    byTestId("coffee-reminder-close").addEventListener("click", () => {
      this.closeReminder();
      this.attention.clearTitle();
    });

    connection.on("CoffeeDateChanged", (date) => this.changed(date));
    connection.on("CoffeeReminder", (date) => this.remind(date));
  }

  /** Join()'s coffees replace what the page knew (a block may have taken one away meanwhile). */
  applyJoin(result) {
    this.dates = new Map((result.coffeeDates ?? []).map((date) => [date.dateId, date]));
    for (const [dateId, item] of this.items) {
      if (!this.dates.has(dateId)) {
        item.li.remove();
        this.items.delete(dateId);
      }
    }
    this.render();
  }

  /** The coffee whose room this group is (a coffee room's roundId is its dateId), or undefined. */
  dateOf(roundId) {
    return roundId ? this.dates.get(roundId) : undefined;
  }

  changed(date) {
    this.dates.set(date.dateId, date);
    if (this.reminded?.dateId === date.dateId) this.reminded = date;
    this.render();
  }

  render() {
    const now = serverNow();
    for (const date of this.dates.values()) {
      let item = this.items.get(date.dateId);
      if (!item) {
        item = new CoffeeItem(date, this.actions());
        this.items.set(date.dateId, item);
        this.list.append(item.li);
      }
      item.update(date, stateAt(date, now), now);
    }
    show(this.section, this.dates.size > 0);
    if (this.reminded) this.paintReminder();
    this.scheduleRedraw(now);
  }

  /** After a switch of language: every coffee's words and times. */
  relocalize() {
    this.render();
  }

  // The next moment a coffee changes by the clock alone: a proposed time passes, the room opens, it ends.
  scheduleRedraw(now) {
    clearTimeout(this.timer);
    const moments = [...this.dates.values()]
      .flatMap((d) => [...d.myTimes, ...d.theirTimes, d.roomOpensAt, d.endsAt])
      .filter((t) => t !== null && t !== undefined)
      .map(Number)
      .filter((t) => t > now);
    if (moments.length === 0) return;
    const delay = Math.min(Math.min(...moments) - now + 50, MAX_DELAY_MS);
    this.timer = setTimeout(() => this.render(), delay);
  }

  actions() {
    return {
      propose: (date, times, item) => this.call(item, "ProposeCoffeeTimes", date.dateId, times),
      accept: (date, time, item) => this.call(item, "AcceptCoffeeTime", date.dateId, time),
      cancel: async (date, item) => {
        const sure = await confirmAction(strings.coffeeConfirmCancel(date.with.displayName), strings.coffeeConfirmCancelOk, "goBack");
        if (sure) await this.call(item, "CancelCoffee", date.dateId);
      },
      ics: (date, item) => this.downloadInvite(date, item),
      enter: (date, item) => this.enter(date, item),
    };
  }

  /** A hub call for one coffee: the CoffeeDate it answers is shown at once; a refusal shows in that coffee. */
  async call(item, method, ...args) {
    try {
      const answer = await this.connection.invoke(method, ...args);
      item.showError(null);
      if (answer?.dateId) this.changed(answer);
    } catch (error) {
      item.showError(error.message);
    }
  }

  // The invite is fetched with the person's token (a plain link could not send it) and saved as a file.
  async downloadInvite(date, item) {
    try {
      const blob = await getCoffeeCalendar(this.eventId, date.dateId, this.connection.token);
      const url = URL.createObjectURL(blob);
      const name = strings.coffeeIcsFile(date.with.displayName).replace(/[\\/:*?"<>|]/g, "");
      const link = el("a", { class: "offscreen", attrs: { href: url, download: `${name}.ics` } });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      item.showError(null);
    } catch (error) {
      item.showError(error.message);
    }
  }

  /** Into the coffee room: the BreakoutStarted push that follows opens it in the breakout panel. */
  async enter(date, item = this.items.get(date?.dateId)) {
    if (!date) return;
    try {
      await this.connection.invoke("EnterCoffeeRoom", date.dateId);
      item?.showError(null);
      this.closeReminder();
    } catch (error) {
      if (item) item.showError(error.message);
      else this.showReminderError(error.message);
    }
  }

  // ---- the reminder: sent once, when the room opens, to the pages open then ----

  remind(date) {
    this.changed(date);
    this.reminded = date;
    show(this.reminder, true);
    this.paintReminder();
    // A moment like a breakout starting: said in the page's live region, in the title, with the chime, and in view.
    if (this.reminded) this.attention.notify(this.reminderText.textContent, this.reminder);
  }

  paintReminder() {
    const date = this.reminded;
    if (!date) return;
    if (stateAt(date, serverNow()) !== "agreed") {
      this.closeReminder();
      this.attention.clearTitle();
      return;
    }
    setText(this.reminderText, strings.coffeeReminder(date.with.displayName, clock(Number(date.startsAt))));
  }

  showReminderError(message) {
    setText(this.reminderText, message);
  }

  // The tab title is left alone: entering the room names the new moment there (breakout.js).
  closeReminder() {
    this.reminded = null;
    show(this.reminder, false);
  }
}
