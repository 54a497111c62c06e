#!/bin/sh
# Finishes the runtime image that javafx-maven-plugin's jlink made (mvn package runs this on Linux
# and macOS):
#   1. installs the launcher jlink/bin/mailwright and its option files in conf/mailwright/ (on
#      JDK 24+ with two options more, for JavaFX: see below);
#   2. adds a class-data sharing archive (lib/server/classes.jsa, the JVM's default archive) of
#      the JDK's usual classes plus those the command line loads: start-up about twice as fast
#      (on JDK 17 and on 21+: see the class list below);
#   3. checks the command line runs from the image without a display, in one line when it fails,
#      and imports a report with SQLite's native library from lib/sqlite/ (see below);
#   4. packs the image as mailwright-image.tar.gz beside it.
# With a third argument, the PostgreSQL JDBC driver's jar, it is copied to lib/jdbc/postgresql.jar:
# an automatic module, which jlink cannot link, so the launcher puts it on the class path instead.
# With a fourth, the folder of sqlite-jdbc's native libraries as its jar holds them (OS/ARCH/), this
# platform's is copied to lib/sqlite/, where the launcher has the driver load it: otherwise the driver
# writes it into the temporary folder on every start (some 55 ms of each archive command, and no
# archive at all where that folder is mounted noexec).
# Usage: jlink/finish-image.sh IMAGE_DIR MAIN_MODULE/MAIN_CLASS [POSTGRESQL_JAR [SQLITE_NATIVE_DIR]]
set -eu
jlink_dir=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
image=$1
main=$2
conf=$image/conf/mailwright

