import { isoDate } from '../shared/calendar';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/errors';
import { deciderSpec } from '../shared/testing/decider-spec';
import { isCitable, requireCitable } from './citable';
import { DirectiveCommand } from './directive.commands';
import { directiveDecider } from './directive.decider';
import { DirectiveEvent } from './directive.events';
import { COMMUNE_AN_SON, forward, HEALTH_CENTRE, issue, PLAN, reportFor } from './directive.fixtures';
import { dueDateFor, overdueReports } from './reporting';

const spec = deciderSpec(directiveDecider);
const stateAfter = (...commands: DirectiveCommand[]) =>
  fold(
    directiveDecider,
    commands.reduce<DirectiveEvent[]>((events, command) => [...events, ...spec.given(events).when(command).events()], []),
  );
const revoke = (revokedOn: string) => ({
  type: 'RevokeDirective' as const,
  data: { directiveId: PLAN, revokedOn: isoDate(revokedOn), byDocument: '95/QĐ-UBND', reason: 'replaced' },
});
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('which due date a period answers', () => {
  it('a monthly report due on the 5th of the next month answers the month before', () => {
    const reporting = { period: 'monthly' as const, dueDates: ['2025-03-05', '2025-04-05', '2025-05-05'].map((d) => isoDate(d)) };
    expect(dueDateFor(reporting, '2025-03')).toBe('2025-04-05');
    expect(dueDateFor(reporting, '2025-04')).toBe('2025-05-05');
  });

  it('a half-yearly report due after the half answers that half', () => {
    const reporting = { period: 'half-yearly' as const, dueDates: ['2025-07-05', '2026-01-05'].map((d) => isoDate(d)) };
    expect([dueDateFor(reporting, '2025-H1'), dueDateFor(reporting, '2025-H2')]).toEqual(['2025-07-05', '2026-01-05']);
  });

  it('a period with no due date near its end is refused', () => {
    const reporting = { period: 'yearly' as const, dueDates: [isoDate('2023-12-15')] };
    expect(codeOf(() => dueDateFor(reporting, '2025'))).toBe('NO_DUE_DATE_FOR_PERIOD');
  });
});

describe('overdue reports', () => {
  it('on the due date nothing is overdue yet; the day after, every original recipient that has not reported owes it', () => {
    const state = stateAfter(issue(), forward(), reportFor(HEALTH_CENTRE.id, '2023-H1', '2023-06-10'));
    expect(overdueReports(state, isoDate('2023-06-15'))).toEqual([]);
    // The station the plan was forwarded to answers to the health centre, not to the district.
    expect(overdueReports(state, isoDate('2023-06-16'))).toEqual([{ recipientId: COMMUNE_AN_SON.id, dueDate: '2023-06-15' }]);
  });

  it('given a late report, then it is no longer owed but stays marked late', () => {
    const state = stateAfter(issue(), reportFor(COMMUNE_AN_SON.id, '2023-H1', '2023-07-02'));
    expect(state.issued && state.reports[0].late).toBe(true);
    expect(overdueReports(state, isoDate('2023-12-31'))).toEqual([
      { recipientId: HEALTH_CENTRE.id, dueDate: '2023-06-15' },
      { recipientId: HEALTH_CENTRE.id, dueDate: '2023-12-15' },
      { recipientId: COMMUNE_AN_SON.id, dueDate: '2023-12-15' },
    ]);
  });

  it('given a revocation, then due dates from that day on are not owed', () => {
    const state = stateAfter(issue(), revoke('2023-09-01'));
    expect(overdueReports(state, isoDate('2024-01-01')).map((r) => r.dueDate)).toEqual(['2023-06-15', '2023-06-15']);
  });

  it('given an amendment of the reporting duty, then the new due dates count', () => {
    const amend = {
      type: 'AmendDirective' as const,
      data: {
        directiveId: PLAN,
        amendedOn: isoDate('2023-04-01'),
        byDocument: '41/KH-UBND',
        changes: { reporting: { period: 'once' as const, dueDates: [isoDate('2023-11-30')] } },
      },
    };
    const state = stateAfter(issue(), amend);
    expect(overdueReports(state, isoDate('2023-12-01'))).toEqual([
      { recipientId: HEALTH_CENTRE.id, dueDate: '2023-11-30' },
      { recipientId: COMMUNE_AN_SON.id, dueDate: '2023-11-30' },
    ]);
  });

  it('given no directive, then nothing is owed', () => {
    expect(overdueReports(directiveDecider.initialState(), isoDate('2024-01-01'))).toEqual([]);
  });
});

describe('citing a directive', () => {
  const revoked = () => stateAfter(issue(), revoke('2023-09-01'));

  it('is citable from its issue date until the day before its revocation', () => {
    expect(['2023-02-28', '2023-03-01', '2023-08-31', '2023-09-01'].map((d) => isCitable(revoked(), isoDate(d)))).toEqual([false, true, true, false]);
  });

  it.each([
    ['2023-08-31', undefined],
    ['2023-09-01', 'DIRECTIVE_REVOKED'],
    ['2023-02-28', 'DIRECTIVE_NOT_YET_ISSUED'],
  ])('when cited on %s, then %s', (day, code) => {
    expect(codeOf(() => requireCitable(revoked(), PLAN, isoDate(day)))).toBe(code);
  });

  it('when an unknown directive is cited, then not found', () => {
    expect(codeOf(() => requireCitable(directiveDecider.initialState(), 'kh-0', isoDate('2023-05-01')))).toBe('DIRECTIVE_NOT_FOUND');
  });
});
