// One partner in a breakout call: one RTCPeerConnection, negotiated with MDN's "perfect negotiation"
// pattern over the hub's SendCallSignal/CallSignal. The payload format is in docs/video.md.
//
// Who offers: the side with the greater attendee id is "impolite": it adds the audio and video
// transceivers and makes the first offer; the "polite" side answers with its own tracks on the
// transceivers that offer made, and yields whenever two offers cross (later renegotiations, ICE restarts
// from either side). So the m-lines always come from one side and the two never race to add their own.
//
// Which connection: every payload names the peer connection it comes from ("from": the page's session id
// and a number) and, once known, the one it is for ("to"). A message for an earlier connection of ours is
// dropped; a message from a new connection of the partner's that does not know ours (they reloaded) makes
// us start over with a fresh connection too, since a new page cannot continue the old one's DTLS session.

// An offer nobody answered (lost while the hub reconnected, or sent before the partner's page was there)
// is withdrawn and made again after this long.
const OFFER_RETRY_MS = 8000;
// A connection that went "disconnected" often comes back by itself; after this long it gets an ICE restart.
const DISCONNECTED_GRACE_MS = 2000;

export class Peer {
  /**
   * engine: the CallEngine (its stream, ICE configuration, signalling, view). partner: { id, displayName }.
   * polite: whether this side yields when offers cross (see above).
   */
  constructor(engine, partner, polite) {
    this.engine = engine;
    this.partner = partner;
    this.polite = polite;
    this.remoteId = null;
    this.remoteMedia = null;
    this.queue = Promise.resolve(); // incoming signals, handled one at a time in arrival order
  }

  /** Opens the connection. The impolite side's offer (negotiationneeded) is the start. */
  start() {
    this.open(false);
    // The polite side says which connection it is, so that an impolite partner still connected to this
    // person's previous page (a reload) starts over with this one.
    if (this.polite) this.send({ type: "hello" });
  }

  get attendeeId() {
    return this.partner.id;
  }

  /** A fresh RTCPeerConnection (at the start, or because the partner started over). */
  open(replacing) {
    const pc = new RTCPeerConnection(this.engine.rtcConfiguration());
    this.pc = pc;
    this.localId = this.engine.nextConnectionId();
    this.makingOffer = false;
    this.ignoreOffer = false;
    this.settingRemoteAnswer = false;
    this.offerNumber = 0;
    this.connectedOnce = false;
    this.remoteStream = new MediaStream();
    clearTimeout(this.offerTimer);
    clearTimeout(this.restartTimer);

    pc.ontrack = ({ track }) => {
      if (pc !== this.pc) return;
      // A new stream object each time: a video element shows tracks added to the stream it already plays late or never.
      this.remoteStream = new MediaStream([...this.remoteStream.getTracks().filter((t) => t.kind !== track.kind), track]);
      this.engine.view.addRemote(this.partner.id, this.partner.displayName, this.remoteStream);
    };
    pc.onicecandidate = ({ candidate }) => {
      if (pc === this.pc && candidate) this.send({ type: "candidate", candidate: candidate.toJSON() });
    };
    pc.onnegotiationneeded = () => this.offer(pc);
    pc.onconnectionstatechange = () => this.connectionChanged(pc);

    if (!this.polite) {
      for (const kind of ["audio", "video"]) {
        const track = this.engine.trackOf(kind);
        // sendrecv even without a track: a camera switched on later is one replaceTrack, no renegotiation.
        pc.addTransceiver(track ?? kind, { direction: "sendrecv", streams: this.engine.streams() });
      }
    }
    this.engine.view.addRemote(this.partner.id, this.partner.displayName, this.remoteStream);
    this.setState(replacing ? "reconnecting" : "connecting");
  }

  close() {
    clearTimeout(this.offerTimer);
    clearTimeout(this.restartTimer);
    this.pc.close();
    this.closed = true;
  }

  /** A payload from this partner (already parsed), in arrival order. */
  receive(message) {
    this.queue = this.queue.then(() => this.handle(message)).catch((error) => console.warn("Call signal not applied", error));
  }

  async handle(message) {
    if (this.closed) return;
    if (message.to && message.to !== this.localId) return; // for a connection of ours that is gone
    if (message.from !== this.remoteId) {
      // A new connection of the partner's that does not know ours: they reloaded. Start over with them.
      if (this.remoteId !== null && !message.to) this.restartFresh();
      this.remoteId = message.from;
    }
    switch (message.type) {
      case "description":
        return this.description(message.description, message.n);
      case "candidate":
        return this.candidate(message.candidate);
      case "media":
        this.remoteMedia = { mic: Boolean(message.mic), camera: Boolean(message.camera) };
        return this.engine.remoteMediaChanged(this, this.remoteMedia);
      case "hello":
        // The same connection saying hello again: it found itself not connected after the hub came back.
        if (!this.polite && this.pc.signalingState === "stable" && this.pc.connectionState !== "connected") this.restartIce();
        return undefined;
      default:
        return undefined; // a kind a newer page sends: ignore
    }
  }

