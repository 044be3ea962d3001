#!/usr/bin/env bash
# Builds the 10-minute test file for issue 14's memory and speed figures from ../shared/footage (never committed):
# 25 clips (the 22 listed below, then the first 3 again) scaled and padded to 640x360, 30 fps, H.264 (x264 defaults:
# B-pyramid, 47 % non-reference pictures), cut at exactly 600 s. Usage: scripts/make-ten-minute-file.sh [out.mp4]
set -euo pipefail
out=${1:-/tmp/spine-ten-minutes.mp4}
footage=$(cd "$(dirname "$0")/../../shared/footage" && pwd)
clips=(bloomfit/pelvic_tilt.mp4 malik/buttbridge.mp4 malik/cobra.mp4 malik/donkeykicks.mp4 malik/plank.mp4
  malik/quadstrech.mp4 malik/swimmer.mp4 malik/twistsstretch.mp4 pfc/bridge-pose.mp4 pfc/cat-cow.mp4
  pfc/childs-pose.mp4 pfc/cobra-pose.mp4 pfc/glute-bridges.mp4 pfc/hamstring-stretch.mp4 pfc/lunges.mp4
  pfc/pelvic-tilts.mp4 pfc/pushups.mp4 pfc/quad-stretch.mp4 pfc/side-stretches.mp4 pfc/sphinx-pose.mp4
  pfc/squats.mp4 pfc/worlds-greatest-stretch.mp4 bloomfit/pelvic_tilt.mp4 malik/buttbridge.mp4 malik/cobra.mp4)
# the concat filter, each clip scaled, padded and retimed on its own: the concat demuxer (tried first) kept the first
# clip's time base for clips of other frame rates and time bases, and the file showed one clip's closing text card for
# 80 s where three exercises should have been
inputs=() chains='' joined=''
for i in "${!clips[@]}"; do
  inputs+=(-i "$footage/${clips[$i]}")
  chains+="[$i:v]scale=640:360:force_original_aspect_ratio=decrease,pad=640:360:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30,"
  chains+="format=yuv420p,setpts=PTS-STARTPTS[v$i];"
  joined+="[v$i]"
done
ffmpeg -hide_banner -loglevel error -y "${inputs[@]}" -filter_complex "${chains}${joined}concat=n=${#clips[@]}:v=1:a=0[out]" \
  -map '[out]' -an -t 600 -c:v libx264 -preset veryfast -crf 32 "$out"
ffprobe -v error -show_entries format=duration,size -of csv=p=0 "$out" | sed "s|^|$out: |"
