// The clinic's audit log (owners).
import { api } from './client.ts';
import type { Page } from './patients.ts';

export interface AuditEvent {
  id: string;
  at: string;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  ip: string | null;
  outcome: string;
  details: Record<string, unknown>;
}

export interface AuditFilters {
  from?: string | undefined;
  to?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  outcome?: string | undefined;
  cursor?: string | undefined;
}

export const listAuditEvents = (filters: AuditFilters) => api.get<Page<AuditEvent>>('/audit-events', { ...filters, limit: 100 });
