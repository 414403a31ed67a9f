import { useEffect, useState } from 'react';
import { api } from '../api/client';

/** A colleague from the staff directory (GET /api/staff). */
export interface Colleague {
  id: string;
  name: string;
  email?: string;
  role: string;
  groups: string[];
}

let directory: Promise<Colleague[]> | null = null;

/** The tenant's active staff, read once per page (they change rarely; a reload reads them again). */
export function staffDirectory(): Promise<Colleague[]> {
  directory ??= api.GET('/api/staff').then(({ data }) => (data ?? []).map((member) => ({
    id: member.id ?? '', name: member.name || member.email || member.id || '', email: member.email ?? undefined,
    role: member.role ?? '', groups: member.groups ?? [],
  })).filter((member) => member.id)).catch(() => {
    directory = null; // try again next time
    return [];
  });
  return directory;
}

/** Reads the directory again next time (a test's next page). */
export function forgetStaffDirectory() {
  directory = null;
}

/** The staff directory for a component; empty until read (or when the caller may not read it). */
export function useStaff(enabled = true): Colleague[] {
  const [staff, setStaff] = useState<Colleague[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void staffDirectory().then((found) => live && setStaff(found));
    return () => { live = false; };
  }, [enabled]);
  return staff;
}

/** Every group someone of the staff (or the caller) belongs to, sorted: the groups a ticket can go to. */
export function groupsOf(staff: Colleague[], mine: string[] = []): string[] {
  return [...new Set([...mine, ...staff.flatMap((member) => member.groups)])].sort((a, b) => a.localeCompare(b));
}
