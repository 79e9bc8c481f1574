#!/bin/sh
# macOS: double-click in the Finder to start the kiosk (Terminal opens beside it and shows its messages).
exec "$(cd "$(dirname "$0")" && pwd -P)/arrivals" "$@"
