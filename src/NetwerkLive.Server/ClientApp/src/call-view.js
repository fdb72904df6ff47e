// The call's videos inside the breakout panel: one's own camera (muted, so nobody hears themselves) and
// one video per partner with their name on it, a ring on whoever is talking, and a partner's muted
// microphone or camera off said on their video. The call engine (call.js) tells this view what to show;
// the view never touches a peer connection. The layout for 2, 3 and 4 people is css/app.css's, keyed on
// data-people; the buttons are call-controls.js's.

import { el, setText } from "./dom.js";
import { strings } from "./strings.js";
import { watchLevel } from "./audio-level.js";

export class CallView {
  /** container: the element the videos go in (data-testid breakout-call); shown while a call is on. */
  constructor(container) {
    this.container = container;
    this.local = null;
    this.remotes = new Map(); // attendeeId -> { figure, video, state, muted, cameraOff, peerState, stopLevel }
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
    this.local.stopLevel?.();
    this.local.stopLevel = speaking(this.local.figure, stream);
    this.paintLayout();
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
      const cameraOff = el("p", { class: "call-camera-off", testid: "breakout-remote-camera-off", attrs: { hidden: true } });
      const muted = el("p", { class: "call-badge", testid: "breakout-remote-muted", attrs: { hidden: true } });
      const figure = el("figure", { class: "call-tile", attrs: { "data-attendee-id": attendeeId } },
        video, cameraOff, el("figcaption", { class: "call-name", text: displayName }), muted, state);
      // The sound plays in an audio element of its own: a video element whose video track sends no frames (a
      // partner without a camera) never starts, and would keep their voice silent with it. The video is then
      // muted, so it may start by itself even on a page nobody has touched yet.
      video.muted = true;
      const audio = el("audio", { attrs: { autoplay: true } });
      figure.append(audio);
      remote = { figure, video, audio, state, cameraOff, muted, peerState: "connecting", mic: true, camera: true };
      this.remotes.set(attendeeId, remote);
      this.container.append(figure);
      this.paintState(remote);
      this.paintMedia(remote);
    }
    attach(remote.video, only(stream, "video"));
    attach(remote.audio, only(stream, "audio"));
    remote.stopLevel?.();
    remote.stopLevel = speaking(remote.figure, stream);
    this.paintLayout();
  }

  removeRemote(attendeeId) {
    const remote = this.remotes.get(attendeeId);
    if (!remote) return;
    remote.stopLevel?.();
    detach(remote.video);
    detach(remote.audio);
    remote.figure.remove();
    this.remotes.delete(attendeeId);
    this.paintLayout();
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
    remote.mic = Boolean(mic);
    remote.camera = Boolean(camera);
    this.paintMedia(remote);
  }

  /** The call is over: no video left, nothing holding a stream. */
  clear() {
    for (const attendeeId of [...this.remotes.keys()]) this.removeRemote(attendeeId);
    if (this.local) {
      this.local.stopLevel?.();
      detach(this.local.video);
      this.local.figure.remove();
      this.local = null;
    }
    this.container.hidden = true;
  }

  /** After a switch of language. */
  relocalize() {
    if (this.local) setText(this.local.figure.querySelector(".call-name"), strings.callYou);
    for (const remote of this.remotes.values()) {
      this.paintState(remote);
      this.paintMedia(remote);
    }
  }

  /** How many are in the call, oneself included: the stylesheet lays 2, 3 and 4 out differently. */
  paintLayout() {
    const people = this.remotes.size + (this.local ? 1 : 0);
    this.container.dataset.people = String(Math.min(4, people));
    this.container.hidden = people === 0;
  }

  /** A partner's microphone off: a badge on their video; their camera off: words in place of a black picture. */
  paintMedia(remote) {
    remote.figure.dataset.mic = remote.mic ? "on" : "off";
    remote.figure.dataset.camera = remote.camera ? "on" : "off";
    setText(remote.muted, strings.remoteMuted);
    remote.muted.hidden = remote.mic;
    setText(remote.cameraOff, strings.remoteCameraOff);
    remote.cameraOff.hidden = remote.camera;
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

/** Marks figure data-speaking while stream's sound is above talking level; returns the function that stops it. */
function speaking(figure, stream) {
  const stop = watchLevel(stream, (_, talking) => {
    if (figure.dataset.speaking !== String(talking)) figure.dataset.speaking = String(talking);
  });
  return () => {
    stop();
    delete figure.dataset.speaking;
  };
}

/** A stream of stream's tracks of one kind ("audio" or "video"), kept while they stay the same tracks. */
function only(stream, kind) {
  if (!stream) return null;
  const tracks = kind === "audio" ? stream.getAudioTracks() : stream.getVideoTracks();
  return new MediaStream(tracks);
}

function attach(video, stream) {
  const current = video.srcObject?.getTracks() ?? [];
  const wanted = stream?.getTracks() ?? [];
  // The same tracks again (a partner's stream made anew): leave the element playing.
  if (current.length === wanted.length && wanted.every((t) => current.includes(t))) {
    if (video.paused && stream) play(video);
    return;
  }
  video.srcObject = stream;
  if (stream) play(video);
}

// autoplay starts it; play() again for a stream whose tracks arrived later. Sound is refused on a page nobody
// has touched since it loaded (a reload in the middle of a call): it starts with the first tap or key.
function play(media) {
  media.play().catch(() => {
    const retry = () => media.srcObject && media.play().catch(() => {});
    for (const type of ["pointerdown", "keydown"]) document.addEventListener(type, retry, { once: true, capture: true });
  });
}

function detach(video) {
  video.pause();
  video.srcObject = null;
}
