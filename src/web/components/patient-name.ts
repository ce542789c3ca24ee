// How a patient's name is written: family name first, as clinic records and Russian usage have it.
export interface Named {
  givenName: string;
  familyName: string;
  patronymic?: string | null;
}

/** "Ivanova Elena Sergeevna". */
export function fullName(p: Named): string {
  return [p.familyName, p.givenName, p.patronymic].filter(Boolean).join(' ');
}

/** Two letters for an avatar. */
export function nameInitials(p: Named): string {
  return `${p.familyName.charAt(0)}${p.givenName.charAt(0)}`.toUpperCase();
}
