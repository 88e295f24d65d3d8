#!/usr/bin/env bash
# Runs every test: the portal's unit tests and build, then all .NET test projects (storage, API, browser tests).
# The tests start their own Azurite and MailDev on free ports; the browser tests start the API and serve the portal.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

"$root/scripts/install-prereqs.sh"

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

portal_passed=0
portal_failed=0
if [ -f portal-static/package.json ]; then
  echo "==> portal: unit tests and build"
  set +e
  (cd portal-static && NO_COLOR=1 npm test --silent) 2>&1 | tee "$results/portal-test.log"
  portal_status=${PIPESTATUS[0]}
  set -e
  portal_passed=$(grep -E '^ *Tests ' "$results/portal-test.log" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' | tail -1 || true)
  portal_failed=$(grep -E '^ *Tests ' "$results/portal-test.log" | grep -Eo '[0-9]+ failed' | grep -Eo '[0-9]+' | tail -1 || true)
  portal_passed=${portal_passed:-0}
  portal_failed=${portal_failed:-0}
  if [ "$portal_status" -ne 0 ]; then
    echo "portal: ${portal_passed} passed, ${portal_failed} failed"
    echo "portal unit tests failed (exit $portal_status)" >&2
    exit "$portal_status"
  fi
  (cd portal-static && npm run build --silent)
fi

echo "==> infra: compile, lint and check the Bicep templates offline"
bash infra/check-templates.sh

echo "==> .NET: build and tests"
set +e
dotnet test CrmSaaS.sln -c Release --logger "trx" --results-directory "$results" 2>&1 | tee "$results/dotnet-test.log"
status=${PIPESTATUS[0]}
set -e

# One plain closing line over all test assemblies (dotnet test prints one summary per assembly).
sum() { grep -Eo "$1: +[0-9]+" "$results/dotnet-test.log" | awk '{ s += $2 } END { print s + 0 }'; }
passed=$(sum Passed)
failed=$(sum Failed)
skipped=$(sum Skipped)
echo "dotnet: ${passed} passed, ${failed} failed, ${skipped} skipped"
echo "portal: ${portal_passed} passed, ${portal_failed} failed"
if [ "$status" -ne 0 ]; then
  echo "tests: $((passed + portal_passed)) passed, $((failed + portal_failed)) failed"
  echo "dotnet test failed (exit $status)" >&2
  exit "$status"
fi
if [ "${passed}" -eq 0 ]; then
  echo "no .NET test ran" >&2
  exit 1
fi

echo "==> publish: the self-contained custom-handler package starts as the Functions host starts it"
bash scripts/verify-publish.sh

echo "tests: $((passed + portal_passed)) passed, $((failed + portal_failed)) failed, ${skipped} skipped"