  restartFresh() {
    this.pc.close();
    this.open(true);
  }

  async offer(pc) {
    if (pc !== this.pc) return;
    try {
      this.makingOffer = true;
      await pc.setLocalDescription();
      if (pc !== this.pc || pc.signalingState !== "have-local-offer") return;
      this.offerNumber += 1;
      this.send({ type: "description", description: pc.localDescription.toJSON(), n: this.offerNumber });
      this.armOfferRetry(pc);
    } catch (error) {
      console.warn("Could not make a call offer", error);
    } finally {
      this.makingOffer = false;
    }
  }

  armOfferRetry(pc) {
    clearTimeout(this.offerTimer);
    const number = this.offerNumber;
    this.offerTimer = setTimeout(() => {
      this.queue = this.queue.then(async () => {
        if (pc !== this.pc || pc.signalingState !== "have-local-offer" || this.offerNumber !== number) return;
        await pc.setLocalDescription({ type: "rollback" });
        // With new ICE credentials, so the candidates are gathered (and sent) again: the first ones were lost too.
        pc.restartIce(); // fires negotiationneeded: the offer again
      }).catch((error) => console.warn("Could not offer again", error));
    }, OFFER_RETRY_MS);
  }

  // MDN's perfect negotiation, with the offer's number echoed in the answer so a late answer to an offer
  // withdrawn meanwhile is not taken for the answer to the new one.
  async description(description, number) {
    const pc = this.pc;
    const readyForOffer = !this.makingOffer && (pc.signalingState === "stable" || this.settingRemoteAnswer);
    const offerCollision = description.type === "offer" && !readyForOffer;
    this.ignoreOffer = !this.polite && offerCollision;
    if (this.ignoreOffer) return;
    if (description.type === "answer" && (pc.signalingState !== "have-local-offer" || number !== this.offerNumber)) return;
    this.settingRemoteAnswer = description.type === "answer";
    try {
      await pc.setRemoteDescription(description); // on a collision the polite side rolls back its own offer here
    } finally {
      this.settingRemoteAnswer = false;
    }
    if (description.type === "offer") {
      await this.sendOwnTracks();
      await pc.setLocalDescription();
      this.send({ type: "description", description: pc.localDescription.toJSON(), n: number });
    } else {
      clearTimeout(this.offerTimer);
    }
  }

  /** The answering side puts its microphone and camera on the transceivers the partner's offer made. */
  async sendOwnTracks() {
    for (const kind of ["audio", "video"]) {
      const transceiver = this.transceiverOf(kind);
      if (!transceiver || transceiver.sender.track) continue;
      transceiver.direction = "sendrecv";
      const track = this.engine.trackOf(kind);
      if (track) {
        await transceiver.sender.replaceTrack(track);
        transceiver.sender.setStreams?.(...this.engine.streams());
      }
    }
  }

  async candidate(candidate) {
    try {
      await this.pc.addIceCandidate(candidate);
    } catch (error) {
      if (!this.ignoreOffer) console.warn("Call candidate not added", error);
    }
  }

  transceiverOf(kind) {
    return this.pc.getTransceivers().find((t) => !t.stopped && t.receiver.track?.kind === kind) ?? null;
  }

  /** Sends track (or nothing, for null) as this side's microphone or camera, without a renegotiation. */
  async replaceTrack(kind, track) {
    const transceiver = this.transceiverOf(kind);
    if (!transceiver) return;
    await transceiver.sender.replaceTrack(track);
    if (track) transceiver.sender.setStreams?.(...this.engine.streams());
  }

  connectionChanged(pc) {
    if (pc !== this.pc) return;
    clearTimeout(this.restartTimer);
    switch (pc.connectionState) {
      case "connected":
        this.connectedOnce = true;
        this.setState("connected");
        this.engine.peerConnected(this);
        break;
      case "disconnected":
        this.setState("reconnecting");
        this.restartTimer = setTimeout(() => this.restartIce(), DISCONNECTED_GRACE_MS);
        break;
      case "failed":
        this.setState(this.connectedOnce ? "reconnecting" : "failed");
        this.restartIce();
        break;
      default:
        break;
    }
  }

  /** A new ICE negotiation on the same connection (the network changed, the hub reconnected), with fresh credentials when they run out. */
  async restartIce() {
    if (this.closed || this.pc.connectionState === "connected") return;
    await this.engine.refreshIceServers();
    if (this.closed) return;
    this.pc.restartIce(); // fires negotiationneeded: an offer with new ICE credentials
  }

  /** After the hub came back: a connection that is not up asks again (see "hello" above). */
  poke() {
    if (this.pc.connectionState === "connected") return;
    if (this.polite) this.send({ type: "hello" });
    else this.restartIce();
  }

  setState(state) {
    this.state = state;
    this.engine.peerStateChanged(this, state);
  }

  send(message) {
    this.engine.signal(this, { v: 1, from: this.localId, to: this.remoteId, ...message });
  }
}
