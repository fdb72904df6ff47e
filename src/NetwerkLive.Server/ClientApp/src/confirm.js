// One question before an action that cannot be undone (ending a group, removing someone): the page's own
// <dialog>, opened modal, so focus moves into it, stays there and Escape cancels; afterwards focus goes back
// to the button that asked. Never window.confirm: it blocks the page (pushes stop) and cannot be styled or translated.

import { byTestId, setText } from "./dom.js";

/** Asks `question`; resolves true when the person chose `okLabel`, false on Cancel or Escape. */
export function confirmAction(question, okLabel) {
  const dialog = byTestId("host-confirm");
  const ok = byTestId("host-confirm-ok", dialog);
  const cancel = byTestId("host-confirm-cancel", dialog);
  const returnTo = document.activeElement;
  setText(byTestId("host-confirm-text", dialog), question);
  setText(ok, okLabel);
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
