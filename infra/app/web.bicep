// The portal: static files on Azure Static Web Apps (Free). azd uploads portal-static/dist with
// the site's deployment token; no repository link is created.

param name string
param location string
param tags object = {}

resource web 'Microsoft.Web/staticSites@2023-12-01' = {
  name: name
  location: location
  // azd finds the deploy target of service `web` by this tag.
  tags: union(tags, { 'azd-service-name': 'web' })
  sku: {
    name: 'Free'
    tier: 'Free'
  }
  properties: {}
}

output name string = web.name
output uri string = 'https://${web.properties.defaultHostname}'
