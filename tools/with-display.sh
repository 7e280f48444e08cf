#!/usr/bin/env bash
# Run a command with an X display: real key presses (xdotool) reach extension commands only in headed
# Chromium. Uses the current DISPLAY, else xvfb-run; without either, runs headless (key-press tests then fail
# with a message naming what is missing). Key autorepeat is delayed to 60 s: a key press on a busy machine
# must not repeat.
if [ -n "${DISPLAY:-}" ] || ! command -v xvfb-run >/dev/null 2>&1; then exec "$@"; fi
exec xvfb-run -a --server-args="-screen 0 1400x900x24 -ardelay 60000" "$@"
