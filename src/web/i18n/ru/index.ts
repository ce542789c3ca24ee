// Russian UI text: the same keys as ../en; plural keys carry the Russian forms (_one, _few, _many, _other).
import type { en } from '../en/index.ts';
import type { Translation } from '../translation.ts';
import { admin } from './admin.ts';
import { alertsText } from './alerts.ts';
import { base } from './base.ts';
import { catalogText } from './catalog.ts';
import { clinical } from './clinical.ts';
import { planner } from './planner.ts';
import { records } from './records.ts';
import { treatment } from './treatment.ts';

export const ru: Translation<typeof en> = { ...base, ...admin, ...clinical, ...treatment, ...records, ...planner, ...catalogText, ...alertsText };
