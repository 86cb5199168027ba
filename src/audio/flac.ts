/**
 * FLAC reader (RFC 9639), native ("fLaC", optionally after an ID3v2 tag) and in Ogg (the "\x7FFLAC" mapping), with
 * the same output as readWav: openSMILE's float32 mono mix-down s = (Σ_c x_c) / nChan / D (see wav.ts). Samples
 * are first placed in their WAV container (12-bit in 16, 20-bit in 24 bits), so a FLAC made from a WAV decodes to
 * exactly the WAV's samples. Every frame's CRC-8 (header) and CRC-16 (frame) and the stream's MD5 signature are
 * checked: a damaged or truncated file is one UserError naming it, never silently different audio. Our own decoder
 * because every FLAC decoder on npm depends on an LGPL-licensed parser.
 */
import { fileError } from '../util/errors.js';
import { BitReader, FlacFormatError, crc16, crc8, pow2 } from './flac-bits.js';
import { FlacMd5 } from './flac-md5.js';
import { decodeSubframe } from './flac-subframe.js';
import { concatBytes, readOggPackets } from './ogg.js';
import { id3v2Length } from './sniff.js';
import type { WavAudio } from './wav.js';

/** The STREAMINFO metadata block (§8.2): what every frame must agree with. */
interface StreamInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 0 when the encoder did not know it */
  totalSamples: number;
  /** MD5 of the unencoded samples; all zero when the encoder did not compute it */
  md5: Uint8Array;
}

/** What a frame header (§9.1) says about its frame. */
interface FrameHeader {
  blockSize: number;
  /** 0-7: independent channels; 8 left/side, 9 side/right, 10 mid/side */
  assignment: number;
  bitsPerSample: number;
  /** byte where the first subframe starts */
  end: number;
}

const LEFT_SIDE = 8;
const SIDE_RIGHT = 9;
const MID_SIDE = 10;
const RATES: readonly number[] = [0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000];
const SAMPLE_SIZES: readonly number[] = [0, 8, 12, -1, 16, 20, 24, 32]; // -1: reserved

function ascii(b: Uint8Array, o: number, n: number): string {
  return String.fromCharCode(...b.subarray(o, o + n));
}

/** Decodes a FLAC or Ogg FLAC file held in memory; throws a UserError "<name>: ..." for a bad or truncated file. */
export function decodeFlac(bytes: Uint8Array, name: string): WavAudio {
  const ogg = ascii(bytes, 0, 4) === 'OggS';
  try {
    return ogg ? decodeOggFlac(bytes, name) : decodeNativeFlac(bytes);
  } catch (err) {
    if (err instanceof FlacFormatError) throw fileError(name, `invalid ${ogg ? 'Ogg FLAC' : 'FLAC'} file: ${err.message}`);
    throw err;
  }
}

function decodeNativeFlac(bytes: Uint8Array): WavAudio {
  let off = id3v2Length(bytes);
  if (ascii(bytes, off, 4) !== 'fLaC') throw new FlacFormatError(`no fLaC marker at byte ${off}`);
  off += 4;
  let info: StreamInfo | null = null;
  for (let last = false; !last;) {
    if (off + 4 > bytes.length) throw new FlacFormatError('truncated in the metadata blocks');
    last = (bytes[off] & 0x80) !== 0;
    const type = bytes[off] & 0x7f;
    const length = (bytes[off + 1] << 16) | (bytes[off + 2] << 8) | bytes[off + 3];
    const body = off + 4;
    if (type === 127) throw new FlacFormatError(`invalid metadata block type 127 at byte ${off}`);
    if (info === null && type !== 0) throw new FlacFormatError('the first metadata block is not STREAMINFO');
    if (body + length > bytes.length) throw new FlacFormatError(`truncated in a metadata block (byte ${off})`);
    // other blocks (padding, seek table, Vorbis comments, pictures...) do not change the audio
    if (type === 0) info = parseStreamInfo(bytes, body, length);
    off = body + length;
  }
  return decodeFrames(bytes, off, info as StreamInfo);
}

/** STREAMINFO: 16+16 bit block sizes, 24+24 bit frame sizes, 20-bit rate, 3-bit channels-1, 5-bit bits-1, 36-bit total. */
function parseStreamInfo(b: Uint8Array, o: number, length: number): StreamInfo {
  if (length < 34) throw new FlacFormatError(`STREAMINFO block of ${length} bytes (34 expected)`);
  const r = new BitReader(b, o + 10, o + 18);
  const sampleRate = r.readUint(20);
  const channels = r.readUint(3) + 1;
  const bitsPerSample = r.readUint(5) + 1;
  const totalSamples = r.readUint(36);
  if (sampleRate === 0) throw new FlacFormatError('sample rate 0 in STREAMINFO');
  if (bitsPerSample < 4) throw new FlacFormatError(`${bitsPerSample} bits per sample in STREAMINFO (4 to 32 allowed)`);
  return { sampleRate, channels, bitsPerSample, totalSamples, md5: b.subarray(o + 18, o + 34) };
}

