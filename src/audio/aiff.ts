/**
 * AIFF / AIFF-C reader (big-endian integer PCM, 'sowt' little-endian PCM, 'fl32' float), same output and
 * scaling as readWav: openSMILE's float32 mono mix-down s = (Σ_c x_c) / nChan / D (see wav.ts).
 */
import { fileError } from '../util/errors.js';
import type { WavAudio } from './wav.js';

function tag(b: Uint8Array, o: number): string {
  return String.fromCharCode(b[o], b[o + 1], b[o + 2], b[o + 3]);
}

/** IEEE 754 80-bit extended (the COMM chunk's sample rate): sign, 15-bit exponent, 64-bit mantissa. */
function extended80(dv: DataView, o: number): number {
  const se = dv.getUint16(o);
  const hi = dv.getUint32(o + 2);
  const lo = dv.getUint32(o + 6);
  const exp = (se & 0x7fff) - 16383 - 63;
  const v = (hi * 4294967296 + lo) * Math.pow(2, exp);
  return se & 0x8000 ? -v : v;
}

interface Comm {
  channels: number;
  frames: number;
  bits: number;
  rate: number;
  compression: string;
}

/** Decodes AIFF / AIFF-C PCM (big-endian, `sowt`, `fl32`); throws a fileError naming `name` on bad input. */
export function decodeAiff(bytes: Uint8Array, name: string): WavAudio {
  const kind = bytes.length >= 12 && tag(bytes, 0) === 'FORM' ? tag(bytes, 8) : '';
  if (kind !== 'AIFF' && kind !== 'AIFC') throw fileError(name, 'not an AIFF file');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let comm: Comm | null = null;
  let dataOff = -1;
  let dataLen = 0;
  let off = 12;
  while (off + 8 <= bytes.length) {
    const id = tag(bytes, off);
    const size = dv.getUint32(off + 4);
    const body = off + 8;
    if (id === 'COMM') {
      if (size < 18 || body + 18 > bytes.length) throw fileError(name, 'truncated or invalid COMM chunk');
      const compression = kind === 'AIFC' && size >= 22 ? tag(bytes, body + 18) : 'NONE';
      comm = {
        channels: dv.getUint16(body),
        frames: dv.getUint32(body + 2),
        bits: dv.getUint16(body + 6),
        rate: extended80(dv, body + 8),
        compression,
      };
    } else if (id === 'SSND') {
      if (body + 8 > bytes.length) throw fileError(name, 'truncated SSND chunk');
      dataOff = body + 8 + dv.getUint32(body);
      dataLen = Math.max(0, Math.min(size - 8, bytes.length - dataOff));
    }
    off = body + size + (size % 2); // chunks are padded to even length
  }
  if (comm === null) throw fileError(name, 'no COMM chunk (not a valid AIFF file)');
  if (dataOff < 0) throw fileError(name, 'no SSND chunk (truncated AIFF file)');
  const { channels, bits, compression } = comm;
  const rate = Math.round(comm.rate);
  if (channels === 0) throw fileError(name, 'zero channels');
  if (!(rate > 0)) throw fileError(name, `invalid sample rate ${comm.rate}`);
  const float = compression === 'fl32' || compression === 'FL32';
  const little = compression === 'sowt';
  if (!float && !little && compression !== 'NONE' && compression !== 'twos') {
    throw fileError(name, `unsupported AIFF-C compression '${compression}' (only uncompressed PCM and fl32)`);
  }
  const bps = float ? 4 : Math.ceil(bits / 8);
  if (float ? bits !== 32 : !(bps >= 1 && bps <= 4)) throw fileError(name, `unsupported AIFF sample size ${bits} bits`);
  const block = bps * channels;
  const n = Math.min(comm.frames, Math.floor(dataLen / block));
  const f = Math.fround;
  const scale = f(float ? 1 : bps === 1 ? 127 : bps === 2 ? 32767 : bps === 3 ? 32767 * 256 : 2147483647);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let c = 0; c < channels; c++) {
      const p = dataOff + i * block + c * bps;
      let v: number;
      if (float) v = dv.getFloat32(p, little);
      else if (bps === 1)
        v = dv.getInt8(p); // AIFF 8-bit is signed (unlike WAV)
      else if (bps === 2) v = dv.getInt16(p, little);
      else if (bps === 3)
        v = little
          ? ((bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16)) << 8) >> 8
          : ((bytes[p] << 24) | (bytes[p + 1] << 16) | (bytes[p + 2] << 8)) >> 8;
      else v = dv.getInt32(p, little);
      acc = f(acc + f(v));
    }
    out[i] = float && channels === 1 ? acc : f(f(acc / f(channels)) / scale);
  }
  return { samples: out, sampleRate: rate, channels, bitsPerSample: bits, format: float ? 'float' : 'pcm' };
}
