// One coffee in the "Your coffees" card (coffee-planner.js keeps the state and talks to the hub): what
// state it is in, in words; the times each proposed; the form to propose up to three; and the buttons for
// what can be done now. The item is made once per coffee and updated in place, so a push from the other
// person never wipes times someone is typing.

import { el, setText, show, busy } from "./dom.js";
import { strings, clock, locale } from "./strings.js";

export const MAX_TIMES = 3;
const FIVE_MINUTES_S = 300;

/** A moment as people say it: "woensdag 9 december om 10:00" / "Wednesday, December 9 at 10:00 AM". */
export function longWhen(epochMs) {
  return new Intl.DateTimeFormat(locale(), { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" })
    .format(new Date(epochMs));
}

/** The same, short enough for a button on a phone: "wo 9 dec 10:00". */
export function shortWhen(epochMs) {
  return new Intl.DateTimeFormat(locale(), { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" })
    .format(new Date(epochMs));
}

/** An <input type="datetime-local"> value (the browser's own time zone) for a moment. */
export function localInputValue(epochMs) {
  const d = new Date(epochMs);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Tomorrow at 10:00 in the browser's time zone: a sensible first proposal. */
function tomorrowAtTen(now) {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(10, 0, 0, 0);
  return d.getTime();
}

/** The sentence for a coffee's state (the state as read from the clock, see coffee-planner.js's stateAt). */
function stateText(date, state) {
  const name = date.with.displayName;
  const words = strings.coffeeStates;
  switch (state) {
    case "agreed": return words.agreed(longWhen(Number(date.startsAt)));
    case "held": return words.held(longWhen(Number(date.startsAt)));
    case "missed": return words.missed;
    case "expired": return words.expired;
    case "cancelled": return date.cancelledByMe ? words.cancelledByMe : words.cancelledBy(name);
    default:
      if (date.theirTimes.length > 0) return words.proposedByThem(name);
      if (date.myTimes.length > 0) return words.proposedByMe(name);
      return words.open;
  }
}

export class CoffeeItem {
  /** actions: { propose(date, times, item), accept(date, time, item), cancel(date, item), ics(date, item), enter(date, item) }. */
  constructor(date, actions) {
    this.date = date;
    this.actions = actions;
    const id = `coffee-${date.dateId}`;
    this.heading = el("h3", { attrs: { id: `${id}-title` } });
    this.stateLine = el("p", { class: "coffee-state", testid: "coffee-state" });
    this.myTimes = el("div", { class: "coffee-times mine" });
    this.theirTimes = el("div", { class: "coffee-times theirs" });
    this.error = el("p", { class: "error", testid: "coffee-error", attrs: { role: "alert", hidden: true } });

    this.inputs = Array.from({ length: MAX_TIMES }, (_, i) => el("input", {
      testid: "coffee-time-input",
      attrs: { type: "datetime-local", step: FIVE_MINUTES_S, id: `${id}-time-${i}` },
    }));
    this.inputLabels = this.inputs.map((input) => el("label", { attrs: { for: input.id } }));
    this.legend = el("legend");
    this.proposeButton = el("button", { class: "primary", testid: "coffee-propose", attrs: { type: "submit" } });
    this.form = el("form", { class: "coffee-propose-form", attrs: { novalidate: true } },
      el("fieldset", {}, this.legend,
        ...this.inputs.map((input, i) => el("div", { class: "coffee-time" }, this.inputLabels[i], input))),
      this.proposeButton);
    this.form.addEventListener("submit", (event) => event.preventDefault());
    this.proposeButton.addEventListener("click", busy(this.proposeButton, () => this.propose()));
    this.inputs[0].value = localInputValue(tomorrowAtTen(Date.now()));

    this.enterButton = el("button", { class: "primary", testid: "coffee-enter", attrs: { type: "button" } });
    this.opensAt = el("p", { class: "muted coffee-opens", testid: "coffee-opens-at", attrs: { id: `${id}-opens` } });
    this.icsButton = el("button", { class: "secondary", testid: "coffee-ics", attrs: { type: "button" } });
    this.cancelButton = el("button", { class: "secondary danger", testid: "coffee-cancel", attrs: { type: "button" } });
    this.enterButton.addEventListener("click", busy(this.enterButton, () => actions.enter(this.date, this)));
    this.icsButton.addEventListener("click", busy(this.icsButton, () => actions.ics(this.date, this)));
    this.cancelButton.addEventListener("click", busy(this.cancelButton, () => actions.cancel(this.date, this)));

    this.li = el("li", { class: "coffee-date", testid: "coffee-date", attrs: { "aria-labelledby": this.heading.id } },
      this.heading, this.stateLine, this.myTimes, this.theirTimes,
      el("div", { class: "actions coffee-room-actions" }, this.enterButton, this.icsButton), this.opensAt,
      this.form, this.error,
      el("div", { class: "actions" }, this.cancelButton));
  }

  async propose() {
    const times = this.inputs.map((input) => input.value).filter(Boolean).map((value) => new Date(value).getTime());
    if (times.length === 0) {
      this.showError(strings.coffeeNoTimes);
      this.inputs[0].focus();
      return;
    }
    await this.actions.propose(this.date, times, this);
  }

  showError(message) {
    setText(this.error, message ?? "");
    show(this.error, Boolean(message));
  }

  /** Draws the coffee as it is at `now` (state: the state read from the clock). */
  update(date, state, now) {
    // A refusal is about the coffee as it was: once it changed (a push, the clock), it no longer applies.
    if (state !== this.li.dataset.state) this.showError(null);
    this.date = date;
    const name = date.with.displayName;
    this.li.dataset.with = date.with.id;
    this.li.dataset.state = state;
    setText(this.heading, strings.coffeeWith(name));
    setText(this.stateLine, stateText(date, state));

    const future = (times) => times.map(Number).filter((t) => t > now);
    const planning = state === "open";
    const mine = planning ? future(date.myTimes) : [];
    this.myTimes.replaceChildren(...(mine.length ? [
      el("span", { class: "muted", text: `${strings.coffeeMyTimes}: ` }),
      el("ul", { class: "chips" }, ...mine.map((t) => el("li", { class: "chip", text: shortWhen(t) }))),
    ] : []));
    const theirs = planning ? future(date.theirTimes) : [];
    this.theirTimes.replaceChildren(...(theirs.length ? [
      el("span", { class: "muted", text: `${strings.coffeeTheirTimes(name)}: ` }),
      ...theirs.map((t) => {
        const button = el("button", {
          class: "secondary", testid: "coffee-accept", text: strings.coffeeAccept(shortWhen(t)),
          attrs: { type: "button", "data-time": t },
        });
        button.addEventListener("click", busy(button, () => this.actions.accept(this.date, t, this)));
        return button;
      }),
    ] : []));

    // Proposing (again) is for a coffee without an agreed time: open, or after a cancel or expiry.
    show(this.form, ["open", "cancelled", "expired"].includes(state));
    setText(this.legend, strings.coffeeProposeLegend);
    this.inputLabels.forEach((label, i) => setText(label, strings.coffeeTimeLabel(i + 1)));
    setText(this.proposeButton, strings.coffeePropose);
    for (const input of this.inputs) input.min = localInputValue(now);

    const agreed = state === "agreed";
    const roomOpen = agreed && now >= Number(date.roomOpensAt) && now < Number(date.endsAt);
    show(this.enterButton, agreed);
    this.enterButton.disabled = !roomOpen;
    setText(this.enterButton, strings.coffeeEnter);
    show(this.opensAt, agreed && !roomOpen);
    setText(this.opensAt, agreed ? strings.coffeeRoomOpensAt(clock(Number(date.roomOpensAt))) : "");
    // A disabled button says why: the sentence with the time the room opens.
    if (agreed && !roomOpen) this.enterButton.setAttribute("aria-describedby", this.opensAt.id);
    else this.enterButton.removeAttribute("aria-describedby");
    show(this.icsButton, agreed);
    setText(this.icsButton, strings.coffeeIcs);
    show(this.cancelButton, state === "open" || agreed);
    setText(this.cancelButton, strings.coffeeCancel);
  }
}