/** Ogg FLAC: packet 1 is "\x7FFLAC", version, header count, "fLaC" and STREAMINFO; one frame per audio packet. */
function decodeOggFlac(bytes: Uint8Array, name: string): WavAudio {
  const { packets } = readOggPackets(bytes, name);
  const head = packets[0];
  if (head === undefined || head.length < 51 || head[0] !== 0x7f || ascii(head, 1, 4) !== 'FLAC' || ascii(head, 9, 4) !== 'fLaC')
    throw new FlacFormatError('the first packet is not a FLAC mapping header');
  if (head[5] !== 1) throw new FlacFormatError(`unsupported Ogg FLAC mapping version ${head[5]}.${head[6]}`);
  if ((head[13] & 0x7f) !== 0) throw new FlacFormatError('the mapping header holds no STREAMINFO');
  const info = parseStreamInfo(head, 17, (head[14] << 16) | (head[15] << 8) | head[16]);
  // the remaining header packets are metadata blocks, whose first byte is a block type, never a frame's 0xFF
  const audio = packets.slice(1).filter((p) => p.length > 0 && p[0] === 0xff);
  return decodeFrames(concatBytes(audio), 0, info);
}

/** Decodes the frames from byte `off` to the end and mixes them down as openSMILE mixes a WAV. */
function decodeFrames(bytes: Uint8Array, off: number, info: StreamInfo): WavAudio {
  const { channels, bitsPerSample, totalSamples } = info;
  let out: Float32Array<ArrayBuffer> = new Float32Array(totalSamples > 0 ? totalSamples : 65536);
  let block: Float64Array[] = [];
  let n = 0;
  const md5 = info.md5.some((x) => x !== 0) ? new FlacMd5(bitsPerSample) : null;
  while (off < bytes.length && !(totalSamples > 0 && n >= totalSamples)) {
    if (bytes[off] !== 0xff || (bytes[off + 1] & 0xfe) !== 0xf8) {
      if (bytes.length - off === 128 && ascii(bytes, off, 3) === 'TAG') break; // an ID3v1 tag at the end
      throw new FlacFormatError(`no frame sync code at byte ${off}`);
    }
    const h = readFrameHeader(bytes, off, info);
    if (block.length === 0 || block[0].length < h.blockSize) block = Array.from({ length: channels }, () => new Float64Array(h.blockSize));
    const r = new BitReader(bytes, h.end);
    for (let c = 0; c < channels; c++) decodeSubframe(r, h.blockSize, h.bitsPerSample + (isSide(h.assignment, c) ? 1 : 0), block[c]);
    r.alignToByte();
    const crcAt = r.byte;
    if (crcAt + 2 > bytes.length) throw new FlacFormatError(`truncated: the stream ends inside the frame at byte ${off}`);
    if (crc16(bytes, off, crcAt) !== ((bytes[crcAt] << 8) | bytes[crcAt + 1]))
      throw new FlacFormatError(`the frame at byte ${off} fails its CRC-16 check (damaged data)`);
    restoreStereo(h.assignment, block, h.blockSize);
    md5?.update(block, h.blockSize);
    if (n + h.blockSize > out.length) out = grow(out, n + h.blockSize);
    mixDownFrame(block, h.blockSize, bitsPerSample, out, n);
    n += h.blockSize;
    off = crcAt + 2;
  }
  if (totalSamples > 0 && n < totalSamples)
    throw new FlacFormatError(`truncated: ${n} of the ${totalSamples} samples STREAMINFO announces`);
  if (n === 0) throw new FlacFormatError('no audio frames');
  if (md5 !== null && !md5.matches(info.md5)) throw new FlacFormatError('the decoded audio does not match the MD5 signature in STREAMINFO');
  return { samples: n === out.length ? out : out.slice(0, n), sampleRate: info.sampleRate, channels, bitsPerSample, format: 'pcm' };
}

