#!/bin/sh
# Regenerates test/fixtures/audio/: a 0.5 s 16 kHz stereo tone (440 Hz left, 660 Hz right, 16-bit) as WAV
# and its MP3 (lame), Ogg Opus (opusenc), FLAC (flac) and Ogg Vorbis (oggenc) encodings.
# Needs Debian's sox flac lame opus-tools vorbis-tools.
set -e
d=$(dirname "$0")/../test/fixtures/audio
mkdir -p "$d"
sox -n -r 16000 -b 16 -c 2 "$d/tone.wav" synth 0.5 sine 440 sine 660 gain -6
lame --quiet -b 64 "$d/tone.wav" "$d/tone.mp3"
opusenc --quiet --bitrate 48 "$d/tone.wav" "$d/tone.opus"
flac --silent -f -o "$d/tone.flac" "$d/tone.wav"
oggenc --quiet -o "$d/tone.ogg" "$d/tone.wav"
sox "$d/tone.wav" "$d/tone-aiff.wav.aiff" && mv "$d/tone-aiff.wav.aiff" "$d/aiff-named.wav"
