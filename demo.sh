#!/usr/bin/env bash
# The README's demo: build what is missing or stale, start the bundled authorization server (Spring
# Authorization Server) and a protected API (a Spring resource server that really validates the tokens), then
# run an unmodified HttpURLConnection program against the API twice: without the agent (401s) and with it
# (200s, across several token lifetimes). Then an unmodified logback program that logs its credentials runs
# under the agent: its log files, counted (never printed), keep no secret. Ends with a short report.
# Everything it writes goes to .demo/ (git-ignored). Needs JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")"

AGENT=agent/target/oauth-agent.jar
AUTH_SERVER=test-apps/auth-server/target/auth-server.jar
API=test-apps/resource-server/target/resource-server.jar
APP=test-apps/urlconnection-app/target/urlconnection-app.jar
RECORDER=test-apps/origin-recorder/target/origin-recorder.jar
LOGGING_APP=test-apps/logback-app/target/logback-app.jar
TOKEN_TTL=10 # seconds: short, so that the run below crosses several token lifetimes
DEMO=.demo
# The servers' embedded Tomcat makes its work folders (tomcat.*, tomcat-docbase.*) under java.io.tmpdir: here,
# not /tmp, so that nothing outlives the demo there. Emptied at every start.
SERVER_TMP="$DEMO/tmp"
rm -rf "$SERVER_TMP" && mkdir -p "$SERVER_TMP"

# A jar is stale when it is missing or older than a source of its modules: their src/ trees and POMs (the parent
# POMs included). Only those: target/ holds Maven's own bookkeeping (maven-status/...), rewritten by every build.
stale() { # $1 jar, rest: module folders
  local jar=$1 sources=(pom.xml test-apps/pom.xml) module; shift
  for module in "$@"; do sources+=("$module/src" "$module/pom.xml"); done
  [ ! -f "$jar" ] || [ -n "$(find "${sources[@]}" -newer "$jar" -type f -print -quit)" ]
}
if stale "$AGENT" bootstrap agent || stale "$AUTH_SERVER" test-apps/auth-server \
    || stale "$API" test-apps/resource-server || stale "$APP" test-apps/urlconnection-app \
    || stale "$RECORDER" test-apps/origin-recorder || stale "$LOGGING_APP" test-apps/logback-app test-apps/leaky-lines; then
  echo "== building the agent and the test programs (mvn package, tests skipped: run mvn -B verify for those)"
  mvn -B -q -ntp package -DskipTests \
    -pl agent,test-apps/auth-server,test-apps/resource-server,test-apps/urlconnection-app,test-apps/origin-recorder,test-apps/logback-app \
    -am
fi

# start_server runs in a command substitution (a subshell), so the servers' pids are kept in a file: a shell
# array would be lost with the subshell and the servers would outlive the demo.
SERVER_PIDS="$DEMO/server.pids"
: >"$SERVER_PIDS"
trap 'kill $(cat "$SERVER_PIDS") 2>/dev/null || true' EXIT
# $1 name, $2 ready-line prefix, rest: command. Prints what follows the prefix once the server is ready.
start_server() {
  local name=$1 prefix=$2; shift 2
  "$@" >"$DEMO/$name.log" 2>&1 &
  local pid=$!
  echo "$pid" >>"$SERVER_PIDS"
  for _ in $(seq 1 360); do
    local value
    value=$(sed -n "s/^$prefix//p" "$DEMO/$name.log" | head -1)
    if [ -n "$value" ]; then echo "$value"; return; fi
    kill -0 "$pid" 2>/dev/null || { cat "$DEMO/$name.log" >&2; echo "$name exited" >&2; exit 1; }
    sleep 0.25
  done
  echo "$name did not start within 90 s; see $DEMO/$name.log" >&2
  exit 1
}

