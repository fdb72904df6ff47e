// Who this browser is at an event. localStorage keeps the registration per event (attendee id, token,
// display name), so reopening the join link continues as the same person instead of making a second
// attendee; sessionStorage marks the tabs that are in the room already, so a reload goes straight back
// in while a newly opened link first asks "Continue as ...?". A removal is remembered too: the link then
// shows the removed page again. The person token per series is person.js's.

const browserKey = (eventId) => `netwerklive:attendee:${eventId}`;
const tabKey = (eventId) => `netwerklive:${eventId}`;

/** { attendeeId, token, displayName } or { attendeeId, displayName, removed: true }, or null. */
export function rememberedAttendee(eventId) {
  const saved = read(localStorage, browserKey(eventId));
  return saved && (saved.token || saved.removed) ? saved : null;
}

/** True when this tab entered the room before (a reload). */
export function inRoomInThisTab(eventId) {
  return Boolean(read(sessionStorage, tabKey(eventId))?.token);
}

export function rememberAttendee(eventId, { attendeeId, token, displayName }) {
  write(localStorage, browserKey(eventId), { attendeeId, token, displayName });
  markInRoom(eventId, { attendeeId, token });
}

export function markInRoom(eventId, { attendeeId, token }) {
  write(sessionStorage, tabKey(eventId), { attendeeId, token });
}

/** The host removed this attendee: the token is dropped and the link shows the removed page from now on. */
export function rememberRemoved(eventId) {
  const saved = read(localStorage, browserKey(eventId)) ?? {};
  write(localStorage, browserKey(eventId), { attendeeId: saved.attendeeId ?? null, displayName: saved.displayName ?? null, removed: true });
  remove(sessionStorage, tabKey(eventId));
}

/** "Not you?", or a token the server no longer takes: the next visit shows the empty join form. */
export function forgetAttendee(eventId) {
  remove(localStorage, browserKey(eventId));
  remove(sessionStorage, tabKey(eventId));
}

// Storage can be switched off (private mode) or full: then nothing is remembered, which is safe.
function read(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? "null");
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    storage.setItem(key, JSON.stringify(value));
  } catch {
    // Not remembered.
  }
}

function remove(storage, key) {
  try {
    storage.removeItem(key);
  } catch {
    // Nothing was kept.
  }
}
