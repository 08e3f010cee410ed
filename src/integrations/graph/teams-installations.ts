import type { Client } from '@microsoft/microsoft-graph-client';
import { DeliveryError } from '../../domain/delivery';
import type { AppInstallations } from '../../domain/delivery-ports';
import type { Person } from '../../domain/people';
import type { Log } from '../../domain/ports';
import { toDeliveryError, toIntegrationError } from './graph-errors';

/**
 * The app's personal installation for a person, through Graph (facts §5): look it up by the
 * manifest id, install it when missing (`TeamsAppInstallation.ReadWriteForUser.All`), and read the
 * personal chat's id. Installation and chat ids are looked up every time, never stored (compliance).
 * The org-catalog id of the app is not personal and is kept in memory once found.
 */
export class GraphAppInstallations implements AppInstallations {
  private catalogId: string | undefined;

  constructor(private readonly graph: Client, private readonly options: { teamsAppId: string | undefined; graphBaseUrl: string; log: Log }) {}

  async personalChatId(person: Person): Promise<string> {
    const installationId = await this.findOrInstall(person);
    const chat = (await this.call('get installation chat', () =>
      this.graph.api(`/users/${encodeURIComponent(person.userId)}/teamwork/installedApps/${encodeURIComponent(installationId)}/chat`).get(),
    )) as { id?: string };
    if (!chat.id) throw new DeliveryError('TRANSIENT', 'graph returned an installation chat without an id');
    return chat.id;
  }

  async ensureInstalled(person: Person): Promise<void> {
    await this.findOrInstall(person);
  }

  private async findOrInstall(person: Person): Promise<string> {
    const found = await this.find(person);
    if (found) return found;
    await this.install(person);
    const installed = await this.find(person);
    // Graph may take a moment to list a fresh installation: try again later rather than fail.
    if (!installed) throw new DeliveryError('TRANSIENT', 'graph installed the app but does not list it yet');
    this.options.log.info({ event: 'app-installed-for-person' }, 'installed the app for a person through Graph to reach them');
    return installed;
  }

  private async find(person: Person): Promise<string | undefined> {
    const appId = this.teamsAppId();
    const result = (await this.call('list installed apps', () =>
      this.graph
        .api(`/users/${encodeURIComponent(person.userId)}/teamwork/installedApps`)
        .expand('teamsApp')
        .filter(`teamsApp/externalId eq '${appId}'`)
        .get(),
    )) as { value?: { id?: string }[] };
    return result.value?.[0]?.id;
  }

  private async install(person: Person): Promise<void> {
    const catalogId = await this.findCatalogId();
    try {
      await this.graph.api(`/users/${encodeURIComponent(person.userId)}/teamwork/installedApps`).post({
        'teamsApp@odata.bind': `${this.options.graphBaseUrl.replace(/\/+$/, '')}/v1.0/appCatalogs/teamsApps/${catalogId}`,
      });
    } catch (error) {
      const failure = toIntegrationError(error, 'install app');
      // 409: installed meanwhile (facts §5: community-reported code for "already installed").
      if (failure.status !== 409) throw toDeliveryError(failure);
    }
  }

  private async findCatalogId(): Promise<string> {
    if (this.catalogId) return this.catalogId;
    const appId = this.teamsAppId();
    const result = (await this.call('find app in catalog', () =>
      this.graph.api('/appCatalogs/teamsApps').filter(`externalId eq '${appId}'`).get(),
    )) as { value?: { id?: string }[] };
    const id = result.value?.[0]?.id;
    if (!id) throw new DeliveryError('REJECTED', 'the app is not in the organisation catalogue: publish it before reminders can install it');
    this.catalogId = id;
    return id;
  }

  private teamsAppId(): string {
    if (!this.options.teamsAppId) throw new DeliveryError('REJECTED', 'TEAMS_APP_ID is not set: the app installation cannot be found through Graph');
    return this.options.teamsAppId;
  }

  private async call(operation: string, request: () => Promise<unknown>): Promise<unknown> {
    try {
      return await request();
    } catch (error) {
      throw toDeliveryError(toIntegrationError(error, operation));
    }
  }
}
