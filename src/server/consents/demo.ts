import type { DemoStep } from '../db/demo.ts';
import { templatesRepository } from './templates-repository.ts';

/** The demo clinic starts with the default consent templates in English and Russian. */
export const consentDemoStep: DemoStep = async (q, clinicId) => {
  await templatesRepository.seedDefaults(q, clinicId);
};
