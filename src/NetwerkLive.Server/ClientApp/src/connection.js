// The connection to the event hub: MessagePack when it can, JSON otherwise; automatic reconnect;
// Join() after every (re)connect. States: connecting, live, reconnecting, offline.

import * as signalR from "@microsoft/signalr";
import { MessagePackHubProtocol } from "@microsoft/signalr-protocol-msgpack";
import { hubRefusal } from "./api.js";
import { strings } from "./strings.js";
import { withLanguage, timeZone } from "./language.js";

const HUB_URL = "/hubs/event";
// Quick retries first (a reload of the server, a train tunnel), then every 15 s for five minutes;
// after that the page says it is offline and offers a button (and still retries now and then).
const RECONNECT_DELAYS_MS = [0, 1000, 2000, 5000, 10000, 15000];
const GIVE_UP_AFTER_MS = 5 * 60 * 1000;
const OFFLINE_RETRY_MS = 30000;

/** The hub's address with the person's language (?lang=) and time zone (?tz=), for the sentences and times of its refusals. */
function hubUrl() {
  const zone = timeZone();
  return withLanguage(zone ? `${HUB_URL}?tz=${encodeURIComponent(zone)}` : HUB_URL);
}

// currentToken() is asked on every (re)connect: the host may replace their token while connected.
// The hub learns the person's language from ?lang= on its URL (for its refusals), set again before
// every reconnect in case the person switched language meanwhile.
function buildConnection(currentToken, protocol, onRetry) {
  const builder = new signalR.HubConnectionBuilder()
    .withUrl(hubUrl(), { accessTokenFactory: currentToken })
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (context) => {
        if (context.elapsedMilliseconds > GIVE_UP_AFTER_MS) return null;
        onRetry(context.previousRetryCount);
        return RECONNECT_DELAYS_MS[Math.min(context.previousRetryCount, RECONNECT_DELAYS_MS.length - 1)] + Math.random() * 500;
      },
    })
    .configureLogging(signalR.LogLevel.Warning);
  if (protocol === "msgpack") {
    builder.withHubProtocol(new MessagePackHubProtocol());
  }
  return builder.build();
}

/** The protocols to try, in order. ?protocol=json on the page's URL forces JSON (handy for debugging). */
function protocolsToTry() {
  const forced = new URLSearchParams(location.search).get("protocol");
  if (forced === "json" || forced === "msgpack") return [forced];
  return ["msgpack", "json"];
}

/** A server refusal ("HubException: You are sending messages too quickly…") as the sentence a person reads. */
export function readableError(error) {
  const message = String(error?.message ?? error ?? "");
  const hub = message.indexOf("HubException: ");
  if (hub >= 0) return message.slice(hub + "HubException: ".length);
  if (/connection (being|is not|was) (closed|in the 'Connected' State)|Invocation canceled/i.test(message)) return strings.notLive;
  return message || strings.somethingWrong;
}

export class EventConnection {
  /**
   * token: the attendee's or host's token.
   * onState(state): connecting | live | reconnecting | offline.
   * onJoined(joinResult, reconnected): after each successful Join(); the state becomes live when it returns.
   * onRefused({ message, removed }): the server will not take this token (expired, removed, unknown event).
   */
  constructor(token, { onState, onJoined, onRefused }) {
    this.token = token;
    this.onState = onState;
    this.onJoined = onJoined;
    this.onRefused = onRefused;
    this.handlers = []; // [name, handler]: several parts of a page may listen to one push
    this.connection = null;
    this.protocol = null;
    this.state = null;
    this.joinedBefore = false;
    this.finished = false; // removed or refused: never reconnect
    this.retryTimer = null;
    this.checkingToken = false;
    window.addEventListener("online", () => {
      if (this.state === "offline") this.start();
    });
  }

  /** msgpack or json, once connected. */
  get protocolName() {
    return this.protocol;
  }

  get isLive() {
    return this.state === "live";
  }

