// Entry point of /e/{eventId}: the join form, then the room with breakouts.

import { getEvent, register, parseInterests, ApiError } from "./api.js";
import { EventConnection } from "./connection.js";
import { Room } from "./room.js";
import { Breakouts } from "./breakout.js";
import { byTestId, localize, setText, show } from "./dom.js";
import { strings } from "./strings.js";
import { personToken, keepPersonToken, forgetPersonToken } from "./person.js";

const eventId = decodeURIComponent(location.pathname.split("/")[2] ?? "");
const storageKey = `netwerklive:${eventId}`;
// The event's series (from GET /api/events/{id}): the person token is kept per series.
let seriesKey = null;

function savedRegistration() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(storageKey) ?? "null");
    return saved?.token ? saved : null;
  } catch {
    return null;
  }
}

function showJoinForm(message) {
  document.body.classList.remove("in-room");
  show(byTestId("room"), false);
  show(byTestId("join-section"), true);
  const error = byTestId("form-error");
  setText(error, message ?? "");
  show(error, Boolean(message));
  byTestId("display-name").focus();
}

function wireJoinForm() {
  const form = byTestId("join-form");
  const button = byTestId("join");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (button.disabled) return;
    button.disabled = true;
    setText(button, strings.joining);
    try {
      const registration = await register(eventId, {
        displayName: byTestId("display-name").value.trim(),
        company: byTestId("company").value.trim() || null,
        interests: parseInterests(byTestId("interests").value),
        contact: byTestId("contact").value.trim() || null,
        personToken: personToken(seriesKey),
      });
      keepPersonToken(seriesKey, registration.personToken);
      sessionStorage.setItem(storageKey, JSON.stringify({ attendeeId: registration.attendeeId, token: registration.token }));
      enterRoom(registration.token);
    } catch (error) {
      // A kept person token the server no longer takes (expired, another deployment): the next try joins as a new person.
      if (error instanceof ApiError && error.fields.includes("personToken")) forgetPersonToken(seriesKey);
      showJoinForm(error instanceof ApiError ? error.message : strings.somethingWrong);
    } finally {
      button.disabled = false;
      setText(button, strings.joinButton);
    }
  });
}

function enterRoom(token) {
  show(byTestId("join-section"), false);
  show(byTestId("room"), true);
  document.body.classList.add("in-room");

  const availableToggle = byTestId("available-toggle");
  let room = null;
  let breakouts = null;
  const connection = new EventConnection(token, {
    onState: (state) => room.setState(state),
    onJoined: async (result, reconnected) => {
      await room.applyJoin(result, reconnected);
      breakouts.applyJoin(result);
      availableToggle.checked = result.self.available;
    },
    onRefused: (message) => {
      sessionStorage.removeItem(storageKey);
      showJoinForm(`${message} ${strings.rejoinNeeded}`);
    },
  });
  room = new Room(connection, {
    onPeopleChanged: () => {
      if (room.self) availableToggle.checked = room.self.available;
    },
  });
  breakouts = new Breakouts(connection, room, eventId);

  availableToggle.addEventListener("change", async () => {
    const wanted = availableToggle.checked;
    const done = await room.act(() => connection.invoke("SetAvailable", wanted).then(() => true));
    if (!done) availableToggle.checked = !wanted;
  });

  connection.on("Removed", (notice) => {
    connection.finish();
    sessionStorage.removeItem(storageKey);
    show(byTestId("room"), false);
    const removed = byTestId("page-notice");
    setText(removed, notice.reason || strings.removedByHost);
    show(removed, true);
  });

  room.setState("connecting");
  connection.start();
}

async function main() {
  localize(strings);
  wireJoinForm();
  // The title for the join form; the room gets it again from Join().
  try {
    const summary = await getEvent(eventId);
    setText(byTestId("event-name"), summary.title);
    seriesKey = summary.seriesKey;
    document.title = `${summary.title} · ${strings.appName}`;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      sessionStorage.removeItem(storageKey);
      const notice = byTestId("page-notice");
      setText(notice, strings.eventNotFound);
      show(notice, true);
      return;
    }
  }
  const saved = savedRegistration();
  if (saved) enterRoom(saved.token);
  else showJoinForm();
}

main();
