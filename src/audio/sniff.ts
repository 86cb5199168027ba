/**
 * Recognises an audio container by its first bytes (not by the file extension: public corpora contain AIFF
 * files named .wav).
 */
export type AudioKind = 'wav' | 'aiff' | 'flac' | 'ogg-opus' | 'ogg-vorbis' | 'ogg' | 'mp3';

function ascii(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = o; i < Math.min(b.length, o + n); i++) s += String.fromCharCode(b[i]);
  return s;
}

/** An MPEG audio frame header: 11-bit sync, a valid version, layer, bitrate and sample-rate index. */
function isMpegFrame(b: Uint8Array, o: number): boolean {
  if (o + 4 > b.length || b[o] !== 0xff || (b[o + 1] & 0xe0) !== 0xe0) return false;
  const version = (b[o + 1] >> 3) & 3;
  const layer = (b[o + 1] >> 1) & 3;
  const bitrate = b[o + 2] >> 4;
  const rate = (b[o + 2] >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && rate !== 3;
}

/** The format the first bytes announce, or null when they are not audio adan knows. */
export function sniffAudio(b: Uint8Array): AudioKind | null {
  const head = ascii(b, 0, 4);
  if ((head === 'RIFF' || head === 'RF64' || head === 'RIFX') && ascii(b, 8, 4) === 'WAVE') return 'wav';
  if (head === 'FORM' && (ascii(b, 8, 4) === 'AIFF' || ascii(b, 8, 4) === 'AIFC')) return 'aiff';
  if (head === 'fLaC') return 'flac';
  if (head === 'OggS') {
    // the first page's first packet identifies the codec (RFC 7845 §5.1, Vorbis I spec §4.2.1)
    const segments = b[26] ?? 0;
    const packet = 27 + segments;
    if (ascii(b, packet, 8) === 'OpusHead') return 'ogg-opus';
    if (ascii(b, packet + 1, 6) === 'vorbis') return 'ogg-vorbis';
    if (ascii(b, packet + 1, 4) === 'FLAC') return 'flac';
    return 'ogg';
  }
  // an ID3v2 tag precedes MP3 audio, and sometimes FLAC
  if (ascii(b, 0, 3) === 'ID3') return ascii(b, id3v2Length(b), 4) === 'fLaC' ? 'flac' : 'mp3';
  if (isMpegFrame(b, 0)) return 'mp3';
  return null;
}

/** The length of the ID3v2 tag at the start (10-byte header, syncsafe 28-bit size, optional footer), or 0. */
export function id3v2Length(b: Uint8Array): number {
  if (b.length < 10 || ascii(b, 0, 3) !== 'ID3') return 0;
  const size = ((b[6] & 0x7f) << 21) | ((b[7] & 0x7f) << 14) | ((b[8] & 0x7f) << 7) | (b[9] & 0x7f);
  return 10 + size + (b[5] & 0x10 ? 10 : 0);
}

/** The printable start of a file, for "not audio" errors. */
export function describeStart(b: Uint8Array): string {
  if (b.length === 0) return 'empty file';
  const s = ascii(b, 0, 16);
  const printable = /^[\x20-\x7e\t\r\n]*$/.test(s);
  if (printable) return `starts with '${s.replace(/[\r\n\t].*$/s, '').slice(0, 12)}'`;
  return `starts with bytes ${Array.from(b.subarray(0, 8), (x) => x.toString(16).padStart(2, '0')).join(' ')}`;
}

/** File extensions a folder scan picks up; the content, not the extension, then decides the decoder. */
export const AUDIO_EXTENSIONS: readonly string[] = ['.wav', '.wave', '.aif', '.aiff', '.aifc', '.mp3', '.opus', '.ogg', '.oga', '.flac'];

/** Whether a file name has one of the audio extensions (case-insensitive). */
export function hasAudioExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return AUDIO_EXTENSIONS.some((e) => lower.endsWith(e));
}
