// Rules about the products of the cocktail themselves.
import { techniques } from '../../vocabulary/index.ts';
import { dayNumber } from '../dates.ts';
import { CLASS_BIT } from '../product-profile.ts';
import type { ResolvedComponent, Run } from '../run.ts';

/** route, unlicensed, slow-onset, multi-dose-vial, too-many-components, lower-eyelid-ha, pc-lidocaine-mix, lipolytic rules. */
export function cocktailRules(run: Run): void {
  const components = run.components;
  if (components.length === 0) return;
  for (const p of components) {
    const ref = { product: p.key, productName: p.name };
    if (!p.facts.intradermal) run.add('route', 'block', ref);
    if (!p.facts.licensed) run.add('unlicensed', 'block', ref);
    if ((p.profile.classMask & CLASS_BIT.homeopathic) !== 0) run.add('slow-onset', 'info', ref);
    if (p.facts.multiDose === true) run.add('multi-dose-vial', 'info', ref);
  }

  const s = run.settings;
  if (components.length > s.maxComponents) run.add('too-many-components', 'warn', { count: components.length, threshold: s.maxComponents });

  // lower-eyelid-ha: hyaluronic acid in the lower eyelid swells for long, then sags (seed 004).
  if ((run.classMask & CLASS_BIT['hyaluronic-acid']) !== 0 && run.treats('lower-eyelid') === true) {
    for (const p of components) {
      const sub = p.facts.substances.find((x) => x.class === 'hyaluronic-acid');
      if (sub !== undefined) run.add('lower-eyelid-ha', 'warn', { product: p.key, productName: p.name, area: 'lower-eyelid', substance: sub.code });
    }
  }

  // pc-lidocaine-mix: phosphatidylcholine and lidocaine in one syringe make an inactive salt.
  const pc = components.find((p) => p.profile.phosphatidylcholine);
  const lidocaine = pc === undefined ? undefined : components.find((p) => p.profile.lidocaine);
  if (pc !== undefined && lidocaine !== undefined) {
    run.add('pc-lidocaine-mix', 'warn', { product: pc.key, productName: pc.name, lidocaineProduct: lidocaine.key, lidocaineProductName: lidocaine.name });
  }

  if ((run.classMask & CLASS_BIT.lipolytic) !== 0) lipolyticRules(run, components);
}

function lipolyticRules(run: Run, components: readonly ResolvedComponent[]): void {
  const s = run.settings;
  const technique = run.technique;
  const depthMm = run.input.procedure?.depthMm;
  const superficialTechnique = technique !== undefined && techniques.entries[technique].superficial;
  let first: ResolvedComponent | undefined;
  for (const p of components) {
    const sub = p.facts.substances.find((x) => x.class === 'lipolytic');
    if (sub === undefined) continue;
    first ??= p;
    // lipolytic-superficial: a detergent lipolytic placed in epidermis or dermis causes necrosis.
    const ref = { product: p.key, productName: p.name, substance: sub.code };
    if (superficialTechnique) run.add('lipolytic-superficial', 'block', { ...ref, reason: 'technique', technique });
    else if (depthMm !== undefined && depthMm <= s.intradermalMaxDepthMm) {
      run.add('lipolytic-superficial', 'block', { ...ref, reason: 'depth', depthMm, thresholdMm: s.intradermalMaxDepthMm });
    }
  }

  // lipolytic-interval: lipolytic sessions at least N days (default 4 weeks) apart.
  const last = run.input.history?.lastLipolyticSessionDate;
  if (first === undefined || last === undefined) return;
  const days = run.day - dayNumber(last);
  if (days < s.lipolyticIntervalDays) {
    run.add('lipolytic-interval', 'warn', { product: first.key, productName: first.name, lastLipolyticSessionDate: last, days, thresholdDays: s.lipolyticIntervalDays });
  }
}
