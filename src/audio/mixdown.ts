/**
 * openSMILE's mono mix-down of float channels (smilePcm_convertSamples with monoMixdown=1, float input):
 * a float32 sum over channels divided by the channel count. Used for decoded (MP3/Opus/Vorbis) audio.
 */
export function mixDown(channels: Float32Array[], length: number = channels[0]?.length ?? 0): Float32Array {
  if (channels.length === 1) return channels[0].length === length ? channels[0] : channels[0].slice(0, length);
  const f = Math.fround;
  const nc = f(channels.length);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    let acc = 0;
    for (const ch of channels) acc = f(acc + ch[i]);
    out[i] = f(acc / nc);
  }
  return out;
}
