// Entry point of /: create an event and hand out the host link and the guests' link.

import { createEvent, ApiError } from "./api.js";
import { byTestId, copyText, markRefusedFields, setText, show } from "./dom.js";
import { strings } from "./strings.js";
import { startLanguage } from "./language.js";
import { rememberCreatedEvent, renderCreatedEvents } from "./created-events.js";
import { SCHEDULE_FIELDS, scheduleFields } from "./schedule-form.js";

// The request's fields as the server names them in a refusal, and the inputs they come from.
const FIELDS = {
  title: "event-title", livestreamUrl: "livestream-url", meetingMode: "meeting-mode-inPage", meetingUrlTemplate: "meeting-url-template", hostName: "host-name",
  ...SCHEDULE_FIELDS,
};

// How breakouts meet: "inPage" (the default), "external" or "both"; the link field only when the link is used.
function meetingMode(form) {
  return form.querySelector('input[name="meetingMode"]:checked')?.value ?? "inPage";
}

function wireMeetingMode(form) {
  const update = () => show(byTestId("meeting-url-field"), meetingMode(form) !== "inPage");
  for (const radio of form.querySelectorAll('input[name="meetingMode"]')) radio.addEventListener("change", update);
  update();
}

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
  startLanguage(renderCreatedEvents);
  renderCreatedEvents();
  const form = byTestId("create-form");
  const button = byTestId("create-event");
  const error = byTestId("form-error");
  wireCopy("copy-host-link", "host-link");
  wireCopy("copy-join-link", "join-link");
  wireMeetingMode(form);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    setText(button, strings.creating);
    try {
      const created = await createEvent({
        title: byTestId("event-title").value.trim(),
        livestreamUrl: optional("livestream-url"),
        meetingMode: meetingMode(form),
        meetingUrlTemplate: meetingMode(form) === "inPage" ? null : optional("meeting-url-template"),
        hostName: optional("host-name"),
        ...scheduleFields(),
      });
      // The token goes in the fragment: browsers never send that part to the server.
      const hostUrl = `${location.origin}/e/${encodeURIComponent(created.eventId)}/host#token=${encodeURIComponent(created.hostToken)}`;
      showLink("host-link", hostUrl);
      showLink("join-link", created.joinUrl);
      byTestId("open-host-console").href = hostUrl;
      rememberCreatedEvent({ eventId: created.eventId, title: byTestId("event-title").value.trim(), hostUrl, joinUrl: created.joinUrl, createdAt: Date.now() });
      show(error, false);
      markRefusedFields(FIELDS, [], error);
      show(byTestId("create-section"), false);
      show(byTestId("created-section"), true);
      // The form the focus was in is gone: take it to what the page shows now.
      byTestId("created-title").focus();
    } catch (failure) {
      setText(error, failure instanceof ApiError ? failure.message : strings.somethingWrong);
      show(error, true);
      if (!markRefusedFields(FIELDS, failure instanceof ApiError ? failure.fields : [], error)) error.focus();
    } finally {
      button.disabled = false;
      setText(button, strings.createButton);
    }
  });
}

main();
