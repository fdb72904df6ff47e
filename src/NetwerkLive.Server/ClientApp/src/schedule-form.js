// The create form's schedule part (landing page): start time, description, interest tags and whether guests may
// add their own. The request's field names (as the server names them in a refusal) and the inputs they come from.

import { byTestId } from "./dom.js";
import { parseInterests } from "./api.js";

export const SCHEDULE_FIELDS = {
  startsAt: "event-starts-at", description: "event-description", interestTags: "event-interest-tags", allowOwnInterests: "event-allow-own-interests",
};

/** A datetime-local value ("2026-12-15T19:30") as ISO 8601 with this browser's offset ("2026-12-15T19:30:00+01:00"); null when empty. */
export function withOffset(local) {
  if (!local) return null;
  const date = new Date(local);
  if (Number.isNaN(date.getTime())) return local; // the server explains what it needs
  const pad = (n) => String(Math.abs(n)).padStart(2, "0");
  // The offset of that date, not of today: a start after the change to summer time has the summer offset.
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
    + `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** The schedule fields of the create request. */
export function scheduleFields() {
  return {
    startsAt: withOffset(byTestId("event-starts-at").value),
    description: byTestId("event-description").value.trim() || null,
    interestTags: parseInterests(byTestId("event-interest-tags").value),
    allowOwnInterests: byTestId("event-allow-own-interests").checked,
  };
}
