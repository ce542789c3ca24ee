// English UI text. Russian (../ru) must have the same keys; the compiler checks it.
import { admin } from './admin.ts';
import { alertsText } from './alerts.ts';
import { base } from './base.ts';
import { catalogText } from './catalog.ts';
import { clinical } from './clinical.ts';
import { planner } from './planner.ts';
import { records } from './records.ts';
import { treatment } from './treatment.ts';

export const en = { ...base, ...admin, ...clinical, ...treatment, ...records, ...planner, ...catalogText, ...alertsText };
