#!/bin/sh
# The `arrivals` command of the installed app (bin/arrivals), written by scripts/package in place of
# jpackage's own launcher: that one asks rpm and dpkg which package owns it at every start (`rpm -qf`,
# `dpkg -S`, `dpkg -L`: 0.3 to 1 s before Java even starts). This starts the bundled runtime on the
# app's class path with the app's class-data archive (AppCDS) where there is one.
#   arrivals [COMMAND ...]         as `arrivals` (no command: the kiosk)
#   arrivals --make-class-archive  writes lib/app/arrivals.jsa for this folder (the package's
#                                  postinst runs it at install; it is made for one folder, and Java
#                                  ignores it anywhere else)
# Only the shell's own words and absolute paths: it runs with no PATH at all.
self="$(/bin/readlink -f "$0" 2>/dev/null || echo "$0")"
root="${self%/bin/*}"
app="$root/lib/app"
java="$root/lib/runtime/bin/java"
jsa="$app/arrivals.jsa"
cp="@CLASSPATH@"

if [ "${1:-}" = "--make-class-archive" ]; then
  [ -f "$app/arrivals.classlist" ] || { echo "No class list in $app: nothing to archive." >&2; exit 1; }
  "$java" -Xshare:dump -XX:SharedClassListFile="$app/arrivals.classlist" -XX:SharedArchiveFile="$jsa.new" \
    -Xlog:cds=off -cp "$cp" >/dev/null || { /bin/rm -f "$jsa.new"; exit 1; }
  /bin/mv -f "$jsa.new" "$jsa"
  exit 0
fi
if [ ! -e "$jsa" ] && [ -w "$app" ] && [ -f "$app/arrivals.classlist" ]; then
  # an app folder copied somewhere (not installed): the first start makes the archive, in the
  # background and at the lowest priority, for the next starts
  ( /usr/bin/nice -n 19 "$self" --make-class-archive >/dev/null 2>&1 & )
fi
[ "$#" -eq 0 ] && set -- kiosk
exec "$java" @JAVA_OPTIONS@ -XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:cds=off \
  -cp "$cp" org.arrivals.Main "$@"
