// The buttons of a breakout call: microphone and camera on or off, and a choice of camera and
// microphone, with the sentence that says why someone takes part with sound only or by text. The call
// engine (call.js) does the work; this only asks it.

import { el, setText, show } from "./dom.js";
import { strings, onLanguageChange } from "./strings.js";
import { listDevices, rememberDevice, rememberedDevice, mediaProblem } from "./media.js";

const DEVICE_KINDS = [
  { kind: "videoinput", testid: "breakout-camera-select", label: () => strings.cameraDevice, numbered: (n) => strings.cameraNumbered(n) },
  { kind: "audioinput", testid: "breakout-microphone-select", label: () => strings.microphoneDevice, numbered: (n) => strings.microphoneNumbered(n) },
];

/**
 * A labelled select of the cameras or microphones there are (kind "videoinput" or "audioinput"), with
 * the one in use chosen; onChoose(deviceId) runs when the person picks another. Used by the call's
 * controls and by the camera check in the room.
 */
export class DevicePicker {
  constructor(kind, testid, onChoose) {
    this.spec = DEVICE_KINDS.find((k) => k.kind === kind);
    this.select = el("select", { testid, on: { change: () => onChoose(this.select.value) } });
    this.caption = el("span");
    this.element = el("label", { class: "device-picker" }, this.caption, this.select);
    this.devices = [];
  }

  /** Lists the devices again; inUse is the deviceId of the track being sent (or null). */
  async refresh(inUse) {
    this.devices = (await listDevices())[this.spec.kind];
    this.inUse = inUse ?? rememberedDevice(this.spec.kind);
    this.render();
  }

  render() {
    setText(this.caption, this.spec.label());
    this.select.replaceChildren(...this.devices.map((device, i) =>
      el("option", { text: device.label || this.spec.numbered(i + 1), attrs: { value: device.deviceId } })));
    if (this.inUse && this.devices.some((d) => d.deviceId === this.inUse)) this.select.value = this.inUse;
    // One device or none: nothing to choose.
    show(this.element, this.devices.length > 1);
  }
}

/** "videoinput" -> "video", "audioinput" -> "audio": a device's kind as a track's. */
function trackKind(deviceKind) {
  return deviceKind === "videoinput" ? "video" : "audio";
}

/** The deviceId a stream's first track of this kind ("audio" or "video") comes from, or null. */
export function deviceOf(stream, kind) {
  const track = kind === "video" ? stream?.getVideoTracks()[0] : stream?.getAudioTracks()[0];
  return track?.getSettings?.().deviceId ?? null;
}

export class CallControls {
  /**
   * container: where the controls go (inside the breakout panel); engine: the CallEngine (call.js), with
   * setMicEnabled(on), setCameraEnabled(on), replaceDevice("audio"|"video", deviceId) and its events.
   */
  constructor(container, engine) {
    this.engine = engine;
    this.micOn = true;
    this.cameraOn = true;
    this.micButton = el("button", {
      class: "call-toggle mic", testid: "breakout-mic-toggle",
      attrs: { type: "button", "aria-pressed": "false" }, on: { click: () => this.setMic(!this.micOn) },
    });
    this.cameraButton = el("button", {
      class: "call-toggle camera", testid: "breakout-camera-toggle",
      attrs: { type: "button", "aria-pressed": "false" }, on: { click: () => this.setCamera(!this.cameraOn) },
    });
    this.pickers = DEVICE_KINDS.map(({ kind, testid }) => new DevicePicker(kind, testid, (id) => this.choose(kind, id)));
    this.devicesSummary = el("summary");
    this.devices = el("details", { class: "call-devices", testid: "breakout-devices" },
      this.devicesSummary, ...this.pickers.map((p) => p.element));
    this.toolbar = el("div", { class: "call-controls", attrs: { role: "toolbar" } }, this.micButton, this.cameraButton, this.devices);
    // Why someone takes part with sound only or by text; a device that could not be switched to.
    this.notice = el("p", { class: "call-notice", testid: "call-media-notice", attrs: { role: "status", hidden: true } });
    this.container = container;
    container.append(this.notice, this.toolbar);
    this.problem = null;
    this.noticeText = null;

    // The first local stream of a call says what the person has; later ones (a device switched, the
    // camera off and on) only change which device is in use.
    this.fresh = true;
    engine.addEventListener("localstream", (event) => {
      if (this.fresh) this.applyMedia(event.detail);
      else this.refreshPickers(event.detail.stream);
      this.fresh = false;
    });
    engine.addEventListener("ended", () => this.reset());
    onLanguageChange(() => this.render());
    this.render();
  }

  /** What acquireLocalMedia gave for this call: which buttons can work, and what to say about the rest. */
  applyMedia({ stream, error }) {
    this.stream = stream;
    this.problem = error;
    this.micOn = Boolean(stream?.getAudioTracks().length);
    this.cameraOn = Boolean(stream?.getVideoTracks().length);
    this.micButton.disabled = !this.micOn;
    this.cameraButton.disabled = !this.cameraOn;
    this.say(null);
    show(this.container, true);
    this.render();
    this.refreshPickers(stream);
  }

  refreshPickers(stream) {
    Promise.all(this.pickers.map((p) => p.refresh(deviceOf(stream, trackKind(p.spec.kind)))))
      .then(() => this.render(), () => {});
  }

  setMic(on) {
    this.micOn = on;
    this.engine.setMicEnabled(on);
    this.render();
  }

  async setCamera(on) {
    this.cameraOn = on;
    this.render();
    await this.engine.setCameraEnabled(on);
  }

  async choose(kind, deviceId) {
    const picker = this.pickers.find((p) => p.spec.kind === kind);
    try {
      await this.engine.replaceDevice(trackKind(kind), deviceId);
      rememberDevice(kind, deviceId);
      picker.inUse = deviceId;
      this.say(null);
    } catch {
      picker.render(); // back to the device in use
      this.say(() => strings.deviceSwitchFailed);
    }
  }

  say(text) {
    this.noticeText = text;
    this.render();
  }

  /** Every text in the current language, and the buttons' states. */
  render() {
    setText(this.micButton, strings.muteMic);
    setText(this.cameraButton, strings.cameraOff);
    // Pressed = the microphone is muted / the camera is off, as the button's name says.
    this.micButton.setAttribute("aria-pressed", String(!this.micOn && !this.micButton.disabled));
    this.cameraButton.setAttribute("aria-pressed", String(!this.cameraOn && !this.cameraButton.disabled));
    setText(this.devicesSummary, strings.chooseDevices);
    for (const picker of this.pickers) picker.render();
    show(this.devices, this.pickers.some((p) => p.devices.length > 1));
    this.toolbar.setAttribute("aria-label", strings.callControls);
    const text = this.noticeText?.() ?? mediaProblem(this.problem);
    setText(this.notice, text ?? "");
    show(this.notice, Boolean(text));
  }

  /** The call ended: the buttons are ready for the next one. */
  reset() {
    this.fresh = true;
    this.micOn = true;
    this.cameraOn = true;
    this.problem = null;
    this.noticeText = null;
    show(this.container, false);
    this.render();
  }
}
