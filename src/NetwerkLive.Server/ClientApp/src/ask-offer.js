// "Ik zoek / Ik bied" on the attendee page: the two optional fields of the join form, the dialog in the room that
// changes them (a modal <dialog>: focus stays in it and Escape closes it, also on a phone), and how an ask and an
// offer are shown in the list of people and on the breakout partner card. The rule is the server's (AskOfferRules):
// a text of at most 200 characters and at most 3 of the host's tags; a refusal is shown as the server's sentence.

import { byTestId, el, setText, show } from "./dom.js";
import { strings } from "./strings.js";

export const MAX_TAGS = 3;
const FOLD_AFTER = 90; // longer texts are folded, so the list of people stays a list

/** The host's tags as chips (checkboxes) for one field; once MAX_TAGS are ticked the others cannot be. */
export function renderTagChips(container, tags, chosen, testid) {
  const picked = new Set(chosen.map((tag) => tag.toLowerCase()));
  container.replaceChildren(...tags.map((tag) =>
    el("label", { class: "toggle tag" },
      el("input", { testid, attrs: { type: "checkbox", value: tag, checked: picked.has(tag.toLowerCase()) } }),
      el("span", { text: tag }))));
  const cap = () => {
    const boxes = [...container.querySelectorAll("input")];
    const ticked = boxes.filter((box) => box.checked).length;
    for (const box of boxes) box.disabled = !box.checked && ticked >= MAX_TAGS;
  };
  container.onchange = cap;
  cap();
  show(container, tags.length > 0);
}

/** What to send for one field: null when it has neither text nor a tag (which clears it). */
export function readAskOffer(textarea, chips) {
  const text = textarea.value.trim();
  const tags = [...chips.querySelectorAll("input:checked")].map((box) => box.value);
  return text || tags.length ? { text, tags } : null;
}

/** An ask or an offer as a line: what it is, its text (folded when long) and its tags; null when there is none. */
export function askOfferLine(kind, value, testid) {
  if (!value) return null;
  const text = value.text.length > FOLD_AFTER
    ? el("details", { class: "ask-offer-more" },
      el("summary", { text: `${value.text.slice(0, FOLD_AFTER).trimEnd()}…` }),
      el("span", { text: value.text }))
    : el("span", { class: "ask-offer-text", text: value.text });
  return el("div", { class: `ask-offer ${kind}`, testid },
    el("span", { class: "ask-offer-label", text: `${kind === "ask" ? strings.askShort : strings.offerShort}: ` }),
    text,
    value.tags?.length ? el("span", { class: "ask-offer-tags" }, ...value.tags.map((tag) => el("span", { class: "chip", text: tag }))) : null);
}

/** The join form's two fields get the event's tags as chips. */
export function showJoinAskOffer(summary) {
  const tags = summary.interestTags ?? [];
  renderTagChips(byTestId("join-ask-tags"), tags, [], "join-ask-tag");
  renderTagChips(byTestId("join-offer-tags"), tags, [], "join-offer-tag");
}

/** The registration body's ask and offer, from the join form. */
export function joinAskOffer() {
  return {
    ask: readAskOffer(byTestId("join-ask"), byTestId("join-ask-tags")),
    offer: readAskOffer(byTestId("join-offer"), byTestId("join-offer-tags")),
  };
}

/** The dialog in the room ("ask-offer-edit" opens it): SetAskAndOffer, then the list shows the change. */
export class AskOfferEditor {
  constructor(connection, room) {
    this.connection = connection;
    this.room = room;
    this.tags = [];
    this.dialog = byTestId("ask-offer-dialog");
    this.askText = byTestId("ask-text", this.dialog);
    this.offerText = byTestId("offer-text", this.dialog);
    this.askTags = byTestId("ask-tags", this.dialog);
    this.offerTags = byTestId("offer-tags", this.dialog);
    this.error = byTestId("ask-offer-error", this.dialog);
    this.save = byTestId("ask-offer-save", this.dialog);
    byTestId("ask-offer-edit").addEventListener("click", () => this.open());
    byTestId("ask-offer-cancel", this.dialog).addEventListener("click", () => this.dialog.close());
    byTestId("ask-offer-form", this.dialog).addEventListener("submit", (event) => {
      event.preventDefault();
      this.send();
    });
  }

  applyJoin(result) {
    this.tags = result.event.interestTags ?? [];
  }

  open() {
    const self = this.room.self;
    this.askText.value = self?.ask?.text ?? "";
    this.offerText.value = self?.offer?.text ?? "";
    renderTagChips(this.askTags, this.tags, self?.ask?.tags ?? [], "ask-tag");
    renderTagChips(this.offerTags, this.tags, self?.offer?.tags ?? [], "offer-tag");
    show(this.error, false);
    this.dialog.showModal();
    this.askText.focus();
  }

  async send() {
    if (this.save.disabled) return;
    this.save.disabled = true;
    try {
      const self = await this.connection.invoke("SetAskAndOffer",
        readAskOffer(this.askText, this.askTags), readAskOffer(this.offerText, this.offerTags));
      // Shown at once; everyone else (and this page again) gets it as a presence update.
      this.room.mergePresence({ joined: [], left: [], updated: [self], attendeeCount: this.room.attendeeCount });
      this.room.renderAttendees();
      this.dialog.close();
    } catch (error) {
      setText(this.error, error.message);
      show(this.error, true);
    } finally {
      this.save.disabled = false;
    }
  }
}
