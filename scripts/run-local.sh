#!/usr/bin/env bash
# Runs the whole product locally: Azurite (on-disk, .local/azurite), MailDev, the API and the portal.
# Seeds a demo tenant on the first run, prints the URLs and logins, and stops everything on Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

API_PORT="${API_PORT:-7071}"
PORTAL_PORT="${PORTAL_PORT:-5173}"
SMTP_PORT="${SMTP_PORT:-1025}"
MAIL_WEB_PORT="${MAIL_WEB_PORT:-1080}"
state="$root/.local"
mkdir -p "$state/azurite" "$state/logs"

"$root/scripts/install-prereqs.sh"

pids=()
# A process and everything below it: npx → sh → node vite is three levels deep, and a grandchild whose parent is
# stopped first would be left running (reparented to init) with its port taken.
tree() {
  local child
  for child in $(pgrep -P "$1" 2>/dev/null); do tree "$child"; done
  echo "$1"
}
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "==> stopping"
  local all=() pid
  for pid in "${pids[@]}"; do all+=($(tree "$pid")); done
  kill -TERM "${all[@]}" 2>/dev/null || true
  # Azurite sometimes closes its ports on TERM but does not exit; what is still there after 10 s is killed.
  for _ in $(seq 1 20); do
    local alive=()
    for pid in "${all[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    all=("${alive[@]}")
    [ ${#all[@]} -eq 0 ] && break
    sleep 0.5
  done
  [ ${#all[@]} -gt 0 ] && kill -KILL "${all[@]}" 2>/dev/null
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

wait_for() {
  local url="$1" name="$2"
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$name did not start; see $state/logs" >&2
  exit 1
}

echo "==> Azurite (data in .local/azurite)"
"$root/tools/node_modules/.bin/azurite" --silent --location "$state/azurite" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 >"$state/logs/azurite.log" 2>&1 &
pids+=($!)

echo "==> MailDev (SMTP $SMTP_PORT, web $MAIL_WEB_PORT)"
"$root/tools/node_modules/.bin/maildev" --smtp "$SMTP_PORT" --web "$MAIL_WEB_PORT" --ip 127.0.0.1 --web-ip 127.0.0.1 \
  >"$state/logs/maildev.log" 2>&1 &
pids+=($!)

echo "==> API (http://127.0.0.1:$API_PORT)"
dotnet build functions/CrmSaaS.Functions -c Debug --nologo -v q >"$state/logs/api-build.log" 2>&1 \
  || { cat "$state/logs/api-build.log"; exit 1; }
(
  # Run from the build output so the app finds its appsettings*.json (the content root is the working folder).
  cd functions/CrmSaaS.Functions/bin/Debug/net10.0
  ASPNETCORE_ENVIRONMENT=Development \
  Storage__ConnectionString="UseDevelopmentStorage=true" \
  Smtp__Host=127.0.0.1 Smtp__Port="$SMTP_PORT" \
  Portal__Origin="http://localhost:$PORTAL_PORT,http://127.0.0.1:$PORTAL_PORT" \
  Portal__PublicBaseUrl="http://localhost:$PORTAL_PORT" \
  exec dotnet CrmSaaS.Functions.dll --urls "http://127.0.0.1:$API_PORT"
) >"$state/logs/api.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$API_PORT/api/health" "The API"

if [ -f portal-static/package.json ]; then
  echo "==> portal (http://localhost:$PORTAL_PORT)"
  (cd portal-static && npx vite --port "$PORTAL_PORT" --strictPort --host 127.0.0.1) \
    >"$state/logs/portal.log" 2>&1 &
  pids+=($!)
  wait_for "http://127.0.0.1:$PORTAL_PORT/" "The portal"
fi

echo "==> demo tenant"
python3 "$root/scripts/seed-demo.py" "http://127.0.0.1:$API_PORT" "http://127.0.0.1:$MAIL_WEB_PORT" "$state" \
  "http://localhost:$PORTAL_PORT" \
  || echo "(the demo seed failed; the product runs without it)"

cat <<TXT

CrmSaaS is running.
  Portal (staff):     http://localhost:$PORTAL_PORT/
  Customer area:      http://localhost:$PORTAL_PORT/#/cliente/<slug-da-empresa>/entrar
  API:                http://127.0.0.1:$API_PORT/api/health   (OpenAPI: /openapi/v1.json)
  E-mails (MailDev):  http://127.0.0.1:$MAIL_WEB_PORT/
  Logs:               $state/logs/
$( [ -f "$state/demo-logins.txt" ] && cat "$state/demo-logins.txt" )

Press Ctrl-C to stop.
TXT
wait
