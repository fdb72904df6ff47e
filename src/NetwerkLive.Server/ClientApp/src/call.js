// The breakout call: every member of a group calls every other member directly (a mesh of 2 to 4), with
// one peer connection per partner (call-peer.js). The hub only relays the signalling, to members of the
// caller's current group; media never passes through the server. How a call is set up, signalled and
// ended: docs/video.md.
//
// The breakout panel (breakout.js) tells the engine when a group starts, changes, loses a partner or ends;
// the engine gets the camera and microphone from media.js and shows the call through a CallView
// (call-view.js). Controls listen to its events:
//   "localstream" { stream, kind, error }   the own camera/microphone (again after a device or camera change)
//   "media"       { mic, camera }           the own switches
//   "peerstate"   { attendeeId, state }     connecting | connected | reconnecting | failed
//   "remotemedia" { attendeeId, mic, camera } a partner's own switches
//   "started" { groupId } / "ended" {}      a call began / was hung up

import { acquireLocalMedia, constraint } from "./media.js";
import { IceServers } from "./call-ice.js";
import { Peer } from "./call-peer.js";

// Signals for a group (or from a partner) the page does not know yet, as when the partner's node sent the
// BreakoutStarted sooner than ours: kept this long, then dropped.
const EARLY_SIGNAL_KEEP_MS = 15000;
const MODES_WITH_CALL = new Set(["inPage", "both"]);

export class CallEngine extends EventTarget {
  /** connection: the EventConnection; view: a CallView; selfId(): the own attendee id. */
  constructor(connection, { view, selfId, acquireMedia = acquireLocalMedia }) {
    super();
    this.connection = connection;
    this.view = view;
    this.selfId = selfId;
    this.acquireMedia = acquireMedia;
    // This page's session: a reload is a new session, which the partners' pages recognise (call-peer.js).
    this.session = randomId();
    this.connections = 0;
    this.enabled = true;
    this.group = null; // { groupId, roundId, ready }
    this.peers = new Map(); // attendeeId -> Peer
    this.partners = new Map(); // attendeeId -> Attendee, as the last assignment listed them
    this.early = []; // { notice, at }
    this.stream = null;
    this.kind = "none";
    this.micOn = true;
    this.cameraOn = true;
    this.deviceIds = { audio: null, video: null };
    this.ice = new IceServers(connection);
    this.reported = false;
    this.attempt = 0; // a start that finished after a hang-up must not go on
    connection.on("CallSignal", (notice) => this.receive(notice));
  }

  /** The event's EventSummary.meetingMode: "inPage" (default) and "both" have the call, "external" does not. */
  setMeetingMode(mode) {
    this.enabled = MODES_WITH_CALL.has(mode ?? "inPage");
    if (!this.enabled) this.hangUp();
  }

  get localStream() {
    return this.stream;
  }

  get groupId() {
    return this.group?.groupId ?? null;
  }

  /**
   * A BreakoutStarted, or Join()'s breakout after a reload or reconnect. The same group again brings the
   * partners as they are now (a late joiner added); reconnected: the hub came back, so peers that are not
   * connected try again.
   */
  enter(assignment, { reconnected = false } = {}) {
    if (!this.enabled) return;
    if (this.group?.groupId === assignment.groupId) {
      this.setPartners(assignment.partners);
      if (reconnected) for (const peer of this.peers.values()) peer.poke();
      return;
    }
    this.hangUp();
    this.group = { groupId: assignment.groupId, roundId: assignment.roundId, ready: false };
    this.setPartners(assignment.partners);
    this.begin(++this.attempt);
  }

  async begin(attempt) {
    const [media] = await Promise.all([this.acquireMedia({ video: true }), this.ice.fetch()]);
    if (attempt !== this.attempt) {
      media.stream?.getTracks().forEach((track) => track.stop());
      return;
    }
    this.kind = media.kind;
    this.setStream(media.stream, media.error);
    this.group.ready = true;
    this.dispatch("started", { groupId: this.group.groupId });
    this.connectPartners();
  }

  setPartners(partners) {
    this.partners = new Map(partners.map((p) => [p.id, p]));
    if (this.group?.ready) this.connectPartners();
  }

  /** A peer for every partner, none for anyone who is no longer one; then the signals that waited for them. */
  connectPartners() {
    const self = this.selfId();
    for (const [id, partner] of this.partners) {
      if (!this.peers.has(id)) {
        const peer = new Peer(this, partner, self < id);
        this.peers.set(id, peer);
        peer.start();
      }
    }
    for (const id of [...this.peers.keys()]) {
      if (!this.partners.has(id)) this.closePeer(id);
    }
    const waiting = this.early;
    this.early = [];
    for (const { notice, at } of waiting) this.receive(notice, at);
  }

  /** PartnerLeft: their connection closes, their video goes. */
  partnerLeft(attendeeId) {
    this.partners.delete(attendeeId);
    this.closePeer(attendeeId);
  }

  closePeer(attendeeId) {
    this.peers.get(attendeeId)?.close();
    this.peers.delete(attendeeId);
    this.view.removeRemote(attendeeId);
  }

  /** The group ended, this person left it, or was removed: every track stopped (camera light off), every connection closed. */
  hangUp() {
    this.attempt += 1;
    const wasOn = this.group !== null;
    for (const id of [...this.peers.keys()]) this.closePeer(id);
    this.stream?.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.group = null;
    this.partners.clear();
    this.reported = false;
    this.view.clear();
    if (wasOn) this.dispatch("ended", {});
  }

