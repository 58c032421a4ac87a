import { isoDate } from '../shared/calendar';
import { directiveId } from '../shared/ids';
import { deciderSpec } from '../shared/testing/decider-spec';
import { DirectiveCommand } from './directive.commands';
import { directiveDecider } from './directive.decider';
import { DirectiveEvent, directiveStream } from './directive.events';
import { COMMUNE_AN_SON, forward, HEALTH_CENTRE, issue, issued, PLAN, reportFor, STATION_AN_SON } from './directive.fixtures';

const spec = deciderSpec(directiveDecider);
const after = (...commands: DirectiveCommand[]): DirectiveEvent[] =>
  commands.reduce<DirectiveEvent[]>((events, command) => [...events, ...spec.given(events).when(command).events()], []);
const acknowledge = (recipientId: string) => ({
  type: 'AcknowledgeDirective' as const,
  data: { directiveId: PLAN, recipientId, acknowledgedOn: isoDate('2023-03-05') },
});
const revoke = {
  type: 'RevokeDirective' as const,
  data: { directiveId: PLAN, revokedOn: isoDate('2023-09-01'), byDocument: '95/QĐ-UBND', reason: 'replaced by the 2023-2025 plan' },
};

describe('issuing a directive', () => {
  it('when the plan 29/KH-UBND is issued, then recorded as given', () => {
    spec.given([]).when(issue()).then([issued()]);
  });

  it('when the number is printed with a space before the slash, then it is stored without it', () => {
    const [event] = spec
      .given([])
      .when(issue({ number: '29 /KH-UBND' }))
      .events();
    expect(event.data).toMatchObject({ number: '29/KH-UBND' });
  });

  it.each(['715/STTTT-TTBCXB', '3/TCV-TTYT', '28/2015/QĐ-TTg', '2269/QĐ-TTg', '108/KH-UBND'])('accepts the number %s', (number) => {
    expect(spec.given([]).when(issue({ number })).events()).toHaveLength(1);
  });

  it.each(['KH-UBND', '29/', '29/KH-', '29/KH--UBND', 'số 29'])('refuses the number "%s"', (number) => {
    spec.given([]).when(issue({ number })).thenThrows('INVALID_DOCUMENT_NUMBER', 'invalid');
  });

  it('when a plan sets "reduce 43 poor and 29 near-poor households in 2019", then the target is kept', () => {
    const targets = [{ year: 2019, reducePoor: 43, reduceNearPoor: 29, areaCode: '00190' }];
    const plan = issue({
      directiveId: directiveId('kh-108-2019'),
      number: '108/KH-UBND',
      issuer: { name: 'UBND quận Đống Đa' },
      issuedOn: isoDate('2019-03-29'),
      subject: 'Triển khai chương trình giảm nghèo năm 2019',
      basedOn: [],
      reporting: undefined,
      targets,
    });
    expect(spec.given([]).when(plan).events()[0].data).toMatchObject({ targets });
  });

  it.each([[{ year: 2019, reducePoor: -1 }], [{ year: 2024, smartphoneCoveragePercent: 101 }]])('refuses the target %j', (target) => {
    spec
      .given([])
      .when(issue({ targets: [target] }))
      .thenThrows('INVALID_TARGET', 'invalid');
  });

  it('when due dates are out of order, then invalid', () => {
    spec
      .given([])
      .when(issue({ reporting: { period: 'half-yearly', dueDates: [isoDate('2023-12-15'), isoDate('2023-06-15')] } }))
      .thenThrows('INVALID_REPORTING');
  });

  it('given an issued directive, when issued again, then a conflict', () => {
    spec.given([issued()]).when(issue()).thenThrows('DIRECTIVE_ALREADY_ISSUED', 'conflict');
  });

  it('names its stream after the directive', () => {
    expect(directiveStream(PLAN)).toBe('directive-kh-29-2023');
  });
});

