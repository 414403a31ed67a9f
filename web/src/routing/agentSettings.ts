// routing-service's agent settings (assignment.web) as the screens edit them: pure, so the mapping both ways is
// tested without a browser. A PUT replaces every setting, so a change of one (the status) sends the others as read.
import type { Schemas } from '../api/client';

export type AgentProfile = Schemas['AgentAssignmentProfile'];
export type AgentSettings = Schemas['AgentSettings'];
export type AgentStatus = AgentSettings['status'];
export const AGENT_STATUSES: AgentStatus[] = ['available', 'away', 'offline'];
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** The If-Match header for a stored version; none for settings never stored (version null), which any PUT creates. */
export function ifMatch(version: number | null | undefined): { 'If-Match'?: string } {
  return version === null || version === undefined ? {} : { 'If-Match': `"${version}"` };
}

/** The stored settings as a request again, with some of them changed. */
export function settingsOf(profile: AgentProfile, change: Partial<AgentSettings> = {}): AgentSettings {
  return {
    skills: profile.skills ?? [],
    languages: profile.languages ?? [],
    capacity: profile.capacity ?? null,
    timeZone: profile.timeZone ?? 'UTC',
    schedule: profile.schedule ?? {},
    status: profile.status ?? 'offline',
    groups: profile.groups ?? [],
    ...change,
  };
}

/** The form of the agents' table: lists and numbers as typed. */
export interface AgentForm {
  skills: string;
  languages: string;
  capacity: string;
  timeZone: string;
  status: AgentStatus;
  groups: string[];
  /** per weekday, slots as typed: "09:00-12:00, 13:00-17:00" */
  schedule: Record<string, string>;
}

const list = (value: string): string[] => value.split(',').map((part) => part.trim()).filter(Boolean);

export function agentFormOf(profile: AgentProfile): AgentForm {
  const schedule: Record<string, string> = {};
  for (const day of WEEKDAYS) {
    schedule[day] = (profile.schedule?.[day] ?? []).map((slot) => `${slot.start}-${slot.end}`).join(', ');
  }
  return {
    skills: (profile.skills ?? []).join(', '),
    languages: (profile.languages ?? []).join(', '),
    capacity: profile.capacity === null || profile.capacity === undefined ? '' : String(profile.capacity),
    timeZone: profile.timeZone ?? 'UTC',
    status: profile.status ?? 'offline',
    groups: profile.groups ?? [],
    schedule,
  };
}

/**
 * The form as the API's request. A slot that is not "HH:mm-HH:mm" is sent as typed (start only) so the API's 422
 * names it at its place (`schedule.monday[1]`); an empty capacity is none; a capacity that is no number is sent as
 * NaN's absence would hide it, so it goes as -1 and the API refuses it by name.
 */
export function agentRequestOf(form: AgentForm, version: number | null | undefined): AgentSettings {
  const schedule: Record<string, { start: string; end: string }[]> = {};
  for (const day of WEEKDAYS) {
    const slots = list(form.schedule[day] ?? '').map((slot) => {
      const [start = '', end = ''] = slot.split(/\s*[-–]\s*/);
      return { start: start.trim(), end: end.trim() };
    });
    if (slots.length) schedule[day] = slots;
  }
  const capacity = form.capacity.trim();
  return {
    skills: list(form.skills),
    languages: list(form.languages),
    capacity: capacity === '' ? null : /^\d+$/.test(capacity) ? Number(capacity) : -1,
    timeZone: form.timeZone.trim() || 'UTC',
    schedule,
    status: form.status,
    groups: form.groups,
    ...(version === null || version === undefined ? {} : { version }),
  };
}

export type GroupAssignment = Schemas['GroupAssignment'];
export type GroupAssignmentSettings = Schemas['GroupAssignmentSettings'];
export const STRATEGIES: GroupAssignmentSettings['strategy'][] = ['manual', 'round_robin', 'least_loaded'];
export const LOAD_MEASURES = ['open_tickets', 'spare_capacity'] as const;

export interface GroupForm {
  strategy: GroupAssignmentSettings['strategy'];
  loadMeasure: (typeof LOAD_MEASURES)[number];
  matchSkills: boolean;
  matchLanguage: boolean;
  maxOpenPerAgent: string;
}

export function groupFormOf(settings: GroupAssignment | undefined): GroupForm {
  return {
    strategy: settings?.strategy ?? 'manual',
    loadMeasure: settings?.loadMeasure ?? 'open_tickets',
    matchSkills: settings?.matchSkills ?? false,
    matchLanguage: settings?.matchLanguage ?? false,
    maxOpenPerAgent: settings?.maxOpenPerAgent === null || settings?.maxOpenPerAgent === undefined ? '' : String(settings.maxOpenPerAgent),
  };
}

export function groupRequestOf(form: GroupForm): GroupAssignmentSettings {
  const cap = form.maxOpenPerAgent.trim();
  return {
    strategy: form.strategy,
    loadMeasure: form.loadMeasure,
    matchSkills: form.matchSkills,
    matchLanguage: form.matchLanguage,
    maxOpenPerAgent: cap === '' ? null : /^\d+$/.test(cap) ? Number(cap) : -1,
  };
}
