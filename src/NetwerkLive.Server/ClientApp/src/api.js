// The HTTP API (see docs/hub-contract.md and README.md): create an event, look at it, register,
// and the host's report. Errors come back as RFC 7807 problem details with a readable `detail`, in
// the language the page shows: every call carries it (?lang= and Accept-Language).

import { strings } from "./strings.js";
import { withLanguage, acceptLanguage, timeZone } from "./language.js";

/** An HTTP call that failed, with the server's explanation as the message. */
export class ApiError extends Error {
  /** `fields`: the request fields a validation problem names (its `errors`). */
  constructor(message, status, fields = []) {
    super(message);
    this.status = status;
    this.fields = fields;
  }
}

// How far the browser's clock is behind the server's (from the Date header), so a countdown to a
// server time is right on a phone whose clock is a minute off. The header has one-second precision.
let clockOffsetMs = 0;

/** Now, on the server's clock as well as we can tell. */
export function serverNow() {
  return Date.now() + clockOffsetMs;
}

function noteServerClock(response, sentAt) {
  const date = Date.parse(response.headers.get("date") ?? "");
  const receivedAt = Date.now();
  // Only a quick answer says much; the header is truncated to the second, so compare with its middle.
  if (Number.isNaN(date) || receivedAt - sentAt > 1000) return;
  const offset = date + 500 - (sentAt + receivedAt) / 2;
  clockOffsetMs = Math.abs(offset) > 2000 ? offset : 0;
}

async function request(method, url, { body, token, accept = "application/json" } = {}) {
  const headers = { accept, "accept-language": acceptLanguage() };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token) headers.authorization = `Bearer ${token}`;
  let response;
  const sentAt = Date.now();
  try {
    response = await fetch(withLanguage(url), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(strings.somethingWrong, 0);
  }
  noteServerClock(response, sentAt);
  if (!response.ok) {
    const problem = await readProblem(response);
    throw new ApiError(problemText(problem), response.status, Object.keys(problem?.errors ?? {}));
  }
  return response;
}

async function readProblem(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function problemText(problem) {
  return problem?.detail || problem?.title || strings.somethingWrong;
}

export async function createEvent({ title, livestreamUrl, meetingMode, meetingUrlTemplate, hostName, startsAt, description, interestTags, allowOwnInterests }) {
  const response = await request("POST", "/api/events", {
    body: { title, livestreamUrl, meetingMode, meetingUrlTemplate, hostName, startsAt, description, interestTags, allowOwnInterests },
  });
  return response.json(); // { eventId, hostToken, joinUrl }
}

export async function getEvent(eventId) {
  const response = await request("GET", `/api/events/${encodeURIComponent(eventId)}`);
  return response.json(); // EventSummary in docs/hub-contract.md
}

export async function register(eventId, { displayName, company, interests, contact, personToken, ask = null, offer = null }) {
  const response = await request("POST", `/api/events/${encodeURIComponent(eventId)}/attendees`, {
    body: { displayName, company, interests, contact, personToken, ask, offer },
  });
  return response.json(); // { attendeeId, token, personToken }
}

export async function getReport(eventId, token) {
  const response = await request("GET", `/api/events/${encodeURIComponent(eventId)}/report`, { token });
  return response.json();
}

/** The report as CSV in the page's language, its times in the person's own time zone. */
export async function getReportCsv(eventId, token) {
  const zone = timeZone();
  const query = `format=csv${zone ? `&tz=${encodeURIComponent(zone)}` : ""}`;
  const response = await request("GET", `/api/events/${encodeURIComponent(eventId)}/report?${query}`, { token, accept: "text/csv" });
  return response.blob();
}

/**
 * An agreed coffee as an ICS invite (issue 15), fetched with the attendee's token (a plain link could not send it),
 * in the page's language (?lang=, added to every call) and the person's own time zone.
 */
export async function getCoffeeCalendar(eventId, dateId, token) {
  const zone = timeZone();
  const query = zone ? `?tz=${encodeURIComponent(zone)}` : "";
  const path = `/api/events/${encodeURIComponent(eventId)}/coffees/${encodeURIComponent(dateId)}/calendar.ics${query}`;
  const response = await request("GET", path, { token, accept: "text/calendar" });
  return response.blob();
}

/** Replaces the host token: the one sent stops working everywhere. Gives { hostToken, hostUrl }. */
export async function rotateHostToken(eventId, token) {
  const response = await request("POST", `/api/events/${encodeURIComponent(eventId)}/host-token`, { token });
  return response.json();
}

/**
 * Why the hub refuses this token, or null when it does not: { message } in the server's words (the 401
 * problem details) and removed: whether the host removed this attendee. The SignalR client only says
 * "401", so ask the negotiate endpoint directly.
 */
export async function hubRefusal(token) {
  try {
    const response = await fetch(withLanguage("/hubs/event/negotiate?negotiateVersion=1"), {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "accept-language": acceptLanguage() },
    });
    if (response.status !== 401) return null;
    const problem = await readProblem(response);
    return { message: problemText(problem), removed: problem?.reason === "removed" };
  } catch {
    return null;
  }
}

/** Comma-separated interests as the list the API takes. */
export function parseInterests(text) {
  return text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}
