import type { UsageCountSource } from '../domain/privacy-ports';
import { buildUsageReport, REPORT_METRICS, type UsageReportRow } from '../domain/usage-report';

/** The provider's aggregate report: per tenant and week, no person, no group under five people. */
export class UsageReportService {
  constructor(private readonly source: UsageCountSource) {}

  async report(): Promise<UsageReportRow[]> {
    return buildUsageReport(await this.source.weeklyCounts(Object.values(REPORT_METRICS)));
  }
}
