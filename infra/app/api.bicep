// The API: our ASP.NET Core app run as an Azure Functions custom handler on Linux Flex Consumption.
// App settings live in api-settings.bicep, applied after the role assignments exist, so the
// first Key Vault reference resolution does not race the identity's permissions.

param name string
param planName string
param location string
param tags object = {}

@description('Blob endpoint of the storage account that holds the deployment package, ending in /.')
param storageBlobEndpoint string

@description('Private container that receives the zip package azd deploys.')
param deploymentContainerName string

@description('Memory per instance. Billing is per GB-second, so 2048 MB costs four times 512 MB per second of work.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound on scale-out; caps the worst-case bill.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  // azd finds the deploy target of service `api` by this tag.
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      // The custom-handler stack. On Flex this replaces the FUNCTIONS_WORKER_RUNTIME app setting,
      // which the plan rejects.
      runtime: {
        name: 'custom'
        version: '1.0'
      }
    }
  }
}

output name string = functionApp.name
output uri string = 'https://${functionApp.properties.defaultHostName}'
output principalId string = functionApp.identity.principalId
