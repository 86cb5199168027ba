/**
 * Reads any supported audio file by its content (sniff.ts), giving openSMILE's float32 mono samples.
 * WAV, AIFF and FLAC (native or in Ogg) are decoded synchronously by our own readers (bit-exact with openSMILE for WAV,
 * and FLAC gives exactly the samples of the WAV it was made from); MP3 (mpg123) and Ogg Opus (libopus) go through WASM
 * decoders and Ogg Vorbis through stb_vorbis in WASM (`stb-vorbis`: the Vorbis decoders of the @wasm-audio-decoders
 * family depend on the LGPL codec-parser), which is why the entry point is async.
 */
import { MPEGDecoder } from 'mpg123-decoder';
import { OpusDecoder } from 'opus-decoder';
import { StbVorbis } from 'stb-vorbis';
import { fileError } from '../util/errors.js';
import { decodeAiff } from './aiff.js';
import { decodeFlac } from './flac.js';
import { mixDown } from './mixdown.js';
import { readOggPackets } from './ogg.js';
import { describeStart, sniffAudio, type AudioKind } from './sniff.js';
import { decodeWav, readFileBytes } from './wav.js';

/** Decoded audio: samples mixed down to mono float32, with the file's rate, channel count and format. */
export interface DecodedAudio {
  samples: Float32Array;
  sampleRate: number;
  channels: number;
  format: AudioKind;
}

/** Reads and decodes one file by its content; throws a UserError "<path>: <problem>". */
export async function readAudioFile(path: string): Promise<DecodedAudio> {
  return decodeAudio(readFileBytes(path), path);
}

/** WAV, AIFF and FLAC, synchronously; null when the content needs a WASM decoder (MP3, Opus, Vorbis). */
export function decodeAudioSync(bytes: Uint8Array, name: string): DecodedAudio | null {
  if (bytes.length === 0) throw fileError(name, 'empty file');
  const kind = sniffAudio(bytes);
  if (kind === 'wav') {
    const w = decodeWav(bytes, name);
    return { samples: w.samples, sampleRate: w.sampleRate, channels: w.channels, format: kind };
  }
  if (kind === 'aiff' || kind === 'flac') {
    const a = kind === 'aiff' ? decodeAiff(bytes, name) : decodeFlac(bytes, name);
    return { samples: a.samples, sampleRate: a.sampleRate, channels: a.channels, format: kind };
  }
  if (kind === null) throw fileError(name, `not audio (${describeStart(bytes)})`);
  return null;
}

/** Decodes bytes by their content (WAV, RF64, AIFF, FLAC, MP3, Ogg Opus, Ogg Vorbis); `name` is used in errors. */
export async function decodeAudio(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  const sync = decodeAudioSync(bytes, name);
  if (sync !== null) return sync;
  const kind = sniffAudio(bytes) as AudioKind;
  if (kind === 'mp3') return decodeMp3(bytes, name);
  if (kind === 'ogg-opus') return decodeOpus(bytes, name);
  if (kind === 'ogg-vorbis') return decodeVorbis(bytes, name);
  throw fileError(name, 'Ogg with a codec other than Opus, Vorbis or FLAC is not supported (convert to WAV, e.g. with sox or ffmpeg)');
}

function checked(
  name: string,
  channelData: Float32Array[],
  samples: number,
  rate: number,
  kind: AudioKind,
  errors: unknown[],
): DecodedAudio {
  if (samples === 0 || channelData.length === 0)
    throw fileError(name, `no decodable ${kind} audio${errors.length ? ` (${errors.length} bad frames)` : ''}`);
  return { samples: mixDown(channelData, samples), sampleRate: rate, channels: channelData.length, format: kind };
}

async function decodeMp3(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  const dec = new MPEGDecoder();
  await dec.ready;
  try {
    const r = dec.decode(bytes);
    return checked(name, r.channelData, r.samplesDecoded, r.sampleRate, 'mp3', r.errors);
  } finally {
    dec.free();
  }
}

/** Ogg Opus (RFC 7845): OpusHead gives channels, pre-skip and the mapping; audio is always 48 kHz. */
async function decodeOpus(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  const { packets, lastGranule } = readOggPackets(bytes, name);
  const head = packets[0];
  if (head === undefined || head.length < 19) throw fileError(name, 'invalid OpusHead packet');
  const dv = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const channels = head[9];
  const preSkip = dv.getUint16(10, true);
  const family = head[18];
  const mapping =
    family === 0 || head.length < 21 + channels
      ? {}
      : {
          streamCount: head[19],
          coupledStreamCount: head[20],
          channelMappingTable: Array.from(head.subarray(21, 21 + channels)),
        };
  const dec = new OpusDecoder({ channels, preSkip, ...mapping });
  await dec.ready;
  try {
    const r = dec.decodeFrames(packets.slice(2));
    // the last granule position counts decoded samples including the pre-skip (RFC 7845 §4)
    const total = lastGranule > preSkip ? Math.min(r.samplesDecoded, lastGranule - preSkip) : r.samplesDecoded;
    return checked(name, r.channelData, total, 48000, 'ogg-opus', r.errors);
  } finally {
    dec.free();
  }
}

/** Ogg Vorbis: stb_vorbis decodes the whole stream (trimmed to the last granule position) or fails as a whole. */
async function decodeVorbis(bytes: Uint8Array, name: string): Promise<DecodedAudio> {
  await StbVorbis.ready;
  let r;
  try {
    r = StbVorbis.decode(bytes);
  } catch {
    throw fileError(name, 'invalid or truncated Ogg Vorbis stream (stb_vorbis cannot decode it)');
  }
  return checked(name, r.channels, r.channels[0]?.length ?? 0, r.sampleRate, 'ogg-vorbis', []);
}
