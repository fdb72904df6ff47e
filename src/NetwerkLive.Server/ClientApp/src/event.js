// Entry point of /e/{eventId}: the join form, then the room with breakouts.

import { getEvent, register, parseInterests, ApiError } from "./api.js";
import { EventConnection } from "./connection.js";
import { Room } from "./room.js";
import { Breakouts } from "./breakout.js";
import { byTestId, markRefusedFields, setText, show } from "./dom.js";
import { strings } from "./strings.js";
import { startLanguage } from "./language.js";
import { personToken, keepPersonToken, forgetPersonToken } from "./person.js";

const eventId = decodeURIComponent(location.pathname.split("/")[2] ?? "");
const storageKey = `netwerklive:${eventId}`;
// The registration's fields as the server names them in a refusal, and the inputs they come from.
const FIELDS = { displayName: "display-name", company: "company", interests: "interests", contact: "contact" };
// What re-writes the room's own texts when the person switches language (set once in the room).
let rerenderRoom = () => {};
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
      markRefusedFields(FIELDS, [], byTestId("form-error"));
      enterRoom(registration.token);
      // The form the focus was in is gone: take it to the room.
      byTestId("main").focus();
    } catch (error) {
      // A kept person token the server no longer takes (expired, another deployment): the next try joins as a new person.
      if (error instanceof ApiError && error.fields.includes("personToken")) forgetPersonToken(seriesKey);
      showJoinForm(error instanceof ApiError ? error.message : strings.somethingWrong);
      markRefusedFields(FIELDS, error instanceof ApiError ? error.fields : [], byTestId("form-error"));
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
  rerenderRoom = () => {
    room.relocalize();
    breakouts.relocalize();
  };

  availableToggle.addEventListener("change", async () => {
    const wanted = availableToggle.checked;
    const done = await room.act(() => connection.invoke("SetAvailable", wanted).then(() => true));
    if (!done) availableToggle.checked = !wanted;
  });

  // The page's own words, not the push's reason: that was written in the language of the host who
  // removed them, and ours follows this person's language (and its switch).
  connection.on("Removed", () => {
    connection.finish();
    sessionStorage.removeItem(storageKey);
    show(byTestId("room"), false);
    showNotice("removedByHost");
  });

  room.setState("connecting");
  connection.start();
}

/** The page's notice, by its key, so it follows the language switch. */
function showNotice(key) {
  const notice = byTestId("page-notice");
  notice.dataset.text = key;
  setText(notice, strings[key]);
  show(notice, true);
}

async function main() {
  startLanguage(() => rerenderRoom());
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
      showNotice("eventNotFound");
      return;
    }
  }
  const saved = savedRegistration();
  if (saved) enterRoom(saved.token);
  else showJoinForm();
}

main();
