// CrmSaaS on Azure: Flex Consumption Function App (custom handler) + Storage + Key Vault +
// Application Insights + Static Web App. Deployed by `azd up`; see docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Region of every resource but the Static Web App. Must offer Flex Consumption: `az functionapp list-flexconsumption-locations`.')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region that holds the Static Web App\'s metadata; its content is served globally.')
@allowed(['centralus', 'eastus2', 'eastasia', 'westeurope', 'westus2'])
param webLocation string = 'eastus2'

@description('Object id of the user or service principal running azd; gets Key Vault Secrets Officer.')
param principalId string = ''

@secure()
@description('Filled by azd: the current jwt-signing-key from the vault, or 15 random characters on the first run.')
param jwtSigningKey string

@secure()
@description('Only widens a first-run key to HMAC-SHA256 length. Leave unset.')
param jwtKeyEntropy string = newGuid()

@description('True while a key rotation is in progress: adds Jwt__PreviousSigningKey (secret jwt-previous-signing-key).')
param jwtPreviousKeyEnabled bool = false

@description('SMTP relay host, e.g. smtp.azurecomm.net for Azure Communication Services.')
param smtpHost string

@description('SMTP port; 587 with STARTTLS for most relays.')
param smtpPort int = 587

@description('SMTP user name; empty for a relay without authentication.')
param smtpUsername string = ''

@secure()
@description('SMTP password; written to the vault as smtp-password when given, otherwise left as it is there.')
param smtpPassword string = ''

param smtpEnableSsl bool = true

@description('Sender address, e.g. "CrmSaaS <nao-responda@example.com.br>". The relay must allow it.')
param smtpFrom string

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Queues created up front; the app creates anything else it needs on first use.')
param queueNames array = ['emails', 'order-events', 'proposal-pdf', 'nfse-send', 'approval-reminders']

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var deploymentContainerName = 'app-package'

// A key read back from the vault is used unchanged. A fresh azd password (15 characters) is
// too short for HMAC-SHA256, which needs at least 32 bytes, so a first-run key gets a GUID appended.
var jwtSigningKeyValue = length(jwtSigningKey) >= 32 ? jwtSigningKey : '${jwtSigningKey}${replace(jwtKeyEntropy, '-', '')}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    containerNames: [deploymentContainerName, 'files']
    tableNames: ['tenantdata', 'directory']
    queueNames: queueNames
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'core/security/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
  }
}

module secrets 'app/secrets.bicep' = {
  name: 'secrets'
  scope: rg
  params: {
    keyVaultName: keyVault.outputs.name
    jwtSigningKey: jwtSigningKeyValue
    smtpPassword: smtpPassword
  }
}

module web 'app/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: 'stapp-${resourceToken}'
    location: webLocation
    tags: tags
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: 'func-${resourceToken}'
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
  }
}

module access 'app/access.bicep' = {
  name: 'access'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    apiPrincipalId: api.outputs.principalId
    userPrincipalId: principalId
  }
}

module apiSettings 'app/api-settings.bicep' = {
  name: 'api-settings'
  scope: rg
  // Settings with Key Vault references go in after the identity may read the vault.
  dependsOn: [access]
  params: {
    functionAppName: api.outputs.name
    storageAccountName: storage.outputs.name
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    apiBaseUrl: api.outputs.uri
    webUrl: web.outputs.uri
    jwtSigningKeyUri: secrets.outputs.jwtSigningKeyUri
    jwtPreviousSigningKeyUri: secrets.outputs.jwtPreviousSigningKeyUri
    jwtPreviousKeyEnabled: jwtPreviousKeyEnabled
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpUsername: smtpUsername
    smtpCredentialUri: secrets.outputs.smtpCredentialUri
    smtpEnableSsl: smtpEnableSsl
    smtpFrom: smtpFrom
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output API_BASE_URL string = api.outputs.uri
output WEB_URL string = web.outputs.uri
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output AZURE_STATIC_WEB_APP_NAME string = web.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
// azd's secretOrRandomPassword (main.parameters.json) reads jwt-signing-key back through this name.
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