  // ---- signalling ----

  receive(notice, at = Date.now()) {
    let message;
    try {
      message = JSON.parse(notice.payload);
    } catch {
      return;
    }
    if (message?.v !== 1 || typeof message.from !== "string") return;
    // For a previous page of this person (before a reload): never for this one.
    if (message.to && !message.to.startsWith(`${this.session}.`)) return;
    const peer = this.group?.ready && notice.groupId === this.group.groupId ? this.peers.get(notice.fromAttendeeId) : null;
    if (peer) {
      peer.receive(message);
    } else if (this.enabled) {
      const now = Date.now();
      this.early = this.early.filter((e) => now - e.at < EARLY_SIGNAL_KEEP_MS);
      if (now - at < EARLY_SIGNAL_KEEP_MS) this.early.push({ notice, at });
    }
  }

  signal(peer, message) {
    const groupId = this.group?.groupId;
    if (!groupId || this.peers.get(peer.attendeeId) !== peer) return;
    this.connection.invoke("SendCallSignal", groupId, peer.attendeeId, JSON.stringify(message))
      // Not live (the hub reconnects: the peers try again when it is back), or the group just ended.
      .catch((error) => console.warn("Call signal not sent:", error.message));
  }

  nextConnectionId() {
    this.connections += 1;
    return `${this.session}.${this.connections}`;
  }

  // ---- ICE servers (call-ice.js) ----

  rtcConfiguration() {
    return this.ice.configuration();
  }

  refreshIceServers() {
    return this.ice.renewIfNeeded(() => [...this.peers.values()].map((peer) => peer.pc));
  }

  // ---- what the peers report ----

  peerStateChanged(peer, state) {
    this.view.setPeerState(peer.attendeeId, state);
    this.dispatch("peerstate", { attendeeId: peer.attendeeId, state });
  }

  /** The first connection in a group counts it as a breakout with a call (the host's report); each partner hears our switches. */
  peerConnected(peer) {
    if (!this.reported && this.group) {
      this.reported = true;
      const groupId = this.group.groupId;
      this.connection.invoke("ReportCallConnected", groupId).catch((error) => {
        if (this.group?.groupId === groupId) this.reported = false; // the next connected peer tries again
        console.warn("Call not counted:", error.message);
      });
    }
    peer.send({ type: "media", mic: this.micEnabled, camera: this.cameraEnabled });
  }

  remoteMediaChanged(peer, media) {
    this.view.setRemoteMedia(peer.attendeeId, media);
    this.dispatch("remotemedia", { attendeeId: peer.attendeeId, ...media });
  }

  // ---- the own camera and microphone ----

  trackOf(kind) {
    return this.stream?.getTracks().find((t) => t.kind === kind && t.readyState === "live") ?? null;
  }

  streams() {
    return this.stream ? [this.stream] : [];
  }

  get micEnabled() {
    return this.micOn && this.trackOf("audio") !== null;
  }

  get cameraEnabled() {
    return this.cameraOn && this.trackOf("video") !== null;
  }

  /** Microphone on or off: the track stays (so it is back at once), it sends silence meanwhile. */
  setMicEnabled(on) {
    this.micOn = Boolean(on);
    const track = this.trackOf("audio");
    if (track) track.enabled = this.micOn;
    this.mediaChanged();
  }

  /** Camera off stops the camera (its light goes off) and sends no video; on asks for it again. */
  async setCameraEnabled(on) {
    this.cameraOn = Boolean(on);
    if (!this.group?.ready) return this.mediaChanged();
    if (!this.cameraOn) {
      await this.useTrack("video", null);
    } else if (!this.trackOf("video")) {
      await this.useTrack("video", await this.getTrack("video"));
    }
    return this.mediaChanged();
  }

  /** Another microphone or camera (kind "audio" or "video"), sent to every partner without renegotiating. */
  async replaceDevice(kind, deviceId) {
    this.deviceIds[kind] = deviceId;
    if (!this.group?.ready || (kind === "video" && !this.cameraOn)) return;
    const track = await this.getTrack(kind);
    if (kind === "audio") track.enabled = this.micOn;
    await this.useTrack(kind, track);
  }

  async getTrack(kind) {
    // The device picked in this call, else the remembered one: a camera turned back on is the one chosen.
    const stream = await navigator.mediaDevices.getUserMedia({ [kind]: constraint(`${kind}input`, this.deviceIds[kind]) });
    return stream.getTracks()[0];
  }

  async useTrack(kind, track) {
    const old = this.trackOf(kind);
    const others = this.stream?.getTracks().filter((t) => t.kind !== kind) ?? [];
    this.setStream(new MediaStream(track ? [...others, track] : others), null);
    old?.stop();
    await Promise.all([...this.peers.values()].map((peer) => peer.replaceTrack(kind, track)));
    if (track) this.kind = this.trackOf("video") ? "video" : "audio";
  }

  setStream(stream, error) {
    this.stream = stream;
    if (stream) this.view.showLocal(stream);
    this.dispatch("localstream", { stream, kind: this.kind, error });
  }

  mediaChanged() {
    const media = { mic: this.micEnabled, camera: this.cameraEnabled };
    for (const peer of this.peers.values()) peer.send({ type: "media", ...media });
    this.dispatch("media", media);
  }

  dispatch(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}

function randomId() {
  return crypto.randomUUID?.() ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}
