// The kinds of record the audit log names, as the server writes them (`record_type`), in the
// order the filter offers them. A kind not listed here still shows, by its code.
export const AUDIT_RECORD_TYPES = [
  'patient',
  'course',
  'session',
  'consent',
  'consent-template',
  'photo',
  'adverse-event',
  'follow-up',
  'alert',
  'lot',
  'product',
  'substance',
  'cocktail-template',
  'catalog',
  'emergency-kit-item',
  'emergency-kit-check',
  'report',
  'clinic',
  'user',
  'api-token',
  'audit-log',
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];
