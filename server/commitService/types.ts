import type { z } from 'zod';
import type { commitReportSchema, outcomeSchema } from '../../shared/contract/commit';

export type OutcomeWire = z.infer<typeof outcomeSchema>;
export type ReportWire = z.infer<typeof commitReportSchema>;
