// Dose rules: session volume, face-and-neck volume, depth, and the anaesthetic dose.
import { maskOf } from '../product-profile.ts';
import type { Run } from '../run.ts';
import type { SubstanceClass } from '../../vocabulary/index.ts';

const DEEP_BLOCK_CLASSES: readonly SubstanceClass[] = ['lipolytic', 'corticosteroid', 'nsaid'];
const DEEP_BLOCK_MASK = maskOf(DEEP_BLOCK_CLASSES);

/** dose-low, dose-high, deep-injection (injection techniques only) and anesthetic-dose. */
export function doseRules(run: Run): void {
  anestheticDose(run);
  if (!run.injection) return;
  const s = run.settings;
  const session = run.sessionVolumeMl;
  const faceNeck = run.faceNeckVolumeMl;
  const sessionOver = session !== undefined && session > s.maxSessionVolumeMl;
  const faceNeckOver = faceNeck !== undefined && faceNeck > s.maxFaceNeckVolumeMl;

  if (session !== undefined && session < s.minSessionVolumeMl) run.add('dose-low', 'info', { volumeMl: session, thresholdMl: s.minSessionVolumeMl });
  if (sessionOver) run.add('dose-high', 'warn', { scope: 'session', volumeMl: session, thresholdMl: s.maxSessionVolumeMl });
  if (faceNeckOver) run.add('dose-high', 'warn', { scope: 'face-neck', volumeMl: faceNeck, thresholdMl: s.maxFaceNeckVolumeMl });

  // deep-injection: deeper than mid-dermis warns; with a lipolytic, corticosteroid or NSAID over
  // the session dose limit it blocks.
  const depthMm = run.input.procedure?.depthMm;
  if (depthMm === undefined || depthMm <= s.maxDepthMm) return;
  const thresholdMm = s.maxDepthMm;
  if ((run.classMask & DEEP_BLOCK_MASK) !== 0 && (sessionOver || faceNeckOver)) {
    const classes = DEEP_BLOCK_CLASSES.filter((c) => (run.classMask & maskOf([c])) !== 0);
    const productNames = run.components.filter((p) => (p.profile.classMask & DEEP_BLOCK_MASK) !== 0).map((p) => p.name);
    const over = sessionOver
      ? { scope: 'session' as const, volumeMl: session, limitMl: s.maxSessionVolumeMl }
      : { scope: 'face-neck' as const, volumeMl: faceNeck ?? 0, limitMl: s.maxFaceNeckVolumeMl };
    run.add('deep-injection', 'block', { depthMm, thresholdMm, classes, productNames, ...over });
  } else {
    run.add('deep-injection', 'warn', { depthMm, thresholdMm });
  }
}

// anesthetic-dose: lidocaine over 4.5 mg/kg (max 300 mg), or 7 mg/kg (max 500 mg) when every
// lidocaine component carries adrenaline; needs the patient's weight.
function anestheticDose(run: Run): void {
  const weightKg = run.input.patient?.weightKg;
  if (weightKg === undefined) return;
  let dose = 0;
  let any = false;
  let withAdrenaline = true;
  for (const p of run.components) {
    if (!p.profile.lidocaine) continue;
    any = true;
    dose += p.volumeMl * p.profile.lidocaineMgPerMl;
    if (!p.profile.lidocaineWithAdrenaline) withAdrenaline = false;
  }
  if (!any) return;
  const s = run.settings;
  const mgPerKg = withAdrenaline ? s.lidocaineAdrenalineMgPerKg : s.lidocaineMgPerKg;
  const maxMg = withAdrenaline ? s.lidocaineAdrenalineMaxMg : s.lidocaineMaxMg;
  const limitMg = Math.round(Math.min(mgPerKg * weightKg, maxMg) * 1e6) / 1e6;
  const doseMg = Math.round(dose * 1e6) / 1e6;
  if (doseMg > limitMg) run.add('anesthetic-dose', 'block', { substance: 'lidocaine', doseMg, limitMg, weightKg, mgPerKg, maxMg, withAdrenaline });
}
