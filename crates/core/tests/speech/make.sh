#!/bin/sh
# Regenerates the speech fixtures for tests/delivery_speech.rs: the same
# passage (passage.txt) spoken slowly and quickly by espeak-ng, converted to
# 8 kHz mono 16-bit PCM. 8 kHz keeps each file near 400 KB, and the energy
# analysis needs no more than the telephone band. -D turns off sox's dither,
# which is random, so reruns give byte-identical files.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for rate in 130 210; do
    espeak-ng -v en-us -s "$rate" -f passage.txt -w "$tmp/raw-$rate.wav"
    sox -D "$tmp/raw-$rate.wav" -r 8000 -c 1 -b 16 "handover-$rate.wav"
done
