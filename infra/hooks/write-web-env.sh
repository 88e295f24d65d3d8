#!/bin/sh
# azd `prebuild` hook of service `web`: Vite bakes VITE_API_BASE_URL into the bundle at build time,
# so the API's URL (azd output API_BASE_URL, set by `azd provision`) must be in place before the build.
# azd runs hooks with the environment's values as environment variables.
set -eu

if [ -z "${API_BASE_URL:-}" ]; then
  echo "write-web-env: API_BASE_URL is not set in the azd environment. Run 'azd provision' first." >&2
  exit 1
fi

repo_root=$(CDPATH='' cd -- "$(dirname -- "$0")/../.." && pwd)
target="$repo_root/portal-static/.env.production.local"

# No trailing slash: the portal appends its request paths (/api/...) to it.
api_base_url=${API_BASE_URL%/}

printf '# Written by infra/hooks/write-web-env.sh from the azd environment; do not edit.\nVITE_API_BASE_URL=%s\n' \
  "$api_base_url" > "$target"
echo "write-web-env: VITE_API_BASE_URL=$api_base_url -> $target"
