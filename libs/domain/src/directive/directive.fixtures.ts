import { isoDate } from '../shared/calendar';
import { directiveId } from '../shared/ids';
import { IssueDirective } from './directive.commands';
import { DirectiveIssued } from './directive.events';

// Plan 29/KH-UBND of 1 March 2023 of Kiên Hải district, forwarded by the district health centre
// with dispatch 3/TCV-TTYT of 3 March 2023. Its half-yearly due dates here are for the specs.

export const PLAN = directiveId('kh-29-2023');
export const HEALTH_CENTRE = { id: 'ttyt-kien-hai', name: 'Trung tâm Y tế huyện Kiên Hải' };
export const COMMUNE_AN_SON = { id: 'ubnd-an-son', name: 'UBND xã An Sơn' };
export const STATION_AN_SON = { id: 'tyt-an-son', name: 'Trạm Y tế xã An Sơn' };

export const issue = (overrides: Partial<IssueDirective['data']> = {}): IssueDirective => ({
  type: 'IssueDirective',
  data: {
    directiveId: PLAN,
    number: '29/KH-UBND',
    kind: 'ke-hoach',
    issuer: { name: 'Ủy ban nhân dân huyện Kiên Hải' },
    issuedOn: isoDate('2023-03-01'),
    subject: 'Truyền thông về Chương trình mục tiêu quốc gia giảm nghèo bền vững năm 2023 trên địa bàn huyện Kiên Hải',
    basedOn: ['220/KH-UBND', '152/KH-UBND'],
    recipients: [HEALTH_CENTRE, COMMUNE_AN_SON],
    reporting: { period: 'half-yearly', dueDates: [isoDate('2023-06-15'), isoDate('2023-12-15')] },
    targets: [],
    ...overrides,
  },
});

export const issued = (overrides: Partial<IssueDirective['data']> = {}): DirectiveIssued => ({
  type: 'DirectiveIssued.v1',
  data: issue(overrides).data,
});

/** Dispatch 3/TCV-TTYT: the health centre copies the plan on to the commune health stations. */
export const forward = () => ({
  type: 'ForwardDirective' as const,
  data: { directiveId: PLAN, by: HEALTH_CENTRE, to: [STATION_AN_SON], forwardedOn: isoDate('2023-03-03'), note: 'sao gửi theo công văn 3/TCV-TTYT' },
});

export const reportFor = (recipientId: string, period: string, reportedOn: string) => ({
  type: 'ReportImplementation' as const,
  data: { directiveId: PLAN, recipientId, period, reportedOn: isoDate(reportedOn), figures: { communicationEvents: 12, participants: 640 } },
});
