// Azure resources of one environment: Linux App Service running `npm start`, a Key Vault for the
// secrets, and the single-tenant Azure Bot registration with the Microsoft Teams channel.
// Deployed by teamsapp.yml (arm/deploy); outputs are written back to env/.env.<environment>.

@maxLength(20)
@minLength(4)
@description('Base of every resource name; web app and key vault names must be globally unique.')
param resourceBaseName string

param location string = resourceGroup().location

@description('App Service plan SKU. B1 or above: Always On keeps the reminder scheduler running.')
param webAppSku string = 'B1'

@maxLength(42)
param botDisplayName string

@description('Client id of the bot\'s Entra app (BOT_ID).')
param botAadAppClientId string

@secure()
@description('Client secret of the bot\'s Entra app (BOT_PASSWORD).')
param botAadAppClientSecret string

@description('Tenant of the bot\'s Entra app (BOT_TENANT_ID): the only tenant the app serves.')
param botTenantId string

@description('Teams app id from the manifest (TEAMS_APP_ID), used to find the app\'s installations through Graph.')
param teamsAppId string

@secure()
@description('MongoDB connection string: MongoDB Atlas or Azure Cosmos DB for MongoDB (mongodb+srv://...).')
param mongodbUri string

param mongodbDb string = 'wellbeing'

@secure()
@description('Intercom access token; empty turns CRM sync off.')
param intercomToken string = ''

@allowed(['chat', 'feed', 'auto'])
param notifyChannel string = 'auto'

param reminderOffsets string = '24h,15m'

@allowed(['fatal', 'error', 'warn', 'info', 'debug'])
param logLevel string = 'info'

// Built-in role "Key Vault Secrets User": read secret values, nothing else.
var keyVaultSecretsUser = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: resourceBaseName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'npm start'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: resourceBaseName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-password'
  properties: {
    value: botAadAppClientSecret
  }
}

resource mongodbUriSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'mongodb-uri'
  properties: {
    value: mongodbUri
  }
}

resource intercomTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(intercomToken)) {
  parent: vault
  name: 'intercom-token'
  properties: {
    value: intercomToken
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, webApp.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: keyVaultSecretsUser
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// Secrets reach the app as Key Vault references: the values never appear in the site's configuration.
var secretSettings = {
  BOT_PASSWORD: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})'
  MONGODB_URI: '@Microsoft.KeyVault(SecretUri=${mongodbUriSecret.properties.secretUri})'
}
var intercomSettings = empty(intercomToken) ? {} : {
  INTERCOM_TOKEN: '@Microsoft.KeyVault(SecretUri=${intercomTokenSecret.properties.secretUri})'
}

// The variables of DESIGN.md §3. PORT is set by App Service; ALLOW_UNAUTHENTICATED_REQUESTS is never set here.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: union(secretSettings, intercomSettings, {
    NODE_ENV: 'production'
    // The package is deployed without node_modules; App Service installs them for Linux (Oryx).
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'true'
    BOT_ID: botAadAppClientId
    BOT_TENANT_ID: botTenantId
    TEAMS_APP_ID: teamsAppId
    MONGODB_DB: mongodbDb
    PUBLIC_BASE_URL: 'https://${webApp.properties.defaultHostName}'
    NOTIFY_CHANNEL: notifyChannel
    REMINDER_OFFSETS: reminderOffsets
    LOG_LEVEL: logLevel
  })
  dependsOn: [
    webAppReadsSecrets
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0' // messages in the Teams channel are free on F0
  }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    // Multi-tenant bot creation is deprecated since July 2025; single tenant matches our tenant check.
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
  }
}

// Written to env/.env.<environment> by the Toolkit (names as they are).
output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
