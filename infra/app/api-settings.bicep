// App settings of the API. `__` is the .NET configuration separator: Jwt__SigningKey is Jwt:SigningKey.
// This resource replaces the whole set on every provision: a setting added by hand in the portal
// disappears on the next `azd provision` unless it is added here.

param functionAppName string
param storageAccountName string
param applicationInsightsConnectionString string

@description('https://<func>.azurewebsites.net; also the token issuer.')
param apiBaseUrl string

@description('https://<swa>.azurestaticapps.net (or the custom domain): CORS origin and base of e-mailed links.')
param webUrl string

param jwtSigningKeyUri string
param jwtPreviousSigningKeyUri string

@description('Adds Jwt__PreviousSigningKey during a key rotation. Only while the jwt-previous-signing-key secret exists: an unresolved reference would hand the app its literal text as a key.')
param jwtPreviousKeyEnabled bool = false

param smtpHost string
param smtpPort int
param smtpUsername string
param smtpCredentialUri string
param smtpEnableSsl bool
param smtpFrom string

resource functionApp 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

var settings = {
  // Functions host storage (queue triggers, leases, keys) through the managed identity.
  // FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are deliberately absent:
  // Flex Consumption takes the runtime from functionAppConfig.runtime and rejects both settings.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString

  // Our app: builds https://<account>.{blob,queue,table}.core.windows.net and uses the managed identity.
  Storage__AccountName: storageAccountName

  Jwt__SigningKey: '@Microsoft.KeyVault(SecretUri=${jwtSigningKeyUri})'
  Jwt__Issuer: apiBaseUrl

  Smtp__Host: smtpHost
  Smtp__Port: string(smtpPort)
  Smtp__Username: smtpUsername
  Smtp__Password: '@Microsoft.KeyVault(SecretUri=${smtpCredentialUri})'
  Smtp__EnableSsl: smtpEnableSsl ? 'true' : 'false'
  Smtp__From: smtpFrom

  Portal__Origin: webUrl
  Portal__PublicBaseUrl: webUrl

  // In Azure the Functions host delivers queue messages; the in-process poller is for local runs only.
  Queues__LocalDispatcher: 'false'
}

var previousKeySetting = { Jwt__PreviousSigningKey: '@Microsoft.KeyVault(SecretUri=${jwtPreviousSigningKeyUri})' }
var rotationSettings = jwtPreviousKeyEnabled ? previousKeySetting : {}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(settings, rotationSettings)
}
