// Entry point of /: create an event and hand out the host link and the guests' link.

import { createEvent, ApiError } from "./api.js";
import { byTestId, copyText, localize, setText, show } from "./dom.js";
import { strings } from "./strings.js";

function optional(testId) {
  return byTestId(testId).value.trim() || null;
}

function showLink(testId, url) {
  const link = byTestId(testId);
  link.href = url;
  setText(link, url);
}

function wireCopy(buttonId, linkId) {
  const button = byTestId(buttonId);
  button.addEventListener("click", async () => {
    try {
      await copyText(byTestId(linkId).href);
      setText(button, strings.copied);
    } catch {
      setText(button, strings.copyFailed);
    }
    setTimeout(() => setText(button, strings.copy), 2000);
  });
}

function main() {
  localize(strings);
  const form = byTestId("create-form");
  const button = byTestId("create-event");
  const error = byTestId("form-error");
  wireCopy("copy-host-link", "host-link");
  wireCopy("copy-join-link", "join-link");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    setText(button, strings.creating);
    try {
      const created = await createEvent({
        title: byTestId("event-title").value.trim(),
        livestreamUrl: optional("livestream-url"),
        meetingUrlTemplate: optional("meeting-url-template"),
        hostName: optional("host-name"),
      });
      // The token goes in the fragment: browsers never send that part to the server.
      const hostUrl = `${location.origin}/e/${encodeURIComponent(created.eventId)}/host#token=${encodeURIComponent(created.hostToken)}`;
      showLink("host-link", hostUrl);
      showLink("join-link", created.joinUrl);
      byTestId("open-host-console").href = hostUrl;
      show(error, false);
      show(byTestId("create-section"), false);
      show(byTestId("created-section"), true);
    } catch (failure) {
      setText(error, failure instanceof ApiError ? failure.message : strings.somethingWrong);
      show(error, true);
    } finally {
      button.disabled = false;
      setText(button, strings.createButton);
    }
  });
}

main();
