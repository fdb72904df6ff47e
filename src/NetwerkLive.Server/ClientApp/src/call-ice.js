// The ICE servers of a call: STUN, and TURN with credentials the server issues to this attendee for a short
// time (GetIceServers). Asked for when a call starts, and again before an ICE restart when the credentials
// are about to run out. How they are configured and checked: docs/video.md.

import { serverNow } from "./api.js";

// TURN credentials this close to their end are renewed before an ICE restart uses them.
const RENEW_BEFORE_MS = 60000;
const NONE = { iceServers: [], iceTransportPolicy: "all", expiresAt: 0 };

export class IceServers {
  constructor(connection) {
    this.connection = connection;
    this.ice = null;
    this.renewing = null;
  }

  /** Asks the server; without an answer the call still tries direct connections. */
  async fetch() {
    try {
      this.ice = await this.connection.invoke("GetIceServers");
    } catch (error) {
      console.warn("No ICE servers, trying direct connections only:", error.message);
      this.ice = NONE;
    }
    return this.ice;
  }

  /** The RTCConfiguration for a new peer connection (or a renewed one). */
  configuration() {
    const ice = this.ice ?? NONE;
    return {
      // The hub sends null for a STUN server's username and credential; RTCIceServer wants them absent.
      iceServers: ice.iceServers.map((s) => ({ urls: s.urls, ...(s.username ? { username: s.username, credential: s.credential } : {}) })),
      iceTransportPolicy: ice.iceTransportPolicy === "relay" ? "relay" : "all",
    };
  }

  /** Before an ICE restart: credentials that run out soon are renewed on every one of <connections>. */
  async renewIfNeeded(connections) {
    const expiresAt = Number(this.ice?.expiresAt ?? 0);
    if (!expiresAt || expiresAt - serverNow() > RENEW_BEFORE_MS) return;
    if (!this.renewing) {
      this.renewing = this.fetch().then(() => {
        for (const pc of connections()) pc.setConfiguration(this.configuration());
      }).finally(() => {
        this.renewing = null;
      });
    }
    await this.renewing;
  }
}
