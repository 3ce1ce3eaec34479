#!/bin/sh
# ctl.sh deps|start|stop|status: the local Neo4j behind the neo4j-* make
# targets (neo4j/neo4j.mk). One instance per Bolt port; its PID file and log
# live in .neo4j/<port>/, its databases in $NEO4J_DATA (Launcher.java).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
port=${NEO4J_PORT:-7687}
data=${NEO4J_DATA:-$root/.neo4j/$port}
case $data in /*) ;; *) data=$PWD/$data ;; esac
run=$root/.neo4j/$port
pidfile=$run/neo4j.pid
log=$run/neo4j.log
version=${NEO4J_VERSION:-$(sed -n 's:.*<neo4j.version>\(.*\)</neo4j.version>.*:\1:p' "$here/pom.xml")}
# Netty and Neo4j reach into JDK internals; without these Bolt fails at start.
jvm_flags="--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true"
install_hint="install Java 17+ and Maven, e.g.: apt-get install openjdk-17-jdk-headless maven"

now() { date +%s.%N; }
# log_tail: the end of the log without Java stack frames, which would hide the cause.
log_tail() { grep -v -E '^[[:space:]]+(at |\.\.\. [0-9]+ more)' "$log" | tail -n 15 >&2; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# alive PID: the process exists and is not a zombie.
alive() {
	st=$(ps -o stat= -p "$1" 2>/dev/null) || return 1
	case $st in Z*) return 1 ;; esac
}

# running: print the PID of this port's Neo4j if it is running.
running() {
	[ -f "$pidfile" ] || return 1
	pid=$(cat "$pidfile")
	alive "$pid" || return 1
	case $(ps -o args= -p "$pid") in *Launcher.java*) echo "$pid" ;; *) return 1 ;; esac
}

need() {
	command -v "$1" >/dev/null 2>&1 || { echo "neo4j: $1 not found; $install_hint" >&2; exit 1; }
}

# fetch DIR POM WHAT: copy POM's runtime jars into DIR unless a stamp says they are there.
fetch() {
	stamp=$1/.complete-$version
	[ -f "$stamp" ] && return 0
	need mvn
	echo "neo4j-deps: fetching $3 jars for Neo4j $version into ${1#"$root"/}" >&2
	rm -rf "$1"
	mvnlog=$(mktemp)
	if ! mvn -q -B -f "$2" -Dneo4j.version="$version" dependency:copy-dependencies >"$mvnlog" 2>&1; then
		cat "$mvnlog" >&2
		rm -rf "$1" "$mvnlog"
		echo "neo4j-deps: mvn failed (offline? first fetch needs Maven Central)" >&2
		exit 1
	fi
	rm -f "$mvnlog"
	touch "$stamp"
}

deps() {
	need java
	java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
	[ "${java_major:-0}" -ge 17 ] || { echo "neo4j: Java ${java_major:-?} is too old; $install_hint" >&2; exit 1; }
	fetch "$here/lib" "$here/pom.xml" server
	fetch "$here/shell-lib" "$here/shell-pom.xml" cypher-shell
}

start() {
	mkdir -p "$run" "$data"
	if pid=$(running); then
		echo "neo4j already running (pid $pid) on port $port"
		return 0
	fi
	rm -f "$pidfile"
	[ -f "$log" ] && mv -f "$log" "$log.1"
	: >"$log"
	t0=$(now)
	# shellcheck disable=SC2086 # word splitting of the JVM flags is intended
	nohup java $jvm_flags ${NEO4J_JAVA_OPTS:-} -cp "$here/lib/*" "$here/Launcher.java" "$port" "$data" \
		</dev/null >>"$log" 2>&1 &
	pid=$!
	echo "$pid" >"$pidfile"
	timeout=${NEO4J_START_TIMEOUT:-120}
	while ! grep -q '^neo4j ready ' "$log"; do
		if ! alive "$pid"; then
			rc=0
			wait "$pid" || rc=$?
			rm -f "$pidfile"
			if [ "$rc" -eq 2 ]; then
				echo "neo4j-start: port $port is already in use by another process (not a Neo4j started here)" >&2
				exit 1
			fi
			echo "neo4j-start: neo4j exited (status $rc) before it was ready; from $log:" >&2
			log_tail
			exit 1
		fi
		if awk -v a="$t0" -v b="$(now)" -v t="$timeout" 'BEGIN { exit !(b - a > t) }'; then
			echo "neo4j-start: not ready after ${timeout}s (NEO4J_START_TIMEOUT); stopping it. From $log:" >&2
			log_tail
			stop >/dev/null
			exit 1
		fi
		sleep 0.2
	done
	echo "neo4j ready bolt://127.0.0.1:$port (pid $pid, data $data) in $(since "$t0"); log $log"
}

stop() {
	if ! pid=$(running); then
		rm -f "$pidfile"
		echo "neo4j not running on port $port"
		return 0
	fi
	t0=$(now)
	kill -TERM "$pid"
	limit=${NEO4J_STOP_TIMEOUT:-60}
	while alive "$pid"; do
		if awk -v a="$t0" -v b="$(now)" -v t="$limit" 'BEGIN { exit !(b - a > t) }'; then
			echo "neo4j-stop: warning: pid $pid still running after ${limit}s; sending SIGKILL (next start will run recovery)" >&2
			kill -KILL "$pid" 2>/dev/null || true
			while alive "$pid"; do sleep 0.2; done
			break
		fi
		sleep 0.2
	done
	rm -f "$pidfile"
	echo "neo4j stopped (pid $pid) on port $port in $(since "$t0")"
}

status() {
	if ! pid=$(running); then
		echo "neo4j not running on port $port"
		return 3
	fi
	args=$(ps -o args= -p "$pid")
	if grep -q '^neo4j ready ' "$log" 2>/dev/null; then
		echo "neo4j running (pid $pid) on bolt://127.0.0.1:$port, data ${args##* }, log $log"
	else
		echo "neo4j starting (pid $pid) on port $port, log $log"
	fi
}

case ${1:-} in
deps | start | stop | status) "$1" ;;
*)
	echo "usage: $0 deps|start|stop|status" >&2
	exit 2
	;;
esac
