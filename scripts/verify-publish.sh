#!/usr/bin/env bash
# Publishes the API exactly as Azure runs it (self-contained, linux-x64) and checks the package
# before it ever reaches a Function App:
#   1. the publish root holds the executable, host.json and every function folder, and no
#      local.settings.json; host.json's customHandler names the executable;
#   2. the executable starts the way the Functions host starts it (FUNCTIONS_CUSTOMHANDLER_PORT,
#      app root as working directory), answers on / within 60 s, and GET /api/health answers 200.
#
# Storage: the connection string in CRMSAAS_TEST_STORAGE, or else a throw-away Azurite from
# tools/node_modules (run `cd tools && npm ci` once).
#
# Usage: scripts/verify-publish.sh        Exit status 0 when every check passes.
set -euo pipefail

repo_root=$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
project_dir="$repo_root/functions/CrmSaaS.Functions"
function_app_src="$project_dir/FunctionApp"
exe_name="CrmSaaS.Functions"
azurite_bin="$repo_root/tools/node_modules/.bin/azurite"
start_timeout_seconds=60

work_dir=$(mktemp -d "${TMPDIR:-/tmp}/crmsaas-verify-publish.XXXXXX")
publish_dir="$work_dir/publish"
app_log="$work_dir/app.log"
azurite_log="$work_dir/azurite.log"
app_pid=""
azurite_pid=""
used_ports=" "
blob_port=""
queue_port=""
table_port=""
app_port=""

info() { echo "verify-publish: $*"; }

fail() {
  echo "verify-publish: FAIL: $*" >&2
  exit 1
}

show_log() {
  local title=$1 file=$2
  if [[ -s "$file" ]]; then
    echo "---- last lines of $title ----" >&2
    tail -n 40 "$file" >&2
    echo "---- end of $title ----" >&2
  fi
}

# Stops one process this script started: TERM, up to 10 s of grace, then KILL.
stop_process() {
  local pid=$1
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 20); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local status=$?
  trap - EXIT
  stop_process "$app_pid"
  stop_process "$azurite_pid"
  rm -rf "$work_dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Sets the variable named $1 to a port nobody listens on (connect refused) that this script has
