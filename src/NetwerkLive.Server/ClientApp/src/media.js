// The person's camera and microphone. One place asks the browser for them, so the breakout call, the
// "check camera and microphone" step in the room and the device picker agree on what happens when
// something is missing: no camera (denied, absent or busy) still gives a call with sound, and no
// microphone either gives a text-only breakout (the private chat still works). The devices a person
// chose are remembered in this browser, so the next call starts with them.

import { strings } from "./strings.js";

const DEVICES_KEY = "netwerklive.devices";

/**
 * The local stream for a call. video: also ask for the camera. Gives { stream, kind, error }: kind is
 * "video" (a camera track, and a microphone track unless error says there is none), "audio" (microphone
 * only) or "none" (stream null: text only). error is null, or what went wrong as
 * { device: "camera"|"microphone"|"both", reason: "denied"|"missing"|"busy"|"unsupported" } (mediaProblem turns it into words).
 */
export async function acquireLocalMedia({ video = true } = {}) {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { stream: null, kind: "none", error: { device: "both", reason: "unsupported" } };
  }
  const audio = constraint("audioinput");
  let cameraReason = null;
  if (video) {
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio, video: constraint("videoinput") }), kind: "video", error: null };
    } catch (error) {
      cameraReason = reasonOf(error);
    }
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio });
    return { stream, kind: "audio", error: video ? { device: "camera", reason: cameraReason } : null };
  } catch (error) {
    const micReason = reasonOf(error);
    if (video) {
      // A camera without a microphone: the others still see the person, who types in the chat.
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ video: constraint("videoinput") });
        return { stream, kind: "video", error: { device: "microphone", reason: micReason } };
      } catch {
        // Neither works: text only, said below.
      }
    }
    return { stream: null, kind: "none", error: { device: "both", reason: micReason } };
  }
}

function reasonOf(error) {
  switch (error?.name) {
    case "NotAllowedError":
    case "SecurityError":
      return "denied";
    case "NotFoundError":
    case "OverconstrainedError":
      return "missing";
    default:
      // NotReadableError, AbortError: the device exists but another app (or the system) holds it.
      return "busy";
  }
}

/** What a person reads about a result's error, in the current language; null when all is well. */
export function mediaProblem(error) {
  if (!error) return null;
  const texts = strings.mediaProblems[error.device] ?? strings.mediaProblems.both;
  return texts[error.reason] ?? texts.busy;
}

// A camera picture a mesh of four can carry: everyone sends it to up to three partners, many from a phone.
const CAMERA = { width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 24, max: 30 } };

/**
 * The constraint for one kind of device ("audioinput" or "videoinput"): the device just picked (exact), else
 * the one this browser remembers (ideal, so a remembered camera that was unplugged does not stop the call), else
 * the default; a camera always at the size above.
 */
export function constraint(kind, picked = null) {
  const id = picked ?? rememberedDevice(kind);
  const device = id ? { deviceId: picked ? { exact: picked } : { ideal: id } } : null;
  if (kind === "videoinput") return { ...device, ...CAMERA };
  return device ?? true;
}

/** The device id chosen before for "audioinput" or "videoinput", or null. */
export function rememberedDevice(kind) {
  return readDevices()[kind] ?? null;
}

export function rememberDevice(kind, deviceId) {
  const devices = readDevices();
  devices[kind] = deviceId;
  try {
    localStorage.setItem(DEVICES_KEY, JSON.stringify(devices));
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
}

function readDevices() {
  try {
    const stored = JSON.parse(localStorage.getItem(DEVICES_KEY) ?? "{}");
    return stored && typeof stored === "object" ? stored : {};
  } catch {
    return {};
  }
}

/**
 * The cameras and microphones there are: { videoinput: [{ deviceId, label }], audioinput: [...] }. Labels
 * are empty until the person allowed the device once (the browser's privacy rule); callers number them then.
 */
export async function listDevices() {
  const found = { videoinput: [], audioinput: [] };
  if (!navigator.mediaDevices?.enumerateDevices) return found;
  for (const device of await navigator.mediaDevices.enumerateDevices()) {
    if (found[device.kind] && device.deviceId) found[device.kind].push({ deviceId: device.deviceId, label: device.label });
  }
  return found;
}

/** Stops every track of a stream: the camera light goes off. */
export function stopStream(stream) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}
