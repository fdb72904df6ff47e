// How loud a stream's sound is right now, for the speaking indicator on a video and the level meter of
// the camera check. Web Audio analyses the stream in the page: nothing is recorded or sent anywhere.

const INTERVAL_MS = 150;
// Above this (0..1, the RMS of the samples) someone is talking; below it is room noise.
export const SPEAKING_LEVEL = 0.02;

let context = null;

function audioContext() {
  if (!context) {
    const Context = window.AudioContext ?? window.webkitAudioContext;
    if (!Context) return null;
    context = new Context();
    // Browsers start audio only after a tap or key on the page; until then the context waits, and the
    // levels read silence.
    if (context.state === "suspended") {
      const resume = () => context.resume().catch(() => {});
      for (const type of ["pointerdown", "keydown"]) document.addEventListener(type, resume, { once: true, capture: true });
    }
  }
  return context;
}

/**
 * Calls onLevel(level, speaking) a few times a second with the loudness of stream's audio (0..1);
 * returns a function that stops listening. A stream without sound gives nothing and a no-op.
 */
export function watchLevel(stream, onLevel) {
  if (!stream?.getAudioTracks().length) return () => {};
  const audio = audioContext();
  if (!audio) return () => {};
  const source = audio.createMediaStreamSource(stream);
  const analyser = audio.createAnalyser();
  analyser.fftSize = 512;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const level = Math.sqrt(sum / samples.length);
    onLevel(level, level > SPEAKING_LEVEL);
  }, INTERVAL_MS);
  return () => {
    clearInterval(timer);
    source.disconnect();
  };
}
