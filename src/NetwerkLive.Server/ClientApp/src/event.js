// Entry point of /e/{eventId}: the join form (or "Continue as ..." for someone this browser knows),
// then the room with breakouts; the removed page for someone the host removed.

import { getEvent, register, ApiError } from "./api.js";
import { EventConnection } from "./connection.js";
import { Room } from "./room.js";
import { Breakouts } from "./breakout.js";
import { CallEngine } from "./call.js";
import { CallView } from "./call-view.js";
import { CallControls } from "./call-controls.js";
import { People } from "./people.js";
import { CoffeePlanner } from "./coffee-planner.js";
import { AfterLive } from "./after-live.js";
import { Attention } from "./attention.js";
import { MediaCheck } from "./media-check.js";
import { byTestId, markRefusedFields, setText, show } from "./dom.js";
import { strings, onLanguageChange } from "./strings.js";
import { startLanguage } from "./language.js";
import { EventAbout } from "./event-about.js";
import { AskOfferEditor, joinAskOffer, showJoinAskOffer } from "./ask-offer.js";
import { Lobby } from "./lobby.js";
import { personToken, keepPersonToken, forgetPersonToken } from "./person.js";
import { rememberedAttendee, inRoomInThisTab, rememberAttendee, markInRoom, rememberRemoved, forgetAttendee } from "./identity.js";

const eventId = decodeURIComponent(location.pathname.split("/")[2] ?? "");
// The registration's fields as the server names them in a refusal, and the inputs they come from.
const FIELDS = { displayName: "display-name", company: "company", interests: "interests", contact: "contact", ask: "join-ask", offer: "join-offer" };
// What re-writes the room's own texts when the person switches language (set once in the room).
let rerenderRoom = () => {};
// The event's series (from GET /api/events/{id}): the person token is kept per series.
let seriesKey = null;
let eventTitle = "";
let removed = false;
// The start time, description and interest tags on the join form.
const about = new EventAbout(eventId);

const attention = new Attention(byTestId("moment-announcer"), () => (eventTitle ? `${eventTitle} · ${strings.appName}` : strings.appName));

function showJoinForm(message) {
  document.body.classList.remove("in-room");
  show(byTestId("room"), false);
  show(byTestId("continue-section"), false);
  show(byTestId("join-section"), true);
  const error = byTestId("form-error");
  setText(error, message ?? "");
  show(error, Boolean(message));
  byTestId("display-name").focus();
}

/** This browser joined before: one tap to go on as that person, or "Not you?" to start fresh. */
function showContinue(saved) {
  show(byTestId("join-section"), false);
  const button = byTestId("continue-as");
  const label = () => setText(button, strings.continueAs(saved.displayName ?? strings.someone));
  label();
  onLanguageChange(label);
  show(byTestId("continue-section"), true);
  button.focus();
}

function wireContinue() {
  byTestId("continue-as").addEventListener("click", () => {
    const saved = rememberedAttendee(eventId);
    if (!saved?.token) {
      showJoinForm();
      return;
    }
    markInRoom(eventId, saved);
    show(byTestId("continue-section"), false);
    enterRoom(saved.token);
  });
  byTestId("not-you").addEventListener("click", () => {
    // Someone else on this browser: they must not be taken for the person who was here (met before, blocks).
    forgetAttendee(eventId);
    forgetPersonToken(seriesKey);
    for (const field of ["display-name", "company", "interests", "contact", "join-ask", "join-offer"]) byTestId(field).value = "";
    about.clear();
    showJoinForm();
  });
}

/** The host removed this attendee: a page that says so, and nothing to retry. Remembered for the link. */
function showRemoved() {
  removed = true;
  rememberRemoved(eventId);
  document.body.classList.remove("in-room", "in-breakout");
  document.body.dataset.connection = "removed";
  for (const part of ["room", "join-section", "continue-section", "connection-banner"]) show(byTestId(part), false);
  const notice = showNotice("removedPage");
  notice.dataset.reason = "removed";
  notice.setAttribute("tabindex", "-1");
  notice.focus();
}

