/**
 * Minimal RIFF WAV encoder (used by tests, benchmarks and tools that write audio).
 */
export type WavEncoding = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32';

/**
 * Encodes channels as a WAV file: samples in [-1, 1] are scaled by the constants the reader divides by
 * (127, 32767, 32767·256, 2147483647, 1 for pcm8/16/24/32/float32) and rounded.
 */
export function encodeWav(channels: Float32Array[], sampleRate: number, encoding: WavEncoding): Uint8Array {
  const nc = channels.length;
  const n = nc > 0 ? channels[0].length : 0;
  const bps = encoding === 'pcm8' ? 1 : encoding === 'pcm16' ? 2 : encoding === 'pcm24' ? 3 : 4;
  const dataLen = n * nc * bps;
  const buf = new Uint8Array(44 + dataLen + (dataLen % 2));
  const dv = new DataView(buf.buffer);
  const put = (o: number, s: string): void => {
    for (let i = 0; i < 4; i++) buf[o + i] = s.charCodeAt(i);
  };
  put(0, 'RIFF');
  dv.setUint32(4, buf.length - 8, true);
  put(8, 'WAVE');
  put(12, 'fmt ');
  dv.setUint32(16, 16, true);
  dv.setUint16(20, encoding === 'float32' ? 3 : 1, true);
  dv.setUint16(22, nc, true);
  dv.setUint32(24, sampleRate, true);
  dv.setUint32(28, sampleRate * nc * bps, true);
  dv.setUint16(32, nc * bps, true);
  dv.setUint16(34, bps * 8, true);
  put(36, 'data');
  dv.setUint32(40, dataLen, true);
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  let p = 44;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < nc; c++) {
      const x = channels[c][i];
      switch (encoding) {
        case 'pcm8':
          buf[p] = clamp(Math.round(x * 127), -128, 127) + 128;
          break;
        case 'pcm16':
          dv.setInt16(p, clamp(Math.round(x * 32767), -32768, 32767), true);
          break;
        case 'pcm24': {
          const v = clamp(Math.round(x * 32767 * 256), -8388608, 8388607);
          buf[p] = v & 0xff;
          buf[p + 1] = (v >> 8) & 0xff;
          buf[p + 2] = (v >> 16) & 0xff;
          break;
        }
        case 'pcm32':
          dv.setInt32(p, clamp(Math.round(x * 2147483647), -2147483648, 2147483647), true);
          break;
        case 'float32':
          dv.setFloat32(p, x, true);
          break;
      }
      p += bps;
    }
  }
  return buf;
}
