// One question before an action that cannot be undone (ending a group, removing someone): the page's own
// <dialog>, opened modal, so focus moves into it, stays there and Escape cancels; afterwards focus goes back
// to the button that asked. Never window.confirm: it blocks the page (pushes stop) and cannot be styled or translated.

import { byTestId, el, setText } from "./dom.js";
import { strings } from "./strings.js";

let made = null;

/** The page's one confirm dialog, made on first use (its fixed title follows a language switch through data-text). */
function confirmDialog() {
  made ??= document.body.appendChild(el("dialog", {
    class: "confirm", testid: "host-confirm",
    attrs: { "aria-labelledby": "host-confirm-title", "aria-describedby": "host-confirm-text" },
  },
  el("h2", { text: strings.confirmTitle, attrs: { id: "host-confirm-title", "data-text": "confirmTitle" } }),
  el("p", { testid: "host-confirm-text", attrs: { id: "host-confirm-text" } }),
  el("div", { class: "actions" },
    el("button", { class: "secondary", testid: "host-confirm-cancel", attrs: { type: "button" } }),
    el("button", { class: "primary danger-fill", testid: "host-confirm-ok", attrs: { type: "button" } }))));
  return made;
}

/**
 * Asks `question`; resolves true when the person chose `okLabel`, false on the other button or Escape. `cancelKey`:
 * the strings key of the other button ("cancel" in the host console; "goBack" where the action itself is a cancelling).
 */
export function confirmAction(question, okLabel, cancelKey = "cancel") {
  const dialog = confirmDialog();
  const ok = byTestId("host-confirm-ok", dialog);
  const cancel = byTestId("host-confirm-cancel", dialog);
  const returnTo = document.activeElement;
  setText(byTestId("host-confirm-text", dialog), question);
  setText(ok, okLabel);
  cancel.dataset.text = cancelKey;
  setText(cancel, strings[cancelKey]);
  return new Promise((resolve) => {
    const finish = (answer) => {
      ok.removeEventListener("click", yes);
      cancel.removeEventListener("click", no);
      dialog.removeEventListener("close", no);
      if (dialog.open) dialog.close();
      // A push may have redrawn the overview meanwhile: then its control with the same data-key takes the focus.
      const key = returnTo instanceof HTMLElement ? returnTo.dataset.key : undefined;
      const target = returnTo?.isConnected ? returnTo : key ? document.querySelector(`[data-key="${CSS.escape(key)}"]`) : null;
      target?.focus();
      resolve(answer);
    };
    const yes = () => finish(true);
    const no = () => finish(false);
    ok.addEventListener("click", yes);
    cancel.addEventListener("click", no);
    dialog.addEventListener("close", no); // Escape
    dialog.showModal();
    // The safe choice has the focus: a stray Enter does not remove anyone.
    cancel.focus();
  });
}
