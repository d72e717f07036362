#!/usr/bin/env bash
# Stops the code-server that start.sh recorded, by its process group only.
source "$(dirname "$0")/env.sh"
[ -f "$RUN/code-server.pid" ] || exit 0
PID=$(cat "$RUN/code-server.pid")
if kill -0 "$PID" 2>/dev/null; then
  kill -TERM -- "-$PID" 2>/dev/null || kill -TERM "$PID"
  for _ in $(seq 1 50); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$PID" 2>/dev/null || true
fi
rm -f "$RUN/code-server.pid"
