#!/usr/bin/env bash
# Compiles and lints the Bicep templates, then evaluates them offline (`bicep snapshot`) and checks
# what the app depends on: the Flex custom-handler runtime, the app settings by name, identity-only
# storage, the role assignments and the azd outputs. No Azure subscription is needed.
#
# The Bicep CLI comes from NuGet (package Azure.Bicep.CommandLine.linux-x64), so it restores
# wherever `dotnet restore` works. Needs dotnet and python3.
#
# Usage: infra/check-templates.sh        Exit status 0 when every check passes.
set -euo pipefail

bicep_version="0.49.2"
infra_dir=$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
work_dir=$(mktemp -d "${TMPDIR:-/tmp}/crmsaas-check-templates.XXXXXX")
trap 'rm -rf "$work_dir"' EXIT

fail() {
  echo "check-templates: FAIL: $*" >&2
  exit 1
}

command -v dotnet >/dev/null 2>&1 || fail "dotnet is not on PATH"
command -v python3 >/dev/null 2>&1 || fail "python3 is not on PATH"

# ---------------------------------------------------------------- the Bicep CLI from NuGet
# A throw-away project outside the repository, so the repository's build props do not apply.
cat > "$work_dir/bicep-cli.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$bicep_version]" />
  </ItemGroup>
</Project>
EOF
if ! dotnet restore "$work_dir/bicep-cli.csproj" > "$work_dir/restore.log" 2>&1; then
  cat "$work_dir/restore.log" >&2
  fail "could not restore Azure.Bicep.CommandLine.linux-x64 $bicep_version"
fi
packages_dir=${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: //p')}
bicep="${packages_dir%/}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
[[ -f "$bicep" ]] || fail "Bicep CLI not found at $bicep"
[[ -x "$bicep" ]] || chmod +x "$bicep"
echo "check-templates: $("$bicep" --version)"

# ---------------------------------------------------------------- compile and lint (warnings fail too)
if ! "$bicep" build "$infra_dir/main.bicep" --outfile "$work_dir/main.json" > "$work_dir/build.log" 2>&1; then
  cat "$work_dir/build.log" >&2
  fail "bicep build failed"
fi
"$bicep" lint "$infra_dir/main.bicep" > "$work_dir/lint.log" 2>&1 || true
if [[ -s "$work_dir/build.log" || -s "$work_dir/lint.log" ]]; then
  cat "$work_dir/build.log" "$work_dir/lint.log" >&2
  fail "bicep reported diagnostics"
fi
echo "check-templates: main.bicep compiles and lints clean"

# ---------------------------------------------------------------- offline snapshots of two deployments
cp -R "$infra_dir" "$work_dir/infra"
cat > "$work_dir/infra/first-run.bicepparam" <<'EOF'
using 'main.bicep'
param environmentName = 'crmsaas-check'
param location = 'eastus2'
param principalId = '11111111-1111-1111-1111-111111111111'
param jwtSigningKey = 'Ab3De5Gh7Jk9Mn1'
param smtpHost = 'smtp.azurecomm.net'
param smtpUsername = 'relay-user'
param smtpPassword = 'relay-password'
param smtpFrom = 'CrmSaaS <nao-responda@example.com.br>'
EOF
cat > "$work_dir/infra/rotation.bicepparam" <<'EOF'
using 'main.bicep'
param environmentName = 'crmsaas-check'
param location = 'eastus2'
param jwtSigningKey = 'an-existing-key-read-back-from-the-vault-0123456789'
param jwtPreviousKeyEnabled = true
param smtpHost = 'smtp.azurecomm.net'
param smtpFrom = 'nao-responda@example.com.br'
EOF
for name in first-run rotation; do
  if ! "$bicep" snapshot "$work_dir/infra/$name.bicepparam" --mode overwrite \
    --subscription-id 00000000-0000-0000-0000-000000000001 \
    --tenant-id 00000000-0000-0000-0000-000000000002 \
    --location eastus2 > "$work_dir/snapshot-$name.log" 2>&1; then
    cat "$work_dir/snapshot-$name.log" >&2
    fail "bicep snapshot $name failed"
  fi
done

python3 - "$work_dir/infra/first-run.snapshot.json" "$work_dir/infra/rotation.snapshot.json" \
  "$infra_dir/main.parameters.json" "$work_dir/main.json" <<'PY'
import json
import sys

first_run, rotation = (json.load(open(path)) for path in sys.argv[1:3])
parameters_file = json.load(open(sys.argv[3]))
template = json.load(open(sys.argv[4]))
passed = failed = 0


def check(description, condition):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"check-templates: FAIL: {description}", file=sys.stderr)


def resources(snapshot, resource_type):
    return [r for r in snapshot["predictedResources"] if r["type"] == resource_type]


def one(snapshot, resource_type):
    found = resources(snapshot, resource_type)
    check(f"exactly one {resource_type}", len(found) == 1)
    return found[0] if found else {"properties": {}, "tags": {}}


