// One assessment in progress: the input with its products resolved and the sums the rules share,
// worked out once, and the findings collected so far.
import { resolveStarterProduct, type ProductFacts, type ProductResolver } from '../catalog/starter.ts';
import { areas as areaVocab, techniques, type Lang, type TechniqueCode } from '../vocabulary/index.ts';
import { dayNumber } from './dates.ts';
import { AssessmentInputError, type InputIssue } from './errors.ts';
import type { RuleFacts } from './facts.ts';
import type { AssessmentInput } from './input-schema.ts';
import { message } from './messages.ts';
import { inlineProductFacts, profileOf, type ProductProfile } from './product-profile.ts';
import { RULES, type Level, type RuleId } from './rules.ts';
import { resolveSettings, type Settings } from './settings.ts';

export interface Finding {
  readonly rule: RuleId;
  readonly level: Level;
  readonly message: string;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly source: string;
}

export interface ResolvedComponent {
  readonly index: number;
  /** Catalog code, or the name of an inline product: what lots and consents refer to. */
  readonly key: string;
  /** Product name in the requested language. */
  readonly name: string;
  readonly facts: ProductFacts;
  readonly profile: ProductProfile;
  readonly volumeMl: number;
}

export interface RunOptions {
  readonly lang?: Lang;
  readonly resolveProduct?: ProductResolver;
}

// Sums of decimal volumes (0.1 + 0.2) must compare equal to the threshold a clinician typed.
const tidy = (value: number): number => Math.round(value * 1e6) / 1e6;

export class Run {
  readonly input: AssessmentInput;
  readonly lang: Lang;
  readonly settings: Settings;
  readonly date: string;
  readonly day: number;
  readonly technique: TechniqueCode | undefined;
  /** Injection-only rules apply; an absent technique counts as injection, the stricter reading. */
  readonly injection: boolean;
  readonly components: readonly ResolvedComponent[];
  /** Union of the substance classes of every component. */
  readonly classMask: number;
  readonly sessionVolumeMl: number | undefined;
  /** Volume into face, neck and lower eyelid; undefined when the areas are not given. */
  readonly faceNeckVolumeMl: number | undefined;
  private readonly block: Finding[] = [];
  private readonly warn: Finding[] = [];
  private readonly info: Finding[] = [];

  constructor(input: AssessmentInput, options: RunOptions | undefined) {
    this.input = input;
    this.lang = options?.lang ?? 'en';
    this.settings = resolveSettings(input.clinic?.settings);
    this.date = input.date;
    this.day = dayNumber(input.date);
    const procedure = input.procedure;
    this.technique = procedure?.technique;
    this.injection = this.technique === undefined || techniques.entries[this.technique].injection;

    const issues: InputIssue[] = [];
    const components = this.resolveComponents(options?.resolveProduct ?? resolveStarterProduct, issues);
    this.components = components;
    this.checkLots(issues);
    if (issues.length > 0) throw new AssessmentInputError(issues);

    let classMask = 0;
    let componentVolume = 0;
    for (const c of components) {
      classMask |= c.profile.classMask;
      componentVolume += c.volumeMl;
    }
    this.classMask = classMask;

    const treated = procedure?.areas;
    if (treated !== undefined && treated.length > 0) {
      let total = 0;
      let faceNeck = 0;
      for (const a of treated) {
        total += a.volumeMl;
        if (areaVocab.entries[a.area].faceNeck) faceNeck += a.volumeMl;
      }
      this.sessionVolumeMl = tidy(total);
      this.faceNeckVolumeMl = tidy(faceNeck);
    } else {
      this.sessionVolumeMl = components.length > 0 ? tidy(componentVolume) : undefined;
      this.faceNeckVolumeMl = undefined;
    }
  }

  /** Records a finding unless the clinic has switched the rule off. */
  add<R extends RuleId>(rule: R, level: Level, facts: RuleFacts[R]): void {
    const meta = RULES[rule];
    if (meta.switchable && !this.settings.rules[rule as keyof Settings['rules']]) return;
    const finding: Finding = { rule, level, message: message(rule, facts, this.lang), facts, source: meta.source };
    (level === 'block' ? this.block : level === 'warn' ? this.warn : this.info).push(finding);
  }

  /** Findings, most severe first, each level in the order the rules ran. */
  findings(): Finding[] {
    return this.block.concat(this.warn, this.info);
  }

  get decision(): 'block' | 'warn' | 'ok' {
    return this.block.length > 0 ? 'block' : this.warn.length > 0 ? 'warn' : 'ok';
  }

  /** True when an area of the procedure is `area`; undefined when the areas are not given. */
  treats(area: string): boolean | undefined {
    const treated = this.input.procedure?.areas;
    if (treated === undefined) return undefined;
    for (const a of treated) if (a.area === area) return true;
    return false;
  }

  private resolveComponents(resolve: ProductResolver, issues: InputIssue[]): ResolvedComponent[] {
    const given = this.input.procedure?.components;
    if (given === undefined) return [];
    const out: ResolvedComponent[] = [];
    for (let index = 0; index < given.length; index++) {
      const c = given[index];
      if (c === undefined) continue;
      let facts: ProductFacts | undefined;
      let key: string;
      if (typeof c.product === 'string') {
        key = c.product;
        facts = resolve(key);
        if (facts === undefined) {
          issues.push({ path: `procedure.components[${index}].product`, message: `unknown product code ${JSON.stringify(key)}` });
          continue;
        }
      } else {
        key = c.product.name;
        facts = inlineProductFacts(c.product);
      }
      const name = this.lang === 'ru' ? (facts.nameRu ?? facts.name) : facts.name;
      out.push({ index, key, name, facts, profile: profileOf(facts), volumeMl: c.volumeMl });
    }
    return out;
  }

  private checkLots(issues: InputIssue[]): void {
    const lots = this.input.procedure?.lots;
    if (lots === undefined) return;
    const keys = (this.input.procedure?.components ?? []).map((c) => (typeof c.product === 'string' ? c.product : c.product.name));
    for (let i = 0; i < lots.length; i++) {
      const product = lots[i]?.product;
      if (product !== undefined && !keys.includes(product)) {
        issues.push({ path: `procedure.lots[${i}].product`, message: `names no component of the procedure: ${JSON.stringify(product)}` });
      }
    }
  }
}