describe('forwarding and acknowledging', () => {
  it('given the plan, when the health centre forwards it to a commune station, then the station is a recipient too', () => {
    const events = after(issue(), forward(), acknowledge(STATION_AN_SON.id));
    expect(events.map((e) => e.type)).toEqual(['DirectiveIssued.v1', 'DirectiveForwarded.v1', 'DirectiveAcknowledged.v1']);
  });

  it('when a body that did not receive it forwards it, then refused', () => {
    spec
      .given(after(issue()))
      .when({ ...forward(), data: { ...forward().data, by: STATION_AN_SON } })
      .thenThrows('NOT_A_RECIPIENT', 'rule-violated');
  });

  it('when a body neither addressed nor forwarded to acknowledges, then refused', () => {
    spec.given(after(issue())).when(acknowledge(STATION_AN_SON.id)).thenThrows('NOT_A_RECIPIENT', 'rule-violated');
  });

  it('given an acknowledgement, when acknowledged again, then refused', () => {
    spec
      .given(after(issue(), acknowledge(COMMUNE_AN_SON.id)))
      .when(acknowledge(COMMUNE_AN_SON.id))
      .thenThrows('ALREADY_ACKNOWLEDGED');
  });
});

describe('reporting on implementation', () => {
  it('when the first half is reported before 15 June, then it answers that due date on time', () => {
    const [event] = spec
      .given(after(issue()))
      .when(reportFor(HEALTH_CENTRE.id, '2023-H1', '2023-06-14'))
      .events();
    expect(event.data).toMatchObject({ dueDate: '2023-06-15', late: false });
  });

  it('when reported on the due date, then on time; the day after, late', () => {
    expect(
      spec
        .given(after(issue()))
        .when(reportFor(HEALTH_CENTRE.id, '2023-H1', '2023-06-15'))
        .events()[0].data,
    ).toMatchObject({ late: false });
    expect(
      spec
        .given(after(issue()))
        .when(reportFor(HEALTH_CENTRE.id, '2023-H1', '2023-06-16'))
        .events()[0].data,
    ).toMatchObject({ late: true });
  });

  it('when the second half is reported, then it answers 15 December', () => {
    expect(
      spec
        .given(after(issue()))
        .when(reportFor(COMMUNE_AN_SON.id, '2023-H2', '2023-12-10'))
        .events()[0].data,
    ).toMatchObject({ dueDate: '2023-12-15' });
  });

  it('when the period is not half-yearly, then invalid', () => {
    spec
      .given(after(issue()))
      .when(reportFor(HEALTH_CENTRE.id, '2023-06', '2023-06-14'))
      .thenThrows('INVALID_PERIOD', 'invalid');
  });

  it('given a report for the half, when reported again, then a conflict', () => {
    spec
      .given(after(issue(), reportFor(HEALTH_CENTRE.id, '2023-H1', '2023-06-14')))
      .when(reportFor(HEALTH_CENTRE.id, '2023-H1', '2023-06-20'))
      .thenThrows('ALREADY_REPORTED', 'conflict');
  });

  it('given a dispatch without a reporting duty, when reported on, then refused', () => {
    spec
      .given([issued({ reporting: undefined })])
      .when(reportFor(HEALTH_CENTRE.id, '2023-H1', '2023-06-14'))
      .thenThrows('NO_REPORTING_DUTY');
  });
});

describe('amending and revoking', () => {
  it('when nothing is changed, then invalid', () => {
    spec
      .given([issued()])
      .when({ type: 'AmendDirective', data: { directiveId: PLAN, amendedOn: isoDate('2023-04-01'), byDocument: '41/KH-UBND', changes: {} } })
      .thenThrows('EMPTY_AMENDMENT');
  });

  it('given a revoked directive, then nothing but reading is allowed', () => {
    const history = after(issue(), revoke);
    spec.given(history).when(acknowledge(HEALTH_CENTRE.id)).thenThrows('DIRECTIVE_REVOKED', 'rule-violated');
    spec
      .given(history)
      .when(reportFor(HEALTH_CENTRE.id, '2023-H1', '2023-06-14'))
      .thenThrows('DIRECTIVE_REVOKED');
    spec.given(history).when(revoke).thenThrows('DIRECTIVE_REVOKED');
  });

  it('when revoked without a reason, then invalid', () => {
    spec
      .given([issued()])
      .when({ ...revoke, data: { ...revoke.data, reason: '' } })
      .thenThrows('REASON_REQUIRED', 'invalid');
  });

  it('given no directive, when acknowledged, then not found', () => {
    spec.given([]).when(acknowledge(HEALTH_CENTRE.id)).thenThrows('DIRECTIVE_NOT_FOUND', 'not-found');
  });
});
