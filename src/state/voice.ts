/** Speech (Web Speech API) and the rep sound (WebAudio). Both are optional: a browser without them stays silent. */
import type { Settings } from '../sessions/types.ts';

/** The voices this browser offers, by name. */
export function voiceNames(): string[] {
  return 'speechSynthesis' in window ? speechSynthesis.getVoices().map((v) => v.name) : [];
}

/** Says `text` with the chosen voice and rate; `interrupt` cuts off what is being said (for stops). */
export function speak(text: string, s: Settings, interrupt = false): void {
  if (!s.voiceOn || !('speechSynthesis' in window)) return;
  if (interrupt) speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  const voice = speechSynthesis.getVoices().find((v) => v.name === s.voiceName);
  if (voice) u.voice = voice;
  u.rate = s.voiceRate;
  speechSynthesis.speak(u);
}

let audio: AudioContext | null = null;

/** A short, soft 880 Hz beep (120 ms) for a counted rep. */
export function beep(s: Settings): void {
  if (!s.beepOn || typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  const t = audio.currentTime;
  const osc = audio.createOscillator();
  const gain = audio.createGain();
  osc.frequency.value = 880;
  gain.gain.setValueAtTime(0.0001, t);
  gain.gain.exponentialRampToValueAtTime(0.25, t + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.12);
  osc.connect(gain).connect(audio.destination);
  osc.start(t);
  osc.stop(t + 0.13);
}
