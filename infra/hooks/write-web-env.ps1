# azd `prebuild` hook of service `web` (Windows): Vite bakes VITE_API_BASE_URL into the bundle at
# build time, so the API's URL (azd output API_BASE_URL, set by `azd provision`) must be in place
# before the build. azd runs hooks with the environment's values as environment variables.
$ErrorActionPreference = 'Stop'

if ([string]::IsNullOrWhiteSpace($env:API_BASE_URL)) {
    [Console]::Error.WriteLine("write-web-env: API_BASE_URL is not set in the azd environment. Run 'azd provision' first.")
    exit 1
}

$repoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$target = Join-Path $repoRoot 'portal-static/.env.production.local'

# No trailing slash: the portal appends its request paths (/api/...) to it.
$apiBaseUrl = $env:API_BASE_URL.TrimEnd('/')

$content = "# Written by infra/hooks/write-web-env.ps1 from the azd environment; do not edit.`nVITE_API_BASE_URL=$apiBaseUrl`n"
# UTF-8 without BOM and LF line ends, the same bytes the POSIX hook writes.
[System.IO.File]::WriteAllText($target, $content, [System.Text.UTF8Encoding]::new($false))
Write-Host "write-web-env: VITE_API_BASE_URL=$apiBaseUrl -> $target"
