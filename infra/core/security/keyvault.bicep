// Key Vault in RBAC mode: who may read or write secrets is decided by role assignments
// (see app/access.bicep), not by access policies.

param name string
param location string
param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // Purge protection stays off (property omitted) so `azd down --purge` can remove the vault;
    // add enablePurgeProtection: true for a long-lived production vault (it cannot be turned off again).
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output endpoint string = vault.properties.vaultUri
