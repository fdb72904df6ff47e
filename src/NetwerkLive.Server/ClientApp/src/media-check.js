// "Check camera and microphone" in the room, before any breakout: the page says why it wants them,
// then the browser asks, and the person sees themselves and a level for their voice. Asked here, the
// permission is settled before a breakout starts, so the breakout does not open with a browser prompt;
// a refusal is explained here (sound only, or text only) rather than in the middle of a conversation.

import { byTestId, setText, show } from "./dom.js";
import { strings, onLanguageChange } from "./strings.js";
import { acquireLocalMedia, mediaProblem, rememberDevice, stopStream } from "./media.js";
import { watchLevel } from "./audio-level.js";
import { DevicePicker, deviceOf } from "./call-controls.js";

export class MediaCheck {
  constructor() {
    this.section = byTestId("media-check");
    this.startButton = byTestId("media-check-start");
    this.stopButton = byTestId("media-check-stop");
    this.previewBox = byTestId("media-check-preview-box");
    this.preview = byTestId("media-check-preview");
    this.level = byTestId("media-check-level");
    this.message = byTestId("media-check-message");
    this.preview.muted = true;
    this.pickers = [
      new DevicePicker("videoinput", "media-check-camera", (id) => this.choose("videoinput", id)),
      new DevicePicker("audioinput", "media-check-microphone", (id) => this.choose("audioinput", id)),
    ];
    byTestId("media-check-devices").append(...this.pickers.map((p) => p.element));
    this.stream = null;
    this.result = null;
    this.stopLevel = () => {};
    this.wanted = false;
    this.inBreakout = false;

    this.startButton.addEventListener("click", () => this.start());
    this.stopButton.addEventListener("click", () => {
      this.stop();
      this.startButton.focus();
    });
    onLanguageChange(() => this.render());
    // The breakout panel marks the body while it is open (breakout.js): the call has the camera then.
    new MutationObserver(() => this.setInBreakout(document.body.classList.contains("in-breakout")))
      .observe(document.body, { attributes: true, attributeFilter: ["class"] });
  }

  /** Shown for events whose breakouts meet in the page (meetingMode "inPage" or "both"), outside a breakout. */
  setMeetingMode(meetingMode) {
    this.wanted = meetingMode !== "external";
    this.paint();
  }

  /** A breakout started (the call needs the camera now) or ended. */
  setInBreakout(inBreakout) {
    if (inBreakout === this.inBreakout) return;
    this.inBreakout = inBreakout;
    if (inBreakout) this.stop();
    this.paint();
  }

  paint() {
    show(this.section, this.wanted && !this.inBreakout);
  }

  async start() {
    this.stop();
    this.startButton.setAttribute("aria-busy", "true");
    try {
      this.result = await acquireLocalMedia({ video: true });
    } finally {
      this.startButton.removeAttribute("aria-busy");
    }
    // A breakout may have started while the browser asked: the call has the camera now.
    if (this.inBreakout) {
      stopStream(this.result.stream);
      return;
    }
    this.show(this.result.stream);
  }

  show(stream) {
    this.stream = stream;
    this.preview.srcObject = stream;
    show(this.preview, Boolean(stream?.getVideoTracks().length));
    show(this.level, Boolean(stream?.getAudioTracks().length));
    show(this.previewBox, Boolean(stream));
    this.preview.play?.().catch(() => {});
    this.stopLevel();
    this.stopLevel = watchLevel(stream, (level) => {
      // Speech is quiet as a signal (an RMS of a few hundredths): scaled so talking fills most of the meter.
      this.level.value = Math.min(1, level * 6);
    });
    for (const picker of this.pickers) {
      picker.refresh(deviceOf(stream, picker.spec.kind === "videoinput" ? "video" : "audio")).catch(() => {});
    }
    show(this.stopButton, Boolean(stream));
    this.render();
  }

  /** Another camera or microphone: remembered for the calls, and shown at once. */
  async choose(kind, deviceId) {
    rememberDevice(kind, deviceId);
    stopStream(this.stream);
    this.stopLevel();
    this.result = await acquireLocalMedia({ video: true });
    this.show(this.result.stream);
  }

  /** The preview off: every track stopped, so the camera light goes out. */
  stop() {
    this.stopLevel();
    this.stopLevel = () => {};
    stopStream(this.stream);
    this.stream = null;
    this.preview.srcObject = null;
    show(this.previewBox, false);
    show(this.stopButton, false);
  }

  render() {
    for (const picker of this.pickers) picker.render();
    const text = this.result ? (mediaProblem(this.result.error) ?? strings.mediaCheckOk) : "";
    setText(this.message, text);
    show(this.message, Boolean(text));
  }
}