# not handed out before. (A variable, not stdout: a $(...) subshell would lose used_ports.)
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 40000))
    [[ "$used_ports" == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      used_ports="$used_ports$port "
      printf -v "$1" '%s' "$port"
      return 0
    fi
  done
  fail "could not find a free TCP port on 127.0.0.1"
}

# HTTP status of a GET, or 000 when nothing answers.
http_status() {
  curl --silent --output /dev/null --write-out '%{http_code}' --max-time 5 "$1" || true
}

# Reads customHandler.description.defaultExecutablePath from a host.json file.
read_default_executable_path() {
  local file=$1
  if command -v jq >/dev/null 2>&1; then
    jq -r '.customHandler.description.defaultExecutablePath // empty' "$file"
  elif command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; print(((json.load(open(sys.argv[1])).get("customHandler") or {}).get("description") or {}).get("defaultExecutablePath") or "")' "$file"
  elif command -v node >/dev/null 2>&1; then
    node -e 'const h=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.log(((h.customHandler||{}).description||{}).defaultExecutablePath||"")' "$file"
  else
    fail "reading host.json needs jq, python3 or node"
  fi
}

command -v dotnet >/dev/null 2>&1 || fail "dotnet is not on PATH"
command -v curl >/dev/null 2>&1 || fail "curl is not on PATH"
[[ -d "$project_dir" ]] || fail "project folder not found: $project_dir"
[[ -f "$function_app_src/host.json" ]] || fail "source host.json not found: $function_app_src/host.json"

# ---------------------------------------------------------------- 1. publish and check the package
info "publishing $project_dir (Release, linux-x64, self-contained) to $publish_dir"
if ! dotnet publish "$project_dir" --nologo -c Release -r linux-x64 --self-contained -o "$publish_dir" \
  > "$work_dir/publish.log" 2>&1; then
  show_log "dotnet publish" "$work_dir/publish.log"
  fail "dotnet publish failed"
fi

exe_path="$publish_dir/$exe_name"
[[ -f "$exe_path" ]] || fail "executable $exe_name is not at the publish root"
[[ -x "$exe_path" ]] || fail "$exe_name at the publish root is not executable (chmod +x lost?)"
# A self-contained publish carries the runtime; Flex Consumption's custom stack has no .NET runtime of its own.
[[ -f "$publish_dir/libcoreclr.so" ]] || fail "libcoreclr.so missing: the publish is not self-contained for linux-x64"

[[ -f "$publish_dir/host.json" ]] || fail "host.json is not at the publish root"
cmp -s "$function_app_src/host.json" "$publish_dir/host.json" \
  || fail "published host.json differs from $function_app_src/host.json"

default_exe=$(read_default_executable_path "$publish_dir/host.json")
[[ -n "$default_exe" ]] || fail "host.json has no customHandler.description.defaultExecutablePath"
default_exe_clean=${default_exe#./}
[[ "$default_exe_clean" == "$exe_name" ]] \
  || fail "host.json defaultExecutablePath is '$default_exe', expected '$exe_name'"

# Every function folder of the source must be published unchanged, and nothing else.
source_functions=0
for source_json in "$function_app_src"/*/function.json; do
  [[ -e "$source_json" ]] || continue
  source_functions=$((source_functions + 1))
  function_name=$(basename "$(dirname "$source_json")")
  published_json="$publish_dir/$function_name/function.json"
  [[ -f "$published_json" ]] || fail "function $function_name: $function_name/function.json is not in the publish output"
  cmp -s "$source_json" "$published_json" || fail "function $function_name: published function.json differs from the source"
done
[[ "$source_functions" -gt 0 ]] || fail "no */function.json under $function_app_src"
for published_json in "$publish_dir"/*/function.json; do
  [[ -e "$published_json" ]] || continue
  function_name=$(basename "$(dirname "$published_json")")
  [[ -f "$function_app_src/$function_name/function.json" ]] \
    || fail "function $function_name is published but has no source in $function_app_src (stale output?)"
done

stray_settings=$(find "$publish_dir" -name local.settings.json -print -quit)
[[ -z "$stray_settings" ]] || fail "local.settings.json must not be published: ${stray_settings#"$publish_dir"/}"

info "package ok: $exe_name, host.json and $source_functions function folder(s); no local.settings.json"

# ---------------------------------------------------------------- 2. storage for the start-up check
if [[ -n "${CRMSAAS_TEST_STORAGE:-}" ]]; then
  info "using the storage connection string from CRMSAAS_TEST_STORAGE"
  storage_connection_string=$CRMSAAS_TEST_STORAGE
else
  [[ -x "$azurite_bin" ]] \
    || fail "CRMSAAS_TEST_STORAGE is not set and $azurite_bin is missing: run 'cd tools && npm ci' or set CRMSAAS_TEST_STORAGE"
  free_port blob_port
  free_port queue_port
  free_port table_port
  mkdir -p "$work_dir/azurite"
  info "starting Azurite (blob $blob_port, queue $queue_port, table $table_port)"
  "$azurite_bin" --silent --skipApiVersionCheck --location "$work_dir/azurite" \
    --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --queueHost 127.0.0.1 --queuePort "$queue_port" \
    --tableHost 127.0.0.1 --tablePort "$table_port" \
    > "$azurite_log" 2>&1 &
  azurite_pid=$!
  for port in "$blob_port" "$queue_port" "$table_port"; do
    for _ in $(seq 1 60); do
      [[ "$(http_status "http://127.0.0.1:$port/")" != "000" ]] && break
      kill -0 "$azurite_pid" 2>/dev/null || { show_log "Azurite" "$azurite_log"; fail "Azurite exited during start-up"; }
      sleep 0.5
    done
    [[ "$(http_status "http://127.0.0.1:$port/")" != "000" ]] \
      || { show_log "Azurite" "$azurite_log"; fail "Azurite did not listen on port $port within 30 s"; }
  done
  # Azurite's fixed, publicly documented development account and key.
  azurite_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  storage_connection_string="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_key;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table_port/devstoreaccount1;"
fi

# ---------------------------------------------------------------- 3. start it as the Functions host would
free_port app_port
base_url="http://127.0.0.1:$app_port"
signing_key=$(head -c 48 /dev/urandom | base64 | tr -d '\n')
info "starting $exe_name with FUNCTIONS_CUSTOMHANDLER_PORT=$app_port"
# The host runs the executable from the app root with its own port; the other values mirror the
# Azure app settings (infra/app/api-settings.bicep) so start-up validation sees a complete configuration.
# ASP.NET Core URL variables are cleared: the app must bind the port it is given, nothing else.
# In Azure the deployment provisions the tables, containers and queues; this fresh Azurite has none, so the app
# creates them (Storage__CreateResources), as an operator would for a new storage account.
(
  cd "$publish_dir"
  exec env -u ASPNETCORE_URLS -u ASPNETCORE_HTTP_PORTS -u ASPNETCORE_HTTPS_PORTS -u DOTNET_URLS \
    FUNCTIONS_CUSTOMHANDLER_PORT="$app_port" \
    FUNCTIONS_APP_ROOT_PATH="$publish_dir" \
    Storage__ConnectionString="$storage_connection_string" \
    Storage__CreateResources=true \
    Queues__LocalDispatcher=false \
    Jwt__SigningKey="$signing_key" \
    Jwt__Issuer="$base_url" \
    Portal__Origin="http://127.0.0.1" \
    Portal__PublicBaseUrl="http://127.0.0.1" \
    Smtp__Host=127.0.0.1 \
    Smtp__Port=25 \
    Smtp__EnableSsl=false \
    Smtp__From="verify-publish@example.invalid" \
    "./$exe_name"
) > "$app_log" 2>&1 &
app_pid=$!

# The host treats any HTTP answer on / (even 404) as "started"; it gives up after 60 s.
deadline=$((SECONDS + start_timeout_seconds))
root_status="000"
while (( SECONDS < deadline )); do
  root_status=$(http_status "$base_url/")
  [[ "$root_status" != "000" ]] && break
  if ! kill -0 "$app_pid" 2>/dev/null; then
    show_log "$exe_name output" "$app_log"
    fail "$exe_name exited during start-up"
  fi
  sleep 0.5
done
if [[ "$root_status" == "000" ]]; then
  show_log "$exe_name output" "$app_log"
  fail "$exe_name did not answer on $base_url/ within $start_timeout_seconds s (does it bind FUNCTIONS_CUSTOMHANDLER_PORT?)"
fi
info "GET / answered $root_status"

health_status=$(http_status "$base_url/api/health")
if [[ "$health_status" != "200" ]]; then
  show_log "$exe_name output" "$app_log"
  fail "GET /api/health answered $health_status, expected 200"
fi
info "GET /api/health answered 200"
info "all checks passed"