echo "== starting the authorization server and the protected API"
ISSUER=$(start_server auth-server "AUTH_SERVER_READY issuer=" \
  java -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$SERVER_TMP" -jar "$AUTH_SERVER" --port=0 --token-ttl=${TOKEN_TTL}s)
API_URL=$(start_server resource-server "RESOURCE_SERVER_READY url=" \
  java -XX:TieredStopAtLevel=1 -Djava.io.tmpdir="$SERVER_TMP" -jar "$API" --port=0 --issuer="$ISSUER" --audience=api --clock-skew=0s)
API_HOST_PORT=${API_URL#http://}
echo "   authorization server $ISSUER (tokens live ${TOKEN_TTL} s; log $DEMO/auth-server.log)"
echo "   protected API        $API_URL (log $DEMO/resource-server.log)"

# The secrets come from environment variables, as they should in production: the file holds references only.
cat >"$DEMO/agent.properties" <<PROPS
# Written by demo.sh. One client for the protected API, one more to show client_secret_post.
oauth.agent.clients.orders.token-url=$ISSUER/oauth2/token
oauth.agent.clients.orders.client-id=basic-client
oauth.agent.clients.orders.client-secret=\${env:DEMO_ORDERS_SECRET}
oauth.agent.clients.orders.scopes=read
oauth.agent.clients.orders.hosts=$API_HOST_PORT
oauth.agent.clients.orders.paths=/api
oauth.agent.clients.orders.allow-http=true

oauth.agent.clients.billing.token-url=$ISSUER/oauth2/token
oauth.agent.clients.billing.client-id=post-client
oauth.agent.clients.billing.client-secret=\${env:DEMO_BILLING_SECRET}
oauth.agent.clients.billing.client-auth=client_secret_post
oauth.agent.clients.billing.scopes=read write
oauth.agent.clients.billing.hosts=billing.demo.internal
oauth.agent.clients.billing.allow-http=true
PROPS
export DEMO_ORDERS_SECRET=basic-secret DEMO_BILLING_SECRET=post-secret

echo
echo "== java -jar $AGENT config --config $DEMO/agent.properties"
java -jar "$AGENT" config --config "$DEMO/agent.properties"
echo
echo "== java -jar $AGENT check --config $DEMO/agent.properties"
java -jar "$AGENT" check --config "$DEMO/agent.properties"

REQUESTS=24 PAUSE_MS=1000
echo
echo "== the legacy program without the agent: the API refuses it"
java -jar "$APP" --url="$API_URL/api/hello" --requests=2 | tee "$DEMO/app-without-agent.log" || true

echo
echo "== the same program, unchanged, with -javaagent ($REQUESTS requests over ~$((REQUESTS * PAUSE_MS / 1000)) s)"
# log-level debug: routine refreshes are logged at debug, and the report below counts them.
OAUTH_AGENT_LOG_LEVEL=debug java -javaagent:"$AGENT"=config="$DEMO/agent.properties" -jar "$APP" --url="$API_URL/api/hello" \
  --requests=$REQUESTS --pause-ms=$PAUSE_MS --method=GET >"$DEMO/app-with-agent.log" 2>&1 || true
grep -E "^(REQUEST (1|$REQUESTS) |DONE)|client 'orders': token|started with" "$DEMO/app-with-agent.log" \
  | sed 's/^/   /' | head -20

# Log scrubbing: a program that logs the credentials it holds (its client secret, and the Authorization value
# an echo server sends back, which only the agent gives it) in every form: messages, parameters, MDC, JSON,
# exceptions, a 10 MB line. Its files are only counted here, never shown.
RECORDER_URL=$(start_server origin-recorder "ORIGIN_RECORDER_READY url=" java -XX:TieredStopAtLevel=1 -jar "$RECORDER" --port=0)
cat >"$DEMO/agent-logging.properties" <<PROPS
# Written by demo.sh: the client whose token the logging program gets echoed back (and logs).
oauth.agent.clients.echo.token-url=$ISSUER/oauth2/token
oauth.agent.clients.echo.client-id=post-client
oauth.agent.clients.echo.client-secret=\${env:LEAKY_CLIENT_SECRET}
oauth.agent.clients.echo.client-auth=client_secret_post
oauth.agent.clients.echo.hosts=${RECORDER_URL#http://}
oauth.agent.clients.echo.paths=/__echo-authorization
oauth.agent.clients.echo.allow-http=true
PROPS
count_in() { # $1 dir, rest: grep options and pattern(s): matching lines in every file under the directory
  local dir=$1; shift
  cat "$dir"/* 2>/dev/null | grep -c "$@" || true
}
echo
echo "== an unmodified logback program that logs its credentials, under the agent (files in $DEMO/logs, not shown)"
rm -rf "$DEMO/logs" && mkdir -p "$DEMO/logs"
LEAKY_CLIENT_SECRET=$DEMO_BILLING_SECRET java -javaagent:"$AGENT"=config="$DEMO/agent-logging.properties" \
  -jar "$LOGGING_APP" --echo-url="$RECORDER_URL/__echo-authorization" --client-id=post-client --log-dir="$DEMO/logs" \
  >"$DEMO/logs/stdout.log" 2>"$DEMO/logs/stderr.log" || true
# The tokens the program was sent (and logged) come from the echo server and go straight into grep: never shown.
ECHOED=$(curl -s "$RECORDER_URL/__echoed" | grep -c '^Bearer ' || true)
TOKEN_LINES=$(count_in "$DEMO/logs" -F -f <(curl -s "$RECORDER_URL/__echoed" | sed -n 's/^Bearer //p'))
echo "   it was sent $ECHOED token(s) and wrote $(ls "$DEMO/logs" | wc -l) files; lines where it logged a credential" \
  "(its 'LEAK' lines): $(count_in "$DEMO/logs" -F 'LEAK ')"
echo "   lines with its token: $TOKEN_LINES; with its client secret: $(count_in "$DEMO/logs" -F "$DEMO_BILLING_SECRET");" \
  "with [REDACTED]: $(count_in "$DEMO/logs" -F '[REDACTED')"

echo
echo "== report"
DONE_LINE=$(grep '^DONE' "$DEMO/app-with-agent.log" || echo "DONE (missing: see $DEMO/app-with-agent.log)")
OBTAINED=$(grep -c "client 'orders': token [0-9a-f]* obtained" "$DEMO/app-with-agent.log" || true)
REFRESHED=$(grep -c "client 'orders': token [0-9a-f]* refreshed" "$DEMO/app-with-agent.log" || true)
echo "   requests:         $DONE_LINE"
echo "   tokens fetched:   $((OBTAINED + REFRESHED)) for client 'orders' ($REFRESHED of them refreshes before expiry)"
UNUSED=$(grep -c "client 'billing': token [0-9a-f]* \(obtained\|refreshed\)" "$DEMO/app-with-agent.log" || true)
IDLED=$(grep -c "client 'billing': no request for" "$DEMO/app-with-agent.log" || true)
echo "   unused client:    $UNUSED token(s) for client 'billing', which no request matched$([ "$IDLED" -gt 0 ] \
  && echo "; it stopped refreshing after two token lifetimes")"
echo "   API says:         $(curl -s "$API_URL/stats" 2>/dev/null || echo '(no /stats answer)')"
echo "   secrets in output: $(grep -c -E 'basic-secret|post-secret|eyJ[A-Za-z0-9_-]{10,}' "$DEMO/app-with-agent.log" || true) lines"
