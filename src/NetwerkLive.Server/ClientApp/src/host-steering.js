// Steering the breakouts by hand from the overview: pair two people who wait, move someone into a group, end one
// group early (after a confirmation). Plain controls (checkboxes, a select and buttons) that work with a keyboard
// and on a phone; nothing is drag-only. Each control has a data-key, so the overview can give the focus back after
// a push redraws it. A refusal is the server's sentence, in the page's language, shown above the overview.

import { byTestId, el, setText, show, busy } from "./dom.js";
import { strings } from "./strings.js";
import { readableError } from "./connection.js";
import { confirmAction } from "./confirm.js";

export class HostSteering {
  constructor(connection) {
    this.connection = connection;
    this.picks = new Set(); // attendee ids ticked to pair
    this.moveChoices = new Map(); // attendee id -> chosen group id
    this.error = byTestId("host-overview-error");
    this.pairButton = byTestId("host-pair-now");
    this.pairButton.addEventListener("click", busy(this.pairButton, () => this.pairNow()));
  }

  /** After a push: forget picks of people who no longer wait. */
  keepOnly(waitingIds) {
    const waiting = new Set(waitingIds);
    for (const id of [...this.picks]) if (!waiting.has(id)) this.picks.delete(id);
    this.updatePairButton();
  }

  pickBox(person) {
    const box = el("input", {
      testid: "host-pick",
      attrs: { type: "checkbox", value: person.attendeeId, "data-key": `pick:${person.attendeeId}` },
      on: {
        change: (event) => {
          if (event.currentTarget.checked) this.picks.add(person.attendeeId);
          else this.picks.delete(person.attendeeId);
          this.updatePairButton();
        },
      },
    });
    box.checked = this.picks.has(person.attendeeId);
    return el("label", { class: "toggle pick" }, box,
      el("span", { class: "member-who" },
        el("span", { class: "name", text: person.displayName }),
        person.company ? el("span", { class: "company", text: person.company }) : null));
  }

  updatePairButton() {
    this.pairButton.disabled = this.picks.size !== 2;
  }

  async pairNow() {
    if (this.picks.size !== 2) return;
    const [one, other] = [...this.picks];
    if (await this.act(() => this.connection.invoke("PairWaiting", one, other))) {
      this.picks.clear();
      this.updatePairButton();
    }
  }

  /**
   * A select of the other live groups and a Move button, for someone waiting (fromGroupId null) or in a group.
   * groups: [{ group, label }] as the overview shows them. Null when there is nowhere to move to.
   */
  moveControl(person, groups, fromGroupId = null) {
    const targets = groups.filter(({ group }) => group.groupId !== fromGroupId);
    if (targets.length === 0) return null;
    const id = person.attendeeId;
    const select = el("select", {
      testid: "host-move-target",
      attrs: { "aria-label": strings.moveTo(person.displayName), "data-key": `move-to:${id}` },
      on: { change: (event) => this.moveChoices.set(id, event.currentTarget.value) },
    },
    el("option", { text: strings.moveChoose, attrs: { value: "" } }),
    ...targets.map(({ group, label }) => el("option", {
      text: `${label}: ${group.members.filter((m) => m.state !== "left").map((m) => m.displayName).join(", ")}`,
      attrs: { value: group.groupId },
    })));
    select.value = targets.some(({ group }) => group.groupId === this.moveChoices.get(id)) ? this.moveChoices.get(id) : "";
    const button = el("button", {
      class: "secondary small", testid: "host-move", text: strings.move,
      attrs: { type: "button", "aria-label": `${strings.move}: ${person.displayName}`, "data-key": `move:${id}` },
    });
    button.addEventListener("click", busy(button, async () => {
      const groupId = select.value;
      if (!groupId) {
        select.focus();
        return;
      }
      if (await this.act(() => this.connection.invoke("MoveToGroup", id, groupId))) this.moveChoices.delete(id);
    }));
    return el("span", { class: "move" }, select, button);
  }

  // Named "End group: Group 2": the name starts with what is on screen, so a voice command finds it.
  endGroupButton(group, label, names) {
    const button = el("button", {
      class: "secondary small danger", testid: "host-end-group", text: strings.endGroup,
      attrs: { type: "button", "aria-label": `${strings.endGroup}: ${label}`, "data-key": `end:${group.groupId}` },
    });
    button.addEventListener("click", busy(button, async () => {
      const question = group.kind === "coffee" ? strings.confirmEndCoffee(names) : strings.confirmEndGroup(names);
      if (await confirmAction(question, strings.endGroup)) await this.act(() => this.connection.invoke("EndGroup", group.groupId));
    }));
    return button;
  }

  /** Runs a steering call: true when it went through; a refusal shows in host-overview-error. */
  async act(action) {
    try {
      await action();
      show(this.error, false);
      return true;
    } catch (error) {
      setText(this.error, readableError(error));
      show(this.error, true);
      return false;
    }
  }
}
