// The sections of the app and the capability each needs (GET /auth/me lists the user's).
import type { Capability } from '../../domain/permissions.ts';
import { IconAlert, IconAudit, IconCatalog, IconFollowUp, IconPatients, IconReports, IconSettings, IconToday } from './icons.tsx';

export interface NavItem {
  to: string;
  label: 'nav.today' | 'nav.patients' | 'nav.catalog' | 'nav.followUps' | 'nav.reports' | 'nav.settings' | 'nav.audit' | 'alerts.nav';
  icon: typeof IconToday;
  /** Shown when the user holds this capability; none = everyone signed in. */
  capability?: Capability;
}

export const navItems: NavItem[] = [
  { to: '/', label: 'nav.today', icon: IconToday },
  { to: '/patients', label: 'nav.patients', icon: IconPatients, capability: 'patients.read' },
  { to: '/catalog', label: 'nav.catalog', icon: IconCatalog, capability: 'catalog.read' },
  { to: '/follow-ups', label: 'nav.followUps', icon: IconFollowUp, capability: 'adverse-events.read' },
  { to: '/alerts', label: 'alerts.nav', icon: IconAlert, capability: 'clinical.read' },
  { to: '/reports', label: 'nav.reports', icon: IconReports, capability: 'reports.read' },
  { to: '/settings', label: 'nav.settings', icon: IconSettings },
  { to: '/audit', label: 'nav.audit', icon: IconAudit, capability: 'audit.read' },
];
