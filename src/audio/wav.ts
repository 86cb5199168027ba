/**
 * RIFF WAV reader producing openSMILE's float32 mono samples (cWaveSource: int16 / 32767, channels averaged,
 * whole file as one segment).
 *
 * Scaling follows smilePcm_convertSamples (openSMILE smileUtil.c), monoMixdown=1, all arithmetic in float32:
 *   s = (Σ_c x_c) / nChan / D   with D = 32767 (16 bit), 127 (8 bit), 32767·256 (24 bit), 2147483647 (32 bit int), 1 (float).
 * 8-bit WAV data is unsigned (offset 128); openSMILE reads the byte as a signed int8, which turns audio into
 * garbage, so here the byte is decoded correctly as (b − 128) and then scaled by 1/127 like openSMILE.
 * 24-bit samples in 4-byte containers are masked to 24 bits without sign extension, as openSMILE does.
 * A small RIFF parser is used instead of `wavefile` so that the float32 mixdown of openSMILE is reproduced
 * exactly and files are decoded in one pass without intermediate Float64 copies.
 * WAVE_FORMAT_EXTENSIBLE is accepted when its sub-format is PCM or IEEE float; chunks before `data` are skipped, and
 * chunks after it (LIST, id3, ...) are not read as audio: the data size comes from the chunk header, or for RF64 from
 * the ds64 chunk. A data size of 0 or 0xFFFFFFFF (an unpatched streaming header) means "to the end of the file",
 * unless what follows is exactly a run of well-formed chunks (then the data chunk is really empty).
 * Memory: the file bytes plus 4 bytes per (mono) sample.
 */
import { readFileSync } from 'node:fs';
import { fileError } from '../util/errors.js';

/** Decoded WAV audio: float32 mono samples plus the file's sample rate, channel count, sample width and format. */
export interface WavAudio {
  samples: Float32Array;
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  format: 'pcm' | 'float';
}

const WAVE_FORMAT_PCM = 1;
const WAVE_FORMAT_IEEE_FLOAT = 3;
const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Reads a WAV file from disk and decodes it to openSMILE's float32 mono samples; throws fileError on bad input. */
export function readWav(path: string): WavAudio {
  return decodeWav(readFileBytes(path), path);
}

/** Reads a whole file, turning I/O failures into one-line UserErrors naming the file. */
export function readFileBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason =
      e.code === 'ENOENT'
        ? 'no such file'
        : e.code === 'EISDIR'
          ? 'is a directory'
          : e.code === 'EACCES'
            ? 'permission denied'
            : `cannot read (${e.code ?? e.message})`;
    throw fileError(path, reason);
  }
}

function tag(b: Uint8Array, o: number): string {
  return String.fromCharCode(b[o], b[o + 1], b[o + 2], b[o + 3]);
}

/** Whether bytes from `off` to the end are one or more whole RIFF chunks (printable ids; a missing last pad byte ok). */
function chunksToEnd(b: Uint8Array, dv: DataView, off: number): boolean {
  let chunks = 0;
  while (off + 8 <= b.length) {
    for (let i = 0; i < 4; i++) if (b[off + i] < 0x20 || b[off + i] > 0x7e) return false;
    const size = dv.getUint32(off + 4, true);
    off += 8 + size + (size % 2);
    chunks++;
  }
  return chunks > 0 && (off === b.length || off === b.length + 1);
}

