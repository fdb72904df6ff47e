// The camera and microphone for a call. This first version asks for both and falls back to the
// microphone alone; the permission step with a preview, the messages and the chosen devices come later.

/**
 * video: whether to ask for the camera. Returns { stream, kind: "video" | "audio" | "none", error }:
 * the stream (null for "none") and, when something was refused or missing, the error that said so.
 */
export async function acquireLocalMedia({ video = true } = {}) {
  if (!navigator.mediaDevices?.getUserMedia) {
    return { stream: null, kind: "none", error: new Error("getUserMedia is not available (not a secure context?)") };
  }
  let firstError = null;
  if (video) {
    try {
      return { stream: await navigator.mediaDevices.getUserMedia({ audio: true, video: true }), kind: "video", error: null };
    } catch (error) {
      firstError = error;
    }
  }
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ audio: true }), kind: "audio", error: firstError };
  } catch (error) {
    return { stream: null, kind: "none", error: firstError ?? error };
  }
}
