#!/usr/bin/env bash
# The README's demo: build what is missing or stale, start the bundled authorization server (Spring
# Authorization Server) on a free port, and show what oauth-agent makes of a configuration that points at it:
# the effective configuration (secrets masked) and `check`, which fetches one token per client.
# Everything it writes goes to .demo/ (git-ignored). Needs JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")"

AGENT=agent/target/oauth-agent.jar
AUTH_SERVER=test-apps/auth-server/target/auth-server.jar
DEMO=.demo
mkdir -p "$DEMO"

stale() { # $1 jar, rest: source folders
  local jar=$1; shift
  [ ! -f "$jar" ] || [ -n "$(find "$@" pom.xml -newer "$jar" -type f -print -quit)" ]
}
if stale "$AGENT" bootstrap agent/src agent/pom.xml || stale "$AUTH_SERVER" test-apps/auth-server; then
  echo "== building the agent and the authorization server (mvn package, tests skipped: run mvn -B verify for those)"
  mvn -B -q -ntp package -DskipTests -pl agent,test-apps/auth-server -am
fi

echo "== starting the authorization server"
java -XX:TieredStopAtLevel=1 -jar "$AUTH_SERVER" --port=0 --token-ttl=300s >"$DEMO/auth-server.log" 2>&1 &
AS_PID=$!
trap 'kill $AS_PID 2>/dev/null || true' EXIT
ISSUER=""
for _ in $(seq 1 240); do
  ISSUER=$(sed -n 's/^AUTH_SERVER_READY issuer=//p' "$DEMO/auth-server.log" | head -1)
  [ -n "$ISSUER" ] && break
  kill -0 $AS_PID 2>/dev/null || { cat "$DEMO/auth-server.log"; echo "authorization server exited" >&2; exit 1; }
  sleep 0.25
done
[ -n "$ISSUER" ] || { echo "authorization server did not start within 60 s; see $DEMO/auth-server.log" >&2; exit 1; }
echo "   issuer $ISSUER (log: $DEMO/auth-server.log)"

# The secrets come from environment variables, as they should in production: the file holds references only.
cat >"$DEMO/agent.properties" <<PROPS
# Written by demo.sh. Two clients of the bundled authorization server, one per client-auth method.
oauth.agent.clients.inventory.token-url=$ISSUER/oauth2/token
oauth.agent.clients.inventory.client-id=basic-client
oauth.agent.clients.inventory.client-secret=\${env:DEMO_INVENTORY_SECRET}
oauth.agent.clients.inventory.scopes=read
oauth.agent.clients.inventory.hosts=inventory.demo.internal
oauth.agent.clients.inventory.allow-http=true

oauth.agent.clients.billing.token-url=$ISSUER/oauth2/token
oauth.agent.clients.billing.client-id=post-client
oauth.agent.clients.billing.client-secret=\${env:DEMO_BILLING_SECRET}
oauth.agent.clients.billing.client-auth=client_secret_post
oauth.agent.clients.billing.scopes=read write
oauth.agent.clients.billing.hosts=billing.demo.internal
oauth.agent.clients.billing.allow-http=true
PROPS
export DEMO_INVENTORY_SECRET=basic-secret DEMO_BILLING_SECRET=post-secret

echo
echo "== java -jar $AGENT config --config $DEMO/agent.properties"
java -jar "$AGENT" config --config "$DEMO/agent.properties"
echo
echo "== java -jar $AGENT check --config $DEMO/agent.properties"
java -jar "$AGENT" check --config "$DEMO/agent.properties"
echo
echo "== the same with a wrong secret: check names the error and where the secret came from"
DEMO_BILLING_SECRET=not-the-secret java -jar "$AGENT" check --config "$DEMO/agent.properties" || true