/** Decodes RIFF WAV bytes held in memory, as readWav does for a file; `name` is used in error messages. */
export function decodeWav(bytes: Uint8Array, name: string): WavAudio {
  if (bytes.length === 0) throw fileError(name, 'empty file');
  if (bytes.length < 12 || (tag(bytes, 0) !== 'RIFF' && tag(bytes, 0) !== 'RF64') || tag(bytes, 8) !== 'WAVE') {
    throw fileError(name, bytes.length >= 4 && tag(bytes, 0) === 'RIFX' ? 'big-endian WAV (RIFX) is not supported' : 'not a RIFF WAV file');
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let off = 12;
  let fmt: { format: number; channels: number; rate: number; blockAlign: number; bits: number } | null = null;
  let dataOff = -1;
  let dataLen = 0;
  let ds64DataSize: number | null = null; // RF64: the real data size (the data chunk's own field is 0xFFFFFFFF)
  while (off + 8 <= bytes.length) {
    const id = tag(bytes, off);
    const size = dv.getUint32(off + 4, true);
    const body = off + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.length) throw fileError(name, 'truncated or invalid fmt chunk');
      let format = dv.getUint16(body, true);
      if (format === WAVE_FORMAT_EXTENSIBLE && size >= 40 && body + 26 <= bytes.length) format = dv.getUint16(body + 24, true);
      fmt = {
        format,
        channels: dv.getUint16(body + 2, true),
        rate: dv.getUint32(body + 4, true),
        blockAlign: dv.getUint16(body + 12, true),
        bits: dv.getUint16(body + 14, true),
      };
    } else if (id === 'ds64' && size >= 16 && body + 16 <= bytes.length) {
      ds64DataSize = dv.getUint32(body + 8, true) + dv.getUint32(body + 12, true) * 4294967296;
    } else if (id === 'data') {
      dataOff = body;
      const avail = bytes.length - body;
      const declared = size === 0xffffffff && ds64DataSize !== null && ds64DataSize > 0 ? ds64DataSize : size;
      // 0 and 0xFFFFFFFF are written by streaming recorders that never patch the header: take what is there.
      const streamed = declared === 0xffffffff || (declared === 0 && avail > 0 && fmt !== null && !chunksToEnd(bytes, dv, body));
      if (streamed) dataLen = avail;
      else if (declared > avail) throw fileError(name, `truncated: data chunk declares ${declared} bytes, only ${avail} present`);
      else dataLen = declared;
      break;
    }
    off = body + size + (size % 2);
  }
  if (fmt === null) throw fileError(name, 'no fmt chunk (not a valid WAV file)');
  if (dataOff < 0) throw fileError(name, 'no data chunk (truncated WAV file)');
  const { format, channels, rate, blockAlign, bits } = fmt;
  if (channels === 0) throw fileError(name, 'zero channels');
  if (rate === 0) throw fileError(name, 'sample rate 0');
  const bps = Math.floor(blockAlign / channels);
  let kind: 'pcm' | 'float';
  if (format === WAVE_FORMAT_PCM) {
    if (!(
      (bits === 8 && bps === 1) ||
      (bits === 16 && bps === 2) ||
      (bits === 24 && bps === 3) ||
      (bits === 32 && bps === 4) ||
      (bits === 24 && bps === 4)
    )) {
      throw fileError(name, `unsupported PCM encoding (${bits} bits in ${bps} bytes per sample)`);
    }
    kind = 'pcm';
  } else if (format === WAVE_FORMAT_IEEE_FLOAT) {
    if (bits !== 32 || bps !== 4) throw fileError(name, `unsupported float encoding (${bits} bits; only 32-bit float is supported)`);
    kind = 'float';
  } else {
    throw fileError(name, `unsupported WAV encoding (format tag ${format}; only integer PCM and 32-bit float are supported)`);
  }
  const n = Math.floor(dataLen / blockAlign);
  const out = new Float32Array(n);
  const f = Math.fround;
  const nc = f(channels);
  const scale = kind === 'float' ? 1 : bits === 8 ? 127 : bits === 16 ? 32767 : bits === 24 ? 32767 * 256 : 2147483647;
  const fscale = f(scale);
  for (let i = 0; i < n; i++) {
    let acc = 0; // float32 accumulator, as in oS
    for (let c = 0; c < channels; c++) {
      const p = dataOff + i * blockAlign + c * bps;
      let v: number;
      if (kind === 'float') v = dv.getFloat32(p, true);
      else if (bps === 1) v = bytes[p] - 128;
      else if (bps === 2) v = dv.getInt16(p, true);
      else if (bps === 3) v = ((bytes[p] | (bytes[p + 1] << 8) | (bytes[p + 2] << 16)) << 8) >> 8;
      else if (bits === 24)
        v = dv.getInt32(p, true) & 0xffffff; // oS masks 24-in-32 without sign extension
      else v = dv.getInt32(p, true);
      acc = f(acc + f(v));
    }
    out[i] = kind === 'float' && channels === 1 ? acc : f(f(acc / nc) / fscale);
  }
  return { samples: out, sampleRate: rate, channels, bitsPerSample: bits, format: kind };
}
