// The host's round controls: start (length and extension in whole minutes; the hub takes seconds), extend, end,
// and the status line ("Round 2 runs until 11:42 (1 group).", by the round's number from the overview, never
// its id). A value out of range is explained at its field before anything is sent; the server's refusals (the
// start guard's "Only 1 person is open…") show in the page's error line as the server words them.

import { byTestId, setText, show, busy } from "./dom.js";
import { strings, clock, plural } from "./strings.js";

const MIN_MINUTES = 1;
const MAX_MINUTES = 60; // the hub's longest round, 3600 s

export class RoundControls {
  /** room: the Room (its act() shows refusals); connection: the EventConnection. */
  constructor(room, connection) {
    this.room = room;
    this.connection = connection;
    this.round = null; // { roundId, endsAt, groupCount } from StartRound, RoundStarted or Join
    this.overview = null;
    this.startButton = byTestId("host-start-round");
    this.endButton = byTestId("host-end-round");
    this.extendButton = byTestId("host-extend-round");
    this.info = byTestId("host-round-info");
    this.startButton.addEventListener("click", busy(this.startButton, () => this.start()));
    this.endButton.addEventListener("click", busy(this.endButton, () => room.act(() => connection.invoke("EndRound"))));
    this.extendButton.addEventListener("click", busy(this.extendButton, () => this.extend()));
  }

  async start() {
    const minutes = readMinutes("host-round-duration");
    if (minutes === null) return;
    const groupSize = Number(byTestId("host-group-size").value);
    const info = await this.room.act(() => this.connection.invoke("StartRound", minutes * 60, groupSize));
    if (info) this.show({ roundId: info.roundId, endsAt: info.endsAt, groupCount: info.groupCount });
  }

  async extend() {
    const minutes = readMinutes("host-extend-minutes");
    if (minutes === null) return;
    const info = await this.room.act(() => this.connection.invoke("ExtendRound", minutes * 60));
    if (info) this.show({ roundId: info.roundId, endsAt: info.endsAt, groupCount: info.groupCount });
  }

  show(round) {
    this.round = round;
    this.startButton.disabled = Boolean(round);
    this.endButton.disabled = !round;
    this.extendButton.disabled = !round;
    this.render();
  }

  applyOverview(overview) {
    this.overview = overview ?? null;
    this.render();
  }

  // The overview knows the round's number, its end (after extensions) and its groups; until the first overview
  // of a new round arrives, the line says what the round's own notice says, without a number.
  render() {
    const known = this.overview?.round;
    if (this.round && known && known.roundId === this.round.roundId) {
      const groups = this.overview.groups.filter((g) => g.kind === "round").length;
      setText(this.info, strings.roundInfo(known.number, clock(Number(known.endsAt)), plural(groups, strings.groupCount)));
    } else if (this.round) {
      setText(this.info, strings.roundRunningUntil(clock(Number(this.round.endsAt))));
    } else {
      setText(this.info, strings.noRound);
    }
  }

  relocalize() {
    this.render();
    for (const id of ["host-round-duration", "host-extend-minutes"]) {
      if (!byTestId(`${id}-error`).hidden) readMinutes(id);
    }
  }
}

/** A whole number of minutes from the field, or null after marking the field and saying what is allowed. */
function readMinutes(testId) {
  const input = byTestId(testId);
  const error = byTestId(`${testId}-error`);
  const text = input.value.trim();
  const minutes = Number(text);
  const ok = text !== "" && Number.isInteger(minutes) && minutes >= MIN_MINUTES && minutes <= MAX_MINUTES;
  setText(error, ok ? "" : strings.minutesInvalid(MIN_MINUTES, MAX_MINUTES));
  show(error, !ok);
  if (ok) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    return minutes;
  }
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", error.id);
  input.focus();
  return null;
}