/** The page's notice, by its key, so it follows the language switch (the page's own words, not a push's reason). */
function showNotice(key) {
  const notice = byTestId("page-notice");
  notice.dataset.text = key;
  setText(notice, strings[key]);
  show(notice, true);
  return notice;
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
      const displayName = byTestId("display-name").value.trim();
      const registration = await register(eventId, {
        displayName,
        company: byTestId("company").value.trim() || null,
        interests: about.chosenInterests(),
        contact: byTestId("contact").value.trim() || null,
        ...joinAskOffer(),
        personToken: personToken(seriesKey),
      });
      keepPersonToken(seriesKey, registration.personToken);
      rememberAttendee(eventId, { attendeeId: registration.attendeeId, token: registration.token, displayName });
      markRefusedFields(FIELDS, [], byTestId("form-error"));
      enterRoom(registration.token);
      // The form the focus was in is gone: take it to the room.
      byTestId("main").focus();
    } catch (error) {
      // 403: the host removed this person (known by their person token) from the event.
      if (error instanceof ApiError && error.status === 403) {
        showRemoved();
        return;
      }
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
  let people = null;
  let breakouts = null;
  let coffees = null;
  const mediaCheck = new MediaCheck();
  const connection = new EventConnection(token, {
    onState: (state) => {
      if (!removed) room.setState(state);
    },
    onJoined: async (result, reconnected) => {
      eventTitle = result.event.title;
      await room.applyJoin(result, reconnected);
      lobby.applyJoin(result);
      call.setMeetingMode(result.event.meetingMode);
      people.applyJoin(result);
      askOffer.applyJoin(result);
      // Before the breakout: a coffee room given back by Join() is known as one when the panel opens.
      coffees.applyJoin(result);
      breakouts.applyJoin(result);
      afterLive.applyJoin(result);
      availableToggle.checked = result.self.available;
      mediaCheck.setMeetingMode(result.event.meetingMode);
    },
    onRefused: ({ message, removed: byHost }) => {
      if (removed) return;
      // Removed while this page was closed (or its connection down): no Removed push came, the refusal says so.
      if (byHost) {
        showRemoved();
        return;
      }
      forgetAttendee(eventId);
      showJoinForm(`${message} ${strings.rejoinNeeded}`);
    },
  });
  // Before the start time: the lobby, which becomes this room when the event goes live.
  const lobby = new Lobby(connection, { onOpened: () => attention.announce(strings.lobbyOpened) });
  room = new Room(connection, {
    onPeopleChanged: () => {
      if (room.self) availableToggle.checked = room.self.available;
    },
    onAnnouncement: (text) => attention.notify(strings.announcementFromHost(text), byTestId("announcement-box")),
  });
  people = new People(connection, room);
  const askOffer = new AskOfferEditor(connection, room);
  const afterLive = new AfterLive(connection, room);
  const callView = new CallView(byTestId("breakout-call"));
  const call = new CallEngine(connection, { view: callView, selfId: () => room.self?.id });
  new CallControls(byTestId("breakout-call-bar"), call);
  // Leaving the page ends the call at once: the camera's light goes off, and nothing waits for a dead page.
  window.addEventListener("pagehide", () => call.hangUp());
  coffees = new CoffeePlanner(connection, eventId, { attention });
  breakouts = new Breakouts(connection, room, { attention, people, call, coffeeDateOf: (roundId) => coffees.dateOf(roundId) });
  rerenderRoom = () => {
    room.relocalize();
    breakouts.relocalize();
    coffees.relocalize();
    callView.relocalize();
    afterLive.relocalize();
  };

  availableToggle.addEventListener("change", async () => {
    const wanted = availableToggle.checked;
    const done = await room.act(() => connection.invoke("SetAvailable", wanted).then(() => true));
    if (!done) availableToggle.checked = !wanted;
  });
  const soundToggle = byTestId("sound-toggle");
  soundToggle.checked = attention.soundOn;
  soundToggle.addEventListener("change", () => attention.setSound(soundToggle.checked));

  // Sent first when the host removes this attendee, and when a removed attendee's page joins again.
  connection.on("Removed", () => {
    call.hangUp();
    connection.finish();
    showRemoved();
  });

  room.setState("connecting");
  connection.start();
}

async function main() {
  startLanguage(() => rerenderRoom());
  wireJoinForm();
  wireContinue();
  // The title for the join form; the room gets it again from Join().
  try {
    const summary = await getEvent(eventId);
    setText(byTestId("event-name"), summary.title);
    about.show(summary);
    showJoinAskOffer(summary);
    seriesKey = summary.seriesKey;
    eventTitle = summary.title;
    document.title = `${summary.title} · ${strings.appName}`;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      forgetAttendee(eventId);
      showNotice("eventNotFound");
      return;
    }
  }
  const saved = rememberedAttendee(eventId);
  if (saved?.removed) showRemoved();
  else if (saved && inRoomInThisTab(eventId)) enterRoom(saved.token);
  else if (saved) showContinue(saved);
  else showJoinForm();
}

main();
