// The two secrets the API reads through Key Vault references (see api-settings.bicep).

param keyVaultName string

@secure()
@description('Value for jwt-signing-key. main.bicep hands over the value already in the vault, so provisioning never undoes a rotation.')
param jwtSigningKey string

@secure()
@description('Value for smtp-password. Empty leaves the secret as it is (or absent until an operator sets it).')
param smtpPassword string = ''

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource jwtSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'jwt-signing-key'
  properties: {
    value: jwtSigningKey
    contentType: 'HMAC-SHA256 signing key for access tokens'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: 'smtp-password'
  properties: {
    value: smtpPassword
    contentType: 'SMTP relay password'
  }
}

// Versionless URIs: a Key Vault reference without a version follows the latest secret version,
// which is what makes rotation a matter of adding a version and restarting the app.
output jwtSigningKeyUri string = '${vault.properties.vaultUri}secrets/jwt-signing-key'
output jwtPreviousSigningKeyUri string = '${vault.properties.vaultUri}secrets/jwt-previous-signing-key'
output smtpCredentialUri string = '${vault.properties.vaultUri}secrets/smtp-password'
