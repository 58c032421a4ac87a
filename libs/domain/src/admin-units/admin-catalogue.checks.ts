import { AdminReorganisation, AdminUnit, isValidDuring } from './admin-unit';
import { CatalogueProblem } from './admin-catalogue.data';

/** Cross-checks: parents exist at the right level, mappings join units of one level that exist when they should. */
export function checkReferences(units: ReadonlyMap<string, AdminUnit>, reorganisations: readonly AdminReorganisation[]): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const levelOf = (code: string | undefined) => (code === undefined ? undefined : units.get(code)?.level);
  for (const u of units.values()) {
    if (u.level !== 'province' && levelOf(u.provinceCode) !== 'province') {
      problems.push({ rule: 'unknown-parent', code: u.code, message: `${u.code}: province ${u.provinceCode} is not in the catalogue` });
    }
    if (u.level === 'commune' && u.districtCode !== undefined && levelOf(u.districtCode) !== 'district') {
      problems.push({ rule: 'unknown-parent', code: u.code, message: `${u.code}: district ${u.districtCode} is not in the catalogue` });
    }
  }
  for (const r of reorganisations) problems.push(...checkReorganisation(units, r));
  return problems;
}

function checkReorganisation(units: ReadonlyMap<string, AdminUnit>, r: AdminReorganisation): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const at = `resolution ${r.resolution.number}`;
  const fail = (rule: string, code: string, message: string) => problems.push({ rule, code, message: `${at}: ${message}` });
  const keepsCode = new Set(r.mapping.filter((m) => m.from === m.to).map((m) => m.from));
  const ended = (code: string) => {
    const unit = units.get(code);
    if (unit && !keepsCode.has(code) && isValidDuring(unit, r.effectiveOn)) fail('predecessor-still-valid', code, `${code} is still valid on ${r.effectiveOn}`);
  };
  for (const { from, to } of r.mapping) {
    const [a, b] = [units.get(from), units.get(to)];
    if (!a) fail('unknown-unit', from, `${from} is not in the catalogue`);
    if (!b) fail('unknown-unit', to, `${to} is not in the catalogue`);
    if (!a || !b) continue;
    if (a.level !== b.level) fail('level-mismatch', from, `${from} (${a.level}) cannot map to ${to} (${b.level})`);
    if (!isValidDuring(b, r.effectiveOn)) fail('successor-not-valid', to, `${to} is not valid on ${r.effectiveOn}`);
  }
  for (const code of r.closed ?? []) {
    if (!units.has(code)) fail('unknown-unit', code, `${code} is not in the catalogue`);
  }
  new Set([...r.mapping.map((m) => m.from), ...(r.closed ?? [])]).forEach(ended);
  return problems;
}
