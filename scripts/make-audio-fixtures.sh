#!/bin/sh
# Regenerates test/fixtures/audio/: a 0.5 s 16 kHz stereo tone (440 Hz left, 660 Hz right, 16-bit) as WAV
# and its MP3 (lame), Ogg Opus (opusenc), FLAC (flac) and Ogg Vorbis (oggenc) encodings; and in flac/ short WAVs
# with their FLAC encodings covering the format's sample widths, channel layouts, rate codes, subframe types and
# Ogg FLAC (decoded bit-exact against the WAVs by test/audio/flac.test.ts).
# Needs Debian's sox flac lame opus-tools vorbis-tools, and node.
set -e
d=$(dirname "$0")/../test/fixtures/audio
mkdir -p "$d" "$d/flac"
sox -n -r 16000 -b 16 -c 2 "$d/tone.wav" synth 0.5 sine 440 sine 660 gain -6
lame --quiet -b 64 "$d/tone.wav" "$d/tone.mp3"
opusenc --quiet --bitrate 48 "$d/tone.wav" "$d/tone.opus"
flac --silent -f -o "$d/tone.flac" "$d/tone.wav"
oggenc --quiet -o "$d/tone.ogg" "$d/tone.wav"
sox "$d/tone.wav" "$d/tone-aiff.wav.aiff" && mv "$d/tone-aiff.wav.aiff" "$d/aiff-named.wav"

# keep(file, valid bits, zero low bits): clears the lowest bits of every sample and, when valid < container, writes
# WAVE_FORMAT_EXTENSIBLE with wValidBitsPerSample = valid, from which flac encodes 12- or 20-bit FLAC.
keep() {
  node --input-type=module -e '
    import { readFileSync, writeFileSync } from "node:fs";
    const [file, valid, zero] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
    const b = readFileSync(file);
    let o = 12, fmt = -1, data = -1, size = 0;
    while (o + 8 <= b.length) {
      const id = b.toString("latin1", o, o + 4), n = b.readUInt32LE(o + 4);
      if (id === "fmt ") fmt = o + 8;
      if (id === "data") { data = o + 8; size = n; break; }
      o += 8 + n + (n & 1);
    }
    const ch = b.readUInt16LE(fmt + 2), rate = b.readUInt32LE(fmt + 4), bits = b.readUInt16LE(fmt + 14), bps = bits / 8;
    const pcm = Buffer.from(b.subarray(data, data + size));
    for (let p = 0; p < pcm.length; p += bps) pcm.writeIntLE(Math.floor(pcm.readIntLE(p, bps) / 2 ** zero) * 2 ** zero, p, bps);
    const f = Buffer.alloc(40);
    f.writeUInt16LE(valid < bits ? 0xfffe : 1, 0); f.writeUInt16LE(ch, 2); f.writeUInt32LE(rate, 4);
    f.writeUInt32LE(rate * ch * bps, 8); f.writeUInt16LE(ch * bps, 12); f.writeUInt16LE(bits, 14);
    f.writeUInt16LE(22, 16); f.writeUInt16LE(valid, 18);
    Buffer.from("0100000000001000800000aa00389b71", "hex").copy(f, 24);
    const fmtChunk = valid < bits ? f : f.subarray(0, 16);
    const head = Buffer.alloc(20); head.write("RIFF", 0); head.writeUInt32LE(4 + 8 + fmtChunk.length + 8 + pcm.length, 4);
    head.write("WAVEfmt ", 8); head.writeUInt32LE(fmtChunk.length, 16);
    const dh = Buffer.alloc(8); dh.write("data", 0); dh.writeUInt32LE(pcm.length, 4);
    writeFileSync(file, Buffer.concat([head, fmtChunk, dh, pcm]));
  ' "$1" "$2" "$3"
}
f=$d/flac
# 24-bit stereo noise + tone at 44.1 kHz, 576-sample blocks: LPC, Rice2 parameters, stereo decorrelation
sox -R -D -n -r 44100 -b 24 -c 2 "$f/s24-44k.wav" synth 0.03 whitenoise sine 500 gain -1
keep "$f/s24-44k.wav" 24 0
flac --silent -f --no-padding -8 -b 576 -o "$f/s24-44k.flac" "$f/s24-44k.wav"
flac --silent -f --no-padding -8 -b 576 --ogg -o "$f/s24-44k.oga" "$f/s24-44k.wav"
# 20-bit stereo at 16 kHz (20 bits in a 24-bit container)
sox -R -D -n -r 16000 -b 24 -c 2 "$f/s20-16k.wav" synth 0.05 sine 300 sine 700 gain -2
keep "$f/s20-16k.wav" 20 4
flac --silent -f --no-padding -8 -o "$f/s20-16k.flac" "$f/s20-16k.wav"
# 12-bit mono at 12345 Hz (a rate with no frame-header code: coded in Hz at the header's end)
sox -R -D -n -r 12345 -b 16 -c 1 "$f/m12-12345.wav" synth 0.1 sine 440 gain -3
keep "$f/m12-12345.wav" 12 4
flac --silent -f --no-padding -5 -o "$f/m12-12345.flac" "$f/m12-12345.wav"
flac --silent -f --no-padding -5 --ogg -o "$f/m12-12345.oga" "$f/m12-12345.wav"
# 32-bit stereo at 22.05 kHz: a 33-bit side channel
sox -R -D -n -r 22050 -b 32 -c 2 "$f/s32-22k.wav" synth 0.03 sine 300 sine 301 gain -2
keep "$f/s32-22k.wav" 32 0
flac --silent -f --no-padding -8 -o "$f/s32-22k.flac" "$f/s32-22k.wav"
# 6 independent channels at 8 kHz, 16-bit, fast setting: FIXED subframes
sox -R -D -n -r 8000 -b 16 -c 6 "$f/c6-8k.wav" synth 0.05 sine 100 sine 200 sine 300 sine 400 sine 500 pinknoise
keep "$f/c6-8k.wav" 16 0
flac --silent -f --no-padding -0 --channel-map=none -o "$f/c6-8k.flac" "$f/c6-8k.wav"
# 8-bit mono at 48 kHz
sox -R -D -n -r 48000 -b 8 -c 1 "$f/m8-48k.wav" synth 0.05 sine 200
flac --silent -f --no-padding -8 -o "$f/m8-48k.flac" "$f/m8-48k.wav"
# 16-bit stereo, near-identical channels, then digital silence, lowest 3 bits zero, 192-sample blocks:
# mid/side frames, CONSTANT subframes and wasted bits
sox -R -D -n -r 8000 -b 16 -c 2 "$f/quiet-8k.wav" synth 0.05 sine 300 sine 301 gain -3 pad 0 0.05
keep "$f/quiet-8k.wav" 16 3
flac --silent -f --no-padding -8 -b 192 -o "$f/quiet-8k.flac" "$f/quiet-8k.wav"
