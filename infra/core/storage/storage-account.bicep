// One general-purpose v2 account serves the Functions host (AzureWebJobsStorage), the Flex
// deployment package and the app's own tables, blobs and queues. Shared keys are off: every
// caller (the Function App's managed identity, the operator's Entra account) uses Entra ID.

param name string
param location string
param tags object = {}

@description('Blob containers to create (private), e.g. the Flex Consumption deployment package container.')
param containerNames array = []

@description('Queues to create up front so the Functions host finds them on first start.')
param queueNames array = []

@description('Tables the app uses (it does not create them at start-up in Azure, to keep cold starts lean).')
param tableNames array = []

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    // The portal then signs in with Entra ID instead of trying (disabled) account keys.
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'

    resource containers 'containers' = [for containerName in containerNames: {
      name: containerName
      properties: {
        publicAccess: 'None'
      }
    }]
  }

  resource tableServices 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [for tableName in tableNames: {
      name: tableName
    }]
  }

  resource queueServices 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [for queueName in queueNames: {
      name: queueName
    }]
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