function grow(a: Float32Array, need: number): Float32Array<ArrayBuffer> {
  const b = new Float32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** The frame header at `off`, checked against its CRC-8 and against STREAMINFO. */
function readFrameHeader(bytes: Uint8Array, off: number, info: StreamInfo): FrameHeader {
  const r = new BitReader(bytes, off + 2);
  const sizeCode = r.readUint(4);
  const rateCode = r.readUint(4);
  const assignment = r.readUint(4);
  const bitsCode = r.readUint(3);
  if (r.readUint(1) !== 0) throw new FlacFormatError(`reserved bit set in the frame header at byte ${off}`);
  skipCodedNumber(r, off);
  let blockSize: number;
  if (sizeCode === 0) throw new FlacFormatError(`reserved block size code in the frame header at byte ${off}`);
  else if (sizeCode === 1) blockSize = 192;
  else if (sizeCode <= 5) blockSize = 576 * pow2(sizeCode - 2);
  else if (sizeCode === 6) blockSize = r.readUint(8) + 1;
  else if (sizeCode === 7) blockSize = r.readUint(16) + 1;
  else blockSize = 256 * pow2(sizeCode - 8);
  let rate: number;
  if (rateCode === 0) rate = info.sampleRate;
  else if (rateCode <= 11) rate = RATES[rateCode];
  else if (rateCode === 12) rate = r.readUint(8) * 1000;
  else if (rateCode === 13) rate = r.readUint(16);
  else if (rateCode === 14) rate = r.readUint(16) * 10;
  else throw new FlacFormatError(`invalid sample rate code in the frame header at byte ${off}`);
  const headerCrc = r.readUint(8);
  if (crc8(bytes, off, r.byte - 1) !== headerCrc) throw new FlacFormatError(`the frame header at byte ${off} fails its CRC-8 check`);
  const bitsPerSample = bitsCode === 0 ? info.bitsPerSample : SAMPLE_SIZES[bitsCode];
  if (bitsPerSample < 0) throw new FlacFormatError(`reserved sample size code in the frame header at byte ${off}`);
  if (assignment > MID_SIDE) throw new FlacFormatError(`reserved channel assignment ${assignment} at byte ${off}`);
  const channels = assignment < LEFT_SIDE ? assignment + 1 : 2;
  // adan returns one rate, channel count and sample width per file; a stream that changes them mid-way is refused
  if (channels !== info.channels || rate !== info.sampleRate || bitsPerSample !== info.bitsPerSample) {
    throw new FlacFormatError(
      `the frame at byte ${off} has ${channels} channels, ${rate} Hz, ${bitsPerSample} bits; STREAMINFO says ` +
        `${info.channels}, ${info.sampleRate} Hz, ${info.bitsPerSample} bits`,
    );
  }
  return { blockSize, assignment, bitsPerSample, end: r.byte };
}

/** The frame or sample number, coded like UTF-8 extended to 7 bytes (§9.1.5); its value is not needed. */
function skipCodedNumber(r: BitReader, off: number): void {
  const first = r.readUint(8);
  const leadingOnes = Math.clz32(~(first << 24));
  if (leadingOnes === 1 || leadingOnes > 7) throw new FlacFormatError(`invalid coded frame number at byte ${off}`);
  const extra = leadingOnes === 0 ? 0 : leadingOnes - 1;
  for (let i = 0; i < extra; i++) {
    if ((r.readUint(8) & 0xc0) !== 0x80) throw new FlacFormatError(`invalid coded frame number at byte ${off}`);
  }
}

/** The side channel (left minus right) needs one bit more than the frame's samples (§9.2.1). */
function isSide(assignment: number, channel: number): boolean {
  return assignment === LEFT_SIDE || assignment === MID_SIDE ? channel === 1 : assignment === SIDE_RIGHT && channel === 0;
}

/** Undoes the stereo decorrelation of §4.2: left/side, side/right, mid/side back to left and right. */
function restoreStereo(assignment: number, ch: Float64Array[], n: number): void {
  if (assignment < LEFT_SIDE) return;
  const [a, b] = ch;
  if (assignment === LEFT_SIDE) for (let i = 0; i < n; i++) b[i] = a[i] - b[i];
  else if (assignment === SIDE_RIGHT) for (let i = 0; i < n; i++) a[i] += b[i];
  else {
    for (let i = 0; i < n; i++) {
      // mid lost its lowest bit, which equals the side's; then left and right are exact halves
      const side = b[i];
      const mid = 2 * a[i] + (Math.abs(side) % 2);
      a[i] = (mid + side) / 2;
      b[i] = (mid - side) / 2;
    }
  }
}

/**
 * openSMILE's float32 mono mix-down of one frame, exactly as wav.ts mixes the WAV container the samples would sit in:
 * shifted up to a whole number of bytes, summed in float32, divided by the channel count and by 127, 32767,
 * 32767·256 or 2147483647 for 8-, 16-, 24- or 32-bit containers.
 */
function mixDownFrame(ch: Float64Array[], n: number, bitsPerSample: number, out: Float32Array, at: number): void {
  const f = Math.fround;
  const container = Math.ceil(bitsPerSample / 8) * 8;
  const up = pow2(container - bitsPerSample);
  const scale = f(container === 8 ? 127 : container === 16 ? 32767 : container === 24 ? 32767 * 256 : 2147483647);
  const nc = f(ch.length);
  for (let i = 0; i < n; i++) {
    let acc = 0;
    for (let c = 0; c < ch.length; c++) acc = f(acc + f(ch[c][i] * up));
    out[at + i] = f(f(acc / nc) / scale);
  }
}
