/** The staff roles of a clinic. The patient (portal) is not a staff role. */
export const roles = ['owner', 'doctor', 'nurse', 'reception'] as const;
export type Role = (typeof roles)[number];

const all: readonly Role[] = roles;
const clinical: readonly Role[] = ['owner', 'doctor', 'nurse'];
const carers: readonly Role[] = ['doctor', 'nurse'];

/**
 * The permission table: capability → roles allowed. Anything not listed is denied. Reception books
 * and bills but never reads clinical notes or photos; doctors plan and override; owners manage the
 * clinic and read (never write) the clinical record.
 */
export const permissionTable = {
  'self': all,
  'clinic.read': all,
  'clinic.manage': ['owner'],
  'users.manage': ['owner'],
  'audit.read': ['owner'],
  'patients.read': all,
  'patients.write': all,
  'clinical.read': clinical,
  'clinical.write': carers,
  'courses.plan': ['doctor'],
  'sessions.record': carers,
  'sessions.override': ['doctor'],
  'assessments.run': carers,
  'consents.manage': carers,
  'consent-templates.manage': ['owner'],
  'consents.sign': ['doctor'],
  'consent-templates.read': clinical,
  'photos.read': clinical,
  'photos.write': carers,
  'adverse-events.read': clinical,
  'adverse-events.write': carers,
  'catalog.read-products': all,
  'catalog.read': clinical,
  'catalog.write': ['owner', 'doctor'],
  'catalog.import': ['owner'],
  'inventory.write': ['owner', 'doctor', 'nurse'],
  'appointments.read': all,
  'appointments.write': all,
  'billing.read': ['owner', 'reception'],
  'billing.write': ['owner', 'reception'],
  'reports.read': ['owner', 'doctor'],
  'lots.trace': clinical,
  'lots.recall': ['owner', 'doctor'],
  'alerts.acknowledge': clinical,
  'emergency-kit.manage': clinical,
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof permissionTable;

/** Whether `role` holds `capability`; deny by default. */
export function can(role: Role, capability: Capability): boolean {
  const allowed: readonly Role[] = permissionTable[capability];
  return allowed.includes(role);
}

/** Every capability a role holds (sent to the client so it shows only what can be used). */
export function capabilitiesOf(role: Role): Capability[] {
  return (Object.keys(permissionTable) as Capability[]).filter((c) => can(role, c));
}
