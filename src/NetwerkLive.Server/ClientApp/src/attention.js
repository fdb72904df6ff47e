// Making sure a person notices a moment (a breakout starting or ending, the round's end, a host
// announcement) on a phone scrolled down in the chat, in another tab, or with a screen reader: the
// part of the page scrolls into view and takes focus, an assertive live region says it in words, the
// tab title changes (and blinks while the tab is hidden), a short chime plays and a phone vibrates.
// One place for all of it, so every moment gets the same care.

const SOUND_KEY = "netwerklive.sound";
const BLINK_MS = 1000;
const VIBRATION = [180, 90, 180];
const LATE_CHIME_MS = 5000;

export class Attention {
  /** announcer: the assertive live region. baseTitle(): the tab title when nothing asks for attention. */
  constructor(announcer, baseTitle) {
    this.announcer = announcer;
    this.baseTitle = baseTitle;
    this.alertTitle = null;
    this.blinker = null;
    this.audio = null;
    this.muted = readMuted();
    this.unlockAudioOnFirstGesture();
    document.addEventListener("visibilitychange", () => {
      if (!document.hidden) this.stopBlinking();
    });
    // A tap or a key on the visible page means the moment was seen: the plain title comes back.
    for (const type of ["pointerdown", "keydown"]) {
      document.addEventListener(type, () => {
        if (this.alertTitle && !document.hidden) this.clearTitle();
      }, true);
    }
  }

  /**
   * A moment: text is what the live region says and the title shows; target (optional) is scrolled
   * into view and focused, unless focus is in it already (someone typing in the breakout chat keeps
   * their place).
   */
  notify(text, target = null) {
    if (target) this.bringIntoView(target);
    this.announce(text);
    this.flagTitle(text);
    this.chime();
    this.vibrate();
  }

  bringIntoView(target) {
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    const smooth = !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
    target.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
    if (!target.contains(document.activeElement)) target.focus({ preventScroll: true });
  }

  // Emptied first and filled a moment later: a screen reader announces a change, and the same
  // sentence twice in a row is a change only this way.
  announce(text) {
    this.announcer.textContent = "";
    setTimeout(() => {
      this.announcer.textContent = text;
    }, 100);
  }

  /** The title names the moment; while the tab is hidden it blinks until the person comes back. */
  flagTitle(text) {
    this.alertTitle = `${text} · ${this.baseTitle()}`;
    document.title = this.alertTitle;
    if (document.hidden && !this.blinker) {
      let on = true;
      this.blinker = setInterval(() => {
        on = !on;
        document.title = on ? this.alertTitle : this.baseTitle();
      }, BLINK_MS);
    }
  }

  stopBlinking() {
    clearInterval(this.blinker);
    this.blinker = null;
    if (this.alertTitle) document.title = this.alertTitle;
  }

  /** Back to the plain title (the moment was seen, or is over). */
  clearTitle() {
    clearInterval(this.blinker);
    this.blinker = null;
    this.alertTitle = null;
    document.title = this.baseTitle();
  }

  // Browsers refuse (and complain about) vibration before the person touched the page.
  vibrate() {
    if (navigator.userActivation?.hasBeenActive === false) return;
    navigator.vibrate?.(VIBRATION);
  }

  get soundOn() {
    return !this.muted;
  }

  /** The sound switch; remembered in this browser. */
  setSound(on) {
    this.muted = !on;
    try {
      localStorage.setItem(SOUND_KEY, on ? "on" : "off");
    } catch {
      // Storage is off (private mode): the choice lasts for this page.
    }
  }

  // Browsers only let a page make sound after the person did something on it (a tap, a key): the
  // first one creates and starts the audio context. Until then a moment is silent, never an error.
  unlockAudioOnFirstGesture() {
    const unlock = () => {
      const Context = window.AudioContext ?? window.webkitAudioContext;
      if (!Context) return;
      try {
        this.audio ??= new Context();
        if (this.audio.state === "suspended") this.audio.resume().catch(() => {});
      } catch {
        return;
      }
      for (const type of ["pointerdown", "keydown"]) document.removeEventListener(type, unlock, true);
    };
    for (const type of ["pointerdown", "keydown"]) document.addEventListener(type, unlock, true);
  }

  /**
   * Two soft rising tones. The audio context may not be running at the moment: it is still starting
   * after the first tap (its audio device opens a moment later), or a phone suspended it while the
   * page was in the background. Then it is resumed (the page has had its tap, so that is allowed) and
   * the chime plays as soon as it runs, unless that takes so long the chime would no longer belong to
   * the moment.
   */
  chime() {
    if (this.muted || !this.audio) return;
    if (this.audio.state === "running") {
      this.playTones();
      return;
    }
    const asked = performance.now();
    this.audio.resume().then(() => {
      if (this.audio.state === "running" && performance.now() - asked < LATE_CHIME_MS) this.playTones();
    }).catch(() => {});
  }

  /** Made in the page (no sound file to download). */
  playTones() {
    const start = this.audio.currentTime;
    [660, 880].forEach((frequency, i) => {
      const at = start + i * 0.18;
      const tone = this.audio.createOscillator();
      const volume = this.audio.createGain();
      tone.type = "sine";
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.0001, at);
      volume.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
      tone.connect(volume).connect(this.audio.destination);
      tone.start(at);
      tone.stop(at + 0.4);
    });
  }
}

function readMuted() {
  try {
    return localStorage.getItem(SOUND_KEY) === "off";
  } catch {
    return false;
  }
}