if [ $# -ge 3 ] && [ -f "$3" ]; then
  mkdir -p "$image/lib/jdbc"
  cp "$3" "$image/lib/jdbc/postgresql.jar"
fi
java=$image/bin/java
if [ $# -ge 4 ] && [ -d "$4" ]; then
  # The driver's own name for this platform's folder (Linux-Musl/x86_64, Mac/aarch64...).
  platform=$("$java" -m org.xerial.sqlitejdbc/org.sqlite.util.OSInfo)
  if [ -d "$4/$platform" ]; then
    mkdir -p "$image/lib/sqlite"
    cp "$4/$platform"/* "$image/lib/sqlite/"
  else
    echo "WARNING: sqlite-jdbc has no native library for $platform; the driver looks for one at each start." >&2
  fi
fi
sed "s|@MAIN@|$main|g" "$jlink_dir/bin/mailwright" > "$image/bin/mailwright"
chmod 755 "$image/bin/mailwright"
mkdir -p "$conf"
cp "$jlink_dir/jvm.options" "$jlink_dir/cli.jvm.options" "$conf/"
# From JDK 24 on, the JVM warns on every start of the window that JavaFX 21 loads its native
# libraries (System::load) and uses sun.misc.Unsafe's off-heap memory (Marlin, the renderer).
# Both are JavaFX's way of working, so an image on such a JDK allows them; older JDKs do not know
# the second option and need neither.
allow="--enable-native-access=javafx.graphics --sun-misc-unsafe-memory-access=allow"
# shellcheck disable=SC2086
if "$java" $allow -version > /dev/null 2>&1; then
  printf '\n# Added by finish-image.sh for this JDK (24 or newer): JavaFX 21 loads native code and\n# uses sun.misc.Unsafe; allowed, so no warning on every start.\n' >> "$conf/jvm.options"
  for option in $allow; do echo "$option" >> "$conf/jvm.options"; done
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The training runs keep their data (the selectors of the keys they make) out of the data folder
# of whoever builds the image.
MAILWRIGHT_HOME=$work/data
export MAILWRIGHT_HOME
# Training runs record the classes the command line loads: the help (picocli), a lookup (dnsjava,
# the resolver service) that a closed loopback port ends at once with exit code 1, a DKIM key of
# each type (BouncyCastle's PEM writer, the JDK's RSA and EdDSA providers), and a report imported
# into a new archive and summed up (sqlite-jdbc, the migrations, the report readers).
"$java" "@$conf/jvm.options" -XX:DumpLoadedClassList="$work/help.classlist" -m "$main" --help > /dev/null
"$java" "@$conf/jvm.options" -XX:DumpLoadedClassList="$work/lookup.classlist" -m "$main" \
    lookup TXT example.invalid --server 127.0.0.1:9 --timeout-ms 200 --retries 0 > /dev/null 2>&1 || true
for type in rsa ed25519; do
  "$java" "@$conf/jvm.options" -XX:DumpLoadedClassList="$work/keygen-$type.classlist" -m "$main" \
      dkim keygen --type "$type" --domain example.invalid --selector training \
      --out "$work/keys-$type" > /dev/null 2>&1 || true
done
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' '<feedback>' \
    '<report_metadata><org_name>example.invalid</org_name><email>dmarc@example.invalid</email>' \
    '<report_id>training</report_id><date_range><begin>1764547200</begin><end>1764633599</end></date_range></report_metadata>' \
    '<policy_published><domain>example.invalid</domain><p>none</p></policy_published>' \
    '<record><row><source_ip>192.0.2.1</source_ip><count>1</count><policy_evaluated><disposition>none</disposition>' \
    '<dkim>pass</dkim><spf>pass</spf></policy_evaluated></row><identifiers><header_from>example.invalid</header_from></identifiers>' \
    '<auth_results><dkim><domain>example.invalid</domain><selector>training</selector><result>pass</result></dkim>' \
    '<spf><domain>example.invalid</domain><result>pass</result></spf></auth_results></record>' '</feedback>' \
    | gzip > "$work/training.xml.gz"
# The driver's library from lib/sqlite/, as the launcher has it, and a file for a temporary folder:
# a driver that does not load lib/sqlite/ fails to write its copy there, and so does the import.
# The driver logs a stack trace for the folder it cannot list; the import must still say one line.
sqlite_options=
if [ -d "$image/lib/sqlite" ]; then
  : > "$work/not-a-folder"
  sqlite_options="-Dorg.sqlite.lib.path=$image/lib/sqlite -Djava.io.tmpdir=$work/not-a-folder"
fi
# shellcheck disable=SC2086
if ! "$java" "@$conf/jvm.options" $sqlite_options -XX:DumpLoadedClassList="$work/reports-import.classlist" \
        -m "$main" reports import "$work/training.xml.gz" --db "$work/training.db" > "$work/import.log" 2>&1 \
    || [ "$(wc -l < "$work/import.log")" -ne 1 ]; then
  echo "ERROR: the image did not import a report into a new archive in one line ($sqlite_options). It said:" >&2
  cat "$work/import.log" >&2
  exit 1
fi
# shellcheck disable=SC2086
"$java" "@$conf/jvm.options" $sqlite_options -XX:DumpLoadedClassList="$work/reports-summary.classlist" -m "$main" \
    reports summary --db "$work/training.db" --no-names --json > /dev/null 2>&1 || true
# One list of them all. From JDK 21 on, each line of a dumped list ends in " id: N", numbered
# per run, and the JVM refuses a list where two lines share an id ("class list format error"), as
# they do once several runs are joined. The ids matter only to classes of a custom class loader
# (lines with "super:" or "source:"); Mailwright has none, so they are dropped and lines that are
# then the same are kept once.
grep -hv '^#' "$image/lib/classlist" "$work"/*.classlist \
    | grep -v ' super: \| source: ' | sed 's/ id: [0-9][0-9]*$//' | awk '!seen[$0]++' > "$work/all.classlist"
if "$java" "@$conf/jvm.options" -Xshare:dump -XX:SharedClassListFile="$work/all.classlist" \
        -XX:SharedArchiveFile="$image/lib/server/classes.jsa" -m "$main" > "$work/dump.log" 2>&1 \
    && "$java" -Xshare:on -m "$main" --version > /dev/null 2>&1; then
  echo "Class-data sharing archive: $(wc -l < "$work/all.classlist") classes in $image/lib/server/classes.jsa"
else
  # The image works without the archive, only starts slower: say so, keep building.
  rm -f "$image/lib/server/classes.jsa"
  echo "WARNING: no class-data sharing archive; the image starts slower. The JVM said:" >&2
  tail -n 5 "$work/dump.log" >&2
fi

# The finished launcher, with no display: a failed lookup must say so in exactly one line on
# stderr (no logging noise, no stack trace) and exit with 1.
status=0
env -u DISPLAY "$image/bin/mailwright" lookup TXT example.invalid --server 127.0.0.1:9 --timeout-ms 200 \
    --retries 0 > "$work/smoke.out" 2> "$work/smoke.err" || status=$?
if [ "$status" -ne 1 ] || [ "$(wc -l < "$work/smoke.err")" -ne 1 ] || [ -s "$work/smoke.out" ]; then
  echo "ERROR: $image/bin/mailwright lookup exited with $status and wrote:" >&2
  cat "$work/smoke.out" "$work/smoke.err" >&2
  exit 1
fi

tar -czf "$image/../mailwright-image.tar.gz" -C "$(dirname "$image")" "$(basename "$image")"
