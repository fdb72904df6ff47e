// The call's videos inside the breakout panel: one's own camera (muted, so nobody hears themselves) and
// one video per partner with their name on it. The call engine (call.js) tells this view what to show;
// the view never touches a peer connection. This is the plain first version: the controls, indicators
// and layouts for 2 to 4 people build on it (call-controls.js, css/app.css).

import { el, setText } from "./dom.js";
import { strings } from "./strings.js";

export class CallView {
  /** container: the element the videos go in (data-testid breakout-call); shown while a call is on. */
  constructor(container) {
    this.container = container;
    this.local = null;
    this.remotes = new Map(); // attendeeId -> { figure, video, state, media }
  }

  showLocal(stream) {
    if (!this.local) {
      const video = el("video", { testid: "breakout-video-local", attrs: { muted: true, playsinline: true, autoplay: true } });
      // The attribute alone does not mute a video whose source is set from script.
      video.muted = true;
      this.local = {
        video,
        figure: el("figure", { class: "call-tile own" }, video, el("figcaption", { class: "call-name", text: strings.callYou })),
      };
      this.container.prepend(this.local.figure);
    }
    attach(this.local.video, stream);
    this.container.hidden = false;
  }

  /** A partner's video (again, with a new stream, after they reloaded). */
  addRemote(attendeeId, displayName, stream) {
    let remote = this.remotes.get(attendeeId);
    if (!remote) {
      const video = el("video", {
        testid: "breakout-video-remote",
        attrs: { "data-attendee-id": attendeeId, playsinline: true, autoplay: true, "aria-label": displayName },
      });
      const state = el("p", { class: "call-state", attrs: { hidden: true } });
      const figure = el("figure", { class: "call-tile", attrs: { "data-attendee-id": attendeeId } },
        video, el("figcaption", { class: "call-name", text: displayName }), state);
      remote = { figure, video, state, peerState: "connecting" };
      this.remotes.set(attendeeId, remote);
      this.container.append(figure);
      this.paintState(remote);
    }
    attach(remote.video, stream);
    this.container.hidden = false;
  }

  removeRemote(attendeeId) {
    const remote = this.remotes.get(attendeeId);
    if (!remote) return;
    detach(remote.video);
    remote.figure.remove();
    this.remotes.delete(attendeeId);
  }

  /** "connecting" | "connected" | "reconnecting" | "failed": a line under the partner's video unless connected. */
  setPeerState(attendeeId, state) {
    const remote = this.remotes.get(attendeeId);
    if (!remote) return;
    remote.peerState = state;
    this.paintState(remote);
  }

  /** The partner's own microphone and camera switches, as their page sent them: { mic, camera }. */
  setRemoteMedia(attendeeId, { mic, camera }) {
    const remote = this.remotes.get(attendeeId);
    if (!remote) return;
    remote.figure.dataset.mic = mic ? "on" : "off";
    remote.figure.dataset.camera = camera ? "on" : "off";
  }

  /** The call is over: no video left, nothing holding a stream. */
  clear() {
    for (const attendeeId of [...this.remotes.keys()]) this.removeRemote(attendeeId);
    if (this.local) {
      detach(this.local.video);
      this.local.figure.remove();
      this.local = null;
    }
    this.container.hidden = true;
  }

  /** After a switch of language. */
  relocalize() {
    if (this.local) setText(this.local.figure.querySelector(".call-name"), strings.callYou);
    for (const remote of this.remotes.values()) this.paintState(remote);
  }

  paintState(remote) {
    remote.figure.dataset.state = remote.peerState;
    const text = {
      connecting: strings.callConnecting,
      reconnecting: strings.callReconnecting,
      failed: strings.callFailed,
    }[remote.peerState];
    setText(remote.state, text ?? "");
    remote.state.hidden = !text;
  }
}

function attach(video, stream) {
  if (video.srcObject !== stream) video.srcObject = stream;
  // autoplay starts it; play() again for a stream whose tracks arrived later (an AbortError then is the old play).
  video.play().catch((error) => {
    if (error.name === "NotAllowedError") playMutedUntilTouched(video);
  });
}

// A browser that allows no sound before the person touched the page (a reload in the middle of a call) still
// shows the partner at once, muted, and gives the sound back at the first tap or key.
function playMutedUntilTouched(video) {
  if (video.muted) return;
  video.muted = true;
  video.play().catch(() => {});
  const unmute = () => {
    video.muted = false;
    video.play().catch(() => {});
  };
  document.addEventListener("pointerdown", unmute, { once: true, capture: true });
  document.addEventListener("keydown", unmute, { once: true, capture: true });
}

function detach(video) {
  video.pause();
  video.srcObject = null;
}
