// The host's live view of the breakouts (docs/hub-contract.md, "The host's view and steering"): every group of
// the running round and every coffee chat with its members and their state in words, the time left and who asked
// for more; who waits; who sat out; and the counters. Drawn from Join()'s hostOverview and each BreakoutOverview
// push, which is always whole: the view is replaced, never added to. The controls to steer (host-steering.js)
// are part of it; what the host was choosing or had in focus survives a push.

import { byTestId, el, setText, show } from "./dom.js";
import { strings } from "./strings.js";
import { serverNow } from "./api.js";

const KIND_ORDER = { round: 0, coffee: 1 };

export class HostOverview {
  /** steering: a HostSteering, which makes the controls and acts on them. */
  constructor(steering) {
    this.steering = steering;
    this.overview = null;
    this.box = byTestId("host-breakouts");
    this.waitingList = byTestId("host-waiting");
    this.satOutBox = byTestId("host-sat-out-box");
    this.satOutList = byTestId("host-sat-out");
    setInterval(() => this.tick(), 1000);
    this.render();
  }

  apply(overview) {
    this.overview = overview ?? null;
    this.render();
  }

  /** The live groups in the order shown, each with the label a person reads ("Group 2", "Coffee chat 1"): never an id. */
  labelledGroups() {
    const groups = [...(this.overview?.groups ?? [])].sort((a, b) =>
      (KIND_ORDER[a.kind] ?? 2) - (KIND_ORDER[b.kind] ?? 2) || Number(a.startedAt) - Number(b.startedAt) || String(a.groupId).localeCompare(String(b.groupId)));
    const numbers = { round: 0, coffee: 0 };
    return groups.map((group) => {
      const n = ++numbers[group.kind === "coffee" ? "coffee" : "round"];
      return { group, label: group.kind === "coffee" ? strings.overviewCoffee(n) : strings.overviewGroup(n) };
    });
  }

  render() {
    const focusKey = document.activeElement?.dataset?.key;
    const groups = this.labelledGroups();
    this.box.replaceChildren(...(groups.length
      ? groups.map(({ group, label }) => this.groupCard(group, label, groups))
      : [el("p", { class: "muted", text: strings.overviewEmpty })]));

    const waiting = this.overview?.waiting ?? [];
    this.steering.keepOnly(waiting.map((p) => p.attendeeId));
    this.waitingList.replaceChildren(...(waiting.length
      ? waiting.map((person) => el("li", { attrs: { "data-attendee-id": person.attendeeId } },
        this.steering.pickBox(person),
        this.steering.moveControl(person, groups)))
      : [el("li", { class: "muted", text: strings.waitingNone })]));

    const satOut = this.overview?.satOut ?? [];
    this.satOutList.replaceChildren(...satOut.map((person) => el("li", { attrs: { "data-attendee-id": person.attendeeId } }, ...who(person))));
    show(this.satOutBox, satOut.length > 0);

    const counts = this.overview?.counts ?? { present: 0, open: 0, inBreakouts: 0, waiting: 0 };
    setText(byTestId("host-present"), String(counts.present));
    setText(byTestId("host-available"), String(counts.open));
    setText(byTestId("host-in-breakouts"), String(counts.inBreakouts));
    setText(byTestId("host-waiting-count"), String(counts.waiting));

    this.tick();
    if (focusKey) document.querySelector(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  groupCard(group, label, groups) {
    const present = group.members.filter((m) => m.state !== "left");
    const voters = group.extensionVotes
      .map((id) => group.members.find((m) => m.attendeeId === id)?.displayName)
      .filter(Boolean);
    return el("article", { class: `overview-group kind-${group.kind}`, testid: "host-group", attrs: { "data-group-id": group.groupId, "data-kind": group.kind } },
      el("div", { class: "overview-group-head" },
        el("h3", { text: label }),
        el("span", { class: "group-time" },
          el("span", { class: "muted", text: `${strings.timeLeft} ` }),
          el("span", { class: "countdown-small", testid: "host-group-time", attrs: { "data-ends-at": String(group.endsAt) } })),
        this.steering.endGroupButton(group, label, present.map((m) => m.displayName))),
      el("ul", { class: "overview-members" }, ...group.members.map((member) =>
        el("li", { class: `member state-${member.state}`, testid: "host-member", attrs: { "data-attendee-id": member.attendeeId, "data-state": member.state } },
          el("span", { class: "member-who" }, ...who(member)),
          el("span", { class: "member-state", testid: "host-member-state", text: strings.memberStates[member.state] ?? member.state }),
          member.state === "left" ? null : this.steering.moveControl(member, groups, group.groupId)))),
      voters.length ? el("p", { class: "extension-votes", testid: "host-extension-votes", text: strings.extensionVotes(voters) }) : null);
  }

  /** The time left of every group, every second (on the server's clock). */
  tick() {
    for (const node of this.box.querySelectorAll("[data-ends-at]")) {
      const left = Math.max(0, Math.round((Number(node.dataset.endsAt) - serverNow()) / 1000));
      setText(node, `${String(Math.floor(left / 60)).padStart(2, "0")}:${String(left % 60).padStart(2, "0")}`);
    }
  }

  relocalize() {
    this.render();
  }
}

/** Name and company of someone, for the overview's lists. */
function who(person) {
  return [
    el("span", { class: "name", text: person.displayName }),
    person.company ? el("span", { class: "company", text: person.company }) : null,
  ];
}