site = one(first_run, "Microsoft.Web/sites")
config = site["properties"].get("functionAppConfig", {})
check("Flex runtime is custom 1.0", config.get("runtime") == {"name": "custom", "version": "1.0"})
check("deployment package read with the system-assigned identity",
      config.get("deployment", {}).get("storage", {}).get("authentication", {}).get("type") == "SystemAssignedIdentity")
check("system-assigned identity", site.get("identity", {}).get("type") == "SystemAssigned")
check("HTTPS only", site["properties"].get("httpsOnly") is True)
# One CORS layer only: platform CORS would take precedence and cannot expose ETag, which the portal needs for If-Match.
check("no platform CORS (the app answers CORS from Portal__Origin)", "cors" not in site["properties"]["siteConfig"])
check("api tagged for azd", site["tags"].get("azd-service-name") == "api")

plan = one(first_run, "Microsoft.Web/serverfarms")
check("plan is Flex Consumption FC1", plan.get("sku") == {"tier": "FlexConsumption", "name": "FC1"})

settings = one(first_run, "Microsoft.Web/sites/config")["properties"]
required = [
    "AzureWebJobsStorage__accountName", "AzureWebJobsStorage__credential", "APPLICATIONINSIGHTS_CONNECTION_STRING",
    "Storage__AccountName", "Jwt__SigningKey", "Jwt__Issuer",
    "Smtp__Host", "Smtp__Port", "Smtp__Username", "Smtp__Password", "Smtp__EnableSsl", "Smtp__From",
    "Portal__Origin", "Portal__PublicBaseUrl", "Queues__LocalDispatcher",
]
for name in required:
    check(f"app setting {name} is set", name in settings)
for name in ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "AzureWebJobsStorage", "WEBSITE_RUN_FROM_PACKAGE",
             "Jwt__PreviousSigningKey", "Storage__ConnectionString"]:
    check(f"app setting {name} is absent", name not in settings)
check("host storage uses the managed identity", settings.get("AzureWebJobsStorage__credential") == "managedidentity")
check("Functions host delivers queue messages", settings.get("Queues__LocalDispatcher") == "false")
for name in ["Jwt__SigningKey", "Smtp__Password"]:
    check(f"{name} is a Key Vault reference", str(settings.get(name, "")).find("@Microsoft.KeyVault(SecretUri=") >= 0)
check("Smtp__EnableSsl is lower-case true", settings.get("Smtp__EnableSsl") == "true")

rotation_settings = one(rotation, "Microsoft.Web/sites/config")["properties"]
check("rotation adds Jwt__PreviousSigningKey as a Key Vault reference",
      "jwt-previous-signing-key" in str(rotation_settings.get("Jwt__PreviousSigningKey", "")))

storage = one(first_run, "Microsoft.Storage/storageAccounts")["properties"]
check("shared key access disabled", storage.get("allowSharedKeyAccess") is False)
check("blob public access disabled", storage.get("allowBlobPublicAccess") is False)
check("TLS 1.2 minimum", storage.get("minimumTlsVersion") == "TLS1_2")
check("HTTPS only storage", storage.get("supportsHttpsTrafficOnly") is True)
containers = [r["name"] for r in resources(first_run, "Microsoft.Storage/storageAccounts/blobServices/containers")]
check("deployment package container exists", any(n.endswith("/app-package") for n in containers))

vault = one(first_run, "Microsoft.KeyVault/vaults")["properties"]
check("Key Vault in RBAC mode", vault.get("enableRbacAuthorization") is True)
secrets = [r["name"].split("/")[-1] for r in resources(first_run, "Microsoft.KeyVault/vaults/secrets")]
check("jwt-signing-key secret is written", "jwt-signing-key" in secrets)

assignments = json.dumps(resources(first_run, "Microsoft.Authorization/roleAssignments"))
for role, role_id in {
    "Storage Blob Data Owner": "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
    "Storage Queue Data Contributor": "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
    "Storage Table Data Contributor": "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
    "Key Vault Secrets User": "4633458b-17de-408a-b874-0445c86b69e6",
    "Key Vault Secrets Officer (deployer)": "b86a8fe4-44ce-4948-aee5-eccb2c155cd7",
}.items():
    check(f"role assignment {role}", role_id in assignments)
check("no deployer role assignment without a principal id",
      "b86a8fe4-44ce-4948-aee5-eccb2c155cd7" not in json.dumps(resources(rotation, "Microsoft.Authorization/roleAssignments")))

web = one(first_run, "Microsoft.Web/staticSites")
check("Static Web App on the Free tier", web.get("sku", {}).get("name") == "Free")
check("web tagged for azd", web["tags"].get("azd-service-name") == "web")

outputs = template.get("outputs", {})
for name in ["API_BASE_URL", "WEB_URL", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_KEY_VAULT_NAME", "AZURE_FUNCTION_APP_NAME"]:
    check(f"output {name}", name in outputs)

template_parameters = template.get("parameters", {})
for name in parameters_file["parameters"]:
    check(f"main.parameters.json parameter {name} exists in main.bicep", name in template_parameters)

print(f"check-templates: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