  /** Subscribes to a push from the server (by its name in docs/hub-contract.md). */
  on(name, handler) {
    this.handlers.push([name, handler]);
    this.connection?.on(name, handler);
  }

  /** Calls a hub method; a refusal is thrown as an Error whose message a person can read. */
  async invoke(method, ...args) {
    if (!this.connection || this.connection.state !== signalR.HubConnectionState.Connected) {
      throw new Error(strings.notLive);
    }
    try {
      return await this.connection.invoke(method, ...args);
    } catch (error) {
      throw new Error(readableError(error));
    }
  }

  /** Connects (or connects again after going offline) and joins the room. */
  async start() {
    if (this.finished || this.state === "connecting" || this.state === "live" || this.state === "reconnecting") return;
    clearTimeout(this.retryTimer);
    this.setState("connecting");
    const protocols = this.protocol ? [this.protocol] : protocolsToTry();
    for (const protocol of protocols) {
      const connection = this.wire(buildConnection(() => this.token, protocol, (retries) => this.checkTokenWhileRetrying(retries)));
      try {
        await connection.start();
        this.connection = connection;
        this.protocol = protocol;
        break;
      } catch (error) {
        const refusal = await hubRefusal(this.token);
        if (refusal) {
          this.refuse(refusal);
          return;
        }
        console.warn(`Could not connect with the ${protocol} protocol`, error);
      }
    }
    if (!this.connection || this.connection.state !== signalR.HubConnectionState.Connected) {
      this.connection = null;
      this.goOffline();
      return;
    }
    await this.join();
  }

  /** Stops for good (the host removed this attendee). */
  finish() {
    this.finished = true;
    clearTimeout(this.retryTimer);
    this.connection?.stop();
    this.setState("offline");
  }

  wire(connection) {
    for (const [name, handler] of this.handlers) connection.on(name, handler);
    connection.onreconnecting(() => {
      this.setState("reconnecting");
      connection.baseUrl = new URL(hubUrl(), location.href).href; // the setter takes it as it is: absolute
    });
    connection.onreconnected(() => this.join());
    connection.onclose(() => {
      if (connection !== this.connection) return;
      this.connection = null;
      if (this.finished) {
        this.setState("offline");
      } else {
        // Automatic reconnect gave up, or the server closed the connection: a refused token?
        hubRefusal(this.token).then((refusal) => (refusal ? this.refuse(refusal) : this.goOffline()));
      }
    });
    return connection;
  }

  // A token that stopped working (the server restarted with a new key, the event is gone) would make
  // automatic reconnect try for minutes: after a few failed attempts, ask whether that is why.
  async checkTokenWhileRetrying(retries) {
    if (retries < 2 || this.checkingToken) return;
    this.checkingToken = true;
    try {
      const refusal = await hubRefusal(this.token);
      if (refusal && this.state === "reconnecting") {
        this.refuse(refusal);
        this.connection?.stop();
      }
    } finally {
      this.checkingToken = false;
    }
  }

  async join() {
    try {
      const result = await this.connection.invoke("Join");
      const reconnected = this.joinedBefore;
      this.joinedBefore = true;
      await this.onJoined(result, reconnected);
      this.setState("live");
    } catch (error) {
      console.warn("Join failed", error);
      // Joining again from scratch is the only way back to a consistent room.
      this.connection?.stop();
    }
  }

  goOffline() {
    this.setState("offline");
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.start(), OFFLINE_RETRY_MS);
  }

  refuse(refusal) {
    this.finished = true;
    this.setState("offline");
    this.onRefused(refusal);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.onState(state);
  }

  /**
   * Closes the connection on purpose, to come back with another token (resume): the host replacing
   * their token would otherwise see this connection cut off and its reconnect refused.
   */
  async pause() {
    const connection = this.connection;
    this.connection = null; // so its onclose does not count as a loss
    this.setState("connecting");
    await connection?.stop();
  }

  /** Connects again after pause(), with token. */
  async resume(token) {
    this.token = token;
    this.state = null;
    await this.start();
  }
}
