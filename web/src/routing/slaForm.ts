// SLA calendars and policies (routing-service sla.web) as the admin screen edits them: pure, so the mapping both
// ways is tested without a browser.
import type { Schemas } from '../api/client';
import { formOf as ruleFormOf, requestOf as ruleRequestOf, type ConditionRow } from '../admin/rules/ruleForm';

export type Calendar = Schemas['SlaCalendar'];
export type CalendarRequest = Schemas['SlaCalendarRequest'];
export type Policy = Schemas['SlaPolicy'];
export type PolicyRequest = Schemas['SlaPolicyRequest'];

/** The calendar API's weekdays (java.time.DayOfWeek names). */
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type Metric = (typeof METRICS)[number];
export const BASES = ['business', 'calendar'] as const;
export const BREACH_TYPES = ['escalate', 'raise_priority', 'notify_team_lead'] as const;
export type BreachType = (typeof BREACH_TYPES)[number];

export interface Slot { start: string; end: string }
export interface Holiday { date: string; name: string }

export interface CalendarForm {
  name: string;
  zone: string;
  slots: Record<string, Slot[]>;
  holidays: Holiday[];
  isDefault: boolean;
}

export function emptyCalendar(zone = 'UTC'): CalendarForm {
  const slots: Record<string, Slot[]> = {};
  for (const day of DAYS) slots[day] = day === 'SATURDAY' || day === 'SUNDAY' ? [] : [{ start: '09:00', end: '17:00' }];
  return { name: '', zone, slots, holidays: [], isDefault: false };
}

export function calendarFormOf(calendar: Calendar): CalendarForm {
  const slots: Record<string, Slot[]> = {};
  for (const day of DAYS) slots[day] = (calendar.slots?.[day] ?? []).map((slot) => ({ start: slot.start ?? '', end: slot.end ?? '' }));
  return {
    name: calendar.name ?? '',
    zone: calendar.zone ?? 'UTC',
    slots,
    holidays: (calendar.holidays ?? []).map((holiday) => ({ date: holiday.date ?? '', name: holiday.name ?? '' })),
    isDefault: calendar.default ?? false,
  };
}

/** The form as the API's request; every row is sent (none dropped), so the paths of a 422 match the rows shown. */
export function calendarRequestOf(form: CalendarForm): CalendarRequest {
  const slots: Record<string, Slot[]> = {};
  for (const day of DAYS) slots[day] = (form.slots[day] ?? []).map((slot) => ({ start: slot.start.trim(), end: slot.end.trim() }));
  return {
    name: form.name.trim(),
    zone: form.zone,
    slots,
    holidays: form.holidays.map((holiday) => ({ date: holiday.date.trim(), name: holiday.name.trim() })),
    default: form.isDefault,
  };
}

export interface TargetCell { minutes: string; basis: string }
export interface BreachRow { type: BreachType; value: string }

export interface PolicyForm {
  name: string;
  position: number;
  active: boolean;
  calendarId: string; // '' = the tenant's default calendar
  match: 'all' | 'any';
  conditions: ConditionRow[];
  /** by priority, then metric; empty minutes = no target */
  targets: Record<string, Record<string, TargetCell>>;
  warningLeadMinutes: string;
  breachActions: BreachRow[];
}

export function emptyPolicy(position: number): PolicyForm {
  return { name: '', position, active: true, calendarId: '', match: 'all', conditions: [], targets: {}, warningLeadMinutes: '',
    breachActions: [] };
}

/** The field of a breach action that carries its value. */
export const BREACH_FIELD: Record<BreachType, 'groupId' | 'priority' | 'userId'> = {
  escalate: 'groupId', raise_priority: 'priority', notify_team_lead: 'userId',
};

export function policyFormOf(policy: Policy): PolicyForm {
  const rule = ruleFormOf({ conditions: policy.conditions as Schemas['RuleCondition'][], match: policy.match });
  const targets: PolicyForm['targets'] = {};
  for (const [priority, metrics] of Object.entries(policy.targets ?? {})) {
    targets[priority] = {};
    for (const [metric, target] of Object.entries(metrics ?? {})) {
      targets[priority]![metric] = { minutes: target.minutes === undefined ? '' : String(target.minutes), basis: target.basis ?? 'business' };
    }
  }
  return {
    name: policy.name ?? '',
    position: policy.position ?? 0,
    active: policy.active ?? true,
    calendarId: policy.calendarId ?? '',
    match: rule.match,
    conditions: rule.conditions,
    targets,
    warningLeadMinutes: policy.warningLeadMinutes ? String(policy.warningLeadMinutes) : '',
    breachActions: (policy.breachActions ?? []).map((action) => {
      const type = (BREACH_TYPES as readonly string[]).includes(action.type ?? '') ? action.type as BreachType : 'escalate';
      return { type, value: action[BREACH_FIELD[type]] ?? '' };
    }),
  };
}

/** Minutes as typed: a whole number, or what was typed when it is none (NaN's absence would hide the mistake). */
const minutesOf = (typed: string): number => (/^\d+$/.test(typed.trim()) ? Number(typed.trim()) : -1);

export function policyRequestOf(form: PolicyForm): PolicyRequest {
  const rule = ruleRequestOf({ name: form.name, position: form.position, active: form.active, triggers: [], match: form.match,
    conditions: form.conditions, actions: [] });
  const targets: PolicyRequest['targets'] = {};
  for (const [priority, metrics] of Object.entries(form.targets)) {
    for (const [metric, cell] of Object.entries(metrics)) {
      if (cell.minutes.trim() === '') continue;
      (targets[priority] ??= {})[metric] = { minutes: minutesOf(cell.minutes), basis: cell.basis };
    }
  }
  const lead = form.warningLeadMinutes.trim();
  return {
    name: form.name.trim(),
    position: form.position,
    active: form.active,
    calendarId: form.calendarId || null,
    match: form.match,
    conditions: rule.conditions as Schemas['ConditionSpec'][],
    targets,
    warningLeadMinutes: lead === '' ? 0 : minutesOf(lead),
    breachActions: form.breachActions.map((row) => ({ type: row.type, [BREACH_FIELD[row.type]]: row.value.trim() })),
  };
}

/** The policies in the order they are tried: position, then id. */
export function policiesInOrder(policies: Policy[]): Policy[] {
  return [...policies].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || (a.id ?? '').localeCompare(b.id ?? ''));
}

/** The IANA time zones this browser knows, the current one first among them if missing. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC', 'Europe/Berlin', 'Europe/London', 'America/New_York'];
  const zones = known.includes('UTC') ? known : ['UTC', ...known];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}

/** A minutes count in words-free short form for the table: 90 -> "1 h 30 min". */
export function duration(minutes: number | undefined): string {
  if (minutes === undefined) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
}
