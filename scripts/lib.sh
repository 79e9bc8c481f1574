# Shared by the scripts in this folder. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Installs Debian packages that are missing, when we are allowed to (root, or passwordless sudo).
# Usage: ensure_packages COMMAND:PACKAGE ...  (a COMMAND on PATH, or a path that must exist)
ensure_packages() {
  local missing=() spec check pkg
  for spec in "$@"; do
    check="${spec%%:*}"; pkg="${spec#*:}"
    if [[ "$check" == /* ]]; then [[ -e "$check" ]] && continue
    else command -v "$check" >/dev/null 2>&1 && continue; fi
    missing+=("$pkg")
  done
  ((${#missing[@]})) || return 0
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo"
    else
      echo "Missing packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi
  echo "Installing ${missing[*]} ..." >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

require_java17() {
  if ! command -v java >/dev/null 2>&1; then
    ensure_packages java:openjdk-17-jdk-headless
  fi
  local v
  v="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if [[ -z "$v" || "${v%%.*}" -lt 17 ]]; then
    echo "Arrivals needs Java 17 or newer; found ${v:-none}. Install openjdk-17-jdk (or newer)." >&2
    return 1
  fi
}

# Builds the app jar when it is missing or older than any source, resource or the pom.
build_if_stale() {
  local jar="$ROOT/target/arrivals.jar"
  if [[ -f "$jar" ]] && [[ -z "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]]; then
    return 0
  fi
  echo "Building Arrivals (first run or sources changed) ..." >&2
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package >&2)
}

# Generates locales that are missing (Debian's locales package), when we are allowed to (root).
# Usage: ensure_locales es_ES.UTF-8 ar_EG.UTF-8 ...
ensure_locales() {
  command -v locale-gen >/dev/null 2>&1 || return 0
  local missing=() l
  for l in "$@"; do
    locale -a 2>/dev/null | grep -qix "$(echo "${l}" | sed 's/UTF-8/utf8/')" || missing+=("$l")
  done
  ((${#missing[@]})) || return 0
  if [[ "$(id -u)" != 0 ]]; then
    echo "Missing locales: ${missing[*]}. Add them to /etc/locale.gen and run: sudo locale-gen" >&2
    return 0
  fi
  for l in "${missing[@]}"; do
    sed -i "s/^# *\(${l} UTF-8\)/\1/" /etc/locale.gen
    grep -q "^${l} UTF-8" /etc/locale.gen || echo "${l} UTF-8" >>/etc/locale.gen
  done
  echo "Generating locales ${missing[*]} ..." >&2
  locale-gen >&2
}

# Starts the CUPS scheduler when it is installed but not running (containers have no init to do it).
start_cups() {
  command -v lpstat >/dev/null 2>&1 || return 0
  if lpstat -r 2>/dev/null | grep -q "is running"; then return 0; fi
  if [[ "$(id -u)" == 0 ]] && command -v cupsd >/dev/null 2>&1; then
    cupsd && for _ in 1 2 3 4 5 6 7 8 9 10; do
      lpstat -r 2>/dev/null | grep -q "is running" && return 0
      sleep 0.5
    done
  fi
  echo "CUPS is not running; the printing tests will say so (start it with: sudo cupsd)." >&2
}

# Builds commit REF of this repository in target/baseline/COMMIT, once (later runs reuse it), and
# prints that folder: the benchmarks measure it beside this checkout, in the same run.
# Usage: baseline_build REF [image|tests]  (image: also the packaged app folder; tests: also the
# test classes and target/test-classpath.txt, for ./scripts/bench's Java benchmarks)
baseline_build() {
  local ref="$1" what="${2:-}" sha dir
  sha="$(git -C "$ROOT" rev-parse --verify "$ref^{commit}")" || { echo "No commit $ref to measure against." >&2; return 1; }
  dir="$ROOT/target/baseline/$sha"
  if [[ ! -f "$dir/target/arrivals.jar" ]]; then
    echo "Building the baseline $ref ($sha) in $dir ..." >&2
    rm -rf "$dir"
    mkdir -p "$dir"
    git -C "$ROOT" archive "$sha" | tar -x -C "$dir"
    (cd "$dir" && ./mvnw -B -q -DskipTests package >&2)
  fi
  if [[ "$what" == image && ! -x "$dir/target/installer/arrivals/bin/arrivals" ]]; then
    (cd "$dir" && ./scripts/package --image >&2)
  fi
  if [[ "$what" == tests && ! -f "$dir/target/test-classpath.txt" ]]; then
    (cd "$dir" && ./mvnw -B -q -DskipTests test-compile dependency:build-classpath \
      -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2)
  fi
  echo "$dir"
}
